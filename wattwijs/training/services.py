"""Every write of the training map: keyword-only, transactional, permission-checked, audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wattwijs.core import caching
from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.framework.models import Certificate, FrameworkUnit, Qualification, WorkProcess
from wattwijs.framework.services import alignment_set
from wattwijs.training import cells, overlap, permissions
from wattwijs.training.models import (
    OfferPartner,
    OfferStatus,
    OfferTargetGroup,
    OverlapMark,
    OverlapVerdict,
    RegionPriorityTheme,
    TargetGroup,
    TrainingOffer,
)
from wattwijs.training.selectors import MATRIX_CACHE


@dataclass
class OfferData:
    """What a provider fills in for an offer. Related objects are model instances, already looked up."""

    title: str
    kind: str
    status: str
    providers: Sequence[Organisation]
    regions: Sequence[Region]
    themes: Sequence[Theme]
    description: str = ""
    level: int | None = None
    development_phase: str = ""
    expected_start: date | None = None
    developers: Sequence[Organisation] = ()
    partners: Sequence[tuple[Organisation, str]] = ()
    target_groups: Sequence[str] = ()
    work_processes: Sequence[WorkProcess] = ()
    qualifications: Sequence[Qualification] = ()
    units: Sequence[FrameworkUnit] = ()
    certificates: Sequence[Certificate] = ()
    duration_weeks: int | None = None
    hours_per_week: int | None = None
    days_at_work: int | None = None
    days_at_school: int | None = None
    format_note: str = ""
    start_date: date | None = None
    end_date: date | None = None
    start_moments: str = ""
    places_available: int | None = None
    costs: str = ""
    funding: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    is_fictitious: bool = False


# The plain fields copied onto the model; the related ones are set separately.
RELATED = {
    "providers",
    "regions",
    "themes",
    "developers",
    "partners",
    "target_groups",
    "work_processes",
    "qualifications",
    "units",
    "certificates",
}
PLAIN_FIELDS = [f.name for f in fields(OfferData) if f.name not in RELATED]


def offer_validate(data: OfferData) -> None:
    """Refuse impossible offers with a Dutch message next to the field; nothing is saved."""
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Give the offer a title.")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors["end_date"] = _("The end date lies before the start date. Choose an end date on or after the start.")
    for name in ("places_available", "duration_weeks", "hours_per_week", "days_at_work", "days_at_school"):
        value = getattr(data, name)
        if value is not None and value < 0:
            errors[name] = _("This number cannot be negative.")
    for name in ("days_at_work", "days_at_school"):
        value = getattr(data, name)
        if value is not None and value > 7:
            errors[name] = _("A week has at most seven days.")
    if (data.days_at_work or 0) + (data.days_at_school or 0) > 7:
        errors["days_at_school"] = _("Days at work and days at school together are more than a week.")
    if not data.providers:
        errors["providers"] = _("Choose at least one provider.")
    if not data.regions:
        errors["regions"] = _("Choose at least one region.")
    if not data.themes:
        errors["themes"] = _("Choose at least one theme.")
    unknown_groups = set(data.target_groups) - set(TargetGroup.values)
    if unknown_groups:
        errors["target_groups"] = _("Choose target groups from the list.")
    if data.level is not None and data.level not in (1, 2, 3, 4):
        errors["level"] = _("Choose an mbo level from 1 to 4.")
    if data.status not in OfferStatus.values:
        errors["status"] = _("Choose a status from the list.")
    if errors:
        raise ValidationError(errors)


def _require_own_provider(actor: AnyUser, providers: Sequence[Organisation]) -> None:
    """The actor must belong to at least one of the chosen providers, so nobody files offers for others."""
    allowed = set(permissions.providing_organisations(actor).values_list("pk", flat=True))
    if not allowed.intersection(p.pk for p in providers):
        raise ValidationError({"providers": _("Choose at least one organisation you work for as provider.")})


def _write(actor: AnyUser, offer: TrainingOffer, data: OfferData) -> None:
    offer.full_clean(exclude=["created_by"], validate_constraints=False)
    offer.save()
    offer.providers.set(data.providers)
    offer.developers.set(data.developers)
    offer.regions.set(data.regions)
    offer.themes.set(data.themes)
    offer.certificates.set(data.certificates)
    OfferTargetGroup.objects.filter(offer=offer).delete()
    OfferTargetGroup.objects.bulk_create(
        OfferTargetGroup(offer=offer, target_group=group) for group in dict.fromkeys(data.target_groups)
    )
    OfferPartner.objects.filter(offer=offer).delete()
    OfferPartner.objects.bulk_create(
        OfferPartner(offer=offer, organisation=organisation, role=role)
        for organisation, role in dict.fromkeys(data.partners)
    )
    alignment_set(
        actor=actor,
        obj=offer,
        work_processes=data.work_processes,
        qualifications=data.qualifications,
        units=data.units,
    )
    cells.refresh([offer.pk])
    transaction.on_commit(invalidate_derived)


def invalidate_derived() -> None:
    """Drop the cached matrix counts and overlapping pairs; called after every change to offers."""
    caching.invalidate(overlap.CACHE_NAMESPACE)
    caching.invalidate(MATRIX_CACHE)


def offer_create(*, actor: AnyUser, data: OfferData) -> TrainingOffer:
    """Publish a new offer for one of the actor's organisations."""
    if not permissions.can_create_offer(actor):
        raise PermissionDenied
    offer_validate(data)
    _require_own_provider(actor, data.providers)
    offer = TrainingOffer(created_by_id=actor.pk if actor.is_authenticated else None)
    for name in PLAIN_FIELDS:
        setattr(offer, name, getattr(data, name))
    with transaction.atomic():
        _write(actor, offer, data)
        audit_log_write(
            actor=actor, action="training.offer_create", obj=offer, organisation=data.providers[0], details={}
        )
    return offer


