"""The permission matrix: who sees which candidate, at which level, role by role (negative cases included)."""

import datetime

import pytest

from wattwijs.pathways import permissions, selectors
from wattwijs.pathways.models import Candidate
from wattwijs.pathways.permissions import Access
from wattwijs.pathways.selectors import CandidateFilters
from wattwijs.pathways.tests.factories import CandidateFactory, PlacementFactory, consent_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(pw):
    """Bob's candidate in stage aanmelding, with consent for UWV Test (who takes on that step)."""
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob, stage="aanmelding")
    consent_for(candidate, pw.uwv)
    return candidate


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("bob", Access.FULL),  # coach: own candidate
        ("carla", Access.FULL),  # chain coordinator
        ("uwe", Access.FULL),  # partner in the candidate's step, with consent
        ("admin", Access.FULL),  # platform administrator
        ("mo", Access.NONE),  # mentor: nothing proposed to the company
        ("max", Access.NONE),
        ("dave", Access.NONE),  # coordinator of another chain
        ("charlie", Access.NONE),  # no part in the chain
    ],
)
def test_it_gives_each_role_its_access_to_a_registered_candidate(pw, registered, user, expected):
    assert permissions.candidate_access(getattr(pw, user), registered) == expected


def test_it_hides_a_candidate_from_a_partner_outside_its_step(pw, registered):
    consent_for(registered, pw.world.roc)
    assert permissions.candidate_access(pw.world.alice, registered) == Access.NONE


def test_it_shows_a_candidate_to_a_partner_once_in_its_step(pw, registered):
    consent_for(registered, pw.world.roc)
    Candidate.objects.filter(pk=registered.pk).update(stage="intake")
    registered.refresh_from_db()
    assert permissions.candidate_access(pw.world.alice, registered) == Access.FULL


def test_it_hides_a_candidate_from_a_partner_in_its_step_without_consent(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob, stage="aanmelding")
    assert permissions.candidate_access(pw.uwe, candidate) == Access.NONE


def test_it_gives_basic_access_under_a_basic_consent(pw):
    candidate = CandidateFactory(chain=pw.chain, stage="aanmelding")
    consent_for(candidate, pw.uwv, level="basis")
    assert permissions.candidate_access(pw.uwe, candidate) == Access.BASIC


def test_it_hides_a_candidate_once_the_consent_is_withdrawn(pw, registered):
    registered.consents.update(withdrawn_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    assert permissions.candidate_access(pw.uwe, registered) == Access.NONE


def test_it_shows_a_mentor_only_candidates_proposed_to_their_company(pw, registered):
    PlacementFactory(candidate=registered, learning_place=pw.place)
    assert permissions.candidate_access(pw.mo, registered) == Access.MINIMAL


def test_it_hides_a_proposed_candidate_from_another_companys_mentor(pw, registered):
    PlacementFactory(candidate=registered, learning_place=pw.place)
    assert permissions.candidate_access(pw.max, registered) == Access.NONE


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("bob", True),
        ("carla", True),
        ("admin", True),
        ("uwe", False),
        ("mo", False),
        ("dave", False),
        ("charlie", False),
    ],
)
def test_it_lets_only_the_coach_and_the_coordinator_edit(pw, registered, user, expected):
    PlacementFactory(candidate=registered, learning_place=pw.place)
    assert permissions.can_edit_candidate(getattr(pw, user), registered) is expected


@pytest.mark.parametrize(
    ("user", "expected"), [("carla", True), ("admin", True), ("bob", False), ("uwe", False), ("dave", False)]
)
def test_it_lets_only_the_chain_coordinator_coordinate(pw, user, expected):
    assert permissions.can_coordinate(getattr(pw, user), pw.chain) is expected


def test_it_filters_the_candidate_list_in_sql_per_role(pw, registered):
    someone_elses = CandidateFactory(chain=pw.chain, stage="aanmelding")
    other_chain = CandidateFactory(chain=pw.other_chain, stage="intake")
    proposed = CandidateFactory(chain=pw.chain, stage="matching")
    PlacementFactory(candidate=proposed, learning_place=pw.place)

    def visible(user):
        return set(selectors.candidate_list(user=user, filters=CandidateFilters()).values_list("pk", flat=True))

    assert visible(pw.bob) == {registered.pk}
    assert visible(pw.carla) == {registered.pk, someone_elses.pk, proposed.pk}
    assert visible(pw.uwe) == {registered.pk}
    assert visible(pw.mo) == {proposed.pk}
    assert visible(pw.dave) == {other_chain.pk}
    assert visible(pw.charlie) == set()


def test_it_lets_only_chain_partners_register(pw):
    assert permissions.can_register(pw.bob) and permissions.can_register(pw.carla)
    assert not permissions.can_register(pw.charlie)
    assert not permissions.can_register(pw.mo)
