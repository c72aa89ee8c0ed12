from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wattwijs.core.demo import DEMO_PASSWORD, demo_logins, load_demo


class Command(BaseCommand):
    help = "Load fictitious demo data (idempotent). --scale N multiplies the volume for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=int, default=1, help="multiply the data volume (default 1)")

    def handle(self, *args: Any, scale: int, **options: Any) -> None:
        if scale < 1:
            self.stderr.write("--scale must be 1 or more")
            raise SystemExit(2)
        load_demo(scale=scale)
        self.stdout.write(self.style.SUCCESS("Demo data loaded (all records are fictitious)."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, role, organisation in demo_logins():
            self.stdout.write(f"  {email:45} {role} – {organisation}")
