"""Matching: optimal cohort assignment on generated instances, and scoring one candidate against many places.

The assignment instances are generated in memory with a fixed seed (no database): 2,000 candidates x 500
places with capacities 1-5 and every pair allowed, and 20,000 candidates x 5,000 places with at most 50
allowed places per candidate, and 20,000 x 5,000 with at most 5 places per candidate and fewer seats than
candidates. The time is the solver's alone, building its arrays included.

Scoring: one chain of the demo database gets 10,000 extra learning places (each asking three work
processes, in a region of its own) inside a transaction that is rolled back afterwards. Measured: reading
the places' arrays from the database (what the top list does on every request), scoring one candidate
against all of them on those arrays, and the whole top list of that candidate (profile, arrays, score,
explanations for the ten best).
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


def scarce_instance() -> Problem:
    """Fewer seats than candidates and few places each: the max-score optimum leaves seats a max-placed
    assignment fills, so ``max-placed`` takes its exact second step."""
    import numpy as np

    from wattwijs.matching.assignment import Problem

    rng = np.random.default_rng(SEED + 1)
    n, m = 20_000, 5_000
    per_candidate = rng.integers(1, 6, n)
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


PLACES = 10_000


def _score_against_many_places(bench: Bench) -> None:
    import random

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wattwijs.core.models import Organisation, Region
    from wattwijs.framework.models import Alignment, WorkProcess
    from wattwijs.matching import scoring, selectors
    from wattwijs.pathways.models import Candidate, Chain, LearningPlace

    rng = random.Random(SEED)  # noqa: S311 - reproducible benchmark data
    chain = Chain.objects.order_by("pk").first()
    candidate = Candidate.objects.filter(chain=chain).order_by("pk").first()
    if chain is None or candidate is None:
        bench.report("matching: scoring", "skipped", "no demo chain with candidates")
        return
    with transaction.atomic():
        organisations = list(Organisation.objects.order_by("pk")[:200])
        places = LearningPlace.objects.bulk_create(
            LearningPlace(
                organisation=rng.choice(organisations),
                chain=chain,
                title=f"Benchmarkleerbaan {index}",
                capacity=rng.randint(1, 5),
                level=rng.randint(1, 4),
                hours_per_week=rng.choice([24, 32, 36, 40]),
                driving_licence_required=rng.random() < 0.3,
            )
            for index in range(PLACES)
        )
        wps = list(WorkProcess.objects.values_list("pk", flat=True)[:500])
        place_type = ContentType.objects.get_for_model(LearningPlace)
        Alignment.objects.bulk_create(
            Alignment(content_type=place_type, object_id=place.pk, work_process_id=wp)
            for place in places
            for wp in rng.sample(wps, min(3, len(wps)))
        )
        in_chain = LearningPlace.objects.filter(chain=chain).count()
        note = f"{in_chain:,} places in the chain, {Region.objects.count()} regions"
        weights = selectors.weights_for(chain=chain).as_dict()
        profile = selectors.profiles(candidates=[candidate])[candidate.pk]

        def read_arrays() -> None:
            selectors.place_table(chain=chain)

        table = selectors.place_table(chain=chain)

        def score_only() -> None:
            scoring.score(profile, table, weights)

        def top_list() -> None:
            selectors.top_places(candidate=Candidate.objects.select_related("chain", "region").get(pk=candidate.pk))

        for name, action in [
            ("scoring one candidate against every place (arrays in memory)", score_only),
            ("reading the places' arrays from the database", read_arrays),
            ("top 10 places of one candidate, from the database", top_list),
        ]:
            p50, p95 = bench.timings(action, warmup=2, requests=20)
            bench.report(f"matching: {name}", f"p50 {p50:.1f} ms, p95 {p95:.1f} ms", note)
        transaction.set_rollback(True)


def run(bench: Bench) -> None:
    _score_against_many_places(bench)
    _time_assignment(bench, "2,000 x 500, all pairs", dense_instance(), runs=5)
    _time_assignment(bench, "20,000 x 5,000, <= 50 places each", sparse_instance(), runs=3)
    _time_assignment(bench, "20,000 x 5,000, <= 5 places each, scarce seats", scarce_instance(), runs=3)
