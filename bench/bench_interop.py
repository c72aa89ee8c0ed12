"""OAI-PMH provider: a ListRecords page (NL-LOM), and whole harvests of a tenth of the materials and of all of them.

Each harvest runs in a process of its own that serves the requests through Django's test client and reads every
page through its resumption tokens, so its peak RSS is that of a serving process after that harvest: it should
not grow with the number of records harvested.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

ROOT = Path(__file__).resolve().parent.parent


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _harvest(until: str | None) -> dict[str, float]:
    """Harvest ListRecords lom (up to ``until``) through every resumption token; records, seconds, RSS."""
    from django.test import Client
    from lxml import etree

    from wattwijs.interop.oai import NAMESPACE

    record_tag, token_path = f"{{{NAMESPACE}}}record", f"{{{NAMESPACE}}}ListRecords/{{{NAMESPACE}}}resumptionToken"
    client = Client()
    started_rss = _peak_rss_mb()
    started = time.perf_counter()
    harvested = pages = 0
    params = {"verb": "ListRecords", "metadataPrefix": "lom", **({"until": until} if until else {})}
    while True:
        response = client.get("/oai", params)
        root = etree.fromstring(b"".join(response.streaming_content))
        harvested += sum(1 for _ in root.iter(record_tag))
        pages += 1
        token = root.findtext(token_path)
        if not token:
            break
        params = {"verb": "ListRecords", "resumptionToken": token}
    return {
        "records": harvested,
        "pages": pages,
        "seconds": time.perf_counter() - started,
        "rss_before_mb": started_rss,
        "peak_rss_mb": _peak_rss_mb(),
    }


def run(bench: Bench) -> None:
    from django.conf import settings
    from django.utils import timezone

    from wattwijs.interop.dates import format_datestamp
    from wattwijs.interop.selectors import RecordFilter, record_count, record_list_query

    everything = RecordFilter()
    records = record_count(record_filter=everything, bound=timezone.now())
    note = f"{records} records, {settings.OAI_PAGE_SIZE} per page"
    bench.page("OAI-PMH ListRecords lom, first page", "/oai?verb=ListRecords&metadataPrefix=lom", note=note)

    # A tenth of the collection is the records up to the datestamp of its tenth part (to the whole second).
    ordered = record_list_query(record_filter=everything, bound=timezone.now())
    tenth = ordered.values_list("current__modified_at", flat=True)[max(records // 10 - 1, 0)]
    for until in (format_datestamp(tenth), None):
        process = subprocess.run(  # noqa: S603 (this interpreter on this module, with a datestamp it made)
            [sys.executable, "-m", "bench.bench_interop", *([until] if until else [])],
            cwd=ROOT,
            env=os.environ,
            capture_output=True,
            text=True,
            check=False,
        )
        if process.returncode != 0:
            raise SystemExit(f"the harvest failed:\n{process.stderr}")
        result = json.loads(process.stdout.splitlines()[-1])
        if until is None and result["records"] != records:
            raise SystemExit(f"the harvest returned {result['records']:.0f} of {records} records")
        bench.report(
            f"OAI-PMH ListRecords lom, harvest of {result['records']:.0f} records",
            f"{result['records'] / result['seconds']:.0f} records/s, {result['pages']:.0f} pages in "
            f"{result['seconds']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB "
            f"({result['rss_before_mb']:.0f} MB before the first request)",
            f"{records} records in the collection, {settings.OAI_PAGE_SIZE} per page, one process",
        )


def main() -> None:
    """Harvest in this process (started by ``run`` with the bench's environment) and print the figures as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wattwijs.settings")
    import django

    django.setup()
    print(json.dumps(_harvest(sys.argv[1] if len(sys.argv) > 1 else None)), flush=True)


if __name__ == "__main__":
    main()
