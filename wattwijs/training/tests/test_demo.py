import pytest
from django.db.models import Count

from wattwijs.core.demo import load_demo
from wattwijs.core.models import Theme
from wattwijs.training import overlap, selectors
from wattwijs.training.demo import LEERWERK
from wattwijs.training.models import TrainingOffer

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


def test_the_demo_has_at_least_120_fictitious_offers_over_12_regions(demo):
    assert TrainingOffer.objects.count() >= 120
    assert not TrainingOffer.objects.filter(is_fictitious=False).exists()
    assert TrainingOffer.objects.values("regions").distinct().count() >= 12


def test_the_demo_covers_every_theme(demo):
    assert set(Theme.objects.values_list("code", flat=True)) == set(
        TrainingOffer.objects.values_list("themes__code", flat=True)
    )


def test_the_demo_has_the_work_and_learn_track_for_job_seekers(demo):
    offer = TrainingOffer.objects.annotate(n=Count("partner_links")).get(title=LEERWERK)
    assert (offer.days_at_work, offer.days_at_school) == (4, 1)
    assert offer.target_group_links.filter(target_group="werkzoekenden").exists()
    kinds = {link.organisation.kind for link in offer.partner_links.select_related("organisation")}
    assert {"municipality", "company", "leerbedrijf", "school"} <= kinds | set(
        offer.providers.values_list("kind", flat=True)
    )


def test_the_demo_shows_overlap_and_gaps(demo):
    assert overlap.overlapping_pairs()
    assert any(row.priority_themes_without_offer for row in selectors.all_region_gaps())


def test_loading_the_demo_twice_adds_nothing(demo):
    count = TrainingOffer.objects.count()
    load_demo()
    assert TrainingOffer.objects.count() == count
