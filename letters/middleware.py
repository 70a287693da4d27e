"""Show every date in the signed-in user's own time zone, and read form times in it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from letters.models import zones_of


class UserTimeZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            timezone.activate(zones_of([request.user.pk])[request.user.pk])
        else:
            timezone.deactivate()
        return self.get_response(request)
