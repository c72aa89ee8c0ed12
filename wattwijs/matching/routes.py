"""Route advice (leven lang ontwikkelen): the cheapest set of training offers that covers a skills gap.

Weighted set cover: choose offers so that every missing work process some offer covers is covered, with as
few study hours in total as possible. Solved exactly as a 0/1 integer programme (HiGHS branch and bound via
``scipy.optimize.milp``): one binary variable per offer, one "at least once" row per coverable missing work
process. Offers that cover none of the gap are left out before solving; work processes no offer covers are
reported, not silently dropped.
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


@dataclass(frozen=True)
class Cover:
    chosen: list[int]  # offer ids, cheapest first
    hours: float
    uncoverable: frozenset[int]  # missing work processes no offer covers


def cheapest_cover(missing: set[int] | frozenset[int], offers: list[OfferOption]) -> Cover:
    """The offers with the fewest total hours that together cover every coverable work process of ``missing``."""
    useful = [offer for offer in offers if offer.work_processes & missing]
    coverable = sorted(set().union(*(offer.work_processes & missing for offer in useful)) if useful else set())
    uncoverable = frozenset(set(missing) - set(coverable))
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
    )
    if result.x is None:  # cannot happen: taking every useful offer covers everything coverable
        raise RuntimeError(result.message)
    chosen = sorted((useful[i] for i in np.flatnonzero(result.x > 0.5)), key=lambda offer: (offer.hours, offer.id))
    return Cover(
        chosen=[offer.id for offer in chosen],
        hours=float(sum(offer.hours for offer in chosen)),
        uncoverable=uncoverable,
    )
