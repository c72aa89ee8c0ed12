"""Every offer's matrix facts as a few numpy arrays in one database row (``MatrixSnapshot``).

The opleidingsschema counts 20,000 offers over 35 regions × 17 themes. Grouping the fact table in SQL, or fetching
one row per offer into Python, costs more than the page may; reading one row of packed arrays and counting in numpy
does not, on SQLite and PostgreSQL alike. The services patch the arrays of the offers they change, under a row
lock. A snapshot whose number of offers no longer matches the offers table (offers deleted or bulk-loaded outside
the services) is rebuilt from the offers when it is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction

from wattwijs.training.models import (
    MatrixSnapshot,
    OfferKind,
    OfferStatus,
    OfferTargetGroup,
    TrainingOffer,
    target_mask,
)

SNAPSHOT_PK = 1
STATUSES: list[str] = list(OfferStatus.values)
KINDS: list[str] = list(OfferKind.values)
NO_KIND = 255

Array = np.ndarray[Any, np.dtype[Any]]
# How the arrays are stored: a format mark, their lengths, then each field's array in this order and type.
FORMAT = b"WWM1"
LAYOUT = [
    ("offer", "<u4"),
    ("region_offer", "<u4"),
    ("region", "<u4"),
    ("theme_offer", "<u4"),
    ("theme", "<u4"),
    ("target", "<u2"),
    ("status", "u1"),
    ("kind", "u1"),
    ("level", "u1"),
]


@dataclass(frozen=True)
class Facts:
    """Per offer (sorted by id): its status and kind (as indexes), level (0 for none) and target-group mask; and
    the (offer id, region id) and (offer id, theme id) pairs."""

    offer: Array
    status: Array
    kind: Array
    level: Array
    target: Array
    region_offer: Array
    region: Array
    theme_offer: Array
    theme: Array

    def to_bytes(self) -> bytes:
        """The arrays after a header of their lengths, 32-bit ones first so that each stays aligned."""
        arrays = [np.ascontiguousarray(getattr(self, name), dtype=dtype) for name, dtype in LAYOUT]
        header = np.array([len(array) for array in arrays], dtype="<u4")
        return FORMAT + header.tobytes() + b"".join(array.tobytes() for array in arrays)

    @classmethod
    def from_bytes(cls, data: bytes | memoryview) -> Facts:
        """The arrays of ``to_bytes``, as read-only views of ``data`` (no copy)."""
        lengths = np.frombuffer(data, dtype="<u4", count=len(LAYOUT), offset=len(FORMAT))
        offset = len(FORMAT) + lengths.nbytes
        arrays = {}
        for (name, dtype), length in zip(LAYOUT, lengths, strict=True):
            arrays[name] = np.frombuffer(data, dtype=dtype, count=int(length), offset=offset)
            offset += int(length) * np.dtype(dtype).itemsize
        return cls(**arrays)

    def without(self, offer_ids: Iterable[int]) -> Facts:
        ids = np.fromiter(offer_ids, dtype=np.uint32)
        keep = ~np.isin(self.offer, ids)
        regions = ~np.isin(self.region_offer, ids)
        themes = ~np.isin(self.theme_offer, ids)
        return Facts(
            self.offer[keep],
            self.status[keep],
            self.kind[keep],
            self.level[keep],
            self.target[keep],
            self.region_offer[regions],
            self.region[regions],
            self.theme_offer[themes],
            self.theme[themes],
        )

    def merged(self, other: Facts) -> Facts:
        def joined(name: str) -> Array:
            return np.concatenate([getattr(self, name), getattr(other, name)])

        offer = joined("offer")
        order = np.argsort(offer, kind="stable")
        region_offer, theme_offer = joined("region_offer"), joined("theme_offer")
        region_order = np.argsort(region_offer, kind="stable")
        theme_order = np.argsort(theme_offer, kind="stable")
        return Facts(
            offer[order],
            joined("status")[order],
            joined("kind")[order],
            joined("level")[order],
            joined("target")[order],
            region_offer[region_order],
            joined("region")[region_order],
            theme_offer[theme_order],
            joined("theme")[theme_order],
        )


def facts_for(
    offers: Sequence[tuple[int, str, str, int | None]],
    regions: Mapping[int, Sequence[int]],
    themes: Mapping[int, Sequence[int]],
    targets: Mapping[int, Sequence[str]],
) -> Facts:
    """The facts of these offers, given as (id, status, kind, level), with their regions, themes and target groups."""
    ordered = sorted(offers)
    region_pairs = [(pk, region) for pk, *_rest in ordered for region in dict.fromkeys(regions.get(pk, ()))]
    theme_pairs = [(pk, theme) for pk, *_rest in ordered for theme in dict.fromkeys(themes.get(pk, ()))]
    return Facts(
        offer=np.array([pk for pk, *_rest in ordered], dtype=np.uint32),
        status=np.array([STATUSES.index(status) for _pk, status, _kind, _level in ordered], dtype=np.uint8),
        kind=np.array(
            [KINDS.index(kind) if kind in KINDS else NO_KIND for _pk, _status, kind, _level in ordered], dtype=np.uint8
        ),
        level=np.array([level or 0 for *_rest, level in ordered], dtype=np.uint8),
        target=np.array([target_mask(targets.get(pk, ())) for pk, *_rest in ordered], dtype=np.uint16),
        region_offer=np.array([pk for pk, _region in region_pairs], dtype=np.uint32),
        region=np.array([region for _pk, region in region_pairs], dtype=np.uint32),
        theme_offer=np.array([pk for pk, _theme in theme_pairs], dtype=np.uint32),
        theme=np.array([theme for _pk, theme in theme_pairs], dtype=np.uint32),
    )


def _facts_from_database(offer_ids: Sequence[int] | None = None) -> Facts:
    """The facts of these offers (or of every offer) read from the offers and their links."""
    offers = TrainingOffer.objects.all()
    region_links = TrainingOffer.regions.through.objects.all()
    theme_links = TrainingOffer.themes.through.objects.all()
    target_links = OfferTargetGroup.objects.all()
    if offer_ids is not None:
        offers = offers.filter(pk__in=offer_ids)
        region_links = region_links.filter(trainingoffer_id__in=offer_ids)
        theme_links = theme_links.filter(trainingoffer_id__in=offer_ids)
        target_links = target_links.filter(offer_id__in=offer_ids)
    regions: dict[int, list[int]] = {}
    themes: dict[int, list[int]] = {}
    targets: dict[int, list[str]] = {}
    for offer_id, region_id in region_links.values_list("trainingoffer_id", "region_id"):
        regions.setdefault(offer_id, []).append(region_id)
    for offer_id, theme_id in theme_links.values_list("trainingoffer_id", "theme_id"):
        themes.setdefault(offer_id, []).append(theme_id)
    for offer_id, group in target_links.values_list("offer_id", "target_group"):
        targets.setdefault(offer_id, []).append(group)
    return facts_for(list(offers.values_list("pk", "status", "kind", "level")), regions, themes, targets)


def _readable(data: bytes | memoryview) -> bool:
    """Whether ``data`` is in the format this code writes (a snapshot from an older format is rebuilt)."""
    return bytes(data[: len(FORMAT)]) == FORMAT


def _save(facts: Facts) -> None:
    values = {"data": facts.to_bytes(), "offers": len(facts.offer)}
    if not MatrixSnapshot.objects.filter(pk=SNAPSHOT_PK).update(**values):
        MatrixSnapshot.objects.create(pk=SNAPSHOT_PK, **values)


def rebuild() -> Facts:
    """Build the snapshot from every offer and store it.

    The offers are read after the snapshot's row is locked, so a patch committed meanwhile is not overwritten.
    """
    with transaction.atomic():
        MatrixSnapshot.objects.select_for_update().filter(pk=SNAPSHOT_PK).values_list("pk").first()
        facts = _facts_from_database()
        _save(facts)
    return facts


def patch(offer_ids: Sequence[int], facts: Facts | None = None) -> None:
    """Replace the facts of these offers (dropping those that no longer exist); in the caller's transaction.

    ``facts`` are those offers' current facts when the caller has them at hand; otherwise they are read.
    """
    with transaction.atomic():
        row = MatrixSnapshot.objects.select_for_update().filter(pk=SNAPSHOT_PK).first()
        if row is None or not _readable(row.data):
            rebuild()
            return
        fresh = facts if facts is not None else _facts_from_database(offer_ids)
        _save(Facts.from_bytes(row.data).without(offer_ids).merged(fresh))


def current() -> Facts:
    """The facts of every offer, in two queries while the snapshot is up to date."""
    row = MatrixSnapshot.objects.filter(pk=SNAPSHOT_PK).values_list("data", "offers").first()
    if row is None or not _readable(row[0]) or row[1] != TrainingOffer.objects.count():
        return rebuild()
    return Facts.from_bytes(row[0])
