"""The writing side: a posting's requirements, the user's strengths, the letter built from them."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse


class PaperSize(models.TextChoices):
    LETTER = "letter", "US Letter"
    A4 = "a4", "A4"


def zone_named(name: str | None) -> zoneinfo.ZoneInfo:
    """The named time zone, or the site's default when the name is empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def zones_of(user_ids: Sequence[int]) -> dict[int, zoneinfo.ZoneInfo]:
    """Each user's own time zone, in one query; a user without a profile gets the default."""
    names = dict(Profile.objects.filter(user_id__in=user_ids).values_list("user_id", "time_zone"))
    return {user_id: zone_named(names.get(user_id)) for user_id in user_ids}


class Profile(models.Model):
    """The letterhead and signature: who the letters come from."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    full_name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.CharField("city or address line", max_length=200, blank=True)
    link = models.URLField("link", max_length=300, blank=True, help_text="Portfolio or LinkedIn.")
    paper_size = models.CharField(max_length=10, choices=PaperSize, default=PaperSize.LETTER)
    time_zone = models.CharField(
        max_length=64, default="UTC", help_text="Dates and reminders follow it."
    )

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.user.get_full_name() or self.user.get_username()

    @property
    def contact_items(self) -> list[str]:
        return [item for item in (self.address, self.email, self.phone, self.link) if item]


class Posting(models.Model):
    """A job description as the user pasted it, with who it is from."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="postings"
    )
    employer = models.CharField(max_length=200)
    role_title = models.CharField("role title", max_length=200)
    location = models.CharField(max_length=200, blank=True)
    link = models.URLField(max_length=500, blank=True)
    description = models.TextField("job description")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return f"{self.role_title} at {self.employer}"

    def get_absolute_url(self) -> str:
        return reverse("letters:requirements", args=[self.pk])


def coverage_annotations(prefix: str = "") -> dict[str, Count]:
    """Counts of requirements and answered requirements, by kind, for QuerySet.annotate()."""
    field = f"{prefix}requirements"
    answered = Q(**{f"{field}__match__text__gt": ""})
    required = Q(**{f"{field}__kind": Requirement.Kind.REQUIRED})
    preferred = Q(**{f"{field}__kind": Requirement.Kind.PREFERRED})
    return {
        "required_total": Count(field, filter=required),
        "required_answered": Count(field, filter=required & answered),
        "preferred_total": Count(field, filter=preferred),
        "preferred_answered": Count(field, filter=preferred & answered),
    }


@dataclass(frozen=True)
class Coverage:
    """How many requirements the letter answers, told apart by kind."""

    required_answered: int
    required_total: int
    preferred_answered: int
    preferred_total: int

    @classmethod
    def of(cls, annotated: models.Model) -> Coverage:
        """Read the figures from an object annotated with coverage_annotations()."""
        return cls(
            annotated.required_answered,
            annotated.required_total,
            annotated.preferred_answered,
            annotated.preferred_total,
        )

    @property
    def answered(self) -> int:
        return self.required_answered + self.preferred_answered

    @property
    def total(self) -> int:
        return self.required_total + self.preferred_total

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


class RequirementQuerySet(models.QuerySet):
    def owned_by(self, user) -> RequirementQuerySet:
        return self.filter(posting__owner=user)

    def in_letter_order(self) -> RequirementQuerySet:
        """Emphasized requirements first: they are what the interview did not bring out."""
        return self.order_by("-emphasize", "position", "pk")


class Requirement(models.Model):
    """One qualification the employer asks for, in the order the user wants it."""

    class Kind(models.TextChoices):
        REQUIRED = "required", "Required"
        PREFERRED = "preferred", "Preferred"

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="requirements")
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.REQUIRED)
    position = models.PositiveIntegerField(default=0)
    emphasize = models.BooleanField(
        default=False, help_text="Did not come across in the interview: put it first."
    )
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)

    objects = RequirementQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


def normalize_tags(text: str) -> str:
    """Lower-case, de-duplicated, comma-separated: the one form tag filters rely on."""
    tags: list[str] = []
    for raw in text.split(","):
        tag = " ".join(raw.split()).lower()
        if tag and tag not in tags:
            tags.append(tag)
    return ", ".join(tags)


class StrengthQuerySet(models.QuerySet):
    def tagged(self, tag: str) -> StrengthQuerySet:
        tag = normalize_tags(tag)
        if not tag:
            return self
        return self.filter(tags__regex=rf"(^|, ){re.escape(tag)}(,|$)")


