"""A new user goes from sign-up to a downloaded PDF letter, as a person would in Chromium."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "postings"
SAMPLE = SAMPLES / "01-science-center-kids-room-educator.txt"
# One of our own postings stands in where the shared samples are not beside the checkout.
OWN = (
    Path(__file__).resolve().parents[1] / "data" / "postings" / "23-youth-programs-coordinator.txt"
)
POSTING = SAMPLE if SAMPLE.exists() else OWN


def posting_text() -> str:
    """The sample as a user pastes it: without the Source line and the blank line after it."""
    return POSTING.read_text().split("\n", 2)[2]


def test_from_sign_up_to_pdf(page, shot, tmp_path):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    shot(page, "01-login")
    page.get_by_role("link", name="Create an account").click()

    page.get_by_label("Username").fill("jordan")
    page.get_by_label("Email").fill("jordan@example.com")
    page.get_by_label("Password*", exact=True).fill("a long passphrase 42")
    page.get_by_label("Password confirmation").fill("a long passphrase 42")
    shot(page, "02-signup")
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", name="Profile and letterhead")).to_be_visible()
    page.get_by_label("Full name").fill("Jordan Avery")
    page.get_by_label("Phone").fill("(410) 555-0199")
    page.get_by_label("City or address line").fill("Baltimore, MD")
    page.get_by_label("A4").check()
    shot(page, "03-profile")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved")).to_be_visible()

    page.get_by_role("link", name="Applications").first.click()
    expect(page.get_by_text("No applications yet")).to_be_visible()
    shot(page, "04-empty-home")
    page.get_by_role("link", name="Add your first application").click()

    page.get_by_label("Employer").fill("Maryland Science Center")
    page.get_by_label("Role title").fill("Kids Room Educator")
    page.get_by_label("Job description").fill(posting_text())
    shot(page, "05-new-application")
    page.get_by_role("button", name="Save and find requirements").click()

    expect(page.get_by_role("heading", name=re.compile("Kids Room Educator"))).to_be_visible()
    count = int(page.get_by_test_id("requirement-count").inner_text())
    assert count >= 5
    expect(page.locator("#posting-text mark").first).to_be_visible()
    first_requirement = page.locator(".requirement-item textarea").first.input_value()
    shot(page, "06-requirements")

    page.get_by_role("link", name="Next: match").click()
    expect(page.get_by_text("Your strength bank is empty")).to_be_visible()
    card = page.locator(".match-card").first
    card.get_by_text("Write a new strength for this").click()
    card.get_by_label("Title").fill("Five years teaching young children")
    card.get_by_label(re.compile("^Evidence")).fill(
        "Taught pre-K science classes for **five years** at a city museum."
    )
    card.get_by_role("button", name="Save to bank and use").click()
    expect(page.locator(".match-card").first.get_by_text("Answered")).to_be_visible()
    expect(page.get_by_test_id("required-coverage")).to_have_text(re.compile(r"^1/"))

    second = page.locator(".match-card").nth(1)
    second.get_by_label(re.compile("^What I offer")).fill("Comfortable with toddlers and parents.")
    second.get_by_role("button", name="Save text").click()
    expect(page.locator(".match-card").nth(1).get_by_text("Answered")).to_be_visible()
    expect(page.get_by_test_id("required-coverage")).to_have_text(re.compile(r"^2/"))
    shot(page, "07-match")

    page.get_by_role("link", name="Next: write the letter").click()
    page.get_by_label("Interviewer or recipient").fill("Ms. Dana Whitfield")
    page.get_by_label("Interview date").fill("2026-11-20")
    page.get_by_label("Interview format").select_option("phone")
    shot(page, "08-letter-start")
    page.get_by_role("button", name="Draft letter").click()

    expect(page.get_by_label("Salutation")).to_have_value("Dear Ms. Dana Whitfield,")
    frame = page.frame_locator("iframe.letter-frame")
    expect(frame.get_by_text("Five years teaching young children", exact=False)).to_have_count(0)
    expect(frame.get_by_text("for five years at a city museum", exact=False)).to_be_visible()
    shot(page, "09-letter-edit")

    page.get_by_role("link", name="Preview").click()
    frame = page.frame_locator("iframe.letter-frame")
    expect(frame.get_by_role("columnheader", name="Your requirements")).to_be_visible()
    expect(frame.get_by_role("columnheader", name="What I offer")).to_be_visible()
    shot(page, "10-preview")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    pdf_path = tmp_path / "letter.pdf"
    download_info.value.save_as(pdf_path)
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "YOUR REQUIREMENTS" in text.upper() and "WHAT I OFFER" in text.upper()
    assert " ".join(first_requirement.split())[:40] in text
    assert "for five years at a city museum" in text
    assert "Comfortable with toddlers and parents." in text
    assert "Jordan Avery" in text
    width = float(reader.pages[0].mediabox.width)
    assert round(width / 72, 2) == 8.27  # A4, as chosen in the profile
    (Path(__file__).resolve().parents[1] / "artifacts" / "letter.pdf").write_bytes(
        pdf_path.read_bytes()
    )
