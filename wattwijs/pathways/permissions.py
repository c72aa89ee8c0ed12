"""Who may see and do what in the Transitiehuis. Decided here and nowhere else.

- A coach sees and works on the candidates they coach.
- A chain coordinator (coordinator or admin of the chain's coordinating partner) sees and works on every
  candidate of the chain, and sees who looked at a file.
- A partner organisation (its coordinators, coaches, admins and viewers) sees a candidate only while the
  candidate is in a step that partner takes on in the chain, and only under an active consent that names the
  partner. Withdrawing the consent ends that at once: the check runs in every query.
- Under a consent for the whole file, a partner's coaches, coordinators and admins (not its viewers) may add
  what they did with the candidate: orientation activities and contact moments. Changing the file itself,
  moving the candidate and consent stay with the coach and the chain coordinator.
- A workplace mentor (praktijkopleider) sees only candidates proposed to their company, and only the
  fields needed for the work (name, stage, availability, driving licence, languages).
- Learning places (leerbanen) are offered by a partner that takes on placement in the chain. Its admins,
  coordinators and workplace mentors create and change their own organisation's places; the chain
  coordinators create and change every place in their chain. Everyone else may only read them.

Lists are filtered in SQL with the ``Q`` objects below.
"""

from __future__ import annotations

import enum
from typing import Any

from django.db.models import F, Q, QuerySet

from wattwijs.core.models import Membership, Organisation, Role
from wattwijs.core.permissions import COORDINATOR_ROLES, AnyUser, is_platform_admin
from wattwijs.pathways.models import (
    Candidate,
    Chain,
    ChainStep,
    ConsentGrant,
    ConsentLevel,
    LearningPlace,
    Placement,
    Step,
)

PARTNER_ROLES = (Role.ADMIN, Role.COORDINATOR, Role.COACH, Role.VIEWER)
REGISTER_ROLES = (Role.COORDINATOR, Role.COACH, Role.ADMIN)
# A partner's members who may add orientation activities and contact moments under a full consent.
RECORD_ROLES = (Role.ADMIN, Role.COORDINATOR, Role.COACH)
# A training company's members who offer and change its learning places.
PLACE_ROLES = (Role.ADMIN, Role.COORDINATOR, Role.MENTOR)


class Access(enum.IntEnum):
    """How much of a candidate's file a user may see."""

    NONE = 0
    MINIMAL = 1  # a mentor: what the workplace needs
    BASIC = 2  # a partner under a basic consent: name, stage and contact details
    FULL = 3


def _uid(user: AnyUser) -> int:
    """The user's id; callers have made sure the user is logged in."""
    return int(user.pk or 0)


def coordinated_chains_filter(user: AnyUser) -> Q:
    """A filter on Chain for the chains ``user`` coordinates."""
    if is_platform_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    members = Membership.objects.filter(user_id=_uid(user), role__in=COORDINATOR_ROLES).values("organisation_id")
    return Q(coordinating_organisation_id__in=members)


def _partner_filter(user: AnyUser, *, level: str | None = None, roles: tuple[str, ...] = PARTNER_ROLES) -> Q:
    """Candidates in a step that one of the user's organisations takes on, with an active consent naming it.

    An uncorrelated ``IN`` subquery rather than a correlated ``EXISTS``: under the ``OR`` of the other filters
    PostgreSQL could not turn an ``EXISTS`` into a join, estimated it per candidate and paid for JIT-compiling
    the query; this set is computed once per query, from the user's few consent grants, on both engines.
    """
    partner_orgs = Membership.objects.filter(user_id=_uid(user), role__in=roles).values("organisation_id")
    grants = ConsentGrant.objects.filter(
        consent__withdrawn_at__isnull=True,
        organisation_id__in=partner_orgs,
        # The partner takes on the step the candidate is in now.
        organisation__chain_steps__chain_id=F("consent__candidate__chain_id"),
        organisation__chain_steps__step=F("consent__candidate__stage"),
    )
    if level is not None:
        grants = grants.filter(level=level)
    return Q(pk__in=grants.values("consent__candidate_id"))


def _mentor_filter(user: AnyUser) -> Q:
    mentor_orgs = Membership.objects.filter(user_id=_uid(user), role=Role.MENTOR).values("organisation_id")
    proposed = Placement.objects.filter(candidate__isnull=False, learning_place__organisation_id__in=mentor_orgs)
    return Q(pk__in=proposed.values("candidate_id"))


def _full_filter(user: AnyUser) -> Q:
    coordinated = Chain.objects.filter(coordinated_chains_filter(user)).values("pk")
    return Q(coach_id=user.pk) | Q(chain_id__in=coordinated)


def visible_candidates_filter(user: AnyUser) -> Q:
    """A filter on Candidate for every candidate ``user`` may see at some level."""
    if is_platform_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    return _full_filter(user) | _partner_filter(user) | _mentor_filter(user)


