"""Following a practice and the e-mail digest of its updates."""

from datetime import datetime, timedelta
from smtplib import SMTPRecipientsRefused
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wattwijs.core.tests.factories import region
from wattwijs.practice import services_adoption, tasks
from wattwijs.practice.models import Adoption, AdoptionStatus, PracticeFollow

from .factories import PracticeFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SENT = datetime(2026, 3, 1, 9, tzinfo=AMSTERDAM)


@pytest.fixture
def practice():
    return PracticeFactory(title="Renoveren in de wijk", region=region("AMR12"), updated_at=SENT - timedelta(days=30))


@pytest.fixture
def follow(world, practice):
    return PracticeFollow.objects.create(user=world.alice, practice=practice, last_sent_at=SENT)


def test_a_logged_in_user_follows_a_practice_with_a_post(client, world, practice):
    client.force_login(world.alice)
    response = client.post(f"{practice.get_absolute_url()}volgen/", {"action": "follow"})
    assert response.status_code == 302
    assert PracticeFollow.objects.filter(user=world.alice, practice=practice).exists()


def test_a_follower_stops_following(client, world, follow):
    client.force_login(world.alice)
    client.post(f"{follow.practice.get_absolute_url()}volgen/", {"action": "unfollow"})
    assert not PracticeFollow.objects.exists()


def test_following_needs_a_login(client, practice):
    response = client.post(f"{practice.get_absolute_url()}volgen/", {"action": "follow"})
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert not PracticeFollow.objects.exists()


def test_following_is_not_done_with_a_get(client, world, practice):
    client.force_login(world.alice)
    assert client.get(f"{practice.get_absolute_url()}volgen/").status_code == 405


def test_the_practice_page_offers_to_stop_following(client, world, follow):
    client.force_login(world.alice)
    assert "Stop met volgen" in client.get(follow.practice.get_absolute_url()).content.decode()


def test_the_practice_page_offers_following_to_who_does_not_follow_yet(client, world, follow):
    client.force_login(world.bob)
    content = client.get(follow.practice.get_absolute_url()).content.decode()
    assert "Stop met volgen" not in content


def test_the_digest_reports_a_new_adoption_once(follow):
    Adoption.objects.create(
        practice=follow.practice,
        region=region("AMR24"),
        status=AdoptionStatus.INTEREST,
        updated_at=SENT + timedelta(hours=1),
    )
    assert tasks.send_practice_digests.call() == 1
    [message] = mail.outbox
    assert message.to == ["alice@example.org"]
    assert "Renoveren in de wijk" in message.body
    assert "Rijnmond volgt het: Interesse" in message.body
    assert services_adoption.digest_send() == 0
    assert len(mail.outbox) == 1


def test_the_digest_reports_a_changed_practice(follow):
    follow.practice.updated_at = SENT + timedelta(days=1)
    follow.practice.save(update_fields=["updated_at"])
    assert services_adoption.digest_send() == 1
    assert "Het praktijkvoorbeeld is bijgewerkt." in mail.outbox[0].body


def test_the_digest_skips_adoptions_from_before_the_last_one(follow):
    Adoption.objects.create(
        practice=follow.practice,
        region=region("AMR24"),
        status=AdoptionStatus.INTEREST,
        updated_at=SENT - timedelta(hours=1),
    )
    assert services_adoption.digest_send() == 0
    assert mail.outbox == []


def test_one_e_mail_covers_all_practices_a_user_follows(world, follow):
    other = PracticeFactory(title="Zon op school", region=region("AMR01"), updated_at=SENT + timedelta(days=2))
    PracticeFollow.objects.create(user=world.alice, practice=other, last_sent_at=SENT)
    follow.practice.updated_at = SENT + timedelta(days=1)
    follow.practice.save(update_fields=["updated_at"])
    assert services_adoption.digest_send() == 1
    assert "Zon op school" in mail.outbox[0].body
    assert "Renoveren in de wijk" in mail.outbox[0].body


def test_the_digest_moves_last_sent_at_on(follow):
    follow.practice.updated_at = SENT + timedelta(days=1)
    follow.practice.save(update_fields=["updated_at"])
    now = SENT + timedelta(days=2)
    services_adoption.digest_send(now=now)
    follow.refresh_from_db()
    assert follow.last_sent_at == now


def test_the_digest_is_scheduled_daily():
    from wattwijs.core import schedule

    periodic = {p.name: p for p in schedule.registered()}["wattwijs.practice.tasks.send_practice_digests"]
    assert periodic.interval == timedelta(days=1)


def _adopt(practice, code, updated_at):
    return Adoption.objects.create(
        practice=practice, region=region(code), status=AdoptionStatus.INTEREST, updated_at=updated_at
    )


