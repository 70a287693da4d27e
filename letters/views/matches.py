"""The match page: each requirement's answer, chosen in place with htmx."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from letters import matching
from letters.forms import OfferForm, StrengthForm
from letters.models import Posting, Requirement, Strength
from letters.views.lookups import owned_posting, owned_requirement


def match_cards(posting: Posting, only: Requirement | None = None) -> list[dict]:
    """What each requirement's card shows: its answer, suggestions and forms."""
    requirements = list(posting.requirements.in_letter_order().select_related("match"))
    strengths = list(Strength.objects.filter(owner=posting.owner))
    suggestions = matching.suggestions_for(requirements, strengths)  # scored beside each other
    cards = []
    for requirement in requirements:
        if only is not None and requirement.pk != only.pk:
            continue
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
    chosen = request.POST.get("strength", "")
    strength = get_object_or_404(
        Strength.objects.filter(owner=request.user), pk=chosen if chosen.isdigit() else None
    )
    matching.match_choose(requirement=requirement, strength=strength)
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


@require_POST
def match_auto(request: HttpRequest, pk: int) -> HttpResponse:
    """Fill every gap whose best suggestion is strong; the user reviews the result."""
    posting = owned_posting(request, pk)
    filled = matching.matches_fill_best(posting=posting)
    if filled:
        messages.success(
            request,
            f"Matched {filled} requirement{'s' if filled != 1 else ''} with strong suggestions: "
            "review them below and change any.",
        )
    else:
        messages.info(request, "No unanswered requirement has a strong match in your bank yet.")
    return redirect("letters:match", pk=posting.pk)
