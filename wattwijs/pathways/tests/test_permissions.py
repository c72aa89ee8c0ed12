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


@pytest.fixture
def in_intake(pw):
    """A candidate in stage intake (ROC Test's step) without a coach, with full consent for ROC Test."""
    candidate = CandidateFactory(chain=pw.chain, coach=None, stage="intake")
    consent_for(candidate, pw.world.roc)
    return candidate


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("alice", True),  # admin of the partner in the candidate's step, named in the consent
        ("bob", True),  # coach at that partner, not the candidate's coach
        ("carla", True),  # chain coordinator
        ("admin", True),
        ("uwe", False),  # a partner not in the candidate's step
        ("mo", False),  # mentor
        ("dave", False),  # coordinator of another chain
        ("charlie", False),  # no part in the chain
    ],
)
def test_it_lets_partners_under_consent_add_records(pw, in_intake, user, expected):
    person = pw.world.alice if user == "alice" else getattr(pw, user)
    assert permissions.can_add_records(person, in_intake) is expected


def test_a_partner_adding_records_still_cannot_edit_the_file(pw, in_intake):
    assert not permissions.can_edit_candidate(pw.world.alice, in_intake)


def test_it_does_not_let_a_partner_add_records_under_a_basic_consent(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=None, stage="intake")
    consent_for(candidate, pw.world.roc, level="basis")
    assert permissions.candidate_access(pw.world.alice, candidate) == Access.BASIC
    assert not permissions.can_add_records(pw.world.alice, candidate)


def test_it_stops_a_partner_adding_records_once_the_consent_is_withdrawn(pw, in_intake):
    in_intake.consents.update(withdrawn_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    assert not permissions.can_add_records(pw.world.alice, in_intake)


def test_it_stops_a_partner_adding_records_once_the_candidate_leaves_its_step(pw, in_intake):
    Candidate.objects.filter(pk=in_intake.pk).update(stage="orientatie")
    assert not permissions.can_add_records(pw.world.alice, in_intake)


def test_it_does_not_let_a_partners_viewer_add_records(pw, registered):
    assert permissions.candidate_access(pw.uwe, registered) == Access.FULL
    assert not permissions.can_add_records(pw.uwe, registered)
