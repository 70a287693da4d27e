"""The letter page's outputs through the test client: downloads, what was sent, duplicates."""

from __future__ import annotations

import email
import io
from email import policy

import docx
import pytest
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from letters.duplication import NOT_YOURS, letter_duplicate
from letters.models import Dispatch, Letter, OutputFormat, Theme
from letters.signals import letter_sent
from tests.factories import (
    ApplicationFactory,
    LetterFactory,
    MatchFactory,
    PostingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "ideas": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
    "eml": "message/rfc822",
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def letter(user):
    letter = LetterFactory(
        posting=ApplicationFactory(posting__owner=user).posting,
        recipient_email="dana@harbor.example",
    )
    MatchFactory(requirement__posting=letter.posting, text="Led a team of six museum guides")
    return letter


def download(client, letter, fmt):
    return client.post(reverse("letters:letter_download", args=[letter.pk, fmt]))


class TestDownloads:
    @pytest.mark.parametrize("fmt", OutputFormat.values)
    def test_each_format_is_an_attachment(self, client_of, letter, fmt):
        response = download(client_of, letter, fmt)
        assert response.status_code == 200
        assert response["Content-Type"] == CONTENT_TYPES[fmt]
        extension = "pdf" if fmt == "ideas" else fmt
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Content-Disposition"].endswith(f'.{extension}"')

    def test_formats_read_back(self, client_of, letter):
        pdf = PdfReader(io.BytesIO(download(client_of, letter, "pdf").content))
        assert "Led a team of six museum guides" in pdf.pages[0].extract_text()
        word = docx.Document(io.BytesIO(download(client_of, letter, "docx").content))
        assert word.tables[0].rows[1].cells[1].text == "Led a team of six museum guides"
        text = download(client_of, letter, "txt").content.decode()
        assert "Led a team of six museum guides" in text
        message = email.message_from_bytes(
            download(client_of, letter, "eml").content, policy=policy.default
        )
        assert message["To"].addresses[0].addr_spec == "dana@harbor.example"
        assert message["Subject"] == "Thank you: Education Manager interview"

    def test_the_old_pdf_address_still_works(self, client_of, letter):
        response = client_of.post(reverse("letters:letter_pdf", args=[letter.pk]))
        assert response["Content-Type"] == "application/pdf"
        assert letter.dispatches.get().format == OutputFormat.PDF

    def test_unknown_format_is_a_404(self, client_of, letter):
        assert download(client_of, letter, "exe").status_code == 404
        assert not Dispatch.objects.exists()

    def test_non_ascii_employer_gets_a_safe_file_name(self, client_of, letter):
        letter.posting.employer = 'Musée "Enfants"\r\nX-Evil: 1'
        letter.posting.save()
        disposition = download(client_of, letter, "txt")["Content-Disposition"]
        assert "\n" not in disposition and "X-Evil:" not in disposition
        assert "filename*=utf-8''Mus%C3%A9e-Enfants-X-Evil-1" in disposition


class TestWhatWasSent:
    def test_each_download_is_recorded_with_a_snapshot(self, client_of, letter):
        download(client_of, letter, "txt")
        download(client_of, letter, "pdf")
        pdf, txt = letter.dispatches.all()
        assert (pdf.format, txt.format) == ("pdf", "txt")
        assert "Led a team of six museum guides" in txt.content and txt.is_text
        assert "<table" in pdf.content and not pdf.is_text
        assert pdf.sent_to == "Dana Whitfield <dana@harbor.example>, Harbor Children's Museum"
        assert len(pdf.content_hash) == 64

    def test_the_snapshot_stays_as_sent(self, client_of, letter):
        download(client_of, letter, "txt")
        letter.closing = "A later closing."
        letter.save()
        sent = letter.dispatches.get()
        assert "A later closing." not in sent.content
        body = client_of.get(reverse("letters:letter_sent", args=[sent.pk])).content.decode()
        assert "I look forward to hearing from you." in body

    def test_html_snapshot_is_shown_escaped_in_a_sandbox(self, client_of, letter):
        letter.salutation = "<script>alert(1)</script>"
        letter.save()
        download(client_of, letter, "pdf")
        sent = letter.dispatches.get()
        body = client_of.get(reverse("letters:letter_sent", args=[sent.pk])).content.decode()
        assert "sandbox" in body and 'srcdoc="&lt;!doctype html&gt;' in body
        assert "<script>alert" not in body

    def test_the_letter_page_lists_the_history(self, client_of, letter):
        download(client_of, letter, "docx")
        body = client_of.get(reverse("letters:letter_edit", args=[letter.pk])).content.decode()
        sent = letter.dispatches.get()
        assert reverse("letters:letter_sent", args=[sent.pk]) in body
        assert "<strong>Word</strong> for Dana Whitfield" in body

    def test_a_signal_tells_other_apps(self, client_of, letter):
        heard = []

        def listener(sender, letter, format, dispatch, **kwargs):
            heard.append((letter.pk, format, dispatch.pk))

        letter_sent.connect(listener)
        try:
            download(client_of, letter, "eml")
        finally:
            letter_sent.disconnect(listener)
        assert heard == [(letter.pk, "eml", letter.dispatches.get().pk)]


class TestLetterPage:
    def test_shows_the_email_version(self, client_of, letter):
        body = client_of.get(reverse("letters:letter_edit", args=[letter.pk])).content.decode()
        assert 'value="Thank you: Education Manager interview"' in body
        assert 'wrap="off" readonly>Dear Ms. Whitfield,' in body
        assert "mailto:dana@harbor.example?subject=Thank%20you" in body
        assert reverse("letters:letter_download", args=[letter.pk, "eml"]) in body

    def test_saves_theme_fit_and_idea_sheet(self, client_of, letter):
        data = {
            "kind": "thank_you",
            "date": "2026-11-21",
            "salutation": "Dear Ms. Whitfield,",
            "opening": "Hello.",
            "left_heading": "You asked for",
            "right_heading": "I bring",
            "closing": "Thanks.",
            "sign_off": "Best,",
            "recipient_email": "dana@harbor.example",
            "theme": "modern",
            "fit_to_page": "on",
            "include_ideas": "on",
        }
        client_of.post(reverse("letters:letter_edit", args=[letter.pk]), data)
        letter.refresh_from_db()
        assert (letter.theme, letter.fit_to_page, letter.include_ideas) == (
            Theme.MODERN,
            True,
            True,
        )

    def test_a_bad_email_keeps_what_was_typed(self, client_of, letter):
        response = client_of.post(
            reverse("letters:letter_edit", args=[letter.pk]),
            {"salutation": "Hi,", "opening": "My new opening", "recipient_email": "not-an-email"},
        )
        body = response.content.decode()
        assert "Enter a valid email address" in body
        assert "My new opening" in body and 'value="not-an-email"' in body
        letter.refresh_from_db()
        assert letter.recipient_email == "dana@harbor.example"


class TestDuplicate:
    def test_copies_to_another_application_with_its_names(self, client_of, letter, user):
        other = ApplicationFactory(
            posting__owner=user, posting__employer="City Zoo", posting__role_title="Educator"
        ).posting
        letter.opening = "About the Education Manager role at Harbor Children's Museum."
        letter.theme = Theme.COMPACT
        letter.save()
        response = client_of.post(
            reverse("letters:letter_copy", args=[letter.pk]), {"posting": other.pk}
        )
        copy = other.letters.get()
        assert response.url == reverse("letters:letter_edit", args=[copy.pk])
        assert copy.opening == "About the Educator role at City Zoo."
        assert copy.theme == Theme.COMPACT
        assert (copy.recipient_name, copy.recipient_email, copy.interview_date) == ("", "", None)
        assert Letter.objects.get(pk=letter.pk).posting == letter.posting

    def test_only_the_owners_applications_are_offered(self, client_of, letter, user):
        mine = ApplicationFactory(posting__owner=user, posting__employer="City Zoo").posting
        theirs = PostingFactory(employer="Someone Else's Museum")
        body = client_of.get(reverse("letters:letter_edit", args=[letter.pk])).content.decode()
        assert "City Zoo" in body and "Someone Else" not in body
        client_of.post(reverse("letters:letter_copy", args=[letter.pk]), {"posting": theirs.pk})
        assert not theirs.letters.exists() and not mine.letters.exists()

    def test_the_workflow_refuses_another_owner(self, letter):
        with pytest.raises(Exception, match=NOT_YOURS):
            letter_duplicate(letter=letter, posting=PostingFactory())


class TestOwnership:
    def test_another_user_gets_404(self, client, letter):
        download(client.__class__(), letter, "txt")  # nothing recorded for a visitor
        client.force_login(UserFactory())
        for url in (
            reverse("letters:letter_download", args=[letter.pk, "docx"]),
            reverse("letters:letter_download", args=[letter.pk, "eml"]),
        ):
            assert client.post(url).status_code == 404
        assert client.post(reverse("letters:letter_copy", args=[letter.pk])).status_code == 404
        assert not Dispatch.objects.exists()

    def test_another_users_sent_copy_is_a_404(self, client_of, client, letter):
        download(client_of, letter, "txt")
        sent = letter.dispatches.get()
        client.force_login(UserFactory())
        assert client.get(reverse("letters:letter_sent", args=[sent.pk])).status_code == 404


def test_admin_lists_ideas_and_what_was_sent(admin_client, letter):
    for model in ("idea", "dispatch"):
        assert admin_client.get(f"/admin/letters/{model}/").status_code == 200
        assert admin_client.get(f"/admin/letters/{model}/add/").status_code == 200
