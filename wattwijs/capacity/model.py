"""The capacity computation: demand, supply and gap over arrays [region, theme, occupation, year].

Pure numpy, no database: ``inputs`` builds the arrays from stored figures, this module only computes.

- Demand (FTE) = drivers × (hours per unit per occupation − Σ innovations' hours saved × adoption)
  / productive hours per FTE, summed from units into their themes.
- Supply per region × occupation is a stock-flow: the workforce in the first year; each next year keeps
  (1 − outflow) of the previous year and adds school leavers (training places × completion rate),
  career switchers (placements in the chains) and other inflow. School leavers and switchers of a theme
  go to its occupations in proportion to the hours that theme asks of each occupation.
- Supply is allotted to themes in proportion to the demand each theme puts on the occupation that year
  (equally where there is no demand), so the gap (demand − supply) sums exactly over themes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Parameters:
    """A scenario's parameters; factors multiply the stored figures, percentages are 0–100."""

    demand_factor: float = 1.0
    hours_per_fte: float = 1500.0
    completion_rate: float = 70.0
    training_factor: float = 1.0
    switcher_factor: float = 1.0
    outflow_factor: float = 1.0
    innovation_factor: float = 0.0


@dataclass(frozen=True)
class Inputs:
    """The figures as arrays. R regions, T themes, U units, O occupations, I innovations, Y years."""

    drivers: Array  # [R, U, Y] units of work
    unit_theme: npt.NDArray[np.intp]  # [U] the theme index of each unit
    intensity: Array  # [U, O] hours per unit
    savings: Array  # [I, U, O] hours saved per unit
    adoption: Array  # [I, Y] share 0–1
    workforce: Array  # [R, O] FTE in the first year
    outflow_rate: Array  # [R, O] share 0–1 per year (retirement + leaving)
    other_inflow: Array  # [R, O] FTE per year
    places: Array  # [R, T] training places for school leavers per year
    switchers: Array  # [R, T] placements of career switchers per year
    themes: int = 0

    @property
    def shape(self) -> tuple[int, int, int, int]:
        regions, _units, years = self.drivers.shape
        return regions, self.themes, self.intensity.shape[1], years


@dataclass(frozen=True)
class Result:
    demand: Array  # [R, T, O, Y] FTE
    supply: Array  # [R, T, O, Y] FTE allotted to themes
    supply_by_occupation: Array  # [R, O, Y] FTE

    @property
    def gap(self) -> Array:
        return self.demand - self.supply


def _unit_to_theme(inputs: Inputs) -> Array:
    onehot = np.zeros((inputs.unit_theme.shape[0], inputs.themes))
    onehot[np.arange(inputs.unit_theme.shape[0]), inputs.unit_theme] = 1.0
    return onehot


def demand(inputs: Inputs, parameters: Parameters) -> Array:
    """FTE asked per [region, theme, occupation, year]."""
    saved = np.einsum("iuo,iy->uoy", inputs.savings, np.clip(inputs.adoption * parameters.innovation_factor, 0, 1))
    hours = np.clip(inputs.intensity[:, :, None] - saved, 0, None)  # [U, O, Y]
    per_unit = inputs.drivers[:, :, None, :] * hours[None, :, :, :]  # [R, U, O, Y]
    by_theme: Array = np.einsum("ruoy,ut->rtoy", per_unit, _unit_to_theme(inputs))
    return by_theme * (parameters.demand_factor / parameters.hours_per_fte)


def occupation_shares(inputs: Inputs) -> Array:
    """[T, O]: the share of each occupation in the hours a theme asks (0 where a theme asks none)."""
    hours = _unit_to_theme(inputs).T @ inputs.intensity  # [T, O]
    totals = hours.sum(axis=1, keepdims=True)
    shares: Array = np.divide(hours, totals, out=np.zeros_like(hours), where=totals > 0)
    return shares


