"""REST API of matching: the public route advice only, from what a person can to a goal, with the training
offers that close the gap near them. Nothing about candidates is served here, and nothing is stored."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from wattwijs.core import selectors as core_selectors
from wattwijs.core.apikit import MAX_ID, Out, Text
from wattwijs.framework import selectors as framework_selectors
from wattwijs.framework.models import WorkProcess
from wattwijs.matching import selectors
from wattwijs.matching.forms import RouteForm

router = Router(tags=["matching"])

MAX_CHOICES = 200


class WorkProcessRef(Out):
    id: int
    code: str
    name: str


class OfferRef(Out):
    id: int
    title: str
    url: str


class MaterialRef(Out):
    id: int
    title: str
    url: str


class RouteAdviceOut(Out):
    goal: str
    region: str = Field(description="Code of the region the offers are near.")
    covered: list[WorkProcessRef] = Field(description="Work processes of the goal the person can already do.")
    missing: list[WorkProcessRef]
    offers: list[OfferRef] = Field(description="The training offers that together close the gap in the fewest hours.")
    hours: float = Field(description="Study hours of the chosen offers together.")
    approximate: bool = Field(
        description="True when the offers are a good choice but not proven the cheapest (the solver hit its limits)."
    )
    uncoverable: list[WorkProcessRef] = Field(description="Missing work processes that no offer nearby teaches.")
    materials: list[MaterialRef] = Field(description="Published learning materials for the missing work processes.")


class RouteQuery(Schema):
    region: Text = Field(max_length=20, description="Code of the person's region, e.g. AMR12.")
    qualification: int | None = Field(None, ge=1, le=MAX_ID, description="Goal: a qualification id.")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Or a framework unit id.")
    certificate: int | None = Field(None, ge=1, le=MAX_ID, description="Or a certificate id.")
    certificates: list[int] = Field(
        [], max_length=MAX_CHOICES, description="Ids of certificates the person already has."
    )
    work_processes: list[int] = Field(
        [], max_length=MAX_CHOICES, description="Ids of work processes the person can already do."
    )


def _refs(processes: list[WorkProcess]) -> list[dict[str, Any]]:
    return [{"id": wp.pk, "code": wp.code, "name": wp.name} for wp in processes]


@router.get("/route-advice", response=RouteAdviceOut, summary="Route advice from what a person can to a goal")
def route_advice(request: HttpRequest, query: Query[RouteQuery]) -> dict[str, Any]:
    """The same advice as the public route-advice page, for one goal (exactly one of qualification, unit or
    certificate) of the current framework version."""
    try:
        region = core_selectors.region_get(code=query.region)
    except Http404 as error:
        raise ValidationError({"region": ["Unknown region code."]}) from error
    data = {
        "region": region.pk,
        "qualification": query.qualification or "",
        "unit": query.unit or "",
        "certificate": query.certificate or "",
        "certificates": query.certificates,
        "competences": query.work_processes,
    }
    form = RouteForm(data, version=framework_selectors.current_version())
    if not form.is_valid():
        names = {"competences": "work_processes"}
        raise ValidationError(
            {names.get(field, field): [str(message) for message in errors] for field, errors in form.errors.items()}
        )
    cleaned = form.cleaned_data
    label, goal = selectors.goal_work_processes(
        qualification=cleaned["qualification"], unit=cleaned["unit"], certificate=cleaned["certificate"]
    )
    advice = selectors.route_advice(
        goal_label=label,
        goal=goal,
        mastered=[wp.pk for wp in cleaned["competences"]],
        certificates=cleaned["certificates"],
        region=region,
    )
    return {
        "goal": advice.goal_label,
        "region": region.code,
        "covered": _refs(advice.covered),
        "missing": _refs(advice.missing),
        "offers": [
            {"id": offer.pk, "title": offer.title, "url": request.build_absolute_uri(offer.get_absolute_url())}
            for offer in advice.offers
        ],
        "hours": advice.hours,
        "approximate": advice.approximate,
        "uncoverable": _refs(advice.uncoverable),
        "materials": [
            {
                "id": version.resource_id,
                "title": version.title,
                "url": request.build_absolute_uri(version.resource.get_absolute_url()),
            }
            for version in advice.materials
        ],
    }
