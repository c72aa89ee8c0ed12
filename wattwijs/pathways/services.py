"""Every write of the Transitiehuis: keyword-only, transactional, permission-checked, audited.

Audit entries name a candidate by its reference (``K-000123``), never by name, and carry no personal
data in their details: the log is append-only and must stay clean after an erasure.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterable
from typing import Any, cast

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, DateField, F
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wattwijs.core.models import Organisation, Theme
from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.framework.models import FrameworkUnit, WorkProcess
from wattwijs.framework.selectors import alignments_of
from wattwijs.framework.services import alignment_set
from wattwijs.pathways import permissions, personal_data, selectors
from wattwijs.pathways.models import (
    CHECKPOINT_MONTHS,
    END_STAGES,
    ROUTE,
    ActionPoint,
    AftercareCheckpoint,
    AftercareReminder,
    Candidate,
    Chain,
    ChainStep,
    CheckpointOutcome,
    Consent,
    ConsentGrant,
    ConsentLevel,
    ContactMoment,
    DropoutReason,
    LearningPlace,
    OrientationActivity,
    Placement,
    Stage,
    StageFlow,
    StageFlowMonth,
    StageTransition,
    Step,
)

CANDIDATE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "region",
    "referral_source",
    "prior_education",
    "work_experience",
    "competence_source",
    "hours_per_week",
    "available_from",
    "driving_licence",
    "travel_limit_km",
    "languages",
    "notes",
    "coach",
    "next_action",
    "next_action_due",
)


def stage_flow_record(transition: StageTransition) -> None:
    """Count a transition in the anonymous dashboard aggregate. Call inside the transition's transaction."""
    cell = {
        "chain_id": transition.chain_id,
        "from_stage": transition.from_stage,
        "to_stage": transition.to_stage,
        "reason": transition.reason,
        "days": transition.seconds_in_previous // 86400,
    }
    if not StageFlow.objects.filter(**cell).update(people=F("people") + 1):
        StageFlow.objects.create(**cell, people=1)
    monthly = {
        "chain_id": transition.chain_id,
        "month": timezone.localtime(transition.at).date().replace(day=1),
        "to_stage": transition.to_stage,
    }
    if not StageFlowMonth.objects.filter(**monthly).update(people=F("people") + 1):
        StageFlowMonth.objects.create(**monthly, people=1)


def stage_flow_rebuild() -> None:
    """Recount the whole aggregates (by days in stage, and per month) from the stage history, after bulk loads."""
    rows = (
        StageTransition.objects.order_by()
        .annotate(days=F("seconds_in_previous") / 86400)
        .values_list("chain_id", "from_stage", "to_stage", "reason", "days")
        .annotate(n=Count("*"))
    )
    monthly = (
        StageTransition.objects.order_by()
        .annotate(month=TruncMonth("at", output_field=DateField()))
        .values_list("chain_id", "month", "to_stage")
        .annotate(n=Count("*"))
    )
    with transaction.atomic():
        StageFlow.objects.all().delete()
        StageFlow.objects.bulk_create(
            (
                StageFlow(chain_id=chain_id, from_stage=f, to_stage=t, reason=r, days=d, people=n)
                for chain_id, f, t, r, d, n in rows
            ),
            batch_size=2000,
        )
        StageFlowMonth.objects.all().delete()
        StageFlowMonth.objects.bulk_create(
            (StageFlowMonth(chain_id=chain_id, month=m, to_stage=t, people=n) for chain_id, m, t, n in monthly),
            batch_size=2000,
        )


def conflict_error() -> ValidationError:
    return ValidationError(
        _(
            "Someone else changed this candidate while you were working on it. Your change has not been saved. "
            "Reload the page to see the latest version and make your change again."
        ),
        code="conflict",
    )


def allowed_next_stages(stage: str) -> list[str]:
    """The stages a candidate in ``stage`` may move to: the next one on the route, or dropping out."""
    if stage in END_STAGES:
        return []
    index = ROUTE.index(Stage(stage))
    return [ROUTE[index + 1], Stage.DROPPED_OUT]


