"""The strength bank."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from letters.forms import StrengthForm
from letters.models import Strength


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
