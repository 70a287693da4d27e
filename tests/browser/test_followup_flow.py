"""The follow-up path in Chromium on a moving clock: interview, thank-you, call, visit, compare."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from playwright.sync_api import expect

from tests.factories import (
    ApplicationFactory,
    MatchFactory,
    ProfileFactory,
    RequirementFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

START = datetime.datetime(2026, 11, 26, 11, 0, tzinfo=datetime.UTC)
PASSWORD = "correct horse battery staple"


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your applications")).to_be_visible()


def test_interview_to_visit_and_compare(page, shot):
    with time_machine.travel(START, tick=True) as clock:
        user = UserFactory(username="darby")
        ProfileFactory(user=user, full_name="Darby Quinn")
        museum = ApplicationFactory(
            posting__owner=user, posting__employer="Port City Museum", stage="applied"
        )
        RequirementFactory(posting=museum.posting, text="Experience supervising staff")
        MatchFactory(
            requirement__posting=museum.posting,
            requirement__text="Public speaking",
            strength__title="Led daily science shows",
        )
        for employer, stage in (
            ("Harborview Science Center", "interested"),
            ("Eastside Library", "offer"),
        ):
            ApplicationFactory(posting__owner=user, posting__employer=employer, stage=stage)

        log_in(page, "darby")
        page.get_by_role("link", name=museum.posting.role_title).first.click()
        page.get_by_role("link", name="Log an interview").click()
        page.get_by_label("Date and time").fill("2026-11-26T09:30")
        page.get_by_label("Format").select_option("phone")
        page.get_by_label("Interviewer name").fill("Dana Whitfield")
        page.get_by_label("What did not come across").fill("Management never came up.")
        page.get_by_label("Experience supervising staff").check()
        shot(page, "20-log-interview")
        page.get_by_role("button", name="Log interview").click()
        expect(page.get_by_role("status").filter(has_text="Interview logged")).to_be_visible()

        page.get_by_role("link", name="Due", exact=True).click()
        week = page.locator(
            "section", has=page.get_by_role("heading", name=re.compile("This week"))
        )
        expect(week.get_by_text("Send thank-you")).to_be_visible()
        expect(week.get_by_text("Fri Nov 27, 9:30 a.m.")).to_be_visible()
        shot(page, "21-dashboard-thank-you-due")

        week.get_by_role("button", name="Write the letter").click()
        expect(page.get_by_label("Salutation")).to_have_value("Dear Dana Whitfield,")
        expect(page.get_by_role("status").filter(has_text="Sent it?")).to_be_hidden()
        with page.expect_download():
            page.get_by_role("button", name="Download PDF").click()
        expect(page.get_by_role("status").filter(has_text="Sent it?")).to_be_visible()

        page.get_by_role("link", name="Due", exact=True).click()
        expect(
            page.get_by_text(re.compile("Letter downloaded .*: sent it\\? Mark this done"))
        ).to_be_visible()
        page.get_by_role("button", name="Mark send thank-you done").click()
        expect(page.get_by_text(re.compile("Done: send thank-you"))).to_be_visible()
        expect(page.get_by_role("button", name="Mark send thank-you done")).to_have_count(0)

        clock.shift(datetime.timedelta(days=6, hours=21))  # the morning the call is due
        page.reload()
        today = page.locator(
            "section", has=page.get_by_role("heading", name=re.compile("Due today"))
        )
        expect(today.get_by_text("Follow-up call")).to_be_visible()
        shot(page, "22-dashboard-call-due")
        today.get_by_role("link", name="Prepare the call").click()

        expect(page.get_by_text("very interested in the")).to_be_visible()
        expect(page.get_by_text("Led daily science shows")).to_be_visible()
        page.get_by_label("Warm").check()
        page.get_by_label("Notes").fill("She asked when I could start.")
        shot(page, "23-call")
        page.get_by_role("button", name="Log the call").click()

        expect(page.get_by_role("heading", name=re.compile("plan a visit"))).to_be_visible()
        shot(page, "24-visit-proposed")

        page.get_by_role("link", name="Applications").first.click()
        for checkbox in page.get_by_role("checkbox", name=re.compile("^Compare")).all():
            checkbox.check()
        page.get_by_role("button", name="Compare selected").click()
        columns = page.locator("table.compare-table thead th")
        expect(columns).to_have_count(3)
        expect(page.get_by_role("cell", name="Warm")).to_be_visible()
        shot(page, "25-compare")


def test_board_moves_by_keyboard_and_by_drag(page, shot):
    user = UserFactory(username="casey")
    application = ApplicationFactory(posting__owner=user, posting__employer="Acme", stage="applied")
    log_in(page, "casey")
    page.get_by_role("link", name="Board").click()
    expect(page.get_by_test_id("count-applied")).to_have_text("1")

    control = page.get_by_label(re.compile("^Move .* at Acme to"))
    control.focus()
    control.select_option("interviewing")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("count-interviewing")).to_have_text("1")
    expect(page.get_by_test_id("count-applied")).to_have_text("0")

    card = page.locator(f".board-card[data-application='{application.pk}']")
    # grab the card by its top edge, as a person would, not by the control in its middle
    card.drag_to(
        page.locator(".board-column[data-stage='offer']"), source_position={"x": 8, "y": 8}
    )
    expect(page.get_by_test_id("count-offer")).to_have_text("1")
    shot(page, "26-board")
    application.refresh_from_db()
    assert application.stage == "offer"
    assert application.stage_changes.count() == 2
