"""The strength bank."""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from letters.forms import ProposalFormSet, StrengthForm, StrengthImportForm
from letters.models import Strength
from letters.resume import Proposal
from letters.strengths import strengths_import


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


@require_http_methods(["GET", "POST"])
def strength_import(request: HttpRequest) -> HttpResponse:
    """Paste a résumé or upload a JSON Resume, then keep, edit or drop each proposal."""
    if request.method == "POST" and request.POST.get("action") == "save":
        formset = ProposalFormSet(request.POST, prefix="proposal")
        if formset.is_valid():
            kept = [
                Proposal(item["title"], item["detail"], item["tags"])
                for item in formset.cleaned_data
                if item.get("keep")
            ]
            strengths_import(owner=request.user, proposals=kept)
            messages.success(request, f"Added {len(kept)} strength{'s' if len(kept) != 1 else ''}.")
            return redirect("letters:strengths")
        return TemplateResponse(request, "letters/strength_import.html", {"formset": formset})
    form = StrengthImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        initial = [asdict(item) | {"keep": True} for item in form.cleaned_data["proposals"]]
        formset = ProposalFormSet(initial=initial, prefix="proposal")
        return TemplateResponse(request, "letters/strength_import.html", {"formset": formset})
    return TemplateResponse(request, "letters/strength_import.html", {"form": form})
