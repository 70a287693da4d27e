"""Every output downloaded from the letter page in Chromium, then read back."""

from __future__ import annotations

import email
import io
import re
from email import policy

import docx
import pikepdf
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from letters.ideas import idea_add
from tests.factories import (
    ApplicationFactory,
    LetterFactory,
    MatchFactory,
    ProfileFactory,
    RequirementFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = {
    "Experience supervising staff": "Led a team of six museum guides",
    "Bachelor's degree in education": "B.A. in Elementary Education",
}


@pytest.fixture
def letter():
    user = UserFactory(username="sam")
    ProfileFactory(user=user, full_name="Sam Rivera", email="sam@example.com")
    posting = ApplicationFactory(posting__owner=user).posting
    for text, offer in ANSWERS.items():
        MatchFactory(requirement=RequirementFactory(posting=posting, text=text), text=offer)
    idea_add(posting=posting, title="A Saturday science club", detail="For families, monthly.")
    ApplicationFactory(posting__owner=user, posting__employer="City Zoo")
    return LetterFactory(posting=posting, recipient_email="dana@harbor.example")


def log_in(page) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def fetch(page, name: str, tmp_path) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=name, exact=True).first.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def test_download_every_format_from_the_letter_page(page, shot, tmp_path, letter):
    log_in(page)
    page.goto(f"/letters/{letter.pk}/")
    page.get_by_label("Modern sans").check()
    page.get_by_label("Add the idea sheet as page 2").check()
    page.get_by_role("button", name="Save and refresh preview").click()
    expect(page.get_by_text("Letter saved")).to_be_visible()
    frame = page.frame_locator("iframe.letter-frame")
    expect(frame.locator("html.theme-modern")).to_have_count(1)
    expect(frame.get_by_role("heading", name="Sam Rivera's Ideas for Harbor")).to_be_visible()
    shot(page, "outputs-01-letter-page")

    pdf = fetch(page, "Download PDF", tmp_path)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    assert "Led a team of six museum guides" in reader.pages[0].extract_text()
    assert "A Saturday science club" in reader.pages[1].extract_text()
    tagged = pikepdf.open(io.BytesIO(pdf))
    assert tagged.Root.MarkInfo.Marked and "/StructTreeRoot" in tagged.Root

    word = docx.Document(io.BytesIO(fetch(page, "Word", tmp_path)))
    assert len(word.tables) == 1
    assert {row.cells[0].text for row in word.tables[0].rows[1:]} == set(ANSWERS)

    message = email.message_from_bytes(fetch(page, "Email draft", tmp_path), policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "dana@harbor.example"
    assert message["Subject"] == "Thank you: Education Manager interview"
    assert "B.A. in Elementary Education" in message.get_content()

    text = fetch(page, "Text", tmp_path).decode()
    assert text.startswith("Dear Ms. Whitfield,") and "Led a team of six museum guides" in text

    sheet = PdfReader(io.BytesIO(fetch(page, "Idea sheet", tmp_path)))
    assert len(sheet.pages) == 1 and "Led a team" not in sheet.pages[0].extract_text()

    page.reload()
    history = page.locator(".sent-list li")
    expect(history).to_have_count(5)
    expect(history.first).to_contain_text("Idea sheet PDF")
    shot(page, "outputs-02-what-was-sent")
    history.filter(has_text="Plain text").get_by_role("link", name="Open copy").click()
    expect(page.get_by_test_id("sent-content")).to_contain_text("Led a team of six museum guides")
    shot(page, "outputs-03-sent-text")
    page.go_back()
    history.last.get_by_role("link", name="Open copy").click()
    copy = page.frame_locator("[data-testid=sent-content]")
    expect(copy.get_by_role("columnheader", name="What I offer")).to_be_visible()
    shot(page, "outputs-04-sent-pdf-copy")
    page.get_by_role("link", name="Back to the letter").click()
    page.get_by_role("link", name="Write the idea sheet").click()
    expect(page.get_by_label("Title").first).to_have_value("A Saturday science club")
    shot(page, "outputs-05-idea-sheet")


def test_copy_the_email_text_and_duplicate(browser, live_server, shot, letter):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        log_in(page)
        page.goto(f"/letters/{letter.pk}/")
        expect(page.get_by_label("Subject")).to_have_value("Thank you: Education Manager interview")
        expect(page.get_by_role("link", name="Open in mail program")).to_have_attribute(
            "href", re.compile(r"^mailto:dana@harbor\.example\?subject=Thank%20you")
        )
        page.get_by_role("button", name="Copy text").click()
        expect(page.get_by_role("button", name="Copied")).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.get_by_label("Text").input_value()
        assert "Led a team of six museum guides" in copied

        page.get_by_role("combobox", name=re.compile("^Application")).select_option(
            label="Education Manager at City Zoo"
        )
        page.get_by_role("button", name="Duplicate letter").click()
        expect(page.get_by_text("Letter copied to Education Manager at City Zoo")).to_be_visible()
        expect(page.get_by_label("Interviewer or recipient")).to_have_value("")
        shot(page, "outputs-06-duplicated")
    finally:
        context.close()
