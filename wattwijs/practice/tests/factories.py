from __future__ import annotations

from datetime import date

import factory

from wattwijs.core.models import Theme
from wattwijs.core.tests.factories import OrganisationFactory, region
from wattwijs.practice.models import (
    ChainStep,
    InnovationProject,
    Practice,
    PracticeResult,
    PracticeTargetGroup,
    PublicationStatus,
    ResultIndicator,
    SuccessFactor,
)


class SuccessFactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuccessFactor

    code = factory.Sequence(lambda n: f"factor-{n}")
    name = factory.Sequence(lambda n: f"Succesfactor {n}")
    chain_step = ChainStep.TRAINING
    explanation = "Wat deze factor betekent."
    is_fictitious = True


class PracticeFactory(factory.django.DjangoModelFactory):
    """A published practice; pass themes and success_factors as lists."""

    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Leerwerktraject renovatie {n}")
    slug = factory.Sequence(lambda n: f"leerwerktraject-renovatie-{n}")
    summary = "Werkzoekenden renoveren woningen in de wijk."
    region = factory.LazyFunction(region)
    owner = factory.SubFactory(OrganisationFactory)
    target_group = PracticeTargetGroup.JOB_SEEKERS
    status = PublicationStatus.PUBLISHED
    is_fictitious = True

    @factory.post_generation
    def themes(self, create: bool, extracted: list[Theme] | None, **kwargs: object) -> None:
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def success_factors(self, create: bool, extracted: list[SuccessFactor] | None, **kwargs: object) -> None:
        if create and extracted:
            self.success_factors.set(extracted)


class PracticeResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeResult

    practice = factory.SubFactory(PracticeFactory)
    measured_on = date(2026, 3, 1)
    indicator = ResultIndicator.PLACED
    value = 10


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InnovationProject
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Proefwoning renovatie {n}")
    slug = factory.Sequence(lambda n: f"proefwoning-renovatie-{n}")
    owner = factory.SubFactory(OrganisationFactory)
    region = factory.LazyFunction(region)
    learning_question = "Leren studenten sneller op een echte woning?"
    period_start = date(2025, 9, 1)
    status = PublicationStatus.PUBLISHED
    is_fictitious = True
