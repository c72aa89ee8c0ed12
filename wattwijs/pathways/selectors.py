"""Reads of the Transitiehuis. Lists are permission-filtered in SQL; the dashboard aggregates in SQL."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone

from wattwijs.core.models import AuditEntry, Organisation, Region
from wattwijs.core.permissions import COORDINATOR_ROLES, AnyUser
from wattwijs.pathways import permissions
from wattwijs.pathways.models import (
    CHECKPOINT_MONTHS,
    ROUTE,
    AftercareCheckpoint,
    Candidate,
    Chain,
    ChainStep,
    CheckpointOutcome,
    DropoutReason,
    LearningPlace,
    Placement,
    Stage,
    StageFlow,
    StageFlowMonth,
    StageTransition,
    Step,
)
from wattwijs.pathways.permissions import Access

# Days in one stage after which a card is highlighted on the board.
LONG_IN_STAGE_DAYS = 30
# Aggregates over fewer people than this are not shown (small cells could identify someone).
SUPPRESS_BELOW = 5
BOARD_CARDS_PER_STAGE = 25


# Chains ---------------------------------------------------------------------------


def chain_list() -> QuerySet[Chain]:
    return Chain.objects.select_related("region", "coordinating_organisation").annotate(
        partner_count=Count("steps__organisation", distinct=True)
    )


def chain_get(*, slug: str) -> Chain:
    try:
        return Chain.objects.select_related("region", "coordinating_organisation").get(slug=slug)
    except Chain.DoesNotExist as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class StepRow:
    step: str
    label: str
    partners: list[Organisation]

    @property
    def is_gap(self) -> bool:
        return not self.partners

    @property
    def is_overlap(self) -> bool:
        return len(self.partners) > 1


@dataclass(frozen=True)
class ChainOverview:
    steps: list[StepRow]
    partners: list[tuple[Organisation, list[str]]]

    @property
    def gaps(self) -> list[StepRow]:
        return [row for row in self.steps if row.is_gap]

    @property
    def overlaps(self) -> list[StepRow]:
        return [row for row in self.steps if row.is_overlap]


def chain_overview(*, chain: Chain) -> ChainOverview:
    """Who takes on which step: per step its partners (none = gap, two or more = overlap), and per partner its steps."""
    rows = list(ChainStep.objects.filter(chain=chain).select_related("organisation").order_by("organisation__name"))
    by_step: dict[str, list[Organisation]] = {step: [] for step in Step.values}
    by_partner: dict[int, tuple[Organisation, list[str]]] = {}
    for row in rows:
        by_step[row.step].append(row.organisation)
        by_partner.setdefault(row.organisation_id, (row.organisation, []))[1].append(str(Step(row.step).label))
    steps = [StepRow(step, str(Step(step).label), by_step[step]) for step in Step.values]
    return ChainOverview(steps=steps, partners=list(by_partner.values()))


# Candidates -----------------------------------------------------------------------


@dataclass(frozen=True)
class CandidateFilters:
    q: str = ""
    chain: str = ""
    stage: str = ""
    coach: int | None = None
    source: str = ""
    theme: str = ""


def _filtered(user: AnyUser, filters: CandidateFilters, *, chain: Chain | None = None) -> QuerySet[Candidate]:
    if chain is not None and permissions.can_coordinate(user, chain):
        # The chain's coordinator sees all of it: a plain indexed filter instead of the general one.
        queryset = Candidate.objects.filter(chain=chain)
    else:
        queryset = Candidate.objects.filter(permissions.visible_candidates_filter(user))
        if chain is not None:
            queryset = queryset.filter(chain=chain)
    if filters.q:
        queryset = queryset.filter(Q(first_name__icontains=filters.q) | Q(last_name__icontains=filters.q))
    if filters.chain:
        queryset = queryset.filter(chain__slug=filters.chain)
    if filters.stage:
        queryset = queryset.filter(stage=filters.stage)
    if filters.coach:
        queryset = queryset.filter(coach_id=filters.coach)
    if filters.source:
        queryset = queryset.filter(referral_source=filters.source)
    if filters.theme:
        # One theme code matches at most one link row per candidate, so no DISTINCT is needed.
        queryset = queryset.filter(themes__code=filters.theme)
    return queryset


def candidate_list(*, user: AnyUser, filters: CandidateFilters) -> QuerySet[Candidate]:
    """The candidates ``user`` may see, filtered in SQL, with chain and coach loaded."""
    return (
        _filtered(user, filters)
        .select_related("chain", "coach")
        .only(
            "first_name",
            "last_name",
            "stage",
            "stage_entered_at",
            "next_action",
            "is_fictitious",
            "chain__name",
            "chain__slug",
            "coach__first_name",
            "coach__last_name",
            "coach__email",
        )
        .order_by("last_name", "first_name", "pk")
    )


def candidate_stage_counts(*, user: AnyUser, filters: CandidateFilters) -> dict[str, int]:
    rows = _filtered(user, filters).order_by().values_list("stage").annotate(n=Count("*"))
    return dict(rows)


def candidate_get(*, user: AnyUser, pk: int) -> tuple[Candidate, Access]:
    """A candidate and how much of it ``user`` may see; 404 when unknown, 403 when not theirs."""
    try:
        candidate = Candidate.objects.select_related("chain__coordinating_organisation", "coach", "region").get(pk=pk)
    except Candidate.DoesNotExist as exc:
        raise Http404 from exc
    access = permissions.candidate_access(user, candidate)
    if access == Access.NONE:
        raise PermissionDenied
    return candidate, access


def candidate_get_editable(*, user: AnyUser, pk: int) -> Candidate:
    candidate, _access = candidate_get(user=user, pk=pk)
    if not permissions.can_edit_candidate(user, candidate):
        raise PermissionDenied
    return candidate


def candidate_get_for_records(*, user: AnyUser, pk: int) -> Candidate:
    """A candidate ``user`` may add orientation activities and contact moments to; 403 otherwise."""
    candidate, _access = candidate_get(user=user, pk=pk)
    if not permissions.can_add_records(user, candidate):
        raise PermissionDenied
    return candidate


def days_in_stage(candidate: Candidate, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    return (today - timezone.localtime(candidate.stage_entered_at).date()).days


@dataclass
class CandidateFile:
    """What the candidate page shows, loaded in a fixed number of queries."""

    candidate: Candidate
    access: Access
    consents: list[Any]
    transitions: list[StageTransition]
    orientation: list[Any]
    contacts: list[Any]
    action_points: list[Any]
    placements: list[Placement]
    themes: list[Any]
    competences: list[Any]
    checkpoints_due: list[tuple[Placement, int, datetime.date]] = field(default_factory=list)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved ``months`` months on (or back); days after the 28th become the 28th, so every month has them.

    The ``month``-month aftercare checkpoint of a placement is due ``add_months(start, month)``.
    """
    year, month_index = divmod(day.month - 1 + months, 12)
    return datetime.date(day.year + year, month_index + 1, min(day.day, 28))


