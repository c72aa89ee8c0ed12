"""Qualification framework: the full tree of a large version, and coverage computed in SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

ALIGNED_OBJECTS = 1000


def _aligned_set(qualification: object) -> object:
    """1,000 organisations (standing in for any aligned objects), each aligned to a work process or a unit."""
    from django.contrib.contenttypes.models import ContentType

    from wattwijs.core.models import Organisation
    from wattwijs.framework.models import Alignment, FrameworkUnit, WorkProcess
    from wattwijs.framework.selectors import AlignedSet

    content_type = ContentType.objects.get_for_model(Organisation)
    ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True)[:ALIGNED_OBJECTS])
    if not Alignment.objects.filter(content_type=content_type, object_id__in=ids).exists():
        work_processes = list(WorkProcess.objects.filter(core_task__qualification=qualification).order_by("pk"))
        units = list(FrameworkUnit.objects.filter(version=qualification.dossier.version)[:20])  # type: ignore[attr-defined]
        alignments = []
        for index, object_id in enumerate(ids):
            if index % 4 == 0 and units:
                unit = units[index % len(units)]
                alignments.append(Alignment(content_type=content_type, object_id=object_id, unit=unit))
            else:
                # Leave the last quarter of the work processes uncovered.
                wp = work_processes[index % (len(work_processes) * 3 // 4)]
                alignments.append(Alignment(content_type=content_type, object_id=object_id, work_process=wp))
        Alignment.objects.bulk_create(alignments, batch_size=1000)
    # The set as a query, the way a module passes e.g. the resources of a collection.
    return AlignedSet(content_type, Organisation.objects.order_by("pk").values("pk")[:ALIGNED_OBJECTS])


def run(bench: Bench) -> None:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from wattwijs.framework import selectors
    from wattwijs.framework.models import FrameworkVersion, Qualification, WorkProcess

    version = FrameworkVersion.objects.filter(slug__startswith="voorbeeldkader-schaal-").order_by("-pk").first()
    if version is None:
        bench.report("framework", "skipped: run with --scale 2 or more for a generated framework version")
        return
    qualifications = Qualification.objects.filter(dossier__version=version).count()
    work_processes = WorkProcess.objects.filter(core_task__qualification__dossier__version=version).count()
    note = f"{qualifications} qualifications, {work_processes} work processes"
    bench.page("framework tree, full", f"/kwalificatiekader/?versie={version.slug}", note=note, requests=20)
    bench.page("framework tree, search", f"/kwalificatiekader/?versie={version.slug}&q=werkproces+3", note=note)

    qualification = Qualification.objects.filter(dossier__version=version).order_by("pk").first()
    bench.page("qualification page", f"/kwalificatiekader/kwalificaties/{qualification.pk}/", note=note)

    aligned = _aligned_set(qualification)
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        result = selectors.coverage(qualification=qualification, aligned=aligned)  # type: ignore[arg-type]
    query_count = len(queries)
    p50, p95 = bench.timings(lambda: selectors.coverage(qualification=qualification, aligned=aligned))  # type: ignore[arg-type]
    bench.report(
        "coverage of one qualification",
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, {query_count} queries, {result.percent}% covered",
        f"{ALIGNED_OBJECTS} aligned objects",
    )
