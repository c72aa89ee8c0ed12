"""REST API of the opleidingsschema: the public list of training offers, with the filters of the offers page."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router

from wattwijs.core.apikit import Out, PageLinks, PageQuery, PathId, Text, page_of
from wattwijs.training import selectors
from wattwijs.training.models import OfferKind, OfferStatus, TargetGroup, TrainingOffer
from wattwijs.training.selectors import OFFER_SORTS, OfferFilters

router = Router(tags=["training offers"])


class Ref(Out):
    code: str
    name: str


class OfferOut(Out):
    id: int
    title: str
    description: str
    kind: str
    status: str
    level: int | None
    providers: list[Ref] = Field(description="Providers by slug (code) and name.")
    regions: list[Ref]
    themes: list[Ref]
    target_groups: list[str]
    duration_weeks: int | None
    start_date: date | None
    end_date: date | None
    start_moments: str
    places_available: int | None
    costs: str
    funding: str
    is_fictitious: bool
    url: str


class OfferList(PageLinks):
    results: list[OfferOut]


class OfferQuery(PageQuery):
    q: Text = Field("", max_length=200, description="Words in the title or description.")
    region: Text = Field("", max_length=20, description="Region code.")
    theme: Text = Field("", max_length=60, description="Theme code; a main theme includes its sub-themes.")
    kind: Literal["", *OfferKind.values] = ""  # type: ignore[valid-type]
    level: Literal["", "1", "2", "3", "4"] = ""
    target: Literal["", *TargetGroup.values] = ""  # type: ignore[valid-type]
    status: Literal["", "beschikbaar", *OfferStatus.values] = ""  # type: ignore[valid-type]
    provider: Text = Field("", max_length=220, description="Slug of a providing organisation.")
    sort: Literal["", *OFFER_SORTS] = ""  # type: ignore[valid-type]


def offer_out(request: HttpRequest, offer: TrainingOffer) -> dict[str, Any]:
    return {
        "id": offer.pk,
        "title": offer.title,
        "description": offer.description,
        "kind": offer.kind,
        "status": offer.status,
        "level": offer.level,
        "providers": [{"code": o.slug, "name": o.name} for o in offer.providers.all()],
        "regions": [{"code": r.code, "name": r.name} for r in offer.regions.all()],
        "themes": [{"code": t.code, "name": t.name} for t in offer.themes.all()],
        "target_groups": [link.target_group for link in offer.target_group_links.all()],
        "duration_weeks": offer.duration_weeks,
        "start_date": offer.start_date,
        "end_date": offer.end_date,
        "start_moments": offer.start_moments,
        "places_available": offer.places_available,
        "costs": offer.costs,
        "funding": offer.funding,
        "is_fictitious": offer.is_fictitious,
        "url": request.build_absolute_uri(offer.get_absolute_url()),
    }


@router.get("/training-offers", response=OfferList, summary="Training offers")
def offer_list(request: HttpRequest, query: Query[OfferQuery]) -> dict[str, Any]:
    filters = OfferFilters(
        q=query.q.strip(),
        region=query.region,
        theme=query.theme,
        kind=query.kind,
        level=query.level,
        target=query.target,
        status=query.status,
        provider=query.provider,
        sort=query.sort or "title",
    )
    rows, links = page_of(request, selectors.offer_list(filters), query)
    return {**links, "results": [offer_out(request, offer) for offer in rows]}


@router.get("/training-offers/{int:id}", response=OfferOut, summary="One training offer")
def offer_detail(request: HttpRequest, id: PathId) -> dict[str, Any]:  # noqa: A002
    return offer_out(request, selectors.offer_get(pk=id))
