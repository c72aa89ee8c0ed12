from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import factory

from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.practice.models import (
    ActionStatus,
    Ambition,
    AmbitionAction,
    AmbitionLevel,
    ProgressUpdate,
    Sector,
    SessionAction,
    SessionStatus,
    ThemeSession,
)


class ThemeSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeSession

    theme = factory.Sequence(lambda n: f"Themasessie {n}")
    date = date(2026, 11, 12)
    start_time = time(13, 30)
    end_time = time(16, 0)
    organiser = factory.SubFactory(OrganisationFactory)
    status = SessionStatus.PLANNED
    is_fictitious = True


class SessionActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionAction

    session = factory.SubFactory(ThemeSessionFactory)
    description = "Werkbezoek plannen"
    owner = factory.SubFactory(OrganisationFactory)
    status = ActionStatus.PLANNED


class AmbitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambition

    level = AmbitionLevel.NATIONAL
    sector = Sector.MBO
    goal = factory.Sequence(lambda n: f"Ambitie {n}")
    indicator = "Studenten met keuzedeel"
    unit = "studenten"
    baseline = Decimal(0)
    target_value = Decimal(100)
    deadline = date(2028, 1, 1)
    owner = factory.SubFactory(OrganisationFactory)
    is_fictitious = True


class AmbitionActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AmbitionAction

    ambition = factory.SubFactory(AmbitionFactory)
    description = "Praktijklokaal inrichten"
    owner = factory.SubFactory(OrganisationFactory)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    ambition = factory.SubFactory(AmbitionFactory)
    measured_on = date(2026, 6, 1)
    value = Decimal(50)
