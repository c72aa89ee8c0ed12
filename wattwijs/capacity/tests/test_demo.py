"""The example figures: enough of them, all labelled, loaded once."""

import pytest

from wattwijs.capacity import demo
from wattwijs.capacity.models import Driver, Innovation, LabourIntensity, Scenario, ScenarioResult, Supply
from wattwijs.core.models import Theme

pytestmark = pytest.mark.django_db


def test_it_covers_twelve_regions_every_theme_with_work_three_innovations_and_four_scenarios():
    demo.load()
    assert Driver.objects.values("region").distinct().count() >= 12
    leaf_themes = set(Theme.objects.filter(parent__isnull=False).values_list("pk", flat=True))
    assert set(Driver.objects.values_list("theme", flat=True)) == leaf_themes
    assert Innovation.objects.count() == 3
    assert ScenarioResult.objects.count() == Scenario.objects.count() == 4


def test_every_example_figure_is_labelled_as_such():
    demo.load()
    for model in (Driver, LabourIntensity, Supply, Innovation):
        assert not model.objects.filter(is_example=False).exists()
        assert set(model.objects.values_list("source", flat=True)) == {demo.SOURCE}
    assert not Scenario.objects.filter(is_example=False).exists()
    assert all(result.uses_examples for result in ScenarioResult.objects.all())


def test_loading_twice_adds_nothing():
    demo.load()
    drivers = Driver.objects.count()
    demo.load()
    assert Driver.objects.count() == drivers
    assert Scenario.objects.count() == 4
