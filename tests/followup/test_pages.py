"""The follow-up pages through the test client: dashboard, board, compare, calendar, call."""

from __future__ import annotations

import datetime

import icalendar
import pytest
import time_machine
from django.urls import reverse

from followup.compare import COMPARE_MAX
from followup.models import CalendarFeed, Stage, Step
from letters.models import Profile
from tests.factories import (
    ApplicationFactory,
    InterviewFactory,
    MatchFactory,
    ProfileFactory,
    RequirementFactory,
    StepFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def application(user):
    return ApplicationFactory(posting__owner=user, posting__employer="Harbor Museum")


class TestInterviewPage:
    def test_logging_schedules_steps_and_keeps_input_on_error(self, client_of, application):
        requirement = RequirementFactory(posting=application.posting, text="Supervise staff")
        url = reverse("interview_new", args=[application.pk])
        response = client_of.post(url, {"when": "", "format": "phone", "missed": "Management"})
        assert response.status_code == 200
        assert "Management</textarea>" in response.content.decode()
        response = client_of.post(
            url,
            {
                "when": "2026-11-26T09:30",
                "format": "phone",
                "interviewer_name": "Dana Whitfield",
                "emphasize": [requirement.pk],
            },
        )
        assert response.url == application.get_absolute_url()
        assert application.steps.count() == 2
        body = client_of.get(application.get_absolute_url()).content.decode()
        assert "Send thank-you" in body and "Follow-up call" in body and "Dana Whitfield" in body

    def test_start_letter_from_interview(self, client_of, application):
        interview = InterviewFactory(application=application)
        response = client_of.post(reverse("interview_letter", args=[interview.pk]))
        letter = application.posting.letters.get()
        assert response.url == letter.get_absolute_url()


class TestDashboard:
    def test_groups_and_one_click_actions(self, client_of, application, clock):
        overdue = StepFactory(application=application, due=NOW - datetime.timedelta(hours=2))
        later = StepFactory(application=application, due=NOW + datetime.timedelta(days=2))
        body = client_of.get(reverse("dashboard")).content.decode()
        assert "Overdue" in body and "This week" in body
        response = client_of.post(reverse("step_done", args=[overdue.pk]), **HTMX)
        assert 'id="agenda"' in response.content.decode()
        overdue.refresh_from_db()
        assert overdue.is_done
        client_of.post(reverse("step_snooze", args=[later.pk]), {"days": "7"}, **HTMX)
        later.refresh_from_db()
        assert later.due == NOW + datetime.timedelta(days=9)

    def test_empty_state(self, client_of):
        assert "Nothing due this week" in client_of.get(reverse("dashboard")).content.decode()

    def test_plain_form_returns_to_a_safe_page(self, client_of, application):
        step = StepFactory(application=application)
        response = client_of.post(
            reverse("step_done", args=[step.pk]), {"next": "https://evil.example/"}
        )
        assert response.url == reverse("dashboard")


class TestCallPage:
    def test_cool_reaction_cannot_plan_a_visit_and_the_page_says_why(self, client_of, application):
        call = StepFactory(application=application, kind=Step.Kind.CALL)
        url = reverse("step_call", args=[call.pk])
        response = client_of.post(
            url,
            {
                "reaction": "cool",
                "next_step": "visit",
                "next_date": "2026-12-05T10:00",
                "notes": "Short answers",
            },
        )
        body = response.content.decode()
        assert "only after a warm reaction" in body
        assert "Short answers</textarea>" in body

    def test_warm_call_proposes_a_visit(self, client_of, application):
        MatchFactory(requirement__posting=application.posting, strength__title="Led six guides")
        call = StepFactory(application=application, kind=Step.Kind.CALL)
        url = reverse("step_call", args=[call.pk])
        assert "Led six guides" in client_of.get(url).content.decode()
        client_of.post(url, {"reaction": "warm", "next_step": "wait", "notes": "Keen"})
        body = client_of.get(application.get_absolute_url()).content.decode()
        assert "plan a visit" in body
        client_of.post(
            reverse("application_visit", args=[application.pk]), {"due": "2026-12-05T10:00"}
        )
        assert application.steps.filter(kind=Step.Kind.VISIT).exists()


class TestBoardAndStages:
    def test_move_keeps_history(self, client_of, application):
        response = client_of.post(
            reverse("application_move", args=[application.pk]), {"stage": "offer"}, **HTMX
        )
        assert 'data-testid="count-offer">1<' in response.content.decode()
        application.refresh_from_db()
        assert application.stage == Stage.OFFER
        assert application.stage_changes.first().stage == Stage.OFFER

    def test_closed_with_outcome(self, client_of, application):
        client_of.post(
            application.get_absolute_url(),
            {"stage": "closed", "outcome": "declined", "priority": 2},
        )
        application.refresh_from_db()
        assert application.stage_label == "Closed: declined"

    def test_outcome_needs_closed(self, client_of, application):
        response = client_of.post(
            application.get_absolute_url(), {"stage": "offer", "outcome": "declined", "priority": 2}
        )
        assert "An outcome goes with the Closed stage." in response.content.decode()


class TestCompare:
    def test_three_side_by_side(self, client_of, user):
        apps = [
            ApplicationFactory(posting__owner=user, posting__employer=f"E{n}") for n in range(3)
        ]
        MatchFactory(requirement__posting=apps[0].posting, strength__title="Budget owner")
        StepFactory(application=apps[1], kind=Step.Kind.CALL, done_at=NOW, reaction="warm")
        response = client_of.get(reverse("compare"), {"ids": [a.pk for a in apps]})
        body = response.content.decode()
        assert all(f"E{n}" in body for n in range(3))
        assert "Budget owner" in body and "Warm" in body and "Required 1/1" in body

    def test_too_many_or_too_few(self, client_of, user):
        apps = [ApplicationFactory(posting__owner=user) for _ in range(COMPARE_MAX + 1)]
        for ids in ([apps[0].pk], [a.pk for a in apps]):
            body = client_of.get(reverse("compare"), {"ids": ids}).content.decode()
            assert "Pick 2 to 4 applications" in body


class TestCalendar:
    def test_feed_parses_back_and_regenerating_kills_the_old_address(self, client, user):
        application = ApplicationFactory(posting__owner=user, posting__employer="Harbor Museum")
        step = StepFactory(application=application, due=NOW)
        InterviewFactory(application=application, when=NOW + datetime.timedelta(days=30))
        feed = CalendarFeed.objects.create(user=user)
        url = reverse("calendar_feed", args=[feed.token])
        with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
            response = client.get(url)
        calendar = icalendar.Calendar.from_ical(response.content)
        events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
        assert events[f"step-{step.pk}@followup"]["summary"] == "Follow-up call: Harbor Museum"
        assert events[f"step-{step.pk}@followup"].decoded("dtstart") == NOW
        assert any(uid.startswith("interview-") for uid in events)
        client.force_login(user)
        client.post(reverse("calendar_regenerate"))
        assert client.get(url).status_code == 404

    def test_unknown_token_is_404(self, client):
        assert client.get(reverse("calendar_feed", args=["nope"])).status_code == 404

    def test_download(self, client_of, application):
        StepFactory(application=application)
        response = client_of.get(reverse("calendar_download"))
        assert response["Content-Type"].startswith("text/calendar")
        assert b"BEGIN:VEVENT" in response.content


class TestHomeFilters:
    def test_search_and_stage(self, client_of, user):
        ApplicationFactory(posting__owner=user, posting__employer="Harbor Museum", stage="offer")
        ApplicationFactory(posting__owner=user, posting__employer="City Library", stage="applied")
        body = client_of.get(reverse("home"), {"q": "harbor"}).content.decode()
        assert "Harbor Museum" in body and "City Library" not in body
        body = client_of.get(reverse("home"), {"stage": "applied"}).content.decode()
        assert "City Library" in body and "Harbor Museum" not in body
        body = client_of.get(reverse("home"), {"q": "zzz"}).content.decode()
        assert "No application matches" in body


class TestTimeZones:
    def test_form_times_are_read_in_the_users_zone(self, client_of, user, application):
        ProfileFactory(user=user, time_zone="America/New_York")
        client_of.post(
            reverse("interview_new", args=[application.pk]),
            {"when": "2026-11-26T14:00", "format": "phone"},
        )
        interview = application.interviews.get()
        assert interview.when == datetime.datetime(2026, 11, 26, 19, 0, tzinfo=UTC)
        body = client_of.get(application.get_absolute_url()).content.decode()
        assert "Thu Nov 26, 2:00 p.m." in body

    def test_signup_keeps_the_browsers_zone(self, client):
        client.post(
            reverse("signup"),
            {
                "username": "ana",
                "password1": "a long passphrase 42",
                "password2": "a long passphrase 42",
                "time_zone": "Europe/Lisbon",
            },
        )
        assert Profile.objects.get(user__username="ana").time_zone == "Europe/Lisbon"

    def test_an_unknown_zone_falls_back_to_the_default(self, client):
        client.post(
            reverse("signup"),
            {
                "username": "bo",
                "password1": "a long passphrase 42",
                "password2": "a long passphrase 42",
                "time_zone": "Mars/Olympus",
            },
        )
        assert Profile.objects.get(user__username="bo").time_zone == "UTC"
