"""The cheapest cover of a skills gap, on hand-made cases whose best answer is known."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wattwijs.matching import routes
from wattwijs.matching.routes import OfferOption, cheapest_cover

routes_milp = routes.milp


def offer(id_: int, hours: float, *wps: int) -> OfferOption:
    return OfferOption(id=id_, hours=hours, work_processes=frozenset(wps))


def test_two_cheap_offers_beat_one_expensive_offer_that_covers_all() -> None:
    cover = cheapest_cover({1, 2, 3}, [offer(1, 100, 1, 2, 3), offer(2, 30, 1, 2), offer(3, 20, 3)])
    assert cover.chosen == [3, 2]
    assert cover.hours == 50


def test_one_offer_beats_two_when_it_is_cheaper() -> None:
    cover = cheapest_cover({1, 2}, [offer(1, 40, 1, 2), offer(2, 30, 1), offer(3, 30, 2)])
    assert cover.chosen == [1]


def test_greedy_would_pick_the_wrong_set_here() -> None:
    # Greedy by hours per new work process takes offer 1 (9 h each) first and then still needs 2 and 3: 134 h.
    offers = [offer(1, 54, 1, 2, 3, 4, 5, 6), offer(2, 40, 1, 2, 3, 7), offer(3, 40, 4, 5, 6, 8)]
    cover = cheapest_cover({1, 2, 3, 4, 5, 6, 7, 8}, offers)
    assert cover.chosen == [2, 3]
    assert cover.hours == 80


def test_work_processes_no_offer_covers_are_reported() -> None:
    cover = cheapest_cover({1, 2, 9}, [offer(1, 10, 1, 2)])
    assert cover.chosen == [1]
    assert cover.uncoverable == {9}


def test_nothing_missing_needs_no_offer() -> None:
    assert cheapest_cover(set(), [offer(1, 10, 1)]).chosen == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 80), st.frozensets(st.integers(0, 7), min_size=1, max_size=4)), max_size=7),
    st.frozensets(st.integers(0, 7), max_size=8),
)
def test_the_cover_is_as_cheap_as_the_best_of_every_subset(
    specs: list[tuple[int, frozenset[int]]], missing: frozenset[int]
) -> None:
    offers = [OfferOption(id=i, hours=h, work_processes=wps) for i, (h, wps) in enumerate(specs)]
    cover = cheapest_cover(missing, offers)
    coverable = missing & frozenset().union(*(o.work_processes for o in offers)) if offers else frozenset()
    chosen = [o for o in offers if o.id in cover.chosen]
    assert coverable <= frozenset().union(*(o.work_processes for o in chosen)) if chosen else not coverable
    best = min(
        sum(o.hours for o in subset)
        for size in range(len(offers) + 1)
        for subset in itertools.combinations(offers, size)
        if coverable <= frozenset().union(*(o.work_processes for o in subset))
    )
    assert cover.hours == best
    assert cover.uncoverable == missing - coverable


class Interrupted:
    """What ``milp`` answers when it runs out of time before finding any cover."""

    success = False
    status = 1
    x = None
    message = "Time limit reached. (HiGHS Status 13: Reached time limit)"


def test_the_solver_gets_a_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.update(kwargs)
        return routes_milp(*args, **kwargs)

    monkeypatch.setattr(routes, "milp", spy)
    cheapest_cover({1, 2}, [offer(1, 40, 1, 2), offer(2, 30, 1)])
    assert seen["options"] == {"time_limit": 3}


def test_without_a_solution_in_time_a_greedy_cover_is_answered_as_an_approximation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(routes, "milp", lambda *args, **kwargs: Interrupted())
    offers = [offer(1, 54, 1, 2, 3, 4, 5, 6), offer(2, 40, 1, 2, 3, 7), offer(3, 40, 4, 5, 6, 8)]
    cover = cheapest_cover({1, 2, 3, 4, 5, 6, 7, 8, 9}, offers)
    assert cover.approximate
    # Greedy takes offer 1 first (9 h per process); pruning then drops it, as 2 and 3 cover everything.
    assert cover.chosen == [2, 3]
    assert cover.hours == 80
    assert cover.uncoverable == {9}


def test_the_greedy_fallback_covers_every_coverable_work_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routes, "milp", lambda *args, **kwargs: Interrupted())
    offers = [offer(1, 10, 1), offer(2, 15, 2, 3), offer(3, 50, 1, 2, 3, 4), offer(4, 5, 5)]
    cover = cheapest_cover({1, 2, 3, 4, 5}, offers)
    chosen = [o for o in offers if o.id in cover.chosen]
    assert frozenset({1, 2, 3, 4, 5}) <= frozenset().union(*(o.work_processes for o in chosen))


def test_an_exact_cover_is_not_an_approximation() -> None:
    assert not cheapest_cover({1, 2}, [offer(1, 40, 1, 2), offer(2, 30, 1)]).approximate


def test_at_most_two_hundred_offers_go_to_the_solver_keeping_a_cover_of_every_work_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    columns: list[int] = []

    def spy(costs: Any, *args: Any, **kwargs: Any) -> Any:
        columns.append(len(costs))
        return routes_milp(costs, *args, **kwargs)

    monkeypatch.setattr(routes, "milp", spy)
    # 300 offers of two processes each, and one expensive offer, the only one that teaches process 99.
    offers = [offer(i, 10 + i % 7, i % 20, (i + 1) % 20) for i in range(300)] + [offer(999, 500, 99)]
    cover = cheapest_cover(set(range(20)) | {99}, offers)
    assert columns == [routes.MAX_OFFERS]
    assert 999 in cover.chosen
    assert cover.uncoverable == frozenset()
    assert cover.approximate  # not every offer was considered


def test_the_most_relevant_offers_are_considered_first() -> None:
    many = [offer(i, 1, 1) for i in range(300)] + [offer(1000, 100, 1, 2, 3)]
    considered = routes._considered(frozenset({1, 2, 3}), many)
    assert len(considered) == routes.MAX_OFFERS
    assert considered[0].id == 1000
