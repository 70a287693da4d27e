"""Drafting, editing, previewing, downloading and duplicating a letter."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from letters import downloads, drafting, render
from letters.duplication import letter_duplicate
from letters.forms import LetterCopyForm, LetterForm, LetterStartForm
from letters.models import Dispatch, OutputFormat
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
    # The form edits its own copy: around it, the page shows the letter as saved.
    form = LetterForm(request.POST or None, instance=owned_letter(request, pk))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Letter saved.")
        return redirect(letter)
    context = {
        "letter": letter,
        "posting": letter.posting,
        "form": form,
        "email": render.render_email(letter),
        "dispatches": letter.dispatches.all(),
        "idea_count": letter.posting.ideas.count(),
        "copy_form": LetterCopyForm(letter=letter),
    }
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
    context = {
        "letter": letter,
        "posting": letter.posting,
        "idea_count": letter.posting.ideas.count(),
    }
    return TemplateResponse(request, "letters/letter_preview.html", context)


@require_GET
@xframe_options_sameorigin
def letter_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter's own HTML document, framed by the preview page."""
    return HttpResponse(render.render_html(owned_letter(request, pk)))


@require_POST
def letter_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A file to send; each one is recorded with what it held."""
    letter = owned_letter(request, pk)
    if fmt not in OutputFormat.values:
        raise Http404("No such format.")
    output = downloads.letter_download(letter=letter, fmt=fmt)
    response = HttpResponse(output.body, content_type=output.content_type)
    response["Content-Disposition"] = content_disposition_header(True, output.filename)
    return response


@require_POST
def letter_copy(request: HttpRequest, pk: int) -> HttpResponse:
    letter = owned_letter(request, pk)
    form = LetterCopyForm(request.POST, letter=letter)
    if not form.is_valid():
        messages.error(request, "Choose one of your other applications.")
        return redirect(letter)
    copy = letter_duplicate(letter=letter, posting=form.cleaned_data["posting"])
    messages.success(request, f"Letter copied to {copy.posting}. Check the names and details.")
    return redirect(copy)


@require_GET
def letter_sent(request: HttpRequest, pk: int) -> HttpResponse:
    """One recorded download, exactly as it went out."""
    dispatch = get_object_or_404(
        Dispatch.objects.owned_by(request.user).select_related("letter__posting"), pk=pk
    )
    context = {"dispatch": dispatch, "letter": dispatch.letter, "posting": dispatch.letter.posting}
    return TemplateResponse(request, "letters/letter_sent.html", context)
