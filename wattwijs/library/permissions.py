"""Who may do what in the leermiddelenbank. Decided here and nowhere else.

- Everyone, also without login, reads and downloads published materials and public collections.
- Authors (members with the role author, coordinator, moderator or admin) share materials for their
  organisation and edit their own drafts.
- Moderators (and admins) of the publishing organisation publish, return and archive, and moderate reviews.
- Any logged-in user reviews, adapts (where the licence allows it) and keeps collections.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from wattwijs.core.models import Membership, Organisation, Role
from wattwijs.core.permissions import AnyUser, is_platform_admin
from wattwijs.library.models import Collection, Resource, ResourceVersion

AUTHOR_ROLES = (Role.AUTHOR, Role.COORDINATOR, Role.MODERATOR, Role.ADMIN)
MODERATOR_ROLES = (Role.MODERATOR, Role.ADMIN)


def publishing_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations ``user`` may share materials for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if is_platform_admin(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user_id=user.pk, memberships__role__in=AUTHOR_ROLES)


def can_share(user: AnyUser) -> bool:
    return publishing_organisations(user).exists()


def is_moderator(user: AnyUser, organisation_id: int) -> bool:
    if is_platform_admin(user):
        return True
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user_id=user.pk, organisation_id=organisation_id, role__in=MODERATOR_ROLES
    ).exists()


def moderated_organisation_ids(user: AnyUser) -> list[int] | None:
    """Ids of the organisations whose queue ``user`` moderates; None means all (platform admin)."""
    if is_platform_admin(user):
        return None
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user_id=user.pk, role__in=MODERATOR_ROLES).values_list("organisation_id", flat=True)
    )


def can_moderate(user: AnyUser, resource: Resource) -> bool:
    return is_moderator(user, resource.publisher_id)


def can_edit_version(user: AnyUser, version: ResourceVersion) -> bool:
    """The author edits their own draft (or returned version); moderators of the publisher may too."""
    if not version.is_editable:
        return False
    if user.is_authenticated and version.created_by_id == user.pk:
        return True
    return can_moderate(user, version.resource)


def can_start_new_version(user: AnyUser, resource: Resource) -> bool:
    """A new draft of a published material: its first author, or a moderator of the publisher."""
    if not user.is_authenticated:
        return False
    return resource.created_by_id == user.pk or can_moderate(user, resource)


def can_view_version(user: AnyUser, version: ResourceVersion) -> bool:
    """Published and archived versions are public; drafts only for their author and the moderators."""
    if version.status in (ResourceVersion.Status.PUBLISHED, ResourceVersion.Status.ARCHIVED):
        return True
    if user.is_authenticated and version.created_by_id == user.pk:
        return True
    return can_moderate(user, version.resource)


def can_review(user: AnyUser) -> bool:
    return user.is_authenticated


def can_adapt(user: AnyUser) -> bool:
    return can_share(user)


def visible_collections_filter(user: AnyUser) -> Q:
    """Public collections, and private ones of the user or of the user's organisations."""
    if is_platform_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(is_public=True)
    own_organisations = Membership.objects.filter(user_id=user.pk).values("organisation_id")
    return Q(is_public=True) | Q(owner_id=user.pk) | Q(organisation_id__in=own_organisations)


def can_edit_collection(user: AnyUser, collection: Collection) -> bool:
    if not user.is_authenticated:
        return False
    if collection.organisation_id is None:
        return collection.owner_id == user.pk
    return (
        is_platform_admin(user)
        or Membership.objects.filter(
            user_id=user.pk, organisation_id=collection.organisation_id, role__in=AUTHOR_ROLES
        ).exists()
    )
