"""Forms of the tracking app."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm

from followup.models import Application
from letters.forms import CleanTextMixin
from letters.models import Posting

DESCRIPTION_LIMIT = 100_000
DESCRIPTION_REQUIRED = "Paste the job description: the requirements come from it."
DESCRIPTION_TOO_LONG = (
    "This description is {length:,} characters long; the limit is {limit:,}. "
    "Paste only the posting itself (leave out the site's menus and footers) and save again."
)


class SignUpForm(UserCreationForm):
    email = forms.EmailField(required=False, help_text="Optional; it fills your letterhead.")

    class Meta(UserCreationForm.Meta):
        fields = ["username", "email"]


class ApplicationForm(CleanTextMixin, forms.ModelForm):
    """The posting as pasted, and where the user stands with it."""

    link = forms.URLField(max_length=500, required=False, assume_scheme="https")
    stage = forms.ChoiceField(choices=Application.Stage, initial=Application.Stage.INTERVIEWING)

    class Meta:
        model = Posting
        fields = ["employer", "role_title", "location", "link", "description"]
        widgets = {
            "description": forms.Textarea(
                attrs={"rows": 16, "placeholder": "Paste the whole job description here."}
            ),
        }
        help_texts = {
            "description": "We pick out the requirements; you can correct them on the next page."
        }
        error_messages = {"description": {"required": DESCRIPTION_REQUIRED}}

    def clean_description(self) -> str:
        description = self.cleaned_data["description"]
        if len(description) > DESCRIPTION_LIMIT:
            raise forms.ValidationError(
                DESCRIPTION_TOO_LONG.format(length=len(description), limit=DESCRIPTION_LIMIT),
                code="too_long",
            )
        if not description.strip():
            raise forms.ValidationError(DESCRIPTION_REQUIRED, code="required")
        return description


class ApplicationStageForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["stage", "priority", "applied_on"]
        widgets = {"applied_on": forms.DateInput(attrs={"type": "date"})}
