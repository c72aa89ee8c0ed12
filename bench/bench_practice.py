"""Practice examples and navolging: the spread overview over 5,000 practices and 50,000 adoptions.

The practices and adoptions are added inside a transaction that is rolled back afterwards: 5,000 published
practices spread over the regions, each followed by ten other regions with statuses in turn and a start date
for those that started. Measured: the spread overview (first page, a later page, and with the similar regions
of one practice), the practice list and one practice page with its "wie volgt dit al" section, for a visitor and
for a signed-in coordinator; each with its query count.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

PRACTICES = 5_000
ADOPTIONS_PER_PRACTICE = 10


def _fill() -> str:
    """Add the practices and adoptions; returns the slug of one practice with adoptions and themes."""
    from django.utils import timezone

    from wattwijs.core.models import Organisation, Region, Theme
    from wattwijs.practice.models import Adoption, AdoptionStatus, Practice, PracticeTargetGroup, PublicationStatus

    regions = list(Region.objects.order_by("pk"))
    owner = Organisation.objects.order_by("pk").first()
    if owner is None:
        raise SystemExit("bench_practice needs at least one organisation; run load_demo first")
    statuses = list(AdoptionStatus.values)
    start = datetime(2024, 1, 1, 9, tzinfo=timezone.get_current_timezone())
    practices = Practice.objects.bulk_create(
        Practice(
            title=f"Benchvoorbeeld {n:05d}",
            slug=f"benchvoorbeeld-{n:05d}",
            summary="Gegenereerd voor de benchmark.",
            region=regions[n % len(regions)],
            owner=owner,
            target_group=PracticeTargetGroup.JOB_SEEKERS,
            status=PublicationStatus.PUBLISHED,
            published_at=start + timedelta(days=n % 365),
            is_fictitious=True,
        )
        for n in range(PRACTICES)
    )
    adoptions = []
    for n, practice in enumerate(practices):
        published = (start + timedelta(days=n % 365)).date()
        others = [r for r in regions if r.pk != practice.region_id]
        for k in range(ADOPTIONS_PER_PRACTICE):
            status = statuses[(n + k) % len(statuses)]
            started = status in (AdoptionStatus.STARTED, AdoptionStatus.EMBEDDED, AdoptionStatus.STOPPED)
            adoptions.append(
                Adoption(
                    practice=practice,
                    region=others[(n * 7 + k * 3) % len(others)],
                    status=status,
                    started_on=min(published + timedelta(days=30 + (n + k * 11) % 300), date(2026, 1, 1))
                    if started
                    else None,
                    is_fictitious=True,
                )
            )
    Adoption.objects.bulk_create(adoptions, batch_size=5_000, ignore_conflicts=True)
    chosen = practices[17]
    chosen.themes.set(Theme.objects.order_by("position")[:2])
    return chosen.slug


def _coordinator_client() -> object:
    """A test client signed in as a coordinator of an organisation in a region, as the demo has them."""
    from django.test import Client

    from wattwijs.core.models import Membership, Role

    membership = Membership.objects.filter(role=Role.COORDINATOR, organisation__region__isnull=False).first()
    if membership is None:
        raise SystemExit("bench_practice needs a coordinator; run load_demo first")
    client = Client()
    client.force_login(membership.user)
    return client


def run(bench: Bench) -> None:
    from django.db import connection, transaction

    from wattwijs.practice.models import Adoption, Practice

    with transaction.atomic():
        slug = _fill()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        note = f"{Practice.objects.count()} practices, {Adoption.objects.count()} adoptions, rolled back"
        bench.page("practice spread overview", "/praktijk/navolging/", note=note)
        bench.page("practice spread overview, page 100", "/praktijk/navolging/?page=100", note=note)
        bench.page("practice spread overview with similar regions", f"/praktijk/navolging/?voorbeeld={slug}", note=note)
        bench.page("practice list", "/praktijk/", note=note, requests=30)
        bench.page("practice detail with its adoptions", f"/praktijk/voorbeelden/{slug}/", note=note, requests=30)
        coordinator = _coordinator_client()
        signed_in = "practice list, signed in as a coordinator"
        bench.page(signed_in, "/praktijk/", client=coordinator, note=note, requests=30)
        bench.page(
            "practice detail, signed in as a coordinator",
            f"/praktijk/voorbeelden/{slug}/",
            client=coordinator,
            note=note,
            requests=30,
        )
        transaction.set_rollback(True)
