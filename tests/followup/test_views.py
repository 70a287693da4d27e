"""The tracking pages: sign-up, the application list and the new-application form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from followup.forms import DESCRIPTION_LIMIT, DESCRIPTION_REQUIRED
from followup.models import Application
from letters.models import Posting
from tests.factories import ApplicationFactory, MatchFactory, RequirementFactory, StepFactory

pytestmark = pytest.mark.django_db

POSTING = """Education Manager

Qualifications
• Bachelor's degree in education or a related field
• 3+ years of experience supervising staff
• Excellent public speaking skills

Preferred
• Bilingual in English and Spanish
"""


def application_data(**overrides) -> dict:
    return {
        "employer": "Harbor Children's Museum",
        "role_title": "Education Manager",
        "location": "Baltimore, MD",
        "link": "https://example.com/jobs/1",
        "stage": Application.Stage.INTERVIEWING,
        "description": POSTING,
    } | overrides


class TestSignUp:
    def test_creates_the_account_and_logs_in(self, client):
        response = client.post(
            reverse("signup"),
            {
                "username": "casey",
                "email": "casey@example.com",
                "password1": "a long passphrase 42",
                "password2": "a long passphrase 42",
            },
        )
        assert response.status_code == 302
        assert response.url == reverse("letters:profile")
        assert client.get(reverse("home")).status_code == 200

    def test_mismatched_passwords_keep_the_username(self, client):
        response = client.post(
            reverse("signup"),
            {"username": "casey", "password1": "one passphrase 1", "password2": "other 2"},
        )
        assert response.status_code == 200
        assert 'value="casey"' in response.content.decode()


class TestHome:
    def test_empty_state_says_what_to_do_first(self, client_of):
        body = client_of.get(reverse("home")).content.decode()
        assert "No applications yet" in body
        assert reverse("application_new") in body

    def test_lists_applications_with_coverage(self, client_of, user):
        application = ApplicationFactory(posting__owner=user, posting__employer="Acme Labs")
        MatchFactory(requirement__posting=application.posting, text="Yes")
        RequirementFactory(posting=application.posting)
        ApplicationFactory(posting__employer="Not Mine Inc")
        body = client_of.get(reverse("home")).content.decode()
        assert "Acme Labs" in body
        assert "1/2" in body
        assert "Not Mine Inc" not in body


class TestHomeNextStep:
    def test_shows_the_next_open_step_in_a_fixed_number_of_queries(
        self, client_of, user, django_assert_max_num_queries
    ):
        now = timezone.now()
        for number in range(3):
            application = ApplicationFactory(posting__owner=user)
            StepFactory(application=application, kind="call", due=now + timedelta(days=number + 2))
            StepFactory(application=application, kind="thank_you", due=now - timedelta(days=1))
            StepFactory(
                application=application, kind="visit", due=now - timedelta(days=5), done_at=now
            )
        with django_assert_max_num_queries(8):
            body = client_of.get(reverse("home")).content.decode()
        assert body.count("Send thank-you") == 3
        assert body.count("overdue, ") == 3
        assert "Visit" not in body


class TestNewApplication:
    def test_creates_posting_requirements_and_application(self, client_of, user):
        response = client_of.post(reverse("application_new"), application_data())
        posting = Posting.objects.get(owner=user)
        assert response.url == reverse("letters:requirements", args=[posting.pk])
        assert posting.application.stage == Application.Stage.INTERVIEWING
        texts = list(posting.requirements.values_list("text", "kind"))
        assert ("3+ years of experience supervising staff", "required") in texts
        assert ("Bilingual in English and Spanish", "preferred") in texts

    def test_empty_description_is_a_form_error(self, client_of):
        response = client_of.post(reverse("application_new"), application_data(description=" "))
        assert response.status_code == 200
        assert DESCRIPTION_REQUIRED in response.content.decode()
        assert not Posting.objects.exists()

    def test_too_long_description_is_rejected_and_kept(self, client_of):
        text = "Requirements\n" + "- Experience with kayaks\n" * 5000
        assert len(text) > DESCRIPTION_LIMIT
        response = client_of.post(reverse("application_new"), application_data(description=text))
        body = response.content.decode()
        assert response.status_code == 200
        assert "the limit is 100,000" in body
        assert body.count("Experience with kayaks") == 5000
        assert not Posting.objects.exists()

    def test_control_characters_are_stripped(self, client_of, user):
        client_of.post(
            reverse("application_new"),
            application_data(employer="Acme\x00 Labs\x07", description=POSTING + "\x1b[31m"),
        )
        posting = Posting.objects.get(owner=user)
        assert posting.employer == "Acme Labs"
        assert "\x1b" not in posting.description


class TestApplicationDetail:
    def test_changes_the_stage(self, client_of, user):
        application = ApplicationFactory(posting__owner=user)
        url = reverse("application_detail", args=[application.pk])
        client_of.post(url, {"stage": "offer", "priority": 1})
        application.refresh_from_db()
        assert application.stage == "offer"

    def test_delete_removes_the_posting(self, client_of, user):
        application = ApplicationFactory(posting__owner=user)
        client_of.post(reverse("application_delete", args=[application.pk]))
        assert not Posting.objects.exists()


class TestGuess:
    def test_fills_only_the_blanks_from_the_text(self, client_of):
        response = client_of.post(
            reverse("application_guess"),
            {
                "description": "Education Manager\nPort City Museum — Baltimore, MD\n\nDuties…",
                "employer": "My own spelling",
            },
        )
        body = response.content.decode()
        assert 'value="My own spelling"' in body
        assert 'value="Education Manager"' in body and 'value="Baltimore, MD"' in body
        assert "Filled in from the text: role title, location" in body
