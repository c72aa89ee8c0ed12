"""Optimal cohort assignment: candidates to places with capacities, over allowed pairs only.

Three exact formulations, chosen by the shape of the instance:

- every pair allowed: the dense Jonker-Volgenant solver (``scipy.optimize.linear_sum_assignment``) on
  candidates x place slots, each place expanded into ``capacity`` identical slots;
- otherwise, for ``max-score``: the transportation linear programme (each candidate at most one place, each
  place at most its capacity) solved with HiGHS's dual simplex. Its constraint matrix is the incidence
  matrix of a bipartite graph, totally unimodular, so the simplex vertex it returns is integral;
- for ``max-placed``: the maximum number of candidates that can be placed comes from a maximum bipartite
  matching (Hopcroft-Karp) on the expanded graph. When the ``max-score`` optimum already places that many,
  it is also the ``max-placed`` optimum. Otherwise a minimum-weight full bipartite matching (LAPJVsp) on the
  expanded graph with one private "stay unassigned" slot per candidate decides: a pair costs
  ``2 - score`` and staying unassigned ``2 + n + 1``, so one more placed candidate saves more than any
  difference in total score (at most ``n``) and the number placed comes first, the score second.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment, linprog
from scipy.sparse import csc_matrix, csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching, min_weight_full_bipartite_matching

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

# Above this many matrix cells the dense solver would need more memory than it saves time.
DENSE_CELLS_LIMIT = 25_000_000


class Objective(enum.StrEnum):
    MAX_SCORE = "max-score"
    MAX_PLACED = "max-placed"


@dataclass(frozen=True)
class Problem:
    """Candidates ``0..n_candidates-1``, places ``0..len(capacities)-1`` and the allowed pairs with their score.

    Pairs are unique; scores lie in [0, 1].
    """

    n_candidates: int
    capacities: IntArray
    pair_candidates: IntArray
    pair_places: IntArray
    pair_scores: FloatArray

    @classmethod
    def build(
        cls,
        *,
        n_candidates: int,
        capacities: list[int] | IntArray,
        pairs: list[tuple[int, int, float]],
    ) -> Problem:
        array = np.asarray(pairs, dtype=np.float64).reshape(-1, 3)
        return cls(
            n_candidates=n_candidates,
            capacities=np.asarray(capacities, dtype=np.int64),
            pair_candidates=array[:, 0].astype(np.int64),
            pair_places=array[:, 1].astype(np.int64),
            pair_scores=array[:, 2].copy(),
        )


@dataclass(frozen=True)
class Assignment:
    """``place_of[c]`` is the place of candidate ``c``, or -1; ``score_of[c]`` its pair's score (0 when -1)."""

    place_of: IntArray
    score_of: FloatArray

    @property
    def placed(self) -> int:
        return int(np.count_nonzero(self.place_of >= 0))

    @property
    def total_score(self) -> float:
        return float(self.score_of[self.place_of >= 0].sum())


def solve(problem: Problem, objective: Objective = Objective.MAX_SCORE) -> Assignment:
    """An optimal assignment of ``problem`` under ``objective``."""
    n = problem.n_candidates
    capacities = np.maximum(problem.capacities, 0)
    keep = capacities[problem.pair_places] > 0 if len(problem.pair_places) else np.zeros(0, dtype=bool)
    cands, places, scores = problem.pair_candidates[keep], problem.pair_places[keep], problem.pair_scores[keep]
    place_of = np.full(n, -1, dtype=np.int64)
    score_of = np.zeros(n, dtype=np.float64)
    slots = int(capacities.sum())
    if n == 0 or slots == 0 or len(cands) == 0:
        return Assignment(place_of=place_of, score_of=score_of)
    slot_place = np.repeat(np.arange(len(capacities), dtype=np.int64), capacities)

    if len(cands) == n * len(capacities) and n * slots <= DENSE_CELLS_LIMIT:
        # Every pair allowed: with scores >= 0, some optimal assignment fills min(n, slots) pairs, so the
        # rectangular problem without "unassigned" slots has the same optimum for both objectives.
        matrix = np.empty((n, len(capacities)), dtype=np.float64)
        matrix[cands, places] = scores
        rows, cols = linear_sum_assignment(matrix[:, slot_place], maximize=True)
        chosen_places = slot_place[cols]
        place_of[rows] = chosen_places
        score_of[rows] = matrix[rows, chosen_places]
        return Assignment(place_of=place_of, score_of=score_of)

    assignment = _max_score_lp(n, capacities, cands, places, scores)
    if objective == Objective.MAX_PLACED and assignment.placed < _max_placed(n, capacities, cands, places):
        assignment = _expanded_matching(n, capacities, cands, places, scores, objective)
    return assignment


