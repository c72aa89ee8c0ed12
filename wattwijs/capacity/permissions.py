"""Who may do what with workforce capacity. Decided here and nowhere else.

- Everyone, also without login, reads the overviews, scenarios, comparisons and exports.
- Coordinators (the role coordinator or admin in any organisation) copy scenarios, change their parameters,
  recompute them and import figures.
- Adopting a region's largest gaps as its priority themes is for those who may set that region's priority
  themes in the training map (decided there).
- Platform administrators may do all of this.
"""

from __future__ import annotations

from wattwijs.core.models import Membership, Region, Role
from wattwijs.core.permissions import AnyUser, is_platform_admin
from wattwijs.training import permissions as training_permissions

COORDINATOR_ROLES = (Role.COORDINATOR, Role.ADMIN)


def is_coordinator(user: AnyUser) -> bool:
    if is_platform_admin(user):
        return True
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user_id=user.pk, role__in=COORDINATOR_ROLES).exists()


def can_edit_scenarios(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_import(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_adopt_priorities(user: AnyUser, region: Region) -> bool:
    return training_permissions.can_set_priorities(user, region)
