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
