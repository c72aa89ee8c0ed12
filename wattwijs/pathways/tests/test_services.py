import datetime

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wattwijs.core.models import AuditEntry
from wattwijs.core.tests.factories import region
from wattwijs.pathways import services
from wattwijs.pathways.models import AftercareCheckpoint, Candidate, LearningPlace, Placement, StageTransition
from wattwijs.pathways.tests.factories import CandidateFactory, LearningPlaceFactory, PlacementFactory

pytestmark = pytest.mark.django_db


def intake_data(**changes):
    data = {
        "first_name": "Fatima",
        "last_name": "Fictief",
        "email": "fatima@example.org",
        "postcode": "3581",
        "region": region(),
        "referral_source": "uwv",
    }
    return {**data, **changes}


def test_it_registers_a_candidate_with_the_first_stage_in_the_history(pw):
    candidate = services.candidate_register(actor=pw.bob, chain=pw.chain, data=intake_data())
    assert candidate.stage == "aanmelding" and candidate.coach == pw.bob
    assert list(candidate.transitions.values_list("from_stage", "to_stage")) == [("", "aanmelding")]


def test_it_registers_consent_given_at_intake(pw):
    candidate = services.candidate_register(
        actor=pw.bob, chain=pw.chain, data=intake_data(), consent_purpose="Begeleiding", consent_partners=[pw.uwv]
    )
    consent = candidate.consents.get()
    assert consent.recorded_by == pw.bob and [g.organisation for g in consent.grants.all()] == [pw.uwv]


def test_it_refuses_a_postcode_with_letters_and_saves_nothing(pw):
    with pytest.raises(ValidationError) as error:
        services.candidate_register(actor=pw.bob, chain=pw.chain, data=intake_data(postcode="3581AB"))
    assert "postcode" in error.value.message_dict
    assert not Candidate.objects.exists()


def test_it_refuses_registration_by_someone_outside_the_chain(pw):
    with pytest.raises(PermissionDenied):
        services.candidate_register(actor=pw.charlie, chain=pw.chain, data=intake_data())


def test_no_model_has_a_bsn_field():
    names = [field.name.lower() for model in apps.get_models() for field in model._meta.get_fields()]
    assert not [name for name in names if "bsn" in name or "burgerservice" in name]


def test_the_audit_log_names_a_candidate_by_reference_only(pw):
    candidate = services.candidate_register(actor=pw.bob, chain=pw.chain, data=intake_data())
    entry = AuditEntry.objects.get(action="pathways.candidate_register")
    assert entry.object_repr.endswith(candidate.reference) and "Fatima" not in entry.object_repr


