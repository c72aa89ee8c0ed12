"""Overlap detection: pairs of offers from different providers, in the same or neighbouring regions, that
teach nearly the same work processes to the same level, themes and target groups.

Nothing here compares every pair in Python. Offers are grouped into blocks by level and region; only blocks
of regions whose reference points lie within the distance threshold are compared, each block pair as a
few matrix products over 0/1 feature matrices (work processes, themes, providers) and bit masks (target
groups). At 20,000 offers over 35 regions a block holds a few hundred offers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from wattwijs.core.models import Region
from wattwijs.framework.models import Alignment
from wattwijs.training.models import ACTIVE_STATUSES, OfferTargetGroup, TargetGroup, TrainingOffer

EARTH_RADIUS_KM = 6371.0
# Detected pairs are cached in this namespace until an offer changes.
CACHE_NAMESPACE = "training-overlap"
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Settings:
    max_distance_km: float
    min_share: float

    @classmethod
    def from_django(cls) -> Settings:
        return cls(settings.TRAINING_OVERLAP_MAX_DISTANCE_KM, settings.TRAINING_OVERLAP_MIN_SHARE)


@dataclass(frozen=True)
class OverlapPair:
    """Two offers (lower id first) that overlap, with what makes them alike."""

    offer_a: int
    offer_b: int
    share: float  # Jaccard share of work processes, 0..1
    distance_km: float  # between the nearest reference points of their regions; 0 within one region
    same_target_groups: bool
    same_themes: bool
    level: int | None

    @property
    def percent(self) -> int:
        return round(self.share * 100)


def haversine_matrix(latitudes: FloatArray, longitudes: FloatArray) -> FloatArray:
    """Great-circle distances in km between all points, as one square matrix."""
    lat = np.radians(latitudes)[:, None]
    lon = np.radians(longitudes)[:, None]
    dlat = lat - lat.T
    dlon = lon - lon.T
    a = np.sin(dlat / 2) ** 2 + np.cos(lat) * np.cos(lat.T) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))  # type: ignore[no-any-return]


class Incidence:
    """A sparse 0/1 matrix of offers × features in CSR form (row pointers and column indices)."""

    def __init__(self, rows: IntArray, columns: IntArray, n_rows: int) -> None:
        keys = np.unique(rows * (int(columns.max(initial=0)) + 1) + columns)
        width = int(columns.max(initial=0)) + 1
        rows, columns = keys // width, keys % width
        self.indices = columns
        self.indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.add.at(self.indptr, rows + 1, 1)
        self.indptr = np.cumsum(self.indptr)
        self.width = width
        self.sizes = np.diff(self.indptr)

    def entries(self, rows: IntArray) -> tuple[IntArray, IntArray]:
        """(local row, column) of every entry of ``rows``."""
        starts = self.indptr[rows]
        lengths = self.indptr[rows + 1] - starts
        total = int(lengths.sum())
        local = np.repeat(np.arange(len(rows)), lengths)
        offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        return local, self.indices[offsets + np.arange(total)]

    def shared_counts(self, a: IntArray, b: IntArray) -> npt.NDArray[np.int64]:
        """How many columns each row of ``a`` shares with each row of ``b``, as a len(a) × len(b) matrix.

        A sorted join on the column: only entries that meet in a column produce work, so sparse features
        (a few work processes out of thousands) cost next to nothing.
        """
        local_a, cols_a = self.entries(a)
        local_b, cols_b = self.entries(b)
        order = np.argsort(cols_b, kind="stable")
        cols_b, local_b = cols_b[order], local_b[order]
        left = np.searchsorted(cols_b, cols_a, side="left")
        matches = np.searchsorted(cols_b, cols_a, side="right") - left
        total = int(matches.sum())
        if not total:
            return np.zeros((len(a), len(b)), dtype=np.int64)
        rows = np.repeat(local_a, matches)
        positions = np.repeat(left - (np.cumsum(matches) - matches), matches) + np.arange(total)
        keys = rows * len(b) + local_b[positions]
        return np.bincount(keys, minlength=len(a) * len(b)).reshape(len(a), len(b))


@dataclass
class OfferFeatures:
    """Everything the detection needs about the active offers, as arrays indexed by offer position."""

    ids: IntArray
    levels: IntArray
    target_masks: IntArray
    work_processes: Incidence
    themes: Incidence
    providers: Incidence
    region_members: list[IntArray]  # per region position: the offer positions serving it
    distances: FloatArray  # region × region, km


def _positions(ids: IntArray, values: list[int]) -> IntArray:
    return np.searchsorted(ids, np.asarray(values, dtype=np.int64))


def _pairs(rows: list[tuple[int, int | None]]) -> tuple[list[int], list[int]]:
    kept = [(a, b) for a, b in rows if b is not None]
    return [a for a, _ in kept], [b for _, b in kept]  # type: ignore[misc]


def load_features(offers: QuerySet[TrainingOffer] | None = None) -> OfferFeatures:
    """Read the active offers' features in eight queries."""
    offers = offers if offers is not None else TrainingOffer.objects.filter(status__in=ACTIVE_STATUSES)
    rows = list(offers.order_by("pk").values_list("pk", "level"))
    ids = np.asarray([pk for pk, _ in rows], dtype=np.int64)
    levels = np.asarray([level or 0 for _, level in rows], dtype=np.int64)
    n = len(ids)
    offer_ids = offers.values("pk")

    def incidence(pairs: list[tuple[int, int | None]], column_ids: dict[int, int] | None = None) -> Incidence:
        offer_part, feature_part = _pairs(pairs)
        if column_ids is None:
            column_ids = {value: index for index, value in enumerate(sorted(set(feature_part)))}
        columns = np.asarray([column_ids[value] for value in feature_part], dtype=np.int64)
        return Incidence(_positions(ids, offer_part), columns, n)

    content_type = ContentType.objects.get_for_model(TrainingOffer)
    alignments = Alignment.objects.filter(content_type=content_type, object_id__in=offer_ids)
    wp_pairs: list[tuple[int, int | None]] = list(alignments.values_list("object_id", "work_process_id"))
    wp_pairs += list(alignments.filter(unit__isnull=False).values_list("object_id", "unit__work_processes"))
    wp_pairs += list(
        alignments.filter(qualification__isnull=False).values_list(
            "object_id", "qualification__core_tasks__work_processes"
        )
    )
    region_rows = list(
        TrainingOffer.regions.through.objects.filter(trainingoffer_id__in=offer_ids).values_list(
            "trainingoffer_id", "region_id"
        )
    )
    regions = list(Region.objects.order_by("pk").values_list("pk", "latitude", "longitude"))
    region_index = {pk: index for index, (pk, _lat, _lon) in enumerate(regions)}
    region_offer = _positions(ids, [offer for offer, _ in region_rows])
    region_pos = np.asarray([region_index[region] for _, region in region_rows], dtype=np.int64)
    order = np.argsort(region_pos, kind="stable")
    bounds = np.searchsorted(region_pos[order], np.arange(len(regions) + 1))
    members = [np.sort(region_offer[order[bounds[i] : bounds[i + 1]]]) for i in range(len(regions))]

    target_bits = {value: 1 << index for index, value in enumerate(TargetGroup.values)}
    masks = np.zeros(n, dtype=np.int64)
    target_rows = list(OfferTargetGroup.objects.filter(offer_id__in=offer_ids).values_list("offer_id", "target_group"))
    if target_rows:
        np.bitwise_or.at(
            masks,
            _positions(ids, [offer for offer, _ in target_rows]),
            np.asarray([target_bits[group] for _, group in target_rows], dtype=np.int64),
        )
    return OfferFeatures(
        ids=ids,
        levels=levels,
        target_masks=masks,
        work_processes=incidence(wp_pairs),
        themes=incidence(
            list(
                TrainingOffer.themes.through.objects.filter(trainingoffer_id__in=offer_ids).values_list(
                    "trainingoffer_id", "theme_id"
                )
            )
        ),
        providers=incidence(
            list(
                TrainingOffer.providers.through.objects.filter(trainingoffer_id__in=offer_ids).values_list(
                    "trainingoffer_id", "organisation_id"
                )
            )
        ),
        region_members=members,
        distances=haversine_matrix(
            np.asarray([float(lat) for _pk, lat, _lon in regions]),
            np.asarray([float(lon) for _pk, _lat, lon in regions]),
        ),
    )


