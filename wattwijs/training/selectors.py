"""Reads of the training map. Lists, facets and the matrix are counted in SQL; overlap in ``overlap``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wattwijs.core import caching
from wattwijs.core.models import Organisation, Region, Theme, localized
from wattwijs.core.permissions import AnyUser
from wattwijs.core.selectors import chosen_by_ids, title_matches
from wattwijs.framework.models import Alignment, FrameworkVersion, Qualification, WorkProcess
from wattwijs.framework.selectors import CompetenceWorkProcess, UnitWorkProcess
from wattwijs.training import overlap, permissions, snapshot
from wattwijs.training.models import (
    ACTIVE_STATUSES,
    AVAILABLE_STATUSES,
    LEVEL_CHOICES,
    OfferCell,
    OfferKind,
    OfferPartner,
    OfferStatus,
    OfferTargetGroup,
    OverlapMark,
    RegionPriorityTheme,
    TargetGroup,
    TrainingOffer,
    target_mask,
)
from wattwijs.training.overlap import OverlapPair

OfferRegion = TrainingOffer.regions.through
OfferTheme = TrainingOffer.themes.through

OFFER_SORTS = {
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    "start": ("start_date", "title", "pk"),
    "newest": ("-created_at", "-pk"),
    "places": ("-places_available", "title", "pk"),
}


@dataclass(frozen=True)
class OfferFilters:
    q: str = ""
    region: str = ""
    theme: str = ""
    kind: str = ""
    level: str = ""
    target: str = ""
    status: str = ""
    provider: str = ""
    sort: str = "title"


def _theme_offer_ids(code: str) -> QuerySet[Any]:
    """Offers with the theme or one of its sub-themes, as a subquery on the link table (no DISTINCT needed)."""
    themes = Theme.objects.filter(Q(code=code) | Q(parent__code=code))
    return OfferTheme.objects.filter(theme__in=themes).values("trainingoffer_id")


def _offer_queryset(filters: OfferFilters, *, skip: str = "") -> QuerySet[TrainingOffer]:
    queryset = TrainingOffer.objects.all()
    if filters.q:
        queryset = queryset.filter(Q(title__icontains=filters.q) | Q(description__icontains=filters.q))
    if filters.region and skip != "region":
        queryset = queryset.filter(
            pk__in=OfferRegion.objects.filter(region__code=filters.region).values("trainingoffer_id")
        )
    if filters.theme and skip != "theme":
        queryset = queryset.filter(pk__in=_theme_offer_ids(filters.theme))
    if filters.kind and skip != "kind":
        queryset = queryset.filter(kind=filters.kind)
    if filters.level and skip != "level":
        queryset = queryset.filter(level=int(filters.level))
    if filters.target and skip != "target":
        queryset = queryset.filter(
            pk__in=OfferTargetGroup.objects.filter(target_group=filters.target).values("offer_id")
        )
    if filters.status and skip != "status":
        if filters.status == "beschikbaar":
            queryset = queryset.filter(status__in=AVAILABLE_STATUSES)
        else:
            queryset = queryset.filter(status=filters.status)
    if filters.provider and skip != "provider":
        queryset = queryset.filter(
            pk__in=TrainingOffer.providers.through.objects.filter(organisation__slug=filters.provider).values(
                "trainingoffer_id"
            )
        )
    return queryset


def offer_list(filters: OfferFilters) -> QuerySet[TrainingOffer]:
    """The public list of offers: filtered, sorted, with what a result card shows loaded."""
    order = OFFER_SORTS.get(filters.sort, OFFER_SORTS["title"])
    return (
        _offer_queryset(filters)
        .prefetch_related(
            Prefetch("providers", queryset=Organisation.objects.only("name", "slug")),
            Prefetch("regions", queryset=Region.objects.only("code", "name")),
            Prefetch("themes", queryset=Theme.objects.only("code", "name_nl", "name_en")),
            "target_group_links",
        )
        .order_by(*order)
    )


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facets:
    groups: dict[str, list[FacetValue]]
    total: int


def offer_facets(filters: OfferFilters) -> Facets:
    """Counts per filter value, each group counted with the other filters applied; one query per group."""
    kinds = dict(OfferKind.choices)
    statuses = dict(OfferStatus.choices)
    levels = dict(LEVEL_CHOICES)
    targets = dict(TargetGroup.choices)

    def counts(skip: str, path: str) -> list[tuple[Any, int]]:
        rows = _offer_queryset(filters, skip=skip).order_by().values_list(path).annotate(n=Count("pk", distinct=True))
        return [(value, n) for value, n in rows if value is not None]

    region_rows = counts("region", "regions__code")
    region_names = dict(Region.objects.values_list("code", "name"))
    theme_rows = counts("theme", "themes__code")
    theme_names = {code: localized(nl, en) for code, nl, en in Theme.objects.values_list("code", "name_nl", "name_en")}
    groups = {
        "status": [FacetValue(v, str(statuses[v]), n) for v, n in counts("status", "status")],
        "kind": sorted((FacetValue(v, str(kinds[v]), n) for v, n in counts("kind", "kind")), key=lambda f: f.label),
        "level": [FacetValue(str(v), str(levels[v]), n) for v, n in sorted(counts("level", "level"))],
        "target": [FacetValue(v, str(targets[v]), n) for v, n in counts("target", "target_group_links__target_group")],
        "theme": sorted((FacetValue(v, theme_names[v], n) for v, n in theme_rows), key=lambda f: f.label),
        "region": sorted((FacetValue(v, region_names[v], n) for v, n in region_rows), key=lambda f: f.label),
    }
    total = _offer_queryset(filters).count()
    return Facets(groups=groups, total=total)


def offer_get(*, pk: int) -> TrainingOffer:
    try:
        return TrainingOffer.objects.prefetch_related(
            "providers",
            "developers",
            "regions",
            Prefetch("themes", queryset=Theme.objects.select_related("parent")),
            "certificates",
            "target_group_links",
            Prefetch("partner_links", queryset=OfferPartner.objects.select_related("organisation")),
        ).get(pk=pk)
    except TrainingOffer.DoesNotExist as exc:
        raise Http404 from exc


def offer_for_edit(*, user: AnyUser, pk: int) -> TrainingOffer:
    """The offer when ``user`` may edit it; 404 or 403 otherwise."""
    offer = offer_get(pk=pk)
    if not permissions.can_edit_offer(user, offer):
        raise PermissionDenied
    return offer


def own_offers(*, user: AnyUser) -> QuerySet[TrainingOffer]:
    """The offers of the organisations ``user`` manages offers for."""
    organisations = permissions.providing_organisations(user)
    ids = TrainingOffer.providers.through.objects.filter(organisation__in=organisations).values("trainingoffer_id")
    return TrainingOffer.objects.filter(pk__in=ids).prefetch_related("providers", "regions").order_by("title", "pk")


def offers_for_choice() -> QuerySet[TrainingOffer]:
    """The offers another app's form may link to, by title."""
    return TrainingOffer.objects.order_by("title", "pk")