def _require_edit(actor: AnyUser, candidate: Candidate) -> None:
    if not permissions.can_edit_candidate(actor, candidate):
        raise PermissionDenied


def _bump_version(candidate: Candidate, version: int, **changes: Any) -> None:
    """Write ``changes`` only if nobody changed the candidate since ``version`` was read."""
    updated = Candidate.objects.filter(pk=candidate.pk, version=version).update(version=F("version") + 1, **changes)
    if updated == 0:
        raise conflict_error()
    for field, value in changes.items():
        setattr(candidate, field, value)
    candidate.version = version + 1


def _audit(actor: AnyUser, action: str, candidate: Candidate, **details: Any) -> None:
    audit_log_write(
        actor=actor,
        action=action,
        obj=candidate,
        organisation=candidate.chain.coordinating_organisation,
        details=details,
    )


def candidate_register(
    *,
    actor: AnyUser,
    chain: Chain,
    data: dict[str, Any],
    themes: Iterable[Theme] = (),
    work_processes: Iterable[WorkProcess] = (),
    consent_purpose: str = "",
    consent_partners: Iterable[Organisation] = (),
    consent_level: str = ConsentLevel.FULL,
) -> Candidate:
    """Register a candidate in ``chain`` (stage aanmelding), with their consent when given at intake."""
    if not Chain.objects.filter(pk=chain.pk).filter(permissions.registering_chains_filter(actor)).exists():
        raise PermissionDenied
    partners = list(consent_partners)
    if partners and not consent_purpose.strip():
        raise ValidationError({"consent_purpose": _("Describe the purpose the candidate gave consent for.")})
    with transaction.atomic():
        candidate = Candidate(
            chain=chain, created_by_id=actor.pk, **{k: data[k] for k in CANDIDATE_FIELDS if k in data}
        )
        if candidate.coach is None and permissions.is_coach_user(actor):
            candidate.coach_id = actor.pk
        candidate.full_clean(exclude=["chain", "created_by", "coach"])
        candidate.save()
        candidate.themes.set(list(themes))
        first = StageTransition.objects.create(
            chain=chain,
            candidate=candidate,
            route_key=candidate.route_key,
            from_stage="",
            to_stage=Stage.REGISTERED,
            at=candidate.stage_entered_at,
            actor_id=actor.pk,
        )
        stage_flow_record(first)
        _audit(actor, "pathways.candidate_register", candidate)
        work_processes = list(work_processes)
        if work_processes:
            alignment_set(actor=actor, obj=candidate, work_processes=work_processes)
        if partners:
            _consent_create(
                actor=actor, candidate=candidate, purpose=consent_purpose, partners=partners, level=consent_level
            )
    return candidate


def candidate_update(
    *,
    actor: AnyUser,
    candidate: Candidate,
    version: int,
    data: dict[str, Any],
    themes: Iterable[Theme] | None = None,
    work_processes: Iterable[WorkProcess] | None = None,
) -> Candidate:
    """Change a candidate's details; refused with a conflict when someone else changed them first."""
    _require_edit(actor, candidate)
    changes = {field: data[field] for field in CANDIDATE_FIELDS if field in data}
    probe = copy.copy(candidate)
    for field, value in changes.items():
        setattr(probe, field, value)
    probe.full_clean(exclude=["chain", "created_by", "coach", "route_key"], validate_unique=False)
    with transaction.atomic():
        _bump_version(candidate, version, **changes)
        if themes is not None:
            candidate.themes.set(list(themes))
        if work_processes is not None:
            alignment_set(actor=actor, obj=candidate, work_processes=list(work_processes))
        _audit(actor, "pathways.candidate_update", candidate, fields=sorted(changes))
    return candidate


