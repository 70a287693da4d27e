"""The pursuit over time: one application per posting, moving through stages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from letters.models import Posting, coverage_annotations


class ApplicationQuerySet(models.QuerySet):
    def owned_by(self, user) -> ApplicationQuerySet:
        return self.filter(owner=user)

    def with_coverage(self) -> ApplicationQuerySet:
        return self.annotate(**coverage_annotations(prefix="posting__"))


class Application(models.Model):
    """The user's pursuit of one job; it shares its primary key with the posting it answers."""

    class Stage(models.TextChoices):
        INTERESTED = "interested", "Interested"
        APPLIED = "applied", "Applied"
        INTERVIEWING = "interviewing", "Interviewing"
        OFFER = "offer", "Offer"
        CLOSED = "closed", "Closed"

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
