"""Typed factories for the models; each builds a complete, owned object graph."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model

from followup.models import Application, Interview, Step
from letters.models import Letter, Match, Posting, Profile, Requirement, Strength


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    full_name = "Alex Morgan"
    email = "alex@example.com"
    phone = "555-0100"
    address = "Baltimore, MD"


class PostingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Posting

    owner = factory.SubFactory(UserFactory)
    employer = "Harbor Children's Museum"
    role_title = "Education Manager"
    description = "Requirements:\n- Experience supervising staff\n- Bachelor's degree\n"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    posting = factory.SubFactory(PostingFactory)
    owner = factory.SelfAttribute("posting.owner")


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    posting = factory.SubFactory(PostingFactory)
    text = factory.Sequence(lambda n: f"Requirement number {n}")
    position = factory.Sequence(int)


class StrengthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strength

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Strength {n}")
    detail = "Did the thing, measurably."


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    requirement = factory.SubFactory(RequirementFactory)
    strength = factory.SubFactory(
        StrengthFactory, owner=factory.SelfAttribute("..requirement.posting.owner")
    )
    text = factory.SelfAttribute("strength.detail")


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    posting = factory.SubFactory(PostingFactory)
    recipient_name = "Dana Whitfield"
    interview_date = datetime.date(2026, 11, 20)
    interview_format = Letter.Format.PHONE
    date = datetime.date(2026, 11, 21)
    salutation = "Dear Ms. Whitfield,"
    opening = "Thank you for speaking with me."
    closing = "I look forward to hearing from you."


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    application = factory.SubFactory(ApplicationFactory)
    when = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)
    format = Interview.Format.PHONE


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    application = factory.SubFactory(ApplicationFactory)
    kind = Step.Kind.CALL
    due = datetime.datetime(2026, 11, 27, 10, 0, tzinfo=datetime.UTC)
