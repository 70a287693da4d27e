"""Forms of the writing app; every text field loses control characters before validation."""

from __future__ import annotations

import re

from django import forms

from letters.models import Letter, Match, Profile, Requirement, Strength

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


class ProfileForm(CleanTextMixin, forms.ModelForm):
    link = forms.URLField(
        max_length=300, required=False, assume_scheme="https", help_text="Portfolio or LinkedIn."
    )

    class Meta:
        model = Profile
        fields = ["full_name", "email", "phone", "address", "link", "paper_size"]
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
        fields = ["kind", "recipient_name", "interview_date", "interview_format"]
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
        ]
        widgets = {
            "interview_date": DateInput,
            "date": DateInput,
            "opening": forms.Textarea(attrs={"rows": 5}),
            "visit_text": forms.Textarea(attrs={"rows": 3}),
            "closing": forms.Textarea(attrs={"rows": 3}),
        }
