from __future__ import annotations

import datetime

import factory

from wattwijs.core.models import OrganisationKind
from wattwijs.core.tests.factories import OrganisationFactory, region
from wattwijs.pathways.models import (
    Candidate,
    Chain,
    ChainStep,
    Consent,
    ConsentGrant,
    LearningPlace,
    Placement,
    ReferralSource,
    StageTransition,
)
from wattwijs.pathways.services import stage_flow_record


class ChainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chain

    name = factory.Sequence(lambda n: f"Transitiehuis Test {n}")
    slug = factory.Sequence(lambda n: f"transitiehuis-test-{n}")
    region = factory.LazyFunction(region)
    coordinating_organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.MUNICIPALITY)
    is_fictitious = True


class ChainStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChainStep

    chain = factory.SubFactory(ChainFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    step = "intake"


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate
        skip_postgeneration_save = True

    chain = factory.SubFactory(ChainFactory)
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"kandidaat{n}@example.org")
    phone = "06-12345678"
    postcode = "3581"
    region = factory.LazyFunction(region)
    referral_source = ReferralSource.UWV
    is_fictitious = True

    @factory.post_generation
    def history(self, create: bool, extracted: object, **kwargs: object) -> None:
        """Every candidate starts with its registration in the stage history, as the service records it
        (``history=False`` leaves it out, for a test that records its own)."""
        if create and extracted is not False:
            stage_flow_record(
                StageTransition.objects.create(
                    chain=self.chain, candidate=self, route_key=self.route_key, from_stage="", to_stage="aanmelding"
                )
            )


def consent_for(candidate: Candidate, *organisations: object, level: str = "volledig") -> Consent:
    consent = Consent.objects.create(candidate=candidate, purpose="Begeleiding naar werk")
    for organisation in organisations:
        ConsentGrant.objects.create(consent=consent, organisation=organisation, level=level)
    return consent


class LearningPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningPlace

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.LEERBEDRIJF)
    chain = factory.SubFactory(ChainFactory)
    title = factory.Sequence(lambda n: f"Leerbaan monteur warmtepompen {n}")
    capacity = 2
    is_fictitious = True


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    candidate = factory.SubFactory(CandidateFactory)
    learning_place = factory.SubFactory(LearningPlaceFactory)
    chain = factory.SelfAttribute("candidate.chain")
    start_date = datetime.date(2026, 3, 1)
