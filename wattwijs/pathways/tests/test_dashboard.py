import datetime

import pytest

from wattwijs.pathways import selectors, services
from wattwijs.pathways.tests.factories import CandidateFactory, PlacementFactory

pytestmark = pytest.mark.django_db


def route(pw, stages, reason=""):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    for stage in stages:
        services.candidate_move(
            actor=pw.carla, candidate=candidate, to_stage=stage, version=candidate.version, reason=reason
        )
    return candidate


def test_the_funnel_counts_who_reached_each_stage(pw):
    for _ in range(6):
        route(pw, ["intake", "orientatie"])
    for _ in range(5):
        route(pw, ["uitgevallen"], reason="persoonlijk")
    funnel = {row.stage: row for row in selectors.dashboard(chain=pw.chain).funnel}
    assert funnel["aanmelding"].reached == 11 and funnel["intake"].reached == 6
    assert funnel["intake"].conversion == 55 and funnel["aanmelding"].dropped_out == 5


def test_cells_of_fewer_than_five_people_are_suppressed(pw):
    for _ in range(6):
        route(pw, ["intake"])
    route(pw, ["intake", "orientatie"])
    funnel = {row.stage: row for row in selectors.dashboard(chain=pw.chain).funnel}
    assert (
        funnel["intake"].reached == 7
        and funnel["orientatie"].reached is None
        and funnel["orientatie"].conversion is None
    )


def test_the_median_time_in_a_stage_comes_from_the_history(pw):
    for days in (1, 2, 3, 10, 20):
        candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
        candidate.stage_entered_at -= datetime.timedelta(days=days)
        services.candidate_move(actor=pw.carla, candidate=candidate, to_stage="intake", version=1)
    funnel = {row.stage: row for row in selectors.dashboard(chain=pw.chain).funnel}
    assert funnel["aanmelding"].median_days == 3.0


def test_sustainable_placement_counts_still_working_at_six_months(pw):
    for outcome in ["werkt"] * 4 + ["in-opleiding", "vertrokken"]:
        placement = PlacementFactory(candidate=CandidateFactory(chain=pw.chain, coach=pw.bob))
        services.checkpoint_record(
            actor=pw.bob,
            placement=placement,
            month=6,
            checked_on=datetime.date(2026, 9, 1),
            outcome=outcome,
            left_reason="ander-werk" if outcome == "vertrokken" else "",
        )
    six, twelve = selectors.dashboard(chain=pw.chain).sustainable
    assert six == (6, 6, 5, 83) and twelve == (12, None, None, None)


def test_the_caseload_per_coach_is_suppressed_below_five(pw):
    for _ in range(5):
        CandidateFactory(chain=pw.chain, coach=pw.bob)
    CandidateFactory(chain=pw.chain, coach=pw.carla)
    assert dict(selectors.dashboard(chain=pw.chain).caseload) == {"Bob Coach": 5, "Carla Coördinator": None}


def test_the_region_dashboard_leaves_out_other_regions(pw):
    for _ in range(5):
        CandidateFactory(chain=pw.other_chain)
    assert selectors.dashboard(region=pw.chain.region).total is None


def test_the_csv_export_holds_aggregates_only(client, pw):
    for _ in range(5):
        CandidateFactory(chain=pw.chain, coach=pw.bob, last_name="Uniekenaam")
    client.force_login(pw.carla)
    body = client.get("/transitiehuis/dashboard/export.csv?keten=midden").content.decode()
    assert "funnel,aanmelding,reached,5" in body and "<5" in body and "Uniekenaam" not in body


def test_the_dashboard_is_for_chain_members(client, pw):
    client.force_login(pw.charlie)
    assert client.get("/transitiehuis/dashboard/").status_code == 403


def test_the_dashboard_uses_a_fixed_number_of_queries(client, pw, django_assert_max_num_queries):
    for _ in range(10):
        route(pw, ["intake", "orientatie", "matching"])
    client.force_login(pw.carla)
    with django_assert_max_num_queries(20):
        client.get("/transitiehuis/ketens/midden/dashboard/")


