"""REST API of the arbeidscapaciteit: scenarios with their parameters and their stored demand, supply and gap
per year, theme, occupation and region (the same figures as the overview pages, never recomputed here)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from wattwijs.capacity import selectors
from wattwijs.capacity.model import SENSITIVE_PARAMETERS
from wattwijs.capacity.models import Scenario
from wattwijs.capacity.selectors import Overview, Row
from wattwijs.core.apikit import Out, PageLinks, PageQuery, Text, page_of

router = Router(tags=["arbeidscapaciteit"])


class ScenarioOut(Out):
    slug: str
    name: str
    kind: str
    description: str
    parameters: dict[str, float] = Field(description="The scenario's parameters by name.")
    is_example: bool = Field(description="True when the scenario or its figures are example figures, not statistics.")
    computed_at: datetime | None = Field(description="When the stored result was computed; null when not yet.")
    url: str


class ScenarioList(PageLinks):
    results: list[ScenarioOut]


class FigureOut(Out):
    code: str = Field(description="Year, theme code, occupation code or region code.")
    label: str
    demand_fte: float
    supply_fte: float
    gap_fte: float = Field(description="Demand minus supply; positive is a shortage.")


class ScenarioFigures(ScenarioOut):
    region: str | None = Field(description="The region the figures are limited to, or null for the whole country.")
    year: int | None = Field(description="The year of the per-theme, per-occupation and per-region figures.")
    years: list[int]
    per_year: list[FigureOut]
    themes: list[FigureOut]
    occupations: list[FigureOut]
    regions: list[FigureOut] = Field(description="Per region; empty when the figures are limited to one region.")
    sources: list[str] = Field(description="The sources of the figures the result was computed from.")


class FiguresQuery(Schema):
    region: Text = Field("", max_length=20, description="Region code; empty for the whole country.")
    year: int | None = Field(None, ge=1900, le=2200, description="Year of the breakdowns; default the last year.")


def scenario_out(request: HttpRequest, scenario: Scenario) -> dict[str, Any]:
    result = getattr(scenario, "result", None)
    return {
        "slug": scenario.slug,
        "name": scenario.name,
        "kind": scenario.kind,
        "description": scenario.description,
        "parameters": {name: getattr(scenario, name) for name in SENSITIVE_PARAMETERS},
        "is_example": scenario.is_example or bool(result and result.uses_examples),
        "computed_at": result.computed_at if result else None,
        "url": request.build_absolute_uri(scenario.get_absolute_url()),
    }


def _figures(rows: list[Row], code_of: Any = str) -> list[dict[str, Any]]:
    return [
        {
            "code": code_of(row.key),
            "label": row.label,
            "demand_fte": round(row.demand, 1),
            "supply_fte": round(row.supply, 1),
            "gap_fte": round(row.gap, 1),
        }
        for row in rows
    ]


@router.get("/capacity/scenarios", response=ScenarioList, summary="Workforce capacity scenarios")
def scenario_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    rows, links = page_of(request, selectors.scenario_list(), query)
    return {**links, "results": [scenario_out(request, scenario) for scenario in rows]}


@router.get(
    "/capacity/scenarios/{slug:slug}",
    response=ScenarioFigures,
    summary="One scenario with its demand, supply and gap",
)
def scenario_figures(request: HttpRequest, slug: str, query: Query[FiguresQuery]) -> dict[str, Any]:
    scenario = selectors.scenario_get(slug=slug)
    region = selectors.region_get(code=query.region) if query.region else None
    found: Overview = selectors.overview(scenario=scenario, region=region, year=query.year)
    codes = selectors.occupation_codes()
    return {
        **scenario_out(request, scenario),
        "region": region.code if region else None,
        "year": found.year if found.years else None,
        "years": found.years,
        "per_year": _figures(found.per_year),
        "themes": _figures(found.themes),
        "occupations": _figures(found.occupations, code_of=lambda pk: codes.get(pk, str(pk))),
        "regions": _figures(found.regions),
        "sources": found.sources,
    }
