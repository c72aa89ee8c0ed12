"""Who may see and do what with practices and innovation projects. Decided here and nowhere else.

- Everyone, also without login, reads published and archived practices and projects, and the toolkit.
- Coordinators and administrators of an organisation create practices and projects for it, and edit those their
  organisation owns; they also see its drafts. Editing another organisation's practice is refused.
- Platform administrators may do all of this.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from wattwijs.core.models import Membership, Organisation, Role
from wattwijs.core.permissions import AnyUser, is_platform_admin
from wattwijs.practice.models import InnovationProject, Practice, PublicationStatus
from wattwijs.practice.models_sessions import Ambition, ThemeSession

EDITOR_ROLES = (Role.COORDINATOR, Role.ADMIN)
PUBLIC_STATUSES = (PublicationStatus.PUBLISHED, PublicationStatus.ARCHIVED)


def editing_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations ``user`` may write practices and projects for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if is_platform_admin(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user_id=user.pk, memberships__role__in=EDITOR_ROLES)


def can_create(user: AnyUser) -> bool:
    if is_platform_admin(user):
        return True
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user_id=user.pk, role__in=EDITOR_ROLES).exists()


def can_edit(user: AnyUser, obj: Practice | InnovationProject) -> bool:
    """A coordinator or administrator of the organisation that owns the practice or project."""
    if is_platform_admin(user):
        return True
    if not user.is_authenticated or obj.pk is None:
        return False
    return Membership.objects.filter(user_id=user.pk, organisation_id=obj.owner_id, role__in=EDITOR_ROLES).exists()


def can_view(user: AnyUser, obj: Practice | InnovationProject) -> bool:
    return obj.status in PUBLIC_STATUSES or can_edit(user, obj)


def listed_filter(user: AnyUser) -> Q:
    """Published items for everyone; drafts too for the organisations ``user`` edits for."""
    published = Q(status=PublicationStatus.PUBLISHED)
    if is_platform_admin(user):
        return published | Q(status=PublicationStatus.DRAFT)
    if not user.is_authenticated:
        return published
    own = Membership.objects.filter(user_id=user.pk, role__in=EDITOR_ROLES).values("organisation_id")
    return published | Q(status=PublicationStatus.DRAFT, owner_id__in=own)


# Themasessies and the klimaat- en energieagenda ----------------------------------------------------
# Everyone reads sessions and ambitions. Coordinators and administrators of the organiser (of a session) or the
# owner organisation (of an ambition) change them and add actions and progress; nobody else.


def can_edit_session(user: AnyUser, session: ThemeSession) -> bool:
    if is_platform_admin(user):
        return True
    if not user.is_authenticated or session.pk is None:
        return False
    return Membership.objects.filter(
        user_id=user.pk, organisation_id=session.organiser_id, role__in=EDITOR_ROLES
    ).exists()


def can_edit_ambition(user: AnyUser, ambition: Ambition) -> bool:
    if is_platform_admin(user):
        return True
    if not user.is_authenticated or ambition.pk is None:
        return False
    return Membership.objects.filter(user_id=user.pk, organisation_id=ambition.owner_id, role__in=EDITOR_ROLES).exists()