def candidate_move(
    *,
    actor: AnyUser,
    candidate: Candidate,
    to_stage: str,
    version: int,
    note: str = "",
    reason: str = "",
) -> StageTransition:
    """Move a candidate to the next stage (or out of the route), recording who, when and why."""
    _require_edit(actor, candidate)
    if to_stage not in allowed_next_stages(candidate.stage):
        raise ValidationError(
            {
                "to_stage": _("A candidate in the stage “%(from)s” cannot move to “%(to)s”.")
                % {
                    "from": Stage(candidate.stage).label,
                    "to": Stage(to_stage).label if to_stage in Stage.values else to_stage,
                }
            }
        )
    if to_stage == Stage.DROPPED_OUT and reason not in DropoutReason.values:
        raise ValidationError({"reason": _("Choose why the candidate dropped out.")})
    if to_stage != Stage.DROPPED_OUT:
        reason = ""
    now = timezone.now()
    from_stage = candidate.stage
    seconds = max(0, int((now - candidate.stage_entered_at).total_seconds()))
    with transaction.atomic():
        changes: dict[str, Any] = {"stage": to_stage, "stage_entered_at": now}
        if to_stage in END_STAGES:
            changes["ended_at"] = now
            changes["dropout_reason"] = reason
        _bump_version(candidate, version, **changes)
        transition = StageTransition.objects.create(
            chain_id=candidate.chain_id,
            candidate=candidate,
            route_key=candidate.route_key,
            from_stage=from_stage,
            to_stage=to_stage,
            at=now,
            seconds_in_previous=seconds,
            reason=reason,
            note=note.strip()[:500],
            actor_id=actor.pk,
        )
        stage_flow_record(transition)
        _audit(actor, "pathways.candidate_move", candidate, **{"from": from_stage, "to": to_stage})
    return transition


# Consent --------------------------------------------------------------------------


def _consent_create(
    *, actor: AnyUser, candidate: Candidate, purpose: str, partners: list[Organisation], level: str
) -> Consent:
    if level not in ConsentLevel.values:
        raise ValidationError({"level": _("Choose what the partners may see.")})
    chain_partners = set(
        Organisation.objects.filter(chain_steps__chain_id=candidate.chain_id).values_list("pk", flat=True)
    )
    if any(partner.pk not in chain_partners for partner in partners):
        raise ValidationError({"partners": _("Consent can only name partners of this chain.")})
    consent = Consent.objects.create(candidate=candidate, purpose=purpose.strip(), recorded_by_id=actor.pk)
    ConsentGrant.objects.bulk_create(
        ConsentGrant(consent=consent, organisation=partner, level=level) for partner in partners
    )
    _audit(actor, "pathways.consent_give", candidate, partners=sorted(p.pk for p in partners), level=level)
    return consent


def consent_give(
    *,
    actor: AnyUser,
    candidate: Candidate,
    purpose: str,
    partners: Iterable[Organisation],
    level: str = ConsentLevel.FULL,
) -> Consent:
    """Record the candidate's consent to share their file with ``partners`` for ``purpose``: the whole file,
    or (``basis``) only their name, stage and contact details."""
    _require_edit(actor, candidate)
    partners = list(partners)
    if not purpose.strip():
        raise ValidationError({"purpose": _("Describe the purpose the candidate gave consent for.")})
    if not partners:
        raise ValidationError({"partners": _("Choose at least one partner.")})
    with transaction.atomic():
        return _consent_create(actor=actor, candidate=candidate, purpose=purpose, partners=partners, level=level)


def consent_withdraw(*, actor: AnyUser, consent: Consent) -> Consent:
    """Withdraw a consent: from this moment the named partners no longer see the candidate."""
    _require_edit(actor, consent.candidate)
    if consent.withdrawn_at is not None:
        raise ValidationError(_("This consent has already been withdrawn."))
    with transaction.atomic():
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_by_id = actor.pk
        consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
        _audit(actor, "pathways.consent_withdraw", consent.candidate, consent=consent.pk)
    return consent


# Orientation and coaching ---------------------------------------------------------


