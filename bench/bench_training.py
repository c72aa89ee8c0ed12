"""Training map: the matrix (35 regions × 17 themes) over 20,000 offers, and overlap detection over all of them."""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

OVERLAP_RUNS = 5
OFFERS = 20_000


def run(bench: Bench) -> None:
    from django.db import connection, transaction

    from wattwijs.core.models import Region, Theme
    from wattwijs.training import demo, overlap
    from wattwijs.training.models import TrainingOffer

    # load_demo --scale 100 gives 20,000 offers; a smaller scale is topped up here so the figures stay comparable.
    missing = OFFERS - TrainingOffer.objects.count()
    if missing > 0:
        with transaction.atomic():
            demo.load_generated(TrainingOffer.objects.filter(title__startswith=demo.GENERATED_MARK).count() + missing)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    offers = TrainingOffer.objects.count()
    note = f"{offers} offers, {Region.objects.count()} regions × {Theme.objects.count()} themes"
    bench.page("training matrix, themes × regions", "/opleidingen/", note=note)
    bench.page("training matrix, filtered", "/opleidingen/?level=3&target=werkzoekenden&status=beschikbaar", note=note)
    bench.page("training matrix, regions × target groups", "/opleidingen/?indeling=regio-doelgroep", note=note)
    # The first request after an offer change: the cached counts are gone, the snapshot is up to date.
    for name, path in UNCACHED_PAGES:
        queries = _uncached_queries(path)
        p50, p95 = bench.timings(lambda path=path: _uncached_matrix(path), requests=30)
        bench.report(
            f"training matrix, counts not cached, {name}",
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, {queries} queries",
            note,
        )
    p50, p95 = bench.timings(_offer_change, requests=30)
    bench.report(
        "training offer change, cells and snapshot rewritten",
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms",
        f"{note}, one offer, rolled back",
    )

    seconds = []
    pairs: list[object] = []
    for _ in range(OVERLAP_RUNS):
        started = time.perf_counter()
        pairs = overlap.detect(overlap.load_features())  # type: ignore[assignment]
        seconds.append(time.perf_counter() - started)
    bench.report(
        "training overlap detection",
        f"median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s, {len(pairs)} pairs",
        f"{note}, {OVERLAP_RUNS} runs, reading the offers included",
    )


UNCACHED_PAGES = [
    ("themes × regions", "/opleidingen/"),
    ("filtered", "/opleidingen/?level=3&target=werkzoekenden&status=beschikbaar"),
    ("regions × target groups", "/opleidingen/?indeling=regio-doelgroep"),
]


_client: list[object] = []


def _uncached_matrix(path: str) -> None:
    from django.test import Client

    from wattwijs.core import caching
    from wattwijs.training.selectors import MATRIX_CACHE

    # One client for all requests, as for the other pages: a new one would build the middleware (and
    # WhiteNoise's index of every static file) again, which a server does once at start.
    if not _client:
        _client.append(Client())
    caching.invalidate(MATRIX_CACHE)
    response = _client[0].get(path)  # type: ignore[attr-defined]
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")


def _uncached_queries(path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _uncached_matrix(path)  # the session and the other caches warm, as for the timed requests
    with CaptureQueriesContext(connection) as queries:
        _uncached_matrix(path)
    return len(queries)


def _offer_change() -> None:
    """What the services do to the matrix's derived data when one offer changes, rolled back afterwards."""
    from django.db import transaction

    from wattwijs.training import cells
    from wattwijs.training.models import TrainingOffer

    with transaction.atomic():
        offer_id = TrainingOffer.objects.order_by("-pk").values_list("pk", flat=True)[0]
        cells.refresh([offer_id])
        transaction.set_rollback(True)
