"""Reads of workforce capacity: scenarios and overviews from their stored results (no recomputation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from wattwijs.capacity import inputs, results
from wattwijs.capacity.model import SENSITIVE_PARAMETERS as PARAMETER_NAMES
from wattwijs.capacity.model import Array
from wattwijs.capacity.models import (
    Innovation,
    InnovationAdoption,
    InnovationSaving,
    LabourIntensity,
    Occupation,
    Scenario,
    ScenarioKind,
    ScenarioResult,
)
from wattwijs.core.models import Region, Theme, localized

if TYPE_CHECKING:
    from wattwijs.capacity.figure_kinds import FigureKind


def scenario_list() -> list[Scenario]:
    return list(Scenario.objects.select_related("result", "copied_from").order_by("created_at", "pk"))


def scenario_get(*, slug: str) -> Scenario:
    try:
        return Scenario.objects.select_related("result").get(slug=slug)
    except Scenario.DoesNotExist as error:
        raise Http404 from error


def default_scenario() -> Scenario | None:
    found = Scenario.objects.select_related("result").filter(kind=ScenarioKind.BASE).order_by("created_at", "pk")
    return found.first() or Scenario.objects.select_related("result").order_by("created_at", "pk").first()


def region_get(*, code: str) -> Region:
    try:
        return Region.objects.get(code=code)
    except Region.DoesNotExist as error:
        raise Http404 from error


def occupation_codes() -> dict[int, str]:
    return dict(Occupation.objects.values_list("pk", "code"))


def fte_formatter() -> Any:
    """Whole FTE with the active language's thousands separator; cheaper than a template filter per cell."""
    separator = str(get_format("THOUSAND_SEPARATOR"))

    def fte(value: float) -> str:
        return f"{round(value):,}".replace(",", separator).replace("-", "−")

    return fte


@dataclass(frozen=True)
class Row:
    label: str
    demand: float
    supply: float
    key: Any = None
    gap: float = 0.0
    demand_text: str = ""
    supply_text: str = ""
    gap_text: str = ""
    url: str = ""


@dataclass
class Overview:
    scenario: Scenario
    result: ScenarioResult | None
    year: int
    years: list[int] = field(default_factory=list)
    per_year: list[Row] = field(default_factory=list)
    themes: list[Row] = field(default_factory=list)
    occupations: list[Row] = field(default_factory=list)
    regions: list[Row] = field(default_factory=list)

    @property
    def computed(self) -> bool:
        return self.result is not None

    @property
    def uses_examples(self) -> bool:
        return self.scenario.is_example or bool(self.result and self.result.uses_examples)

    @property
    def last(self) -> Row | None:
        return self.per_year[-1] if self.per_year else None

    @property
    def sources(self) -> list[str]:
        return source_labels(self.result) if self.result is not None else []


def source_labels(result: ScenarioResult) -> list[str]:
    """The sources of a result as shown to the reader (built-in sources in the reader's language)."""
    return [inputs.source_label(source) for source in result.sources]


def unknown_key(pk: int) -> str:
    """The key of a row whose region or theme no longer exists; never a valid code."""
    return f"#{pk}"


@dataclass(frozen=True)
class AxisLabels:
    """Names along a result's axes; regions, themes and occupations removed since it was computed get a
    fallback label."""

    regions: list[tuple[str, str]]  # (code, name)
    themes: list[tuple[str, str]]  # (code, name)
    occupations: list[tuple[int, str]]  # (pk, name)


def axis_labels(axes: dict[str, list[int]]) -> AxisLabels:
    regions = {pk: (code, name) for pk, code, name in Region.objects.values_list("pk", "code", "name")}
    themes = {
        pk: (code, localized(nl, en))
        for pk, code, nl, en in Theme.objects.values_list("pk", "code", "name_nl", "name_en")
    }
    occupations = dict(Occupation.objects.values_list("pk", "name"))
    return AxisLabels(
        regions=[regions.get(pk, (unknown_key(pk), _("Unknown region"))) for pk in axes["regions"]],
        themes=[themes.get(pk, (unknown_key(pk), _("Unknown theme"))) for pk in axes["themes"]],
        occupations=[(pk, occupations.get(pk, _("Unknown occupation"))) for pk in axes["occupations"]],
    )


def _rows(
    labels: list[tuple[Any, str]], demand: Array, supply: Array, *, keep_empty: bool = False, url: str = ""
) -> list[Row]:
    fte = fte_formatter()
    rows = []
    for index, (key, label) in enumerate(labels):
        asked, available = float(demand[index]), float(supply[index])
        if not (keep_empty or round(asked) or round(available)):
            continue
        rows.append(
            Row(
                label=label,
                demand=asked,
                supply=available,
                key=key,
                gap=asked - available,
                demand_text=fte(asked),
                supply_text=fte(available),
                gap_text=fte(asked - available),
                url=url.replace("CODE", str(key)) if url and not str(key).startswith("#") else "",
            )
        )
    return rows


