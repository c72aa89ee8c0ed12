"""REST API: search at demo scale (target p95 ≤ 80 ms at 100,000 materials), a material and its JSON-LD."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

# Words as teachers type them, some with the filters an application would add.
SEARCHES = [
    {"q": "warmtepomp"},
    {"q": "zonnepanelen"},
    {"q": "laadpaal", "page_size": "50"},
    {"q": "omvormer aansluiten"},
    {"q": "hybride warmtepomp", "sort": "newest"},
    {"q": "veilig werken", "theme": "zon-pv"},
    {"q": "isolatie spouwmuur"},
    {"q": "warmtenet aansluiten", "page": "2"},
    {"q": "nen 1010 meten"},
    {"q": "energielabel", "licence": "cc-by-40"},
    {"theme": "warmtepompen"},
    {"sort": "rating"},
]


def run(bench: Bench) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wattwijs.library.models import SearchDocument

    settings.API_RATE_LIMITS = {}  # one client asks thousands of times; the limits are not what is measured
    documents = SearchDocument.objects.count()
    note = f"{documents} published materials"
    client = Client()
    searches = itertools.cycle(SEARCHES)

    def search() -> None:
        params = next(searches)
        response = client.get("/api/v1/resources", params)
        if response.status_code != 200:
            raise SystemExit(f"API search {params} answered {response.status_code}")

    for _ in SEARCHES:  # every search once, so all the facet tables are loaded
        search()
    p50, p95 = bench.timings(search, warmup=0, requests=max(bench.requests, len(SEARCHES) * 10))
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v1/resources", {"q": "warmtepomp"})
    bench.report("API search, 1–3 words and filters with facets", f"p50 {p50:.1f} ms, p95 {p95:.1f} ms", note)
    bench.report("API search, queries per call", f"{len(queries)}", note)

    first = SearchDocument.objects.order_by("-published_at").values_list("resource_id", flat=True).first()
    if first is not None:
        bench.page("API material", f"/api/v1/resources/{first}", client=client, note=note)
        bench.page("API material as JSON-LD", f"/api/v1/resources/{first}.jsonld", client=client, note=note)
