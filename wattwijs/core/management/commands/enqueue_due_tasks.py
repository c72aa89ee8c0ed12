from typing import Any

from django.core.management.base import BaseCommand

from wattwijs.core import schedule


class Command(BaseCommand):
    help = (
        "Put the periodic tasks whose interval has passed on the task queue (a worker, `manage.py db_worker`, "
        "runs them). Run it every few minutes, e.g. from cron; running it twice at once enqueues nothing twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for name in schedule.enqueue_due():
            self.stdout.write(f"Enqueued {name}")
