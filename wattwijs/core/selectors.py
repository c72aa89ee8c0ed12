"""Reads of the platform core. Lists are filtered and counted in SQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

from wattwijs.core import caching, permissions
from wattwijs.core.models import (
    ApiToken,
    AuditEntry,
    Invitation,
    Membership,
    Organisation,
    OrganisationKind,
    Region,
    Role,
    Theme,
    User,
    localized,
)
from wattwijs.core.permissions import AnyUser

OrganisationTheme = Organisation.themes.through

ORGANISATION_SORTS = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "region": ("region__name", "name", "pk"),
    "newest": ("-created_at", "-pk"),
}


@dataclass(frozen=True)
class OrganisationFilters:
    q: str = ""
    region: str = ""
    kind: str = ""
    theme: str = ""
    sort: str = "name"


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


def _organisation_queryset(filters: OrganisationFilters, *, skip: str = "") -> QuerySet[Organisation]:
    queryset = Organisation.objects.all()
    if filters.q:
        queryset = queryset.filter(name__icontains=filters.q)
    if filters.region and skip not in ("region", "kind_region"):
        queryset = queryset.filter(region__code=filters.region)
    if filters.kind and skip not in ("kind", "kind_region"):
        queryset = queryset.filter(kind=filters.kind)
    if filters.theme and skip != "theme":
        # A parent theme also finds organisations working on one of its sub-themes. A subquery
        # on the link table keeps one row per organisation, so no DISTINCT is needed.
        themes = Theme.objects.filter(Q(code=filters.theme) | Q(parent__code=filters.theme))
        linked = OrganisationTheme.objects.filter(theme__in=themes).values("organisation_id")
        queryset = queryset.filter(pk__in=linked)
    return queryset


def organisation_list(filters: OrganisationFilters) -> QuerySet[Organisation]:
    """The organisation directory: filtered, sorted, with region and themes loaded."""
    order = ORGANISATION_SORTS.get(filters.sort, ORGANISATION_SORTS["name"])
    return (
        _organisation_queryset(filters)
        .select_related("region")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("code", "name_nl", "name_en")))
        .order_by(*order)
    )


@dataclass(frozen=True)
class Facets:
    """Counts per filter value, and the number of items that match all filters."""

    groups: dict[str, list[FacetValue]]
    total: int


ORGANISATION_FACETS_CACHE = "organisation-facets"


def organisation_facets(filters: OrganisationFilters) -> Facets:
    """Counts per filter value, each facet counted with the other filters applied.

    Cached per filter combination and language until an organisation or its themes change
    (see ``signals``); the sort order does not change the counts.
    """
    parts = (replace(filters, sort=""), get_language())
    return caching.cached(ORGANISATION_FACETS_CACHE, parts, lambda: _count_organisation_facets(filters))


def _count_organisation_facets(filters: OrganisationFilters) -> Facets:
    """Kind and region come from one query grouped on both (with neither filter applied) and are
    summed here per facet; the total is the cell that satisfies both, so the paginator needs no
    COUNT of its own. Counting on the bare foreign keys and reading the few labels afterwards is
    several times cheaper than aggregating the joined label columns.
    """
    cells = list(
        _organisation_queryset(filters, skip="kind_region")
        .order_by()
        .values_list("kind", "region_id")
        .annotate(n=Count("*"))
    )
    regions = {
        pk: (code, name)
        for pk, code, name in Region.objects.filter(
            Q(pk__in={region_id for _, region_id, _ in cells}) | Q(code=filters.region)
        ).values_list("pk", "code", "name")
    }
    kind_counts: dict[str, int] = {}
    region_counts: dict[int, int] = {}
    total = 0
    for kind, region_id, n in cells:
        kind_matches = not filters.kind or kind == filters.kind
        region_matches = not filters.region or regions[region_id][0] == filters.region
        if region_matches:
            kind_counts[kind] = kind_counts.get(kind, 0) + n
        if kind_matches:
            region_counts[region_id] = region_counts.get(region_id, 0) + n
        if kind_matches and region_matches:
            total += n
    links = OrganisationTheme.objects.all()
    if filters != OrganisationFilters(theme=filters.theme, sort=filters.sort):
        links = links.filter(organisation__in=_organisation_queryset(filters, skip="theme"))
    theme_counts = dict(links.order_by().values_list("theme_id").annotate(n=Count("*")))
    kinds = dict(OrganisationKind.choices)

    def by_label(values: Iterable[FacetValue]) -> list[FacetValue]:
        return sorted(values, key=lambda facet: facet.label)

    themes = Theme.objects.filter(pk__in=theme_counts).values_list("pk", "code", "name_nl", "name_en")
    groups = {
        "kind": by_label(FacetValue(kind, str(kinds.get(kind, kind)), n) for kind, n in kind_counts.items()),
        "region": by_label(FacetValue(*regions[pk], n) for pk, n in region_counts.items()),
        "theme": by_label(FacetValue(code, localized(nl, en), theme_counts[pk]) for pk, code, nl, en in themes),
    }
    return Facets(groups=groups, total=total)


def organisation_get(*, slug: str) -> Organisation:
    try:
        return Organisation.objects.select_related("region").prefetch_related("themes").get(slug=slug)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc


def organisation_for_member_management(*, user: AnyUser, slug: str) -> Organisation:
    """The organisation, when ``user`` may manage its members; 404 or 403 otherwise."""
    organisation = organisation_get(slug=slug)
    if not permissions.can_manage_members(user, organisation):
        raise PermissionDenied
    return organisation


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def organisation_open_invitations(*, organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organisation=organisation, accepted_at__isnull=True).select_related("invited_by")


def membership_for_management(*, user: AnyUser, slug: str, membership_id: int) -> Membership:
    organisation = organisation_for_member_management(user=user, slug=slug)
    try:
        return Membership.objects.select_related("user", "organisation").get(
            pk=membership_id, organisation=organisation
        )
    except Membership.DoesNotExist as exc:
        raise Http404 from exc


def user_memberships(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation", "organisation__region")


def invitation_get_open(*, token: str) -> Invitation:
    try:
        return Invitation.objects.select_related("organisation").get(token=token, accepted_at__isnull=True)
    except Invitation.DoesNotExist as exc:
        raise Http404 from exc


def region_list() -> QuerySet[Region]:
    return Region.objects.annotate(organisation_count=Count("organisations")).order_by("name")


def region_get(*, code: str) -> Region:
    try:
        return Region.objects.get(code=code)
    except Region.DoesNotExist as exc:
        raise Http404 from exc


def theme_tree() -> list[Theme]:
    """Top-level themes, each with ``children`` loaded and organisation counts annotated."""
    themes: list[Theme] = list(Theme.objects.annotate(organisation_count=Count("organisations")).order_by("position"))
    children: dict[int, list[Theme]] = {}
    for theme in themes:
        if theme.parent_id is not None:
            children.setdefault(theme.parent_id, []).append(theme)
    roots = [theme for theme in themes if theme.parent_id is None]
    for root in roots:
        root.subthemes = children.get(root.pk, [])  # type: ignore[attr-defined]
    return roots


def theme_get(*, code: str) -> Theme:
    try:
        return Theme.objects.select_related("parent").prefetch_related("children").get(code=code)
    except Theme.DoesNotExist as exc:
        raise Http404 from exc


def theme_organisations(*, theme: Theme) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(Q(themes=theme) | Q(themes__parent=theme))
        .distinct()
        .select_related("region")
        .prefetch_related("themes")
        .order_by("name")
    )


@dataclass(frozen=True)
class AuditFilters:
    actor: str = ""
    organisation: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: date | None = None
    date_to: date | None = None


def audit_entries(*, user: AnyUser, filters: AuditFilters) -> QuerySet[AuditEntry]:
    """The audit log entries ``user`` may read, filtered, newest first."""
    if not permissions.can_view_audit_log(user):
        raise PermissionDenied
    queryset = AuditEntry.objects.filter(permissions.audit_entries_visible_filter(user))
    if filters.actor:
        queryset = queryset.filter(actor__email__icontains=filters.actor)
    if filters.organisation:
        queryset = queryset.filter(organisation__slug=filters.organisation)
    if filters.object_type:
        queryset = queryset.filter(object_type=filters.object_type)
    if filters.object_id:
        queryset = queryset.filter(object_id=filters.object_id)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        queryset = queryset.filter(created_at__gte=datetime.combine(filters.date_from, time.min, tz))
    if filters.date_to:
        queryset = queryset.filter(created_at__lte=datetime.combine(filters.date_to, time.max, tz))
    return queryset.select_related("actor", "organisation").distinct().order_by("-created_at", "-id")


def audit_organisation_choices(*, user: AnyUser) -> QuerySet[Organisation]:
    if permissions.is_platform_admin(user):
        return Organisation.objects.order_by("name").only("slug", "name")
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(memberships__user=user, memberships__role=Role.ADMIN)
        .order_by("name")
        .only("slug", "name")
    )


def platform_figures() -> dict[str, Any]:
    """A few figures from the platform itself for the home page."""
    totals = Organisation.objects.aggregate(
        organisations=Count("pk"),
        regions=Count("region", distinct=True),
        fictitious=Count("pk", filter=Q(is_fictitious=True)),
    )
    return {
        "organisations": totals["organisations"],
        "regions_active": totals["regions"],
        "has_fictitious": totals["fictitious"] > 0,
    }


# API tokens -------------------------------------------------------------------------


def api_tokens_of(*, user: AnyUser) -> QuerySet[ApiToken]:
    if not user.is_authenticated:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user_id=user.pk).order_by("revoked_at", "-created_at", "-pk")


def api_token_owned(*, user: AnyUser, pk: int) -> ApiToken:
    token = api_tokens_of(user=user).filter(pk=pk).first()
    if token is None:
        raise Http404
    return token


def api_token_active(*, token_hash: str) -> ApiToken | None:
    """The active token with this hash and its user, or None."""
    return (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_hash, revoked_at__isnull=True, user__is_active=True)
        .first()
    )


# Choosing items of another app by search ---------------------------------------------------------------


def chosen_by_ids(queryset: QuerySet[Any], ids: Sequence[int]) -> list[Any]:
    """The items of ``queryset`` among ``ids``, in the queryset's order; unknown ids are left out."""
    return list(queryset.filter(pk__in=ids)) if ids else []


def title_matches(queryset: QuerySet[Any], title: str, q: str, limit: int, exclude: Sequence[int] = ()) -> list[Any]:
    """At most ``limit`` items of ``queryset`` whose ``title`` field contains ``q`` in any case, leaving out
    ``exclude``. An empty ``q`` finds nothing, so a picker costs no query until someone searches."""
    q = q.strip()
    if not q:
        return []
    found = queryset.filter(**{f"{title}__icontains": q})
    if exclude:
        found = found.exclude(pk__in=exclude)
    return list(found[:limit])