def _compare(
    features: OfferFeatures, a: IntArray, b: IntArray, same_block: bool, config: Settings
) -> tuple[IntArray, IntArray, FloatArray, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """The overlapping pairs between offer positions ``a`` and ``b`` (one block pair), as arrays."""
    shared = features.work_processes.shared_counts(a, b)
    size_a = features.work_processes.sizes[a][:, None]
    size_b = features.work_processes.sizes[b][None, :]
    union = size_a + size_b - shared
    share = np.divide(shared, union, out=np.zeros(shared.shape), where=union > 0)
    keep = share >= config.min_share
    keep &= features.levels[a][:, None] == features.levels[b][None, :]
    target_a = features.target_masks[a][:, None]
    target_b = features.target_masks[b][None, :]
    keep &= (target_a & target_b) != 0
    keep &= a[:, None] < b[None, :] if same_block else a[:, None] != b[None, :]
    if not keep.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)
    common_themes = features.themes.shared_counts(a, b)
    keep &= common_themes > 0
    keep &= features.providers.shared_counts(a, b) == 0
    ia, ib = np.nonzero(keep)
    themes_a = features.themes.sizes[a][ia]
    themes_b = features.themes.sizes[b][ib]
    same_themes = (common_themes[ia, ib] == themes_a) & (themes_a == themes_b)
    same_targets = target_a[ia, 0] == target_b[0, ib]
    return a[ia], b[ib], share[ia, ib].astype(np.float64), same_targets, same_themes


