"""``python manage.py match_cohort --input IN.json --output OUT.json [--objective max-score|max-placed]``.

Invalid input exits with status 2 and a message on stderr, and writes no output file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wattwijs.matching.assignment import Objective
from wattwijs.matching.cohort_io import CohortInputError, assign

INVALID_INPUT = 2


class Command(BaseCommand):
    help = "Assign candidates to places with capacities so that the total score is as high as possible."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="IN.json: candidates, places and allowed scores")
        parser.add_argument("--output", required=True, help="OUT.json: the optimal assignment")
        parser.add_argument(
            "--objective",
            choices=[objective.value for objective in Objective],
            default=Objective.MAX_SCORE.value,
            help="max-score (default) or max-placed: first as many candidates placed as possible, then score",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["input"])
        target = Path(options["output"])
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {source}: {error}", returncode=INVALID_INPUT) from None
        try:
            result = assign(text, Objective(options["objective"]))
        except CohortInputError as error:
            raise CommandError(f"invalid input in {source}: {error}", returncode=INVALID_INPUT) from None
        # Written beside the target and renamed, so a failure never leaves half a file behind.
        try:
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".match_cohort-", suffix=".json")
        except OSError as error:
            raise CommandError(f"cannot write {target}: {error}", returncode=INVALID_INPUT) from None
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(result, stream, ensure_ascii=False, indent=2)
                stream.write("\n")
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.stdout.write(
            f"{len(result['assignments'])} assigned, {len(result['unassigned'])} unassigned, "
            f"total score {result['total_score']} ({result['objective']})"
        )
