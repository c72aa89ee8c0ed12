"""Reads of the leermiddelenbank for its pages. The search itself lives in ``search.engine``."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404
from django.utils.safestring import SafeString, mark_safe

from wattwijs.core.models import Theme
from wattwijs.core.permissions import AnyUser
from wattwijs.core.selectors import chosen_by_ids, title_matches
from wattwijs.framework import selectors as framework_selectors
from wattwijs.library import licences, permissions, vocabularies
from wattwijs.library.models import Collection, Resource, ResourceVersion, Review, SearchDocument, Source
from wattwijs.library.search.backends import backend
from wattwijs.library.search.engine import FacetInfo, FacetTable, documents_in_order, facet_label
from wattwijs.library.search.query import Query, highlight

Status = ResourceVersion.Status


# Search results -------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    document: SearchDocument
    snippet: SafeString
    levels: list[str]
    types: list[str]
    themes: list[str]
    licence: licences.Licence | None


def result_rows(documents: list[SearchDocument], query: Query, tables: FacetTable) -> list[ResultRow]:
    """What a result line shows, from the search document alone (no further queries)."""
    theme_ids = tables.ids_by_group["theme"].tolist() if "theme" in tables.ids_by_group else []
    themes = {tables.by_id[pk].value: facet_label(tables.by_id[pk]) for pk in theme_ids}
    # The same few labels come back on every line; each is translated once per page.
    level_label = functools.cache(vocabularies.level_label)
    type_label = functools.cache(vocabularies.resource_type_label)
    rows = []
    for document in documents:
        rows.append(
            ResultRow(
                document=document,
                snippet=highlight(document.description, query),
                levels=[level_label(level) for level in document.levels],
                types=[type_label(kind) for kind in document.resource_types],
                themes=[themes.get(code, code) for code in document.theme_codes],
                licence=licences.LICENCES.get(document.licence),
            )
        )
    return rows


def facet_value_label(info: FacetInfo) -> str:
    """The label of a facet value in the active language."""
    group, value = info.group, info.value
    if group == "licence":
        licence = licences.LICENCES.get(value)
        return str(licence.short_name) if licence else value
    if group == "level":
        return vocabularies.level_label(value)
    if group == "type":
        return vocabularies.resource_type_label(value)
    if group == "language":
        return vocabularies.language_label(value)
    if group == "source" and value in Source.values:
        return str(Source(value).label)
    return facet_label(info) or value


def autocomplete_titles(query: Query, limit: int = 8) -> list[SearchDocument]:
    if query.is_empty:
        return []
    return documents_in_order(backend().ranked(query, 0, limit))


# Choices in other apps' forms ------------------------------------------------------


def resources_for_choice() -> QuerySet[Resource]:
    """The materials another app's form may link to: those with a current (published) version, by title."""
    return (
        Resource.objects.filter(current__isnull=False)
        .select_related("current", "publisher")
        .order_by("current__title", "pk")
    )


def resources_by_ids(ids: Sequence[int]) -> list[Resource]:
    """The linkable materials among ``ids``, by title; unknown ids are left out."""
    return chosen_by_ids(resources_for_choice(), ids)


def resources_for_picker(q: str, limit: int, *, exclude: Sequence[int] = ()) -> list[Resource]:
    """At most ``limit`` linkable materials whose current title contains ``q`` in any case, by title."""
    return title_matches(resources_for_choice(), "current__title", q, limit, exclude)


# Materials and versions -----------------------------------------------------------


def resource_get(*, pk: int) -> Resource:
    try:
        return Resource.objects.select_related("publisher", "current", "adapted_from__resource").get(pk=pk)
    except Resource.DoesNotExist as exc:
        raise Http404 from exc


def version_for(*, user: AnyUser, resource: Resource, number: int | None = None) -> ResourceVersion:
    """The version a page shows: the numbered one, else the current published one, else the newest the user may see."""
    versions = resource.versions.select_related("resource__publisher", "created_by")
    if number is not None:
        version = versions.filter(number=number).first()
    else:
        version = versions.filter(pk=resource.current_id).first() if resource.current_id else None
        if version is None or version.status == Status.ARCHIVED:
            version = versions.order_by("-number").first() if version is None else version
    if version is None:
        raise Http404
    if not permissions.can_view_version(user, version):
        raise PermissionDenied if user.is_authenticated else Http404
    return version


@dataclass
class VersionPage:
    version: ResourceVersion
    resource: Resource
    licence: licences.Licence | None
    attribution: str
    levels: list[str]
    types: list[str]
    roles: list[str]
    themes: list[Theme]
    authors: list[Any]
    files: list[Any]
    versions: list[ResourceVersion]
    newer: ResourceVersion | None
    family_root: ResourceVersion | None
    adaptations: list[Resource]
    aligned: dict[str, list[Any]]
    reviews: list[Review]
    rating: dict[str, Any]
    collections: list[Collection]


