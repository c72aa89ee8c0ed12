"""Overlap detection on small hand-made cases with known answers."""

import numpy as np
import pytest

from wattwijs.core.tests.factories import OrganisationFactory, region, theme
from wattwijs.training import overlap, selectors
from wattwijs.training.models import OfferStatus, TargetGroup
from wattwijs.training.tests.factories import OfferFactory

WIDE = overlap.Settings(max_distance_km=40, min_share=0.6)


def _pairs(config=WIDE):
    return overlap.detect(overlap.load_features(), config)


def test_it_computes_great_circle_distances():
    # Utrecht to Amsterdam is about 35 km.
    distances = overlap.haversine_matrix(np.array([52.090, 52.370]), np.array([5.122, 4.895]))
    assert distances[0, 0] == 0
    assert distances[0, 1] == pytest.approx(35, abs=1.5)


@pytest.mark.django_db
def test_it_finds_two_providers_teaching_the_same_work_processes_in_one_region(work_processes):
    first = OfferFactory(work_processes=work_processes[:5])
    second = OfferFactory(work_processes=work_processes[:4])
    [pair] = _pairs()
    assert (pair.offer_a, pair.offer_b) == (first.pk, second.pk)
    assert pair.percent == 80
    assert pair.distance_km == 0


@pytest.mark.django_db
def test_it_ignores_offers_of_the_same_provider(work_processes):
    provider = OrganisationFactory()
    OfferFactory(providers=[provider], work_processes=work_processes[:5])
    OfferFactory(providers=[provider], work_processes=work_processes[:5])
    assert _pairs() == []


@pytest.mark.django_db
def test_it_ignores_offers_below_the_share_threshold(work_processes):
    OfferFactory(work_processes=work_processes[:5])
    OfferFactory(work_processes=work_processes[2:7])  # 3 of 7 together: 43%
    assert _pairs() == []


@pytest.mark.django_db
def test_it_finds_offers_in_neighbouring_regions_within_the_distance(work_processes):
    OfferFactory(regions=[region("AMR12")], work_processes=work_processes[:5])  # Utrecht
    OfferFactory(regions=[region("AMR16")], work_processes=work_processes[:5])  # Amsterdam, ~35 km
    [pair] = _pairs()
    assert 30 < pair.distance_km < 40


@pytest.mark.django_db
def test_it_ignores_regions_further_apart_than_the_threshold(work_processes):
    OfferFactory(regions=[region("AMR12")], work_processes=work_processes[:5])
    OfferFactory(regions=[region("AMR16")], work_processes=work_processes[:5])
    assert _pairs(overlap.Settings(max_distance_km=20, min_share=0.6)) == []


@pytest.mark.django_db
def test_it_reads_the_threshold_from_the_settings(settings, work_processes):
    settings.TRAINING_OVERLAP_MAX_DISTANCE_KM = 20
    OfferFactory(regions=[region("AMR12")], work_processes=work_processes[:5])
    OfferFactory(regions=[region("AMR16")], work_processes=work_processes[:5])
    assert overlap.overlapping_pairs() == []


@pytest.mark.django_db
def test_it_ignores_offers_at_different_levels(work_processes):
    OfferFactory(level=2, work_processes=work_processes[:5])
    OfferFactory(level=3, work_processes=work_processes[:5])
    assert _pairs() == []


@pytest.mark.django_db
def test_it_ignores_offers_for_different_target_groups(work_processes):
    OfferFactory(target_groups=[TargetGroup.WORKERS], work_processes=work_processes[:5])
    OfferFactory(target_groups=[TargetGroup.JOB_SEEKERS], work_processes=work_processes[:5])
    assert _pairs() == []


@pytest.mark.django_db
def test_it_ignores_offers_without_a_common_theme(work_processes):
    OfferFactory(themes=[theme("warmtepompen")], work_processes=work_processes[:5])
    OfferFactory(themes=[theme("zon-pv")], work_processes=work_processes[:5])
    assert _pairs() == []


@pytest.mark.django_db
def test_it_ignores_ended_offers(work_processes):
    OfferFactory(work_processes=work_processes[:5])
    OfferFactory(status=OfferStatus.ENDED, work_processes=work_processes[:5])
    assert _pairs() == []


@pytest.mark.django_db
def test_it_reports_a_pair_served_in_two_regions_once_with_the_shortest_distance(work_processes):
    OfferFactory(regions=[region("AMR12"), region("AMR16")], work_processes=work_processes[:5])
    OfferFactory(regions=[region("AMR16")], work_processes=work_processes[:5])
    [pair] = _pairs()
    assert pair.distance_km == 0


@pytest.mark.django_db
def test_it_gives_the_reason_in_words(work_processes):
    OfferFactory(work_processes=work_processes[:5])
    OfferFactory(regions=[region("AMR16")], work_processes=work_processes[:4])
    [pair] = _pairs()
    assert selectors.overlap_reason(pair) == (
        "80% dezelfde werkprocessen, zelfde doelgroep, zelfde thema's, beide mbo-niveau 3, 35 km"
    )
