"""Reads of the qualification framework: tree, details, coverage, alignment and version diffs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404

from wattwijs.core.models import Theme
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

UnitWorkProcess = FrameworkUnit.work_processes.through
CompetenceWorkProcess = Competence.work_processes.through


# Versions ------------------------------------------------------------------


def current_version() -> FrameworkVersion | None:
    """The newest adopted version, or the newest version when none is adopted yet."""
    adopted = FrameworkVersion.objects.filter(status=FrameworkVersion.Status.ADOPTED).order_by("-adopted_at", "-pk")
    return adopted.first() or FrameworkVersion.objects.order_by("-created_at", "-pk").first()


def version_list() -> QuerySet[FrameworkVersion]:
    return FrameworkVersion.objects.select_related("based_on").annotate(
        unit_count=Count("units", distinct=True), dossier_count=Count("dossiers", distinct=True)
    )


def version_get(*, slug: str) -> FrameworkVersion:
    try:
        return FrameworkVersion.objects.select_related("based_on").get(slug=slug)
    except FrameworkVersion.DoesNotExist as exc:
        raise Http404 from exc


def work_processes_of_version(version: FrameworkVersion) -> QuerySet[WorkProcess]:
    return WorkProcess.objects.filter(core_task__qualification__dossier__version=version)


# The open lists of a version (the REST API) ------------------------------------

_ONLY_IDS = models.Prefetch("work_processes", queryset=WorkProcess.objects.only("pk"))


def listed_qualifications(version: FrameworkVersion | None) -> QuerySet[Qualification]:
    return (
        Qualification.objects.filter(dossier__version=version)
        .select_related("dossier")
        .prefetch_related("themes")
        .order_by("name", "level", "pk")
    )


def listed_work_processes(version: FrameworkVersion | None) -> QuerySet[WorkProcess]:
    found = WorkProcess.objects.none() if version is None else work_processes_of_version(version)
    return found.select_related("core_task").order_by("code", "pk")


def listed_units(version: FrameworkVersion | None) -> QuerySet[FrameworkUnit]:
    return FrameworkUnit.objects.filter(version=version).prefetch_related("themes", _ONLY_IDS).order_by("code", "pk")


def listed_certificates(version: FrameworkVersion | None) -> QuerySet[Certificate]:
    return Certificate.objects.filter(version=version).prefetch_related(_ONLY_IDS).order_by("name", "pk")


def listed_competences(version: FrameworkVersion | None) -> QuerySet[Competence]:
    return Competence.objects.filter(version=version).prefetch_related("themes", _ONLY_IDS).order_by("name", "pk")


# The tree --------------------------------------------------------------------


@dataclass(frozen=True)
class TreeFilters:
    q: str = ""
    theme: str = ""
    level: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.q or self.theme or self.level)


@dataclass
class WorkProcessNode:
    id: int
    code: str
    name: str
    alignment_count: int = 0
    unit_count: int = 0


@dataclass
class CoreTaskNode:
    id: int
    code: str
    name: str
    work_processes: list[WorkProcessNode] = field(default_factory=list)
    # Without a search the tree stops at core tasks: their work processes load when opened.
    work_process_count: int = 0


@dataclass
class QualificationNode:
    id: int
    name: str
    level: int
    core_tasks: list[CoreTaskNode] = field(default_factory=list)

    @property
    def work_process_count(self) -> int:
        return sum(task.work_process_count for task in self.core_tasks)


@dataclass
class DossierNode:
    id: int
    name: str
    qualifications: list[QualificationNode] = field(default_factory=list)


def framework_tree(*, version: FrameworkVersion, filters: TreeFilters) -> list[DossierNode]:
    """The structure of ``version`` as plain nodes, in four queries whatever its size.

    Without a search or filter the nodes stop at core tasks, with their number of work processes (the
    page loads a core task's work processes when it is opened). A search keeps the qualifications whose
    name matches (with everything under them) and the work processes whose code or name matches, with
    their ancestors.
    """
    qualifications = Qualification.objects.filter(dossier__version=version)
    if filters.level:
        qualifications = qualifications.filter(level=filters.level)
    if filters.theme:
        qualifications = qualifications.filter(
            Q(themes__code=filters.theme) | Q(themes__parent__code=filters.theme)
        ).distinct()
    tasks_by_id: dict[int, CoreTaskNode] = {}
    tasks_by_qualification: dict[int, list[CoreTaskNode]] = defaultdict(list)

    if filters.active:
        work_processes = work_process_nodes(
            WorkProcess.objects.filter(core_task__qualification__in=qualifications.values("pk")), q=filters.q
        )
        matched_tasks = CoreTask.objects.filter(pk__in={task_id for task_id, _ in work_processes}).values_list(
            "id", "code", "name", "qualification_id"
        )
        for task_id, code, name, qualification_id in sorted(matched_tasks, key=lambda row: row[1]):
            tasks_by_id[task_id] = node = CoreTaskNode(task_id, code, name)
            tasks_by_qualification[qualification_id].append(node)
        for task_id, wp_node in work_processes:
            tasks_by_id[task_id].work_processes.append(wp_node)
            tasks_by_id[task_id].work_process_count += 1
        qualification_rows = Qualification.objects.filter(pk__in=tasks_by_qualification.keys())
    else:
        counted_tasks = (
            CoreTask.objects.filter(qualification__in=qualifications.values("pk"))
            .annotate(n=Count("work_processes"))
            .order_by("code")
            .values_list("id", "code", "name", "qualification_id", "n")
        )
        for task_id, code, name, qualification_id, count in counted_tasks:
            node = CoreTaskNode(task_id, code, name, work_process_count=count)
            tasks_by_qualification[qualification_id].append(node)
        qualification_rows = qualifications

    qualifications_by_dossier: dict[int, list[QualificationNode]] = defaultdict(list)
    for qualification_id, name, level, dossier_id in qualification_rows.order_by("name", "level").values_list(
        "id", "name", "level", "dossier_id"
    ):
        qualifications_by_dossier[dossier_id].append(
            QualificationNode(qualification_id, name, level, tasks_by_qualification.get(qualification_id, []))
        )
    dossiers = Dossier.objects.filter(version=version).order_by("name").values_list("id", "name")
    nodes = [
        DossierNode(dossier_id, name, qualifications_by_dossier.get(dossier_id, [])) for dossier_id, name in dossiers
    ]
    return [node for node in nodes if node.qualifications or not filters.active]


def work_process_nodes(work_processes: QuerySet[WorkProcess], *, q: str = "") -> list[tuple[int, WorkProcessNode]]:
    """(core task id, node) for each work process, with its unit and alignment counts, in one query."""
    if q:
        work_processes = work_processes.filter(
            Q(core_task__qualification__name__icontains=q) | Q(name__icontains=q) | Q(code__icontains=q)
        )
    rows = list(work_processes.order_by("code").values_list("core_task_id", "id", "code", "name"))
    ids = work_processes.values("pk")
    # Counted apart, on the link tables alone: cheaper than joining both into one grouped query.
    units = dict(
        UnitWorkProcess.objects.filter(workprocess_id__in=ids)
        .order_by()
        .values_list("workprocess_id")
        .annotate(n=Count("pk"))
    )
    aligned = dict(
        Alignment.objects.filter(work_process_id__in=ids)
        .order_by()
        .values_list("work_process_id")
        .annotate(n=Count("pk"))
    )
    return [
        (task_id, WorkProcessNode(wp_id, code, name, aligned.get(wp_id, 0), units.get(wp_id, 0)))
        for task_id, wp_id, code, name in rows
    ]


# Details ---------------------------------------------------------------------


ModelT = TypeVar("ModelT", bound=models.Model)


def _get(queryset: QuerySet[ModelT], pk: int) -> ModelT:
    try:
        return queryset.get(pk=pk)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def dossier_get(*, pk: int) -> Dossier:
    return _get(Dossier.objects.select_related("version"), pk)


def qualification_get(*, pk: int) -> Qualification:
    return _get(Qualification.objects.select_related("dossier__version").prefetch_related("themes"), pk)


def core_task_get(*, pk: int) -> CoreTask:
    return _get(CoreTask.objects.select_related("qualification__dossier__version"), pk)


def work_process_get(*, pk: int) -> WorkProcess:
    return _get(WorkProcess.objects.select_related("core_task__qualification__dossier__version"), pk)


def unit_get(*, pk: int) -> FrameworkUnit:
    return _get(FrameworkUnit.objects.select_related("version").prefetch_related("themes"), pk)


def competence_get(*, pk: int) -> Competence:
    return _get(Competence.objects.select_related("version").prefetch_related("themes"), pk)


def certificate_get(*, pk: int) -> Certificate:
    return _get(Certificate.objects.select_related("version"), pk)


def elective_get(*, pk: int) -> Elective:
    return _get(Elective.objects.select_related("version").prefetch_related("themes"), pk)


def qualifications_of_dossier(*, dossier: Dossier) -> QuerySet[Qualification]:
    return dossier.qualifications.annotate(
        work_process_count=Count("core_tasks__work_processes", distinct=True)
    ).order_by("name", "level")


def core_tasks_with_work_processes(*, qualification: Qualification) -> QuerySet[CoreTask]:
    """Core tasks of ``qualification`` with their work processes and, per work process, its unit count."""
    work_processes = WorkProcess.objects.annotate(unit_count=Count("units")).order_by("code")
    return qualification.core_tasks.order_by("code").prefetch_related(
        models.Prefetch("work_processes", queryset=work_processes)
    )


def work_processes_of_core_task(*, core_task: CoreTask) -> QuerySet[WorkProcess]:
    return core_task.work_processes.annotate(unit_count=Count("units")).order_by("code")


def units_of_version(*, version: FrameworkVersion, q: str = "") -> QuerySet[FrameworkUnit]:
    units = FrameworkUnit.objects.filter(version=version)
    if q:
        units = units.filter(Q(name__icontains=q) | Q(code__icontains=q))
    return units.annotate(work_process_count=Count("work_processes")).prefetch_related("themes").order_by("code")


def with_qualification(work_processes: QuerySet[WorkProcess]) -> QuerySet[WorkProcess]:
    """Work processes with their core task and qualification loaded, by qualification and code."""
    return work_processes.select_related("core_task__qualification").order_by("core_task__qualification__name", "code")


def unit_work_processes(*, unit: FrameworkUnit) -> QuerySet[WorkProcess]:
    return with_qualification(unit.work_processes.all())


def theme_nodes(*, version: FrameworkVersion, theme: Theme) -> tuple[QuerySet[Qualification], QuerySet[FrameworkUnit]]:
    """Qualifications and units of ``version`` with ``theme`` or one of its sub-themes."""
    with_theme = Q(themes=theme) | Q(themes__parent=theme)
    return (
        Qualification.objects.filter(with_theme, dossier__version=version).distinct().order_by("name", "level"),
        FrameworkUnit.objects.filter(with_theme, version=version).distinct().order_by("code"),
    )


# Coverage --------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    total: int
    covered: int

    @property
    def percent(self) -> int:
        return round(100 * self.covered / self.total) if self.total else 0


def qualification_unit_coverage(*, qualification: Qualification) -> tuple[Coverage, QuerySet[WorkProcess]]:
    """How much of ``qualification`` the framework units cover, and the work processes none covers."""
    work_processes = WorkProcess.objects.filter(core_task__qualification=qualification).annotate(
        has_unit=Exists(UnitWorkProcess.objects.filter(workprocess_id=OuterRef("pk")))
    )
    totals = work_processes.aggregate(total=Count("pk"), covered=Count("pk", filter=Q(has_unit=True)))
    uncovered = work_processes.filter(has_unit=False).select_related("core_task").order_by("code")
    return Coverage(totals["total"], totals["covered"]), uncovered


def units_covering(*, qualification: Qualification) -> QuerySet[FrameworkUnit]:
    """Units mapped to at least one work process of ``qualification``, with how many of them."""
    return (
        FrameworkUnit.objects.filter(work_processes__core_task__qualification=qualification)
        .annotate(mapped=Count("work_processes", distinct=True))
        .order_by("code")
        .distinct()
    )


@dataclass(frozen=True)
class Contribution:
    qualification_id: int
    name: str
    level: int
    mapped: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.mapped / self.total) if self.total else 0


def unit_contributions(*, unit: FrameworkUnit) -> list[Contribution]:
    """The qualifications ``unit`` contributes to, with the share of their work processes it covers."""
    mapped = dict(unit.work_processes.order_by().values_list("core_task__qualification_id").annotate(n=Count("pk")))
    qualifications = (
        Qualification.objects.filter(pk__in=mapped)
        .annotate(total=Count("core_tasks__work_processes"))
        .order_by("name", "level")
    )
    return [Contribution(q.pk, q.name, q.level, mapped[q.pk], q.total) for q in qualifications]  # type: ignore[attr-defined]


def unit_certificates(*, unit: FrameworkUnit) -> QuerySet[Certificate]:
    """Certificates that share work processes with ``unit``."""
    return (
        Certificate.objects.filter(work_processes__units=unit)
        .annotate(shared=Count("work_processes", distinct=True))
        .order_by("name")
        .distinct()
    )


@dataclass(frozen=True)
class AlignedSet:
    """A set of aligned objects of one model, e.g. the resources in a collection."""

    content_type: ContentType
    object_ids: Iterable[int] | QuerySet[models.Model]


def coverage(*, qualification: Qualification, aligned: AlignedSet) -> Coverage:
    """How much of ``qualification`` the aligned objects cover, in one SQL query.

    A work process counts as covered when an object is aligned to it directly, to a unit mapped to it,
    or to a competence linked to it.
    """
    alignments = Alignment.objects.filter(content_type=aligned.content_type, object_id__in=aligned.object_ids)
    via_unit = UnitWorkProcess.objects.filter(frameworkunit_id__in=alignments.values("unit_id"))
    via_competence = CompetenceWorkProcess.objects.filter(competence_id__in=alignments.values("competence_id"))
    # Non-correlated subqueries: each is evaluated once, not per work process.
    is_covered = (
        Q(pk__in=alignments.values("work_process_id"))
        | Q(pk__in=via_unit.values("workprocess_id"))
        | Q(pk__in=via_competence.values("workprocess_id"))
    )
    totals = WorkProcess.objects.filter(core_task__qualification=qualification).aggregate(
        total=Count("pk"), covered=Count("pk", filter=is_covered)
    )
    return Coverage(totals["total"], totals["covered"])


# What is aligned to a node -----------------------------------------------------


@dataclass(frozen=True)
class AlignedGroup:
    content_type: ContentType
    count: int
    objects: list[models.Model]

    @property
    def label(self) -> str:
        model = self.content_type.model_class()
        return str(model._meta.verbose_name_plural) if model else self.content_type.model


def aligned_to(*, node: models.Model, limit: int = 10) -> list[AlignedGroup]:
    """What other modules aligned to ``node`` (a work process, competence, qualification or unit), per kind."""
    target = {
        WorkProcess: "work_process",
        Competence: "competence",
        Qualification: "qualification",
        FrameworkUnit: "unit",
    }[type(node)]
    alignments = Alignment.objects.filter(**{target: node})
    groups = []
    for row in alignments.order_by().values("content_type").annotate(n=Count("pk")):
        content_type = ContentType.objects.get_for_id(row["content_type"])
        model = content_type.model_class()
        if model is None:
            continue
        ids = alignments.filter(content_type=content_type).values("object_id")[:limit]
        groups.append(AlignedGroup(content_type, row["n"], list(model._default_manager.filter(pk__in=ids))))
    return groups


# Skills view -------------------------------------------------------------------


def competence_needs(*, competence: Competence) -> dict[str, QuerySet[models.Model]]:
    """For a competence: the qualifications, units and certificates that need it (through work processes)."""
    work_processes = competence.work_processes.values("pk")
    return {
        "qualifications": Qualification.objects.filter(core_tasks__work_processes__in=work_processes)
        .select_related("dossier")
        .distinct()
        .order_by("name", "level"),
        "units": FrameworkUnit.objects.filter(work_processes__in=work_processes).distinct().order_by("code"),
        "certificates": Certificate.objects.filter(work_processes__in=work_processes).distinct().order_by("name"),
    }


# Version diff --------------------------------------------------------------------


@dataclass
class UnitChange:
    code: str
    name: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    added_mappings: list[str] = field(default_factory=list)
    removed_mappings: list[str] = field(default_factory=list)


@dataclass
class VersionDiff:
    added: list[FrameworkUnit]
    removed: list[FrameworkUnit]
    changed: list[UnitChange]

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


UNIT_DIFF_FIELDS = ("name", "description", "study_load_hours", "level")


def _mapping_keys(version: FrameworkVersion) -> dict[str, set[str]]:
    """Unit code -> readable keys of its work processes ("Qualification (niveau N) B1-K1-W1")."""
    rows = UnitWorkProcess.objects.filter(frameworkunit__version=version).values_list(
        "frameworkunit__code",
        "workprocess__core_task__qualification__name",
        "workprocess__core_task__qualification__level",
        "workprocess__code",
    )
    keys: dict[str, set[str]] = defaultdict(set)
    for unit_code, qualification, level, wp_code in rows:
        keys[unit_code].add(f"{qualification} (niveau {level}) {wp_code}")
    return keys


def version_diff(*, old: FrameworkVersion, new: FrameworkVersion) -> VersionDiff:
    """Units added, removed and changed (fields and work-process mappings) from ``old`` to ``new``."""
    old_units = {unit.code: unit for unit in old.units.all()}
    new_units = {unit.code: unit for unit in new.units.all()}
    old_maps, new_maps = _mapping_keys(old), _mapping_keys(new)
    changed = []
    for code in sorted(old_units.keys() & new_units.keys()):
        before, after = old_units[code], new_units[code]
        change = UnitChange(code=code, name=after.name)
        for name in UNIT_DIFF_FIELDS:
            if getattr(before, name) != getattr(after, name):
                label = str(getattr(FrameworkUnit._meta.get_field(name), "verbose_name", name))
                change.changes.append((label, str(getattr(before, name)), str(getattr(after, name))))
        change.added_mappings = sorted(new_maps[code] - old_maps[code])
        change.removed_mappings = sorted(old_maps[code] - new_maps[code])
        if change.changes or change.added_mappings or change.removed_mappings:
            changed.append(change)
    return VersionDiff(
        added=[new_units[code] for code in sorted(new_units.keys() - old_units.keys())],
        removed=[old_units[code] for code in sorted(old_units.keys() - new_units.keys())],
        changed=changed,
    )


# Alignments of other modules' objects ---------------------------------------------


def aligned_qualifications(*, content_type: ContentType, object_ids: Iterable[int]) -> dict[int, list[Qualification]]:
    """Per object: the qualifications it is aligned to, directly or through one of their work processes."""
    alignments = Alignment.objects.filter(content_type=content_type, object_id__any=list(object_ids))
    pairs = alignments.annotate(
        qualification_pk=Coalesce("qualification_id", "work_process__core_task__qualification_id")
    ).values_list("object_id", "qualification_pk")
    by_object: dict[int, set[int]] = {}
    for object_id, qualification_pk in pairs:
        if qualification_pk is not None:
            by_object.setdefault(object_id, set()).add(qualification_pk)
    wanted = set().union(*by_object.values()) if by_object else set()
    qualifications = Qualification.objects.in_bulk(wanted)
    return {
        object_id: sorted((qualifications[pk] for pk in pks), key=lambda q: (q.name, q.level))
        for object_id, pks in by_object.items()
    }


def alignments_of(*, obj: models.Model) -> dict[str, list[models.Model]]:
    """What ``obj`` is aligned to, per target kind (work_process, competence, qualification, unit)."""
    content_type = ContentType.objects.get_for_model(obj)
    found: dict[str, list[models.Model]] = {target: [] for target in Alignment.TARGETS}
    alignments = (
        Alignment.objects.filter(content_type=content_type, object_id=obj.pk)
        .select_related("work_process__core_task__qualification", "competence", "qualification", "unit")
        .order_by("pk")
    )
    for alignment in alignments:
        for target in Alignment.TARGETS:
            item = getattr(alignment, target)
            if item is not None:
                found[target].append(item)
    return found
