"""The follow-up workflows, on a fixed clock: interviews, steps, calls, visits, reminders."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from followup.agenda import agenda_for
from followup.calls import talking_points
from followup.models import Contact, Stage, Step
from followup.pursuit import (
    VISIT_NEEDS_WARMTH,
    NextStep,
    call_log,
    interview_letter_start,
    interview_log,
    visit_plan,
    visit_proposed,
)
from followup.reminders import reminders_send
from letters.models import Letter
from tests.factories import (
    ApplicationFactory,
    LetterFactory,
    MatchFactory,
    ProfileFactory,
    RequirementFactory,
    StepFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
MORNING = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def application():
    return ApplicationFactory(stage=Stage.APPLIED)


def log_phone_interview(application, **extra):
    return interview_log(
        application=application,
        when=MORNING,
        format="phone",
        interviewer_name="Dana Whitfield",
        interviewer_title="Director of Learning",
        interviewer_email="dana@example.org",
        **extra,
    )


class TestInterviewLog:
    def test_schedules_thank_you_next_day_and_call_a_week_later(self, application):
        interview = log_phone_interview(application)
        steps = {step.kind: step.due for step in application.steps.all()}
        assert steps == {
            Step.Kind.THANK_YOU: MORNING + datetime.timedelta(hours=24),
            Step.Kind.CALL: MORNING + datetime.timedelta(days=7),
        }
        assert interview.contact == Contact.objects.get(application=application)
        assert interview.contact.title == "Director of Learning"

    def test_moves_to_interviewing_and_keeps_history(self, application):
        log_phone_interview(application)
        application.refresh_from_db()
        assert application.stage == Stage.INTERVIEWING
        assert application.stage_changes.first().stage == Stage.INTERVIEWING

    def test_requirements_to_reinforce_go_first_in_the_letter(self, application):
        requirement = RequirementFactory(posting=application.posting)
        log_phone_interview(application, emphasize=[requirement])
        requirement.refresh_from_db()
        assert requirement.emphasize

    def test_a_second_interview_with_the_same_person_reuses_the_contact(self, application):
        log_phone_interview(application)
        interview_log(
            application=application,
            when=MORNING,
            format="video",
            interviewer_name="Dana Whitfield",
            interviewer_phone="555-0101",
        )
        contact = Contact.objects.get(application=application)
        assert contact.phone == "555-0101" and contact.email == "dana@example.org"

    def test_letter_from_the_interview_is_prefilled(self, application):
        letter = interview_letter_start(interview=log_phone_interview(application))
        assert letter.kind == Letter.Kind.THANK_YOU
        assert letter.recipient_name == "Dana Whitfield"
        assert letter.recipient_email == "dana@example.org"
        assert letter.interview_date == datetime.date(2026, 11, 20)
        assert letter.interview_format == "phone"
        assert "by phone" in letter.opening


class TestCall:
    @pytest.fixture
    def call(self, application):
        log_phone_interview(application)
        return application.steps.get(kind=Step.Kind.CALL)

    def test_warm_call_can_plan_a_visit(self, call):
        visit = call_log(
            step=call,
            reaction="warm",
            next_step=NextStep.VISIT,
            next_date=MORNING + datetime.timedelta(days=10),
        )
        assert visit.kind == Step.Kind.VISIT
        call.refresh_from_db()
        assert call.is_done and call.reaction == "warm"

    @pytest.mark.parametrize("reaction", ["neutral", "cool", "no_answer"])
    def test_no_visit_without_warmth(self, call, reaction):
        with pytest.raises(ValidationError) as error:
            call_log(step=call, reaction=reaction, next_step=NextStep.VISIT, next_date=MORNING)
        assert error.value.messages == [VISIT_NEEDS_WARMTH]
        call.refresh_from_db()
        assert not call.is_done

    def test_call_again_schedules_another_call(self, call):
        again = call_log(
            step=call, reaction="neutral", next_step=NextStep.CALL_AGAIN, next_date=MORNING
        )
        assert again.kind == Step.Kind.CALL and not again.is_done

    def test_visit_is_proposed_only_after_a_warm_call(self, application, call):
        assert not visit_proposed(application)
        with pytest.raises(ValidationError):
            visit_plan(application=application, due=MORNING)
        call_log(step=call, reaction="warm")
        assert visit_proposed(application)
        visit_plan(application=application, due=MORNING)
        assert not visit_proposed(application)

    def test_talking_points_lead_with_emphasized_strengths(self, application):
        posting = application.posting
        MatchFactory(requirement__posting=posting, requirement__text="Budgets")
        emphasized = MatchFactory(
            requirement__posting=posting,
            requirement__text="Supervise staff",
            requirement__emphasize=True,
            strength__title="Led six guides",
        )
        LetterFactory(posting=posting, offer_visit=True)
        points = talking_points(application)
        assert points.strengths[0].offer == emphasized.strength.title
        assert points.strengths[0].emphasized
        assert posting.employer in points.visit
        assert posting.role_title in points.interest


class TestSteps:
    def test_snooze_pushes_from_now_when_overdue(self):
        step = StepFactory(due=MORNING)
        with time_machine.travel(MORNING + datetime.timedelta(days=2), tick=False):
            step.snooze(3)
        assert step.due == MORNING + datetime.timedelta(days=5)

    def test_agenda_groups_overdue_today_and_week(self, user):
        application = ApplicationFactory(posting__owner=user)
        now = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
        overdue = StepFactory(application=application, due=now - datetime.timedelta(hours=1))
        today = StepFactory(application=application, due=now + datetime.timedelta(hours=3))
        week = StepFactory(application=application, due=now + datetime.timedelta(days=3))
        StepFactory(application=application, due=now + datetime.timedelta(days=20))
        StepFactory(application=application, due=now, done_at=now)
        StepFactory(due=now)  # someone else's
        agenda = agenda_for(user, now=now)
        assert (agenda.overdue, agenda.today, agenda.this_week) == ([overdue], [today], [week])


class TestReminders:
    def test_sends_once_a_day_however_often_it_runs(self, user):
        application = ApplicationFactory(posting__owner=user)
        now = datetime.datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
        StepFactory(application=application, due=now - datetime.timedelta(days=1))
        StepFactory(application=application, due=now + datetime.timedelta(hours=4))
        StepFactory(application=application, due=now + datetime.timedelta(days=2))
        assert len(reminders_send(now=now)) == 1
        assert reminders_send(now=now + datetime.timedelta(hours=6)) == []
        assert len(mail.outbox) == 1
        body = mail.outbox[0].body
        assert mail.outbox[0].to == [user.email]
        assert "overdue" in body and body.count("Follow-up call") == 2
        assert len(reminders_send(now=now + datetime.timedelta(days=1))) == 1

    def test_dry_run_prints_and_sends_nothing(self, user, capsys):
        StepFactory(application=ApplicationFactory(posting__owner=user), due=MORNING)
        with time_machine.travel(MORNING, tick=False):
            call_command("send_reminders", "--dry-run")
        out = capsys.readouterr().out
        assert f"To: {user.email}" in out and "1 reminder(s) would send" in out
        assert mail.outbox == []
        assert Step.objects.get().reminded_on is None


class TestTimeZones:
    def test_reminders_follow_the_users_own_day(self, user):
        ProfileFactory(user=user, time_zone="America/New_York")
        application = ApplicationFactory(posting__owner=user)
        # 02:00 UTC on Nov 27 is still Nov 26 in New York: a step due at 23:00 there is "today".
        now = datetime.datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
        StepFactory(application=application, due=datetime.datetime(2026, 11, 27, 4, 0, tzinfo=UTC))
        StepFactory(application=application, due=datetime.datetime(2026, 11, 27, 6, 0, tzinfo=UTC))
        (reminder,) = reminders_send(now=now)
        assert reminder.today == datetime.date(2026, 11, 26)
        assert len(reminder.steps) == 1
        assert "Thu Nov 26, 11:00 p.m." in reminder.body
