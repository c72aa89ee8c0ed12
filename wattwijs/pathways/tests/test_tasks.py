"""The scheduled work of the Transitiehuis: the retention purge and the aftercare reminders."""

import datetime

import pytest
from django.utils import timezone

from wattwijs.core.models import AuditEntry
from wattwijs.pathways import selectors, services, tasks
from wattwijs.pathways.models import AftercareCheckpoint, Candidate
from wattwijs.pathways.tests.factories import CandidateFactory, PlacementFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 3, 1)
ONE_MONTH_DUE = datetime.date(2026, 4, 1)


def placed(pw, **candidate):
    candidate.setdefault("coach", pw.bob)
    person = CandidateFactory(chain=pw.chain, first_name="Zwaantje", last_name="Piekstra", **candidate)
    return PlacementFactory(candidate=person, learning_place=pw.place, start_date=START)


def test_the_purge_task_removes_expired_routes(pw):
    CandidateFactory(chain=pw.chain, stage="afgerond", ended_at=timezone.now() - datetime.timedelta(days=800))
    assert tasks.purge_expired.call() == 1
    assert not Candidate.objects.exists()


def test_checkpoints_are_due_1_3_6_and_12_months_after_the_start(pw):
    placement = placed(pw)
    due = selectors.aftercare_due(until=datetime.date(2027, 3, 1))
    assert [(item.placement, item.month, item.due) for item in due] == [
        (placement, 1, ONE_MONTH_DUE),
        (placement, 3, datetime.date(2026, 6, 1)),
        (placement, 6, datetime.date(2026, 9, 1)),
        (placement, 12, datetime.date(2027, 3, 1)),
    ]


def test_a_checkpoint_is_not_due_the_day_before(pw):
    placed(pw)
    assert selectors.aftercare_due(until=ONE_MONTH_DUE - datetime.timedelta(days=1)) == []


def test_a_start_at_the_end_of_a_month_is_due_on_the_28th(pw):
    person = CandidateFactory(chain=pw.chain)
    PlacementFactory(candidate=person, learning_place=pw.place, start_date=datetime.date(2026, 1, 31))
    assert [item.due for item in selectors.aftercare_due(until=datetime.date(2026, 2, 28))] == [
        datetime.date(2026, 2, 28)
    ]


def test_the_coach_is_reminded_two_weeks_ahead(pw, mailoutbox):
    placement = placed(pw)
    assert services.aftercare_reminders_send(today=ONE_MONTH_DUE - datetime.timedelta(days=14)) == 1
    assert mailoutbox[0].to == [pw.bob.email]
    assert placement.candidate.reference in mailoutbox[0].body and "01-04-2026" in mailoutbox[0].body


def test_the_reminder_is_in_dutch_and_links_to_the_file(pw, mailoutbox, settings):
    settings.SITE_URL = "https://wattwijs.example"
    placement = placed(pw)
    services.aftercare_reminders_send(today=ONE_MONTH_DUE)
    assert "Nazorg" in mailoutbox[0].subject
    assert f"https://wattwijs.example/transitiehuis/kandidaten/{placement.candidate.pk}/" in mailoutbox[0].body


def test_the_reminder_names_no_personal_data(pw, mailoutbox):
    placed(pw)
    services.aftercare_reminders_send(today=ONE_MONTH_DUE)
    message = mailoutbox[0].subject + mailoutbox[0].body
    assert "Zwaantje" not in message and "Piekstra" not in message


def test_no_reminder_goes_out_earlier_than_two_weeks_ahead(pw, mailoutbox):
    placed(pw)
    assert services.aftercare_reminders_send(today=ONE_MONTH_DUE - datetime.timedelta(days=15)) == 0
    assert mailoutbox == []


def test_a_checkpoint_is_reminded_once(pw, mailoutbox):
    placed(pw)
    services.aftercare_reminders_send(today=ONE_MONTH_DUE - datetime.timedelta(days=14))
    assert services.aftercare_reminders_send(today=ONE_MONTH_DUE + datetime.timedelta(days=3)) == 0
    assert len(mailoutbox) == 1


def test_a_recorded_checkpoint_is_not_reminded(pw, mailoutbox):
    placement = placed(pw)
    AftercareCheckpoint.objects.create(
        placement=placement, chain=pw.chain, month=1, checked_on=ONE_MONTH_DUE, outcome="werkt"
    )
    assert services.aftercare_reminders_send(today=ONE_MONTH_DUE) == 0


def test_an_ended_placement_is_not_reminded(pw, mailoutbox):
    placement = placed(pw)
    placement.ended_on = START + datetime.timedelta(days=30)
    placement.save(update_fields=["ended_on"])
    assert services.aftercare_reminders_send(today=ONE_MONTH_DUE) == 0


def test_without_a_coach_the_chain_coordinator_is_reminded(pw, mailoutbox):
    placed(pw, coach=None)
    services.aftercare_reminders_send(today=ONE_MONTH_DUE)
    assert [message.to for message in mailoutbox] == [[pw.carla.email]]


def test_one_mail_per_coach_lists_all_their_checkpoints(pw, mailoutbox):
    first, second = placed(pw), placed(pw)
    services.aftercare_reminders_send(today=ONE_MONTH_DUE)
    assert len(mailoutbox) == 1
    assert first.candidate.reference in mailoutbox[0].body and second.candidate.reference in mailoutbox[0].body


def test_the_reminder_is_audited_by_candidate(pw, mailoutbox):
    placement = placed(pw)
    services.aftercare_reminders_send(today=ONE_MONTH_DUE)
    entry = AuditEntry.objects.get(action="pathways.aftercare_reminder")
    assert entry.details == {"candidates": [placement.candidate.pk]}


def test_a_failed_mail_is_sent_again_on_the_next_run(pw, mailoutbox, monkeypatch):
    placed(pw)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send_mail", broken)
    with pytest.raises(OSError, match="mail server down"):
        services.aftercare_reminders_send(today=ONE_MONTH_DUE)
    monkeypatch.undo()
    assert services.aftercare_reminders_send(today=ONE_MONTH_DUE) == 1


def test_the_reminder_task_sends_todays_reminders(pw, mailoutbox):
    person = CandidateFactory(chain=pw.chain, coach=pw.bob)
    PlacementFactory(
        candidate=person, learning_place=pw.place, start_date=timezone.localdate() - datetime.timedelta(days=200)
    )
    assert tasks.send_aftercare_reminders.call() == 1
