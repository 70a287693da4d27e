"""Filling the bank from a résumé, and matching a whole posting in one click."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from letters.forms import IMPORT_NOTHING
from letters.models import Match, Strength
from letters.views.matches import match_cards
from tests.factories import ApplicationFactory, RequirementFactory, StrengthFactory

pytestmark = pytest.mark.django_db

URL = "/strengths/import/"


class TestImport:
    def test_paste_review_and_keep_some(self, client_of, user):
        response = client_of.post(
            URL,
            {"action": "parse", "text": "- Led a team of six guides\n- Managed a camp budget\n"},
        )
        body = response.content.decode()
        assert 'value="Led a team of six guides"' in body
        assert not Strength.objects.exists()
        client_of.post(
            URL,
            {
                "action": "save",
                "proposal-TOTAL_FORMS": "2",
                "proposal-INITIAL_FORMS": "2",
                "proposal-0-keep": "on",
                "proposal-0-title": "Led six guides",
                "proposal-0-detail": "Led a team of six guides",
                "proposal-0-tags": "leadership",
                "proposal-1-title": "Managed a camp budget",
                "proposal-1-detail": "",
                "proposal-1-tags": "",
            },
        )
        assert list(Strength.objects.filter(owner=user).values_list("title", "tags")) == [
            ("Led six guides", "leadership")
        ]

    def test_upload_json_resume(self, client_of):
        upload = SimpleUploadedFile(
            "resume.json",
            json.dumps(
                {"work": [{"highlights": ["Taught science to 60 children a week"]}]}
            ).encode(),
            content_type="application/json",
        )
        response = client_of.post(URL, {"action": "parse", "file": upload})
        assert "Taught science to 60 children a week" in response.content.decode()

    def test_bad_file_and_nothing_given_are_clear_errors(self, client_of):
        upload = SimpleUploadedFile("resume.json", b"{not json", content_type="application/json")
        body = client_of.post(URL, {"action": "parse", "file": upload}).content.decode()
        assert "not a JSON Resume" in body
        body = client_of.post(URL, {"action": "parse", "text": ""}).content.decode()
        assert IMPORT_NOTHING in body

    def test_kept_proposal_needs_a_title(self, client_of):
        response = client_of.post(
            URL,
            {
                "action": "save",
                "proposal-TOTAL_FORMS": "1",
                "proposal-INITIAL_FORMS": "1",
                "proposal-0-keep": "on",
                "proposal-0-title": "",
                "proposal-0-detail": "My evidence",
                "proposal-0-tags": "",
            },
        )
        body = response.content.decode()
        assert "A strength you keep needs a title." in body and "My evidence" in body
        assert not Strength.objects.exists()


class TestMatchPage:
    def test_auto_match_fills_only_strong_suggestions(self, client_of, user):
        posting = ApplicationFactory(posting__owner=user).posting
        strong = RequirementFactory(posting=posting, text="Current CPR and First Aid certification")
        weak = RequirementFactory(posting=posting, text="Fluent in Mandarin")
        StrengthFactory(owner=user, title="CPR and First Aid certified", detail="Red Cross CPR.")
        response = client_of.post(reverse("letters:match_auto", args=[posting.pk]), follow=True)
        assert "Matched 1 requirement" in response.content.decode()
        assert Match.objects.filter(requirement=strong).exists()
        assert not Match.objects.filter(requirement=weak).exists()

    def test_auto_match_offers_each_strength_once(self, client_of, user):
        posting = ApplicationFactory(posting__owner=user).posting
        bls = RequirementFactory(posting=posting, text="Current BLS certification")
        RequirementFactory(posting=posting, text="First aid training")
        cpr = StrengthFactory(owner=user, title="CPR and First Aid certified", detail="Red Cross.")
        StrengthFactory(owner=user, title="Baked bread for the farmers' market")
        client_of.post(reverse("letters:match_auto", args=[posting.pk]))
        assert list(Match.objects.values_list("requirement", "strength")) == [(bls.pk, cpr.pk)]
        body = client_of.get(reverse("letters:match", args=[posting.pk])).content.decode()
        assert "No strong match yet." in body
        assert "answers \u201cCurrent BLS certification\u201d better" in body

    def test_a_strength_taken_elsewhere_is_shown_with_where(self, client_of, user):
        """Even where it is no lead, so the user does not wonder where their strength went."""
        posting = ApplicationFactory(posting__owner=user).posting
        RequirementFactory(posting=posting, text="Current CPR and First Aid certification")
        aid = RequirementFactory(posting=posting, text="First aid training")
        StrengthFactory(owner=user, title="Current CPR and First Aid certification")
        StrengthFactory(owner=user, title="Coached a team of six museum guides")
        cards = match_cards(posting)
        shown = next(card for card in cards if card["requirement"] == aid)["suggestions"]
        taken = next(found for found in shown if found.strength.title.startswith("Current CPR"))
        assert not taken.strong
        assert "answers \u201cCurrent CPR and First Aid certification\u201d better" in taken.why
        answered = next(card for card in cards if card["requirement"] != aid)["suggestions"]
        assert [found.strong for found in answered] == [True]  # no clutter where one is taken

    def test_auto_match_leaves_a_strength_the_user_chose_where_it_is(self, client_of, user):
        posting = ApplicationFactory(posting__owner=user).posting
        RequirementFactory(posting=posting, text="Current BLS certification")
        aid = RequirementFactory(posting=posting, text="First aid training")
        cpr = StrengthFactory(owner=user, title="CPR and First Aid certified", detail="Red Cross.")
        Match.objects.create(requirement=aid, strength=cpr, text="Red Cross.")
        response = client_of.post(reverse("letters:match_auto", args=[posting.pk]), follow=True)
        assert list(Match.objects.values_list("requirement", "strength")) == [(aid.pk, cpr.pk)]
        assert "No unanswered requirement has a strong match" in response.content.decode()

    def test_gap_says_no_strong_match_with_a_one_click_write(self, client_of, user):
        posting = ApplicationFactory(posting__owner=user).posting
        requirement = RequirementFactory(posting=posting, text="Fluent in Mandarin")
        body = client_of.get(reverse("letters:match", args=[posting.pk])).content.decode()
        assert "No strong match yet." in body
        assert f'data-open-details="#new-strength-{requirement.pk}"' in body
