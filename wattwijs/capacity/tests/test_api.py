"""REST API of the arbeidscapaciteit: scenarios and their stored figures, as on the overview pages."""

import pytest

from wattwijs.capacity import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def examples():
    demo.load()


def test_scenarios_are_listed_with_their_parameters_and_the_example_label(client, examples):
    body = client.get("/api/v1/capacity/scenarios").json()
    first = body["results"][0]
    assert body["count"] >= 2
    assert first["is_example"] is True
    assert set(first["parameters"]) >= {"demand_factor", "completion_rate"}
    assert first["computed_at"] is not None


def test_a_scenario_gives_demand_supply_and_gap_per_year_and_region(client, examples):
    body = client.get("/api/v1/capacity/scenarios/voorbeeld-gecombineerd").json()
    assert body["years"] and body["year"] == body["years"][-1]
    assert [row["code"] for row in body["per_year"]] == [str(year) for year in body["years"]]
    row = body["regions"][0]
    assert row["gap_fte"] == pytest.approx(row["demand_fte"] - row["supply_fte"], abs=0.11)


def test_the_figures_of_one_region_leave_out_the_region_breakdown(client, examples):
    body = client.get("/api/v1/capacity/scenarios/voorbeeld-gecombineerd", {"region": "AMR12"}).json()
    assert body["region"] == "AMR12"
    assert body["regions"] == [] and body["themes"]


def test_the_figures_of_a_year_match_the_overview_page(client, examples):
    body = client.get("/api/v1/capacity/scenarios/voorbeeld-gecombineerd", {"year": 2030}).json()
    page = client.get("/arbeidscapaciteit/?scenario=voorbeeld-gecombineerd&jaar=2030")
    overview = page.context["overview"]
    assert body["year"] == 2030
    assert [row["label"] for row in body["themes"]] == [row.label for row in overview.themes]
    assert body["themes"][0]["demand_fte"] == round(overview.themes[0].demand, 1)


def test_an_unknown_scenario_answers_not_found(client, examples):
    response = client.get("/api/v1/capacity/scenarios/bestaat-niet")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_an_unknown_region_answers_not_found(client, examples):
    response = client.get("/api/v1/capacity/scenarios/voorbeeld-gecombineerd", {"region": "XX99"})
    assert response.status_code == 404


def test_occupations_are_named_by_their_code(client, examples):
    body = client.get("/api/v1/capacity/scenarios/voorbeeld-gecombineerd").json()
    assert body["occupations"]
    assert all(not row["code"].isdigit() for row in body["occupations"])


def test_the_scenario_figures_take_a_fixed_number_of_queries(client, examples, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/api/v1/capacity/scenarios/voorbeeld-gecombineerd")
