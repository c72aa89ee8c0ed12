"""Background work of the practice examples, run by the task worker and put on the queue by the scheduler."""

from __future__ import annotations

import datetime

from django_tasks import task

from wattwijs.core import schedule
from wattwijs.practice import services_adoption


@schedule.every(datetime.timedelta(days=1))
@task()
def send_practice_digests() -> int:
    """E-mail each follower of a practice example what changed in it since their last digest."""
    return services_adoption.digest_send()