def _require_add_records(actor: AnyUser, candidate: Candidate) -> None:
    if not permissions.can_add_records(actor, candidate):
        raise PermissionDenied


def orientation_add(*, actor: AnyUser, candidate: Candidate, data: dict[str, Any]) -> OrientationActivity:
    """Record an orientation activity: by the coach, the coordinator, or a partner under a full consent."""
    _require_add_records(actor, candidate)
    with transaction.atomic():
        activity = OrientationActivity(candidate=candidate, **data)
        activity.full_clean(exclude=["candidate"])
        activity.save()
        _audit(actor, "pathways.orientation_add", candidate, kind=activity.kind, outcome=activity.outcome)
    return activity


def contact_add(*, actor: AnyUser, candidate: Candidate, date: datetime.date, summary: str) -> ContactMoment:
    """Record a contact moment: by the coach, the coordinator, or a partner under a full consent."""
    _require_add_records(actor, candidate)
    with transaction.atomic():
        contact = ContactMoment.objects.create(candidate=candidate, coach_id=actor.pk, date=date, summary=summary)
        _audit(actor, "pathways.contact_add", candidate)
    return contact


def action_add(
    *, actor: AnyUser, candidate: Candidate, description: str, due_date: datetime.date | None
) -> ActionPoint:
    _require_edit(actor, candidate)
    with transaction.atomic():
        point = ActionPoint.objects.create(candidate=candidate, description=description, due_date=due_date)
        _audit(actor, "pathways.action_add", candidate)
    return point


def action_done(*, actor: AnyUser, point: ActionPoint) -> ActionPoint:
    """Mark an action point as done."""
    _require_edit(actor, point.candidate)
    if point.done_at is not None:
        raise ValidationError(_("This action point is already done."))
    with transaction.atomic():
        point.done_at = timezone.now()
        point.save(update_fields=["done_at"])
        _audit(actor, "pathways.action_done", point.candidate)
    return point


# Learning places ------------------------------------------------------------------

PLACE_FIELDS = ("title", "theme", "capacity", "level", "hours_per_week", "start_date", "driving_licence_required")


def _check_place_requirements(work_processes: list[WorkProcess], units: list[FrameworkUnit]) -> None:
    """A place asks for work processes and units of one version of the framework, as matching compares them."""
    versions = set(
        WorkProcess.objects.filter(pk__in=[wp.pk for wp in work_processes]).values_list(
            "core_task__qualification__dossier__version_id", flat=True
        )
    )
    versions.update(unit.version_id for unit in units)
    if len(versions) > 1:
        raise ValidationError(
            {"work_processes": _("Choose work processes and units from one version of the qualification framework.")}
        )


def _place_audit(actor: AnyUser, action: str, place: LearningPlace, **details: Any) -> None:
    audit_log_write(actor=actor, action=action, obj=place, organisation=place.organisation, details=details)


def learning_place_create(
    *,
    actor: AnyUser,
    chain: Chain,
    organisation: Organisation,
    data: dict[str, Any],
    work_processes: Iterable[WorkProcess] = (),
    units: Iterable[FrameworkUnit] = (),
) -> LearningPlace:
    """Offer a new learning place of ``organisation`` in ``chain``, with what it asks of a candidate.

    The organisation must take on placement in the chain; the actor must be one of its members with a place
    role, or a coordinator of the chain. The required work processes and units are framework alignments.
    """
    if not ChainStep.objects.filter(chain=chain, organisation=organisation, step=Step.PLACEMENT).exists():
        raise ValidationError(
            {
                "organisation": _(
                    "%(organisation)s does not take on placement in %(chain)s. Choose a training company of this chain."
                )
                % {"organisation": organisation.name, "chain": chain.name}
            }
        )
    if not permissions.can_offer_place(actor, chain=chain, organisation=organisation):
        raise PermissionDenied
    place = LearningPlace(chain=chain, organisation=organisation, **{k: data[k] for k in PLACE_FIELDS if k in data})
    place.full_clean()
    work_processes, units = list(work_processes), list(units)
    _check_place_requirements(work_processes, units)
    with transaction.atomic():
        place.save()
        if work_processes or units:
            alignment_set(actor=actor, obj=place, work_processes=work_processes, units=units)
        _place_audit(actor, "pathways.learning_place_create", place, chain=chain.pk, capacity=place.capacity)
    return place


