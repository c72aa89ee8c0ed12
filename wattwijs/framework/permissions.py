"""Who may change the qualification framework. Reading is public."""

from __future__ import annotations

from wattwijs.core.models import OrganisationKind
from wattwijs.core.permissions import COORDINATOR_ROLES, AnyUser, is_platform_admin, memberships
from wattwijs.framework.models import FrameworkVersion

# Coordinators and admins of these kinds of organisation edit the framework.
EDITOR_ORGANISATION_KINDS = (OrganisationKind.SCHOOL, OrganisationKind.HOGESCHOOL, OrganisationKind.BRANCH)
EDITOR_ROLES = COORDINATOR_ROLES


def is_framework_editor(user: AnyUser) -> bool:
    if is_platform_admin(user):
        return True
    return any(m.role in EDITOR_ROLES and m.organisation.kind in EDITOR_ORGANISATION_KINDS for m in memberships(user))


def can_edit_version(user: AnyUser, version: FrameworkVersion) -> bool:
    """Units, mappings and structure change only in a draft (concept) version."""
    return not version.is_adopted and is_framework_editor(user)


def can_manage_versions(user: AnyUser) -> bool:
    """Creating a draft from a version and adopting a draft."""
    return is_framework_editor(user)
