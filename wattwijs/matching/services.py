"""Every write of matching: keyword-only, in a transaction, permission-checked and audited."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.matching import permissions
from wattwijs.matching.models import Decision, MatchDecision, MatchWeights, SavedRouteAdvice
from wattwijs.matching.selectors import RouteAdvice
from wattwijs.pathways import permissions as pathways_permissions
from wattwijs.pathways import services as pathways_services
from wattwijs.pathways.models import Candidate, Chain, LearningPlace


def weights_update(*, actor: AnyUser, chain: Chain, weights: dict[str, int]) -> MatchWeights:
    """Change how much each part counts in the chain's scores; the audit entry holds before and after."""
    if not permissions.can_decide(actor, chain):
        raise PermissionDenied
    if sorted(weights) != sorted(MatchWeights.PARTS):
        raise ValidationError(_("Give a weight for every part."))
    if any(not 0 <= value <= 10 for value in weights.values()):
        raise ValidationError(_("Each weight lies between 0 and 10."))
    if sum(weights.values()) == 0:
        raise ValidationError(_("At least one weight must be above 0."))
    with transaction.atomic():
        current, _created = MatchWeights.objects.select_for_update().get_or_create(chain=chain)
        before = current.as_dict()
        for part, value in weights.items():
            setattr(current, part, value)
        current.updated_at = timezone.now()
        current.updated_by_id = actor.pk
        current.save()
        audit_log_write(
            actor=actor,
            action="matching.weights_update",
            obj=chain,
            organisation=chain.coordinating_organisation,
            details={"before": before, "after": current.as_dict()},
        )
    return current


def _check_pair(actor: AnyUser, candidate: Candidate, place: LearningPlace, reason: str) -> None:
    if not permissions.can_decide(actor, candidate.chain):
        raise PermissionDenied
    if place.chain_id != candidate.chain_id:
        raise ValidationError({"learning_place": _("Choose a learning place of this chain.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why: the decision is recorded with its reason.")})


def _lock_pair(candidate: Candidate, place: LearningPlace) -> None:
    """Lock the candidate's and the place's rows (in the order pathways locks them), refusing when either was
    removed since the proposal was shown. Call inside the decision's transaction."""
    if not Candidate.objects.select_for_update().filter(pk=candidate.pk).exists():
        raise ValidationError(
            _("This candidate no longer exists: their data may have been erased. Nothing has been saved.")
        )
    if not LearningPlace.objects.select_for_update().filter(pk=place.pk).exists():
        raise ValidationError(
            {"learning_place": _("This learning place no longer exists. Choose another learning place.")}
        )


def decision_confirm(
    *,
    actor: AnyUser,
    candidate: Candidate,
    place: LearningPlace,
    reason: str,
    start_date: datetime.date,
    score: float | None = None,
) -> MatchDecision:
    """Confirm a proposal: the candidate is placed (through pathways) and the decision recorded."""
    _check_pair(actor, candidate, place, reason)
    with transaction.atomic():
        _lock_pair(candidate, place)
        placement = pathways_services.placement_create(
            actor=actor, candidate=candidate, learning_place=place, start_date=start_date
        )
        decision = MatchDecision.objects.create(
            chain_id=candidate.chain_id,
            candidate=candidate,
            learning_place=place,
            decision=Decision.CONFIRMED,
            reason=reason.strip(),
            score=score,
            placement=placement,
            decided_by_id=actor.pk,
        )
        _audit(actor, decision, candidate)
    return decision


def decision_reject(
    *, actor: AnyUser, candidate: Candidate, place: LearningPlace, reason: str, score: float | None = None
) -> MatchDecision:
    """Reject a proposal, with who and why."""
    _check_pair(actor, candidate, place, reason)
    with transaction.atomic():
        _lock_pair(candidate, place)
        decision = MatchDecision.objects.create(
            chain_id=candidate.chain_id,
            candidate=candidate,
            learning_place=place,
            decision=Decision.REJECTED,
            reason=reason.strip(),
            score=score,
            decided_by_id=actor.pk,
        )
        _audit(actor, decision, candidate)
    return decision


def _audit(actor: AnyUser, decision: MatchDecision, candidate: Candidate) -> None:
    details: dict[str, Any] = {
        "candidate": candidate.pk,
        "learning_place": decision.learning_place_id,
        "decision": decision.decision,
    }
    audit_log_write(
        actor=actor,
        action=f"matching.decision_{'confirm' if decision.decision == Decision.CONFIRMED else 'reject'}",
        obj=candidate,
        organisation=candidate.chain.coordinating_organisation,
        details=details,
    )


def cohort_confirm(
    *,
    actor: AnyUser,
    chain: Chain,
    pairs: list[tuple[Candidate, LearningPlace, float | None]],
    start_date: datetime.date,
    reason: str,
) -> list[MatchDecision]:
    """Place a whole intake round at once: every pair is confirmed, or (on any refusal) none is."""
    if not permissions.can_decide(actor, chain):
        raise PermissionDenied
    if not pairs:
        raise ValidationError(_("Choose a learning place for at least one candidate."))
    with transaction.atomic():
        decisions = []
        for candidate, place, score in pairs:
            try:
                decisions.append(
                    decision_confirm(
                        actor=actor, candidate=candidate, place=place, reason=reason, start_date=start_date, score=score
                    )
                )
            except ValidationError as error:
                # Name the candidate: the round places many at once.
                raise ValidationError(
                    [
                        _("%(candidate)s: %(error)s") % {"candidate": candidate.full_name, "error": message}
                        for message in error.messages
                    ]
                ) from error
        audit_log_write(
            actor=actor,
            action="matching.cohort_confirm",
            obj=chain,
            organisation=chain.coordinating_organisation,
            details={"placements": [[candidate.pk, place.pk] for candidate, place, _score in pairs]},
        )
    return decisions


def route_advice_save(*, actor: AnyUser, candidate: Candidate, advice: RouteAdvice) -> SavedRouteAdvice:
    """Keep a route advice in the candidate's file; only those who may change the file save to it."""
    if not pathways_permissions.can_edit_candidate(actor, candidate):
        raise PermissionDenied
    with transaction.atomic():
        saved = SavedRouteAdvice.objects.create(
            candidate=candidate,
            goal=advice.goal_label[:300],
            covered=[str(wp) for wp in advice.covered],
            missing=[str(wp) for wp in advice.missing],
            offers=[offer.title for offer in advice.offers],
            hours=advice.hours,
            uncoverable=[str(wp) for wp in advice.uncoverable],
            approximate=advice.approximate,
            saved_by_id=actor.pk,
        )
        audit_log_write(
            actor=actor,
            action="matching.route_advice_save",
            obj=candidate,
            organisation=candidate.chain.coordinating_organisation,
            details={"route_advice": saved.pk},
        )
    return saved


def candidate_data_erase(*, candidate_ids: Sequence[int]) -> None:
    """Remove what matching keeps about these candidates (AVG art. 17): their decisions, with the reasons
    written about them, and their saved route advice. The audit log keeps who decided what, without them."""
    MatchDecision.objects.filter(candidate_id__in=candidate_ids).delete()
    SavedRouteAdvice.objects.filter(candidate_id__in=candidate_ids).delete()
