"""Every read of matching: the arrays the scores are computed from, top lists, weights and decisions."""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from scipy.sparse import csr_matrix

from wattwijs.core.models import Region
from wattwijs.core.permissions import AnyUser
from wattwijs.framework.models import Alignment, Certificate, FrameworkUnit, Qualification, WorkProcess
from wattwijs.library.models import ResourceVersion
from wattwijs.matching import routes, scoring
from wattwijs.matching.assignment import Objective, Problem, solve
from wattwijs.matching.models import MatchDecision, MatchWeights, SavedRouteAdvice
from wattwijs.pathways import permissions as pathways_permissions
from wattwijs.pathways.models import END_STAGES, Candidate, Chain, LearningPlace, Stage
from wattwijs.training.models import AVAILABLE_STATUSES, TrainingOffer


def weights_for(*, chain: Chain) -> MatchWeights:
    """The chain's weights; the defaults when no coordinator changed them yet (not saved)."""
    found = MatchWeights.objects.filter(chain=chain).first()
    return found or MatchWeights(chain=chain)


def _radians(value: object) -> float:
    return math.radians(float(value))  # type: ignore[arg-type]


def place_table(*, places: QuerySet[LearningPlace] | None = None, chain: Chain | None = None) -> scoring.PlaceTable:
    """The arrays of the given places (or all places of ``chain``): five queries, whatever their number.

    Region coordinates come from the 35 regions once, and the alignments through a subquery, so neither a
    decimal per place nor a parameter per place is converted in Python.
    """
    queryset = places if places is not None else LearningPlace.objects.filter(chain=chain)
    rows = list(
        queryset.order_by("pk")
        .annotate(
            taken=Count("placements", filter=Q(placements__ended_on__isnull=True, placements__candidate__isnull=False))
        )
        .values_list(
            "pk",
            "organisation__region_id",
            "theme_id",
            "level",
            "hours_per_week",
            "start_date",
            "driving_licence_required",
            "capacity",
            "taken",
        )
    )
    points = {
        pk: (math.radians(lat), math.radians(lon))
        for pk, lat, lon in Region.objects.values_list("pk", "latitude", "longitude")
    }
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    content_type = ContentType.objects.get_for_model(LearningPlace)
    aligned = Alignment.objects.filter(content_type=content_type, object_id__in=queryset.values("pk"))
    direct = list(aligned.filter(work_process__isnull=False).values_list("object_id", "work_process_id"))
    unit_rows = list(aligned.filter(unit__isnull=False).values_list("object_id", "unit_id"))
    unit_wps: dict[int, list[int]] = defaultdict(list)
    if unit_rows:
        through = FrameworkUnit.work_processes.through
        for unit_id, wp_id in through.objects.filter(
            frameworkunit_id__in={unit for _place, unit in unit_rows}
        ).values_list("frameworkunit_id", "workprocess_id"):
            unit_wps[unit_id].append(wp_id)
    via_units = [(place, wp) for place, unit in unit_rows for wp in unit_wps[unit]]
    pairs = np.unique(np.array(direct + via_units, dtype=np.int64).reshape(-1, 2), axis=0)
    # ``ids`` is sorted (ordered by pk), so each place's row is found by binary search.
    matrix_rows = np.searchsorted(ids, pairs[:, 0])
    processes, matrix_cols = np.unique(pairs[:, 1], return_inverse=True)
    column_of = {int(wp): column for column, wp in enumerate(processes)}
    required = csr_matrix(
        (np.ones(len(matrix_rows)), (matrix_rows, matrix_cols.reshape(-1))), shape=(len(ids), max(len(column_of), 1))
    )
    return scoring.PlaceTable(
        ids=ids,
        latitude=np.array([points[row[1]][0] for row in rows], dtype=np.float64),
        longitude=np.array([points[row[1]][1] for row in rows], dtype=np.float64),
        theme=np.array([row[2] if row[2] is not None else -1 for row in rows], dtype=np.int64),
        level=np.array([row[3] or 0 for row in rows], dtype=np.int64),
        hours=np.array([row[4] or 0 for row in rows], dtype=np.int64),
        start=np.array([scoring.ordinal(row[5]) for row in rows], dtype=np.int64),
        licence=np.array([row[6] for row in rows], dtype=np.bool_),
        free=np.array([row[7] - row[8] for row in rows], dtype=np.int64),
        required=required,
        required_count=np.asarray(required.sum(axis=1), dtype=np.float64).reshape(len(ids)),
        column_of=column_of,
    )


