"""Background work of harvesting, run by the task worker and put on the queue by the scheduler."""

from __future__ import annotations

import datetime

from django_tasks import task

from wattwijs.core import schedule
from wattwijs.interop import services
from wattwijs.interop.models import HarvestRun


@task()
def harvest_run(run_id: int) -> int:
    """Run a queued harvest ("harvest now"); returns the number of records added or updated."""
    run = HarvestRun.objects.select_related("source__organisation").filter(pk=run_id).first()
    if run is None or run.status != HarvestRun.Status.QUEUED:
        return 0
    services.harvest(source=run.source, run=run)
    return run.added + run.updated


@schedule.every(datetime.timedelta(hours=1))
@task()
def harvest_due_sources() -> int:
    """Queue a harvest of each active source whose schedule (daily or weekly) says it is due."""
    return len(services.harvest_due())


@schedule.every(datetime.timedelta(minutes=30))
@task()
def harvest_fail_stale_runs() -> int:
    """Mark harvests left queued or running by a stopped worker (no heartbeat within
    ``HARVEST_STALE_AFTER_SECONDS``) as failed, so that their sources can be harvested again; returns how many."""
    return services.harvest_fail_stale()


@schedule.every(datetime.timedelta(hours=1))
@task()
def purge_pending_imports() -> int:
    """Remove checked import files their uploader never confirmed, once they are older than the limit."""
    return services.pending_imports_purge()
