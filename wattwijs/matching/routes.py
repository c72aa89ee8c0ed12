"""Route advice (leven lang ontwikkelen): the cheapest set of training offers that covers a skills gap.

Weighted set cover: choose offers so that every missing work process some offer covers is covered, with as
few study hours in total as possible. Solved exactly as a 0/1 integer programme (HiGHS branch and bound via
``scipy.optimize.milp``): one binary variable per offer, one "at least once" row per coverable missing work
process. Offers that cover none of the gap are left out before solving; work processes no offer covers are
reported, not silently dropped.

The solve is bounded so a page never waits long: at most ``MAX_OFFERS`` offers are considered (the most
relevant first, with for every coverable work process its cheapest offer kept), and HiGHS stops after
``TIME_LIMIT_SECONDS``. When it stops without an optimal solution, the cheaper of its incumbent (if any) and a
greedy cover (cheapest hours per newly covered work process, then without offers the rest already covers) is
answered instead. Either way, and whenever offers were left out, the cover is marked as an approximation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix


@dataclass(frozen=True)
class OfferOption:
    id: int
    hours: float
    work_processes: frozenset[int]


# Upper bounds on the exact solve: the number of offers (variables) and HiGHS's wall-clock time.
MAX_OFFERS = 200
TIME_LIMIT_SECONDS = 3


@dataclass(frozen=True)
class Cover:
    chosen: list[int]  # offer ids, cheapest first
    hours: float
    uncoverable: frozenset[int]  # missing work processes no offer covers
    approximate: bool = False  # True when the cover is not proven the cheapest


def _considered(missing: frozenset[int], useful: list[OfferOption]) -> list[OfferOption]:
    """At most ``MAX_OFFERS`` of the useful offers: for every coverable work process its cheapest offer,
    then the rest by relevance (most missing work processes covered, then fewest hours)."""
    if len(useful) <= MAX_OFFERS:
        return useful
    ranked = sorted(useful, key=lambda offer: (-len(offer.work_processes & missing), offer.hours, offer.id))
    kept: dict[int, OfferOption] = {}
    for wp in sorted(set().union(*(offer.work_processes & missing for offer in useful))):
        cheapest = min(
            (offer for offer in useful if wp in offer.work_processes), key=lambda offer: (offer.hours, offer.id)
        )
        kept.setdefault(cheapest.id, cheapest)
    for offer in ranked:
        if len(kept) >= MAX_OFFERS:
            break
        kept.setdefault(offer.id, offer)
    return [offer for offer in ranked if offer.id in kept]


def _greedy(missing: frozenset[int], offers: list[OfferOption]) -> list[OfferOption]:
    """A cover by the classic greedy rule, then pruned: offers whose work processes the others cover go."""
    open_wps: set[int] = set().union(*(offer.work_processes & missing for offer in offers))
    chosen: list[OfferOption] = []
    while open_wps:
        best = min(
            (offer for offer in offers if offer.work_processes & open_wps),
            key=lambda offer: (offer.hours / len(offer.work_processes & open_wps), offer.hours, offer.id),
        )
        chosen.append(best)
        open_wps -= best.work_processes
    for offer in sorted(chosen, key=lambda offer: (-offer.hours, -offer.id)):
        others = [other for other in chosen if other is not offer]
        covered_by_others: set[int] = set().union(*(other.work_processes for other in others))
        if offer.work_processes & missing <= covered_by_others:
            chosen = others
    return chosen


def cheapest_cover(missing: set[int] | frozenset[int], offers: list[OfferOption]) -> Cover:
    """The offers with the fewest total hours that together cover every coverable work process of ``missing``.

    Exact unless the solver runs out of time or offers had to be left out; then the cover says it is an
    approximation.
    """
    missing = frozenset(missing)
    all_useful = [offer for offer in offers if offer.work_processes & missing]
    useful = _considered(missing, all_useful)
    coverable = sorted(set().union(*(offer.work_processes & missing for offer in useful)) if useful else set())
    uncoverable = frozenset(missing - set(coverable))
    if not coverable:
        return Cover(chosen=[], hours=0.0, uncoverable=uncoverable)
    row_of = {wp: i for i, wp in enumerate(coverable)}
    rows, cols = [], []
    for column, offer in enumerate(useful):
        for wp in offer.work_processes & missing:
            rows.append(row_of[wp])
            cols.append(column)
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(coverable), len(useful)))
    # A tiny cost per offer prefers fewer offers among covers with the same hours.
    costs = np.array([offer.hours for offer in useful], dtype=np.float64) + 1e-6
    result = milp(
        costs,
        constraints=LinearConstraint(matrix, lb=np.ones(len(coverable)), ub=np.inf),
        integrality=np.ones(len(useful)),
        bounds=Bounds(0, 1),
        options={"time_limit": TIME_LIMIT_SECONDS},
    )
    solved: list[OfferOption] | None = None
    if result.x is not None:
        taken = (np.asarray(result.x) > 0.5).astype(np.float64)
        # An interrupted solve may hand back an incumbent; it is only usable when it covers every row.
        if np.all(matrix @ taken >= 1):
            solved = [useful[i] for i in np.flatnonzero(taken)]
    exact = bool(result.success) and solved is not None
    if solved is None or not exact:
        # Out of time (or no usable answer): the greedy cover, or the solver's incumbent when it is cheaper.
        greedy = _greedy(missing, useful)
        if solved is None or sum(o.hours for o in greedy) < sum(o.hours for o in solved):
            solved = greedy
    chosen = sorted(solved, key=lambda offer: (offer.hours, offer.id))
    return Cover(
        chosen=[offer.id for offer in chosen],
        hours=float(sum(offer.hours for offer in chosen)),
        uncoverable=uncoverable,
        # Proven the cheapest only when solved to optimality over every useful offer.
        approximate=not exact or len(useful) < len(all_useful),
    )