def profiles(*, candidates: Iterable[Candidate]) -> dict[int, scoring.Profile]:
    """The scoring profile of each candidate (their region loaded with them): three queries."""
    candidates = list(candidates)
    ids = [c.pk for c in candidates]
    content_type = ContentType.objects.get_for_model(Candidate)
    mastered: dict[int, set[int]] = defaultdict(set)
    levels: dict[int, int] = {}
    for object_id, wp_id, level in Alignment.objects.filter(
        content_type=content_type, object_id__in=ids, work_process__isnull=False
    ).values_list("object_id", "work_process_id", "work_process__core_task__qualification__level"):
        mastered[object_id].add(wp_id)
        levels[object_id] = max(levels.get(object_id, 0), level or 0)
    themes: dict[int, set[int]] = defaultdict(set)
    for candidate_id, theme_id in Candidate.themes.through.objects.filter(candidate_id__in=ids).values_list(
        "candidate_id", "theme_id"
    ):
        themes[candidate_id].add(theme_id)
    return {
        c.pk: scoring.Profile(
            latitude=_radians(c.region.latitude),
            longitude=_radians(c.region.longitude),
            themes=frozenset(themes[c.pk]),
            work_processes=frozenset(mastered[c.pk]),
            level=levels.get(c.pk, 0),
            hours=c.hours_per_week or 0,
            available_from=scoring.ordinal(c.available_from),
            licence=c.driving_licence,
            travel_limit_km=float(c.travel_limit_km),
        )
        for c in candidates
    }


@dataclass
class Match:
    """One proposed pair with its score and the parts in words."""

    place: LearningPlace
    candidate: Candidate
    score: float
    percent: int
    allowed: bool
    words: list[str]


def top_places(*, candidate: Candidate, limit: int = 10) -> list[Match]:
    """The best places of the candidate's chain with a free seat: allowed pairs first, by score."""
    weights = weights_for(chain=candidate.chain).as_dict()
    table = place_table(chain=candidate.chain)
    profile = profiles(candidates=[candidate])[candidate.pk]
    scores = scoring.score(profile, table, weights)
    order = np.lexsort((-scores.total, ~scores.allowed))
    chosen = [int(i) for i in order if table.free[i] > 0][:limit]
    places = LearningPlace.objects.select_related("organisation", "theme").in_bulk([int(table.ids[i]) for i in chosen])
    return [
        Match(
            place=places[int(table.ids[i])],
            candidate=candidate,
            score=float(scores.total[i]),
            percent=round(100 * float(scores.total[i])),
            allowed=bool(scores.allowed[i]),
            words=scoring.explain(scores, table, i, profile),
        )
        for i in chosen
    ]


def pair_score(*, candidate: Candidate, place: LearningPlace) -> float:
    """The score of one pair under the chain's weights."""
    table = place_table(places=LearningPlace.objects.filter(pk=place.pk))
    profile = profiles(candidates=[candidate])[candidate.pk]
    return float(scoring.score(profile, table, weights_for(chain=candidate.chain).as_dict()).total[0])


def open_candidates(*, chain: Chain) -> QuerySet[Candidate]:
    """Candidates of the chain still on their route and not placed at the moment."""
    return (
        Candidate.objects.filter(chain=chain)
        .exclude(stage__in=[*END_STAGES, Stage.PLACEMENT, Stage.AFTERCARE])
        .exclude(placements__ended_on__isnull=True, placements__candidate__isnull=False)
        .select_related("region", "chain")
        .order_by("last_name", "first_name", "pk")
    )


def top_candidates(*, user: AnyUser, place: LearningPlace, limit: int = 10) -> list[Match]:
    """The best candidates for a place among the open candidates of its chain that ``user`` may see in full."""
    weights = weights_for(chain=place.chain).as_dict()
    table = place_table(places=LearningPlace.objects.filter(pk=place.pk))
    candidates = list(open_candidates(chain=place.chain).filter(pathways_permissions.editable_candidates_filter(user)))
    found = profiles(candidates=candidates)
    matches = []
    for candidate in candidates:
        profile = found[candidate.pk]
        scores = scoring.score(profile, table, weights)
        matches.append(
            Match(
                place=place,
                candidate=candidate,
                score=float(scores.total[0]),
                percent=round(100 * float(scores.total[0])),
                allowed=bool(scores.allowed[0]),
                words=scoring.explain(scores, table, 0, profile),
            )
        )
    matches.sort(key=lambda match: (not match.allowed, -match.score, match.candidate.pk))
    return matches[:limit]


