import random
from dataclasses import replace

import numpy as np
import pytest

from wattwijs.core.models import Region, Theme
from wattwijs.core.tests.factories import region, theme
from wattwijs.training import selectors, snapshot
from wattwijs.training.models import (
    ACTIVE_STATUSES,
    AVAILABLE_STATUSES,
    MatrixSnapshot,
    OfferKind,
    OfferStatus,
    TargetGroup,
    TrainingOffer,
)
from wattwijs.training.selectors import OfferFilters
from wattwijs.training.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _matrix(layout="thema-regio", **filters):
    return selectors.matrix(filters=OfferFilters(**filters), layout=layout, cell_url=lambda *args: "")


def _cell(matrix, row_key, column_key):
    row = next(row for row in matrix.rows if row.header.key == row_key)
    return row.cells[[column.key for column in matrix.columns].index(column_key)]


def _row_total(matrix, row_key):
    return next(total for total in matrix.row_totals if total.header.key == row_key)


def _random_offers(seed, count):
    rng = random.Random(seed)
    regions = list(Region.objects.order_by("code")[:4])
    themes = list(Theme.objects.order_by("position")[:6])
    for _ in range(count):
        OfferFactory(
            regions=rng.sample(regions, rng.randint(1, 3)),
            themes=rng.sample(themes, rng.randint(1, 3)),
            target_groups=rng.sample(TargetGroup.values, rng.randint(0, 2)),
            status=rng.choice(OfferStatus.values),
            kind=rng.choice(OfferKind.values[:3]),
            level=rng.choice([2, 3, None]),
        )


def _expected_theme_region(status_filter, level=None):
    """Each offer counted once per (theme, region) cell, a parent theme counting its own tree, by plain loops."""
    expected = {}
    for offer in TrainingOffer.objects.prefetch_related("regions", "themes"):
        if offer.status not in status_filter or (level is not None and offer.level != level):
            continue
        keys = {(t.code, r.code) for t in offer.themes.all() for r in offer.regions.all()}
        keys |= {
            (t.parent.code if t.parent_id else t.code, r.code) for t in offer.themes.all() for r in offer.regions.all()
        }
        for key in keys:
            available, developing = expected.get(key, (0, 0))
            if offer.status in AVAILABLE_STATUSES:
                expected[key] = (available + 1, developing)
            else:
                expected[key] = (available, developing + 1)
    return expected


def _actual(matrix):
    return {
        (row.header.key, column.key): (cell.available, cell.developing)
        for row in matrix.rows
        for column, cell in zip(matrix.columns, row.cells, strict=True)
        if cell.total
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_it_counts_every_cell_as_a_plain_count_over_the_offers_would(seed):
    _random_offers(seed, 25)

    assert _actual(_matrix()) == _expected_theme_region(ACTIVE_STATUSES)


def test_it_counts_every_cell_with_a_filter_as_a_plain_count_would():
    _random_offers(4, 25)

    assert _actual(_matrix(level="3", status="beschikbaar")) == _expected_theme_region(AVAILABLE_STATUSES, level=3)


def test_it_counts_an_offer_once_per_kind_although_it_serves_two_regions():
    OfferFactory(regions=[region("AMR12"), region("AMR16")], themes=[theme("zon-pv")], kind=OfferKind.BBL)

    assert _cell(_matrix("thema-soort"), "zon-pv", "bbl").available == 1


def test_it_counts_an_offer_once_per_target_group_although_it_has_two_themes():
    OfferFactory(themes=[theme("zon-pv"), theme("warmtepompen")], target_groups=[TargetGroup.WORKERS])

    assert _cell(_matrix("regio-doelgroep"), "AMR12", "werkenden").available == 1


def test_it_totals_each_theme_row_with_each_offer_once():
    OfferFactory(regions=[region("AMR12"), region("AMR16")], themes=[theme("zon-pv")])
    OfferFactory(themes=[theme("zon-pv")], status=OfferStatus.IN_DEVELOPMENT)

    total = _row_total(_matrix(), "zon-pv")

    assert (total.available, total.developing) == (1, 1)


def test_it_totals_a_parent_theme_row_with_each_offer_of_its_tree_once():
    OfferFactory(themes=[theme("zon-pv"), theme("warmtepompen")])

    assert _row_total(_matrix(), "gebouwde-omgeving").available == 1


def test_it_totals_each_region_row_with_each_offer_once():
    OfferFactory(regions=[region("AMR16")], themes=[theme("zon-pv"), theme("warmtepompen")])

    assert _row_total(_matrix("regio-doelgroep"), "AMR16").available == 1


def test_it_leaves_ended_offers_out_of_the_matrix():
    OfferFactory(status=OfferStatus.ENDED)

    assert _actual(_matrix()) == {}


def test_it_patches_the_snapshot_with_the_offers_regions_and_themes():
    offer = OfferFactory(regions=[region("AMR12"), region("AMR16")], themes=[theme("zon-pv")])

    facts = snapshot.current()

    assert set(facts.region[facts.region_offer == offer.pk]) == {region("AMR12").pk, region("AMR16").pk}
    assert list(facts.theme[facts.theme_offer == offer.pk]) == [theme("zon-pv").pk]


def test_it_rebuilds_the_snapshot_when_offers_were_deleted_outside_the_services():
    kept = OfferFactory(regions=[region("AMR12")], themes=[theme("zon-pv")])
    OfferFactory(regions=[region("AMR12")], themes=[theme("zon-pv")]).delete()

    assert list(snapshot.current().offer) == [kept.pk]


def test_it_counts_offers_that_were_bulk_loaded_outside_the_services():
    OfferFactory(regions=[region("AMR12")], themes=[theme("zon-pv")])
    MatrixSnapshot.objects.all().delete()

    assert _cell(_matrix(), "zon-pv", "AMR12").available == 1


def test_it_skips_a_region_that_no_longer_exists():
    OfferFactory(regions=[region("AMR12")], themes=[theme("zon-pv")])
    facts = snapshot.current()
    stale = replace(facts, region=np.full_like(facts.region, 10**6))
    MatrixSnapshot.objects.filter(pk=snapshot.SNAPSHOT_PK).update(data=stale.to_bytes())

    assert sum(cell.total for row in _matrix().rows for cell in row.cells) == 0


def test_it_rebuilds_a_snapshot_stored_in_another_format():
    OfferFactory(regions=[region("AMR12")], themes=[theme("zon-pv")])
    MatrixSnapshot.objects.filter(pk=snapshot.SNAPSHOT_PK).update(data=b"PK\x03\x04 an older format")

    assert _cell(_matrix(), "zon-pv", "AMR12").available == 1


def test_it_reads_back_the_facts_it_stores():
    OfferFactory(regions=[region("AMR12"), region("AMR16")], themes=[theme("zon-pv")], level=None)
    facts = snapshot.current()

    again = snapshot.Facts.from_bytes(facts.to_bytes())

    assert all(np.array_equal(getattr(again, name), getattr(facts, name)) for name, _dtype in snapshot.LAYOUT)