@dataclass(frozen=True)
class CheckpointDue:
    placement: Placement
    candidate: Candidate
    month: int
    due: datetime.date


def aftercare_due(*, until: datetime.date, placements: QuerySet[Placement] | None = None) -> list[CheckpointDue]:
    """The aftercare checkpoints due on or before ``until`` that are not recorded yet, earliest first.

    Only running placements of candidates still in the system count. The first checkpoint falls a month
    after the start, so only placements that started at least that long before ``until`` are read.
    """
    earliest_start = add_months(until, -CHECKPOINT_MONTHS[0])
    queryset = (placements if placements is not None else Placement.objects.all()).filter(
        candidate__isnull=False, ended_on__isnull=True, start_date__lte=earliest_start + datetime.timedelta(days=3)
    )
    rows = queryset.select_related(
        "candidate__chain", "candidate__coach", "learning_place__organisation"
    ).prefetch_related(Prefetch("checkpoints", queryset=AftercareCheckpoint.objects.only("placement_id", "month")))
    due = []
    for placement in rows:
        done = {checkpoint.month for checkpoint in placement.checkpoints.all()}
        candidate = placement.candidate
        if candidate is None:  # excluded by the filter; this keeps the type narrow
            continue
        for month in CHECKPOINT_MONTHS:
            day = add_months(placement.start_date, month)
            if month not in done and day <= until:
                due.append(CheckpointDue(placement=placement, candidate=candidate, month=month, due=day))
    return sorted(due, key=lambda item: (item.due, item.placement.pk, item.month))


AFTERCARE_AHEAD_DAYS = 14