def detect(features: OfferFeatures, config: Settings | None = None) -> list[OverlapPair]:
    """Every overlapping pair, best match first."""
    config = config or Settings.from_django()
    near = np.argwhere(np.triu(features.distances <= config.max_distance_km))
    found: list[tuple[IntArray, IntArray, FloatArray, FloatArray, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]] = []
    levels = np.unique(features.levels)
    for r, s in near:
        members_r, members_s = features.region_members[r], features.region_members[s]
        if not len(members_r) or not len(members_s):
            continue
        for level in levels:
            a = members_r[features.levels[members_r] == level]
            b = members_s[features.levels[members_s] == level]
            if not len(a) or not len(b):
                continue
            x, y, share, same_targets, same_themes = _compare(features, a, b, r == s, config)
            if len(x):
                low, high = np.minimum(x, y), np.maximum(x, y)
                found.append((low, high, share, np.full(len(x), features.distances[r, s]), same_targets, same_themes))
    if not found:
        return []
    low, high, share, distance, same_targets, same_themes = (
        np.concatenate(parts) for parts in zip(*found, strict=True)
    )
    # A pair met in several block pairs (offers serving more regions) keeps its shortest distance.
    key = low * len(features.ids) + high
    order = np.lexsort((distance, key))
    _unique, first = np.unique(key[order], return_index=True)
    chosen = order[first]
    chosen = chosen[np.lexsort((distance[chosen], -share[chosen]))]
    return [
        OverlapPair(
            offer_a=int(features.ids[low[i]]),
            offer_b=int(features.ids[high[i]]),
            share=float(share[i]),
            distance_km=float(distance[i]),
            same_target_groups=bool(same_targets[i]),
            same_themes=bool(same_themes[i]),
            level=int(features.levels[low[i]]) or None,
        )
        for i in chosen
    ]


def overlapping_pairs(config: Settings | None = None) -> list[OverlapPair]:
    """Detect overlap among all active offers."""
    return detect(load_features(), config)
