"""The cheapest cover of a skills gap, on hand-made cases whose best answer is known."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from wattwijs.matching.routes import OfferOption, cheapest_cover


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
