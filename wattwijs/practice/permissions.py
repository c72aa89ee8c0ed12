"""Who may see and do what with practices and innovation projects. Decided here and nowhere else.

- Everyone, also without login, reads published and archived practices and projects, and the toolkit.
- Coordinators and administrators of an organisation create practices and projects for it, and edit those their
  organisation owns; they also see its drafts. Editing another organisation's practice is refused.
- Platform administrators may do all of this.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet, Value

from wattwijs.core.models import Membership, Organisation
from wattwijs.core.permissions import (
    COORDINATOR_ROLES,
    AnyUser,
    is_coordinator,
    is_platform_admin,
    memberships,
    organisation_ids_with_role,
)
from wattwijs.practice.models import Ambition, InnovationProject, Practice, PublicationStatus, ThemeSession

EDITOR_ROLES = COORDINATOR_ROLES
PUBLIC_STATUSES = (PublicationStatus.PUBLISHED, PublicationStatus.ARCHIVED)


def editing_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations ``user`` may write practices and projects for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if is_platform_admin(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=_editing_ids(user))


def _editing_ids(user: AnyUser) -> set[int]:
    return organisation_ids_with_role(user, *EDITOR_ROLES)


def can_create(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_edit(user: AnyUser, obj: Practice | InnovationProject) -> bool:
    """A coordinator or administrator of the organisation that owns the practice or project."""
    if is_platform_admin(user):
        return True
    return obj.pk is not None and obj.owner_id in _editing_ids(user)


def can_view(user: AnyUser, obj: Practice | InnovationProject) -> bool:
    return obj.status in PUBLIC_STATUSES or can_edit(user, obj)


def listed_filter(user: AnyUser) -> Q:
    """Published items for everyone; drafts too for the organisations ``user`` edits for."""
    published = Q(status=PublicationStatus.PUBLISHED)
    if is_platform_admin(user):
        return published | Q(status=PublicationStatus.DRAFT)
    if not user.is_authenticated:
        return published
    return published | Q(status=PublicationStatus.DRAFT, owner_id__in=_editing_ids(user))


# Themasessies and the klimaat- en energieagenda ----------------------------------------------------
# Everyone reads sessions and ambitions. Coordinators and administrators of the organiser (of a session) or the
# owner organisation (of an ambition) change them and add actions and progress; nobody else.


def can_edit_session(user: AnyUser, session: ThemeSession) -> bool:
    if is_platform_admin(user):
        return True
    return session.pk is not None and session.organiser_id in _editing_ids(user)


def can_edit_ambition(user: AnyUser, ambition: Ambition) -> bool:
    if is_platform_admin(user):
        return True
    return ambition.pk is not None and ambition.owner_id in _editing_ids(user)


# Self-assessments and navolging ---------------------------------------------------------------------
# A regional partnership is known by its region: coordinators and administrators of any organisation in a
# region assess that region and record which practices it follows. Everyone reads the results.


def region_organisations(user: AnyUser, region_id: int) -> QuerySet[Organisation]:
    """The organisations in the region ``user`` may assess it or record its adoptions for."""
    return editing_organisations(user).filter(region_id=region_id).distinct()


def can_act_for_region(user: AnyUser, region_id: int) -> bool:
    """A coordinator or administrator of an organisation in the region, or a platform administrator."""
    if is_platform_admin(user):
        return True
    return region_id in acting_region_ids(user)


def acting_for_region_expression(user: AnyUser) -> Exists | Value:
    """An annotation that is true on rows (with a ``region_id``) whose region ``user`` may act for."""
    if is_platform_admin(user):
        return Value(True)
    if not user.is_authenticated:
        return Value(False)
    return Exists(
        Membership.objects.filter(user_id=user.pk, role__in=EDITOR_ROLES, organisation__region_id=OuterRef("region_id"))
    )


def acting_region_ids(user: AnyUser) -> list[int]:
    """The regions ``user`` may act for through a membership (platform administrators: none by membership)."""
    return sorted(
        {m.organisation.region_id for m in memberships(user) if m.role in EDITOR_ROLES and m.organisation.region_id}
    )


def can_record_adoption_elsewhere(user: AnyUser, region_id: int) -> bool:
    """Whether ``user`` may record for some region other than ``region_id`` that it follows a practice from there:
    a platform administrator, or a coordinator or administrator of an organisation in another region."""
    if is_platform_admin(user):
        return True
    return any(other != region_id for other in acting_region_ids(user))
