"""Aftercare checkpoints at 1, 3, 6 and 12 months, and the list of what is overdue or due soon."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from wattwijs.core.models import AuditEntry
from wattwijs.pathways import selectors, services
from wattwijs.pathways.models import AftercareCheckpoint
from wattwijs.pathways.tests.factories import CandidateFactory, PlacementFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 10)


def placed(pw, *, coach, chain=None, start=datetime.date(2026, 3, 1), first_name="Zwaantje"):
    candidate = CandidateFactory(chain=chain or pw.chain, coach=coach, first_name=first_name)
    return PlacementFactory(candidate=candidate, learning_place=pw.place, start_date=start)


def test_a_three_month_checkpoint_can_be_recorded(pw):
    placement = placed(pw, coach=pw.bob)
    services.checkpoint_record(
        actor=pw.bob, placement=placement, month=3, checked_on=datetime.date(2026, 6, 1), outcome="werkt"
    )
    assert placement.checkpoints.get().month == 3


def test_a_checkpoint_at_another_month_is_refused_in_dutch(pw):
    placement = placed(pw, coach=pw.bob)
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.checkpoint_record(
            actor=pw.bob, placement=placement, month=2, checked_on=datetime.date(2026, 5, 1), outcome="werkt"
        )
    assert error.value.message_dict["month"] == ["Een nazorgmoment is na 1, 3, 6 of 12 maanden."]
    assert not AftercareCheckpoint.objects.exists()


def test_a_coach_has_the_overdue_and_soon_due_checkpoints_of_their_candidates(pw):
    placement = placed(pw, coach=pw.bob)
    due = selectors.aftercare_to_do(user=pw.bob, today=TODAY)
    assert [(item.placement, item.month) for item in due] == [(placement, 1), (placement, 3)]


def test_a_recorded_checkpoint_is_no_longer_to_do(pw):
    placement = placed(pw, coach=pw.bob)
    AftercareCheckpoint.objects.create(
        placement=placement, chain=pw.chain, month=1, checked_on=datetime.date(2026, 4, 2), outcome="werkt"
    )
    assert [item.month for item in selectors.aftercare_to_do(user=pw.bob, today=TODAY)] == [3]


def test_a_checkpoint_more_than_two_weeks_ahead_is_not_to_do_yet(pw):
    placed(pw, coach=pw.bob, start=datetime.date(2026, 5, 30))
    assert selectors.aftercare_to_do(user=pw.bob, today=TODAY) == []


def test_the_chain_coordinator_has_the_checkpoints_of_the_chain(pw):
    placement = placed(pw, coach=pw.bob)
    assert {item.placement for item in selectors.aftercare_to_do(user=pw.carla, today=TODAY)} == {placement}


def test_a_partner_viewer_and_a_mentor_have_no_checkpoints_to_do(pw):
    placed(pw, coach=pw.bob)
    assert selectors.aftercare_to_do(user=pw.uwe, today=TODAY) == []
    assert selectors.aftercare_to_do(user=pw.mo, today=TODAY) == []


def test_another_chains_coordinator_does_not_have_them(pw):
    placed(pw, coach=pw.bob)
    assert selectors.aftercare_to_do(user=pw.dave, today=TODAY) == []


def test_the_aftercare_page_needs_a_login(client, pw):
    assert client.get("/transitiehuis/nazorg/").status_code == 302


def test_the_aftercare_page_lists_the_coachs_candidates(client, pw):
    placed(pw, coach=pw.bob, start=timezone.localdate() - datetime.timedelta(days=40))
    client.force_login(pw.bob)
    content = client.get("/transitiehuis/nazorg/").content.decode()
    assert "Zwaantje" in content and "te laat" in content


def test_the_aftercare_page_shows_nothing_of_other_chains(client, pw):
    placed(pw, coach=pw.bob, start=timezone.localdate() - datetime.timedelta(days=40))
    client.force_login(pw.dave)
    assert "Zwaantje" not in client.get("/transitiehuis/nazorg/").content.decode()


def test_the_aftercare_page_is_audited_by_candidate(client, pw):
    placement = placed(pw, coach=pw.bob, start=timezone.localdate() - datetime.timedelta(days=40))
    client.force_login(pw.bob)
    client.get("/transitiehuis/nazorg/")
    entry = AuditEntry.objects.get(action="pathways.candidate_list_view")
    assert entry.details == {"where": "aftercare", "candidates": [placement.candidate.pk]}


def test_the_aftercare_page_uses_a_fixed_number_of_queries(client, pw, django_assert_max_num_queries):
    start = timezone.localdate() - datetime.timedelta(days=100)
    for number in range(15):
        placed(pw, coach=pw.bob, start=start, first_name=f"Kandidaat{number}")
    client.force_login(pw.carla)
    with django_assert_max_num_queries(10):
        response = client.get("/transitiehuis/nazorg/")
    assert len(response.context["checkpoints"]) == 30