def supply(inputs: Inputs, parameters: Parameters) -> Array:
    """FTE available per [region, occupation, year]."""
    shares = occupation_shares(inputs)
    school = (inputs.places * parameters.training_factor * parameters.completion_rate / 100) @ shares
    switchers = (inputs.switchers * parameters.switcher_factor) @ shares
    inflow = school + switchers + inputs.other_inflow  # [R, O]
    keep = 1 - np.clip(inputs.outflow_rate * parameters.outflow_factor, 0, 1)
    years = inputs.drivers.shape[2]
    result = np.empty((*inputs.workforce.shape, years))
    result[:, :, 0] = inputs.workforce
    for year in range(1, years):
        result[:, :, year] = result[:, :, year - 1] * keep + inflow
    return result


def compute(inputs: Inputs, parameters: Parameters) -> Result:
    asked = demand(inputs, parameters)
    available = supply(inputs, parameters)
    totals = asked.sum(axis=1, keepdims=True)  # [R, 1, O, Y]
    # Without demand, an occupation's supply goes to the themes that ask for it in general.
    hours = _unit_to_theme(inputs).T @ inputs.intensity  # [T, O]
    hours_total = hours.sum(axis=0, keepdims=True)
    fallback = np.divide(
        hours, hours_total, out=np.full_like(hours, 1.0 / max(inputs.themes, 1)), where=hours_total > 0
    )
    shares = np.divide(
        asked, totals, out=np.broadcast_to(fallback[None, :, :, None], asked.shape).copy(), where=totals > 0
    )
    return Result(demand=asked, supply=shares * available[:, None, :, :], supply_by_occupation=available)


# Sensitivity -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sensitivity:
    parameter: str
    low: float  # the gap with the parameter lowered by the step
    high: float  # the gap with the parameter raised by the step
    base: float

    @property
    def swing(self) -> float:
        return abs(self.high - self.low)

    def as_dict(self) -> dict[str, Any]:
        return {"parameter": self.parameter, "low": self.low, "high": self.high, "base": self.base}


SENSITIVE_PARAMETERS = (
    "demand_factor",
    "hours_per_fte",
    "completion_rate",
    "training_factor",
    "switcher_factor",
    "outflow_factor",
    "innovation_factor",
)


@dataclass(frozen=True)
class Scope:
    """Which cells the sensitivity sums: a region index (or all) and a year index (default the last)."""

    region: int | None = None
    year: int = -1


def total_gap(inputs: Inputs, parameters: Parameters, scope: Scope) -> float:
    asked = demand(inputs, parameters)[..., scope.year].sum(axis=1)  # [R, O]
    available = supply(inputs, parameters)[..., scope.year]  # [R, O]
    gap = asked - available
    if scope.region is not None:
        gap = gap[scope.region]
    return float(gap.sum())


def sensitivity(
    inputs: Inputs, parameters: Parameters, *, step: float = 0.1, scope: Scope | None = None
) -> list[Sensitivity]:
    """Vary each parameter by ±step (a fraction) and report the gap; the largest swing first (a tornado)."""
    scope = scope or Scope()
    base = total_gap(inputs, parameters, scope)
    rows = []
    for name in SENSITIVE_PARAMETERS:
        value = getattr(parameters, name)
        low = total_gap(inputs, replace(parameters, **{name: value * (1 - step)}), scope)
        high = total_gap(inputs, replace(parameters, **{name: value * (1 + step)}), scope)
        rows.append(Sensitivity(parameter=name, low=low, high=high, base=base))
    return sorted(rows, key=lambda row: row.swing, reverse=True)


def synthetic(*, regions: int, themes: int, occupations: int, years: int, seed: int = 11) -> Inputs:
    """Random but plausible inputs of the given size, for measurements."""
    rng = np.random.default_rng(seed)
    units = themes * 2
    return Inputs(
        drivers=rng.uniform(0, 2000, (regions, units, years)),
        unit_theme=np.arange(units) % themes,
        intensity=rng.uniform(0, 12, (units, occupations)) * (rng.random((units, occupations)) < 0.4),
        savings=rng.uniform(0, 2, (3, units, occupations)),
        adoption=np.tile(np.linspace(0, 0.6, years), (3, 1)),
        workforce=rng.uniform(0, 500, (regions, occupations)),
        outflow_rate=rng.uniform(0.02, 0.08, (regions, occupations)),
        other_inflow=rng.uniform(0, 10, (regions, occupations)),
        places=rng.uniform(0, 200, (regions, themes)),
        switchers=rng.uniform(0, 20, (regions, themes)),
        themes=themes,
    )
