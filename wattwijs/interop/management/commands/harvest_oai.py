"""Harvest an OAI-PMH repository into the leermiddelenbank and print what the harvest did."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wattwijs.core.models import Organisation
from wattwijs.interop import addresses, services
from wattwijs.interop.models import HarvestRun, MetadataPrefix


class Command(BaseCommand):
    help = "Harvest learning materials from an OAI-PMH repository (ListRecords, following resumption tokens)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("base_url", help="the repository's OAI-PMH base URL")
        parser.add_argument("--metadata-prefix", choices=MetadataPrefix.values, default=MetadataPrefix.LOM)
        parser.add_argument("--set", dest="set_spec", default="", help="harvest only this set")
        parser.add_argument("--from", dest="harvest_from", default="", help="only records changed since this date")
        parser.add_argument(
            "--organisation",
            default="",
            help="slug of the organisation to publish for (default: one named after the host)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        harvest_from = None
        if options["harvest_from"]:
            try:
                harvest_from = services.validate_from(options["harvest_from"])
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        try:
            addresses.check_url(options["base_url"])
        except addresses.AddressNotAllowed as error:
            raise CommandError(str(error)) from error
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with slug {options['organisation']!r}.")
        try:
            source = services.harvest_source_for_url(
                base_url=options["base_url"],
                metadata_prefix=options["metadata_prefix"],
                set_spec=options["set_spec"],
                organisation=organisation,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        try:
            run = services.harvest(source=source, harvest_from=harvest_from)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"added={run.added} updated={run.updated} unchanged={run.unchanged} "
            f"deleted={run.deleted} failed={run.failed}"
        )
        for problem in run.errors.all()[:20]:
            self.stderr.write(f"{problem.identifier}: {problem.message}")
        if run.status == HarvestRun.Status.FAILED:
            raise CommandError(run.message)
