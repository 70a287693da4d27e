"""Views across applications: what is due, the board by stage, and the compare view."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from followup.agenda import agenda_for
from followup.compare import COMPARE_MAX, COMPARE_MIN, compare_columns
from followup.models import Application, Stage
from followup.views.lookups import owned_application, safe_next

COMPARE_PICK = f"Pick {COMPARE_MIN} to {COMPARE_MAX} applications to compare."


def agenda_response(request: HttpRequest) -> HttpResponse:
    """The dashboard, or only its agenda for an htmx swap."""
    context = {"agenda": agenda_for(request.user, now=timezone.now()), "now": timezone.now()}
    template = "followup/dashboard.html" + ("#agenda" if request.htmx else "")
    return TemplateResponse(request, template, context)


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    return agenda_response(request)


def board_response(request: HttpRequest) -> HttpResponse:
    applications = list(
        Application.objects.owned_by(request.user).select_related("posting").order_by("priority")
    )
    columns = [
        (value, label, [item for item in applications if item.stage == value])
        for value, label in Stage.choices
    ]
    context = {"columns": columns, "stages": Stage.choices}
    template = "followup/board.html" + ("#board" if request.htmx else "")
    return TemplateResponse(request, template, context)


@require_GET
def board(request: HttpRequest) -> HttpResponse:
    return board_response(request)


@require_POST
def application_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move to another stage from the board, by drag and drop or its keyboard control."""
    application = owned_application(request, pk)
    stage = request.POST.get("stage", "")
    if stage in Stage.values and application.move_to(stage, note="Moved on the board"):
        messages.success(request, f"Moved {application} to {application.get_stage_display()}.")
    if request.htmx:
        return board_response(request)
    return redirect(safe_next(request, "board"))


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    ids = [value for value in request.GET.getlist("ids") if value.isdigit()]
    applications = Application.objects.owned_by(request.user).select_related("posting")
    chosen = list(applications.filter(pk__in=ids).with_coverage())
    error = ""
    if ids and not COMPARE_MIN <= len(chosen) <= COMPARE_MAX:
        error = COMPARE_PICK
    columns = compare_columns(chosen, now=timezone.now()) if ids and not error else []
    context = {
        "columns": columns,
        "choices": applications,
        "chosen": {application.pk for application in chosen},
        "error": error,
        "compare_max": COMPARE_MAX,
    }
    return TemplateResponse(request, "followup/compare.html", context)
