"""The score's parts, hard constraints and their explanation in words, on hand-made arrays."""

from __future__ import annotations

import datetime
import math

import numpy as np
import pytest
from django.utils import translation
from scipy.sparse import csr_matrix

from wattwijs.matching.scoring import DEFAULT_WEIGHTS, PlaceTable, Profile, explain, score

UTRECHT = (math.radians(52.0907), math.radians(5.1214))
AMERSFOORT = (math.radians(52.1561), math.radians(5.3878))  # about 19 km from Utrecht
START = datetime.date(2026, 9, 1).toordinal()


def table(**overrides: object) -> PlaceTable:
    """One place in Amersfoort asking work processes 1, 2, 3 (and 4 more unrelated ones in other places)."""
    values: dict[str, object] = {
        "ids": np.array([10], dtype=np.int64),
        "latitude": np.array([AMERSFOORT[0]]),
        "longitude": np.array([AMERSFOORT[1]]),
        "theme": np.array([7], dtype=np.int64),
        "level": np.array([3], dtype=np.int64),
        "hours": np.array([36], dtype=np.int64),
        "start": np.array([START], dtype=np.int64),
        "licence": np.array([False]),
        "free": np.array([1], dtype=np.int64),
        "required": csr_matrix(np.array([[1.0, 1.0, 1.0, 0.0]])),
        "required_count": np.array([3.0]),
        "column_of": {1: 0, 2: 1, 3: 2, 4: 3},
    }
    values.update(overrides)
    return PlaceTable(**values)  # type: ignore[arg-type]


def profile(**overrides: object) -> Profile:
    values: dict[str, object] = {
        "latitude": UTRECHT[0],
        "longitude": UTRECHT[1],
        "themes": frozenset({7}),
        "work_processes": frozenset({1, 2, 9}),
        "level": 3,
        "hours": 36,
        "available_from": START - 10,
        "licence": True,
        "travel_limit_km": 25.0,
    }
    values.update(overrides)
    return Profile(**values)  # type: ignore[arg-type]


def test_competence_part_is_the_share_of_required_work_processes_mastered() -> None:
    scores = score(profile(), table(), DEFAULT_WEIGHTS)
    assert scores.parts["competences"][0] == pytest.approx(2 / 3)


def test_a_place_without_requirements_counts_as_full_competence_fit() -> None:
    scores = score(profile(), table(required=csr_matrix((1, 4)), required_count=np.array([0.0])), DEFAULT_WEIGHTS)
    assert scores.parts["competences"][0] == 1.0


def test_distance_part_falls_with_the_distance_against_the_travel_limit() -> None:
    scores = score(profile(), table(), DEFAULT_WEIGHTS)
    assert 15 < scores.distance_km[0] < 25
    assert scores.parts["distance"][0] == pytest.approx(1 - scores.distance_km[0] / 25)
    assert scores.allowed[0]


def test_beyond_the_travel_limit_the_pair_is_excluded() -> None:
    scores = score(profile(travel_limit_km=10.0), table(), DEFAULT_WEIGHTS)
    assert not scores.allowed[0]
    assert scores.too_far[0]


def test_a_required_driving_licence_the_candidate_lacks_excludes_the_pair() -> None:
    scores = score(profile(licence=False), table(licence=np.array([True])), DEFAULT_WEIGHTS)
    assert not scores.allowed[0]
    assert scores.licence_missing[0]


def test_level_one_below_counts_half_and_two_below_nothing() -> None:
    assert score(profile(level=2), table(), DEFAULT_WEIGHTS).parts["level"][0] == 0.5
    assert score(profile(level=1), table(), DEFAULT_WEIGHTS).parts["level"][0] == 0.0


def test_start_part_falls_over_ninety_days_late() -> None:
    assert score(profile(available_from=START + 45), table(), DEFAULT_WEIGHTS).parts["start"][0] == pytest.approx(0.5)
    assert score(profile(available_from=START), table(), DEFAULT_WEIGHTS).parts["start"][0] == 1.0


def test_total_is_the_weighted_mean_of_the_parts() -> None:
    weights = {"competences": 1, "theme": 1, "distance": 0, "level": 0, "hours": 0, "start": 0}
    scores = score(profile(themes=frozenset({8})), table(), weights)
    assert scores.total[0] == pytest.approx((2 / 3 + 0) / 2)


def test_the_parts_are_explained_in_dutch_words() -> None:
    p = profile()
    t = table()
    with translation.override("nl"):
        words = explain(score(p, t, DEFAULT_WEIGHTS), t, 0, p)
    assert words[0] == "67% van de werkprocessen al beheerst"
    assert "start past" in words
    assert any(word.endswith(" km") for word in words)
