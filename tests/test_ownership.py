"""Every object URL is a 404 for another user and a trip to the login page for a visitor."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from letters.models import Dispatch, Idea
from tests.factories import (
    ApplicationFactory,
    InterviewFactory,
    LetterFactory,
    MatchFactory,
    StepFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned():
    """(method, url) for every page or action that names one of user A's objects."""
    application = ApplicationFactory()
    owner = application.owner
    match = MatchFactory(requirement__posting=application.posting)
    requirement = match.requirement
    strength = match.strength
    letter = LetterFactory(posting=application.posting)
    interview = InterviewFactory(application=application)
    step = StepFactory(application=application)
    idea = Idea.objects.create(posting=application.posting, title="Family science nights")
    sent = Dispatch.objects.create(letter=letter, format="txt", content="Hi", content_hash="x")
    pk = application.pk
    return SimpleNamespace(
        owner=owner,
        strength=strength,
        step=step,
        urls=[
            ("get", reverse("application_detail", args=[pk])),
            ("post", reverse("application_detail", args=[pk])),
            ("post", reverse("application_delete", args=[pk])),
            ("get", reverse("letters:requirements", args=[pk])),
            ("post", reverse("letters:requirement_add", args=[pk])),
            ("post", reverse("letters:requirement_update", args=[requirement.pk])),
            ("get", reverse("letters:strength_edit", args=[strength.pk])),
            ("post", reverse("letters:strength_edit", args=[strength.pk])),
            ("post", reverse("letters:strength_delete", args=[strength.pk])),
            ("get", reverse("letters:match", args=[pk])),
            ("post", reverse("letters:match_auto", args=[pk])),
            ("post", reverse("letters:match_choose", args=[requirement.pk])),
            ("post", reverse("letters:match_text", args=[requirement.pk])),
            ("post", reverse("letters:match_clear", args=[requirement.pk])),
            ("post", reverse("letters:match_new_strength", args=[requirement.pk])),
            ("get", reverse("letters:letter_start", args=[pk])),
            ("post", reverse("letters:letter_start", args=[pk])),
            ("get", reverse("letters:letter_edit", args=[letter.pk])),
            ("post", reverse("letters:letter_edit", args=[letter.pk])),
            ("post", reverse("letters:letter_delete", args=[letter.pk])),
            ("get", reverse("letters:letter_preview", args=[letter.pk])),
            ("get", reverse("letters:letter_document", args=[letter.pk])),
            ("post", reverse("letters:letter_pdf", args=[letter.pk])),
            ("post", reverse("letters:letter_download", args=[letter.pk, "txt"])),
            ("post", reverse("letters:letter_copy", args=[letter.pk])),
            ("get", reverse("letters:letter_sent", args=[sent.pk])),
            ("get", reverse("letters:ideas", args=[pk])),
            ("post", reverse("letters:ideas", args=[pk])),
            ("post", reverse("letters:idea_update", args=[idea.pk])),
            ("post", reverse("application_move", args=[pk])),
            ("post", reverse("application_visit", args=[pk])),
            ("get", reverse("interview_new", args=[pk])),
            ("post", reverse("interview_new", args=[pk])),
            ("post", reverse("interview_letter", args=[interview.pk])),
            ("get", reverse("step_edit", args=[step.pk])),
            ("post", reverse("step_edit", args=[step.pk])),
            ("post", reverse("step_done", args=[step.pk])),
            ("post", reverse("step_snooze", args=[step.pk])),
            ("get", reverse("step_call", args=[step.pk])),
            ("post", reverse("step_call", args=[step.pk])),
        ],
    )


def test_another_user_gets_404_everywhere(client, owned):
    client.force_login(UserFactory())
    for method, url in owned.urls:
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url, response.status_code)
    assert owned.owner.postings.count() == 1
    assert owned.owner.strengths.count() == 1
    owned.step.refresh_from_db()
    assert not owned.step.is_done
    assert Idea.objects.count() == 1 and Dispatch.objects.count() == 1


def test_another_users_strength_cannot_be_chosen(client, owned):
    strength = owned.strength
    intruder = UserFactory()
    client.force_login(intruder)
    mine = MatchFactory(requirement__posting=ApplicationFactory(posting__owner=intruder).posting)
    response = client.post(
        reverse("letters:match_choose", args=[mine.requirement.pk]), {"strength": strength.pk}
    )
    assert response.status_code == 404


def test_a_visitor_is_sent_to_log_in(client, owned):
    pages = [
        ("get", reverse("home")),
        ("get", reverse("application_new")),
        ("get", reverse("letters:profile")),
        ("get", reverse("letters:strengths")),
        ("get", reverse("letters:strength_create")),
        ("get", reverse("letters:strength_import")),
        ("post", reverse("application_guess")),
        ("get", reverse("dashboard")),
        ("get", reverse("board")),
        ("get", reverse("compare")),
        ("get", reverse("calendar")),
        ("get", reverse("calendar_download")),
        *owned.urls,
    ]
    for method, url in pages:
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response.url.startswith(reverse("login")), (method, url)
