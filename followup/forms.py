"""Forms of the tracking app."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm

from followup.models import Application, Interview, Step
from followup.pursuit import NEXT_NEEDS_DATE, VISIT_NEEDS_WARMTH, NextStep
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
    # Filled in by the browser (static/js/app.js); dates then show in the user's own zone.
    time_zone = forms.CharField(required=False, widget=forms.HiddenInput)

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


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class ApplicationStageForm(forms.ModelForm):
    """Stage and outcome are plain fields: the view saves them through Application.move_to,
    so the history keeps every change."""

    stage = forms.ChoiceField(choices=Application.Stage)
    outcome = forms.ChoiceField(
        choices=[("", "—")] + Application.Outcome.choices,
        required=False,
        help_text="How it ended, once closed.",
    )
    field_order = ["stage", "outcome", "priority", "applied_on"]

    class Meta:
        model = Application
        fields = ["priority", "applied_on"]
        widgets = {"applied_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("stage", self.instance.stage)
        self.initial.setdefault("outcome", self.instance.outcome)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") and cleaned.get("stage") != Application.Stage.CLOSED:
            self.add_error("outcome", "An outcome goes with the Closed stage.")
        return cleaned


class InterviewForm(CleanTextMixin, forms.ModelForm):
    interviewer_name = forms.CharField(max_length=120, required=False)
    interviewer_title = forms.CharField(max_length=120, required=False)
    interviewer_email = forms.EmailField(required=False)
    interviewer_phone = forms.CharField(max_length=40, required=False)

    class Meta:
        model = Interview
        fields = ["when", "format", "went_well", "missed", "emphasize"]
        widgets = {
            "when": DateTimeInput,
            "went_well": forms.Textarea(attrs={"rows": 2}),
            "missed": forms.Textarea(attrs={"rows": 2}),
            "emphasize": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["emphasize"].queryset = application.posting.requirements.all()
        self.fields["emphasize"].label = "Requirements to reinforce in the letter"
        self.fields["emphasize"].help_text = "What the interview did not bring out: it goes first."


class StepForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Step
        fields = ["due", "notes"]
        widgets = {"due": DateTimeInput, "notes": forms.Textarea(attrs={"rows": 2})}


class VisitForm(forms.Form):
    due = forms.DateTimeField(widget=DateTimeInput, label="Visit on")


class CallOutcomeForm(CleanTextMixin, forms.Form):
    reaction = forms.ChoiceField(choices=Step.Reaction, widget=forms.RadioSelect)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    next_step = forms.ChoiceField(
        choices=NextStep.CHOICES, initial=NextStep.WAIT, widget=forms.RadioSelect
    )
    next_date = forms.DateTimeField(required=False, widget=DateTimeInput, label="When")

    def clean(self):
        cleaned = super().clean()
        next_step = cleaned.get("next_step")
        if next_step == NextStep.VISIT and cleaned.get("reaction") != Step.Reaction.WARM:
            self.add_error("next_step", VISIT_NEEDS_WARMTH)
        if next_step in (NextStep.VISIT, NextStep.CALL_AGAIN) and not cleaned.get("next_date"):
            self.add_error("next_date", NEXT_NEEDS_DATE)
        return cleaned
