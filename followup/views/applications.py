"""The list of applications, a new one from a pasted posting, and each one's overview."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from followup.agenda import WEEK
from followup.applications import application_create
from followup.forms import ApplicationForm, ApplicationStageForm, VisitForm
from followup.models import Application, Stage
from followup.pursuit import last_call, visit_proposed
from followup.views.lookups import owned_application
from letters.facts import guess_facts
from letters.matching import posting_coverage
from letters.models import Coverage


def a_week_from_now() -> datetime.datetime:
    """When a visit would sensibly be: a week out, mid-morning."""
    return timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + WEEK


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    stage = request.GET.get("stage", "")
    applications = Application.objects.owned_by(request.user)
    filtered = applications.search(query)
    if stage in Stage.values:
        filtered = filtered.filter(stage=stage)
    rows = [
        (application, Coverage.of(application))
        for application in filtered.with_coverage().with_next_step().select_related("posting")
    ]
    context = {
        "rows": rows,
        "query": query,
        "stage": stage,
        "stages": Stage.choices,
        "has_any": bool(rows) or applications.exists(),
        "now": timezone.now(),
    }
    return TemplateResponse(request, "followup/application_list.html", context)


@require_http_methods(["GET", "POST"])
def application_new(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        application = application_create(owner=request.user, **form.cleaned_data)
        found = application.posting.requirements.count()
        messages.success(
            request,
            f"Saved. We found {found} requirement{'s' if found != 1 else ''}: "
            "check them, mark what to emphasize, then match.",
        )
        return redirect("letters:requirements", pk=application.pk)
    return TemplateResponse(request, "followup/application_form.html", {"form": form})


GUESSED_FIELDS = ("employer", "role_title", "location", "link")


@require_POST
def application_guess(request: HttpRequest) -> HttpResponse:
    """The new-application form's name fields, blanks filled from the pasted text."""
    facts = guess_facts(request.POST.get("description", ""))
    values = {field: request.POST.get(field, "").strip() for field in GUESSED_FIELDS}
    guessed = [field for field in GUESSED_FIELDS if not values[field] and getattr(facts, field)]
    values |= {field: getattr(facts, field) for field in guessed}
    form = ApplicationForm(initial=values)
    labels = [str(form.fields[field].label or field).lower() for field in guessed]
    context = {"form": form, "guessed": labels}
    return TemplateResponse(request, "followup/application_form.html#facts", context)


@require_http_methods(["GET", "POST"])
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = owned_application(request, pk)
    form = ApplicationStageForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        form.save()
        application.move_to(form.cleaned_data["stage"], outcome=form.cleaned_data["outcome"])
        messages.success(request, "Application updated.")
        return redirect(application)
    steps = list(application.steps.select_related("interview"))
    context = {
        "application": application,
        "posting": application.posting,
        "form": form,
        "coverage": posting_coverage(application.posting),
        "letters": application.posting.letters.all(),
        "interviews": application.interviews.select_related("contact"),
        "open_steps": [step for step in steps if not step.is_done],
        "done_steps": [step for step in steps if step.is_done],
        "contacts": application.contacts.all(),
        "history": application.stage_changes.all(),
        "last_call": last_call(application),
        "visit_form": VisitForm(initial={"due": a_week_from_now()})
        if visit_proposed(application)
        else None,
        "now": timezone.now(),
    }
    return TemplateResponse(request, "followup/application_detail.html", context)


@require_POST
def application_delete(request: HttpRequest, pk: int) -> HttpResponse:
    application = owned_application(request, pk)
    name = str(application)
    application.posting.delete()
    messages.success(request, f"Deleted {name}.")
    return redirect("home")