def learning_place_update(
    *,
    actor: AnyUser,
    place: LearningPlace,
    data: dict[str, Any],
    work_processes: Iterable[WorkProcess] | None = None,
    units: Iterable[FrameworkUnit] | None = None,
) -> LearningPlace:
    """Change what a learning place offers and asks. Its organisation and chain stay as they are.

    The capacity cannot be lowered below the number of candidates placed there now: the place is locked while
    it is counted, as ``placement_create`` does, so a placement made at the same moment is counted too.
    ``None`` for the work processes or units leaves those requirements unchanged.
    """
    if not permissions.can_manage_place(actor, place):
        raise PermissionDenied
    changes = {field: data[field] for field in PLACE_FIELDS if field in data}
    probe = copy.copy(place)
    for field, value in changes.items():
        setattr(probe, field, value)
    probe.full_clean()
    requirements = None
    if work_processes is not None or units is not None:
        current = alignments_of(obj=place)
        requirements = (
            list(work_processes) if work_processes is not None else cast(list[WorkProcess], current["work_process"]),
            list(units) if units is not None else cast(list[FrameworkUnit], current["unit"]),
        )
        _check_place_requirements(*requirements)
    with transaction.atomic():
        locked = LearningPlace.objects.select_for_update().get(pk=place.pk)
        taken = locked.placements.filter(ended_on__isnull=True, candidate__isnull=False).count()
        capacity = changes.get("capacity", locked.capacity)
        # Only a lower capacity is refused: a place that is already too full keeps its other changes.
        if capacity < taken and capacity < locked.capacity:
            raise ValidationError(
                {
                    "capacity": ngettext(
                        "%(taken)s candidate is placed here now, so the capacity cannot be lower than %(taken)s. "
                        "End a placement first, or choose a capacity of at least %(taken)s.",
                        "%(taken)s candidates are placed here now, so the capacity cannot be lower than %(taken)s. "
                        "End a placement first, or choose a capacity of at least %(taken)s.",
                        taken,
                    )
                    % {"taken": taken}
                }
            )
        changed = sorted(field for field, value in changes.items() if getattr(locked, field) != value)
        for field, value in changes.items():
            setattr(place, field, value)
        if changed:
            place.save(update_fields=changed)
        if requirements is not None:
            alignment_set(actor=actor, obj=place, work_processes=requirements[0], units=requirements[1])
        _place_audit(actor, "pathways.learning_place_update", place, fields=changed)
    return place


# Placement and aftercare ----------------------------------------------------------


