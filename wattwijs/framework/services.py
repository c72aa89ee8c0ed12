"""Every write of the qualification framework: keyword-only, transactional, permission-checked, audited."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.framework import permissions
from wattwijs.framework.models import (
    Alignment,
    Certificate,
    Competence,
    CoreTask,
    Dossier,
    Elective,
    FrameworkUnit,
    FrameworkVersion,
    Qualification,
    WorkProcess,
)

UNIT_FIELDS = ("code", "name", "description", "study_load_hours", "level")


def _require_editable(actor: AnyUser, version: FrameworkVersion) -> None:
    if not permissions.is_framework_editor(actor):
        raise PermissionDenied
    if version.is_adopted:
        raise ValidationError(
            _("Version %(version)s is adopted and cannot change. Make a new draft version first.")
            % {"version": version.name}
        )


def _check_same_version(version: FrameworkVersion, work_processes: Sequence[WorkProcess]) -> None:
    foreign = [
        wp
        for wp in work_processes
        if wp.core_task.qualification.dossier.version_id != version.pk  # type: ignore[attr-defined]
    ]
    if foreign:
        raise ValidationError(
            {
                "work_processes": _(
                    "Work process %(code)s belongs to another version of the framework. "
                    "Choose work processes of %(version)s."
                )
                % {"code": foreign[0].code, "version": version.name}
            }
        )


def _load_work_processes(work_processes: Iterable[WorkProcess | int]) -> list[WorkProcess]:
    ids = [wp if isinstance(wp, int) else wp.pk for wp in work_processes]
    return list(WorkProcess.objects.filter(pk__in=ids).select_related("core_task__qualification__dossier"))


def unit_create(
    *, actor: AnyUser, version: FrameworkVersion, data: dict[str, Any], work_processes: Iterable[WorkProcess | int] = ()
) -> FrameworkUnit:
    """Create a framework unit in a draft version, mapped to ``work_processes`` of that version."""
    _require_editable(actor, version)
    mapped = _load_work_processes(work_processes)
    _check_same_version(version, mapped)
    if FrameworkUnit.objects.filter(version=version, code__iexact=data["code"]).exists():
        raise ValidationError({"code": _("This code is already used by another unit in this version.")})
    with transaction.atomic():
        unit = FrameworkUnit(version=version, **{name: data[name] for name in UNIT_FIELDS})
        unit.full_clean()
        unit.save()
        unit.themes.set(data.get("themes", []))
        unit.work_processes.set(mapped)
        audit_log_write(actor=actor, action="framework.unit_create", obj=unit, details={"version": version.slug})
    return unit


def unit_update(
    *, actor: AnyUser, unit: FrameworkUnit, data: dict[str, Any], work_processes: Iterable[WorkProcess | int]
) -> FrameworkUnit:
    """Change a unit's details and its work-process mapping (draft versions only)."""
    _require_editable(actor, unit.version)
    mapped = _load_work_processes(work_processes)
    _check_same_version(unit.version, mapped)
    if FrameworkUnit.objects.filter(version=unit.version, code__iexact=data["code"]).exclude(pk=unit.pk).exists():
        raise ValidationError({"code": _("This code is already used by another unit in this version.")})
    with transaction.atomic():
        before = sorted(unit.work_processes.values_list("pk", flat=True))
        for name in UNIT_FIELDS:
            setattr(unit, name, data[name])
        unit.updated_at = timezone.now()
        unit.full_clean()
        unit.save(update_fields=[*UNIT_FIELDS, "updated_at"])
        unit.themes.set(data.get("themes", []))
        unit.work_processes.set(mapped)
        audit_log_write(
            actor=actor,
            action="framework.unit_update",
            obj=unit,
            details={"work_processes_before": before, "work_processes_after": sorted(wp.pk for wp in mapped)},
        )
    return unit


def unit_delete(*, actor: AnyUser, unit: FrameworkUnit) -> None:
    _require_editable(actor, unit.version)
    with transaction.atomic():
        audit_log_write(actor=actor, action="framework.unit_delete", obj=unit, details={"code": unit.code})
        unit.delete()


def work_process_delete(*, actor: AnyUser, work_process: WorkProcess, replacement: WorkProcess | None = None) -> None:
    """Delete a work process. When things are aligned or mapped to it, a replacement takes them over."""
    version = work_process.core_task.qualification.dossier.version
    _require_editable(actor, version)
    in_use = (
        work_process.alignments.exists()
        or work_process.units.exists()
        or work_process.certificates.exists()
        or work_process.competences.exists()
    )
    if in_use and replacement is None:
        raise ValidationError(
            {
                "replacement": _(
                    "Learning materials, offers, units or certificates are aligned to this work process. "
                    "Choose a work process that takes them over."
                )
            }
        )
    if replacement is not None:
        if replacement.pk == work_process.pk:
            raise ValidationError({"replacement": _("Choose another work process as replacement.")})
        _check_same_version(version, _load_work_processes([replacement]))
    with transaction.atomic():
        if replacement is not None:
            _move_work_process_links(work_process, replacement)
        audit_log_write(
            actor=actor,
            action="framework.work_process_delete",
            obj=work_process,
            details={"replacement": replacement.pk if replacement else None},
        )
        work_process.delete()