def aftercare_to_do(*, user: AnyUser, today: datetime.date) -> list[CheckpointDue]:
    """The aftercare checkpoints ``user`` follows up (their coachees', or their chains' as coordinator) that are
    overdue or due within ``AFTERCARE_AHEAD_DAYS``, earliest first."""
    followed = Candidate.objects.filter(permissions.editable_candidates_filter(user)).values("pk")
    return aftercare_due(
        until=today + datetime.timedelta(days=AFTERCARE_AHEAD_DAYS),
        placements=Placement.objects.filter(candidate_id__in=followed),
    )


def coordinator_emails(*, chain_ids: Iterable[int]) -> dict[int, list[str]]:
    """The e-mail addresses of each chain's coordinators."""
    from wattwijs.core.models import Membership

    rows = (
        Membership.objects.filter(organisation__coordinated_chains__in=list(chain_ids), role__in=COORDINATOR_ROLES)
        .exclude(user__email="")
        .values_list("organisation__coordinated_chains", "user__email")
        .order_by("user__email")
    )
    emails: dict[int, list[str]] = {}
    for chain_id, email in rows:
        emails.setdefault(chain_id, []).append(email)
    return emails


def candidate_file(*, candidate: Candidate, access: Access) -> CandidateFile:
    from wattwijs.framework.selectors import alignments_of

    full = access >= Access.FULL
    placements = list(
        candidate.placements.select_related("learning_place__organisation").prefetch_related(
            Prefetch("checkpoints", queryset=AftercareCheckpoint.objects.order_by("month"))
        )
    )
    due: list[tuple[Placement, int, datetime.date]] = []
    for placement in placements:
        done = {checkpoint.month for checkpoint in placement.checkpoints.all()}
        for month in CHECKPOINT_MONTHS:
            if month not in done:
                due.append((placement, month, add_months(placement.start_date, month)))
    return CandidateFile(
        candidate=candidate,
        access=access,
        consents=list(candidate.consents.prefetch_related("grants__organisation").select_related("recorded_by"))
        if access >= Access.BASIC
        else [],
        transitions=list(candidate.transitions.select_related("actor")) if full else [],
        orientation=list(candidate.orientation_activities.select_related("host")) if full else [],
        contacts=list(candidate.contact_moments.select_related("coach")) if full else [],
        action_points=list(candidate.action_points.all()) if full else [],
        placements=placements if access >= Access.MINIMAL else [],
        themes=list(candidate.themes.all()) if full else [],
        competences=alignments_of(obj=candidate)["work_process"] if full else [],
        checkpoints_due=due if full else [],
    )


def access_log(*, candidate: Candidate) -> QuerySet[AuditEntry]:
    """Who looked at, exported or changed this candidate's file, newest first."""
    return AuditEntry.objects.filter(object_type="pathways.candidate", object_id=str(candidate.pk)).select_related(
        "actor", "organisation"
    )


def coaches_of(*, chain: Chain | None = None) -> QuerySet[Any]:
    from wattwijs.core.models import Membership, Role, User

    members = Membership.objects.filter(role=Role.COACH)
    if chain is not None:
        members = members.filter(organisation__chain_steps__chain=chain)
    return User.objects.filter(pk__in=members.values("user_id")).order_by("first_name", "last_name")


def chains_for_registration(*, user: AnyUser) -> QuerySet[Chain]:
    return Chain.objects.filter(permissions.registering_chains_filter(user)).distinct().order_by("name")


def chain_partners(*, chains: Iterable[Chain]) -> QuerySet[Organisation]:
    """The partner organisations of ``chains``."""
    ids = [chain.pk for chain in chains]
    return Organisation.objects.filter(
        pk__in=ChainStep.objects.filter(chain_id__in=ids).values("organisation_id")
    ).order_by("name")


# Board ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardColumn:
    stage: str
    label: str
    count: int
    cards: list[Candidate]
    next_stages: list[tuple[str, str]]