def _empty(n: int) -> tuple[IntArray, FloatArray]:
    return np.full(n, -1, dtype=np.int64), np.zeros(n, dtype=np.float64)


def _max_score_lp(n: int, capacities: IntArray, cands: IntArray, places: IntArray, scores: FloatArray) -> Assignment:
    edges = len(cands)
    columns = np.arange(edges, dtype=np.int64)
    matrix = csc_matrix(
        (np.ones(2 * edges), (np.concatenate((cands, n + places)), np.concatenate((columns, columns)))),
        shape=(n + len(capacities), edges),
    )
    bounds = np.concatenate((np.ones(n), capacities.astype(np.float64)))
    result = linprog(-scores, A_ub=matrix, b_ub=bounds, bounds=(0, 1), method="highs-ds")
    x = result.x if result.status == 0 else None
    if x is None or np.any((x > 1e-6) & (x < 1 - 1e-6)):
        # Not expected for a totally unimodular programme; the matching formulation is exact anyway.
        return _expanded_matching(n, capacities, cands, places, scores, Objective.MAX_SCORE)
    chosen = x > 0.5
    place_of, score_of = _empty(n)
    place_of[cands[chosen]] = places[chosen]
    score_of[cands[chosen]] = scores[chosen]
    return Assignment(place_of=place_of, score_of=score_of)


def _expanded_edges(capacities: IntArray, cands: IntArray, places: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """Every allowed pair as one edge per slot of its place: (rows, slot columns, index of the pair)."""
    first_slot = np.concatenate(([0], np.cumsum(capacities)[:-1])).astype(np.int64)
    repeats = capacities[places]
    total = int(repeats.sum())
    starts = np.repeat(np.cumsum(repeats) - repeats, repeats)
    pair = np.repeat(np.arange(len(cands), dtype=np.int64), repeats)
    cols = first_slot[places[pair]] + (np.arange(total, dtype=np.int64) - starts)
    return cands[pair], cols, pair


def _max_placed(n: int, capacities: IntArray, cands: IntArray, places: IntArray) -> int:
    rows, cols, _pair = _expanded_edges(capacities, cands, places)
    graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, int(capacities.sum())))
    matched = maximum_bipartite_matching(graph, perm_type="column")
    return int(np.count_nonzero(matched >= 0))


def _expanded_matching(
    n: int, capacities: IntArray, cands: IntArray, places: IntArray, scores: FloatArray, objective: Objective
) -> Assignment:
    slots = int(capacities.sum())
    rows, cols, pair = _expanded_edges(capacities, cands, places)
    unassigned_cost = 2.0 if objective == Objective.MAX_SCORE else 2.0 + n + 1.0
    own = np.arange(n, dtype=np.int64)
    graph = csr_matrix(
        (
            np.concatenate((2.0 - scores[pair], np.full(n, unassigned_cost))),
            (np.concatenate((rows, own)), np.concatenate((cols, slots + own))),
        ),
        shape=(n, slots + n),
    )
    # Column -> index of the pair it stands for, per row: rebuilt from the matched (row, column) below.
    edge_of = csr_matrix(
        (
            np.concatenate((pair + 1, np.zeros(n, dtype=np.int64))),
            (np.concatenate((rows, own)), np.concatenate((cols, slots + own))),
        ),
        shape=(n, slots + n),
    )
    matched_rows, matched_cols = min_weight_full_bipartite_matching(graph)
    place_of, score_of = _empty(n)
    real = matched_cols < slots
    chosen_pairs = np.asarray(edge_of[matched_rows[real], matched_cols[real]]).ravel() - 1
    place_of[cands[chosen_pairs]] = places[chosen_pairs]
    score_of[cands[chosen_pairs]] = scores[chosen_pairs]
    return Assignment(place_of=place_of, score_of=score_of)
