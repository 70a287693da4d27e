"""The writing pages, driven through the test client as a browser (and htmx) would."""

from __future__ import annotations

import pytest
from django.urls import reverse

from letters.models import Letter, Match, Profile, Requirement, Strength
from tests.factories import (
    ApplicationFactory,
    LetterFactory,
    MatchFactory,
    RequirementFactory,
    StrengthFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def posting(user):
    return ApplicationFactory(posting__owner=user).posting


class TestProfile:
    def test_saves_the_letterhead(self, client_of, user):
        response = client_of.post(
            reverse("letters:profile"),
            {
                "full_name": "Sam Rivera",
                "email": "sam@example.com",
                "paper_size": "a4",
                "time_zone": "America/Chicago",
            },
        )
        assert response.status_code == 302
        profile = Profile.objects.get(user=user)
        assert (profile.paper_size, profile.time_zone) == ("a4", "America/Chicago")

    def test_bad_email_keeps_the_other_fields(self, client_of):
        response = client_of.post(
            reverse("letters:profile"),
            {"full_name": "Sam Rivera", "email": "not-an-email", "paper_size": "letter"},
        )
        body = response.content.decode()
        assert "Enter a valid email address" in body
        assert 'value="Sam Rivera"' in body


class TestRequirements:
    def test_page_shows_list_and_highlighted_text(self, client_of, posting):
        start = posting.description.index("Experience supervising staff")
        RequirementFactory(
            posting=posting, text="Experience supervising staff", start=start, end=start + 28
        )
        body = client_of.get(reverse("letters:requirements", args=[posting.pk])).content.decode()
        assert "<mark>Experience supervising staff</mark>" in body
        assert "Experience supervising staff</textarea>" in body

    def test_add_keeps_selection_span(self, client_of, posting):
        client_of.post(
            reverse("letters:requirement_add", args=[posting.pk]),
            {"add-text": "Bachelor's degree", "add-kind": "preferred", "start": "46", "end": "63"},
        )
        added = posting.requirements.get()
        assert (added.text, added.kind, added.start, added.end) == (
            "Bachelor's degree",
            "preferred",
            46,
            63,
        )

    def test_add_empty_is_an_error(self, client_of, posting):
        response = client_of.post(
            reverse("letters:requirement_add", args=[posting.pk]),
            {"add-text": "", "add-kind": "required"},
            **HTMX,
        )
        assert "This field is required" in response.content.decode()
        assert not posting.requirements.exists()

    def test_edit_kind_and_emphasize_in_one_go(self, client_of, posting):
        requirement = RequirementFactory(posting=posting, text="Old")
        prefix = f"r{requirement.pk}"
        response = client_of.post(
            reverse("letters:requirement_update", args=[requirement.pk]),
            {f"{prefix}-text": "New text", f"{prefix}-kind": "preferred", "action": "emphasize"},
            **HTMX,
        )
        assert response.status_code == 200
        requirement.refresh_from_db()
        assert (requirement.text, requirement.kind, requirement.emphasize) == (
            "New text",
            "preferred",
            True,
        )

    def test_reorder_and_delete(self, client_of, posting):
        first, second = (RequirementFactory(posting=posting, text=t) for t in ("A", "B"))
        prefix = f"r{second.pk}"
        client_of.post(
            reverse("letters:requirement_update", args=[second.pk]),
            {f"{prefix}-text": "B", f"{prefix}-kind": "required", "action": "up"},
        )
        assert list(posting.requirements.values_list("text", flat=True)) == ["B", "A"]
        client_of.post(reverse("letters:requirement_update", args=[first.pk]), {"action": "delete"})
        assert list(posting.requirements.values_list("text", flat=True)) == ["B"]

    def test_invalid_edit_keeps_the_users_text(self, client_of, posting):
        requirement = RequirementFactory(posting=posting, text="Keep me")
        prefix = f"r{requirement.pk}"
        response = client_of.post(
            reverse("letters:requirement_update", args=[requirement.pk]),
            {f"{prefix}-text": "My edit", f"{prefix}-kind": "bogus", "action": "save"},
            **HTMX,
        )
        assert "My edit" in response.content.decode()
        requirement.refresh_from_db()
        assert requirement.text == "Keep me"


class TestStrengths:
    def test_create_edit_filter_delete(self, client_of, user):
        client_of.post(
            reverse("letters:strength_create"),
            {"title": "Led guides", "detail": "Six **guides**", "tags": "Leadership, museum"},
        )
        strength = Strength.objects.get(owner=user)
        assert strength.tags == "leadership, museum"
        StrengthFactory(owner=user, title="Budgeting", tags="money")
        body = client_of.get(reverse("letters:strengths") + "?tag=leadership").content.decode()
        assert "Led guides" in body and "Budgeting" not in body
        assert "<strong>guides</strong>" in body
        client_of.post(
            reverse("letters:strength_edit", args=[strength.pk]),
            {"title": "Led six guides", "detail": "", "tags": ""},
        )
        strength.refresh_from_db()
        assert strength.title == "Led six guides"
        client_of.post(reverse("letters:strength_delete", args=[strength.pk]))
        assert not Strength.objects.filter(pk=strength.pk).exists()

    def test_tag_filter_matches_whole_tags(self, user):
        StrengthFactory(owner=user, tags="management, museum")
        StrengthFactory(owner=user, tags="time management")
        assert Strength.objects.filter(owner=user).tagged("management").count() == 1

    def test_empty_bank_explains_itself(self, client_of):
        assert "Your bank is empty" in client_of.get(reverse("letters:strengths")).content.decode()


class TestMatch:
    def test_page_ranks_the_right_strength_first(self, client_of, user, posting):
        RequirementFactory(posting=posting, text="Experience supervising a team of educators")
        StrengthFactory(owner=user, title="Grant writing", detail="Wrote grants.")
        StrengthFactory(owner=user, title="Led a team of six museum guides", detail="Six guides.")
        body = client_of.get(reverse("letters:match", args=[posting.pk])).content.decode()
        assert 'aria-label="Use Led a team of six museum guides"' in body
        assert "Grant writing" not in body

    def test_choose_with_htmx_returns_the_card_and_coverage(self, client_of, user, posting):
        requirement = RequirementFactory(posting=posting, text="Supervise staff")
        strength = StrengthFactory(owner=user, title="Led a team", detail="Led six guides.")
        response = client_of.post(
            reverse("letters:match_choose", args=[requirement.pk]),
            {"strength": strength.pk},
            **HTMX,
        )
        body = response.content.decode()
        assert f'id="req-{requirement.pk}"' in body
        assert 'id="coverage" class="coverage card card-body" hx-swap-oob="true"' in body
        assert "1/1" in body
        assert Match.objects.get(requirement=requirement).text == "Led six guides."

    def test_tailor_and_clear_the_offer(self, client_of, posting):
        match = MatchFactory(requirement__posting=posting)
        requirement = match.requirement
        client_of.post(
            reverse("letters:match_text", args=[requirement.pk]),
            {f"o{requirement.pk}-text": "  Tailored words  "},
            **HTMX,
        )
        match.refresh_from_db()
        assert match.text == "Tailored words"
        client_of.post(reverse("letters:match_clear", args=[requirement.pk]), **HTMX)
        assert not Match.objects.filter(pk=match.pk).exists()

    def test_new_strength_joins_the_bank_and_answers(self, client_of, user, posting):
        requirement = RequirementFactory(posting=posting)
        prefix = f"s{requirement.pk}"
        client_of.post(
            reverse("letters:match_new_strength", args=[requirement.pk]),
            {
                f"{prefix}-title": "Spanish",
                f"{prefix}-detail": "Fluent Spanish.",
                f"{prefix}-tags": "",
            },
            **HTMX,
        )
        strength = Strength.objects.get(owner=user, title="Spanish")
        assert requirement.match.strength == strength
        assert requirement.match.text == "Fluent Spanish."

    def test_new_strength_without_title_keeps_the_detail(self, client_of, posting):
        requirement = RequirementFactory(posting=posting)
        prefix = f"s{requirement.pk}"
        response = client_of.post(
            reverse("letters:match_new_strength", args=[requirement.pk]),
            {f"{prefix}-title": "", f"{prefix}-detail": "My story", f"{prefix}-tags": ""},
            **HTMX,
        )
        body = response.content.decode()
        assert "This field is required" in body
        assert "My story</textarea>" in body


class TestLetters:
    def test_start_drafts_default_text(self, client_of, posting):
        response = client_of.post(
            reverse("letters:letter_start", args=[posting.pk]),
            {
                "kind": "thank_you",
                "recipient_name": "Ms. Dana Whitfield",
                "interview_date": "2026-11-20",
                "interview_format": "phone",
            },
        )
        letter = Letter.objects.get(posting=posting)
        assert response.url == reverse("letters:letter_edit", args=[letter.pk])
        assert letter.salutation == "Dear Ms. Dana Whitfield,"
        assert "November 20 by phone" in letter.opening
        assert posting.role_title in letter.opening and posting.employer in letter.opening

    def test_edit_renames_the_columns(self, client_of, posting):
        letter = LetterFactory(posting=posting)
        data = {
            "kind": "cover",
            "date": "2026-11-21",
            "salutation": "Dear team,",
            "opening": "Hello.",
            "left_heading": "You asked for",
            "right_heading": "I bring",
            "closing": "Thanks.",
            "sign_off": "Best,",
        }
        client_of.post(reverse("letters:letter_edit", args=[letter.pk]), data)
        MatchFactory(requirement__posting=posting, text="Yes")
        body = client_of.get(reverse("letters:letter_document", args=[letter.pk])).content.decode()
        assert "You asked for" in body and "I bring" in body

    def test_invalid_edit_keeps_the_text(self, client_of, posting):
        letter = LetterFactory(posting=posting)
        response = client_of.post(
            reverse("letters:letter_edit", args=[letter.pk]),
            {"kind": "thank_you", "opening": "My new opening", "salutation": ""},
        )
        assert response.status_code == 200
        assert "My new opening" in response.content.decode()

    def test_pdf_download(self, client_of, posting):
        letter = LetterFactory(posting=posting)
        response = client_of.post(reverse("letters:letter_pdf", args=[letter.pk]))
        assert response["Content-Type"] == "application/pdf"
        assert "attachment;" in response["Content-Disposition"]
        assert response.content.startswith(b"%PDF")

    def test_preview_frames_the_document(self, client_of, posting):
        letter = LetterFactory(posting=posting)
        body = client_of.get(reverse("letters:letter_preview", args=[letter.pk])).content.decode()
        assert reverse("letters:letter_document", args=[letter.pk]) in body


def test_requirement_in_letter_order(posting):
    later = RequirementFactory(posting=posting, position=2)
    RequirementFactory(posting=posting, position=1)
    later.emphasize = True
    later.save()
    assert Requirement.objects.filter(posting=posting).in_letter_order().first() == later


def test_choose_rejects_a_malformed_strength_and_scores_on_the_server(client_of, posting, user):
    requirement = RequirementFactory(posting=posting, text="Supervise staff")
    url = reverse("letters:match_choose", args=[requirement.pk])
    assert client_of.post(url, {"strength": "abc"}).status_code == 404
    strength = StrengthFactory(owner=user, title="Supervised a team of six staff")
    client_of.post(url, {"strength": strength.pk, "score": "nan"})
    assert 0 < Match.objects.get(requirement=requirement).score <= 1


def test_a_download_is_never_triggered_by_a_get(client_of, posting):
    letter = LetterFactory(posting=posting)
    assert client_of.get(reverse("letters:letter_pdf", args=[letter.pk])).status_code == 405
    assert not letter.dispatches.exists()
