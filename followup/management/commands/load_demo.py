"""Create the demo user and a worked example, for trying Followup locally."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from followup.applications import application_create
from followup.models import Application, Interview, Step
from followup.pursuit import interview_letter_start, interview_log
from letters.matching import matches_fill_best
from letters.models import Letter, Profile, Strength

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
USERNAME = "demo"
PASSWORD = "demo"


class Command(BaseCommand):
    help = "Create the 'demo' user (password 'demo', local use only) with a worked example."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database has any user."
        )

    def handle(self, *args, if_empty: bool, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("load_demo creates a user with a known password: DEBUG only.")
        User = get_user_model()
        if if_empty and User.objects.exists():
            self.stdout.write("The database has users already; the demo is not loaded.")
            return
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"The '{USERNAME}' user exists already; nothing to do.")
            return
        letter = create_demo(User)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: log in as '{USERNAME}' with password '{PASSWORD}' "
                f"(local use only). Letter #{letter.pk} is the thank-you after this morning's "
                "phone interview."
            )
        )


@transaction.atomic
def create_demo(User) -> Letter:
    """Darby's search: a museum interview this morning, and three other applications in flight."""
    user = User.objects.create_user(USERNAME, email="darby.quinn@example.com", password=PASSWORD)
    Profile.objects.create(
        user=user,
        full_name="Darby Quinn",
        email="darby.quinn@example.com",
        phone="(410) 555-0142",
        address="Baltimore, MD",
        link="https://example.com/darby-quinn",
    )
    for item in json.loads((DEMO_DIR / "strengths.json").read_text()):
        Strength.objects.create(owner=user, **item)
    museum = application_create(
        owner=user,
        employer="Port City Children's Museum",
        role_title="Education Manager",
        location="Baltimore, MD",
        description=(DEMO_DIR / "posting.txt").read_text(),
        stage=Application.Stage.APPLIED,
    )
    matches_fill_best(posting=museum.posting)
    # The phone interview never reached management: that is what the letter must reinforce.
    this_morning = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    interview = interview_log(
        application=museum,
        when=this_morning,
        format=Interview.Format.PHONE,
        interviewer_name="Dana Whitfield",
        interviewer_title="Director of Learning",
        interviewer_email="dana.whitfield@example.org",
        missed="We never got to my experience managing staff.",
        emphasize=museum.posting.requirements.filter(text__icontains="supervising"),
    )
    letter = interview_letter_start(interview=interview)

    science = application_create(
        owner=user,
        employer="Harborview Science Center",
        role_title="Program Coordinator, Early Learning",
        location="Baltimore, MD",
        description=(DEMO_DIR / "posting-science-center.txt").read_text(),
        stage=Application.Stage.APPLIED,
    )
    matches_fill_best(posting=science.posting)
    earlier = interview_log(
        application=science,
        when=this_morning - datetime.timedelta(days=6),
        format=Interview.Format.VIDEO,
        interviewer_name="Marcus Bell",
        interviewer_title="Head of Programs",
    )
    earlier.steps.filter(kind=Step.Kind.THANK_YOU).update(
        done_at=earlier.when + datetime.timedelta(hours=20)
    )

    library = application_create(
        owner=user,
        employer="Eastside Public Library",
        role_title="Youth Services Associate",
        description=(DEMO_DIR / "posting-library.txt").read_text(),
        stage=Application.Stage.APPLIED,
    )
    matches_fill_best(posting=library.posting)

    application_create(
        owner=user,
        employer="Chesapeake Zoo",
        role_title="Education Specialist",
        description=(DEMO_DIR / "posting-zoo.txt").read_text(),
        stage=Application.Stage.INTERESTED,
    )
    return letter
