"""``manage.py match_cohort``: the JSON interface, both objectives and every error path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

EXAMPLE = {
    "candidates": ["c1", "c2", "c3"],
    "places": [{"id": "p1", "capacity": 1}, {"id": "p2", "capacity": 1}],
    "scores": [
        {"candidate": "c1", "place": "p1", "score": 0.9},
        {"candidate": "c1", "place": "p2", "score": 0.1},
        {"candidate": "c2", "place": "p1", "score": 0.3},
    ],
}


def run(tmp_path: Path, data: Any, *extra: str) -> dict[str, Any]:
    source = tmp_path / "in.json"
    source.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    target = tmp_path / "out.json"
    call_command("match_cohort", "--input", str(source), "--output", str(target), *extra)
    return dict(json.loads(target.read_text(encoding="utf-8")))


def test_it_writes_the_max_score_assignment(tmp_path: Path) -> None:
    out = run(tmp_path, EXAMPLE)
    assert out == {
        "assignments": [{"candidate": "c1", "place": "p1", "score": 0.9}],
        "unassigned": ["c2", "c3"],
        "total_score": 0.9,
        "objective": "max-score",
    }


def test_it_places_the_most_with_max_placed(tmp_path: Path) -> None:
    out = run(tmp_path, EXAMPLE, "--objective", "max-placed")
    assert out["assignments"] == [
        {"candidate": "c1", "place": "p2", "score": 0.1},
        {"candidate": "c2", "place": "p1", "score": 0.3},
    ]
    assert out["unassigned"] == ["c3"]
    assert out["total_score"] == pytest.approx(0.4)
    assert out["objective"] == "max-placed"


def test_it_allows_a_pair_with_score_zero(tmp_path: Path) -> None:
    data = {
        "candidates": ["a"],
        "places": [{"id": "p", "capacity": 1}],
        "scores": [{"candidate": "a", "place": "p", "score": 0}],
    }
    out = run(tmp_path, data, "--objective", "max-placed")
    assert out["assignments"] == [{"candidate": "a", "place": "p", "score": 0}]


def test_it_handles_an_empty_cohort(tmp_path: Path) -> None:
    out = run(tmp_path, {"candidates": [], "places": [], "scores": []})
    assert out == {"assignments": [], "unassigned": [], "total_score": 0.0, "objective": "max-score"}


def _with(**changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(EXAMPLE))
    data.update(changes)
    return data


INVALID = {
    "malformed JSON": ('{"candidates": [', "not valid JSON"),
    "not an object": ("[1, 2]", "JSON object"),
    "candidates missing": ({"places": [], "scores": []}, '"candidates" must be a list'),
    "duplicate candidate": (_with(candidates=["c1", "c1"]), 'duplicate candidate id "c1"'),
    "candidate id not a string": (_with(candidates=[["c1"]]), "candidates[0]"),
    "duplicate place": (
        _with(places=[{"id": "p1", "capacity": 1}, {"id": "p1", "capacity": 2}], scores=[]),
        'duplicate place id "p1"',
    ),
    "negative capacity": (_with(places=[{"id": "p1", "capacity": -1}], scores=[]), "negative capacity"),
    "capacity not an integer": (_with(places=[{"id": "p1", "capacity": 1.5}], scores=[]), 'integer "capacity"'),
    "unknown candidate": (
        _with(scores=[{"candidate": "zz", "place": "p1", "score": 0.5}]),
        'unknown candidate "zz"',
    ),
    "unknown place": (_with(scores=[{"candidate": "c1", "place": "zz", "score": 0.5}]), 'unknown place "zz"'),
    "duplicate pair": (
        _with(
            scores=[
                {"candidate": "c1", "place": "p1", "score": 0.5},
                {"candidate": "c1", "place": "p1", "score": 0.6},
            ]
        ),
        "duplicate pair",
    ),
    "score above one": (_with(scores=[{"candidate": "c1", "place": "p1", "score": 1.2}]), "lies in [0, 1]"),
    "score below zero": (_with(scores=[{"candidate": "c1", "place": "p1", "score": -0.1}]), "lies in [0, 1]"),
    "score not a number": (_with(scores=[{"candidate": "c1", "place": "p1", "score": "0.5"}]), "lies in [0, 1]"),
}


@pytest.mark.parametrize("case", list(INVALID))
def test_invalid_input_exits_with_status_2_and_writes_nothing(tmp_path: Path, case: str) -> None:
    data, message = INVALID[case]
    source = tmp_path / "in.json"
    source.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    target = tmp_path / "out.json"
    with pytest.raises(CommandError) as raised:
        call_command("match_cohort", "--input", str(source), "--output", str(target))
    assert raised.value.returncode == 2
    assert message in str(raised.value)
    assert list(tmp_path.iterdir()) == [source]


def test_a_missing_input_file_exits_with_status_2(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("match_cohort", "--input", str(tmp_path / "nope.json"), "--output", str(tmp_path / "out.json"))
    assert raised.value.returncode == 2
    assert "cannot read" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_the_process_exits_with_status_2_and_a_message_on_stderr(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(_with(candidates=["c1", "c1"])), encoding="utf-8")
    target = tmp_path / "out.json"
    completed = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", "match_cohort", "--input", str(source), "--output", str(target)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert 'duplicate candidate id "c1"' in completed.stderr
    assert not target.exists()


def test_an_unknown_objective_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    with pytest.raises(CommandError, match="invalid choice"):
        call_command(
            "match_cohort", "--input", str(source), "--output", str(tmp_path / "o.json"), "--objective", "fastest"
        )
    assert list(tmp_path.iterdir()) == [source]