def offers_by_ids(ids: Sequence[int]) -> list[TrainingOffer]:
    """The offers among ``ids``, by title; unknown ids are left out."""
    return chosen_by_ids(offers_for_choice(), ids)


def offers_for_picker(q: str, limit: int, *, exclude: Sequence[int] = ()) -> list[TrainingOffer]:
    """At most ``limit`` offers whose title contains ``q`` in any case, by title."""
    return title_matches(offers_for_choice(), "title", q, limit, exclude)


# The opleidingsschema --------------------------------------------------------------------------------

LAYOUTS = {
    # layout: (rows, columns)
    "thema-regio": ("theme", "region"),
    "thema-soort": ("theme", "kind"),
    "regio-doelgroep": ("region", "target"),
}


@dataclass(frozen=True)
class Header:
    key: str  # the value in the list's filter (a code)
    label: str
    is_parent: bool = False
    parent: str = ""  # a sub-theme's parent theme's key


@dataclass
class Cell:
    available: int = 0
    developing: int = 0
    url: str = ""
    shade: int = 0

    @property
    def total(self) -> int:
        return self.available + self.developing


@dataclass
class MatrixRow:
    header: Header
    cells: list[Cell]


@dataclass
class Matrix:
    layout: str
    row_dimension: str
    column_dimension: str
    columns: list[Header]
    rows: list[MatrixRow]
    maximum: int
    shades: int = 5
    row_totals: list[RowTotal] = field(default_factory=list)

    def nonzero(self) -> list[tuple[Header, Header, Cell]]:
        return [
            (row.header, self.columns[i], cell) for row in self.rows for i, cell in enumerate(row.cells) if cell.total
        ]


