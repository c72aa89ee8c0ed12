"""Who may see and do what in the platform core. Decided here and nowhere else."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from wattwijs.core.models import Membership, Organisation, Role, User

AnyUser = User | AnonymousUser


COORDINATOR_ROLES = (Role.COORDINATOR, Role.ADMIN)


def is_platform_admin(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def is_coordinator(user: AnyUser) -> bool:
    """A platform admin, or a member with the role coordinator or admin in any organisation."""
    if is_platform_admin(user):
        return True
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user_id=user.pk, role__in=COORDINATOR_ROLES).exists()


def has_role(user: AnyUser, organisation: Organisation, *roles: str) -> bool:
    """True when the user holds one of ``roles`` in ``organisation``."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user_id=user.pk, organisation_id=organisation.pk, role__in=roles).exists()


def can_manage_members(user: AnyUser, organisation: Organisation) -> bool:
    """Organisation admins (and platform admins) invite, re-role and remove members."""
    return is_platform_admin(user) or has_role(user, organisation, Role.ADMIN)


def can_edit_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return can_manage_members(user, organisation)


def can_view_audit_log(user: AnyUser) -> bool:
    """Platform admins see the whole log; organisation admins that of their organisations."""
    if is_platform_admin(user):
        return True
    return bool(user.is_authenticated and Membership.objects.filter(user_id=user.pk, role=Role.ADMIN).exists())


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
