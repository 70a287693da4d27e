"""Acting on a scheduled step: done, snooze, reschedule, and the follow-up call."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from followup.calls import talking_points
from followup.forms import CallOutcomeForm, StepForm
from followup.models import Step
from followup.pursuit import call_log
from followup.views.lookups import owned_step, safe_next
from followup.views.overview import agenda_response

SNOOZE_DAYS = {"1": 1, "3": 3, "7": 7}


def after_action(request: HttpRequest) -> HttpResponse:
    if request.htmx:
        return agenda_response(request)
    return redirect(safe_next(request, "dashboard"))


@require_POST
def step_done(request: HttpRequest, pk: int) -> HttpResponse:
    step = owned_step(request, pk)
    step.mark_done()
    messages.success(request, f"Done: {step.get_kind_display().lower()} for {step.application}.")
    return after_action(request)


@require_POST
def step_snooze(request: HttpRequest, pk: int) -> HttpResponse:
    step = owned_step(request, pk)
    days = SNOOZE_DAYS.get(request.POST.get("days", ""), 1)
    step.snooze(days)
    messages.info(
        request,
        f"Snoozed {step.get_kind_display().lower()} until {timezone.localtime(step.due):%a %b %d}.",
    )
    return after_action(request)


@require_http_methods(["GET", "POST"])
def step_edit(request: HttpRequest, pk: int) -> HttpResponse:
    step = owned_step(request, pk)
    form = StepForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Step rescheduled.")
        return redirect(step.application)
    context = {"step": step, "posting": step.application.posting, "form": form}
    return TemplateResponse(request, "followup/step_form.html", context)


@require_http_methods(["GET", "POST"])
def step_call(request: HttpRequest, pk: int) -> HttpResponse:
    """Talking points for the call, then its outcome and the next step."""
    step = owned_step(request, pk)
    if step.kind != Step.Kind.CALL:
        raise Http404("Only a follow-up call has a call page.")
    form = CallOutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = call_log(step=step, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            said = f"Call logged ({step.get_reaction_display().lower()})."
            if created:
                when = timezone.localtime(created.due)
                said += f" Next: {created.get_kind_display().lower()} on {when:%b %d}."
            messages.success(request, said)
            return redirect(step.application)
    context = {
        "step": step,
        "application": step.application,
        "posting": step.application.posting,
        "points": talking_points(step.application),
        "form": form,
    }
    return TemplateResponse(request, "followup/step_call.html", context)