def _headers(dimension: str) -> tuple[list[Header], dict[Any, str]]:
    """The headers of a dimension, in display order, and a map from the grouped value to the header key."""
    if dimension == "theme":
        themes = list(Theme.objects.order_by("position").values_list("pk", "code", "name_nl", "name_en", "parent_id"))
        codes = {pk: code for pk, code, *_rest in themes}
        headers = [
            Header(code, localized(nl, en), parent is None, codes.get(parent, "") if parent else "")
            for _pk, code, nl, en, parent in themes
        ]
        return headers, codes
    if dimension == "region":
        regions = list(Region.objects.order_by("name").values_list("pk", "code", "name"))
        return [Header(code, name) for _pk, code, name in regions], {pk: code for pk, code, _name in regions}
    choices = OfferKind.choices if dimension == "kind" else TargetGroup.choices
    return [Header(value, str(label)) for value, label in choices], {value: value for value, _label in choices}


Array = np.ndarray[Any, np.dtype[Any]]


def _selected(facts: snapshot.Facts, filters: OfferFilters) -> Array:
    """Which offers the matrix counts, with its filters (level, target group, kind, status) applied."""
    if filters.status == "beschikbaar":
        statuses: Sequence[str] = AVAILABLE_STATUSES
    elif filters.status:
        statuses = [filters.status]
    else:
        statuses = ACTIVE_STATUSES
    chosen = [snapshot.STATUSES.index(status) for status in statuses if status in snapshot.STATUSES]
    selected = np.isin(facts.status, chosen)
    if filters.level:
        selected &= facts.level == int(filters.level)
    if filters.kind:
        selected &= facts.kind == (snapshot.KINDS.index(filters.kind) if filters.kind in snapshot.KINDS else -1)
    if filters.target in TargetGroup.values:
        selected &= (facts.target & target_mask([filters.target])) > 0
    return selected