def overview(*, scenario: Scenario, region: Region | None = None, year: int | None = None) -> Overview:
    """Demand, supply and gap per year, and per theme, occupation (and region) in ``year`` (default: the last)."""
    result = getattr(scenario, "result", None)
    if result is None:
        return Overview(scenario=scenario, result=None, year=year or 0)
    axes = result.axes
    demand, supply = results.unpack(result.data)  # [R, T, O, Y]
    years: list[int] = axes["years"]
    if region is not None:
        if region.pk not in axes["regions"]:
            return Overview(scenario=scenario, result=result, year=year or years[-1], years=years)
        index = axes["regions"].index(region.pk)
        demand, supply = demand[index : index + 1], supply[index : index + 1]
    year = year if year in years else years[-1]
    y = years.index(year)
    labels = axis_labels(axes)
    found = Overview(scenario=scenario, result=result, year=year, years=years)
    found.per_year = _rows(
        [(y_, str(y_)) for y_ in years], demand.sum(axis=(0, 1, 2)), supply.sum(axis=(0, 1, 2)), keep_empty=True
    )
    found.themes = _rows(labels.themes, demand[..., y].sum(axis=(0, 2)), supply[..., y].sum(axis=(0, 2)))
    found.occupations = _rows(labels.occupations, demand[..., y].sum(axis=(0, 1)), supply[..., y].sum(axis=(0, 1)))
    if region is None:
        link = reverse("capacity:region_overview", kwargs={"code": "CODE"}) + f"?scenario={scenario.slug}"
        found.regions = _rows(
            labels.regions, demand[..., y].sum(axis=(1, 2)), supply[..., y].sum(axis=(1, 2)), url=link
        )
    return found


def largest_gap_themes(*, scenario: Scenario, region: Region, count: int = 3) -> list[Theme]:
    """The themes with the largest shortage in the region in the last year, largest first."""
    found = overview(scenario=scenario, region=region)
    codes = [row.key for row in sorted(found.themes, key=lambda row: row.gap, reverse=True) if row.gap >= 0.5]
    codes = [code for code in codes if not code.startswith("#")][:count]
    by_code = Theme.objects.in_bulk(codes, field_name="code")
    return [by_code[code] for code in codes if code in by_code]


@dataclass(frozen=True)
class CompareRow:
    label: str
    first: float
    second: float

    @property
    def difference(self) -> float:
        return self.second - self.first

    @property
    def texts(self) -> tuple[str, str, str]:
        fte = fte_formatter()
        return fte(self.first), fte(self.second), fte(self.difference)


def compare(*, first: Scenario, second: Scenario, region: Region | None = None) -> dict[str, list[CompareRow]]:
    """The gap of two scenarios side by side, per year and per theme in the last year."""
    a = overview(scenario=first, region=region)
    b = overview(scenario=second, region=region)
    years = [CompareRow(str(x.label), x.gap, y.gap) for x, y in zip(a.per_year, b.per_year, strict=False)]
    second_themes = {row.key: row.gap for row in b.themes}
    first_themes = {row.key: row.gap for row in a.themes}
    labels = {row.key: row.label for row in [*a.themes, *b.themes]}
    themes = [CompareRow(labels[key], first_themes.get(key, 0.0), second_themes.get(key, 0.0)) for key in labels]
    return {"years": years, "themes": themes}


def parameter_label(name: str) -> str:
    try:
        field = Scenario._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def parameter_rows(scenario: Scenario) -> list[tuple[str, float]]:
    return [(parameter_label(name), getattr(scenario, name)) for name in PARAMETER_NAMES]


def tornado_rows(result: ScenarioResult) -> list[dict[str, Any]]:
    """The stored sensitivity with readable labels and the change of the gap against the scenario itself."""
    rows = []
    for row in result.sensitivity:
        label = parameter_label(row["parameter"])
        rows.append(
            {
                "label": label,
                "low": row["low"] - row["base"],
                "high": row["high"] - row["base"],
                "swing": abs(row["high"] - row["low"]),
            }
        )
    return rows


def detail_arrays(result: ScenarioResult) -> tuple[dict[str, list[int]], Array, Array]:
    demand, supply = results.unpack(result.data)
    return result.axes, demand, supply


def innovation_list() -> list[dict[str, Any]]:
    """Each innovation with its savings and its first and last year of adoption."""
    innovations = Innovation.objects.prefetch_related(
        Prefetch("savings", queryset=InnovationSaving.objects.select_related("unit", "occupation")),
        Prefetch("adoption", queryset=InnovationAdoption.objects.order_by("year")),
    )
    rows = []
    for innovation in innovations:
        years = list(innovation.adoption.all())
        rows.append(
            {
                "innovation": innovation,
                "savings": list(innovation.savings.all()),
                "first": years[0] if years else None,
                "last": years[-1] if years else None,
            }
        )
    return rows


def intensity_list() -> QuerySet[LabourIntensity]:
    return LabourIntensity.objects.select_related("unit__theme", "occupation").order_by(
        "unit__theme__position", "unit__name", "occupation__position"
    )


def figure_list(kind: FigureKind) -> QuerySet[Model]:
    return kind.model._default_manager.select_related(*kind.related).order_by(*kind.ordering, "pk")


def figure_get(kind: FigureKind, pk: int) -> Model:
    try:
        return figure_list(kind).get(pk=pk)
    except kind.model.DoesNotExist as error:  # type: ignore[attr-defined]
        raise Http404 from error
