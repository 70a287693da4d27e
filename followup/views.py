"""Pages of the tracking app: the applications side by side, and each one's overview."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from followup.applications import application_create
from followup.forms import ApplicationForm, ApplicationStageForm, SignUpForm
from followup.models import Application
from letters.matching import posting_coverage
from letters.models import Coverage, Profile


@login_not_required
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        Profile.objects.create(user=user, email=user.email)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Start with your letterhead, then add an application.")
        return redirect("letters:profile")
    return TemplateResponse(request, "registration/signup.html", {"form": form})


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    applications = list(
        Application.objects.owned_by(request.user).with_coverage().select_related("posting")
    )
    rows = [(application, Coverage.of(application)) for application in applications]
    return TemplateResponse(request, "followup/application_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def application_new(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        application = application_create(owner=request.user, **data)
        found = application.posting.requirements.count()
        messages.success(
            request,
            f"Saved. We found {found} requirement{'s' if found != 1 else ''}: "
            "check them, mark what to emphasize, then match.",
        )
        return redirect("letters:requirements", pk=application.pk)
    return TemplateResponse(request, "followup/application_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.owned_by(request.user).select_related("posting"), pk=pk
    )
    form = ApplicationStageForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Application updated.")
        return redirect(application)
    context = {
        "application": application,
        "posting": application.posting,
        "form": form,
        "coverage": posting_coverage(application.posting),
        "letters": application.posting.letters.all(),
    }
    return TemplateResponse(request, "followup/application_detail.html", context)


@require_POST
def application_delete(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.owned_by(request.user), pk=pk)
    name = str(application)
    application.posting.delete()
    messages.success(request, f"Deleted {name}.")
    return redirect("home")
