"""The cohort assignment is optimal, never breaks a capacity and uses only allowed pairs."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

from wattwijs.matching.assignment import Assignment, Objective, Problem, solve

TOLERANCE = 1e-9


@st.composite
def small_problems(draw: st.DrawFn) -> Problem:
    n = draw(st.integers(0, 5))
    m = draw(st.integers(0, 3))
    capacities = draw(st.lists(st.integers(0, 2), min_size=m, max_size=m))
    pairs = []
    for candidate in range(n):
        for place in range(m):
            if draw(st.booleans()):
                # Whole hundredths, with 0 and 1 among them, so ties and zero scores come up often.
                pairs.append((candidate, place, draw(st.integers(0, 100)) / 100))
    return Problem.build(n_candidates=n, capacities=capacities, pairs=pairs)


def brute_force(problem: Problem) -> tuple[float, tuple[int, float]]:
    """The best total score, and the best (placed, total score), over every feasible assignment."""
    options: list[list[tuple[int, float]]] = [[(-1, 0.0)] for _ in range(problem.n_candidates)]
    for c, p, s in zip(problem.pair_candidates, problem.pair_places, problem.pair_scores, strict=True):
        options[int(c)].append((int(p), float(s)))
    best_score = 0.0
    best_placed = (0, 0.0)
    for choice in itertools.product(*options):
        used = [place for place, _score in choice if place >= 0]
        if any(used.count(place) > problem.capacities[place] for place in set(used)):
            continue
        total = sum(score for place, score in choice if place >= 0)
        best_score = max(best_score, total)
        best_placed = max(best_placed, (len(used), total), key=lambda pair: (pair[0], round(pair[1], 9)))
    return best_score, best_placed


def assert_feasible(problem: Problem, assignment: Assignment) -> None:
    allowed = {
        (int(c), int(p)): float(s)
        for c, p, s in zip(problem.pair_candidates, problem.pair_places, problem.pair_scores, strict=True)
    }
    counts = np.zeros(len(problem.capacities), dtype=np.int64)
    for candidate, place in enumerate(assignment.place_of):
        if place >= 0:
            assert (candidate, int(place)) in allowed
            assert assignment.score_of[candidate] == allowed[(candidate, int(place))]
            counts[place] += 1
    assert np.all(counts <= problem.capacities)


@settings(max_examples=300, deadline=None)
@given(small_problems())
def test_max_score_equals_brute_force(problem: Problem) -> None:
    assignment = solve(problem, Objective.MAX_SCORE)
    assert_feasible(problem, assignment)
    best_score, _ = brute_force(problem)
    assert assignment.total_score == pytest.approx(best_score, abs=TOLERANCE)


@settings(max_examples=300, deadline=None)
@given(small_problems())
def test_max_placed_places_most_then_scores_best(problem: Problem) -> None:
    assignment = solve(problem, Objective.MAX_PLACED)
    assert_feasible(problem, assignment)
    _, (placed, score) = brute_force(problem)
    assert assignment.placed == placed
    assert assignment.total_score == pytest.approx(score, abs=TOLERANCE)


def test_max_placed_gives_up_score_to_place_one_more() -> None:
    # Anna scores 1.0 at the only place Bram may go; max-score places Anna there, max-placed places both.
    problem = Problem.build(n_candidates=2, capacities=[1, 1], pairs=[(0, 0, 1.0), (0, 1, 0.1), (1, 0, 0.2)])
    assert solve(problem, Objective.MAX_SCORE).total_score == pytest.approx(1.0)
    placed = solve(problem, Objective.MAX_PLACED)
    assert placed.placed == 2
    assert placed.total_score == pytest.approx(0.3)


def test_zero_capacity_place_takes_nobody() -> None:
    problem = Problem.build(n_candidates=2, capacities=[0, 1], pairs=[(0, 0, 1.0), (1, 0, 1.0), (1, 1, 0.5)])
    assignment = solve(problem, Objective.MAX_PLACED)
    assert list(assignment.place_of) == [-1, 1]


def _random_problem(seed: int, n: int, m: int, per_candidate: int | None) -> Problem:
    rng = np.random.default_rng(seed)
    # Without a limit per candidate every pair is allowed and every place open: the dense case.
    capacities = rng.integers(0 if per_candidate else 1, 4, m)
    if per_candidate is None:
        cands = np.repeat(np.arange(n), m)
        places = np.tile(np.arange(m), n)
    else:
        counts = rng.integers(0, per_candidate + 1, n)
        cands = np.repeat(np.arange(n), counts)
        places = np.concatenate([rng.choice(m, k, replace=False) for k in counts]).astype(np.int64)
    scores = np.round(rng.random(len(cands)), 3)
    return Problem(n_candidates=n, capacities=capacities, pair_candidates=cands, pair_places=places, pair_scores=scores)


def milp_optimum(problem: Problem, objective: Objective) -> tuple[int, float]:
    """The optimum as a 0/1 integer programme over the pairs, solved by HiGHS branch and bound.

    For ``max-placed``: first the most candidates placed, then the best score with that many placed.
    """
    n, m, edges = problem.n_candidates, len(problem.capacities), len(problem.pair_candidates)
    columns = np.arange(edges)
    rows = csr_matrix(
        (np.ones(2 * edges), (np.concatenate((problem.pair_candidates, n + problem.pair_places)), np.tile(columns, 2))),
        shape=(n + m, edges),
    )
    limits = LinearConstraint(rows, 0, np.concatenate((np.ones(n), problem.capacities)))
    constraints = [limits]
    if objective == Objective.MAX_PLACED:
        most = milp(-np.ones(edges), constraints=constraints, integrality=np.ones(edges), bounds=Bounds(0, 1))
        placed = round(-most.fun)
        constraints.append(LinearConstraint(np.ones((1, edges)), placed, placed))
    best = milp(-problem.pair_scores, constraints=constraints, integrality=np.ones(edges), bounds=Bounds(0, 1))
    chosen = best.x > 0.5
    return int(chosen.sum()), float(problem.pair_scores[chosen].sum())


@pytest.mark.parametrize("objective", list(Objective))
@pytest.mark.parametrize(
    ("seed", "n", "m", "per_candidate"),
    [(1, 60, 20, None), (5, 30, 40, None), (2, 150, 40, 8), (3, 200, 30, 3), (4, 120, 60, 15)],
)
def test_medium_instances_match_an_integer_programme(
    objective: Objective, seed: int, n: int, m: int, per_candidate: int | None
) -> None:
    problem = _random_problem(seed, n, m, per_candidate)
    assignment = solve(problem, objective)
    assert_feasible(problem, assignment)
    placed, score = milp_optimum(problem, objective)
    assert assignment.total_score == pytest.approx(score, abs=1e-6)
    if objective == Objective.MAX_PLACED:
        assert assignment.placed == placed


def test_a_fractional_simplex_answer_falls_back_to_the_exact_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from wattwijs.matching import assignment

    def fractional(c: Any, **kwargs: Any) -> SimpleNamespace:
        return SimpleNamespace(status=0, x=np.full(len(c), 0.5))

    monkeypatch.setattr(assignment, "linprog", fractional)
    problem = Problem.build(n_candidates=2, capacities=[1, 1], pairs=[(0, 0, 1.0), (0, 1, 0.1), (1, 0, 0.2)])
    placed = solve(problem, Objective.MAX_PLACED)
    assert placed.placed == 2
    assert placed.total_score == pytest.approx(0.3)
