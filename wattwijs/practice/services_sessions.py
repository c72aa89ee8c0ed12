"""Every write of themasessies and the klimaat- en energieagenda: keyword-only, transactional, permission-checked,
audited. Bad input raises a ValidationError with a Dutch message per field and saves nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wattwijs.core.models import Organisation, Region
from wattwijs.core.permissions import AnyUser, is_platform_admin
from wattwijs.core.services import audit_log_write
from wattwijs.practice import permissions, richtext
from wattwijs.practice.models import (
    ActionStatus,
    Ambition,
    AmbitionAction,
    AmbitionLevel,
    Practice,
    ProgressUpdate,
    Sector,
    SessionAction,
    SessionStatus,
    SuccessFactor,
    ThemeSession,
)
from wattwijs.practice.services_common import AuditedWriter, require_own_organisation

# Themasessies ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionActionData:
    description: str
    owner: Organisation
    due_date: date | None = None
    status: str = ActionStatus.PLANNED


@dataclass
class SessionData:
    """What a coordinator fills in for a themasessie. Related objects are model instances, already looked up."""

    theme: str
    date: date
    start_time: time
    end_time: time
    organiser: Organisation
    status: str = SessionStatus.PLANNED
    location: str = ""
    agenda: str = ""
    outcomes: str = ""
    is_fictitious: bool = False
    participants: Sequence[Organisation] = ()
    practices: Sequence[Practice] = ()
    success_factors: Sequence[SuccessFactor] = ()
    actions: Sequence[SessionActionData] = ()


SESSION_PLAIN_FIELDS = ("theme", "date", "start_time", "end_time", "organiser", "status", "location", "is_fictitious")


def session_validate(data: SessionData) -> None:
    """Refuse an impossible session: no theme, an end before the start, or a past session marked as planned."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if not data.theme.strip():
        errors["theme"] = _("Give the session a theme.")
    if data.end_time <= data.start_time:
        errors["end_time"] = _("The end time lies before the start time. Choose an end after the start.")
    if data.status not in SessionStatus.values:
        errors["status"] = _("Choose a status from the list.")
    elif data.status == SessionStatus.PLANNED and data.date < today:
        errors["status"] = _(
            "This session lies in the past, so it cannot be planned. Mark it as held or cancelled, or choose a "
            "later date."
        )
    elif data.status == SessionStatus.HELD and data.date > today:
        errors["status"] = _("This session lies in the future, so it cannot have been held yet.")
    for action in data.actions:
        if not action.description.strip():
            errors["actions"] = _("Describe every action.")
        elif action.status not in ActionStatus.values:
            errors["actions"] = _("Choose a status from the list for every action.")
    if errors:
        raise ValidationError(errors)


def _write_session(session: ThemeSession, data: SessionData) -> None:
    for name in SESSION_PLAIN_FIELDS:
        value = getattr(data, name)
        setattr(session, name, value.strip() if isinstance(value, str) else value)
    session.agenda = richtext.sanitise(data.agenda)
    session.outcomes = richtext.sanitise(data.outcomes)
    session.full_clean(exclude=["created_by"], validate_constraints=False)
    session.save()
    session.participants.set(data.participants)
    session.practices.set(data.practices)
    session.success_factors.set(data.success_factors)
    SessionAction.objects.filter(session=session).delete()
    SessionAction.objects.bulk_create(
        SessionAction(
            session=session,
            description=action.description.strip(),
            owner=action.owner,
            due_date=action.due_date,
            status=action.status,
            position=position,
        )
        for position, action in enumerate(data.actions)
    )


SESSION_WRITER = AuditedWriter[ThemeSession, SessionData](
    action="practice.session",
    write=_write_session,
    fields=SESSION_PLAIN_FIELDS,
    organisation=lambda data: data.organiser,
)


def _check_session(actor: AnyUser, data: SessionData) -> None:
    session_validate(data)
    require_own_organisation(actor, data.organiser, "organiser")


def session_create(*, actor: AnyUser, data: SessionData) -> ThemeSession:
    """Plan a themasessie organised by one of the actor's organisations."""
    if not permissions.can_create(actor):
        raise PermissionDenied
    _check_session(actor, data)
    session = ThemeSession(created_by_id=actor.pk if actor.is_authenticated else None)
    details = {"status": data.status, "date": data.date.isoformat()}
    return SESSION_WRITER.create(actor=actor, obj=session, data=data, details=details)


def session_update(*, actor: AnyUser, session: ThemeSession, data: SessionData) -> ThemeSession:
    """Change a themasessie; only coordinators and administrators of its organiser may."""
    if not permissions.can_edit_session(actor, session):
        raise PermissionDenied
    _check_session(actor, data)
    return SESSION_WRITER.update(actor=actor, obj=session, data=data)


# Klimaat- en energieagenda -----------------------------------------------------------------------


@dataclass
class AmbitionData:
    """What a coordinator fills in for an ambition of the klimaat- en energieagenda."""

    level: str
    sector: str
    goal: str
    indicator: str
    baseline: Decimal
    target_value: Decimal
    deadline: date
    owner: Organisation
    unit: str = ""
    school: Organisation | None = None
    region: Region | None = None
    is_fictitious: bool = False


AMBITION_FIELDS = (
    "level",
    "sector",
    "goal",
    "indicator",
    "unit",
    "baseline",
    "target_value",
    "deadline",
    "owner",
    "school",
    "region",
    "is_fictitious",
)