def decisions_for(*, candidate: Candidate | None = None, place: LearningPlace | None = None) -> QuerySet[MatchDecision]:
    queryset = MatchDecision.objects.select_related("learning_place__organisation", "decided_by", "candidate")
    if candidate is not None:
        queryset = queryset.filter(candidate=candidate)
    if place is not None:
        queryset = queryset.filter(learning_place=place)
    return queryset


def candidate_personal_data(*, candidate: Candidate) -> dict[str, list[dict[str, object]]]:
    """What matching keeps about a candidate, as JSON-ready rows for their export (AVG art. 15)."""

    def when(value: datetime.datetime) -> str:
        return value.isoformat()

    return {
        "match_decisions": [
            {
                "learning_place": str(decision.learning_place),
                "decision": decision.decision,
                "reason": decision.reason,
                "score": round(decision.score, 4) if decision.score is not None else None,
                "decided_at": when(decision.decided_at),
                "decided_by": str(decision.decided_by) if decision.decided_by else None,
            }
            for decision in decisions_for(candidate=candidate).order_by("decided_at", "pk")
        ],
        "route_advice": [
            {
                "goal": advice.goal,
                "covered": list(advice.covered),
                "missing": list(advice.missing),
                "offers": list(advice.offers),
                "hours": advice.hours,
                "uncoverable": list(advice.uncoverable),
                "approximate": advice.approximate,
                "saved_at": when(advice.saved_at),
                "saved_by": str(advice.saved_by) if advice.saved_by else None,
            }
            for advice in SavedRouteAdvice.objects.filter(candidate=candidate)
            .select_related("saved_by")
            .order_by("saved_at", "pk")
        ],
    }


@dataclass
class CohortOption:
    place: LearningPlace
    score: float
    percent: int


@dataclass
class CohortRow:
    candidate: Candidate
    options: list[CohortOption]  # allowed places, best first
    proposed: int | None  # the optimal assignment's place id

    def score_of(self, place_id: int | None) -> float | None:
        return next((option.score for option in self.options if option.place.pk == place_id), None)


@dataclass
class Cohort:
    rows: list[CohortRow]
    places: dict[int, LearningPlace]
    free: dict[int, int]  # seats still open per place


def cohort_proposal(*, chain: Chain, objective: Objective) -> Cohort:
    """The optimal assignment of the chain's open candidates to its places with free seats."""
    weights = weights_for(chain=chain).as_dict()
    table = place_table(chain=chain)
    candidates = list(open_candidates(chain=chain))
    found = profiles(candidates=candidates)
    open_places = table.free > 0
    places = LearningPlace.objects.select_related("organisation").in_bulk([int(pk) for pk in table.ids[open_places]])
    pairs: list[tuple[int, int, float]] = []
    rows = []
    for index, candidate in enumerate(candidates):
        scores = scoring.score(found[candidate.pk], table, weights)
        usable = np.flatnonzero(scores.allowed & open_places)
        options = sorted(
            (
                CohortOption(
                    place=places[int(table.ids[i])],
                    score=float(scores.total[i]),
                    percent=round(100 * float(scores.total[i])),
                )
                for i in usable
            ),
            key=lambda option: (-option.score, option.place.pk),
        )
        pairs += [(index, int(i), float(scores.total[i])) for i in usable]
        rows.append(CohortRow(candidate=candidate, options=options, proposed=None))
    problem = Problem.build(n_candidates=len(candidates), capacities=np.maximum(table.free, 0), pairs=pairs)
    result = solve(problem, objective)
    for index, row in enumerate(rows):
        place = int(result.place_of[index])
        row.proposed = int(table.ids[place]) if place >= 0 else None
    free = {int(pk): int(seats) for pk, seats in zip(table.ids, table.free, strict=True) if seats > 0}
    return Cohort(rows=rows, places=places, free=free)


NEARBY_KM = 50.0


@dataclass
class RouteAdvice:
    """From what a person can to what a goal needs: covered and missing work processes, and how to close the gap."""

    goal_label: str
    covered: list[WorkProcess]
    missing: list[WorkProcess]
    offers: list[TrainingOffer]
    hours: float
    uncoverable: list[WorkProcess]
    materials: list[ResourceVersion]
    region: Region
    approximate: bool = False  # the offers are a good choice, not proven the cheapest


