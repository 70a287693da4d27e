"""Pages of the writing app, one module per page family."""
