"""Matching: optimal cohort assignment on generated instances, and scoring one candidate against many places.

The assignment instances are generated in memory with a fixed seed (no database): 2,000 candidates x 500
places with capacities 1-5 and every pair allowed, and 20,000 candidates x 5,000 places with at most 50
allowed places per candidate. The time is the solver's alone, building its arrays included.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench
    from wattwijs.matching.assignment import Problem

SEED = 20260901


def dense_instance() -> Problem:
    import numpy as np

    from wattwijs.matching.assignment import Problem

    rng = np.random.default_rng(SEED)
    n, m = 2_000, 500
    return Problem(
        n_candidates=n,
        capacities=rng.integers(1, 6, m),
        pair_candidates=np.repeat(np.arange(n), m),
        pair_places=np.tile(np.arange(m), n),
        pair_scores=rng.random(n * m),
    )


def sparse_instance() -> Problem:
    import numpy as np

    from wattwijs.matching.assignment import Problem

    rng = np.random.default_rng(SEED)
    n, m = 20_000, 5_000
    per_candidate = rng.integers(1, 51, n)
    places = np.concatenate([rng.choice(m, k, replace=False) for k in per_candidate]).astype(np.int64)
    return Problem(
        n_candidates=n,
        capacities=rng.integers(1, 6, m),
        pair_candidates=np.repeat(np.arange(n), per_candidate),
        pair_places=places,
        pair_scores=rng.random(len(places)),
    )


def _time_assignment(bench: Bench, name: str, problem: Problem, runs: int) -> None:
    import statistics

    from wattwijs.matching.assignment import Objective, solve

    for objective in Objective:
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            result = solve(problem, objective)
            seconds.append(time.perf_counter() - started)
        bench.report(
            f"matching: optimal assignment, {name}, {objective}",
            f"median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s",
            f"{len(problem.pair_places):,} allowed pairs, {result.placed:,} placed, "
            f"total score {result.total_score:.2f}, {runs} runs",
        )


def run(bench: Bench) -> None:
    _time_assignment(bench, "2,000 x 500, all pairs", dense_instance(), runs=5)
    _time_assignment(bench, "20,000 x 5,000, <= 50 places each", sparse_instance(), runs=3)
