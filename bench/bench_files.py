"""Files: exporting search results to CSV and XLSX, and checking and importing a 1,000-row spreadsheet.

The import runs in a transaction that is rolled back afterwards, so the bench database stays as it was.
"""

from __future__ import annotations

import csv
import io
import resource
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench


def _export(bench: Bench, fmt: str, query: str, label: str) -> None:
    import openpyxl
    from django.test import Client

    started = time.perf_counter()
    response = Client().get(f"/leermiddelen/exporteren.{fmt}{query}")
    if fmt == "csv":
        # The CSV streams one line per material (after the header): consumed as a client would, chunk by chunk.
        size = chunks = 0
        for chunk in response.streaming_content:
            size, chunks = size + len(chunk), chunks + 1
        seconds = time.perf_counter() - started
        rows = chunks - 1
    else:
        content = b"".join(response.streaming_content)
        seconds = time.perf_counter() - started
        size = len(content)
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        rows = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True)) - 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    bench.report(
        f"files: export {label} as {fmt.upper()}",
        f"{seconds:.2f} s, {rows} rows, {rows / seconds:.0f} rows/s, {size / 1_000_000:.1f} MB, "
        f"peak RSS of the process {peak:.0f} MB",
    )


def _import(bench: Bench, rows: int = 1000) -> None:
    from django.db import transaction

    from wattwijs.core.models import Membership
    from wattwijs.interop import spreadsheets
    from wattwijs.library import permissions
    from wattwijs.library.tests.factories import MBO3

    membership = (
        Membership.objects.filter(role__in=permissions.AUTHOR_ROLES).select_related("user", "organisation").first()
    )
    if membership is None:
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["titel", "beschrijving", "organisatie", "webadres", "licentie", "niveaus", "soort", "themas", "trefwoorden"]
    )
    for number in range(rows):
        writer.writerow(
            [
                f"Bench-materiaal {number}",
                "Werkplaatsopdracht.",
                membership.organisation.slug,
                f"https://leermiddelen.example.org/{number}",
                "cc-by-40",
                MBO3,
                "exercise",
                "zon-pv",
                "zon, paneel",
            ]
        )
    data = buffer.getvalue().encode()
    started = time.perf_counter()
    checked = spreadsheets.check(spreadsheets.read(data, fmt="csv"), actor=membership.user)
    checked_seconds = time.perf_counter() - started
    assert not checked.errors, checked.errors[:3]
    started = time.perf_counter()
    with transaction.atomic():
        result = spreadsheets.import_rows(
            actor=membership.user, checked=checked, mode=spreadsheets.ALL_OR_NOTHING, submit=False
        )
        imported_seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    bench.report("files: check a 1,000-row CSV", f"{checked_seconds:.2f} s, {rows / checked_seconds:.0f} rows/s")
    bench.report(
        "files: import 1,000 rows as drafts",
        f"{imported_seconds:.2f} s, {len(result.versions) / imported_seconds:.0f} materials/s",
    )


def run(bench: Bench) -> None:
    _export(bench, "csv", "?q=warmtepomp", "the search “warmtepomp”")
    _export(bench, "xlsx", "?q=warmtepomp", "the search “warmtepomp”")
    _export(bench, "csv", "", "every material")
    _export(bench, "xlsx", "", "every material")
    _import(bench)
