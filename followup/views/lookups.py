"""Lookups that start from request.user, so another user's object is a 404."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from followup.models import Application, Interview, Step


def owned_application(request: HttpRequest, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.owned_by(request.user).select_related("posting"), pk=pk
    )


def owned_interview(request: HttpRequest, pk: int) -> Interview:
    return get_object_or_404(
        Interview.objects.filter(application__owner=request.user).select_related(
            "application__posting", "contact"
        ),
        pk=pk,
    )


def owned_step(request: HttpRequest, pk: int) -> Step:
    return get_object_or_404(
        Step.objects.owned_by(request.user).select_related(
            "application__posting", "interview__contact"
        ),
        pk=pk,
    )


def safe_next(request: HttpRequest, default: str) -> str:
    """Where a plain form goes back to: the page it came from, if it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default