def registered_in(pw, month: datetime.date, count: int, chain=None) -> None:
    """``count`` registrations recorded on the 10th of ``month``, through the transition that the service writes."""
    from wattwijs.pathways.models import StageTransition

    at = datetime.datetime(month.year, month.month, 10, 12, tzinfo=datetime.UTC)
    for _ in range(count):
        candidate = CandidateFactory(chain=chain or pw.chain, history=False)
        services.stage_flow_record(
            StageTransition.objects.create(
                chain=candidate.chain, candidate=candidate, route_key=candidate.route_key, to_stage="aanmelding", at=at
            )
        )


TODAY = datetime.date(2026, 6, 15)


def test_the_inflow_is_counted_per_month(pw):
    registered_in(pw, datetime.date(2026, 4, 1), 6)
    registered_in(pw, datetime.date(2026, 6, 1), 5)
    over_time = selectors.dashboard_over_time(chain=pw.chain, today=TODAY)
    inflow = {row.month: row.inflow for row in over_time.months}
    assert inflow[datetime.date(2026, 4, 1)] == 6 and inflow[datetime.date(2026, 6, 1)] == 5
    assert over_time.inflow_total == 11


def test_the_months_run_from_a_year_ago_to_this_month(pw):
    months = [row.month for row in selectors.dashboard_over_time(chain=pw.chain, today=TODAY).months]
    assert months[0] == datetime.date(2025, 7, 1) and months[-1] == datetime.date(2026, 6, 1) and len(months) == 12


def test_a_month_with_fewer_than_five_people_is_suppressed(pw):
    registered_in(pw, datetime.date(2026, 5, 1), 4)
    row = next(r for r in selectors.dashboard_over_time(chain=pw.chain, today=TODAY).months if r.month.month == 5)
    assert row.inflow is None


def test_a_month_before_the_period_is_left_out(pw):
    registered_in(pw, datetime.date(2025, 6, 1), 7)
    assert selectors.dashboard_over_time(chain=pw.chain, today=TODAY).inflow_total is None


def test_the_months_of_another_chain_are_left_out(pw):
    registered_in(pw, datetime.date(2026, 5, 1), 6, chain=pw.other_chain)
    assert selectors.dashboard_over_time(chain=pw.chain, today=TODAY).inflow_total is None
    assert selectors.dashboard_over_time(chain=pw.other_chain, today=TODAY).inflow_total == 6


def test_a_move_is_counted_in_the_month_it_happened(pw):
    from django.utils import timezone

    for _ in range(5):
        route(pw, ["intake", "orientatie", "matching", "opleiding"])
    this_month = timezone.localdate().replace(day=1)
    row = selectors.dashboard_over_time(chain=pw.chain).months[-1]
    assert row.month == this_month and row.counts[:3] == [5, 5, 5]


def test_the_months_outlive_an_erasure(pw):
    registered_in(pw, datetime.date(2026, 5, 1), 5)
    from wattwijs.pathways.models import Candidate

    for candidate in Candidate.objects.all():
        services.candidate_erase(actor=pw.carla, candidate=candidate)
    assert selectors.dashboard_over_time(chain=pw.chain, today=TODAY).inflow_total == 5


def test_rebuilding_the_aggregate_counts_the_same_months(pw):
    registered_in(pw, datetime.date(2026, 4, 1), 6)
    before = selectors.dashboard_over_time(chain=pw.chain, today=TODAY)
    services.stage_flow_rebuild()
    assert selectors.dashboard_over_time(chain=pw.chain, today=TODAY) == before


def test_the_dashboard_shows_the_months_as_a_table(client, pw):
    registered_in(pw, datetime.date(2026, 4, 1), 6)
    client.force_login(pw.carla)
    body = client.get(f"/transitiehuis/ketens/{pw.chain.slug}/dashboard/").content.decode()
    assert "Mensen die in elke maand een fase bereikten" in body


def test_the_csv_export_holds_the_months(client, pw):
    from django.utils import timezone

    for _ in range(5):
        route(pw, ["intake"])
    client.force_login(pw.carla)
    body = client.get(f"/transitiehuis/dashboard/export.csv?keten={pw.chain.slug}").content.decode()
    assert f"per_month,{timezone.localdate():%Y-%m},intake,5" in body