def version_page(*, user: AnyUser, version: ResourceVersion) -> VersionPage:
    resource = version.resource
    visible = [v for v in resource.versions.order_by("-number") if permissions.can_view_version(user, v)]
    published = [v for v in visible if v.status in (Status.PUBLISHED, Status.ARCHIVED)]
    newer = next((v for v in published if v.number > version.number and v.is_published), None)
    authors = list(version.authors.all())
    root = resource.adapted_from
    original_resource = root.resource if root else resource
    adaptations = list(
        Resource.objects.filter(adapted_from__resource=original_resource, current__isnull=False)
        .exclude(pk=resource.pk)
        .select_related("current", "publisher")
        .order_by("-current__published_at")
    )
    licence = licences.LICENCES.get(version.licence)
    adapted_from = None
    if root is not None:
        adapted_from = {
            "title": root.title,
            "authors": [a.name for a in root.authors.all()],
            "publisher": root.resource.publisher.name,
            "url": root.location,
            "licence_code": root.licence,
        }
    attribution = licences.attribution(
        title=version.title,
        authors=[a.name for a in authors],
        publisher=resource.publisher.name,
        licence_code=version.licence,
        url=version.location,
        adapted_from=adapted_from,  # type: ignore[arg-type]
    )
    reviews = list(
        Review.objects.filter(version__resource=resource, status=Review.Status.APPROVED)
        .select_related("author", "version")
        .order_by("-created_at")
    )
    rating = Review.objects.filter(version__resource=resource, status=Review.Status.APPROVED).aggregate(
        average=Avg("rating"), count=Count("pk")
    )
    return VersionPage(
        version=version,
        resource=resource,
        licence=licence,
        attribution=attribution,
        levels=[vocabularies.levels().get(level, level) for level in version.educational_levels],
        types=[vocabularies.resource_type_label(kind) for kind in version.learning_resource_types],
        roles=[str(vocabularies.END_USER_ROLE_LABELS.get(r, r)) for r in version.intended_end_user_roles],
        themes=list(version.themes.all()),
        authors=authors,
        files=list(version.files.all()),
        versions=visible,
        newer=newer,
        family_root=root,
        adaptations=adaptations,
        aligned=framework_selectors.alignments_of(obj=version),
        reviews=reviews,
        rating=rating,
        collections=list(
            Collection.objects.filter(items__resource=resource)
            .filter(permissions.visible_collections_filter(user))
            .distinct()[:10]
        ),
    )


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(page: VersionPage, *, url: str) -> SafeString:
    """schema.org/LRMI LearningResource of a version, safe to place inside a script element."""
    version, licence = page.version, page.licence
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": url,
        "url": url,
        "name": version.title,
        "description": version.description,
        "inLanguage": version.language,
        "keywords": version.keywords,
        "learningResourceType": version.learning_resource_types,
        "educationalLevel": [
            {
                "@type": "DefinedTerm",
                "name": label,
                "termCode": uuid,
                "inDefinedTermSet": vocabularies.source("educational_level"),
            }
            for uuid, label in zip(version.educational_levels, page.levels, strict=True)
        ],
        "audience": [
            {"@type": "EducationalAudience", "educationalRole": role} for role in version.intended_end_user_roles
        ],
        "about": [theme.name for theme in page.themes],
        "author": [{"@type": "Person", "name": a.name} for a in page.authors],
        "publisher": {"@type": "Organization", "name": page.resource.publisher.name},
        "isAccessibleForFree": not version.cost,
        "version": version.number,
        "educationalAlignment": [
            {
                "@type": "AlignmentObject",
                "alignmentType": "teaches",
                "targetName": f"{wp.code} {wp.name}",
                "educationalFramework": "Kwalificatiestructuur mbo",
            }
            for wp in page.aligned.get("work_process", [])
        ],
    }
    if version.typical_learning_time:
        data["timeRequired"] = f"PT{version.typical_learning_time}M"
    if licence is not None and licence.url:
        data["license"] = licence.url
    if version.location:
        data["sameAs"] = version.location
    if version.published_at:
        data["datePublished"] = version.published_at.date().isoformat()
    data["dateCreated"] = version.created_at.date().isoformat()
    data["dateModified"] = version.modified_at.date().isoformat()
    if page.aligned.get("work_process"):
        data["teaches"] = [
            {
                "@type": "DefinedTerm",
                "termCode": wp.code,
                "name": wp.name,
                "inDefinedTermSet": "Kwalificatiestructuur mbo",
            }
            for wp in page.aligned["work_process"]
        ]
    if page.rating.get("count"):
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(page.rating["average"], 2),
            "ratingCount": page.rating["count"],
            "bestRating": 5,
            "worstRating": 1,
        }
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))  # noqa: S308 - escaped above


