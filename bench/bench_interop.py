"""OAI-PMH provider: ListRecords pages (NL-LOM) over the demo materials, and a whole harvest through its tokens."""

from __future__ import annotations

import resource
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(bench: Bench) -> None:
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone
    from lxml import etree

    from wattwijs.interop.oai import NAMESPACE
    from wattwijs.interop.selectors import RecordFilter, record_count

    ns = {"oai": NAMESPACE}
    client = Client()
    records = record_count(record_filter=RecordFilter(), bound=timezone.now())
    note = f"{records} records, {settings.OAI_PAGE_SIZE} per page"
    bench.page("OAI-PMH ListRecords lom, first page", "/oai?verb=ListRecords&metadataPrefix=lom", note=note)

    started = time.perf_counter()
    harvested = pages = 0
    params: dict[str, str] = {"verb": "ListRecords", "metadataPrefix": "lom"}
    while True:
        response = client.get("/oai", params)
        root = etree.fromstring(b"".join(response.streaming_content))
        harvested += len(root.findall("oai:ListRecords/oai:record", ns))
        pages += 1
        token = root.findtext("oai:ListRecords/oai:resumptionToken", namespaces=ns)
        if not token:
            break
        params = {"verb": "ListRecords", "resumptionToken": token}
    seconds = time.perf_counter() - started
    if harvested != records:
        raise SystemExit(f"the harvest returned {harvested} of {records} records")
    bench.report(
        "OAI-PMH ListRecords lom, whole harvest",
        f"{harvested / seconds:.0f} records/s, {pages} pages in {seconds:.1f} s, peak RSS {_peak_rss_mb():.0f} MB",
        note,
    )
