"""Periodic tasks on top of django-tasks, which has no scheduler of its own.

An app registers a task with an interval in its ``tasks.py``::

    @schedule.every(datetime.timedelta(days=1))
    @task()
    def purge_expired() -> int: ...

``python manage.py enqueue_due_tasks`` (run every few minutes from cron or a loop) puts every task whose
interval has passed on the queue; a worker (``manage.py db_worker``) runs it. Each task's last enqueue is
remembered in ``ScheduledTaskRun``, and a due task is claimed with one conditional UPDATE before it is
enqueued, in the same transaction: two schedulers started at the same moment enqueue it once.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django_tasks.base import Task

from wattwijs.core.models import ScheduledTaskRun

TaskT = TypeVar("TaskT", bound=Task[Any, Any])


@dataclass(frozen=True)
class PeriodicTask:
    task: Task[[], Any]
    interval: datetime.timedelta

    @property
    def name(self) -> str:
        return self.task.module_path


_registry: dict[str, PeriodicTask] = {}


def register(task: Task[[], Any], *, interval: datetime.timedelta) -> PeriodicTask:
    """Run ``task`` (which takes no arguments) once every ``interval``."""
    if interval <= datetime.timedelta(0):
        raise ValueError("A periodic task needs a positive interval.")
    periodic = PeriodicTask(task=task, interval=interval)
    _registry[periodic.name] = periodic
    return periodic


def unregister(task: Task[[], Any]) -> None:
    _registry.pop(task.module_path, None)


def every(interval: datetime.timedelta) -> Callable[[TaskT], TaskT]:
    """Decorator form of ``register``, placed above ``@task()``."""

    def decorator(task: TaskT) -> TaskT:
        register(task, interval=interval)
        return task

    return decorator


def registered() -> list[PeriodicTask]:
    """Every periodic task of the installed apps (their ``tasks`` modules are imported first)."""
    autodiscover_modules("tasks")
    return sorted(_registry.values(), key=lambda periodic: periodic.name)


def enqueue_due(*, now: datetime.datetime | None = None) -> list[str]:
    """Enqueue each periodic task whose interval has passed since its last enqueue; returns their names."""
    now = now or timezone.now()
    periodic_tasks = registered()
    ScheduledTaskRun.objects.bulk_create(
        [ScheduledTaskRun(name=periodic.name) for periodic in periodic_tasks], ignore_conflicts=True
    )
    enqueued = []
    for periodic in periodic_tasks:
        due = Q(last_enqueued_at__isnull=True) | Q(last_enqueued_at__lte=now - periodic.interval)
        with transaction.atomic():
            # The row is locked by the UPDATE until the commit; a second scheduler re-reads it afterwards,
            # finds it no longer due and claims nothing.
            claimed = ScheduledTaskRun.objects.filter(due, name=periodic.name).update(last_enqueued_at=now)
            if not claimed:
                continue
            result = periodic.task.enqueue()
            ScheduledTaskRun.objects.filter(name=periodic.name).update(last_result_id=str(result.id))
        enqueued.append(periodic.name)
    return enqueued
