"""Who may do what in the training map (opleidingsschema). Decided here and nowhere else.

- Everyone, also without login, reads every offer, the map, overlaps and gaps.
- Providers manage their own offers: members with the role author, coordinator or admin of an organisation
  create offers for it and edit the offers it provides.
- Coordinators (the role coordinator or admin in any organisation) judge overlapping pairs. A region's
  priority themes are set by coordinators of an organisation in that region.
- Platform administrators may do all of this.
"""

from __future__ import annotations

from django.db.models import QuerySet

from wattwijs.core.models import Membership, Organisation, Region, Role
from wattwijs.core.permissions import COORDINATOR_ROLES, AnyUser, is_coordinator, is_platform_admin
from wattwijs.training.models import TrainingOffer

PROVIDER_ROLES = (Role.AUTHOR, Role.COORDINATOR, Role.ADMIN)


def providing_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations ``user`` may publish and manage offers for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if is_platform_admin(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user_id=user.pk, memberships__role__in=PROVIDER_ROLES)


def can_create_offer(user: AnyUser) -> bool:
    return providing_organisations(user).exists()


def can_edit_offer(user: AnyUser, offer: TrainingOffer) -> bool:
    """A member (author, coordinator, admin) of one of the offer's providers."""
    if is_platform_admin(user):
        return True
    if not user.is_authenticated or offer.pk is None:
        return False
    return Membership.objects.filter(
        user_id=user.pk,
        role__in=PROVIDER_ROLES,
        organisation__training_offers_provided=offer,
    ).exists()


def can_mark_overlap(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_set_priorities(user: AnyUser, region: Region) -> bool:
    if is_platform_admin(user):
        return True
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user_id=user.pk, role__in=COORDINATOR_ROLES, organisation__region_id=region.pk
    ).exists()