def board(*, user: AnyUser, chain: Chain, filters: CandidateFilters) -> list[BoardColumn]:
    """One column per stage with its count and the longest-waiting candidates: two queries whatever the count.

    The first reads, from the (chain, stage, stage_entered_at, id) index alone, the first cards of each stage
    with the size of their stage; the second loads those few cards with their coach.
    """
    from wattwijs.pathways.services import allowed_next_stages

    filters = CandidateFilters(coach=filters.coach, source=filters.source, theme=filters.theme)
    visible = _filtered(user, filters, chain=chain)
    first_per_stage = (
        visible.annotate(
            position=Window(
                RowNumber(), partition_by=[F("stage")], order_by=[F("stage_entered_at").asc(), F("pk").asc()]
            ),
            in_stage=Window(Count("pk"), partition_by=[F("stage")]),
        )
        .filter(position__lte=BOARD_CARDS_PER_STAGE)
        .order_by()
        .values_list("pk", "stage", "in_stage")
    )
    counts: dict[str, int] = {}
    card_ids = []
    for pk, stage, in_stage in first_per_stage:
        counts[stage] = in_stage
        card_ids.append(pk)
    ranked = (
        Candidate.objects.filter(pk__in=card_ids)
        .select_related("coach")
        .only(
            "first_name",
            "last_name",
            "stage",
            "stage_entered_at",
            "next_action",
            "version",
            "is_fictitious",
            "coach__first_name",
            "coach__last_name",
            "coach__email",
        )
        .order_by("stage_entered_at", "pk")
    )
    cards: dict[str, list[Candidate]] = {stage: [] for stage in Stage.values}
    today = timezone.localdate()
    for candidate in ranked:
        candidate.days_in_stage = days_in_stage(candidate, today)  # type: ignore[attr-defined]
        candidate.is_long_in_stage = candidate.days_in_stage > LONG_IN_STAGE_DAYS  # type: ignore[attr-defined]
        cards[candidate.stage].append(candidate)
    columns = []
    for stage in Stage.values:
        next_stages = [(value, str(Stage(value).label)) for value in allowed_next_stages(stage)]
        columns.append(BoardColumn(stage, str(Stage(stage).label), counts.get(stage, 0), cards[stage], next_stages))
    return columns


# Learning places ------------------------------------------------------------------


def learning_place_list(*, chain: Chain | None = None) -> QuerySet[LearningPlace]:
    queryset = LearningPlace.objects.select_related("organisation", "chain", "theme").annotate(
        taken=Count("placements", filter=Q(placements__ended_on__isnull=True, placements__candidate__isnull=False))
    )
    if chain is not None:
        queryset = queryset.filter(chain=chain)
    return queryset.order_by("organisation__name", "title", "pk")


def current_placements(*, chain: Chain) -> QuerySet[Placement]:
    """The chain's running placements of candidates whose file still exists, newest first."""
    return (
        Placement.objects.filter(chain=chain, ended_on__isnull=True, candidate__isnull=False)
        .select_related("learning_place__organisation", "candidate")
        .order_by("-start_date", "-pk")
    )


def learning_place_get(*, pk: int) -> LearningPlace:
    try:
        return learning_place_list().get(pk=pk)
    except LearningPlace.DoesNotExist as exc:
        raise Http404 from exc


def learning_place_get_manageable(*, user: AnyUser, pk: int) -> LearningPlace:
    """A learning place ``user`` may change: 404 when there is none, 403 when it is not theirs to change."""
    place = learning_place_get(pk=pk)
    if not permissions.can_manage_place(user, place):
        raise PermissionDenied
    return place


def manageable_place_ids(*, user: AnyUser, places: Iterable[LearningPlace]) -> set[int]:
    """Which of ``places`` ``user`` may change: one query for a page of places."""
    ids = [place.pk for place in places]
    if not ids or not user.is_authenticated:
        return set()
    return set(
        LearningPlace.objects.filter(pk__in=ids)
        .filter(permissions.managed_places_filter(user))
        .values_list("pk", flat=True)
    )


def place_offers(*, user: AnyUser) -> QuerySet[ChainStep]:
    """The (chain, training company) pairs ``user`` may offer a new learning place for."""
    return (
        ChainStep.objects.filter(permissions.place_offers_filter(user))
        .select_related("chain", "organisation")
        .order_by("chain__name", "organisation__name", "pk")
    )


def placement_get(*, user: AnyUser, pk: int) -> Placement:
    try:
        placement = Placement.objects.select_related("candidate__chain", "learning_place__organisation").get(pk=pk)
    except Placement.DoesNotExist as exc:
        raise Http404 from exc
    if placement.candidate is None or not permissions.can_edit_candidate(user, placement.candidate):
        raise PermissionDenied
    return placement


# Dashboard ------------------------------------------------------------------------


