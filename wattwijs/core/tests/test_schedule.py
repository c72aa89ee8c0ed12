import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wattwijs.core import schedule
from wattwijs.core.models import ScheduledTaskRun
from wattwijs.core.tests.periodic_tasks import tick

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
NOW = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def hourly():
    periodic = schedule.register(tick, interval=HOUR)
    yield periodic
    schedule.unregister(tick)


def queued_ticks() -> int:
    return DBTaskResult.objects.filter(task_path=tick.module_path).count()


def test_it_enqueues_a_task_that_never_ran(hourly):
    assert hourly.name in schedule.enqueue_due(now=NOW)
    assert queued_ticks() == 1


def test_it_remembers_when_and_what_it_enqueued(hourly):
    schedule.enqueue_due(now=NOW)
    run = ScheduledTaskRun.objects.get(name=hourly.name)
    assert run.last_enqueued_at == NOW
    assert DBTaskResult.objects.filter(pk=run.last_result_id, task_path=tick.module_path).exists()


def test_it_does_not_enqueue_a_task_before_its_interval_has_passed(hourly):
    schedule.enqueue_due(now=NOW)
    assert hourly.name not in schedule.enqueue_due(now=NOW + HOUR - datetime.timedelta(seconds=1))
    assert queued_ticks() == 1


def test_it_enqueues_again_once_the_interval_has_passed(hourly):
    schedule.enqueue_due(now=NOW)
    assert hourly.name in schedule.enqueue_due(now=NOW + HOUR)
    assert queued_ticks() == 2


def test_a_second_scheduler_at_the_same_moment_enqueues_nothing(hourly):
    schedule.enqueue_due(now=NOW)
    assert schedule.enqueue_due(now=NOW) == []
    assert queued_ticks() == 1


def test_a_failed_enqueue_leaves_the_task_due(hourly, monkeypatch):
    def broken_enqueue(*args, **kwargs):
        raise RuntimeError("queue unavailable")

    monkeypatch.setattr(type(tick), "enqueue", broken_enqueue)
    with pytest.raises(RuntimeError):
        schedule.enqueue_due(now=NOW)
    monkeypatch.undo()
    assert ScheduledTaskRun.objects.get(name=hourly.name).last_enqueued_at is None
    assert hourly.name in schedule.enqueue_due(now=NOW)


def test_it_refuses_an_interval_of_zero():
    with pytest.raises(ValueError, match="positive interval"):
        schedule.register(tick, interval=datetime.timedelta(0))


def test_the_installed_apps_register_their_periodic_tasks():
    names = {periodic.name for periodic in schedule.registered()}
    assert {"wattwijs.pathways.tasks.purge_expired", "wattwijs.pathways.tasks.send_aftercare_reminders"} <= names


def test_the_command_enqueues_what_is_due_once(hourly):
    out = io.StringIO()
    call_command("enqueue_due_tasks", stdout=out)
    call_command("enqueue_due_tasks", stdout=out)
    assert out.getvalue().count(f"Enqueued {hourly.name}") == 1
    assert queued_ticks() == 1


# The worker closes its database connection when it is done: outside a test transaction, so the test's next
# query opens a new one. The flush after the test keeps the reference data other live-server tests restore.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_runs_the_enqueued_task(hourly):
    schedule.enqueue_due(now=timezone.now())
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert DBTaskResult.objects.get(task_path=tick.module_path).return_value == "tick"
