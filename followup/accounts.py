"""Opening an account: the user and the profile their letters come from."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from letters.models import Profile, zone_named


@transaction.atomic
def account_create(*, username: str, email: str, password: str, time_zone: str = ""):
    """Create the user with a profile whose time zone is the browser's, when it told us one."""
    user = get_user_model().objects.create_user(username, email=email, password=password)
    Profile.objects.create(user=user, email=email, time_zone=zone_named(time_zone).key)
    return user