def offer_update(*, actor: AnyUser, offer: TrainingOffer, data: OfferData) -> TrainingOffer:
    """Change an offer; only members of one of its providers may."""
    if not permissions.can_edit_offer(actor, offer):
        raise PermissionDenied
    offer_validate(data)
    _require_own_provider(actor, data.providers)
    changed = [name for name in PLAIN_FIELDS if getattr(offer, name) != getattr(data, name)]
    for name in PLAIN_FIELDS:
        setattr(offer, name, getattr(data, name))
    offer.updated_at = timezone.now()
    with transaction.atomic():
        _write(actor, offer, data)
        audit_log_write(
            actor=actor,
            action="training.offer_update",
            obj=offer,
            organisation=data.providers[0],
            details={"changed": changed},
        )
    return offer


def overlap_mark(
    *, actor: AnyUser, first: TrainingOffer, second: TrainingOffer, verdict: str, note: str = ""
) -> OverlapMark:
    """A coordinator marks a pair as intended or as to be aligned ("afstemmen"), with a note."""
    if not permissions.can_mark_overlap(actor):
        raise PermissionDenied
    if verdict not in OverlapVerdict.values:
        raise ValidationError({"verdict": _("Choose intended or to be aligned.")})
    if first.pk == second.pk:
        raise ValidationError(_("An offer cannot overlap with itself."))
    offer_a, offer_b = sorted((first, second), key=lambda offer: offer.pk)
    with transaction.atomic():
        mark, _created = OverlapMark.objects.update_or_create(
            offer_a=offer_a,
            offer_b=offer_b,
            defaults={
                "verdict": verdict,
                "note": note.strip(),
                "marked_by_id": actor.pk if actor.is_authenticated else None,
                "marked_at": timezone.now(),
            },
        )
        audit_log_write(
            actor=actor,
            action="training.overlap_mark",
            obj=mark,
            details={"offers": [offer_a.pk, offer_b.pk], "verdict": verdict},
        )
    return mark


def region_priorities_set(*, actor: AnyUser, region: Region, themes: Sequence[Theme]) -> list[RegionPriorityTheme]:
    """Replace a region's priority themes."""
    if not permissions.can_set_priorities(actor, region):
        raise PermissionDenied
    with transaction.atomic():
        RegionPriorityTheme.objects.filter(region=region).delete()
        created = RegionPriorityTheme.objects.bulk_create(
            RegionPriorityTheme(region=region, theme=theme, set_by_id=actor.pk if actor.is_authenticated else None)
            for theme in dict.fromkeys(themes)
        )
        audit_log_write(
            actor=actor,
            action="training.priorities_set",
            obj=region,
            details={"themes": sorted(theme.code for theme in themes)},
        )
    return created
