"""The idea sheet of an application: ideas added, edited, reordered and removed."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from letters.forms import IdeaForm
from letters.ideas import idea_add, idea_move
from letters.models import Idea, Posting
from letters.views.lookups import owned_posting

MOVES = {"up": -1, "down": 1}


def idea_page(
    request: HttpRequest, posting: Posting, *, add_form: IdeaForm, bound: IdeaForm | None = None
) -> TemplateResponse:
    """The list with an edit form per idea; a form that failed keeps what was typed."""
    items = [
        (
            idea,
            bound
            if bound is not None and bound.instance.pk == idea.pk
            else IdeaForm(instance=idea, prefix=f"i{idea.pk}"),
        )
        for idea in posting.ideas.all()
    ]
    context = {
        "posting": posting,
        "form": add_form,
        "items": items,
        "letters": posting.letters.all(),
    }
    return TemplateResponse(request, "letters/idea_list.html", context)


@require_http_methods(["GET", "POST"])
def idea_list(request: HttpRequest, pk: int) -> HttpResponse:
    posting = owned_posting(request, pk)
    form = IdeaForm(request.POST or None, prefix="add")
    if request.method == "POST" and form.is_valid():
        idea_add(posting=posting, **form.cleaned_data)
        messages.success(request, "Idea added.")
        return redirect("letters:ideas", pk=posting.pk)
    return idea_page(request, posting, add_form=form)


@require_POST
def idea_update(request: HttpRequest, pk: int) -> HttpResponse:
    """Save, move or delete one idea: the button pressed says which."""
    idea = get_object_or_404(Idea.objects.owned_by(request.user).select_related("posting"), pk=pk)
    posting = idea.posting
    if "delete" in request.POST:
        idea.delete()
        messages.success(request, "Idea deleted.")
        return redirect("letters:ideas", pk=posting.pk)
    # Moving saves the text first, as the requirement editor does: no edit is lost to a click.
    form = IdeaForm(request.POST, instance=idea, prefix=f"i{idea.pk}")
    if not form.is_valid():
        return idea_page(request, posting, add_form=IdeaForm(prefix="add"), bound=form)
    form.save()
    moves = [offset for name, offset in MOVES.items() if name in request.POST]
    if moves:
        idea_move(idea=idea, offset=moves[0])
    else:
        messages.success(request, "Idea saved.")
    return redirect("letters:ideas", pk=posting.pk)
