"""The Transitiehuis test world, on top of the shared ``world`` fixture.

One chain in Midden-Utrecht, coordinated by Gemeente Keten (carla, coordinator). Partners and their steps:
ROC Test (intake, opleiding; bob coaches there), UWV Test (aanmelding; uwe is a viewer there) and
Leerbedrijf Test (plaatsing; mo is its mentor). Max mentors at another leerbedrijf. Dave coordinates a
second chain. Charlie (from ``world``) takes part in neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from wattwijs.core.models import Organisation, OrganisationKind, Role, User
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, UserFactory, region
from wattwijs.pathways.models import Chain, LearningPlace
from wattwijs.pathways.tests.factories import ChainFactory, ChainStepFactory, LearningPlaceFactory


@dataclass
class PathwaysWorld:
    world: Any
    chain: Chain
    other_chain: Chain
    municipality: Organisation
    uwv: Organisation
    company: Organisation
    other_company: Organisation
    place: LearningPlace
    carla: User
    bob: User
    uwe: User
    mo: User
    max: User
    dave: User
    charlie: User
    admin: User


@pytest.fixture
def pw(world: Any) -> PathwaysWorld:
    municipality = OrganisationFactory(name="Gemeente Keten", slug="gemeente-keten", kind=OrganisationKind.MUNICIPALITY)
    uwv = OrganisationFactory(name="UWV Test", slug="uwv-test", kind=OrganisationKind.UWV)
    company = OrganisationFactory(name="Leerbedrijf Test", slug="leerbedrijf-test", kind=OrganisationKind.LEERBEDRIJF)
    other_company = OrganisationFactory(
        name="Leerbedrijf Ander", slug="leerbedrijf-ander", kind=OrganisationKind.LEERBEDRIJF
    )
    chain = ChainFactory(name="Transitiehuis Midden", slug="midden", coordinating_organisation=municipality)
    other_chain = ChainFactory(name="Transitiehuis Rijnmond", slug="rijnmond", region=region("AMR24"))
    for organisation, step in [
        (world.roc, "intake"),
        (world.roc, "opleiding"),
        (uwv, "aanmelding"),
        (company, "plaatsing"),
        (municipality, "begeleiding"),
    ]:
        ChainStepFactory(chain=chain, organisation=organisation, step=step)
    ChainStepFactory(chain=other_chain, organisation=other_chain.coordinating_organisation, step="intake")
    carla = UserFactory(email="carla@example.org", first_name="Carla", last_name="Coördinator")
    MembershipFactory(user=carla, organisation=municipality, role=Role.COORDINATOR)
    uwe = UserFactory(email="uwe@example.org", first_name="Uwe", last_name="Partner")
    MembershipFactory(user=uwe, organisation=uwv, role=Role.VIEWER)
    mo = UserFactory(email="mo@example.org", first_name="Mo", last_name="Mentor")
    MembershipFactory(user=mo, organisation=company, role=Role.MENTOR)
    max_ = UserFactory(email="max@example.org", first_name="Max", last_name="Mentor")
    MembershipFactory(user=max_, organisation=other_company, role=Role.MENTOR)
    dave = UserFactory(email="dave@example.org", first_name="Dave", last_name="Rijnmond")
    MembershipFactory(user=dave, organisation=other_chain.coordinating_organisation, role=Role.COORDINATOR)
    place = LearningPlaceFactory(organisation=company, chain=chain, capacity=1)
    return PathwaysWorld(
        world=world,
        chain=chain,
        other_chain=other_chain,
        municipality=municipality,
        uwv=uwv,
        company=company,
        other_company=other_company,
        place=place,
        carla=carla,
        bob=world.bob,
        uwe=uwe,
        mo=mo,
        max=max_,
        dave=dave,
        charlie=world.charlie,
        admin=world.admin,
    )
