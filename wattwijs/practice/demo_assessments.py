"""Demo self-assessments and navolging: six regions that assessed themselves twice, and adoptions of the demo
practices by other regions. Everything is marked ``is_fictitious`` and labelled "fictief" in the interface."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from wattwijs.core.models import Organisation
from wattwijs.practice.models import (
    Adoption,
    AdoptionStatus,
    AdoptionStatusChange,
    AssessmentScore,
    Practice,
    PublicationStatus,
    SelfAssessment,
    SuccessFactor,
)

MOMENTS = (date(2025, 9, 15), date(2026, 3, 16))
REGIONS = 6
NOTE = "Fictieve demoscore."
STATUS_CYCLE = (
    AdoptionStatus.STARTED,
    AdoptionStatus.INTEREST,
    AdoptionStatus.EMBEDDED,
    AdoptionStatus.PREPARING,
    AdoptionStatus.STARTED,
    AdoptionStatus.STOPPED,
)
ADAPTED = (
    "Vier dagen werk en één dag school werd drie dagen werk en twee dagen school, omdat de school hier geen "
    "vrijdagklas heeft. (Fictief demovoorbeeld.)"
)


def _regional_organisations() -> dict[int, Organisation]:
    """One fictitious organisation per region that has one, to assess and adopt on its behalf."""
    chosen: dict[int, Organisation] = {}
    for organisation in Organisation.objects.filter(is_fictitious=True).order_by("name", "pk"):
        chosen.setdefault(organisation.region_id, organisation)
    return chosen


def _load_assessments(organisations: dict[int, Organisation], practices: list[Practice]) -> None:
    factors = list(SuccessFactor.objects.order_by("position", "pk"))
    practice_regions = sorted({p.region_id for p in practices if p.region_id in organisations})
    others = sorted(set(organisations) - set(practice_regions))
    regions = (practice_regions + others)[:REGIONS]
    # A region scores high on the factors its own practices show, so "learn from" has something to offer.
    shown = {(p.region_id, f.pk) for p in practices for f in p.success_factors.all()}
    scores = []
    for r, region_id in enumerate(regions):
        for m, moment in enumerate(MOMENTS):
            assessment = SelfAssessment.objects.create(
                region_id=region_id, assessed_on=moment, assessed_by=organisations[region_id], is_fictitious=True
            )
            for f, factor in enumerate(factors):
                base = 2 + (r + f) % 2 if (region_id, factor.pk) in shown else (r * 2 + f) % 3
                score = min(3, base + m * ((r + f) % 2))
                scores.append(AssessmentScore(assessment=assessment, factor=factor, score=score, notes=NOTE))
    AssessmentScore.objects.bulk_create(scores)


def _load_adoptions(organisations: dict[int, Organisation], practices: list[Practice]) -> None:
    region_ids = sorted(organisations)
    adoptions: list[Adoption] = []
    for index, practice in enumerate(practices):
        candidates = [r for r in region_ids if r != practice.region_id]
        for step in range(index % 4):
            region_id = candidates[(index * 3 + step * 5) % len(candidates)]
            if any(a.practice_id == practice.pk and a.region_id == region_id for a in adoptions):
                continue
            status = STATUS_CYCLE[(index + step) % len(STATUS_CYCLE)]
            started = None
            if status in (AdoptionStatus.STARTED, AdoptionStatus.EMBEDDED, AdoptionStatus.STOPPED):
                published = practice.published_at.date() if practice.published_at else date(2025, 6, 1)
                started = min(published + timedelta(days=60 + 30 * ((index + step) % 7)), date(2026, 6, 1))
            adoptions.append(
                Adoption(
                    practice=practice,
                    region_id=region_id,
                    organisation=organisations[region_id],
                    status=status,
                    adapted=ADAPTED if step == 0 else "",
                    contact_name="Contactpersoon (fictief)",
                    contact_email=f"navolging{index + 1}-{step + 1}@demo.wattwijs.example",
                    started_on=started,
                    is_fictitious=True,
                )
            )
    Adoption.objects.bulk_create(adoptions)
    AdoptionStatusChange.objects.bulk_create(
        AdoptionStatusChange(adoption=a, status=a.status, changed_at=a.created_at)
        for a in Adoption.objects.filter(is_fictitious=True)
    )


@transaction.atomic
def load() -> None:
    """Demo self-assessments of six regions at two moments and adoptions across regions; idempotent."""
    if SelfAssessment.objects.filter(is_fictitious=True).exists():
        return
    organisations = _regional_organisations()
    if len(organisations) < 2:
        return
    practices = list(
        Practice.objects.filter(is_fictitious=True, status=PublicationStatus.PUBLISHED)
        .prefetch_related("success_factors")
        .order_by("title", "pk")
    )
    _load_assessments(organisations, practices)
    _load_adoptions(organisations, practices)
