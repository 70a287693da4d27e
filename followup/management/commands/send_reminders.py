"""Email each user the steps due today and overdue; safe to run from cron several times a day."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from followup.reminders import reminders_due, reminders_send


class Command(BaseCommand):
    help = "Email each user their steps due today and overdue (at most once a day per step)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the emails instead of sending them."
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        now = timezone.now()
        if dry_run:
            reminders = reminders_due(now=now)
            for reminder in reminders:
                self.stdout.write(f"To: {reminder.user.email}\nSubject: {reminder.subject}\n")
                self.stdout.write(reminder.body)
                self.stdout.write("")
        else:
            reminders = reminders_send(now=now)
        steps = sum(len(reminder.steps) for reminder in reminders)
        verb = "would send" if dry_run else "sent"
        self.stdout.write(f"{len(reminders)} reminder(s) {verb}, covering {steps} step(s).")
