"""Create the demo user and a worked example, for trying Followup locally."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from followup.applications import application_create
from followup.models import Application
from letters.drafting import letter_create
from letters.matching import matches_fill_best
from letters.models import Letter, Profile, Strength

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
USERNAME = "demo"
PASSWORD = "demo"


class Command(BaseCommand):
    help = "Create the 'demo' user (password 'demo', local use only) with a worked example."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("load_demo creates a user with a known password: DEBUG only.")
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"The '{USERNAME}' user exists already; nothing to do.")
            return
        letter = create_demo(User)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: log in as '{USERNAME}' with password '{PASSWORD}' "
                f"(local use only). Letter #{letter.pk} is a thank-you after a phone interview."
            )
        )


@transaction.atomic
def create_demo(User) -> Letter:
    user = User.objects.create_user(USERNAME, email="sam.rivera@example.com", password=PASSWORD)
    Profile.objects.create(
        user=user,
        full_name="Sam Rivera",
        email="sam.rivera@example.com",
        phone="(410) 555-0142",
        address="Baltimore, MD",
        link="https://example.com/sam-rivera",
    )
    for item in json.loads((DEMO_DIR / "strengths.json").read_text()):
        Strength.objects.create(owner=user, **item)
    application = application_create(
        owner=user,
        employer="Port City Children's Museum",
        role_title="Education Manager",
        location="Baltimore, MD",
        description=(DEMO_DIR / "posting.txt").read_text(),
        stage=Application.Stage.INTERVIEWING,
    )
    posting = application.posting
    # The phone interview never reached management: that is what the letter must reinforce.
    posting.requirements.filter(text__icontains="supervising").update(emphasize=True)
    matches_fill_best(posting=posting)
    return letter_create(
        posting=posting,
        kind=Letter.Kind.THANK_YOU,
        recipient_name="Ms. Dana Whitfield",
        interview_date=datetime.date.today() - datetime.timedelta(days=1),
        interview_format=Letter.Format.PHONE,
    )
