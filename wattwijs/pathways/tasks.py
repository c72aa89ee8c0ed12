"""Background work of the Transitiehuis, run by the task worker and put on the queue by the scheduler."""

from __future__ import annotations

import datetime

from django_tasks import task

from wattwijs.core import schedule
from wattwijs.pathways import selectors, services


@schedule.every(datetime.timedelta(days=1))
@task()
def purge_expired() -> int:
    """Remove the personal data of routes that ended longer ago than the retention period."""
    return services.candidates_purge_expired(months=selectors.retention_months())


@schedule.every(datetime.timedelta(days=1))
@task()
def send_aftercare_reminders() -> int:
    """Remind coaches of aftercare checkpoints coming due."""
    return services.aftercare_reminders_send()
