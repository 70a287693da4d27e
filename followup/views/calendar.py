"""The calendar: a secret subscription address, and a one-off download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from followup.calendar import calendar_for
from followup.models import CalendarFeed

ICS = "text/calendar; charset=utf-8"


@require_GET
def calendar_settings(request: HttpRequest) -> HttpResponse:
    feed, _ = CalendarFeed.objects.get_or_create(user=request.user)
    url = request.build_absolute_uri(reverse("calendar_feed", args=[feed.token]))
    return TemplateResponse(request, "followup/calendar.html", {"feed": feed, "feed_url": url})


@require_POST
def calendar_regenerate(request: HttpRequest) -> HttpResponse:
    feed, _ = CalendarFeed.objects.get_or_create(user=request.user)
    feed.regenerate()
    messages.success(request, "New calendar address made; the old one no longer works.")
    return redirect("calendar")


@require_GET
def calendar_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(calendar_for(request.user), content_type=ICS)
    response["Content-Disposition"] = 'attachment; filename="followup.ics"'
    return response


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Calendar apps cannot log in: the unguessable token in the address is the key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    return HttpResponse(calendar_for(feed.user), content_type=ICS)
