import pytest
from django.db.models import Count

from wattwijs.core.demo import load_demo
from wattwijs.practice.demo import FLAGSHIP
from wattwijs.practice.models import ChainStep, InnovationProject, Practice, SuccessFactor

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


def test_the_demo_has_15_practices_10_projects_and_15_factors(demo):
    assert Practice.objects.filter(status="gepubliceerd").count() >= 15
    assert InnovationProject.objects.count() >= 10
    assert SuccessFactor.objects.count() >= 15


def test_the_demo_factors_cover_every_chain_step(demo):
    assert set(SuccessFactor.objects.values_list("chain_step", flat=True)) == set(ChainStep.values)


def test_everything_in_the_demo_is_fictitious(demo):
    assert not Practice.objects.filter(is_fictitious=False).exists()
    assert not InnovationProject.objects.filter(is_fictitious=False).exists()
    assert not SuccessFactor.objects.filter(is_fictitious=False).exists()


def test_the_demo_has_the_renovation_track_of_builders_corporation_schools_and_municipality(demo):
    practice = Practice.objects.get(title=FLAGSHIP)
    kinds = {partner.organisation.kind for partner in practice.partners.select_related("organisation")}
    assert {"municipality", "company", "leerbedrijf", "school"} <= kinds
    assert "Vier dagen" in practice.approach_training_format
    assert practice.target_group == "werkzoekenden"


def test_a_demo_project_grew_into_a_practice(demo):
    assert InnovationProject.objects.filter(grew_into__isnull=False).exists()


def test_loading_the_demo_twice_adds_nothing(demo):
    counts = (Practice.objects.count(), InnovationProject.objects.count(), SuccessFactor.objects.count())
    load_demo()
    assert (Practice.objects.count(), InnovationProject.objects.count(), SuccessFactor.objects.count()) == counts


def test_the_renovation_track_links_its_training_offer_and_materials(demo):
    practice = Practice.objects.get(title=FLAGSHIP)
    assert practice.training_offers.exists()
    assert practice.resources.exists()


def test_the_demo_has_self_assessments_of_6_regions_at_two_moments(demo):
    from wattwijs.practice.models import SelfAssessment

    dates = SelfAssessment.objects.values("region").annotate(moments=Count("assessed_on", distinct=True))
    assert [row["moments"] for row in dates] == [2] * 6


def test_the_demo_has_fictitious_adoptions_by_other_regions(demo):
    from wattwijs.practice.models import Adoption

    adoptions = Adoption.objects.select_related("practice")
    assert adoptions.count() >= 10
    assert all(a.is_fictitious and a.region_id != a.practice.region_id for a in adoptions)
    assert adoptions.values("region").distinct().count() >= 3