def ambition_validate(data: AmbitionData) -> None:
    """Refuse an ambition that cannot be measured or placed; nothing is saved."""
    errors: dict[str, str] = {}
    if not data.goal.strip():
        errors["goal"] = _("Describe the goal.")
    if not data.indicator.strip():
        errors["indicator"] = _("Say what you measure to follow this goal.")
    if data.level not in AmbitionLevel.values:
        errors["level"] = _("Choose a level from the list.")
    elif data.level == AmbitionLevel.SCHOOL and data.school is None:
        errors["school"] = _("Choose the school this ambition is for.")
    elif data.level == AmbitionLevel.REGION and data.region is None:
        errors["region"] = _("Choose the region this ambition is for.")
    if data.sector not in Sector.values:
        errors["sector"] = _("Choose mbo, vmbo or both.")
    if data.target_value == data.baseline:
        errors["target_value"] = _("The target value equals the baseline, so there is no progress to follow.")
    if errors:
        raise ValidationError(errors)


def _require_ambition_place(actor: AnyUser, data: AmbitionData) -> None:
    """An ambition speaks for a school the actor edits for, a region the actor may act for, or (national) the
    platform; nobody sets goals in another school's or region's name."""
    if data.level == AmbitionLevel.SCHOOL and data.school is not None:
        if not permissions.editing_organisations(actor).filter(pk=data.school.pk).exists():
            raise ValidationError({"school": _("Choose a school you are a coordinator or administrator of.")})
    elif data.level == AmbitionLevel.REGION and data.region is not None:
        if not permissions.can_act_for_region(actor, data.region.pk):
            raise ValidationError(
                {"region": _("Choose a region in which you are a coordinator or administrator of an organisation.")}
            )
    elif data.level == AmbitionLevel.NATIONAL and not is_platform_admin(actor):
        raise ValidationError({"level": _("Only platform administrators add national ambitions.")})


def _write_ambition(ambition: Ambition, data: AmbitionData) -> None:
    for name in AMBITION_FIELDS:
        value = getattr(data, name)
        setattr(ambition, name, value.strip() if isinstance(value, str) else value)
    # Only the place that belongs to the level is kept.
    if ambition.level != AmbitionLevel.SCHOOL:
        ambition.school = None
    elif ambition.region is None and ambition.school is not None:
        # A school's ambition counts for the school's region in the overview's region filter.
        ambition.region = ambition.school.region
    if ambition.level == AmbitionLevel.NATIONAL:
        ambition.region = None
    ambition.full_clean(exclude=["created_by"], validate_constraints=False)
    ambition.save()


AMBITION_WRITER = AuditedWriter[Ambition, AmbitionData](
    action="practice.ambition",
    write=_write_ambition,
    fields=AMBITION_FIELDS,
    organisation=lambda data: data.owner,
)


def _check_ambition(actor: AnyUser, data: AmbitionData) -> None:
    ambition_validate(data)
    require_own_organisation(actor, data.owner)
    _require_ambition_place(actor, data)


def ambition_create(*, actor: AnyUser, data: AmbitionData) -> Ambition:
    """Add an ambition to the agenda, owned by one of the actor's organisations."""
    if not permissions.can_create(actor):
        raise PermissionDenied
    _check_ambition(actor, data)
    ambition = Ambition(created_by_id=actor.pk if actor.is_authenticated else None)
    return AMBITION_WRITER.create(actor=actor, obj=ambition, data=data, details={})


def ambition_update(*, actor: AnyUser, ambition: Ambition, data: AmbitionData) -> Ambition:
    """Change an ambition; only coordinators and administrators of its owner organisation may."""
    if not permissions.can_edit_ambition(actor, ambition):
        raise PermissionDenied
    _check_ambition(actor, data)
    return AMBITION_WRITER.update(actor=actor, obj=ambition, data=data)


def ambition_action_add(
    *, actor: AnyUser, ambition: Ambition, description: str, owner: Organisation, status: str
) -> AmbitionAction:
    """Add an action towards an ambition; the action may be owned by any organisation."""
    if not permissions.can_edit_ambition(actor, ambition):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if not description.strip():
        errors["description"] = _("Describe the action.")
    if status not in ActionStatus.values:
        errors["status"] = _("Choose a status from the list.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        action = AmbitionAction.objects.create(
            ambition=ambition, description=description.strip(), owner=owner, status=status
        )
        audit_log_write(
            actor=actor,
            action="practice.ambition_action_add",
            obj=ambition,
            organisation=ambition.owner,
            details={"action": action.pk},
        )
    return action


def progress_update_add(
    *, actor: AnyUser, ambition: Ambition, measured_on: date, value: Decimal, note: str = ""
) -> ProgressUpdate:
    """Record the indicator's value on a date: not in the future and not before the ambition was made."""
    if not permissions.can_edit_ambition(actor, ambition):
        raise PermissionDenied
    today = timezone.localdate()
    created_on = timezone.localdate(ambition.created_at)
    if measured_on > today:
        raise ValidationError({"measured_on": _("The date lies in the future. Choose today or an earlier date.")})
    if measured_on < created_on:
        raise ValidationError(
            {
                "measured_on": _("The date lies before the ambition was added (%(date)s). Choose a later date.")
                % {"date": created_on.strftime("%d-%m-%Y")}
            }
        )
    with transaction.atomic():
        update = ProgressUpdate.objects.create(
            ambition=ambition,
            measured_on=measured_on,
            value=value,
            note=note.strip(),
            created_by_id=actor.pk if actor.is_authenticated else None,
        )
        audit_log_write(
            actor=actor,
            action="practice.progress_update_add",
            obj=ambition,
            organisation=ambition.owner,
            details={"measured_on": measured_on.isoformat(), "value": str(value)},
        )
    return update