# The REST API ---------------------------------------------------------------------


def api_resource_links(resource_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Landing URL and OAI identifier of each material (which the search documents do not hold), in one query."""
    rows = Resource.objects.filter(pk__in=resource_ids).values_list("pk", "current__location", "oai_identifier")
    return {pk: (location or "", oai_identifier) for pk, location, oai_identifier in rows}


def api_work_processes(*, version: ResourceVersion) -> list[Any]:
    return framework_selectors.alignments_of(obj=version).get("work_process", [])


def api_current_work_processes(ids: list[int]) -> dict[int, Any]:
    """The work processes with these ids in the current framework version."""
    version = framework_selectors.current_version()
    if version is None or not ids:
        return {}
    return framework_selectors.work_processes_of_version(version).filter(pk__in=ids).in_bulk()


def open_draft(*, resource: Resource, include_submitted: bool = True) -> ResourceVersion | None:
    """The version of a material that is being worked on (draft, returned or submitted), if any."""
    statuses = [Status.DRAFT, Status.RETURNED] + ([Status.SUBMITTED] if include_submitted else [])
    return (
        resource.versions.filter(status__in=statuses)
        .select_related("resource__publisher", "created_by")
        .order_by("-number")
        .first()
    )


# Moderation and own work ------------------------------------------------------------


def moderation_queue(*, user: AnyUser) -> QuerySet[ResourceVersion]:
    """Submitted versions waiting for a moderator of one of the user's organisations, oldest first."""
    organisation_ids = permissions.moderated_organisation_ids(user)
    queue = ResourceVersion.objects.filter(status=Status.SUBMITTED).select_related("resource__publisher", "created_by")
    if organisation_ids is not None:
        queue = queue.filter(resource__publisher_id__in=organisation_ids)
    return queue.order_by("submitted_at", "pk")


def pending_reviews(*, user: AnyUser) -> QuerySet[Review]:
    organisation_ids = permissions.moderated_organisation_ids(user)
    reviews = Review.objects.filter(status=Review.Status.PENDING).select_related("version__resource", "author")
    if organisation_ids is not None:
        reviews = reviews.filter(version__resource__publisher_id__in=organisation_ids)
    return reviews.order_by("created_at", "pk")


def own_versions(*, user: AnyUser) -> QuerySet[ResourceVersion]:
    """The user's drafts, submitted and returned versions: their work in progress."""
    if not user.is_authenticated:
        return ResourceVersion.objects.none()
    return (
        ResourceVersion.objects.filter(created_by_id=user.pk)
        .filter(Q(status__in=[Status.DRAFT, Status.SUBMITTED, Status.RETURNED]))
        .select_related("resource__publisher")
        .order_by("-modified_at")
    )


# Collections ----------------------------------------------------------------------


def collections_visible(*, user: AnyUser) -> QuerySet[Collection]:
    """Public collections and the user's own (personal or of their organisations), with item counts."""
    return (
        Collection.objects.filter(permissions.visible_collections_filter(user))
        .select_related("owner", "organisation")
        .annotate(item_count=Count("items", distinct=True))
        .order_by("title", "pk")
    )


def collections_editable(*, user: AnyUser) -> list[Collection]:
    """The collections ``user`` may add materials to, for the "add to collection" menus."""
    if not user.is_authenticated:
        return []
    own_organisations = permissions.publishing_organisations(user).values("pk")
    return list(
        Collection.objects.filter(Q(owner_id=user.pk) | Q(organisation_id__in=own_organisations))
        .only("pk", "title")
        .order_by("title", "pk")
    )


def collection_get(*, user: AnyUser, pk: int) -> Collection:
    collection = (
        Collection.objects.filter(permissions.visible_collections_filter(user))
        .select_related("owner", "organisation")
        .filter(pk=pk)
        .first()
    )
    if collection is None:
        raise Http404
    return collection


def collection_items(*, collection: Collection) -> list[Any]:
    """The items in order, each with its material's current version (archived ones included, marked)."""
    return list(collection.items.select_related("resource__current", "resource__publisher").order_by("position", "pk"))


def review_get(*, pk: int) -> Review:
    try:
        return Review.objects.select_related("version__resource").get(pk=pk)
    except Review.DoesNotExist as exc:
        raise Http404 from exc
