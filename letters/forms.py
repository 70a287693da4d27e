"""Forms of the writing app; every text field loses control characters before validation."""

from __future__ import annotations

import json
import re
import zoneinfo
from functools import cache

from django import forms

from letters import resume
from letters.models import Idea, Letter, Match, Posting, Profile, Requirement, Strength

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(text: str) -> str:
    """Keep tabs and line breaks; drop the rest, which only ever arrives by accident."""
    return CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n"))


class CleanTextMixin:
    """Strip control characters from submitted text before validation, so pasted junk
    (a NUL byte included) never becomes an error or lands in the database."""

    def full_clean(self) -> None:
        if self.is_bound and hasattr(self.data, "lists"):
            data = self.data.copy()
            for key, values in self.data.lists():
                data.setlist(key, [strip_control_characters(value) for value in values])
            self.data = data
        super().full_clean()


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class ProfileForm(CleanTextMixin, forms.ModelForm):
    link = forms.URLField(
        max_length=300, required=False, assume_scheme="https", help_text="Portfolio or LinkedIn."
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices, help_text="Dates and reminders follow it."
    )

    class Meta:
        model = Profile
        fields = ["full_name", "email", "phone", "address", "link", "paper_size", "time_zone"]
        widgets = {"paper_size": forms.RadioSelect}


class RequirementForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Requirement
        fields = ["text", "kind"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class StrengthForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Strength
        fields = ["title", "detail", "tags"]
        widgets = {
            "title": forms.TextInput(attrs={"placeholder": "Led a team of six museum guides"}),
            "detail": forms.Textarea(attrs={"rows": 4}),
            "tags": forms.TextInput(attrs={"placeholder": "leadership, education"}),
        }


class OfferForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Match
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class DateInput(forms.DateInput):
    input_type = "date"


class LetterStartForm(CleanTextMixin, forms.ModelForm):
    """What a new letter needs to write its default text."""

    class Meta:
        model = Letter
        fields = ["kind", "recipient_name", "recipient_email", "interview_date", "interview_format"]
        widgets = {
            "kind": forms.RadioSelect,
            "interview_date": DateInput,
            "recipient_name": forms.TextInput(attrs={"placeholder": "Ms. Jordan Lee"}),
        }


class LetterForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Letter
        fields = [
            "kind",
            "recipient_name",
            "recipient_email",
            "interview_date",
            "interview_format",
            "date",
            "salutation",
            "opening",
            "left_heading",
            "right_heading",
            "offer_visit",
            "visit_text",
            "closing",
            "sign_off",
            "theme",
            "fit_to_page",
            "include_ideas",
        ]
        widgets = {
            "theme": forms.RadioSelect,
            "interview_date": DateInput,
            "date": DateInput,
            "opening": forms.Textarea(attrs={"rows": 5}),
            "visit_text": forms.Textarea(attrs={"rows": 3}),
            "closing": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].required = False

    def clean_theme(self) -> str:
        """A form posted without a theme keeps the letter's."""
        return self.cleaned_data["theme"] or self.instance.theme


IMPORT_SIZE_LIMIT = 1_000_000
IMPORT_NOTHING = "Paste your résumé, or choose a JSON Resume file."
IMPORT_BAD_JSON = "That file is not a JSON Resume (jsonresume.org): {error}."


class StrengthImportForm(CleanTextMixin, forms.Form):
    """Pasted résumé text or an uploaded JSON Resume file, parsed into proposals."""

    text = forms.CharField(
        label="Résumé text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "placeholder": "Paste your résumé here."}),
    )
    file = forms.FileField(
        label="…or a JSON Resume file",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > IMPORT_SIZE_LIMIT:
                raise forms.ValidationError("That file is over 1 MB: a résumé is much smaller.")
            try:
                data = json.loads(upload.read().decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                raise forms.ValidationError(IMPORT_BAD_JSON.format(error=error)) from error
            if not isinstance(data, dict):
                raise forms.ValidationError(IMPORT_BAD_JSON.format(error="no object at the top"))
            cleaned["proposals"] = resume.proposals_from_json_resume(data)
        elif cleaned.get("text", "").strip():
            cleaned["proposals"] = resume.proposals_from_text(cleaned["text"])
        else:
            raise forms.ValidationError(IMPORT_NOTHING)
        if not cleaned["proposals"]:
            raise forms.ValidationError(
                "We found no bullet or line long enough to be a strength. Check the text."
            )
        return cleaned


class ProposalForm(CleanTextMixin, forms.Form):
    keep = forms.BooleanField(required=False, initial=True)
    title = forms.CharField(max_length=160, required=False)
    detail = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    tags = forms.CharField(max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("keep") and not cleaned.get("title", "").strip():
            self.add_error("title", "A strength you keep needs a title.")
        return cleaned


ProposalFormSet = forms.formset_factory(ProposalForm, extra=0)


class IdeaForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Idea
        fields = ["title", "detail"]
        widgets = {
            "title": forms.TextInput(
                attrs={"placeholder": "e.g. A Saturday science club for families"}
            ),
            "detail": forms.Textarea(attrs={"rows": 3}),
        }


class LetterCopyForm(forms.Form):
    """Another of the owner's applications to start a letter for, from this one."""

    posting = forms.ModelChoiceField(
        queryset=Posting.objects.none(), label="Application", empty_label=None
    )

    def __init__(self, *args, letter: Letter, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["posting"].queryset = Posting.objects.filter(
            owner=letter.posting.owner
        ).exclude(pk=letter.posting_id)