def editable_candidates_filter(user: AnyUser) -> Q:
    """A filter on Candidate for the candidates ``user`` may change: their coachees, or their chain's."""
    if is_platform_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    return _full_filter(user)


def candidate_access(user: AnyUser, candidate: Candidate) -> Access:
    """How much of ``candidate``'s file ``user`` sees: a few indexed queries, all in SQL."""
    if is_platform_admin(user):
        return Access.FULL
    if not user.is_authenticated:
        return Access.NONE
    one = Candidate.objects.filter(pk=candidate.pk)
    if one.filter(_full_filter(user)).exists():
        return Access.FULL
    if one.filter(_partner_filter(user, level=ConsentLevel.FULL)).exists():
        return Access.FULL
    if one.filter(_partner_filter(user)).exists():
        return Access.BASIC
    if one.filter(_mentor_filter(user)).exists():
        return Access.MINIMAL
    return Access.NONE


def can_edit_candidate(user: AnyUser, candidate: Candidate) -> bool:
    return Candidate.objects.filter(pk=candidate.pk).filter(editable_candidates_filter(user)).exists()


def record_adding_candidates_filter(user: AnyUser) -> Q:
    """A filter on Candidate: where ``user`` may add orientation activities and contact moments."""
    if is_platform_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    return _full_filter(user) | _partner_filter(user, level=ConsentLevel.FULL, roles=RECORD_ROLES)


def can_add_records(user: AnyUser, candidate: Candidate) -> bool:
    return Candidate.objects.filter(pk=candidate.pk).filter(record_adding_candidates_filter(user)).exists()


def can_coordinate(user: AnyUser, chain: Chain) -> bool:
    """Chain coordinators place candidates, see who viewed a file, and erase files."""
    return Chain.objects.filter(pk=chain.pk).filter(coordinated_chains_filter(user)).exists()


def registering_chains_filter(user: AnyUser) -> Q:
    """A filter on Chain: where ``user`` may register candidates (a coach or coordinator of a partner)."""
    if is_platform_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    members = Membership.objects.filter(user_id=_uid(user), role__in=REGISTER_ROLES).values("organisation_id")
    return Q(steps__organisation_id__in=members) | Q(coordinating_organisation_id__in=members)


def can_register(user: AnyUser) -> bool:
    return Chain.objects.filter(registering_chains_filter(user)).exists()


def can_view_dashboard(user: AnyUser) -> bool:
    """Aggregates with small cells suppressed: any member of an organisation in a chain."""
    if is_platform_admin(user):
        return True
    if not user.is_authenticated:
        return False
    members = Membership.objects.filter(user_id=user.pk).values("organisation_id")
    return Chain.objects.filter(
        Q(steps__organisation_id__in=members) | Q(coordinating_organisation_id__in=members)
    ).exists()


def is_coach_user(user: AnyUser) -> bool:
    return bool(user.is_authenticated and Membership.objects.filter(user_id=_uid(user), role=Role.COACH).exists())


# Learning places ------------------------------------------------------------------


def _place_organisations(user: AnyUser) -> QuerySet[Membership, Any]:
    return Membership.objects.filter(user_id=_uid(user), role__in=PLACE_ROLES).values("organisation_id")


def place_offers_filter(user: AnyUser) -> Q:
    """A filter on ChainStep: the (chain, organisation) pairs ``user`` may offer a new learning place for.

    Only a partner that takes on placement in a chain offers places there: for its own organisation a member
    with a ``PLACE_ROLES`` role, for every such partner the chain's coordinators.
    """
    placement = Q(step=Step.PLACEMENT)
    if is_platform_admin(user):
        return placement
    if not user.is_authenticated:
        return Q(pk__in=[])
    coordinated = Chain.objects.filter(coordinated_chains_filter(user)).values("pk")
    return placement & (Q(organisation_id__in=_place_organisations(user)) | Q(chain_id__in=coordinated))


def can_offer_places(user: AnyUser) -> bool:
    """Whether ``user`` may create a learning place for some organisation in some chain."""
    return ChainStep.objects.filter(place_offers_filter(user)).exists()


def can_offer_place(user: AnyUser, *, chain: Chain, organisation: Organisation) -> bool:
    """Whether ``user`` may create a learning place of ``organisation`` in ``chain``."""
    return (
        ChainStep.objects.filter(chain_id=chain.pk, organisation_id=organisation.pk)
        .filter(place_offers_filter(user))
        .exists()
    )


def managed_places_filter(user: AnyUser) -> Q:
    """A filter on LearningPlace: the places ``user`` may change (their organisation's, or their chain's)."""
    if is_platform_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    coordinated = Chain.objects.filter(coordinated_chains_filter(user)).values("pk")
    return Q(organisation_id__in=_place_organisations(user)) | Q(chain_id__in=coordinated)


def can_manage_place(user: AnyUser, place: LearningPlace) -> bool:
    """Whether ``user`` may change ``place``: a member of the offering organisation or a chain coordinator."""
    return LearningPlace.objects.filter(pk=place.pk).filter(managed_places_filter(user)).exists()