def suppress(value: int | None) -> int | None:
    """A count of fewer than five people is not shown."""
    if value is None or value < SUPPRESS_BELOW:
        return None
    return value


@dataclass(frozen=True)
class FunnelRow:
    stage: str
    label: str
    reached: int | None
    conversion: int | None  # percentage of the previous stage's people that reached this one
    median_days: float | None
    dropped_out: int | None


@dataclass(frozen=True)
class Dashboard:
    funnel: list[FunnelRow]
    dropout_reasons: list[tuple[str, str, int | None]]  # (stage label, reason label, count)
    sustainable: list[tuple[int, int | None, int | None, int | None]]  # (month, checked, working, percent)
    caseload: list[tuple[str, int | None]]
    total: int | None

    @property
    def max_reached(self) -> int:
        return max((row.reached or 0 for row in self.funnel), default=0)


def _scope(queryset: QuerySet[Any], *, chain: Chain | None, region: Region | None) -> QuerySet[Any]:
    if chain is not None:
        return queryset.filter(chain=chain)
    if region is not None:
        return queryset.filter(chain__region=region)
    return queryset


def _median_days(histogram: list[tuple[int, int]]) -> float | None:
    """The median of a (days, people) histogram ordered by days."""
    total = sum(people for _days, people in histogram)
    if total == 0:
        return None
    middle = [(total - 1) // 2, total // 2]  # the two middle positions (the same one for an odd total)
    values: list[int] = []
    seen = 0
    for days, people in histogram:
        while len(values) < 2 and middle[len(values)] < seen + people:
            values.append(days)
        seen += people
    return sum(values) / 2


def dashboard(*, chain: Chain | None = None, region: Region | None = None) -> Dashboard:
    """Funnel, conversion, median days per stage, drop-out, sustainable placement and caseload, all in SQL.

    Read from anonymous aggregates (``StageFlow``, aftercare outcomes), so purged routes still count and the
    cost does not grow with the number of transitions.
    """
    flows = _scope(StageFlow.objects.order_by(), chain=chain, region=region)
    moves: dict[tuple[str, str], int] = {}
    reason_counts: dict[tuple[str, str], int] = {}
    for from_stage, to_stage, reason, n in flows.values_list("from_stage", "to_stage", "reason").annotate(
        n=Sum("people")
    ):
        moves[(from_stage, to_stage)] = moves.get((from_stage, to_stage), 0) + n
        if to_stage == Stage.DROPPED_OUT:
            reason_counts[(from_stage, reason)] = reason_counts.get((from_stage, reason), 0) + n
    histograms: dict[str, list[tuple[int, int]]] = {}
    for from_stage, days, n in (
        flows.exclude(from_stage="")
        .values_list("from_stage", "days")
        .annotate(n=Sum("people"))
        .order_by("from_stage", "days")
    ):
        histograms.setdefault(from_stage, []).append((days, n))
    reached: dict[str, int] = {}
    leaving: dict[str, int] = {}
    for (from_stage, to_stage), n in moves.items():
        reached[to_stage] = reached.get(to_stage, 0) + n
        if from_stage:
            leaving[from_stage] = leaving.get(from_stage, 0) + n
    funnel = []
    previous: int | None = None
    for stage in ROUTE:
        count = reached.get(stage, 0)
        conversion = None
        if previous is not None and suppress(previous) and suppress(count):
            conversion = round(100 * count / previous)
        median = _median_days(histograms.get(stage, [])) if suppress(leaving.get(stage, 0)) else None
        funnel.append(
            FunnelRow(
                stage=stage,
                label=str(Stage(stage).label),
                reached=suppress(count),
                conversion=conversion,
                median_days=median,
                dropped_out=suppress(moves.get((stage, Stage.DROPPED_OUT), 0)),
            )
        )
        previous = count
    order = {stage: index for index, stage in enumerate(Stage.values)}
    dropout = [
        (str(Stage(from_stage).label), str(DropoutReason(reason).label) if reason else "—", suppress(n))
        for (from_stage, reason), n in sorted(reason_counts.items(), key=lambda item: (order[item[0][0]], item[0][1]))
    ]
    checkpoints = _scope(AftercareCheckpoint.objects.order_by(), chain=chain, region=region)
    outcomes: dict[tuple[int, str], int] = {
        (month, outcome): n for month, outcome, n in checkpoints.values_list("month", "outcome").annotate(n=Count("*"))
    }
    sustainable = []
    for month in (6, 12):
        checked = sum(n for (m, _outcome), n in outcomes.items() if m == month)
        working = outcomes.get((month, CheckpointOutcome.WORKING), 0) + outcomes.get(
            (month, CheckpointOutcome.IN_TRAINING), 0
        )
        percent = round(100 * working / checked) if suppress(checked) and suppress(working) else None
        sustainable.append((month, suppress(checked), suppress(working), percent))
    return Dashboard(
        funnel=funnel,
        dropout_reasons=dropout,
        sustainable=sustainable,
        caseload=_caseload(chain=chain, region=region),
        total=suppress(reached.get(Stage.REGISTERED, 0)),
    )


# The stages shown per month: who came in, got to the main steps, or left.
MONTHLY_STAGES = (
    Stage.REGISTERED,
    Stage.INTAKE,
    Stage.TRAINING,
    Stage.PLACEMENT,
    Stage.COMPLETED,
    Stage.DROPPED_OUT,
)


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date
    counts: list[int | None]  # people reaching each of MONTHLY_STAGES in the month, small counts suppressed

    @property
    def inflow(self) -> int | None:
        return self.counts[0]


@dataclass(frozen=True)
class OverTime:
    stages: list[tuple[str, str]]  # (code, label) of the columns
    months: list[MonthRow]

    @property
    def inflow_total(self) -> int | None:
        return suppress(sum(row.inflow or 0 for row in self.months))

    @property
    def max_inflow(self) -> int:
        return max((row.inflow or 0 for row in self.months), default=0)


def dashboard_over_time(
    *, chain: Chain | None = None, region: Region | None = None, months: int = 12, today: datetime.date | None = None
) -> OverTime:
    """Per month of the last ``months`` (this one included): how many people registered and reached the main
    stages, summed in SQL from the anonymous monthly aggregate. Counts under five are suppressed."""
    today = today or timezone.localdate()
    this_month = today.replace(day=1)
    first = add_months(this_month, -(months - 1))
    rows = (
        _scope(StageFlowMonth.objects.order_by(), chain=chain, region=region)
        .filter(month__gte=first, month__lte=this_month, to_stage__in=MONTHLY_STAGES)
        .values_list("month", "to_stage")
        .annotate(n=Sum("people"))
    )
    counts = {(month, stage): n for month, stage, n in rows}
    month_list = [add_months(first, offset) for offset in range(months)]
    return OverTime(
        stages=[(stage, str(Stage(stage).label)) for stage in MONTHLY_STAGES],
        months=[
            MonthRow(month=month, counts=[suppress(counts.get((month, stage), 0)) for stage in MONTHLY_STAGES])
            for month in month_list
        ],
    )


def _caseload(*, chain: Chain | None, region: Region | None) -> list[tuple[str, int | None]]:
    """Candidates in a route per coach: counted on the coach id, names read afterwards for the few coaches."""
    from wattwijs.core.models import User

    active = _scope(Candidate.objects.order_by(), chain=chain, region=region).filter(
        stage__in=[stage for stage in Stage.values if stage not in (Stage.COMPLETED, Stage.DROPPED_OUT)]
    )
    # Grouped on (stage, coach) in the order of the (chain, stage, coach) index, which answers on its own.
    counts: dict[int, int] = {}
    for _stage, coach, n in active.values_list("stage", "coach_id").annotate(n=Count("*")):
        if coach is not None:
            counts[coach] = counts.get(coach, 0) + n
    coaches = User.objects.filter(pk__in=list(counts)).order_by("first_name", "last_name", "email")
    return [(str(coach), suppress(counts[coach.pk])) for coach in coaches]


def candidate_content_type() -> ContentType:
    return ContentType.objects.get_for_model(Candidate)


def retention_months() -> int:
    return int(getattr(settings, "PATHWAYS_RETENTION_MONTHS", 24))


def placements_per_region_theme(*, since: datetime.date) -> dict[tuple[int, int], int]:
    """How many placements started since ``since`` per (chain region id, learning place theme id).

    Aggregated counts only; placements at learning places without a theme are left out.
    """
    rows = (
        Placement.objects.filter(start_date__gte=since, learning_place__theme__isnull=False)
        .values_list("chain__region_id", "learning_place__theme_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {(region_id, theme_id): count for region_id, theme_id, count in rows}
