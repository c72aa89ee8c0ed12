"""Leermiddelenbank: search with all facet counts, bulk indexing and relevance (nDCG@10) at demo scale."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

# 1–3 Dutch words, as teachers type them.
QUERIES = [
    "warmtepomp",
    "zonnepanelen",
    "laadpaal",
    "omvormer aansluiten",
    "hybride warmtepomp",
    "veilig werken",
    "isolatie spouwmuur",
    "warmtenet aansluiten",
    "zon-pv",
    "nen 1010 meten",
    "werkplaatsopdracht warmtepomp inregelen",
    "energielabel",
]


def run(bench: Bench) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wattwijs.library.models import SearchDocument
    from wattwijs.library.search import index

    documents = SearchDocument.objects.count()
    note = f"{documents} published materials"
    client = Client()

    def one_round() -> None:
        for q in QUERIES:
            response = client.get("/leermiddelen/", {"q": q})
            if response.status_code != 200:
                raise SystemExit(f"search {q!r} answered {response.status_code}")

    samples: list[float] = []
    one_round()
    for _ in range(max(1, bench.requests // len(QUERIES))):
        for q in QUERIES:  # searches with words are never cached: every one counts its facets
            start = time.perf_counter()
            client.get("/leermiddelen/", {"q": q})
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p50 = samples[len(samples) // 2]
    p95 = samples[int(len(samples) * 0.95) - 1]
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get("/leermiddelen/", {"q": "warmtepomp"})
    bench.report("library search, 1–3 words with all facet counts", f"p50 {p50:.1f} ms, p95 {p95:.1f} ms", note)
    bench.report("library search page queries", f"{len(queries)} queries", note)
    mbo3 = "654931e1-6f8b-4f72-aa4b-92c99c72c347"
    bench.page("library search with a facet filter", f"/leermiddelen/?q=warmtepomp&level={mbo3}", note=note)
    bench.page("library overview (no words)", "/leermiddelen/", note=note)

    ids = list(SearchDocument.objects.order_by("resource_id").values_list("resource_id", flat=True)[:10_000])
    # Bulk indexing: materials new to the index (as after a harvest or a rebuild).
    index.remove(ids)
    _indexing(bench, "library bulk indexing, new to the index", ids)
    # Re-indexing: every document is replaced (the full-text index removes its old entries first).
    _indexing(bench, "library re-indexing, replacing documents", ids)
    relevance(bench)


def _indexing(bench: Bench, name: str, ids: list[int]) -> None:
    from wattwijs.library.search import index

    start = time.perf_counter()
    written = index.index_resources(ids)
    seconds = time.perf_counter() - start
    bench.report(name, f"{written / seconds:.0f} materials/s ({written} in {seconds:.1f} s)")


def _ndcg_at_10(ranked: list[str], grades: dict[str, int]) -> float:
    import math

    def dcg(gains: list[int]) -> float:
        return sum((2**gain - 1) / math.log2(position + 2) for position, gain in enumerate(gains[:10]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(title, 0) for title in ranked]) / ideal if ideal else 0.0


def relevance(bench: Bench) -> None:
    """nDCG@10 of the judged Dutch queries in relevance_judgments.py, over the whole index."""
    from bench.relevance_judgments import JUDGMENTS
    from wattwijs.library.demo import GENERATED_URL
    from wattwijs.library.models import Resource
    from wattwijs.library.search.engine import SearchParams, search

    # Only the curated demo materials are judged; generated ones (at --scale > 1) are left out of the ranking.
    generated = set(Resource.objects.filter(current__location__startswith=GENERATED_URL).values_list("pk", flat=True))
    scores = []
    for q, grades in JUDGMENTS.items():
        results = search(SearchParams(q=q)).documents
        ranked: list[str] = []
        for start in range(0, len(results), 1000):
            ranked += [doc.title for doc in results[start : start + 1000] if doc.resource_id not in generated]
            if len(ranked) >= 10:
                break
        scores.append(_ndcg_at_10(ranked[:10], grades))
    mean = sum(scores) / len(scores)
    bench.report("library relevance, nDCG@10", f"{mean:.3f} over {len(scores)} judged queries")
