"""Every write of practices and innovation projects: keyword-only, transactional, permission-checked, audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.core.permissions import AnyUser
from wattwijs.library.models import Resource
from wattwijs.practice import permissions, richtext
from wattwijs.practice.models import (
    MAX_RESULT_VALUE,
    Adoption,
    InnovationProject,
    PartnerRole,
    Practice,
    PracticePartner,
    PracticeResult,
    PracticeTargetGroup,
    PublicationStatus,
    ResultIndicator,
    SuccessFactor,
)
from wattwijs.practice.services_common import AuditedWriter, require_own_organisation
from wattwijs.training.models import TrainingOffer


@dataclass(frozen=True)
class PartnerData:
    role: str
    organisation: Organisation | None = None
    name: str = ""
    contribution: str = ""


@dataclass(frozen=True)
class ResultData:
    measured_on: date
    indicator: str
    value: int


@dataclass
class PracticeData:
    """What a coordinator fills in for a practice. Related objects are model instances, already looked up."""

    title: str
    owner: Organisation
    region: Region
    target_group: str
    status: str = PublicationStatus.DRAFT
    summary: str = ""
    approach_recruitment: str = ""
    approach_training_format: str = ""
    approach_coaching: str = ""
    approach_funding: str = ""
    approach_embedding: str = ""
    lessons: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    is_fictitious: bool = False
    themes: Sequence[Theme] = ()
    success_factors: Sequence[SuccessFactor] = ()
    resources: Sequence[Resource] = ()
    training_offers: Sequence[TrainingOffer] = ()
    partners: Sequence[PartnerData] = ()
    results: Sequence[ResultData] = ()


PRACTICE_RICH_FIELDS = (
    "approach_recruitment",
    "approach_training_format",
    "approach_coaching",
    "approach_funding",
    "approach_embedding",
    "lessons",
)
PRACTICE_RELATED = {"themes", "success_factors", "resources", "training_offers", "partners", "results"}
PRACTICE_PLAIN_FIELDS = [f.name for f in fields(PracticeData) if f.name not in PRACTICE_RELATED]


@dataclass
class ProjectData:
    """What a coordinator fills in for an innovation project."""

    title: str
    owner: Organisation
    region: Region
    learning_question: str
    period_start: date
    period_end: date | None = None
    status: str = PublicationStatus.DRAFT
    setup: str = ""
    student_count: int | None = None
    measurements: str = ""
    findings: str = ""
    lessons: str = ""
    next_steps: str = ""
    grew_into: Practice | None = None
    contact_name: str = ""
    contact_email: str = ""
    is_fictitious: bool = False
    themes: Sequence[Theme] = ()
    schools: Sequence[Organisation] = ()
    companies: Sequence[Organisation] = ()


PROJECT_RICH_FIELDS = ("setup", "measurements", "findings", "lessons", "next_steps")
PROJECT_RELATED = {"themes", "schools", "companies"}
PROJECT_PLAIN_FIELDS = [f.name for f in fields(ProjectData) if f.name not in PROJECT_RELATED]


def _unique_slug(model: type[Practice] | type[InnovationProject], title: str, pk: int | None) -> str:
    base = (slugify(title) or "item")[:200]
    slug, number = base, 2
    taken = model.objects.filter(slug=slug)
    while (taken.exclude(pk=pk) if pk is not None else taken).exists():
        slug = f"{base}-{number}"
        taken = model.objects.filter(slug=slug)
        number += 1
    return slug


def practice_validate(data: PracticeData) -> None:
    """Refuse an impossible practice with a Dutch message next to the field; nothing is saved."""
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Give the practice a title.")
    if data.target_group not in PracticeTargetGroup.values:
        errors["target_group"] = _("Choose a target group from the list.")
    if data.status not in PublicationStatus.values:
        errors["status"] = _("Choose a status from the list.")
    for partner in data.partners:
        if partner.role not in PartnerRole.values:
            errors["partners"] = _("Choose a role from the list for every partner.")
        elif partner.organisation is None and not partner.name.strip():
            errors["partners"] = _("Give every partner an organisation from the list or a name.")
    today = timezone.localdate()
    seen: set[tuple[date, str]] = set()
    for result in data.results:
        if result.indicator not in ResultIndicator.values:
            errors["results"] = _("Choose an indicator from the list for every result.")
        elif result.value < 0:
            errors["results"] = _("A result is a number of people and cannot be negative.")
        elif result.value > MAX_RESULT_VALUE:
            errors["results"] = _("A result is a number of people and cannot be more than %(max)s.") % {
                "max": f"{MAX_RESULT_VALUE:,}".replace(",", ".")
            }
        elif result.measured_on > today:
            errors["results"] = _("A result cannot have a date in the future.")
        elif (result.measured_on, result.indicator) in seen:
            errors["results"] = _("The same indicator appears twice on one date. Keep one of them.")
        seen.add((result.measured_on, result.indicator))
    if errors:
        raise ValidationError(errors)


def _write_practice(practice: Practice, data: PracticeData) -> None:
    for name in PRACTICE_PLAIN_FIELDS:
        value = getattr(data, name)
        setattr(practice, name, value.strip() if isinstance(value, str) else value)
    for name in PRACTICE_RICH_FIELDS:
        setattr(practice, name, richtext.sanitise(getattr(data, name)))
    practice.slug = practice.slug or _unique_slug(Practice, data.title, practice.pk)
    if practice.status == PublicationStatus.PUBLISHED and practice.published_at is None:
        practice.published_at = timezone.now()
    practice.full_clean(exclude=["created_by"], validate_constraints=False)
    practice.save()
    practice.themes.set(data.themes)
    practice.success_factors.set(data.success_factors)
    practice.resources.set(data.resources)
    practice.training_offers.set(data.training_offers)
    PracticePartner.objects.filter(practice=practice).delete()
    PracticePartner.objects.bulk_create(
        PracticePartner(
            practice=practice,
            organisation=partner.organisation,
            name="" if partner.organisation else partner.name.strip(),
            role=partner.role,
            contribution=partner.contribution.strip(),
            position=position,
        )
        for position, partner in enumerate(data.partners)
    )
    PracticeResult.objects.filter(practice=practice).delete()
    PracticeResult.objects.bulk_create(
        PracticeResult(practice=practice, measured_on=r.measured_on, indicator=r.indicator, value=r.value)
        for r in data.results
    )


PRACTICE_WRITER = AuditedWriter[Practice, PracticeData](
    action="practice.practice",
    write=_write_practice,
    fields=PRACTICE_PLAIN_FIELDS,
    organisation=lambda data: data.owner,
)


def _check_practice(actor: AnyUser, data: PracticeData) -> None:
    practice_validate(data)
    require_own_organisation(actor, data.owner)


def practice_create(*, actor: AnyUser, data: PracticeData) -> Practice:
    """Describe a new practice for one of the actor's organisations."""
    if not permissions.can_create(actor):
        raise PermissionDenied
    _check_practice(actor, data)
    practice = Practice(created_by_id=actor.pk if actor.is_authenticated else None)
    return PRACTICE_WRITER.create(actor=actor, obj=practice, data=data, details={"status": data.status})


