"""The pursuit over time: applications moving through stages, interviews, and the steps after."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from letters.models import Letter, Posting, Requirement, coverage_annotations


class Stage(models.TextChoices):
    INTERESTED = "interested", "Interested"
    APPLIED = "applied", "Applied"
    INTERVIEWING = "interviewing", "Interviewing"
    OFFER = "offer", "Offer"
    CLOSED = "closed", "Closed"


class Outcome(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"
    NO_RESPONSE = "no_response", "No response"


class ApplicationQuerySet(models.QuerySet):
    def owned_by(self, user) -> ApplicationQuerySet:
        return self.filter(owner=user)

    def with_coverage(self) -> ApplicationQuerySet:
        return self.annotate(**coverage_annotations(prefix="posting__"))

    def with_next_step(self) -> ApplicationQuerySet:
        """The earliest open step's kind and due time, as next_kind and next_due."""
        steps = Step.objects.filter(application=OuterRef("pk"), done_at__isnull=True).order_by(
            "due", "pk"
        )
        return self.annotate(
            next_kind=Subquery(steps.values("kind")[:1]), next_due=Subquery(steps.values("due")[:1])
        )

    def search(self, text: str) -> ApplicationQuerySet:
        """Every word must appear in the employer or the role title."""
        found = self
        for word in text.split():
            found = found.filter(
                Q(posting__employer__icontains=word) | Q(posting__role_title__icontains=word)
            )
        return found


class Application(models.Model):
    """The user's pursuit of one job; it shares its primary key with the posting it answers."""

    Stage = Stage
    Outcome = Outcome

    class Priority(models.IntegerChoices):
        HIGH = 1, "High"
        NORMAL = 2, "Normal"
        LOW = 3, "Low"

    posting = models.OneToOneField(
        Posting, on_delete=models.CASCADE, primary_key=True, related_name="application"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    stage = models.CharField(max_length=20, choices=Stage, default=Stage.INTERVIEWING)
    outcome = models.CharField(
        max_length=20, choices=Outcome, blank=True, help_text="How it ended, once closed."
    )
    priority = models.PositiveSmallIntegerField(choices=Priority, default=Priority.NORMAL)
    applied_on = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return str(self.posting)

    def get_absolute_url(self) -> str:
        return reverse("application_detail", args=[self.pk])

    def move_to(self, stage: str, *, outcome: str = "", note: str = "") -> bool:
        """Change the stage and keep the change, dated, in the history; False if unchanged."""
        outcome = outcome if stage == Stage.CLOSED else ""
        if (stage, outcome) == (self.stage, self.outcome):
            return False
        self.stage, self.outcome = stage, outcome
        self.save(update_fields=["stage", "outcome", "updated"])
        self.stage_changes.create(stage=stage, outcome=outcome, note=note)
        return True

    @property
    def next_kind_label(self) -> str:
        """Needs with_next_step()."""
        return Step.Kind(self.next_kind).label if self.next_kind else ""

    @property
    def stage_label(self) -> str:
        if self.stage == Stage.CLOSED and self.outcome:
            return f"Closed: {self.get_outcome_display().lower()}"
        return self.get_stage_display()


class StageChange(models.Model):
    """One dated entry in an application's history."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="stage_changes"
    )
    stage = models.CharField(max_length=20, choices=Stage)
    outcome = models.CharField(max_length=20, choices=Outcome, blank=True)
    note = models.CharField(max_length=200, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.application}: {self.stage} on {self.changed_at:%Y-%m-%d}"


class Contact(models.Model):
    """Someone at the employer; interviewers become contacts."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120)
    title = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["application", "name"], name="unique_contact_name")
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


class Interview(models.Model):
    Format = Letter.Format  # the thank-you letter names the interview's format

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    when = models.DateTimeField("date and time")
    format = models.CharField(max_length=20, choices=Format, default=Format.PHONE)
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="interviews"
    )
    went_well = models.TextField("what went well", blank=True)
    missed = models.TextField("what did not come across", blank=True)
    emphasize = models.ManyToManyField(
        Requirement,
        blank=True,
        related_name="interviews",
        help_text="Requirements to reinforce: they go first in the letter.",
    )

    class Meta:
        ordering = ["-when"]

    def __str__(self) -> str:
        return f"{self.get_format_display()} interview, {self.when:%b %d}"


class StepQuerySet(models.QuerySet):
    def owned_by(self, user) -> StepQuerySet:
        return self.filter(application__owner=user)

    def open(self) -> StepQuerySet:
        return self.filter(done_at__isnull=True)


class Step(models.Model):
    """A scheduled action in the pursuit: send the thank-you, call, write, visit."""

    class Kind(models.TextChoices):
        THANK_YOU = "thank_you", "Send thank-you"
        CALL = "call", "Follow-up call"
        EMAIL = "email", "Email"
        VISIT = "visit", "Visit"

    class Reaction(models.TextChoices):
        WARM = "warm", "Warm"
        NEUTRAL = "neutral", "Neutral"
        COOL = "cool", "Cool"
        NO_ANSWER = "no_answer", "No answer"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    interview = models.ForeignKey(
        Interview, on_delete=models.SET_NULL, null=True, blank=True, related_name="steps"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    due = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    reaction = models.CharField(max_length=20, choices=Reaction, blank=True)
    notes = models.TextField(blank=True)
    letter_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When a letter of this application was last downloaded."
    )
    reminded_on = models.DateField(null=True, blank=True)

    objects = StepQuerySet.as_manager()

    class Meta:
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.application}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def mark_done(self, *, reaction: str = "", notes: str = "") -> None:
        self.done_at = timezone.now()
        self.reaction = reaction or self.reaction
        self.notes = notes or self.notes
        self.save(update_fields=["done_at", "reaction", "notes"])

    def snooze(self, days: int) -> None:
        """Push the step back from now (or from its due time, if that is later)."""
        start = max(self.due, timezone.now())
        self.due = start + datetime.timedelta(days=days)
        self.save(update_fields=["due"])


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a user's calendar feed; a new token kills the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"

    def regenerate(self) -> None:
        self.token = new_token()
        self.save(update_fields=["token", "created"])
