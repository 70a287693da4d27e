"""Lookups that start from request.user, so another user's object is a 404."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from letters.models import Letter, Posting, Requirement


def owned_posting(request: HttpRequest, pk: int) -> Posting:
    return get_object_or_404(Posting.objects.filter(owner=request.user), pk=pk)


def owned_requirement(request: HttpRequest, pk: int) -> Requirement:
    return get_object_or_404(
        Requirement.objects.owned_by(request.user).select_related("posting"), pk=pk
    )


def owned_letter(request: HttpRequest, pk: int) -> Letter:
    return get_object_or_404(
        Letter.objects.filter(posting__owner=request.user).select_related("posting"), pk=pk
    )
