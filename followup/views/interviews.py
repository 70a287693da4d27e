"""Logging an interview, starting the thank-you letter from it, and planning a visit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from followup.forms import InterviewForm, VisitForm
from followup.pursuit import interview_letter_start, interview_log, visit_plan
from followup.views.lookups import owned_application, owned_interview


@require_http_methods(["GET", "POST"])
def interview_new(request: HttpRequest, pk: int) -> HttpResponse:
    application = owned_application(request, pk)
    form = InterviewForm(
        request.POST or None,
        application=application,
        initial={"when": timezone.localtime().replace(minute=0, second=0, microsecond=0)},
    )
    if request.method == "POST" and form.is_valid():
        interview_log(application=application, **form.cleaned_data)
        messages.success(
            request,
            "Interview logged. Send the thank-you within a day; the follow-up call is "
            "scheduled a week out.",
        )
        return redirect(application)
    context = {"application": application, "posting": application.posting, "form": form}
    return TemplateResponse(request, "followup/interview_form.html", context)


@require_POST
def interview_letter(request: HttpRequest, pk: int) -> HttpResponse:
    letter = interview_letter_start(interview=owned_interview(request, pk))
    messages.success(request, "Thank-you letter drafted from the interview.")
    return redirect(letter)


@require_POST
def application_visit(request: HttpRequest, pk: int) -> HttpResponse:
    application = owned_application(request, pk)
    form = VisitForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pick the day and time of the visit.")
        return redirect(application)
    try:
        step = visit_plan(application=application, due=form.cleaned_data["due"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Visit planned for {timezone.localtime(step.due):%a %b %d}.")
    return redirect(application)
