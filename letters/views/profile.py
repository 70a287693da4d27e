"""The profile: letterhead and paper size."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from letters.forms import ProfileForm
from letters.models import Profile


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
