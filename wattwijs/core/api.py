"""REST API of the platform core: organisations, labour-market regions and themes (all public)."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router

from wattwijs.core import selectors
from wattwijs.core.apikit import Out, PageLinks, PageQuery, Text, page_of
from wattwijs.core.models import Organisation, OrganisationKind, Region, Theme
from wattwijs.core.selectors import ORGANISATION_SORTS, OrganisationFilters

router = Router(tags=["organisations, regions and themes"])


class RegionRef(Out):
    code: str
    name: str


class ThemeRef(Out):
    code: str
    name: str


class RegionOut(Out):
    code: str
    name: str
    province: str
    reference_place: str
    latitude: float
    longitude: float
    url: str


class RegionList(PageLinks):
    results: list[RegionOut]


class ThemeOut(Out):
    code: str
    name: str
    name_nl: str
    name_en: str
    parent: str | None = Field(description="The code of the parent theme; null for a main theme.")
    url: str


class ThemeList(PageLinks):
    results: list[ThemeOut]


class OrganisationOut(Out):
    slug: str
    name: str
    kind: str
    kind_label: str
    region: RegionRef
    website: str
    description: str
    themes: list[ThemeRef]
    is_fictitious: bool
    url: str


class OrganisationList(PageLinks):
    results: list[OrganisationOut]


class OrganisationQuery(PageQuery):
    q: Text = Field("", max_length=200, description="Part of the name.")
    region: Text = Field("", max_length=20, description="Region code, e.g. AMR24.")
    kind: Literal["", *OrganisationKind.values] = ""  # type: ignore[valid-type]
    theme: Text = Field("", max_length=60, description="Theme code; a main theme includes its sub-themes.")
    sort: Literal["", *ORGANISATION_SORTS] = ""  # type: ignore[valid-type]


def region_out(request: HttpRequest, region: Region) -> dict[str, object]:
    return {
        "code": region.code,
        "name": region.name,
        "province": region.province,
        "reference_place": region.reference_place,
        "latitude": float(region.latitude),
        "longitude": float(region.longitude),
        "url": request.build_absolute_uri(region.get_absolute_url()),
    }


def theme_out(request: HttpRequest, theme: Theme, codes: dict[int | None, str]) -> dict[str, object]:
    return {
        "code": theme.code,
        "name": theme.name,
        "name_nl": theme.name_nl,
        "name_en": theme.name_en,
        "parent": codes.get(theme.parent_id) if theme.parent_id else None,
        "url": request.build_absolute_uri(theme.get_absolute_url()),
    }


def organisation_out(request: HttpRequest, organisation: Organisation) -> dict[str, object]:
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "kind_label": organisation.get_kind_display(),
        "region": {"code": organisation.region.code, "name": organisation.region.name},
        "website": organisation.website,
        "description": organisation.description,
        "themes": [{"code": t.code, "name": t.name} for t in organisation.themes.all()],
        "is_fictitious": organisation.is_fictitious,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }


@router.get("/organisations", response=OrganisationList, summary="Organisations")
def organisation_list(request: HttpRequest, query: Query[OrganisationQuery]) -> dict[str, object]:
    filters = OrganisationFilters(
        q=query.q.strip(), region=query.region, kind=query.kind, theme=query.theme, sort=query.sort or "name"
    )
    rows, links = page_of(request, selectors.organisation_list(filters), query)
    return {**links, "results": [organisation_out(request, o) for o in rows]}


@router.get("/organisations/{slug:slug}", response=OrganisationOut, summary="One organisation")
def organisation_detail(request: HttpRequest, slug: str) -> dict[str, object]:
    return organisation_out(request, selectors.organisation_get(slug=slug))


@router.get("/regions", response=RegionList, summary="The 35 labour-market regions")
def region_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, object]:
    rows, links = page_of(request, selectors.region_list(), query)
    return {**links, "results": [region_out(request, r) for r in rows]}


@router.get("/regions/{slug:code}", response=RegionOut, summary="One labour-market region")
def region_detail(request: HttpRequest, code: str) -> dict[str, object]:
    return region_out(request, selectors.region_get(code=code))


@router.get("/themes", response=ThemeList, summary="Themes of the energy transition")
def theme_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, object]:
    themes = list(Theme.objects.order_by("position", "pk"))
    codes: dict[int | None, str] = {t.pk: t.code for t in themes}
    rows, links = page_of(request, themes, query)
    return {**links, "results": [theme_out(request, t, codes) for t in rows]}


@router.get("/themes/{slug:code}", response=ThemeOut, summary="One theme")
def theme_detail(request: HttpRequest, code: str) -> dict[str, object]:
    theme = selectors.theme_get(code=code)
    codes = {theme.parent_id: theme.parent.code} if theme.parent is not None else {}
    return theme_out(request, theme, codes)