def practice_update(*, actor: AnyUser, practice: Practice, data: PracticeData) -> Practice:
    """Change a practice; only coordinators and administrators of its owner organisation may."""
    if not permissions.can_edit(actor, practice):
        raise PermissionDenied
    _check_practice(actor, data)
    if data.region.pk != practice.region_id and Adoption.objects.filter(practice=practice, region=data.region).exists():
        raise ValidationError(
            {
                "region": _(
                    "This region already follows the practice example, and a region cannot follow its own. Choose "
                    "another region."
                )
            }
        )
    return PRACTICE_WRITER.update(actor=actor, obj=practice, data=data)


def project_validate(data: ProjectData) -> None:
    """Refuse an impossible innovation project with a Dutch message next to the field; nothing is saved."""
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Give the project a title.")
    if not data.learning_question.strip():
        errors["learning_question"] = _("Describe what the project wants to learn or test.")
    if data.period_end is not None and data.period_end < data.period_start:
        errors["period_end"] = _("The end lies before the start. Choose an end on or after the start.")
    if data.student_count is not None and data.student_count < 0:
        errors["student_count"] = _("This number cannot be negative.")
    if data.status not in PublicationStatus.values:
        errors["status"] = _("Choose a status from the list.")
    if errors:
        raise ValidationError(errors)


def _write_project(project: InnovationProject, data: ProjectData) -> None:
    for name in PROJECT_PLAIN_FIELDS:
        value = getattr(data, name)
        setattr(project, name, value.strip() if isinstance(value, str) else value)
    for name in PROJECT_RICH_FIELDS:
        setattr(project, name, richtext.sanitise(getattr(data, name)))
    project.slug = project.slug or _unique_slug(InnovationProject, data.title, project.pk)
    if project.status == PublicationStatus.PUBLISHED and project.published_at is None:
        project.published_at = timezone.now()
    project.full_clean(exclude=["created_by"], validate_constraints=False)
    project.save()
    project.themes.set(data.themes)
    project.schools.set(data.schools)
    project.companies.set(data.companies)


PROJECT_WRITER = AuditedWriter[InnovationProject, ProjectData](
    action="practice.project",
    write=_write_project,
    fields=PROJECT_PLAIN_FIELDS,
    organisation=lambda data: data.owner,
)


def _check_project(actor: AnyUser, data: ProjectData) -> None:
    project_validate(data)
    require_own_organisation(actor, data.owner)


def project_create(*, actor: AnyUser, data: ProjectData) -> InnovationProject:
    """Describe a new innovation project for one of the actor's organisations."""
    if not permissions.can_create(actor):
        raise PermissionDenied
    _check_project(actor, data)
    project = InnovationProject(created_by_id=actor.pk if actor.is_authenticated else None)
    return PROJECT_WRITER.create(actor=actor, obj=project, data=data, details={"status": data.status})


def project_update(*, actor: AnyUser, project: InnovationProject, data: ProjectData) -> InnovationProject:
    """Change an innovation project; only coordinators and administrators of its owner organisation may."""
    if not permissions.can_edit(actor, project):
        raise PermissionDenied
    _check_project(actor, data)
    return PROJECT_WRITER.update(actor=actor, obj=project, data=data)
