"""The stored figures as the arrays ``model`` computes over, with the sources they come from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from wattwijs.capacity.model import Inputs
from wattwijs.capacity.models import (
    YEARS,
    Driver,
    InnovationAdoption,
    InnovationSaving,
    LabourIntensity,
    Occupation,
    Supply,
    WorkUnit,
)
from wattwijs.core.models import Region, Theme
from wattwijs.pathways import selectors as pathways_selectors
from wattwijs.training import selectors as training_selectors

# Sources the platform computes itself are stored as keys and shown in the reader's language.
PLACES_SOURCE = "wattwijs:school-leaver-places"
PLACEMENTS_SOURCE = "wattwijs:career-switcher-placements"
BUILT_IN_SOURCES: dict[str, Promise] = {
    PLACES_SOURCE: gettext_lazy("WattWijs: training offers for school leavers (places)"),
    PLACEMENTS_SOURCE: gettext_lazy("WattWijs: placements in the Transitiehuizen over the last 12 months"),
    # Results computed before the keys were introduced hold the Dutch labels themselves.
    "WattWijs: opleidingsaanbod voor schoolverlaters (plaatsen)": gettext_lazy(
        "WattWijs: training offers for school leavers (places)"
    ),
    "WattWijs: plaatsingen in de Transitiehuizen, afgelopen 12 maanden": gettext_lazy(
        "WattWijs: placements in the Transitiehuizen over the last 12 months"
    ),
}


def source_label(source: str) -> str:
    """A stored source as shown: built-in keys translated, sources entered with figures as they are."""
    label = BUILT_IN_SOURCES.get(source)
    return str(label) if label is not None else source


@dataclass(frozen=True)
class Axes:
    regions: list[int]
    themes: list[int]
    occupations: list[int]
    years: list[int]

    def as_dict(self) -> dict[str, list[int]]:
        return {"regions": self.regions, "themes": self.themes, "occupations": self.occupations, "years": self.years}


@dataclass(frozen=True)
class Loaded:
    inputs: Inputs
    axes: Axes
    sources: list[str]
    uses_examples: bool


def load(*, today: datetime.date | None = None) -> Loaded:
    """Read every figure into arrays; rows of unknown keys cannot exist (foreign keys)."""
    today = today or timezone.localdate()
    regions = list(Region.objects.order_by("code").values_list("pk", flat=True))
    themes = list(Theme.objects.order_by("position", "pk").values_list("pk", flat=True))
    occupations = list(Occupation.objects.order_by("position", "pk").values_list("pk", flat=True))
    units = list(WorkUnit.objects.order_by("pk").values_list("pk", "theme_id"))
    years = list(YEARS)
    r_at = {pk: i for i, pk in enumerate(regions)}
    t_at = {pk: i for i, pk in enumerate(themes)}
    o_at = {pk: i for i, pk in enumerate(occupations)}
    u_at = {pk: i for i, (pk, _theme) in enumerate(units)}
    y_at = {year: i for i, year in enumerate(years)}
    sources: set[str] = set()
    examples = False

    drivers = np.zeros((len(regions), len(units), len(years)))
    for region_id, unit_id, year, volume, source, example in Driver.objects.values_list(
        "region_id", "unit_id", "year", "volume", "source", "is_example"
    ):
        drivers[r_at[region_id], u_at[unit_id], y_at[year]] = volume
        sources.add(source)
        examples |= example

    intensity = np.zeros((len(units), len(occupations)))
    for unit_id, occupation_id, hours, source, example in LabourIntensity.objects.values_list(
        "unit_id", "occupation_id", "hours", "source", "is_example"
    ):
        intensity[u_at[unit_id], o_at[occupation_id]] = hours
        sources.add(source)
        examples |= example

    innovation_ids = sorted(
        set(InnovationSaving.objects.values_list("innovation_id", flat=True))
        | set(InnovationAdoption.objects.values_list("innovation_id", flat=True))
    )
    i_at = {pk: i for i, pk in enumerate(innovation_ids)}
    savings = np.zeros((len(innovation_ids), len(units), len(occupations)))
    for innovation_id, unit_id, occupation_id, hours, source, example in InnovationSaving.objects.values_list(
        "innovation_id", "unit_id", "occupation_id", "hours_saved", "innovation__source", "innovation__is_example"
    ):
        savings[i_at[innovation_id], u_at[unit_id], o_at[occupation_id]] = hours
        sources.add(source)
        examples |= example
    adoption = np.zeros((len(innovation_ids), len(years)))
    for innovation_id, year, percent in InnovationAdoption.objects.values_list("innovation_id", "year", "percent"):
        adoption[i_at[innovation_id], y_at[year]] = percent / 100

    workforce = np.zeros((len(regions), len(occupations)))
    outflow = np.zeros_like(workforce)
    other = np.zeros_like(workforce)
    for region_id, occupation_id, stock, retirement, leaving, inflow, source, example in Supply.objects.values_list(
        "region_id",
        "occupation_id",
        "workforce",
        "retirement_rate",
        "leaving_rate",
        "other_inflow",
        "source",
        "is_example",
    ):
        r, o = r_at[region_id], o_at[occupation_id]
        workforce[r, o] = stock
        outflow[r, o] = (retirement + leaving) / 100
        other[r, o] = inflow
        sources.add(source)
        examples |= example

    places = np.zeros((len(regions), len(themes)))
    for (region_id, theme_id), count in training_selectors.school_leaver_places().items():
        places[r_at[region_id], t_at[theme_id]] += count
    if places.any():
        sources.add(PLACES_SOURCE)
    switchers = np.zeros((len(regions), len(themes)))
    since = today - datetime.timedelta(days=365)
    for (region_id, theme_id), count in pathways_selectors.placements_per_region_theme(since=since).items():
        switchers[r_at[region_id], t_at[theme_id]] += count
    if switchers.any():
        sources.add(PLACEMENTS_SOURCE)

    inputs = Inputs(
        drivers=drivers,
        unit_theme=np.array([t_at[theme_id] for _pk, theme_id in units], dtype=np.intp),
        intensity=intensity,
        savings=savings,
        adoption=adoption,
        workforce=workforce,
        outflow_rate=outflow,
        other_inflow=other,
        places=places,
        switchers=switchers,
        themes=len(themes),
    )
    axes = Axes(regions=regions, themes=themes, occupations=occupations, years=years)
    return Loaded(inputs=inputs, axes=axes, sources=sorted(sources - {""}), uses_examples=examples)
