"""One harvest of a source at a time, and runs a stopped worker left behind do not block the source for ever."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wattwijs.interop import services, tasks
from wattwijs.interop.client import Client
from wattwijs.interop.models import HarvestRun, HarvestSource
from wattwijs.interop.tests.factories import HarvestSourceFactory
from wattwijs.interop.tests.feed import Feed, lom_record, page, serve
from wattwijs.library.models import Resource

pytestmark = pytest.mark.django_db

Status = HarvestRun.Status


def run_of(source, status, *, hours_ago=0.0):
    return HarvestRun.objects.create(
        source=source, status=status, started_at=timezone.now() - timedelta(hours=hours_ago)
    )


def test_a_second_harvest_now_is_refused_while_the_first_is_queued(world):
    source = HarvestSourceFactory(organisation=world.roc)
    services.harvest_enqueue(actor=world.alice, source=source)
    with pytest.raises(ValidationError) as raised:
        services.harvest_enqueue(actor=world.alice, source=source)
    assert raised.value.code == "harvest_running"
    assert source.runs.count() == 1


def test_harvest_now_while_a_harvest_runs_says_so_in_dutch(client, world):
    source = HarvestSourceFactory(organisation=world.roc)
    run_of(source, Status.RUNNING)
    client.force_login(world.alice)
    response = client.post(reverse("interop:harvest_source_harvest", kwargs={"pk": source.pk}), follow=True)
    assert "loopt al een oogst van deze bron" in response.content.decode()
    assert source.runs.count() == 1


def test_the_command_refuses_a_source_whose_harvest_is_running(settings):
    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = True
    source = HarvestSourceFactory(base_url="http://127.0.0.1:9/oai")
    run_of(source, Status.RUNNING)
    with pytest.raises(CommandError, match="loopt al een oogst"):
        call_command("harvest_oai", source.base_url, "--organisation", source.organisation.slug)
    assert source.runs.count() == 1


def test_the_schedule_skips_a_source_whose_harvest_is_queued(settings):
    settings.HARVEST_STALE_AFTER_SECONDS = 2 * 24 * 3600
    source = HarvestSourceFactory(schedule=HarvestSource.Schedule.DAILY)
    run_of(source, Status.QUEUED, hours_ago=25)
    assert services.harvest_due() == []


def test_a_stale_run_is_failed_with_the_reason_when_a_new_harvest_is_asked(world, settings):
    settings.HARVEST_STALE_AFTER_SECONDS = 3 * 3600
    source = HarvestSourceFactory(organisation=world.roc)
    stale = run_of(source, Status.RUNNING, hours_ago=4)
    run = services.harvest_enqueue(actor=world.alice, source=source)
    stale.refresh_from_db()
    assert (stale.status, run.status) == (Status.FAILED, Status.QUEUED)
    assert "meer dan 3 uur" in stale.message
    assert stale.finished_at is not None


def test_the_periodic_task_fails_stale_runs_only(settings):
    settings.HARVEST_STALE_AFTER_SECONDS = 3600
    source = HarvestSourceFactory()
    stale_queued = run_of(source, Status.QUEUED, hours_ago=2)
    stale_running = run_of(HarvestSourceFactory(), Status.RUNNING, hours_ago=2)
    fresh = run_of(HarvestSourceFactory(), Status.RUNNING, hours_ago=0.5)
    finished = run_of(HarvestSourceFactory(), Status.FINISHED, hours_ago=5)
    assert tasks.harvest_fail_stale_runs.call() == 2
    statuses = {run.pk: run.status for run in HarvestRun.objects.all()}
    assert statuses == {
        stale_queued.pk: Status.FAILED,
        stale_running.pk: Status.FAILED,
        fresh.pk: Status.RUNNING,
        finished.pk: Status.FINISHED,
    }


@pytest.mark.skipif(not connection.features.has_select_for_update, reason="the database has no row locks")
def test_the_source_row_is_locked_while_a_harvest_is_started(world):
    source = HarvestSourceFactory(organisation=world.roc)
    with CaptureQueriesContext(connection) as queries:
        services.harvest_enqueue(actor=world.alice, source=source)
    assert any("FOR UPDATE" in query["sql"] for query in queries.captured_queries)


def test_a_run_with_a_recent_heartbeat_is_not_stale_however_long_ago_it_started(settings):
    settings.HARVEST_STALE_AFTER_SECONDS = 3600
    run = run_of(HarvestSourceFactory(), Status.RUNNING, hours_ago=5)
    HarvestRun.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=10))
    assert services.harvest_fail_stale() == 0
    run.refresh_from_db()
    assert run.status == Status.RUNNING


def test_a_run_without_a_heartbeat_within_the_limit_is_stale(settings):
    settings.HARVEST_STALE_AFTER_SECONDS = 3600
    run = run_of(HarvestSourceFactory(), Status.RUNNING, hours_ago=5)
    HarvestRun.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - timedelta(hours=2))
    assert services.harvest_fail_stale() == 1
    run.refresh_from_db()
    assert run.status == Status.FAILED


def _watched_client(on_page):
    """A client that calls ``on_page(number)`` before it hands the harvest each page."""
    client = Client(sleep=lambda seconds: None, timeout=10)
    read = client.pages_ahead

    def pages_ahead(*args, **kwargs):
        for number, one_page in enumerate(read(*args, **kwargs)):
            on_page(number)
            yield one_page

    client.pages_ahead = pages_ahead  # type: ignore[method-assign]
    return client


def _three_pages():
    return Feed(
        pages={
            "": page([lom_record(1), lom_record(2)], "p2"),
            "p2": page([lom_record(3)], "p3"),
            "p3": page([lom_record(4)], ""),
        }
    )


@pytest.mark.usefixtures("local_repository")
def test_a_harvest_that_reads_pages_for_longer_than_the_limit_is_not_stale(settings):
    settings.HARVEST_STALE_AFTER_SECONDS = 3600
    long_ago = timezone.now() - timedelta(hours=2)
    failed = []

    def on_page(number):
        if number == 0:
            HarvestRun.objects.filter(status=Status.RUNNING).update(started_at=long_ago, heartbeat_at=long_ago)
        else:
            failed.append(services.harvest_fail_stale())

    with serve(_three_pages()) as url:
        run = services.harvest(source=HarvestSourceFactory(base_url=url), client=_watched_client(on_page))
    assert failed == [0, 0]
    assert run.status == Status.FINISHED


@pytest.mark.usefixtures("local_repository")
def test_a_harvest_whose_run_was_marked_failed_meanwhile_stores_nothing_more(settings):
    settings.HARVEST_STALE_AFTER_SECONDS = 3600
    long_ago = timezone.now() - timedelta(hours=2)

    def on_page(number):
        if number == 1:
            HarvestRun.objects.filter(status=Status.RUNNING).update(started_at=long_ago, heartbeat_at=long_ago)
            assert services.harvest_fail_stale() == 1

    with serve(_three_pages()) as url:
        run = services.harvest(source=HarvestSourceFactory(base_url=url), client=_watched_client(on_page), batch_size=1)
    stored = HarvestRun.objects.get(pk=run.pk)
    assert (run.status, stored.status) == (Status.FAILED, Status.FAILED)
    assert "meer dan 1 uur" in stored.message
    assert stored.added == 2
    assert set(Resource.objects.values_list("oai_identifier", flat=True)) == {
        "oai:voorbeeld.nl:1",
        "oai:voorbeeld.nl:2",
    }
