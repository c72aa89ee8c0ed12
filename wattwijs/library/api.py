"""REST API of the leermiddelenbank: search, materials (read and write), JSON-LD and collections.

The search takes the same query parameters as the search page (``q``, ``sort`` and one repeatable
parameter per filter group) and parses them with the page's own ``SearchForm``. Writes go through
``library.services`` under ``library.permissions``, as the pages do.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status

from wattwijs.core.apikit import MAX_ID, Out, PageLinks, PageQuery, PathId, Text, TokenAuth, api_user, page_of
from wattwijs.core.models import Organisation, Theme
from wattwijs.library import licences, permissions, selectors, services, vocabularies
from wattwijs.library.forms import SearchForm
from wattwijs.library.models import Collection, Resource, ResourceVersion
from wattwijs.library.search import engine

router = Router(tags=["learning materials"])
collections_router = Router(tags=["collections"])
router.add_router("", collections_router)


if TYPE_CHECKING:
    LicenceCode = str
    LevelId = str
    ResourceType = str
    EndUserRole = str
    Language = str
else:
    # The NL-LOM vocabularies, so the OpenAPI document lists the allowed values.
    LicenceCode = Literal[tuple(licences.LICENCES)]
    LevelId = Literal[tuple(vocabularies.levels())]
    ResourceType = Literal[tuple(vocabularies.RESOURCE_TYPE_LABELS)]
    EndUserRole = Literal[tuple(vocabularies.END_USER_ROLE_LABELS)]
    Language = Literal[tuple(vocabularies.LANGUAGE_LABELS)]

FilterValues = list[Text]


# Output ------------------------------------------------------------------------------


class Named(Out):
    code: str
    name: str


class PublisherOut(Out):
    slug: str
    name: str


class ResourceItem(Out):
    id: int
    title: str
    description: str
    location: str = Field(description="Where the material can be opened (its landing URL); empty when only files.")
    url: str = Field(description="The material's page on WattWijs.")
    source: str = Field(description="wattwijs (shared here) or harvested (from another repository).")
    oai_identifier: str = Field(description="The OAI-PMH identifier of a harvested record; empty otherwise.")
    publisher: PublisherOut
    licence: str
    language: str
    educational_levels: list[str]
    learning_resource_types: list[str]
    themes: list[str]
    authors: str
    published_at: datetime
    version: int
    rating_average: float | None
    rating_count: int


class FacetValueOut(Out):
    value: str
    label: str
    count: int
    selected: bool


class SearchResults(PageLinks):
    results: list[ResourceItem]
    facets: dict[str, list[FacetValueOut]] = Field(
        description="Per filter group its most frequent values, each counted with the filters of the other groups."
    )
    relaxed: bool = Field(description="True when no material has all the words and these have at least one.")


class LevelOut(Out):
    id: str
    label: str


class LicenceOut(Out):
    code: str
    name: str
    url: str


class AuthorOut(Out):
    name: str
    organisation: str


class AlignedOut(Out):
    id: int
    code: str
    name: str


class ResourceDetail(Out):
    id: int
    version: int
    status: str = Field(description="concept, ingediend, gepubliceerd, teruggestuurd or gearchiveerd.")
    title: str
    description: str
    keywords: list[str]
    language: str
    location: str
    url: str
    jsonld: str = Field(description="The schema.org/LRMI JSON-LD of the material.")
    source: str
    oai_identifier: str
    publisher: PublisherOut
    licence: LicenceOut
    educational_levels: list[LevelOut]
    learning_resource_types: list[str]
    intended_end_user_roles: list[str]
    aggregation_level: int
    typical_learning_time: int | None
    cost: bool
    themes: list[Named]
    authors: list[AuthorOut]
    work_processes: list[AlignedOut]
    created_at: datetime
    modified_at: datetime
    published_at: datetime | None
    moderator_comment: str


# Input -------------------------------------------------------------------------------


class SearchQuery(PageQuery):
    q: Text = Field("", max_length=1000, description='Words to search for (Dutch stemming; "phrases" work).')
    sort: Literal["", *engine.SORTS] = ""  # type: ignore[valid-type]
    theme: FilterValues = Field([], description="Theme codes.")
    level: FilterValues = Field([], description="Educational level ids (OBK).")
    type: FilterValues = Field([], description="Kinds of material (NL-LOM learning resource types).")
    licence: FilterValues = Field([], description="Licence codes.")
    language: FilterValues = Field([], description="Language codes.")
    publisher: FilterValues = Field([], description="Publisher slugs.")
    region: FilterValues = Field([], description="Region codes of the publisher.")
    qualification: FilterValues = Field([], description="Qualification ids.")
    source: FilterValues = Field([], description="wattwijs or harvested.")


class AuthorIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    organisation: str = Field("", max_length=200)


class ResourceChange(Schema):
    """The metadata of a draft; in a change (PATCH) every field is optional and missing ones stay as they are."""

    title: str | None = Field(None, min_length=1, max_length=250)
    description: str | None = Field(None, min_length=1, max_length=20_000)
    location: str | None = Field(None, max_length=500, description="Web address (https://…).")
    licence: LicenceCode | None = None
    educational_levels: list[LevelId] | None = None
    learning_resource_types: list[ResourceType] | None = None
    keywords: list[str] | None = Field(None, max_length=50)
    language: Language | None = None
    intended_end_user_roles: list[EndUserRole] | None = None
    aggregation_level: Literal[1, 2, 3, 4] | None = None
    typical_learning_time: int | None = Field(None, ge=1, le=100_000)
    cost: bool | None = None
    themes: list[str] | None = Field(None, description="Theme codes.")
    authors: list[AuthorIn] | None = None
    work_processes: list[int] | None = Field(None, description="Ids of work processes of the current framework.")


class ResourceCreate(ResourceChange):
    publisher: str = Field(description="Slug of an organisation the token's owner shares materials for.")
    title: str = Field(min_length=1, max_length=250)
    description: str = Field(min_length=1, max_length=20_000)
    licence: LicenceCode
    educational_levels: list[LevelId] = Field(min_length=1)
    learning_resource_types: list[ResourceType] = Field(min_length=1)


# Helpers -----------------------------------------------------------------------------


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _search_items(request: HttpRequest, documents: list[Any]) -> list[dict[str, Any]]:
    extras = selectors.api_resource_links([d.resource_id for d in documents])
    items = []
    for document in documents:
        location, oai_identifier = extras.get(document.resource_id, ("", ""))
        items.append(
            {
                "id": document.resource_id,
                "title": document.title,
                "description": document.description,
                "location": location,
                "url": _absolute(request, document.get_absolute_url()),
                "source": document.source,
                "oai_identifier": oai_identifier,
                "publisher": {"slug": document.publisher_slug, "name": document.publisher_name},
                "licence": document.licence,
                "language": document.language,
                "educational_levels": document.levels,
                "learning_resource_types": document.resource_types,
                "themes": document.theme_codes,
                "authors": document.authors,
                "published_at": document.published_at,
                "version": document.version_number,
                "rating_average": document.rating_average,
                "rating_count": document.rating_count,
            }
        )
    return items


def _detail(request: HttpRequest, version: ResourceVersion) -> dict[str, Any]:
    resource = version.resource
    licence = licences.LICENCES.get(version.licence)
    aligned = selectors.api_work_processes(version=version)
    return {
        "id": resource.pk,
        "version": version.number,
        "status": version.status,
        "title": version.title,
        "description": version.description,
        "keywords": list(version.keywords),
        "language": version.language,
        "location": version.location,
        "url": _absolute(request, version.get_absolute_url()),
        "jsonld": _absolute(request, reverse("api-v1:resource_jsonld", kwargs={"id": resource.pk})),
        "source": resource.source,
        "oai_identifier": resource.oai_identifier,
        "publisher": {"slug": resource.publisher.slug, "name": resource.publisher.name},
        "licence": {
            "code": version.licence,
            "name": str(licence.short_name) if licence else version.licence,
            "url": licence.url if licence else "",
        },
        "educational_levels": [
            {"id": level, "label": vocabularies.levels().get(level, level)} for level in version.educational_levels
        ],
        "learning_resource_types": list(version.learning_resource_types),
        "intended_end_user_roles": list(version.intended_end_user_roles),
        "aggregation_level": version.aggregation_level,
        "typical_learning_time": version.typical_learning_time,
        "cost": version.cost,
        "themes": [{"code": t.code, "name": t.name} for t in version.themes.all()],
        "authors": [{"name": a.name, "organisation": a.organisation} for a in version.authors.all()],
        "work_processes": [{"id": wp.pk, "code": wp.code, "name": wp.name} for wp in aligned],
        "created_at": version.created_at,
        "modified_at": version.modified_at,
        "published_at": version.published_at,
        "moderator_comment": version.moderator_comment
        if permissions.can_edit_version(api_user(request), version)
        else "",
    }


def _themes(codes: list[str] | None) -> list[Theme] | None:
    if codes is None:
        return None
    found = {t.code: t for t in Theme.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError({"themes": f"Unknown theme codes: {', '.join(unknown[:10])}."})
    return [found[code] for code in dict.fromkeys(codes)]


def _alignment(ids: list[int] | None) -> services.Alignment | None:
    if ids is None:
        return None
    found = selectors.api_current_work_processes(ids)
    unknown = [str(pk) for pk in ids if pk not in found]
    if unknown:
        raise ValidationError({"work_processes": f"Unknown work processes: {', '.join(unknown[:10])}."})
    return services.Alignment(work_processes=[found[pk] for pk in dict.fromkeys(ids)])


def _authors(authors: list[AuthorIn] | None) -> list[services.AuthorData] | None:
    if authors is None:
        return None
    return [services.AuthorData(name=a.name.strip(), organisation=a.organisation.strip()) for a in authors]


def _metadata(change: ResourceChange) -> dict[str, Any]:
    details = {"themes", "authors", "work_processes", "publisher"}
    data = {name: value for name, value in change.model_dump(exclude_unset=True).items() if name not in details}
    for name in ("title", "description"):
        if isinstance(data.get(name), str):
            data[name] = data[name].strip()
    if "keywords" in data and data["keywords"] is not None:
        data["keywords"] = [k.strip() for k in data["keywords"] if k.strip()]
    if data.get("location"):
        location = data["location"].strip()
        data["location"] = location if "://" in location else f"https://{location}"
    return data


# Endpoints: materials -----------------------------------------------------------------


@router.get("/resources", response=SearchResults, summary="Search learning materials")
def resource_search(request: HttpRequest, query: Query[SearchQuery]) -> dict[str, Any]:
    """The search of the leermiddelenbank, with facet counts. Filter parameters may be repeated (OR within a
    group, AND between groups)."""
    params = SearchForm(request.GET).params(request.GET)
    outcome = engine.search(params)
    rows, links = page_of(request, outcome.documents, query, count=outcome.total)
    facet_label = functools.cache(selectors.facet_value_label)
    facets = {
        group: [
            {
                "value": item.value,
                "label": facet_label(item.facet),
                "count": item.count,
                "selected": item.value in params.filters.get(group, ()),
            }
            for item in outcome.facets.get(group, [])
        ]
        for group in engine.FACET_GROUPS
    }
    return {**links, "results": _search_items(request, rows), "facets": facets, "relaxed": outcome.relaxed}


@router.get("/resources/{int:id}", response=ResourceDetail, summary="One learning material")
def resource_detail(request: HttpRequest, id: PathId) -> dict[str, Any]:  # noqa: A002
    """The current published version; with a token, the newest version its owner may see when none is published."""
    resource = selectors.resource_get(pk=id)
    version = selectors.version_for(user=api_user(request), resource=resource)
    return _detail(request, version)


@router.get(
    "/resources/{int:id}.jsonld",
    summary="A learning material as schema.org/LRMI JSON-LD",
    openapi_extra={
        "responses": {
            "200": {
                "description": "A schema.org LearningResource.",
                "content": {"application/ld+json": {"schema": {"type": "object"}}},
            }
        }
    },
)
def resource_jsonld(request: HttpRequest, id: PathId) -> HttpResponse:  # noqa: A002
    resource = selectors.resource_get(pk=id)
    user = api_user(request)
    version = selectors.version_for(user=user, resource=resource)
    page = selectors.version_page(user=user, version=version)
    body = selectors.json_ld(page, url=request.build_absolute_uri(resource.get_absolute_url()))
    return HttpResponse(body, content_type="application/ld+json; charset=utf-8")


@router.post("/resources", response={201: ResourceDetail}, auth=TokenAuth(), summary="Share a new material (draft)")
def resource_create(request: HttpRequest, payload: ResourceCreate) -> Status[dict[str, Any]]:
    """Starts version 1 as a draft for ``publisher``; submit it for moderation with ``/resources/{id}/submit``."""
    user = api_user(request)
    publisher = Organisation.objects.filter(slug=payload.publisher).first()
    if publisher is None:
        raise ValidationError({"publisher": "Unknown organisation."})
    data = _metadata(payload)
    with transaction.atomic():
        version = services.resource_create(
            actor=user,
            publisher=publisher,
            data=data,
            themes=_themes(payload.themes) or [],
            authors=_authors(payload.authors) or [],
            alignment=_alignment(payload.work_processes),
        )
    return Status(201, _detail(request, version))


@router.patch("/resources/{int:id}", response=ResourceDetail, auth=TokenAuth(), summary="Change a material")
def resource_update(request: HttpRequest, payload: ResourceChange, id: PathId) -> dict[str, Any]:  # noqa: A002
    """Changes the open draft; for a published material this starts the next version as a draft first."""
    user = api_user(request)
    resource = selectors.resource_get(pk=id)
    with transaction.atomic():
        draft = selectors.open_draft(resource=resource)
        version = draft if draft is not None else services.version_new_draft(actor=user, resource=resource)
        if version.status == ResourceVersion.Status.SUBMITTED:
            raise ValidationError("The material is waiting for moderation and cannot be changed now.")
        version = services.version_update(
            actor=user,
            version=version,
            data=_metadata(payload),
            themes=_themes(payload.themes),
            authors=_authors(payload.authors),
            alignment=_alignment(payload.work_processes),
        )
    return _detail(request, version)


def _act_on_version(request: HttpRequest, pk: int, action: str) -> dict[str, Any]:
    user = api_user(request)
    resource = selectors.resource_get(pk=pk)
    if action == "archive":
        services.resource_archive(actor=user, resource=resource)
        return _detail(request, selectors.version_for(user=user, resource=resource))
    version = selectors.open_draft(resource=resource, include_submitted=True)
    if version is None:
        raise ValidationError("The material has no draft or submitted version.")
    if not permissions.can_view_version(user, version):
        raise PermissionDenied
    if action == "submit":
        services.version_submit(actor=user, version=version)
    else:
        services.version_publish(actor=user, version=version)
    return _detail(request, version)


@router.post("/resources/{int:id}/submit", response=ResourceDetail, auth=TokenAuth(), summary="Submit for moderation")
def resource_submit(request: HttpRequest, id: PathId) -> dict[str, Any]:  # noqa: A002
    return _act_on_version(request, id, "submit")


@router.post("/resources/{int:id}/publish", response=ResourceDetail, auth=TokenAuth(), summary="Publish (moderators)")
def resource_publish(request: HttpRequest, id: PathId) -> dict[str, Any]:  # noqa: A002
    return _act_on_version(request, id, "publish")


@router.post("/resources/{int:id}/archive", response=ResourceDetail, auth=TokenAuth(), summary="Archive (moderators)")
def resource_archive(request: HttpRequest, id: PathId) -> dict[str, Any]:  # noqa: A002
    return _act_on_version(request, id, "archive")


# Endpoints: collections ---------------------------------------------------------------


class CollectionOut(Out):
    id: int
    title: str
    description: str
    is_public: bool
    organisation: PublisherOut | None = Field(description="The owning organisation; null for a personal collection.")
    item_count: int
    can_edit: bool = Field(description="Whether the token's owner may change it.")
    modified_at: datetime
    url: str


class CollectionList(PageLinks):
    results: list[CollectionOut]


class CollectionItemOut(Out):
    id: int = Field(description="The material's id.")
    title: str
    location: str
    url: str
    position: int
    note: str
    is_archived: bool


class CollectionDetail(CollectionOut):
    items: list[CollectionItemOut]


class CollectionCreate(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=10_000)
    is_public: bool = False
    organisation: str | None = Field(None, description="Slug of an organisation to own it; null for a personal one.")


class CollectionChange(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=10_000)
    is_public: bool | None = None


class CollectionItemIn(Schema):
    resource: int = Field(ge=1, le=MAX_ID, description="The id of a published material.")


def _collection_out(request: HttpRequest, collection: Collection, item_count: int, can_edit: bool) -> dict[str, Any]:
    organisation = collection.organisation
    return {
        "id": collection.pk,
        "title": collection.title,
        "description": collection.description,
        "is_public": collection.is_public,
        "organisation": {"slug": organisation.slug, "name": organisation.name} if organisation else None,
        "item_count": item_count,
        "can_edit": can_edit,
        "modified_at": collection.modified_at,
        "url": _absolute(request, collection.get_absolute_url()),
    }


def _collection_detail(request: HttpRequest, collection: Collection) -> dict[str, Any]:
    items = selectors.collection_items(collection=collection)
    can_edit = permissions.can_edit_collection(api_user(request), collection)
    out = _collection_out(request, collection, len(items), can_edit)
    out["items"] = [
        {
            "id": item.resource_id,
            "title": str(item.resource),
            "location": item.resource.current.location if item.resource.current else "",
            "url": _absolute(request, item.resource.get_absolute_url()),
            "position": item.position,
            "note": item.note,
            "is_archived": item.resource.current is None
            or item.resource.current.status == ResourceVersion.Status.ARCHIVED,
        }
        for item in items
    ]
    return out


@collections_router.get("/collections", response=CollectionList, summary="Collections")
def collection_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    """Public collections; with a token also the private ones of its owner and their organisations."""
    user = api_user(request)
    rows, links = page_of(request, selectors.collections_visible(user=user), query)
    editable = {c.pk for c in selectors.collections_editable(user=user)} if rows else set()
    results = [
        _collection_out(request, collection, collection.item_count, collection.pk in editable)  # type: ignore[attr-defined]
        for collection in rows
    ]
    return {**links, "results": results}


@collections_router.get("/collections/{int:id}", response=CollectionDetail, summary="One collection with its materials")
def collection_detail(request: HttpRequest, id: PathId) -> dict[str, Any]:  # noqa: A002
    return _collection_detail(request, selectors.collection_get(user=api_user(request), pk=id))


@collections_router.post(
    "/collections", response={201: CollectionDetail}, auth=TokenAuth(), summary="Make a collection"
)
def collection_create(request: HttpRequest, payload: CollectionCreate) -> Status[dict[str, Any]]:
    organisation = None
    if payload.organisation:
        organisation = Organisation.objects.filter(slug=payload.organisation).first()
        if organisation is None:
            raise ValidationError({"organisation": "Unknown organisation."})
    collection = services.collection_create(
        actor=api_user(request),
        title=payload.title,
        description=payload.description,
        is_public=payload.is_public,
        organisation=organisation,
    )
    return Status(201, _collection_detail(request, collection))


@collections_router.patch(
    "/collections/{int:id}", response=CollectionDetail, auth=TokenAuth(), summary="Change a collection"
)
def collection_update(request: HttpRequest, payload: CollectionChange, id: PathId) -> dict[str, Any]:  # noqa: A002
    user = api_user(request)
    collection = selectors.collection_get(user=user, pk=id)
    collection = services.collection_update(
        actor=user,
        collection=collection,
        title=payload.title if payload.title is not None else collection.title,
        description=payload.description if payload.description is not None else collection.description,
        is_public=payload.is_public if payload.is_public is not None else collection.is_public,
    )
    return _collection_detail(request, collection)


@collections_router.post(
    "/collections/{int:id}/items",
    response={201: CollectionDetail},
    auth=TokenAuth(),
    summary="Add a material to a collection",
)
def collection_item_add(
    request: HttpRequest,
    payload: CollectionItemIn,
    id: PathId,  # noqa: A002
) -> Status[dict[str, Any]]:
    user = api_user(request)
    collection = selectors.collection_get(user=user, pk=id)
    resource = Resource.objects.filter(pk=payload.resource).first()
    if resource is None:
        raise ValidationError({"resource": "Unknown material."})
    services.collection_add(actor=user, collection=collection, resource=resource)
    return Status(201, _collection_detail(request, collection))


@collections_router.delete(
    "/collections/{int:id}/items/{int:resource}",
    response={204: None},
    auth=TokenAuth(),
    summary="Take a material out of a collection",
)
def collection_item_remove(
    request: HttpRequest,
    id: PathId,  # noqa: A002
    resource: PathId,
) -> Status[None]:
    user = api_user(request)
    collection = selectors.collection_get(user=user, pk=id)
    services.collection_remove(actor=user, collection=collection, resource=selectors.resource_get(pk=resource))
    return Status(204, None)
