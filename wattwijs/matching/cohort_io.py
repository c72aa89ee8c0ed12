"""The JSON interface of ``match_cohort``: read and check IN.json, solve, and build OUT.json.

IN.json: ``{"candidates": ["c1", ...], "places": [{"id": "p1", "capacity": 2}, ...],
"scores": [{"candidate": "c1", "place": "p1", "score": 0.83}, ...]}``. Only listed pairs are allowed.

OUT.json: ``{"assignments": [{"candidate": "c1", "place": "p1", "score": 0.83}, ...], "unassigned": [...],
"total_score": 12.34, "objective": "max-score"}``.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np

from wattwijs.matching.assignment import Objective, Problem, solve


class CohortInputError(ValueError):
    """The input breaks the interface; the message says where."""


def _is_id(value: Any) -> bool:
    return (isinstance(value, str) and value != "") or (isinstance(value, int) and not isinstance(value, bool))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def parse(text: str) -> tuple[list[Any], list[Any], list[int], list[tuple[int, int, float]]]:
    """Candidate ids, place ids, capacities and pairs as (candidate index, place index, score)."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CohortInputError(f"the input is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise CohortInputError("the input must be a JSON object with candidates, places and scores")
    for name in ("candidates", "places", "scores"):
        if not isinstance(data.get(name), list):
            raise CohortInputError(f'"{name}" must be a list')

    candidates: list[Any] = []
    candidate_index: dict[Any, int] = {}
    candidate: Any
    place: Any
    for position, candidate in enumerate(data["candidates"]):
        if not _is_id(candidate):
            raise CohortInputError(f"candidates[{position}] must be a non-empty string or an integer")
        if candidate in candidate_index:
            raise CohortInputError(f"duplicate candidate id {json.dumps(candidate)}")
        candidate_index[candidate] = len(candidates)
        candidates.append(candidate)

    places: list[Any] = []
    capacities: list[int] = []
    place_index: dict[Any, int] = {}
    for position, place in enumerate(data["places"]):
        if not isinstance(place, dict) or not _is_id(place.get("id")):
            raise CohortInputError(f'places[{position}] must be an object with an "id" (string or integer)')
        capacity = place.get("capacity")
        if not isinstance(capacity, int) or isinstance(capacity, bool):
            raise CohortInputError(f'places[{position}] must have an integer "capacity"')
        if capacity < 0:
            raise CohortInputError(f"place {json.dumps(place['id'])} has a negative capacity ({capacity})")
        if place["id"] in place_index:
            raise CohortInputError(f"duplicate place id {json.dumps(place['id'])}")
        place_index[place["id"]] = len(places)
        places.append(place["id"])
        capacities.append(capacity)

    pairs: list[tuple[int, int, float]] = []
    seen: set[tuple[int, int]] = set()
    for position, item in enumerate(data["scores"]):
        if not isinstance(item, dict):
            raise CohortInputError(f"scores[{position}] must be an object with candidate, place and score")
        candidate, place = item.get("candidate"), item.get("place")
        score: Any = item.get("score")
        if not _is_id(candidate) or candidate not in candidate_index:
            raise CohortInputError(f"scores[{position}] names an unknown candidate {json.dumps(candidate)}")
        if not _is_id(place) or place not in place_index:
            raise CohortInputError(f"scores[{position}] names an unknown place {json.dumps(place)}")
        if not _is_number(score) or not 0 <= score <= 1:
            raise CohortInputError(f"scores[{position}] has score {json.dumps(score)}; a score lies in [0, 1]")
        pair_key = (candidate_index[candidate], place_index[place])
        if pair_key in seen:
            raise CohortInputError(
                f"duplicate pair: candidate {json.dumps(candidate)} and place {json.dumps(place)} appear more than once"
            )
        seen.add(pair_key)
        pairs.append((pair_key[0], pair_key[1], float(score)))
    return candidates, places, capacities, pairs


def assign(text: str, objective: Objective) -> dict[str, Any]:
    """OUT.json's content for the input ``text``; raises ``CohortInputError`` on invalid input."""
    candidates, places, capacities, pairs = parse(text)
    problem = Problem.build(n_candidates=len(candidates), capacities=capacities, pairs=pairs)
    result = solve(problem, objective)
    assignments = []
    unassigned = []
    # The input's own score values, so OUT.json repeats exactly what IN.json said.
    own_score = {(c, p): s for c, p, s in pairs}
    total = 0.0
    for index, candidate in enumerate(candidates):
        place = int(result.place_of[index])
        if place < 0:
            unassigned.append(candidate)
            continue
        score = own_score[(index, place)]
        total += score
        assignments.append({"candidate": candidate, "place": places[place], "score": score})
    return {
        "assignments": assignments,
        "unassigned": unassigned,
        "total_score": round(float(np.float64(total)), 10),
        "objective": str(objective),
    }