def goal_work_processes(
    *,
    qualification: Qualification | None = None,
    unit: FrameworkUnit | None = None,
    certificate: Certificate | None = None,
    place: LearningPlace | None = None,
) -> tuple[str, set[int]]:
    """The work processes a goal asks for, and the goal's name."""
    if qualification is not None:
        ids = WorkProcess.objects.filter(core_task__qualification=qualification).values_list("pk", flat=True)
        return str(qualification), set(ids)
    if unit is not None:
        return str(unit), set(unit.work_processes.values_list("pk", flat=True))
    if certificate is not None:
        return str(certificate), set(certificate.work_processes.values_list("pk", flat=True))
    if place is not None:
        table = place_table(places=LearningPlace.objects.filter(pk=place.pk))
        return str(place), set(table.column_of) if table.required_count.sum() else set()
    return "", set()


def route_advice(
    *,
    goal_label: str,
    goal: set[int],
    mastered: Iterable[int],
    certificates: Iterable[Certificate],
    region: Region,
) -> RouteAdvice:
    """Covered and missing work processes, the cheapest cover of the gap by available offers in or near
    ``region`` (weighted by study hours), and published learning materials aligned to the missing processes."""
    have = set(mastered)
    certificate_ids = [certificate.pk for certificate in certificates]
    if certificate_ids:
        # One query for the work processes of all the certificates together.
        have |= set(
            Certificate.work_processes.through.objects.filter(certificate_id__in=certificate_ids).values_list(
                "workprocess_id", flat=True
            )
        )
    covered_ids = goal & have
    missing_ids = goal - have
    latitudes = {r.pk: (float(r.latitude), float(r.longitude)) for r in Region.objects.all()}
    home = latitudes[region.pk]
    ids = np.array(list(latitudes), dtype=np.int64)
    points = np.radians(np.array(list(latitudes.values()), dtype=np.float64))
    km = scoring.distance_km(math.radians(home[0]), math.radians(home[1]), points[:, 0], points[:, 1])
    near = [int(pk) for pk in ids[km <= NEARBY_KM]]
    offer_type = ContentType.objects.get_for_model(TrainingOffer)
    offers = (
        TrainingOffer.objects.filter(status__in=AVAILABLE_STATUSES, regions__in=near)
        .filter(
            pk__in=Alignment.objects.filter(content_type=offer_type, work_process_id__in=missing_ids).values(
                "object_id"
            )
        )
        .distinct()
    )
    by_offer: dict[int, set[int]] = defaultdict(set)
    for object_id, wp in Alignment.objects.filter(
        content_type=offer_type, object_id__in=offers.values("pk"), work_process__isnull=False
    ).values_list("object_id", "work_process_id"):
        by_offer[object_id].add(wp)
    found = {offer.pk: offer for offer in offers}
    options = [
        routes.OfferOption(id=pk, hours=float(_offer_hours(offer)), work_processes=frozenset(by_offer[pk]))
        for pk, offer in found.items()
    ]
    cover = routes.cheapest_cover(missing_ids, options)
    version_type = ContentType.objects.get_for_model(ResourceVersion)
    materials = list(
        ResourceVersion.objects.filter(
            status=ResourceVersion.Status.PUBLISHED,
            pk__in=Alignment.objects.filter(content_type=version_type, work_process_id__in=missing_ids).values(
                "object_id"
            ),
        )
        .select_related("resource")
        .order_by("title", "pk")[:10]
    )
    processes = WorkProcess.objects.in_bulk(goal)
    ordered = sorted(processes.values(), key=lambda wp: wp.code)
    return RouteAdvice(
        goal_label=goal_label,
        covered=[wp for wp in ordered if wp.pk in covered_ids],
        missing=[wp for wp in ordered if wp.pk in missing_ids],
        offers=[found[pk] for pk in cover.chosen],
        hours=cover.hours,
        uncoverable=[wp for wp in ordered if wp.pk in cover.uncoverable],
        materials=materials,
        region=region,
        approximate=cover.approximate,
    )


def _offer_hours(offer: TrainingOffer) -> int:
    """Study hours of an offer: weeks x hours a week when known; an offer without them counts as 400 hours."""
    if offer.duration_weeks and offer.hours_per_week:
        return int(offer.duration_weeks) * int(offer.hours_per_week)
    return 400
