"""Who may do what with workforce capacity. Decided here and nowhere else.

- Everyone, also without login, reads the overviews, scenarios, comparisons and exports.
- Coordinators (the role coordinator or admin in any organisation) create scenarios by copying one, recompute
  scenarios over the current figures (derived data, the parameters stay as they are) and import figures.
- Coordinators enter and change figures (occupations, drivers, labour intensities, supply, innovations with
  their savings and adoption) by hand, as they may by importing them.
- A scenario's parameters are changed, and the scenario deleted, only by the coordinator who created it.
- Adopting a region's largest gaps as its priority themes is for those who may set that region's priority
  themes in the training map (decided there).
- Platform administrators may do all of this.
"""

from __future__ import annotations

from wattwijs.capacity.models import Scenario
from wattwijs.core.models import Region
from wattwijs.core.permissions import AnyUser, is_coordinator, is_platform_admin
from wattwijs.training import permissions as training_permissions


def can_create_scenarios(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_recompute_scenarios(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_change_scenario(user: AnyUser, scenario: Scenario) -> bool:
    """The scenario's creator (while still a coordinator) or a platform administrator."""
    if is_platform_admin(user):
        return True
    if not user.is_authenticated or scenario.created_by_id is None:
        return False
    return scenario.created_by_id == user.pk and is_coordinator(user)


def can_delete_scenario(user: AnyUser, scenario: Scenario) -> bool:
    return can_change_scenario(user, scenario)


def can_import(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_edit_figures(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_adopt_priorities(user: AnyUser, region: Region) -> bool:
    return training_permissions.can_set_priorities(user, region)