def placement_create(
    *, actor: AnyUser, candidate: Candidate, learning_place: LearningPlace, start_date: datetime.date
) -> Placement:
    """Place a candidate at a learning place of the chain.

    Refused when the place is full, when the candidate already has a running placement, when their route
    has ended, or when either was removed meanwhile. The candidate's and the place's rows are locked (in
    that order) so two coordinators cannot place the same candidate twice or fill a place's last seat at
    the same moment.
    """
    if not permissions.can_coordinate(actor, candidate.chain):
        raise PermissionDenied
    if learning_place.chain_id != candidate.chain_id:
        raise ValidationError({"learning_place": _("Choose a learning place of this chain.")})
    with transaction.atomic():
        try:
            locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        except Candidate.DoesNotExist:
            raise ValidationError(
                _("This candidate no longer exists: their data may have been erased. Nothing has been saved.")
            ) from None
        if locked.is_ended:
            raise ValidationError(
                _("The route of this candidate has ended (%(stage)s); a placement is no longer possible.")
                % {"stage": Stage(locked.stage).label}
            )
        try:
            place = LearningPlace.objects.select_for_update().get(pk=learning_place.pk)
        except LearningPlace.DoesNotExist:
            raise ValidationError(
                {"learning_place": _("This learning place no longer exists. Choose another learning place.")}
            ) from None
        running = (
            Placement.objects.filter(candidate=locked, ended_on__isnull=True)
            .select_related("learning_place__organisation")
            .first()
        )
        if running is not None:
            raise ValidationError(
                {
                    "learning_place": _("The candidate is already placed here.")
                    if running.learning_place_id == place.pk
                    else _(
                        "The candidate already has a running placement at %(place)s. End it before placing "
                        "them elsewhere."
                    )
                    % {"place": running.learning_place}
                }
            )
        taken = place.placements.filter(ended_on__isnull=True, candidate__isnull=False).count()
        if taken >= place.capacity:
            raise ValidationError(
                {
                    "learning_place": _("This learning place is full: %(taken)s of %(capacity)s places are taken.")
                    % {"taken": taken, "capacity": place.capacity}
                }
            )
        placement = Placement.objects.create(
            candidate=candidate,
            learning_place=place,
            chain_id=candidate.chain_id,
            start_date=start_date,
            created_by_id=actor.pk,
        )
        _audit(actor, "pathways.placement_create", candidate, learning_place=place.pk)
    return placement


def checkpoint_record(
    *,
    actor: AnyUser,
    placement: Placement,
    month: int,
    checked_on: datetime.date,
    outcome: str,
    left_reason: str = "",
    note: str = "",
) -> AftercareCheckpoint:
    """Record the 1-, 3-, 6- or 12-month aftercare check of a placement."""
    candidate = placement.candidate
    if candidate is None:
        raise PermissionDenied
    _require_edit(actor, candidate)
    if month not in CHECKPOINT_MONTHS:
        raise ValidationError({"month": _("A checkpoint is at 1, 3, 6 or 12 months.")})
    if checked_on < placement.start_date:
        raise ValidationError(
            {
                "checked_on": _("A checkpoint cannot be before the placement started (%(date)s).")
                % {"date": placement.start_date.strftime("%d-%m-%Y")}
            }
        )
    if outcome == CheckpointOutcome.LEFT and left_reason not in DropoutReason.values:
        raise ValidationError({"left_reason": _("Choose why the candidate left.")})
    if outcome != CheckpointOutcome.LEFT:
        left_reason = ""
    if placement.checkpoints.filter(month=month).exists():
        raise ValidationError({"month": _("This checkpoint has already been recorded.")})
    with transaction.atomic():
        checkpoint = AftercareCheckpoint(
            placement=placement,
            chain_id=placement.chain_id,
            month=month,
            checked_on=checked_on,
            outcome=outcome,
            left_reason=left_reason,
            note=note,
            recorded_by_id=actor.pk,
        )
        checkpoint.full_clean(exclude=["placement", "chain", "recorded_by"])
        checkpoint.save()
        if outcome == CheckpointOutcome.LEFT and placement.ended_on is None:
            placement.ended_on = checked_on
            placement.save(update_fields=["ended_on"])
        _audit(actor, "pathways.checkpoint_record", candidate, month=month, outcome=outcome)
    return checkpoint


# How many days before a checkpoint falls due its reminder goes out.
REMINDER_DAYS_AHEAD = 14


def _reminder_mail(items: list[selectors.CheckpointDue], today: datetime.date) -> tuple[str, str]:
    """Subject and body of one reminder. It names candidates by reference only: the rest is behind a login."""
    lines = []
    for item in items:
        line = _("- %(ref)s (%(chain)s): the %(month)s-month checkpoint, due on %(date)s") % {
            "ref": item.candidate.reference,
            "chain": item.candidate.chain.name,
            "month": item.month,
            "date": item.due.strftime("%d-%m-%Y"),
        }
        if item.due < today:
            line += " " + _("(overdue)")
        lines.append(f"{line}\n  {settings.SITE_URL}{item.candidate.get_absolute_url()}")
    subject = _("Aftercare: %(count)s checkpoint(s) to record") % {"count": len(items)}
    body = "\n\n".join(
        [
            _("These aftercare checkpoints are due soon or overdue. Record them on the candidate's page."),
            "\n".join(lines),
        ]
    )
    return subject, body


