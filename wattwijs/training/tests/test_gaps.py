"""Gap logic on small hand-made cases with known answers."""

import pytest
from django.contrib.contenttypes.models import ContentType

from wattwijs.core.models import Theme
from wattwijs.core.tests.factories import region, theme
from wattwijs.framework.models import Alignment
from wattwijs.framework.tests.factories import UnitFactory
from wattwijs.training import selectors
from wattwijs.training.models import OfferStatus, RegionPriorityTheme, TargetGroup, TrainingOffer
from wattwijs.training.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _prioritise(code, *themes):
    for item in themes:
        RegionPriorityTheme.objects.create(region=region(code), theme=theme(item))


def test_it_lists_a_priority_theme_without_offer_as_a_gap():
    _prioritise("AMR12", "warmtepompen", "warmtenetten")
    OfferFactory(themes=[theme("warmtepompen")])
    gaps = selectors.region_gaps(region=region("AMR12"))
    assert [t.code for t in gaps.priority_themes_without_offer] == ["warmtenetten"]


def test_it_counts_an_offer_in_development_as_covering_a_priority_theme():
    _prioritise("AMR12", "warmtenetten")
    OfferFactory(themes=[theme("warmtenetten")], status=OfferStatus.IN_DEVELOPMENT)
    assert selectors.region_gaps(region=region("AMR12")).priority_themes_without_offer == []


def test_it_counts_a_sub_theme_offer_for_a_parent_priority_theme():
    _prioritise("AMR12", "gebouwde-omgeving")
    OfferFactory(themes=[theme("zon-pv")])
    assert selectors.region_gaps(region=region("AMR12")).priority_themes_without_offer == []


def test_it_ignores_offers_in_other_regions_and_ended_offers():
    _prioritise("AMR12", "warmtepompen")
    OfferFactory(regions=[region("AMR16")])
    OfferFactory(status=OfferStatus.ENDED)
    assert [t.code for t in selectors.region_gaps(region=region("AMR12")).priority_themes_without_offer] == [
        "warmtepompen"
    ]


def test_it_lists_target_groups_without_offer():
    OfferFactory(target_groups=[TargetGroup.WORKERS, TargetGroup.JOB_SEEKERS])
    gaps = selectors.region_gaps(region=region("AMR12"))
    assert gaps.target_groups_without_offer == ["Schoolverlaters", "Zij-instromers"]


def test_it_lists_the_work_processes_no_offer_in_the_region_covers(qualification, work_processes):
    OfferFactory(work_processes=work_processes[:6])
    OfferFactory(regions=[region("AMR16")], work_processes=work_processes[6:8])
    gaps = selectors.region_gaps(region=region("AMR12"), qualification=qualification)
    assert [wp.pk for wp in gaps.uncovered_work_processes] == [wp.pk for wp in work_processes[6:]]
    assert (gaps.covered_count, gaps.total_count) == (6, 10)


def test_it_counts_work_processes_covered_through_a_unit(qualification, work_processes):
    offer = OfferFactory()
    unit = UnitFactory(version=qualification.dossier.version, work_processes=work_processes[:9])
    Alignment.objects.create(
        content_type=ContentType.objects.get_for_model(TrainingOffer), object_id=offer.pk, unit=unit
    )
    gaps = selectors.region_gaps(region=region("AMR12"), qualification=qualification)
    assert [wp.pk for wp in gaps.uncovered_work_processes] == [work_processes[9].pk]


def test_it_finds_the_same_gaps_for_every_region_at_once():
    _prioritise("AMR12", "warmtepompen", "warmtenetten")
    _prioritise("AMR16", "zon-pv")
    OfferFactory(themes=[theme("warmtepompen")])
    rows = {row.region.code: row for row in selectors.all_region_gaps()}
    assert [t.code for t in rows["AMR12"].priority_themes_without_offer] == ["warmtenetten"]
    assert [t.code for t in rows["AMR16"].priority_themes_without_offer] == ["zon-pv"]
    assert rows["AMR12"].target_groups_without_offer == ["Schoolverlaters", "Zij-instromers", "Werkzoekenden"]


def test_it_rolls_sub_themes_up_into_their_parent_in_the_region_supply():
    OfferFactory(themes=[theme("zon-pv"), theme("warmtepompen")])
    supply = {row.theme.code: row for row in selectors.region_theme_supply(region=region("AMR12"))}
    assert supply["gebouwde-omgeving"].available == 1
    assert supply["zon-pv"].available == 1
    assert Theme.objects.count() == len(supply)