@dataclass(frozen=True)
class _Members:
    """Which offer (an index into the facts) belongs to which header (a position), each pair once, by offer."""

    offers: Array
    positions: Array

    @classmethod
    def of(cls, offers: Array, positions: Array, width: int) -> _Members:
        known = positions >= 0
        keys = np.sort(offers[known].astype(np.int64) * width + positions[known])
        keys = keys[np.concatenate((keys[:1] == keys[:1], keys[1:] != keys[:-1]))]
        return cls(keys // width, keys % width)


def _lookup(positions: dict[int, int], ids: Array) -> Array:
    """The header position of each id, -1 for an id without a header."""
    table = np.full(max(positions, default=0) + 1, -1, dtype=np.int64)
    table[list(positions)] = list(positions.values())
    ids = ids.astype(np.int64)
    return np.where(ids < len(table), table[np.minimum(ids, len(table) - 1)], -1)


def _members(
    facts: snapshot.Facts, selected: Array, dimension: str, headers: list[Header], keys: dict[Any, str]
) -> _Members:
    width = len(headers)
    position = {header.key: index for index, header in enumerate(headers)}
    if dimension in ("region", "theme"):
        offer_ids, ids = (
            (facts.region_offer, facts.region) if dimension == "region" else (facts.theme_offer, facts.theme)
        )
        offers = np.searchsorted(facts.offer, offer_ids)
        wanted = selected[offers]
        offers, ids = offers[wanted], ids[wanted]
        if dimension == "region":
            return _Members.of(offers, _lookup({pk: position[code] for pk, code in keys.items()}, ids), width)
        # A sub-theme's row holds its own offers; a parent's row the offers of its whole tree, each once.
        parent_of = {header.key: header.parent for header in headers}
        direct = _lookup({pk: position[code] for pk, code in keys.items() if parent_of[code]}, ids)
        tree = _lookup({pk: position[parent_of[code] or code] for pk, code in keys.items()}, ids)
        return _Members.of(np.concatenate([offers, offers]), np.concatenate([direct, tree]), width)
    offers = np.flatnonzero(selected)
    if dimension == "kind":
        by_kind = np.full(256, -1, dtype=np.int64)
        for index, kind in enumerate(snapshot.KINDS):
            by_kind[index] = position.get(kind, -1)
        return _Members.of(offers, by_kind[facts.kind[offers]], width)
    bits = np.array([TargetGroup.values.index(header.key) for header in headers], dtype=np.int64)
    has = (facts.target[offers].astype(np.int64)[:, None] >> bits[None, :]) & 1
    offer_index, column = np.nonzero(has)
    return _Members.of(offers[offer_index], column, width)


def _pairs(rows: _Members, columns: _Members, offers: int) -> tuple[Array, Array, Array]:
    """Every (offer, row, column) with the offer in both the row and the column: a join per offer, vectorised."""
    row_count = np.bincount(rows.offers, minlength=offers)
    column_count = np.bincount(columns.offers, minlength=offers)
    row_start = np.cumsum(row_count) - row_count
    column_start = np.cumsum(column_count) - column_count
    per_offer = row_count * column_count
    offer = np.repeat(np.arange(offers), per_offer)
    within = np.arange(per_offer.sum()) - np.repeat(np.cumsum(per_offer) - per_offer, per_offer)
    across = column_count[offer]
    row = rows.positions[row_start[offer] + within // across]
    column = columns.positions[column_start[offer] + within % across]
    return offer, row, column


@dataclass(frozen=True)
class _Counts:
    cells: dict[tuple[str, str], tuple[int, int]]
    rows: dict[str, tuple[int, int]]


def _matrix_counts(
    filters: OfferFilters,
    row_dimension: str,
    column_dimension: str,
    row_headers: list[Header],
    row_keys: dict[Any, str],
    column_headers: list[Header],
    column_keys: dict[Any, str],
) -> _Counts:
    """Offers available and in development per cell and per row, counted in numpy over the snapshot.

    Each offer belongs to some rows and some columns (its regions, themes, kind or target groups); a cell counts
    the offers that belong to both, each once, and a row the offers that belong to it.
    """
    facts = snapshot.current()
    selected = _selected(facts, filters)
    developing = (facts.status == snapshot.STATUSES.index(OfferStatus.IN_DEVELOPMENT)).astype(np.int64)
    rows = _members(facts, selected, row_dimension, row_headers, row_keys)
    columns = _members(facts, selected, column_dimension, column_headers, column_keys)
    height, width = len(row_headers), len(column_headers)
    offer, row, column = _pairs(rows, columns, len(facts.offer))
    grid = np.bincount((developing[offer] * height + row) * width + column, minlength=2 * height * width)
    grid = grid.reshape(2, height, width)
    totals = np.bincount(developing[rows.offers] * height + rows.positions, minlength=2 * height).reshape(2, height)
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for i, j in zip(*np.nonzero(grid[0] + grid[1]), strict=True):
        counts[(row_headers[i].key, column_headers[j].key)] = (int(grid[0, i, j]), int(grid[1, i, j]))
    row_totals = {header.key: (int(totals[0, i]), int(totals[1, i])) for i, header in enumerate(row_headers)}
    return _Counts(counts, row_totals)


MATRIX_CACHE = "training-matrix"


@dataclass(frozen=True)
class RowTotal:
    header: Header
    available: int
    developing: int

    @property
    def total(self) -> int:
        return self.available + self.developing


def matrix(*, filters: OfferFilters, layout: str, cell_url: Any) -> Matrix:
    """The opleidingsschema: offers available and in development per cell and per row, in four queries.

    Counted with numpy over the offers' snapshot (one row): an offer counts once per cell, and a parent theme's
    row counts each offer with that theme or one of its sub-themes once.
    The counts are cached per filter combination until an offer changes. ``cell_url(row_dimension, row_key,
    column_dimension, column_key)`` gives the link to the filtered list behind a cell.
    """
    layout = layout if layout in LAYOUTS else "thema-regio"
    row_dimension, column_dimension = LAYOUTS[layout]

    def compute() -> tuple[list[Header], list[Header], _Counts]:
        row_headers, row_keys = _headers(row_dimension)
        column_headers, column_keys = _headers(column_dimension)
        counts = _matrix_counts(
            filters, row_dimension, column_dimension, row_headers, row_keys, column_headers, column_keys
        )
        return row_headers, column_headers, counts

    # The headers' labels depend on the language, so it is part of the key.
    parts = (layout, filters.level, filters.kind, filters.target, filters.status, get_language())
    row_headers, column_headers, counted = caching.cached(MATRIX_CACHE, parts, compute)
    counts = {key: Cell(available, developing) for key, (available, developing) in counted.cells.items()}
    maximum = max((cell.total for cell in counts.values()), default=0)
    rows = []
    for header in row_headers:
        row_cells = []
        for column_header in column_headers:
            cell = counts.get((header.key, column_header.key), Cell())
            cell.url = cell_url(row_dimension, header.key, column_dimension, column_header.key)
            cell.shade = 0 if not cell.total or not maximum else 1 + (4 * cell.total) // maximum
            row_cells.append(cell)
        rows.append(MatrixRow(header, row_cells))
    return Matrix(
        layout=layout,
        row_dimension=row_dimension,
        column_dimension=column_dimension,
        columns=column_headers,
        rows=rows,
        maximum=maximum,
        row_totals=[RowTotal(header, *counted.rows.get(header.key, (0, 0))) for header in row_headers],
    )


# Region page and gaps ---------------------------------------------------------------------------------


@dataclass
class ThemeSupply:
    theme: Theme
    available: int
    developing: int
    is_priority: bool

    @property
    def is_gap(self) -> bool:
        return self.is_priority and not (self.available or self.developing)


@dataclass
class RegionGaps:
    priority_themes_without_offer: list[Theme]
    target_groups_without_offer: list[str]
    qualification: Qualification | None = None
    uncovered_work_processes: list[WorkProcess] = field(default_factory=list)
    covered_count: int = 0
    total_count: int = 0


def _region_offers(region: Region) -> QuerySet[TrainingOffer]:
    return TrainingOffer.objects.filter(
        status__in=ACTIVE_STATUSES,
        pk__in=OfferRegion.objects.filter(region=region).values("trainingoffer_id"),
    )


def region_theme_supply(*, region: Region) -> list[ThemeSupply]:
    """Per theme: the region's offers available and in development (a parent counts its sub-themes too)."""
    offers = _region_offers(region)
    available = Q(status__in=AVAILABLE_STATUSES)
    developing = Q(status=OfferStatus.IN_DEVELOPMENT)
    direct = {
        theme_id: (a, d)
        for theme_id, a, d in offers.order_by()
        .values_list("themes")
        .annotate(a=Count("pk", filter=available), d=Count("pk", filter=developing))
    }
    rollup = {
        theme_id: (a, d)
        for theme_id, a, d in offers.order_by()
        .annotate(root=Coalesce("themes__parent_id", "themes__id"))
        .values_list("root")
        .annotate(a=Count("pk", filter=available, distinct=True), d=Count("pk", filter=developing, distinct=True))
    }
    priorities = set(RegionPriorityTheme.objects.filter(region=region).values_list("theme_id", flat=True))
    supply = []
    for theme in Theme.objects.order_by("position"):
        a, d = (rollup if theme.parent_id is None else direct).get(theme.pk, (0, 0))
        supply.append(ThemeSupply(theme, a, d, theme.pk in priorities))
    return supply


def region_developers(*, region: Region) -> list[tuple[Organisation, list[TrainingOffer]]]:
    """Who develops what for the region: the offers in development, per developing organisation."""
    offers = (
        _region_offers(region)
        .filter(status=OfferStatus.IN_DEVELOPMENT)
        .prefetch_related("developers", "providers")
        .order_by("expected_start", "title")
    )
    by_organisation: dict[int, tuple[Organisation, list[TrainingOffer]]] = {}
    for offer in offers:
        for organisation in list(offer.developers.all()) or list(offer.providers.all()):
            by_organisation.setdefault(organisation.pk, (organisation, []))[1].append(offer)
    return sorted(by_organisation.values(), key=lambda item: item[0].name)


def uncovered_work_processes(*, region: Region, qualification: Qualification) -> tuple[list[WorkProcess], int]:
    """The work processes of ``qualification`` that no active offer in the region covers, and the total.

    Covered means aligned directly, through a framework unit, through a competence, or through the whole
    qualification.
    """
    offer_ids = _region_offers(region).values("pk")
    alignments = Alignment.objects.filter(content_type__app_label="training", object_id__in=offer_ids)
    work_processes = WorkProcess.objects.filter(core_task__qualification=qualification)
    if alignments.filter(qualification=qualification).exists():
        return [], work_processes.count()
    covered = (
        Q(pk__in=alignments.values("work_process_id"))
        | Q(
            pk__in=UnitWorkProcess.objects.filter(frameworkunit_id__in=alignments.values("unit_id")).values(
                "workprocess_id"
            )
        )
        | Q(
            pk__in=CompetenceWorkProcess.objects.filter(competence_id__in=alignments.values("competence_id")).values(
                "workprocess_id"
            )
        )
    )
    every = list(work_processes.annotate(is_covered=Count("pk", filter=covered)).order_by("core_task__code", "pk"))
    return [wp for wp in every if not wp.is_covered], len(every)  # type: ignore[attr-defined]


def region_gaps(*, region: Region, qualification: Qualification | None = None) -> RegionGaps:
    """What is missing in a region: priority themes and target groups without an active offer, and, for a
    chosen qualification, the work processes no offer in the region covers."""
    offers = _region_offers(region)
    offered_themes = set(offers.values_list("themes", flat=True))
    theme_parents = dict(Theme.objects.values_list("pk", "parent_id"))
    offered_with_parents = offered_themes | {theme_parents.get(pk) for pk in offered_themes}
    priorities = [
        priority.theme
        for priority in RegionPriorityTheme.objects.filter(region=region).select_related("theme")
        if priority.theme_id not in offered_with_parents
    ]
    offered_groups = set(
        OfferTargetGroup.objects.filter(offer__in=offers).values_list("target_group", flat=True).distinct()
    )
    gaps = RegionGaps(
        priority_themes_without_offer=priorities,
        target_groups_without_offer=[str(label) for value, label in TargetGroup.choices if value not in offered_groups],
    )
    if qualification is not None:
        uncovered, total = uncovered_work_processes(region=region, qualification=qualification)
        gaps.qualification = qualification
        gaps.uncovered_work_processes = uncovered
        gaps.total_count = total
        gaps.covered_count = total - len(uncovered)
    return gaps


def region_get(*, code: str) -> Region:
    try:
        return Region.objects.get(code=code)
    except Region.DoesNotExist as exc:
        raise Http404 from exc


def region_find(*, code: str) -> Region | None:
    return Region.objects.filter(code=code).first() if code else None


def region_priority_theme_codes(*, region: Region) -> list[str]:
    return list(RegionPriorityTheme.objects.filter(region=region).values_list("theme__code", flat=True))


def regions_for_choice() -> QuerySet[Region]:
    return Region.objects.order_by("name").only("code", "name")


def qualifications_for_gaps() -> QuerySet[Qualification]:
    """Qualifications to pick from for the uncovered work processes: those of adopted versions."""
    return Qualification.objects.filter(dossier__version__status=FrameworkVersion.Status.ADOPTED).order_by(
        "name", "level"
    )


def region_summary(*, region: Region) -> dict[str, int]:
    totals = _region_offers(region).aggregate(
        available=Count("pk", filter=Q(status__in=AVAILABLE_STATUSES)),
        developing=Count("pk", filter=Q(status=OfferStatus.IN_DEVELOPMENT)),
    )
    return {"available": totals["available"], "developing": totals["developing"]}


# Overlap -------------------------------------------------------------------------------------------------


@dataclass
class OverlapRow:
    pair: OverlapPair
    first: TrainingOffer
    second: TrainingOffer
    reason: str
    mark: OverlapMark | None


def overlap_pairs() -> list[OverlapPair]:
    """Every overlapping pair of active offers; cached until an offer changes."""
    config = overlap.Settings.from_django()
    return caching.cached(overlap.CACHE_NAMESPACE, config, lambda: overlap.overlapping_pairs(config))


def overlap_reason(pair: OverlapPair) -> str:
    """The reason in words, e.g. "82% dezelfde werkprocessen, zelfde doelgroep, 14 km"."""
    parts = [_("%(percent)s%% the same work processes") % {"percent": pair.percent}]
    parts.append(_("same target group") if pair.same_target_groups else _("partly the same target groups"))
    parts.append(_("same themes") if pair.same_themes else _("partly the same themes"))
    if pair.level:
        parts.append(_("both mbo level %(level)s") % {"level": pair.level})
    if pair.distance_km < 0.5:
        parts.append(_("same region"))
    else:
        parts.append(_("%(km)s km") % {"km": round(pair.distance_km)})
    return ", ".join(parts)


def overlap_filter(pairs: list[OverlapPair], *, region: Region | None, verdict: str) -> list[OverlapPair]:
    """The pairs with an offer in ``region`` and, when given, the verdict ("open", "bedoeld", "afstemmen")."""
    if region is not None:
        in_region = set(OfferRegion.objects.filter(region=region).values_list("trainingoffer_id", flat=True))
        pairs = [p for p in pairs if p.offer_a in in_region or p.offer_b in in_region]
    if verdict:
        marks = {(a, b): v for a, b, v in OverlapMark.objects.values_list("offer_a_id", "offer_b_id", "verdict")}
        if verdict == "open":
            pairs = [p for p in pairs if (p.offer_a, p.offer_b) not in marks]
        else:
            pairs = [p for p in pairs if marks.get((p.offer_a, p.offer_b)) == verdict]
    return pairs


def overlap_rows(pairs: Sequence[OverlapPair]) -> list[OverlapRow]:
    """The offers and verdicts behind a page of pairs, in three queries."""
    ids = {pk for pair in pairs for pk in (pair.offer_a, pair.offer_b)}
    offers = TrainingOffer.objects.prefetch_related(
        Prefetch("providers", queryset=Organisation.objects.only("name", "slug")),
        Prefetch("regions", queryset=Region.objects.only("code", "name")),
    ).in_bulk(ids)
    wanted = Q(pk__in=[])
    for pair in pairs:
        wanted |= Q(offer_a_id=pair.offer_a, offer_b_id=pair.offer_b)
    marks = {(m.offer_a_id, m.offer_b_id): m for m in OverlapMark.objects.filter(wanted).select_related("marked_by")}
    return [
        OverlapRow(
            pair=pair,
            first=offers[pair.offer_a],
            second=offers[pair.offer_b],
            reason=overlap_reason(pair),
            mark=marks.get((pair.offer_a, pair.offer_b)),
        )
        for pair in pairs
        if pair.offer_a in offers and pair.offer_b in offers
    ]


def overlap_pair_get(*, first: int, second: int) -> tuple[TrainingOffer, TrainingOffer]:
    offers = TrainingOffer.objects.in_bulk([first, second])
    if first == second or len(offers) != 2:
        raise Http404
    return offers[first], offers[second]


# Gaps of every region ------------------------------------------------------------------------------------


@dataclass
class RegionGapRow:
    region: Region
    priority_themes_without_offer: list[Theme]
    target_groups_without_offer: list[str]

    @property
    def has_gaps(self) -> bool:
        return bool(self.priority_themes_without_offer or self.target_groups_without_offer)


def all_region_gaps() -> list[RegionGapRow]:
    """Per region: the priority themes and target groups without an active offer, in four queries."""
    active = OfferCell.objects.filter(status__in=ACTIVE_STATUSES).order_by()
    offered: dict[int, set[int]] = {}
    for region_id, theme_id, root_id in active.values_list("region_id", "theme_id", "root_theme_id").distinct():
        offered.setdefault(region_id, set()).update({theme_id, root_id})
    groups: dict[int, set[str]] = {}
    for region_id, mask in active.values_list("region_id", "target_mask").distinct():
        groups.setdefault(region_id, set()).update(
            group for index, group in enumerate(TargetGroup.values) if mask & (1 << index)
        )
    priorities: dict[int, list[Theme]] = {}
    for priority in RegionPriorityTheme.objects.select_related("theme").order_by("theme__position"):
        priorities.setdefault(priority.region_id, []).append(priority.theme)
    rows = []
    for region in Region.objects.order_by("name"):
        rows.append(
            RegionGapRow(
                region=region,
                priority_themes_without_offer=[
                    theme for theme in priorities.get(region.pk, []) if theme.pk not in offered.get(region.pk, set())
                ],
                target_groups_without_offer=[
                    str(label) for value, label in TargetGroup.choices if value not in groups.get(region.pk, set())
                ],
            )
        )
    return rows


def school_leaver_places() -> dict[tuple[int, int], float]:
    """Yearly places for school leavers per (region id, theme id) in available offers.

    An offer's places are spread evenly over the regions and themes it serves, so each place counts once.
    """
    bit = target_mask([TargetGroup.SCHOOL_LEAVERS])
    cells: dict[int, list[tuple[int, int]]] = {}
    places: dict[int, int] = {}
    rows = OfferCell.objects.filter(
        status__in=AVAILABLE_STATUSES, offer__places_available__gt=0, target_mask__gt=0
    ).values_list("offer_id", "region_id", "theme_id", "offer__places_available", "target_mask")
    for offer_id, region_id, theme_id, offer_places, mask in rows.order_by():
        if mask & bit:
            cells.setdefault(offer_id, []).append((region_id, theme_id))
            places[offer_id] = offer_places or 0
    totals: dict[tuple[int, int], float] = {}
    for offer_id, pairs in cells.items():
        share = places[offer_id] / len(pairs)
        for pair in pairs:
            totals[pair] = totals.get(pair, 0.0) + share
    return totals