def aftercare_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind coaches once of each aftercare checkpoint that falls due within two weeks or is overdue.

    A candidate without a coach is the chain coordinators' to follow up. Each recipient gets one e-mail,
    written in its own transaction with the record that it was sent, so a failed mail is retried on the
    next run and a sent one is not repeated. Returns the number of e-mails sent.
    """
    today = today or timezone.localdate()
    due = selectors.aftercare_due(until=today + datetime.timedelta(days=REMINDER_DAYS_AHEAD))
    sent_before = set(
        AftercareReminder.objects.filter(placement_id__in={item.placement.pk for item in due}).values_list(
            "placement_id", "month"
        )
    )
    pending = [item for item in due if (item.placement.pk, item.month) not in sent_before]
    coordinators = selectors.coordinator_emails(chain_ids={item.candidate.chain_id for item in pending})
    by_recipient: dict[str, list[selectors.CheckpointDue]] = {}
    for item in pending:
        coach = item.candidate.coach
        recipients = [coach.email] if coach is not None and coach.email else []
        recipients = recipients or coordinators.get(item.candidate.chain_id, [])
        for email in recipients:
            by_recipient.setdefault(email, []).append(item)
    now = timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        for email, items in sorted(by_recipient.items()):
            subject, body = _reminder_mail(items, today)
            with transaction.atomic():
                AftercareReminder.objects.bulk_create(
                    [AftercareReminder(placement=item.placement, month=item.month, sent_at=now) for item in items],
                    ignore_conflicts=True,
                )
                audit_log_write(
                    actor=None,
                    action="pathways.aftercare_reminder",
                    details={"candidates": sorted({item.candidate.pk for item in items})},
                )
                send_mail(subject, body, None, [email])
    return len(by_recipient)


# Access to personal data ----------------------------------------------------------


def candidate_view_record(*, actor: AnyUser, candidate: Candidate, what: str = "file") -> None:
    """Every look at a candidate's personal data leaves an audit entry (``wie heeft dit dossier bekeken``)."""
    _audit(actor, "pathways.candidate_view", candidate, what=what)


def candidate_list_view_record(*, actor: AnyUser, candidates: list[Candidate], where: str) -> None:
    """A list or board shows names: one audit entry names the references of the candidates shown."""
    if candidates:
        audit_log_write(
            actor=actor,
            action="pathways.candidate_list_view",
            details={"where": where, "candidates": [candidate.pk for candidate in candidates]},
        )


