"""The strength bank import, auto-match, and adding a requirement by selecting text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import ApplicationFactory, RequirementFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
RESUME = """EXPERIENCE
- Supervised and coached a team of six museum guides and 20 volunteers
- Current CPR and First Aid certification from the Red Cross
- Ran the center's Instagram account
"""


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_import_resume_then_auto_match(page, shot):
    user = UserFactory(username="robin")
    posting = ApplicationFactory(posting__owner=user).posting
    RequirementFactory(posting=posting, text="Current CPR and First Aid certification")
    RequirementFactory(posting=posting, text="Fluent in Mandarin")
    RequirementFactory(posting=posting, text="First aid training")
    log_in(page, "robin")

    page.get_by_role("link", name="Strengths").click()
    page.get_by_role("link", name="Import from résumé").first.click()
    page.get_by_label("Résumé text").fill(RESUME)
    page.get_by_role("button", name="Propose strengths").click()
    expect(page.locator(".proposal")).to_have_count(3)
    page.locator(".proposal").nth(2).get_by_label("Keep").uncheck()
    page.locator(".proposal").first.get_by_label("Tags").fill("leadership")
    shot(page, "30-import-review")
    page.get_by_role("button", name="Add kept strengths to my bank").click()
    expect(page.get_by_text("Added 2 strengths.")).to_be_visible()
    expect(page.locator("article.strength")).to_have_count(2)

    page.goto(f"/applications/{posting.pk}/match/")
    page.get_by_role("button", name="Auto-match the strong ones").click()
    expect(page.get_by_text(re.compile("Matched 1 requirement"))).to_be_visible()
    cpr = page.locator(".match-card", has_text="Current CPR and First Aid certification")
    expect(cpr.get_by_text("Answered")).to_be_visible()
    gap = page.locator(".match-card", has_text="Fluent in Mandarin")
    expect(gap.get_by_text("No strong match yet.")).to_be_visible()
    taken = page.locator(".match-card", has_text="First aid training")
    expect(taken.get_by_text("No strong match yet.")).to_be_visible()
    used = taken.locator(".suggestion", has_text="Current CPR and First Aid certification from")
    reason = "answers \u201cCurrent CPR and First Aid certification\u201d better"
    expect(used.get_by_text(reason)).to_be_visible()
    expect(used.locator(".btn-primary")).to_have_count(0)  # shown, but not offered again
    gap.get_by_role("button", name="Write a strength for this").click()
    expect(gap.get_by_label("Title")).to_be_focused()
    shot(page, "31-match-auto")


def test_select_text_to_add_a_requirement(page, shot):
    user = UserFactory(username="sky")
    posting = ApplicationFactory(
        posting__owner=user,
        posting__description="About us\nWe are a museum.\nYou need a valid driver's license.\n",
    ).posting
    log_in(page, "sky")
    page.goto(f"/applications/{posting.pk}/requirements/")
    sentence = "You need a valid driver's license."
    page.evaluate(
        """(sentence) => {
            const node = document.getElementById("posting-text").firstChild;
            const start = node.textContent.indexOf(sentence);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + sentence.length);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
            document.getElementById("posting-text").dispatchEvent(
                new MouseEvent("mouseup", {bubbles: true}));
        }""",
        sentence,
    )
    page.get_by_role("button", name="Add as requirement").click()
    expect(page.locator(".requirement-item textarea").last).to_have_value(sentence)
    expect(page.locator("#posting-text mark")).to_have_text(sentence)
    shot(page, "32-select-to-add")
    requirement = posting.requirements.get()
    assert posting.description[requirement.start : requirement.end] == sentence


def test_pasting_a_posting_fills_in_who_and_what(page, shot):
    UserFactory(username="lee")
    log_in(page, "lee")
    page.goto("/applications/new/")
    page.get_by_label("Job description").fill(
        "Education Manager\nPort City Children's Museum — Baltimore, MD\n\n"
        "Qualifications\n- Experience supervising staff\n"
    )
    expect(page.get_by_label("Employer")).to_have_value("Port City Children's Museum")
    expect(page.get_by_label("Role title")).to_have_value("Education Manager")
    expect(page.get_by_label("Location")).to_have_value("Baltimore, MD")
    page.get_by_label("Employer").fill("Port City Museum")
    shot(page, "33-new-application-guessed")
    page.get_by_role("button", name="Save and find requirements").click()
    expect(page.get_by_role("heading", name=re.compile("Education Manager"))).to_be_visible()
    expect(page.get_by_text("at Port City Museum")).to_be_visible()


def test_change_password_and_log_out(page):
    UserFactory(username="kit")
    log_in(page, "kit")
    page.get_by_role("button", name="kit").click()
    page.get_by_role("link", name="Change password").click()
    page.get_by_label("Old password").fill(PASSWORD)
    page.get_by_label("New password*", exact=True).fill("an entirely new phrase 9")
    page.get_by_label("New password confirmation").fill("an entirely new phrase 9")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password has been changed.")).to_be_visible()
    page.get_by_role("button", name="kit").click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
