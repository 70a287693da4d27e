"""Pages of the writing app: requirements, strengths, matching and letters.

Every lookup starts from request.user, so another user's object is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from letters import drafting, matching, postings, render
from letters.forms import (
    LetterForm,
    LetterStartForm,
    OfferForm,
    ProfileForm,
    RequirementForm,
    StrengthForm,
)
from letters.models import Letter, Posting, Profile, Requirement, Strength


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


@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    profile, _ = Profile.objects.get_or_create(
        user=request.user, defaults={"email": request.user.email}
    )
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Profile saved. Your letters now carry this letterhead.")
        return redirect("letters:profile")
    return TemplateResponse(request, "letters/profile_form.html", {"form": form})


# Requirements


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


# Strength bank


@require_GET
def strength_list(request: HttpRequest) -> HttpResponse:
    tag = request.GET.get("tag", "")
    strengths = Strength.objects.filter(owner=request.user)
    all_tags = sorted({tag for strength in strengths for tag in strength.tag_list})
    context = {"strengths": strengths.tagged(tag), "tag": tag, "all_tags": all_tags}
    return TemplateResponse(request, "letters/strength_list.html", context)


@require_http_methods(["GET", "POST"])
def strength_create(request: HttpRequest) -> HttpResponse:
    form = StrengthForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        strength = form.save()
        messages.success(request, f"Added “{strength.title}” to your strengths.")
        return redirect("letters:strengths")
    return TemplateResponse(request, "letters/strength_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def strength_edit(request: HttpRequest, pk: int) -> HttpResponse:
    strength = get_object_or_404(Strength.objects.filter(owner=request.user), pk=pk)
    form = StrengthForm(request.POST or None, instance=strength)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved “{strength.title}”.")
        return redirect("letters:strengths")
    return TemplateResponse(
        request, "letters/strength_form.html", {"form": form, "strength": strength}
    )


@require_POST
def strength_delete(request: HttpRequest, pk: int) -> HttpResponse:
    strength = get_object_or_404(Strength.objects.filter(owner=request.user), pk=pk)
    strength.delete()
    messages.success(request, f"Deleted “{strength.title}”.")
    return redirect("letters:strengths")


# Matching


def match_cards(posting: Posting, only: Requirement | None = None) -> list[dict]:
    """What each requirement's card shows: its answer, suggestions and forms."""
    requirements = list(posting.requirements.in_letter_order().select_related("match"))
    if only is not None:
        requirements = [item for item in requirements if item.pk == only.pk]
    strengths = list(Strength.objects.filter(owner=posting.owner))
    suggestions = matching.suggestions_for(requirements, strengths)
    cards = []
    for requirement in requirements:
        answer = getattr(requirement, "match", None)
        cards.append(
            {
                "requirement": requirement,
                "answer": answer,
                "suggestions": suggestions[requirement.pk],
                "offer_form": OfferForm(instance=answer, prefix=f"o{requirement.pk}"),
                "strength_form": StrengthForm(prefix=f"s{requirement.pk}"),
            }
        )
    return cards


@require_GET
def match_list(request: HttpRequest, pk: int) -> HttpResponse:
    posting = owned_posting(request, pk)
    context = {
        "posting": posting,
        "cards": match_cards(posting),
        "coverage": matching.posting_coverage(posting),
        "has_strengths": Strength.objects.filter(owner=request.user).exists(),
    }
    return TemplateResponse(request, "letters/match_list.html", context)


def card_response(
    request: HttpRequest, requirement: Requirement, *, strength_form: StrengthForm | None = None
) -> HttpResponse:
    """The requirement's card and, out of band, the coverage meter; a full page without htmx."""
    posting = requirement.posting
    if not request.htmx:
        return redirect(reverse("letters:match", args=[posting.pk]) + f"#req-{requirement.pk}")
    card = match_cards(posting, only=requirement)[0]
    if strength_form is not None:
        card["strength_form"] = strength_form
        card["show_new_strength"] = True
    context = {"card": card, "posting": posting, "coverage": matching.posting_coverage(posting)}
    return TemplateResponse(request, "letters/match_list.html#card-update", context)


@require_POST
def match_choose(request: HttpRequest, pk: int) -> HttpResponse:
    requirement = owned_requirement(request, pk)
    strength = get_object_or_404(
        Strength.objects.filter(owner=request.user), pk=request.POST.get("strength")
    )
    score = request.POST.get("score")
    matching.match_choose(
        requirement=requirement, strength=strength, score=float(score) if score else None
    )
    return card_response(request, requirement)


@require_POST
def match_text(request: HttpRequest, pk: int) -> HttpResponse:
    requirement = owned_requirement(request, pk)
    form = OfferForm(request.POST, prefix=f"o{requirement.pk}")
    if form.is_valid():
        matching.match_set_text(requirement=requirement, text=form.cleaned_data["text"])
    return card_response(request, requirement)


@require_POST
def match_clear(request: HttpRequest, pk: int) -> HttpResponse:
    requirement = owned_requirement(request, pk)
    matching.match_clear(requirement=requirement)
    return card_response(request, requirement)


@require_POST
def match_new_strength(request: HttpRequest, pk: int) -> HttpResponse:
    requirement = owned_requirement(request, pk)
    form = StrengthForm(request.POST, prefix=f"s{requirement.pk}")
    if not form.is_valid():
        return card_response(request, requirement, strength_form=form)
    matching.strength_create_and_choose(requirement=requirement, **form.cleaned_data)
    return card_response(request, requirement)


# Letters


@require_http_methods(["GET", "POST"])
def letter_start(request: HttpRequest, pk: int) -> HttpResponse:
    posting = owned_posting(request, pk)
    form = LetterStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        letter = drafting.letter_create(posting=posting, **form.cleaned_data)
        messages.success(request, "Letter drafted. Every paragraph is yours to edit.")
        return redirect(letter)
    context = {"posting": posting, "form": form, "letters": posting.letters.all()}
    return TemplateResponse(request, "letters/letter_start.html", context)


@require_http_methods(["GET", "POST"])
def letter_edit(request: HttpRequest, pk: int) -> HttpResponse:
    letter = owned_letter(request, pk)
    form = LetterForm(request.POST or None, instance=letter)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Letter saved.")
        return redirect(letter)
    context = {"letter": letter, "posting": letter.posting, "form": form}
    return TemplateResponse(request, "letters/letter_form.html", context)


@require_POST
def letter_delete(request: HttpRequest, pk: int) -> HttpResponse:
    letter = owned_letter(request, pk)
    letter.delete()
    messages.success(request, "Letter deleted.")
    return redirect("letters:letter_start", pk=letter.posting.pk)


@require_GET
def letter_preview(request: HttpRequest, pk: int) -> HttpResponse:
    letter = owned_letter(request, pk)
    context = {"letter": letter, "posting": letter.posting}
    return TemplateResponse(request, "letters/letter_preview.html", context)


@require_GET
@xframe_options_sameorigin
def letter_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter's own HTML document, framed by the preview page."""
    return HttpResponse(render.render_html(owned_letter(request, pk)))


@require_GET
def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    letter = owned_letter(request, pk)
    response = HttpResponse(render.render_pdf(letter), content_type="application/pdf")
    disposition = "inline" if request.GET.get("inline") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{render.pdf_filename(letter)}"'
    return response
