"""Who may manage harvesting. Decided here and nowhere else.

Platform admins manage every harvest source; admins and coordinators of an organisation manage the sources
that publish for it (harvested materials appear under that organisation's name).
"""

from __future__ import annotations

from django.db.models import QuerySet

from wattwijs.core.models import Organisation, Role
from wattwijs.core.permissions import AnyUser, is_platform_admin
from wattwijs.interop.models import HarvestSource

HARVEST_ROLES = (Role.ADMIN, Role.COORDINATOR)


def harvest_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations ``user`` may harvest materials for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if is_platform_admin(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user_id=user.pk, memberships__role__in=HARVEST_ROLES).distinct()


def can_manage_harvesting(user: AnyUser) -> bool:
    return harvest_organisations(user).exists()


def can_manage_source(user: AnyUser, source: HarvestSource) -> bool:
    return harvest_organisations(user).filter(pk=source.organisation_id).exists()


def visible_sources(user: AnyUser) -> QuerySet[HarvestSource]:
    if is_platform_admin(user):
        return HarvestSource.objects.all()
    return HarvestSource.objects.filter(organisation__in=harvest_organisations(user))