class Strength(models.Model):
    """A reusable piece of evidence about the user, shared by all their letters."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="strengths"
    )
    title = models.CharField(max_length=160)
    detail = models.TextField(blank=True, help_text="Markdown: the evidence, the story.")
    tags = models.CharField(max_length=200, blank=True, help_text="Separated by commas.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = StrengthQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.tags = normalize_tags(self.tags)
        super().save(*args, **kwargs)

    @property
    def tag_list(self) -> list[str]:
        return self.tags.split(", ") if self.tags else []


class Match(models.Model):
    """The answer to one requirement: the strength chosen and the words used in this letter."""

    requirement = models.OneToOneField(Requirement, on_delete=models.CASCADE, related_name="match")
    strength = models.ForeignKey(
        Strength, on_delete=models.SET_NULL, null=True, blank=True, related_name="matches"
    )
    text = models.TextField("what I offer", blank=True)
    score = models.FloatField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "matches"

    def __str__(self) -> str:
        return f"{self.requirement} -> {self.text[:60]}"


class Theme(models.TextChoices):
    CLASSIC = "classic", "Classic serif"
    MODERN = "modern", "Modern sans"
    COMPACT = "compact", "Compact"


class Letter(models.Model):
    """A two-column letter for one posting."""

    class Kind(models.TextChoices):
        THANK_YOU = "thank_you", "Thank-you after an interview"
        COVER = "cover", "Cover letter"

    class Format(models.TextChoices):
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video"
        IN_PERSON = "in_person", "In person"

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.THANK_YOU)
    recipient_name = models.CharField("interviewer or recipient", max_length=120, blank=True)
    recipient_email = models.EmailField("recipient's email", blank=True)
    interview_date = models.DateField(null=True, blank=True)
    interview_format = models.CharField(max_length=20, choices=Format, blank=True)
    date = models.DateField("letter date", default=datetime.date.today)
    salutation = models.CharField(max_length=200)
    opening = models.TextField(help_text="Markdown.")
    offer_visit = models.BooleanField("offer to stop by", default=True)
    visit_text = models.TextField("visit offer", blank=True, help_text="Markdown.")
    left_heading = models.CharField(max_length=80, default="Your requirements")
    right_heading = models.CharField(max_length=80, default="What I offer")
    closing = models.TextField(help_text="Markdown.")
    sign_off = models.CharField(max_length=60, default="Sincerely,")
    theme = models.CharField(max_length=20, choices=Theme, default=Theme.CLASSIC)
    fit_to_page = models.BooleanField(
        "fit to one page",
        default=False,
        help_text="When the letter spills onto a second page by a little, tighten spacing and "
        "type, within limits, until it fits on one.",
    )
    include_ideas = models.BooleanField(
        "add the idea sheet as page 2",
        default=False,
        help_text="The ideas for this application, after the letter in the same PDF.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.posting}"

    def get_absolute_url(self) -> str:
        return reverse("letters:letter_edit", args=[self.pk])

    @property
    def title(self) -> str:
        noun = "Thank you" if self.kind == self.Kind.THANK_YOU else "Application"
        return f"{noun}: {self.posting.role_title}, {self.posting.employer}"

    @property
    def email_subject(self) -> str:
        if self.kind == self.Kind.THANK_YOU:
            return f"Thank you: {self.posting.role_title} interview"
        return f"Application: {self.posting.role_title}"

    @property
    def sent_to(self) -> str:
        """Who the letter goes to, in words: the recipient, their email, the employer."""
        who = self.recipient_name
        if self.recipient_email:
            who = f"{who} <{self.recipient_email}>".strip()
        return ", ".join(part for part in (who, self.posting.employer) if part)


class IdeaQuerySet(models.QuerySet):
    def owned_by(self, user) -> IdeaQuerySet:
        return self.filter(posting__owner=user)


class Idea(models.Model):
    """One idea for the employer, on the sheet that may follow the letter."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="ideas")
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True, help_text="Markdown: a short explanation.")
    position = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class OutputFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word"
    TXT = "txt", "Plain text"
    EML = "eml", "Email draft"
    IDEAS = "ideas", "Idea sheet PDF"


class DispatchQuerySet(models.QuerySet):
    def owned_by(self, user) -> DispatchQuerySet:
        return self.filter(letter__posting__owner=user)


class Dispatch(models.Model):
    """One download of a letter, kept as it was: what went out, when, and to whom."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="dispatches")
    format = models.CharField(max_length=10, choices=OutputFormat)
    sent_to = models.CharField(max_length=400, blank=True)
    content = models.TextField(help_text="The letter's HTML, or its text for text formats.")
    content_hash = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)

    objects = DispatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name_plural = "dispatches"

    def __str__(self) -> str:
        return f"{self.get_format_display()} of {self.letter} ({self.created:%Y-%m-%d %H:%M})"

    @property
    def is_text(self) -> bool:
        return self.format in (OutputFormat.TXT, OutputFormat.EML)
