"""The requirement editor beside the pasted description."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from letters import matching, postings
from letters.forms import RequirementForm
from letters.models import Posting
from letters.views.lookups import owned_posting, owned_requirement


def requirements_context(
    posting: Posting,
    *,
    add_form: RequirementForm | None = None,
    invalid: RequirementForm | None = None,
) -> dict:
    """The editor's rows, each with its own form; a form that failed keeps the user's text."""
    rows = []
    for requirement in posting.requirements.all():
        if invalid is not None and invalid.instance.pk == requirement.pk:
            form = invalid
        else:
            form = RequirementForm(instance=requirement, prefix=f"r{requirement.pk}")
        rows.append((requirement, form))
    return {
        "posting": posting,
        "rows": rows,
        "segments": postings.highlighted_segments(posting),
        "add_form": add_form or RequirementForm(prefix="add"),
        "coverage": matching.posting_coverage(posting),
    }


def requirements_response(request: HttpRequest, posting: Posting, **forms) -> HttpResponse:
    """The whole page, or only its editor for an htmx swap."""
    context = requirements_context(posting, **forms)
    template = "letters/requirement_list.html" + ("#editor" if request.htmx else "")
    return TemplateResponse(request, template, context)


@require_GET
def requirement_list(request: HttpRequest, pk: int) -> HttpResponse:
    return requirements_response(request, owned_posting(request, pk))


@require_POST
def requirement_add(request: HttpRequest, pk: int) -> HttpResponse:
    posting = owned_posting(request, pk)
    form = RequirementForm(request.POST, prefix="add")
    if not form.is_valid():
        return requirements_response(request, posting, add_form=form)
    postings.requirement_add(
        posting=posting,
        text=form.cleaned_data["text"],
        kind=form.cleaned_data["kind"],
        start=parse_offset(request.POST.get("start")),
        end=parse_offset(request.POST.get("end")),
    )
    if request.htmx:
        return requirements_response(request, posting)
    return redirect("letters:requirements", pk=posting.pk)


def parse_offset(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@require_POST
def requirement_update(request: HttpRequest, pk: int) -> HttpResponse:
    """One form, several actions: save, delete, move up or down, toggle emphasis.

    Every action but delete saves the text first, so no edit is lost to a click.
    """
    requirement = owned_requirement(request, pk)
    posting = requirement.posting
    action = request.POST.get("action", "save")
    if action == "delete":
        requirement.delete()
    else:
        form = RequirementForm(request.POST, instance=requirement, prefix=f"r{requirement.pk}")
        if not form.is_valid():
            return requirements_response(request, posting, invalid=form)
        requirement = form.save(commit=False)
        if action == "emphasize":
            requirement.emphasize = not requirement.emphasize
        requirement.save()
        if action in ("up", "down"):
            postings.requirement_move(requirement=requirement, offset=-1 if action == "up" else 1)
    if request.htmx:
        return requirements_response(request, posting)
    return redirect("letters:requirements", pk=posting.pk)
