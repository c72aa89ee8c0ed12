"""Explainable match scores between candidates and learning places, computed over arrays.

A score lies in [0, 1]: the weighted mean of six parts, each in [0, 1]:

- competences: the share of the place's required work processes the candidate already masters (1 when the
  place requires none);
- theme: 1 when the place's theme is one of the candidate's themes of interest (0.5 when either is unknown);
- distance: 1 - distance / travel limit, between the regions' reference points;
- level: 1 when the candidate masters work processes at the place's level or higher, 0.5 one level below;
- hours: the share of the place's hours the candidate is available (1 when unknown);
- start: 1 when the candidate is available by the start date, falling to 0 over 90 days late.

Hard constraints exclude a pair whatever its score: a driving licence the place requires and the candidate
lacks, and a distance beyond the candidate's travel limit.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from django.utils.translation import gettext as _
from scipy.sparse import csr_matrix

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

EARTH_RADIUS_KM = 6371.0
LATE_START_DAYS = 90.0
PARTS = ("competences", "theme", "distance", "level", "hours", "start")
DEFAULT_WEIGHTS = {"competences": 5, "theme": 2, "distance": 2, "level": 1, "hours": 1, "start": 1}


@dataclass
class PlaceTable:
    """The learning places to score against, one array entry per place."""

    ids: IntArray
    latitude: FloatArray  # radians
    longitude: FloatArray  # radians
    theme: IntArray  # -1: no theme
    level: IntArray  # 0: no level asked
    hours: IntArray  # 0: not given
    start: IntArray  # proleptic ordinal of the start date, 0: not given
    licence: BoolArray
    free: IntArray  # seats not taken
    required: csr_matrix  # places x work-process columns, 1 where required
    required_count: FloatArray
    column_of: dict[int, int]  # work process id -> column of ``required``

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class Profile:
    """What a candidate brings: region point, themes, mastered work processes and availability."""

    latitude: float  # radians
    longitude: float
    themes: frozenset[int]
    work_processes: frozenset[int]
    level: int  # highest qualification level among the mastered work processes, 0: none
    hours: int  # 0: not given
    available_from: int  # ordinal, 0: not given
    licence: bool
    travel_limit_km: float


@dataclass
class Scores:
    """Per place: every part, the weighted total, the distance, how many required processes are mastered."""

    parts: dict[str, FloatArray]
    total: FloatArray
    allowed: BoolArray
    distance_km: FloatArray
    mastered: FloatArray
    licence_missing: BoolArray
    too_far: BoolArray


def distance_km(lat1: float | FloatArray, lon1: float | FloatArray, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    """Great-circle distance in km; all angles in radians."""
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))), dtype=np.float64)


def ordinal(day: datetime.date | None) -> int:
    return day.toordinal() if day is not None else 0


def score(profile: Profile, table: PlaceTable, weights: dict[str, int]) -> Scores:
    """Score one candidate against every place of ``table`` at once."""
    n = len(table)
    indicator = np.zeros(table.required.shape[1], dtype=np.float64)
    columns = [table.column_of[wp] for wp in profile.work_processes if wp in table.column_of]
    indicator[columns] = 1.0
    mastered = np.asarray(table.required @ indicator, dtype=np.float64).reshape(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        competences = np.where(table.required_count > 0, mastered / table.required_count, 1.0)

    if profile.themes:
        theme = np.where(table.theme < 0, 0.5, np.isin(table.theme, list(profile.themes)).astype(np.float64))
    else:
        theme = np.full(n, 0.5)

    km = distance_km(profile.latitude, profile.longitude, table.latitude, table.longitude)
    limit = max(profile.travel_limit_km, 1.0)
    distance = np.clip(1.0 - km / limit, 0.0, 1.0)

    level = np.where(
        table.level == 0,
        1.0,
        np.where(profile.level >= table.level, 1.0, np.where(profile.level == table.level - 1, 0.5, 0.0)),
    )
    if profile.hours:
        with np.errstate(divide="ignore", invalid="ignore"):
            hours = np.where(table.hours > 0, np.minimum(profile.hours / table.hours, 1.0), 1.0)
    else:
        hours = np.ones(n)
    if profile.available_from:
        late = np.where(table.start > 0, profile.available_from - table.start, 0).astype(np.float64)
        start = np.clip(1.0 - late / LATE_START_DAYS, 0.0, 1.0)
    else:
        start = np.ones(n)

    parts = {
        "competences": competences,
        "theme": theme,
        "distance": distance,
        "level": level,
        "hours": hours,
        "start": start,
    }
    weight_sum = float(sum(weights[part] for part in PARTS))
    total = sum(parts[part] * (weights[part] / weight_sum) for part in PARTS) if weight_sum > 0 else np.zeros(n)
    licence_missing = table.licence & (not profile.licence)
    too_far = km > profile.travel_limit_km
    return Scores(
        parts=parts,
        total=np.clip(np.asarray(total, dtype=np.float64), 0.0, 1.0),
        allowed=~(licence_missing | too_far),
        distance_km=km,
        mastered=mastered,
        licence_missing=licence_missing,
        too_far=too_far,
    )


def explain(scores: Scores, table: PlaceTable, index: int, profile: Profile) -> list[str]:
    """The parts of one pair's score in words, as a coordinator reads them."""
    words = []
    if scores.licence_missing[index]:
        words.append(_("driving licence required, candidate has none"))
    if scores.too_far[index]:
        words.append(
            _("%(km)s km, beyond the travel limit of %(limit)s km")
            % {"km": round(float(scores.distance_km[index])), "limit": round(profile.travel_limit_km)}
        )
    required = int(table.required_count[index])
    if required:
        words.append(
            _("%(percent)s%% of the work processes already mastered")
            % {"percent": round(100 * float(scores.parts["competences"][index]))}
        )
    else:
        words.append(_("no work processes required"))
    if not scores.too_far[index]:
        words.append(_("%(km)s km") % {"km": round(float(scores.distance_km[index]))})
    theme = scores.parts["theme"][index]
    if theme == 1.0:
        words.append(_("theme of interest"))
    elif theme == 0.0:
        words.append(_("other theme"))
    if table.level[index]:
        level = scores.parts["level"][index]
        words.append(
            _("level fits")
            if level == 1.0
            else _("level %(level)s asked, one level higher") % {"level": int(table.level[index])}
            if level == 0.5
            else _("level %(level)s asked, too high for now") % {"level": int(table.level[index])}
        )
    if table.hours[index] and profile.hours:
        words.append(
            _("hours fit")
            if scores.parts["hours"][index] == 1.0
            else _("%(have)s of %(need)s hours a week available")
            % {"have": profile.hours, "need": int(table.hours[index])}
        )
    if table.start[index] and profile.available_from:
        late = profile.available_from - int(table.start[index])
        words.append(_("start fits") if late <= 0 else _("available %(days)s days after the start") % {"days": late})
    return words