def test_it_moves_a_candidate_to_the_next_stage_and_records_who_and_why(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    services.candidate_move(actor=pw.bob, candidate=candidate, to_stage="intake", version=1, note="Gesprek gepland")
    transition = candidate.transitions.get(to_stage="intake")
    assert (transition.from_stage, transition.actor, transition.note) == ("aanmelding", pw.bob, "Gesprek gepland")
    assert Candidate.objects.get(pk=candidate.pk).version == 2


def test_it_refuses_a_disallowed_transition_in_dutch_and_saves_nothing(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.candidate_move(actor=pw.bob, candidate=candidate, to_stage="plaatsing", version=1)
    assert "kan niet" in error.value.messages[0]
    assert Candidate.objects.get(pk=candidate.pk).stage == "aanmelding"
    assert candidate.transitions.count() == 1


def test_it_refuses_a_drop_out_without_a_reason(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    with pytest.raises(ValidationError):
        services.candidate_move(actor=pw.bob, candidate=candidate, to_stage="uitgevallen", version=1)


def test_it_ends_the_route_on_drop_out(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    services.candidate_move(actor=pw.bob, candidate=candidate, to_stage="uitgevallen", version=1, reason="persoonlijk")
    candidate.refresh_from_db()
    assert candidate.ended_at is not None and candidate.dropout_reason == "persoonlijk"


def test_it_refuses_a_move_by_a_partner_without_the_right_role(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    with pytest.raises(PermissionDenied):
        services.candidate_move(actor=pw.uwe, candidate=candidate, to_stage="intake", version=1)


def test_it_refuses_a_stale_change_from_a_second_coordinator(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob, next_action="Bellen")
    first = Candidate.objects.get(pk=candidate.pk)
    second = Candidate.objects.get(pk=candidate.pk)
    services.candidate_update(actor=pw.carla, candidate=first, version=first.version, data={"next_action": "Mailen"})
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.candidate_update(
            actor=pw.bob, candidate=second, version=second.version, data={"next_action": "Langsgaan"}
        )
    assert error.value.code == "conflict" and "Iemand anders" in error.value.messages[0]
    assert Candidate.objects.get(pk=candidate.pk).next_action == "Mailen"


def test_it_refuses_a_stale_stage_move(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    services.candidate_move(
        actor=pw.carla, candidate=Candidate.objects.get(pk=candidate.pk), to_stage="intake", version=1
    )
    with pytest.raises(ValidationError):
        services.candidate_move(actor=pw.bob, candidate=candidate, to_stage="intake", version=1)
    assert candidate.transitions.count() == 2


def test_it_places_a_candidate_at_a_learning_place(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    placement = services.placement_create(
        actor=pw.carla, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
    )
    assert placement.learning_place == pw.place and placement.chain == pw.chain


def test_it_refuses_a_placement_beyond_capacity_and_saves_nothing(pw):
    PlacementFactory(candidate=CandidateFactory(chain=pw.chain), learning_place=pw.place)
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.placement_create(
            actor=pw.carla, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
        )
    assert "vol" in error.value.messages[0]
    assert not Placement.objects.filter(candidate=candidate).exists()


def test_it_refuses_a_placement_by_a_coach(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    with pytest.raises(PermissionDenied):
        services.placement_create(
            actor=pw.bob, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
        )


def test_it_refuses_a_second_running_placement_for_the_same_candidate_and_saves_nothing(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    services.placement_create(
        actor=pw.carla, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
    )
    elsewhere = LearningPlaceFactory(chain=pw.chain, organisation=pw.company, capacity=3)
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.placement_create(
            actor=pw.carla, candidate=candidate, learning_place=elsewhere, start_date=datetime.date(2026, 4, 1)
        )
    assert "loopt al een plaatsing" in error.value.messages[0]
    assert list(Placement.objects.filter(candidate=candidate).values_list("learning_place", flat=True)) == [pw.place.pk]


def test_it_places_a_candidate_again_once_the_running_placement_ended(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    PlacementFactory(candidate=candidate, learning_place=pw.place, ended_on=datetime.date(2026, 5, 1))
    elsewhere = LearningPlaceFactory(chain=pw.chain, organisation=pw.company)
    placement = services.placement_create(
        actor=pw.carla, candidate=candidate, learning_place=elsewhere, start_date=datetime.date(2026, 6, 1)
    )
    assert placement.learning_place == elsewhere


@pytest.mark.parametrize("stage", ["afgerond", "uitgevallen"])
def test_it_refuses_a_placement_when_the_route_has_ended_and_saves_nothing(pw, stage):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob, stage=stage)
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.placement_create(
            actor=pw.carla, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
        )
    assert "route van deze kandidaat is afgesloten" in error.value.messages[0]
    assert not Placement.objects.exists()


def test_it_refuses_a_placement_when_the_route_ended_after_the_candidate_was_read(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    Candidate.objects.filter(pk=candidate.pk).update(stage="uitgevallen")
    with pytest.raises(ValidationError):
        services.placement_create(
            actor=pw.carla, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
        )
    assert not Placement.objects.exists()


def test_it_refuses_a_placement_of_a_candidate_erased_meanwhile(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    services.candidate_erase(actor=pw.carla, candidate=Candidate.objects.get(pk=candidate.pk))
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.placement_create(
            actor=pw.carla, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
        )
    assert "bestaat niet meer" in error.value.messages[0]
    assert not Placement.objects.exists()


def test_it_refuses_a_learning_place_removed_meanwhile(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    place = LearningPlaceFactory(chain=pw.chain, organisation=pw.company)
    LearningPlace.objects.filter(pk=place.pk).delete()
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.placement_create(
            actor=pw.carla, candidate=candidate, learning_place=place, start_date=datetime.date(2026, 3, 1)
        )
    assert "bestaat niet meer" in error.value.messages[0]
    assert not Placement.objects.exists()


@pytest.mark.skipif(not connection.features.has_select_for_update, reason="the database does not lock rows")
def test_it_locks_the_candidate_row_while_placing(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    with CaptureQueriesContext(connection) as queries:
        services.placement_create(
            actor=pw.carla, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
        )
    locks = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
    assert any('FROM "pathways_candidate"' in sql for sql in locks)


def test_it_refuses_a_learning_place_of_another_chain(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    elsewhere = LearningPlaceFactory(chain=pw.other_chain)
    with pytest.raises(ValidationError):
        services.placement_create(
            actor=pw.carla, candidate=candidate, learning_place=elsewhere, start_date=datetime.date(2026, 3, 1)
        )


def test_it_records_an_aftercare_checkpoint(pw):
    placement = PlacementFactory(candidate=CandidateFactory(chain=pw.chain, coach=pw.bob), learning_place=pw.place)
    services.checkpoint_record(
        actor=pw.bob, placement=placement, month=6, checked_on=datetime.date(2026, 9, 1), outcome="werkt"
    )
    assert placement.checkpoints.get().outcome == "werkt"


def test_it_refuses_a_checkpoint_before_the_placement_started(pw):
    placement = PlacementFactory(candidate=CandidateFactory(chain=pw.chain, coach=pw.bob), learning_place=pw.place)
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.checkpoint_record(
            actor=pw.bob, placement=placement, month=6, checked_on=datetime.date(2026, 2, 1), outcome="werkt"
        )
    assert "checked_on" in error.value.message_dict
    assert not AftercareCheckpoint.objects.exists()


def test_it_refuses_a_checkpoint_by_a_mentor(pw):
    placement = PlacementFactory(candidate=CandidateFactory(chain=pw.chain, coach=pw.bob), learning_place=pw.place)
    with pytest.raises(PermissionDenied):
        services.checkpoint_record(
            actor=pw.mo, placement=placement, month=6, checked_on=datetime.date(2026, 9, 1), outcome="werkt"
        )


def test_a_checkpoint_where_the_candidate_left_ends_the_placement(pw):
    placement = PlacementFactory(candidate=CandidateFactory(chain=pw.chain, coach=pw.bob), learning_place=pw.place)
    services.checkpoint_record(
        actor=pw.bob,
        placement=placement,
        month=6,
        checked_on=datetime.date(2026, 9, 1),
        outcome="vertrokken",
        left_reason="ander-werk",
    )
    placement.refresh_from_db()
    assert placement.ended_on == datetime.date(2026, 9, 1)


def test_every_move_is_audited(pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    services.candidate_move(actor=pw.bob, candidate=candidate, to_stage="intake", version=1)
    entry = AuditEntry.objects.get(action="pathways.candidate_move")
    assert (entry.actor, entry.object_id, entry.details) == (
        pw.bob,
        str(candidate.pk),
        {"from": "aanmelding", "to": "intake"},
    )


def test_the_transition_records_the_time_spent_in_the_previous_stage(pw):
    candidate = CandidateFactory(
        chain=pw.chain, coach=pw.bob, stage_entered_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    services.candidate_move(actor=pw.bob, candidate=candidate, to_stage="intake", version=1)
    assert StageTransition.objects.get(to_stage="intake").seconds_in_previous > 86400
