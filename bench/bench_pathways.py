"""Transitiehuis: the dashboard over 100,000 candidates and 1,000,000 stage transitions, and the
query counts of the candidate list and the board.

The volume comes from ``load_demo --scale 100``; at a smaller scale this module adds the missing
generated candidates and purged routes itself (once; later runs reuse them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

CANDIDATES = 100_000
TRANSITIONS = 1_000_000


def _ensure_volume() -> tuple[int, int]:
    from wattwijs.pathways import demo
    from wattwijs.pathways.models import Candidate, StageTransition

    curated = Candidate.objects.exclude(first_name="Gegenereerd").count()
    generated = max(0, CANDIDATES - curated)
    purged = StageTransition.objects.filter(candidate__isnull=True, from_stage="").count()
    demo.generate_volume(candidates=generated, purged_routes=purged)
    total = StageTransition.objects.count()
    while total < TRANSITIONS:
        # A purged route left seven stage transitions on average.
        purged += (TRANSITIONS - total) // 7 + 1
        demo.generate_volume(candidates=generated, purged_routes=purged)
        total = StageTransition.objects.count()
    return Candidate.objects.count(), total


def run(bench: Bench) -> None:
    from django.db import connection
    from django.test import Client

    from wattwijs.core.demo import demo_email
    from wattwijs.core.models import User

    candidates, transitions = _ensure_volume()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    note = f"{candidates:,} candidates, {transitions:,} stage transitions"

    coordinator = Client()
    coordinator.force_login(User.objects.get(email=demo_email("coordinator")))
    admin = Client()
    admin.force_login(User.objects.get(email=demo_email("platformbeheer")))

    bench.page("pathways dashboard, all chains", "/transitiehuis/dashboard/", client=admin, note=note, requests=30)
    bench.page(
        "pathways dashboard, one chain",
        "/transitiehuis/ketens/transitiehuis-utrecht/dashboard/",
        client=coordinator,
        note=note,
        requests=30,
    )
    bench.page("pathways candidate list", "/transitiehuis/kandidaten/", client=coordinator, note=note)
    bench.page(
        "pathways board",
        "/transitiehuis/ketens/transitiehuis-utrecht/bord/",
        client=coordinator,
        note=note,
        requests=30,
    )
