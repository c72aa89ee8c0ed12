from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wattwijs.pathways import selectors, services


class Command(BaseCommand):
    help = (
        "Remove the personal data of Transitiehuis candidates whose route ended longer ago than the retention "
        "period (PATHWAYS_RETENTION_MONTHS, default 24). Anonymous figures for the dashboard stay. "
        "It runs daily through the task queue (see enqueue_due_tasks); this command runs it at once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--months", type=int, default=None, help="override the retention period in months")

    def handle(self, *args: Any, months: int | None, **options: Any) -> None:
        months = selectors.retention_months() if months is None else months
        if months < 1:
            self.stderr.write("--months must be 1 or more")
            raise SystemExit(2)
        removed = services.candidates_purge_expired(months=months)
        self.stdout.write(f"Removed the personal data of {removed} candidate(s) (retention {months} months).")
