"""The matrix's derived data (``OfferCell`` and the snapshot): written from the offers whenever they change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from wattwijs.core.models import Theme
from wattwijs.training import snapshot
from wattwijs.training.models import OfferCell, OfferTargetGroup, TrainingOffer, target_mask

BATCH_SIZE = 2000


def theme_roots() -> dict[int, int]:
    """Theme id -> the id of its top-level theme."""
    return {pk: parent or pk for pk, parent in Theme.objects.values_list("pk", "parent_id")}


def cells_for(
    offer: TrainingOffer,
    regions: Iterable[int],
    themes: Iterable[int],
    targets: Sequence[str],
    roots: dict[int, int],
) -> list[OfferCell]:
    mask = target_mask(targets)
    region_list = list(dict.fromkeys(regions))
    theme_list = list(dict.fromkeys(themes))
    first_in_root: dict[int, int] = {}
    for theme in theme_list:
        first_in_root.setdefault(roots[theme], theme)
    return [
        OfferCell(
            offer_id=offer.pk,
            region_id=region,
            theme_id=theme,
            root_theme_id=roots[theme],
            status=offer.status,
            kind=offer.kind,
            level=offer.level,
            target_mask=mask,
            is_first_region=region_number == 0,
            is_first_theme=theme_number == 0,
            is_first_in_root=first_in_root[roots[theme]] == theme,
        )
        for region_number, region in enumerate(region_list)
        for theme_number, theme in enumerate(theme_list)
    ]


def refresh(offer_ids: Sequence[int]) -> None:
    """Rewrite the cells and snapshot facts of these offers from their current regions, themes and target groups."""
    OfferCell.objects.filter(offer_id__in=offer_ids).delete()
    offers = TrainingOffer.objects.in_bulk(offer_ids)
    regions: dict[int, list[int]] = {}
    themes: dict[int, list[int]] = {}
    targets: dict[int, list[str]] = {}
    for offer_id, region_id in TrainingOffer.regions.through.objects.filter(trainingoffer_id__in=offer_ids).values_list(
        "trainingoffer_id", "region_id"
    ):
        regions.setdefault(offer_id, []).append(region_id)
    for offer_id, theme_id in TrainingOffer.themes.through.objects.filter(trainingoffer_id__in=offer_ids).values_list(
        "trainingoffer_id", "theme_id"
    ):
        themes.setdefault(offer_id, []).append(theme_id)
    for offer_id, group in OfferTargetGroup.objects.filter(offer_id__in=offer_ids).values_list(
        "offer_id", "target_group"
    ):
        targets.setdefault(offer_id, []).append(group)
    roots = theme_roots()
    OfferCell.objects.bulk_create(
        [
            cell
            for pk, offer in offers.items()
            for cell in cells_for(offer, regions.get(pk, []), themes.get(pk, []), targets.get(pk, []), roots)
        ],
        batch_size=BATCH_SIZE,
    )
    snapshot.patch(
        offer_ids,
        snapshot.facts_for(
            [(pk, offer.status, offer.kind, offer.level) for pk, offer in offers.items()], regions, themes, targets
        ),
    )
