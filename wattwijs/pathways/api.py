"""REST API of the Transitiehuis: the public parts only (chains with their partners and steps, and learning
places). Nothing about candidates is ever served here."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Query, Router

from wattwijs.core.apikit import Out, PageLinks, PageQuery, PathId, page_of
from wattwijs.pathways import selectors
from wattwijs.pathways.models import Chain, ChainStep, LearningPlace

router = Router(tags=["Transitiehuis"])


class Ref(Out):
    code: str
    name: str


class PartnerStepOut(Out):
    organisation: Ref
    step: str
    step_label: str


class ChainOut(Out):
    slug: str
    name: str
    description: str
    region: Ref
    coordinating_organisation: Ref
    steps: list[PartnerStepOut]
    is_fictitious: bool
    url: str


class ChainList(PageLinks):
    results: list[ChainOut]


class LearningPlaceOut(Out):
    id: int
    title: str
    organisation: Ref
    chain: str
    theme: Ref | None
    capacity: int
    is_fictitious: bool
    url: str


class LearningPlaceList(PageLinks):
    results: list[LearningPlaceOut]


def _chains() -> Any:
    steps = ChainStep.objects.select_related("organisation").order_by("step", "organisation__name", "pk")
    return selectors.chain_list().prefetch_related(Prefetch("steps", queryset=steps)).order_by("name", "pk")


def chain_out(request: HttpRequest, chain: Chain) -> dict[str, Any]:
    return {
        "slug": chain.slug,
        "name": chain.name,
        "description": chain.description,
        "region": {"code": chain.region.code, "name": chain.region.name},
        "coordinating_organisation": {
            "code": chain.coordinating_organisation.slug,
            "name": chain.coordinating_organisation.name,
        },
        "steps": [
            {
                "organisation": {"code": step.organisation.slug, "name": step.organisation.name},
                "step": step.step,
                "step_label": step.get_step_display(),
            }
            for step in chain.steps.all()
        ],
        "is_fictitious": chain.is_fictitious,
        "url": request.build_absolute_uri(chain.get_absolute_url()),
    }


def learning_place_out(request: HttpRequest, place: LearningPlace) -> dict[str, Any]:
    return {
        "id": place.pk,
        "title": place.title,
        "organisation": {"code": place.organisation.slug, "name": place.organisation.name},
        "chain": place.chain.slug,
        "theme": {"code": place.theme.code, "name": place.theme.name} if place.theme else None,
        "capacity": place.capacity,
        "is_fictitious": place.is_fictitious,
        "url": request.build_absolute_uri(place.get_absolute_url()),
    }


@router.get("/chains", response=ChainList, summary="Transitiehuis chains and their partners")
def chain_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    rows, links = page_of(request, _chains(), query)
    return {**links, "results": [chain_out(request, chain) for chain in rows]}


@router.get("/chains/{slug:slug}", response=ChainOut, summary="One chain")
def chain_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    chain = _chains().filter(slug=slug).first()
    if chain is None:
        selectors.chain_get(slug=slug)  # raises the 404
    return chain_out(request, chain)


@router.get("/learning-places", response=LearningPlaceList, summary="Learning places (leerbanen)")
def learning_place_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    rows, links = page_of(request, selectors.learning_place_list(), query)
    return {**links, "results": [learning_place_out(request, place) for place in rows]}


@router.get("/learning-places/{int:id}", response=LearningPlaceOut, summary="One learning place")
def learning_place_detail(request: HttpRequest, id: PathId) -> dict[str, Any]:  # noqa: A002
    return learning_place_out(request, selectors.learning_place_get(pk=id))
