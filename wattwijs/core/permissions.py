"""Who may see and do what in the platform core. Decided here and nowhere else."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from wattwijs.core.models import Membership, Organisation, Role, User

AnyUser = User | AnonymousUser


COORDINATOR_ROLES = (Role.COORDINATOR, Role.ADMIN)


def memberships(user: AnyUser) -> list[Membership]:
    """The user's memberships with their organisations.

    For the user of a request they were loaded with the user (``core.backends``), so checks cost no query; for
    any other user object they are read fresh.
    """
    if not user.is_authenticated:
        return []
    if "memberships" in getattr(user, "_prefetched_objects_cache", {}):
        return list(user.memberships.all())
    return list(Membership.objects.filter(user_id=user.pk).select_related("organisation"))


def memberships_forget(*users: AnyUser) -> None:
    """Drop the memberships loaded with these users, after a change to them, so later checks read them again."""
    for user in users:
        getattr(user, "_prefetched_objects_cache", {}).pop("memberships", None)


def organisation_ids_with_role(user: AnyUser, *roles: str) -> set[int]:
    """The organisations in which ``user`` holds one of ``roles``."""
    return {m.organisation_id for m in memberships(user) if m.role in roles}


def is_platform_admin(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def is_coordinator(user: AnyUser) -> bool:
    """A platform admin, or a member with the role coordinator or admin in any organisation."""
    if is_platform_admin(user):
        return True
    return bool(organisation_ids_with_role(user, *COORDINATOR_ROLES))


def has_role(user: AnyUser, organisation: Organisation, *roles: str) -> bool:
    """True when the user holds one of ``roles`` in ``organisation``."""
    return organisation.pk in organisation_ids_with_role(user, *roles)


def can_manage_members(user: AnyUser, organisation: Organisation) -> bool:
    """Organisation admins (and platform admins) invite, re-role and remove members."""
    return is_platform_admin(user) or has_role(user, organisation, Role.ADMIN)


def can_edit_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return can_manage_members(user, organisation)


def can_view_audit_log(user: AnyUser) -> bool:
    """Platform admins see the whole log; organisation admins that of their organisations."""
    if is_platform_admin(user):
        return True
    return bool(organisation_ids_with_role(user, Role.ADMIN))


def audit_entries_visible_filter(user: AnyUser) -> Q:
    """A filter on AuditEntry for the entries ``user`` may read."""
    if is_platform_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(
        organisation__memberships__user_id=user.pk,
        organisation__memberships__role=Role.ADMIN,
    )
