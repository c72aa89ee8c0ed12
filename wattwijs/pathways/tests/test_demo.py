import pytest
from django.db.models import Count, F

from wattwijs.core.demo import _load_base_organisations, _load_users
from wattwijs.pathways import demo, selectors
from wattwijs.pathways.models import AftercareCheckpoint, Candidate, Chain, LearningPlace, Placement, StageTransition

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    _load_users(_load_base_organisations())
    demo.load()


def test_it_loads_two_chains_in_different_regions(loaded):
    assert Chain.objects.values("region").distinct().count() == 2


def test_it_loads_300_fictitious_candidates_over_all_stages(loaded):
    assert Candidate.objects.filter(is_fictitious=True).count() == 300
    assert set(Candidate.objects.values_list("stage", flat=True)) == {
        stage for stage, _label in Candidate.stage.field.choices
    }


def test_it_loads_80_learning_places_and_never_overfills_one(loaded):
    assert LearningPlace.objects.count() == 80
    over = LearningPlace.objects.annotate(n=Count("placements")).filter(n__gt=F("capacity"))
    assert not over.exists()


def test_every_candidate_has_a_history_ending_in_its_stage(loaded):
    for candidate in Candidate.objects.all()[:50]:
        last = StageTransition.objects.filter(candidate=candidate).order_by("at", "pk").last()
        assert last.to_stage == candidate.stage


def test_it_loads_placements_and_aftercare_results(loaded):
    assert Placement.objects.count() > 20 and AftercareCheckpoint.objects.filter(month=6).count() >= 5


def test_the_dashboard_tells_a_story(loaded):
    data = selectors.dashboard()
    assert data.total == 300 and data.sustainable[0][3] is not None


def test_a_second_load_adds_nothing(loaded):
    demo.load()
    assert Candidate.objects.count() == 300


def test_the_scale_path_adds_generated_candidates_and_purged_routes(loaded):
    demo.generate_volume(candidates=40, purged_routes=10)
    assert Candidate.objects.filter(first_name="Gegenereerd").count() == 40
    assert StageTransition.objects.filter(candidate__isnull=True, from_stage="").count() == 10