def test_each_follow_gets_the_updates_since_its_own_last_digest(world, follow):
    other = PracticeFactory(title="Zon op school", region=region("AMR01"), updated_at=SENT - timedelta(days=30))
    PracticeFollow.objects.create(user=world.bob, practice=other, last_sent_at=SENT + timedelta(days=2))
    _adopt(follow.practice, "AMR24", SENT + timedelta(days=1))
    _adopt(other, "AMR24", SENT + timedelta(days=1))
    _adopt(other, "AMR01", SENT + timedelta(days=3))
    assert services_adoption.digest_send(now=SENT + timedelta(days=4)) == 2
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Rijnmond volgt het" in bodies["alice@example.org"]
    assert "Rijnmond volgt het" not in bodies[world.bob.email]
    assert "Groningen volgt het" in bodies[world.bob.email]


def test_a_follow_without_news_moves_last_sent_at_on(follow):
    now = SENT + timedelta(days=2)
    assert services_adoption.digest_send(now=now) == 0
    follow.refresh_from_db()
    assert follow.last_sent_at == now


def test_an_update_after_now_waits_for_the_next_digest(follow):
    now = SENT + timedelta(days=2)
    _adopt(follow.practice, "AMR24", now + timedelta(minutes=1))
    assert services_adoption.digest_send(now=now) == 0
    assert services_adoption.digest_send(now=now + timedelta(days=1)) == 1
    assert "Rijnmond volgt het" in mail.outbox[0].body


def test_a_second_run_sends_nothing(world, follow):
    other = PracticeFactory(title="Zon op school", region=region("AMR01"), updated_at=SENT + timedelta(days=1))
    PracticeFollow.objects.create(user=world.bob, practice=other, last_sent_at=SENT)
    _adopt(follow.practice, "AMR24", SENT + timedelta(days=1))
    now = SENT + timedelta(days=2)
    assert services_adoption.digest_send(now=now) == 2
    assert services_adoption.digest_send(now=now + timedelta(hours=1)) == 0
    assert len(mail.outbox) == 2


def _digest_queries(now):
    with CaptureQueriesContext(connection) as queries:
        services_adoption.digest_send(now=now)
    return len(queries)


def test_the_digest_needs_the_same_queries_for_more_follows(world, follow):
    _adopt(follow.practice, "AMR24", SENT + timedelta(days=1))
    one = _digest_queries(SENT + timedelta(days=2))
    for code in ("AMR01", "AMR05", "AMR07"):
        practice = PracticeFactory(region=region(code), updated_at=SENT + timedelta(days=3))
        PracticeFollow.objects.create(user=world.alice, practice=practice, last_sent_at=SENT)
        _adopt(practice, "AMR24", SENT + timedelta(days=3))
    assert _digest_queries(SENT + timedelta(days=4)) == one


def test_a_failing_e_mail_does_not_stop_the_others(monkeypatch, world, follow):
    other = PracticeFactory(title="Zon op school", region=region("AMR01"), updated_at=SENT + timedelta(days=1))
    PracticeFollow.objects.create(user=world.bob, practice=other, last_sent_at=SENT)
    _adopt(follow.practice, "AMR24", SENT + timedelta(days=1))
    real_send_mail = services_adoption.send_mail

    def send_mail(subject, body, sender, recipients):
        if recipients == [world.alice.email]:
            raise SMTPRecipientsRefused({world.alice.email: (550, b"refused")})
        return real_send_mail(subject, body, sender, recipients)

    monkeypatch.setattr(services_adoption, "send_mail", send_mail)
    assert services_adoption.digest_send(now=SENT + timedelta(days=2)) == 1
    assert [message.to for message in mail.outbox] == [[world.bob.email]]


def test_a_failed_e_mail_is_tried_again_in_the_next_run(monkeypatch, world, follow):
    _adopt(follow.practice, "AMR24", SENT + timedelta(days=1))
    real_send_mail = services_adoption.send_mail

    def refuse(*args):
        raise SMTPRecipientsRefused({world.alice.email: (550, b"refused")})

    monkeypatch.setattr(services_adoption, "send_mail", refuse)
    services_adoption.digest_send(now=SENT + timedelta(days=2))
    monkeypatch.setattr(services_adoption, "send_mail", real_send_mail)
    assert services_adoption.digest_send(now=SENT + timedelta(days=3)) == 1


def test_an_older_run_leaves_follows_a_newer_run_checked_alone(follow):
    _adopt(follow.practice, "AMR24", SENT + timedelta(days=1))
    assert services_adoption.digest_send(now=SENT + timedelta(days=3)) == 1
    assert services_adoption.digest_send(now=SENT + timedelta(days=2)) == 0
    follow.refresh_from_db()
    assert follow.last_sent_at == SENT + timedelta(days=3)