def candidate_export(*, actor: AnyUser, candidate: Candidate, form: str = "json") -> dict[str, Any]:
    """All data held about the candidate (AVG art. 15), as a JSON-ready dict. Audited with the ``form`` it
    is handed over in (json, pdf, print)."""
    if permissions.candidate_access(actor, candidate) != permissions.Access.FULL:
        raise PermissionDenied
    alignments = alignments_of(obj=candidate)

    def date(value: Any) -> str | None:
        return value.isoformat() if value else None

    data: dict[str, Any] = {
        "reference": candidate.reference,
        "chain": candidate.chain.name,
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "postcode": candidate.postcode,
        "region": candidate.region.name,
        "referral_source": candidate.referral_source,
        "prior_education": candidate.prior_education,
        "work_experience": candidate.work_experience,
        "competence_source": candidate.competence_source,
        "competences": [str(item) for item in alignments["work_process"]],
        "themes": [theme.code for theme in candidate.themes.all()],
        "hours_per_week": candidate.hours_per_week,
        "available_from": date(candidate.available_from),
        "driving_licence": candidate.driving_licence,
        "travel_limit_km": candidate.travel_limit_km,
        "languages": candidate.languages,
        "notes": candidate.notes,
        "coach": str(candidate.coach) if candidate.coach else None,
        "stage": candidate.stage,
        "dropout_reason": candidate.dropout_reason,
        "registered_at": date(candidate.created_at),
        "ended_at": date(candidate.ended_at),
        "next_action": candidate.next_action,
        "stage_history": [
            {"from": t.from_stage, "to": t.to_stage, "at": date(t.at), "reason": t.reason, "note": t.note}
            for t in candidate.transitions.order_by("at", "pk")
        ],
        "consents": [
            {
                "purpose": c.purpose,
                "given_at": date(c.given_at),
                "withdrawn_at": date(c.withdrawn_at),
                "partners": [g.organisation.name for g in c.grants.select_related("organisation")],
            }
            for c in candidate.consents.all()
        ],
        "orientation": [
            {"kind": a.kind, "date": date(a.date), "outcome": a.outcome, "notes": a.notes}
            for a in candidate.orientation_activities.all()
        ],
        "contact_moments": [{"date": date(c.date), "summary": c.summary} for c in candidate.contact_moments.all()],
        "action_points": [
            {"description": p.description, "due": date(p.due_date), "done_at": date(p.done_at)}
            for p in candidate.action_points.all()
        ],
        "placements": [
            {
                "learning_place": str(p.learning_place),
                "start_date": date(p.start_date),
                "ended_on": date(p.ended_on),
                "checkpoints": [
                    {"month": c.month, "checked_on": date(c.checked_on), "outcome": c.outcome, "note": c.note}
                    for c in p.checkpoints.all()
                ],
            }
            for p in candidate.placements.select_related("learning_place__organisation")
        ],
    }
    # What other apps keep about the candidate (match decisions, saved route advice, ...).
    data.update(personal_data.export(candidate))
    _audit(actor, "pathways.candidate_export", candidate, form=form)
    return data


def _remove_personal_data(*, actor: AnyUser | None, candidates: list[Candidate]) -> None:
    """Delete the candidates' personal data, including what other apps registered as keeping about them;
    their stage history and outcomes stay as anonymous rows."""
    ids = [candidate.pk for candidate in candidates]
    personal_data.erase(ids)
    StageTransition.objects.filter(candidate_id__in=ids).update(candidate=None, note="")
    placements = Placement.objects.filter(candidate_id__in=ids)
    AftercareCheckpoint.objects.filter(placement__in=placements).update(note="")
    placements.update(candidate=None)
    for candidate in candidates:
        if any(alignments_of(obj=candidate).values()):
            alignment_set(actor=actor or AnonymousUser(), obj=candidate)
    # Consents, orientation, contact moments and action points go with the candidate (cascade).
    Candidate.objects.filter(pk__in=ids).delete()


def candidate_erase(*, actor: AnyUser, candidate: Candidate) -> None:
    """Erase all personal data of a candidate (AVG art. 17). Only the chain's coordinator may do this."""
    if not permissions.can_coordinate(actor, candidate.chain):
        raise PermissionDenied
    with transaction.atomic():
        _audit(actor, "pathways.candidate_erase", candidate)
        _remove_personal_data(actor=actor, candidates=[candidate])


def candidates_purge_expired(*, months: int, now: datetime.datetime | None = None) -> int:
    """Remove the personal data of candidates whose route ended more than ``months`` months ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=round(months * 365.25 / 12))
    expired = list(Candidate.objects.filter(ended_at__lt=cutoff).select_related("chain"))
    with transaction.atomic():
        for candidate in expired:
            audit_log_write(
                actor=None,
                action="pathways.candidate_purge",
                obj=candidate,
                organisation=None,
                details={"retention_months": months},
            )
        _remove_personal_data(actor=None, candidates=expired)
    return len(expired)