def _move_work_process_links(old: WorkProcess, new: WorkProcess) -> None:
    # Alignments already pointing at the replacement stay; the others move.
    already = Alignment.objects.filter(work_process=new).values("content_type_id", "object_id")
    existing = {(row["content_type_id"], row["object_id"]) for row in already}
    for alignment in Alignment.objects.filter(work_process=old):
        if (alignment.content_type_id, alignment.object_id) in existing:
            alignment.delete()
        else:
            alignment.work_process = new
            alignment.save(update_fields=["work_process"])
    for relation in ("units", "certificates", "competences"):
        for owner in getattr(old, relation).all():
            owner.work_processes.add(new)


def version_adopt(*, actor: AnyUser, version: FrameworkVersion) -> FrameworkVersion:
    """Adopt (vaststellen) a draft version; from then on it cannot change."""
    if not permissions.can_manage_versions(actor):
        raise PermissionDenied
    if version.is_adopted:
        raise ValidationError(_("This version is adopted already."))
    with transaction.atomic():
        version.status = FrameworkVersion.Status.ADOPTED
        version.adopted_at = timezone.now()
        version.save(update_fields=["status", "adopted_at"])
        audit_log_write(actor=actor, action="framework.version_adopt", obj=version)
    return version


def version_create_draft(*, actor: AnyUser, source: FrameworkVersion, name: str, slug: str) -> FrameworkVersion:
    """A new draft version that starts as a full copy of ``source``."""
    if not permissions.can_manage_versions(actor):
        raise PermissionDenied
    if FrameworkVersion.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("This short name is already used by another version.")})
    with transaction.atomic():
        draft = FrameworkVersion.objects.create(name=name, slug=slug, based_on=source, description=source.description)
        _copy_structure(source, draft)
        audit_log_write(actor=actor, action="framework.version_create", obj=draft, details={"based_on": source.slug})
    return draft


def _copy_rows(model: type[models.Model], rows: Iterable[models.Model], **changes: Any) -> dict[int, int]:
    """Bulk-copy ``rows`` with ``changes`` applied; returns old pk -> new pk."""
    originals = list(rows)
    copies = []
    for original in originals:
        values = {f.attname: getattr(original, f.attname) for f in model._meta.concrete_fields if not f.primary_key}
        values.update({key: change(original) if callable(change) else change for key, change in changes.items()})
        copies.append(model(**values))
    created = model._default_manager.bulk_create(copies, batch_size=1000)
    return {original.pk: copy.pk for original, copy in zip(originals, created, strict=True)}


def _copy_m2m(field: Any, id_map: dict[int, int], wp_map: dict[int, int] | None = None) -> None:
    through = field.remote_field.through
    source_name, target_name = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = through.objects.filter(**{f"{source_name}__in": list(id_map)}).values_list(source_name, target_name)
    through.objects.bulk_create(
        [
            through(**{f"{source_name}_id": id_map[source], f"{target_name}_id": wp_map[target] if wp_map else target})
            for source, target in rows
        ],
        batch_size=2000,
    )


def _copy_structure(source: FrameworkVersion, draft: FrameworkVersion) -> None:
    dossiers = _copy_rows(Dossier, source.dossiers.all(), version_id=draft.pk)
    qualifications = _copy_rows(
        Qualification,
        Qualification.objects.filter(dossier__version=source),
        dossier_id=lambda q: dossiers[q.dossier_id],
    )
    _copy_m2m(Qualification._meta.get_field("themes"), qualifications)
    tasks = _copy_rows(
        CoreTask,
        CoreTask.objects.filter(qualification__dossier__version=source),
        qualification_id=lambda t: qualifications[t.qualification_id],
    )
    work_processes = _copy_rows(
        WorkProcess,
        WorkProcess.objects.filter(core_task__qualification__dossier__version=source),
        core_task_id=lambda wp: tasks[wp.core_task_id],
    )
    for model in (Elective, Certificate, Competence, FrameworkUnit):
        copied = _copy_rows(model, model._default_manager.filter(version=source), version_id=draft.pk)
        for m2m in model._meta.many_to_many:
            _copy_m2m(m2m, copied, work_processes if m2m.related_model is WorkProcess else None)


def alignment_set(
    *,
    actor: AnyUser,
    obj: models.Model,
    work_processes: Iterable[WorkProcess] = (),
    competences: Iterable[Competence] = (),
    qualifications: Iterable[Qualification] = (),
    units: Iterable[FrameworkUnit] = (),
) -> list[Alignment]:
    """Replace what ``obj`` (an object of any module) is aligned to. The calling module checks its own access."""
    content_type = ContentType.objects.get_for_model(obj)
    targets = [
        *(("work_process", item) for item in work_processes),
        *(("competence", item) for item in competences),
        *(("qualification", item) for item in qualifications),
        *(("unit", item) for item in units),
    ]
    with transaction.atomic():
        Alignment.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        created = Alignment.objects.bulk_create(
            Alignment(
                content_type=content_type,
                object_id=obj.pk,
                created_by_id=actor.pk if actor.is_authenticated else None,
                **{target: item},
            )
            for target, item in targets
        )
        audit_log_write(
            actor=actor,
            action="framework.alignment_set",
            obj=obj,
            details={target: sorted(item.pk for t, item in targets if t == target) for target in Alignment.TARGETS},
        )
    return created
