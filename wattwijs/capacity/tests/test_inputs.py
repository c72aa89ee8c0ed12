"""The stored figures and the platform's own data become the model's arrays."""

import datetime

import pytest

from wattwijs.capacity import inputs, services
from wattwijs.capacity.models import InnovationAdoption, InnovationSaving, ScenarioResult
from wattwijs.capacity.selectors import overview
from wattwijs.capacity.tests.factories import (
    DriverFactory,
    InnovationFactory,
    LabourIntensityFactory,
    OccupationFactory,
    ScenarioFactory,
    SupplyFactory,
    WorkUnitFactory,
)
from wattwijs.core.tests.factories import region, theme
from wattwijs.pathways.tests.factories import LearningPlaceFactory, PlacementFactory
from wattwijs.training.models import TargetGroup
from wattwijs.training.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _figures():
    """AMR12: 100 heat pumps a year at 15 hours, 1 FTE at 1500 hours; a workforce of 1 FTE losing 10%."""
    for year in range(2026, 2036):
        DriverFactory(year=year, volume=100)
    LabourIntensityFactory(hours=15)
    SupplyFactory(workforce=1.0, retirement_rate=6, leaving_rate=4)


def test_it_computes_and_stores_the_gap_of_a_scenario():
    _figures()
    scenario = ScenarioFactory(hours_per_fte=1500)
    services.result_store(scenario=scenario)
    found = overview(scenario=ScenarioResult.objects.get().scenario, region=region("AMR12"))
    # Demand 1 FTE each year; supply 1.0, 0.9, 0.81: gap 0, 0.1, 0.19 …
    assert [round(row.gap, 2) for row in found.per_year[:3]] == [0.0, 0.1, 0.19]
    assert [row.key for row in found.themes] == ["warmtepompen"]


def test_an_included_innovation_lowers_the_stored_demand():
    _figures()
    innovation = InnovationFactory()
    InnovationSaving.objects.create(
        innovation=innovation, unit=WorkUnitFactory(), occupation=OccupationFactory(), hours_saved=3
    )
    InnovationAdoption.objects.create(innovation=innovation, year=2035, percent=100)
    scenario = ScenarioFactory(innovation_factor=1.0)
    services.result_store(scenario=scenario)
    last = overview(scenario=scenario).per_year[-1]
    assert last.demand == pytest.approx(0.8, abs=1e-5)


def test_school_leaver_places_of_available_offers_feed_the_inflow():
    OfferFactory(
        places_available=20,
        regions=[region("AMR12")],
        themes=[theme("warmtepompen")],
        target_groups=[TargetGroup.SCHOOL_LEAVERS],
    )
    OfferFactory(places_available=50, regions=[region("AMR12")], target_groups=[TargetGroup.WORKERS])
    LabourIntensityFactory()
    loaded = inputs.load()
    amr12 = loaded.axes.regions.index(region("AMR12").pk)
    heat_pumps = loaded.axes.themes.index(theme("warmtepompen").pk)
    assert loaded.inputs.places[amr12, heat_pumps] == 20
    assert loaded.inputs.places.sum() == 20
    assert inputs.PLACES_SOURCE in loaded.sources


def test_placements_in_the_chains_of_the_last_year_feed_the_career_switchers():
    place = LearningPlaceFactory(theme=theme("warmtepompen"))
    PlacementFactory(learning_place=place, start_date=datetime.date(2026, 3, 1))
    PlacementFactory(learning_place=place, start_date=datetime.date(2024, 3, 1))
    loaded = inputs.load(today=datetime.date(2026, 9, 1))
    region_index = loaded.axes.regions.index(place.chain.region_id)
    heat_pumps = loaded.axes.themes.index(theme("warmtepompen").pk)
    assert loaded.inputs.switchers[region_index, heat_pumps] == 1
    assert loaded.inputs.switchers.sum() == 1


def test_example_figures_mark_the_result_as_example():
    DriverFactory(is_example=True, source="Voorbeeldcijfers")
    scenario = ScenarioFactory()
    result = services.result_store(scenario=scenario)
    assert result.uses_examples
    assert "Voorbeeldcijfers" in result.sources


def test_adopting_without_a_shortage_is_refused_with_a_dutch_message():
    from django.core.exceptions import ValidationError

    from wattwijs.core.models import Role
    from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory

    user = MembershipFactory(role=Role.COORDINATOR, organisation=OrganisationFactory(region=region("AMR12"))).user
    with pytest.raises(ValidationError) as error:
        services.priorities_adopt(actor=user, region=region("AMR12"), themes=[], scenario=ScenarioFactory())
    assert "geen tekort" in error.value.messages[0]


def test_a_scenario_with_impossible_parameters_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.scenario_validate(services.ScenarioData(name="", completion_rate=120, outflow_factor=-1))
    assert set(error.value.message_dict) == {"name", "completion_rate", "outflow_factor"}
