"""Harvester: a whole harvest of a generated 10,000-record NL-LOM feed, served page by page over HTTP from a
thread on 127.0.0.1, into the bench database (parse, check, store and index), and two harvests after it.

The bench records have identifiers of their own (``oai:bench.harvest:N``); each run first removes what an
earlier run left, so the first figure is always a harvest of 10,000 new records. The second harvest serves
the same feed (every record unchanged, so skipped); the third serves every record with a newer datestamp
(every record updated: a new published version, indexed again).
"""

from __future__ import annotations

import resource
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

RECORDS = 10_000
PAGE_SIZE = 100
PREFIX = "oai:bench.harvest:"


def _feed(datestamp: str):  # type: ignore[no-untyped-def]
    from wattwijs.interop.tests.feed import Feed, lom_record, page

    numbers = range(1, RECORDS + 1)
    chunks = [numbers[start : start + PAGE_SIZE] for start in range(0, RECORDS, PAGE_SIZE)]
    pages = {}
    for index, chunk in enumerate(chunks):
        token = f"p{index + 1}" if index + 1 < len(chunks) else ""
        records = [lom_record(n, prefix=PREFIX, datestamp=datestamp) for n in chunk]
        pages["" if index == 0 else f"p{index}"] = page(records, token, complete=RECORDS)
    return Feed(pages=pages)


def _cpu_seconds() -> dict[str, float]:
    """CPU time of this process (storing, and the feed's server thread) and of finished children (the page reader):
    on a busy machine the wall-clock figure says more about the other load than about the harvest."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"harvest": own.ru_utime + own.ru_stime, "reader": children.ru_utime + children.ru_stime}


def _clean_up() -> None:
    from wattwijs.library.models import Resource, ResourceVersion
    from wattwijs.library.search import index

    ids = list(Resource.objects.filter(oai_identifier__startswith=PREFIX).values_list("pk", flat=True))
    if ids:
        index.remove(ids)
        Resource.objects.filter(pk__in=ids).update(current=None)
        ResourceVersion.objects.filter(resource_id__in=ids).delete()
        Resource.objects.filter(pk__in=ids).delete()


def run(bench: Bench) -> None:
    from django.test import override_settings

    # The feed is served on 127.0.0.1, a loopback address harvest sources may not have by default.
    with override_settings(HARVEST_ALLOW_PRIVATE_ADDRESSES=True):
        _run(bench)


def _run(bench: Bench) -> None:
    from wattwijs.core.models import Organisation
    from wattwijs.interop import services
    from wattwijs.interop.models import HarvestSource
    from wattwijs.interop.tests.feed import serve

    _clean_up()
    organisation = Organisation.objects.order_by("pk").first()
    if organisation is None:
        raise SystemExit("the bench database has no organisation")
    size = sum(len(body) for body in _feed("2026-03-01T10:00:00Z").pages.values())
    for label, datestamp in (
        ("10,000 new records", "2026-03-01T10:00:00Z"),
        ("again, 10,000 unchanged records", "2026-03-01T10:00:00Z"),
        ("again, 10,000 changed records", "2026-03-02T10:00:00Z"),
    ):
        feed = _feed(datestamp)
        with serve(feed) as url:
            source, _created = HarvestSource.objects.update_or_create(
                name="Benchmark feed", defaults={"base_url": url, "organisation": organisation}
            )
            cpu_before = _cpu_seconds()
            started = time.perf_counter()
            result = services.harvest(source=source)
            seconds = time.perf_counter() - started
            cpu = {key: value - cpu_before[key] for key, value in _cpu_seconds().items()}
        if result.failed or result.status != result.Status.FINISHED:
            raise SystemExit(f"the harvest failed: {result.message} ({result.failed} failed records)")
        bench.report(
            f"OAI-PMH harvest of an NL-LOM feed, {label}",
            f"{RECORDS / seconds:.0f} records/s, {seconds:.1f} s (added {result.added}, updated {result.updated}, "
            f"unchanged {result.unchanged}); CPU {cpu['harvest']:.1f} s in the harvesting process, "
            f"{cpu['reader']:.1f} s in the page reader",
            f"{len(feed.pages)} pages of {PAGE_SIZE}, {size / 1e6:.1f} MB of XML over HTTP on 127.0.0.1",
        )
    _clean_up()
