"""Drafting, editing, previewing and downloading a letter."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from letters import drafting, render
from letters.forms import LetterForm, LetterStartForm
from letters.views.lookups import owned_letter, owned_posting


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
