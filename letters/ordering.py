"""Lists the user orders by hand (requirements, ideas): added last, moved one place at a time."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max, QuerySet


def next_position(items: QuerySet) -> int:
    last = items.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def move_one_place(items: QuerySet, pk: int, offset: int) -> None:
    """Move item pk up (-1) or down (+1) by swapping it with its neighbour; renumber the rest."""
    siblings = list(items.order_by("position", "pk"))
    index = next(i for i, item in enumerate(siblings) if item.pk == pk)
    target = index + offset
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, item in enumerate(siblings):
        item.position = position
    items.model.objects.bulk_update(siblings, ["position"])
