"""REST API of the kwalificatiekader: qualifications with their core tasks and work processes, framework
units, certificates and competences of the current framework version (all public)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router

from wattwijs.core.apikit import Out, PageLinks, PageQuery, PathId, Text, page_of
from wattwijs.framework import selectors
from wattwijs.framework.models import (
    Certificate,
    Competence,
    FrameworkUnit,
    FrameworkVersion,
    Qualification,
    WorkProcess,
)

router = Router(tags=["kwalificatiekader"])


class VersionOut(Out):
    slug: str
    name: str
    status: str
    url: str


class WorkProcessOut(Out):
    id: int
    code: str
    name: str
    description: str
    qualification: int
    url: str


class WorkProcessList(PageLinks):
    version: VersionOut | None
    results: list[WorkProcessOut]


class QualificationOut(Out):
    id: int
    name: str
    level: int
    crebo: str
    dossier: str
    themes: list[str]
    url: str


class QualificationList(PageLinks):
    version: VersionOut | None
    results: list[QualificationOut]


class CoreTaskOut(Out):
    id: int
    code: str
    name: str
    part: str
    work_processes: list[WorkProcessOut]


class QualificationDetail(QualificationOut):
    core_tasks: list[CoreTaskOut]


class UnitOut(Out):
    id: int
    code: str
    name: str
    description: str
    study_load_hours: int
    level: int
    themes: list[str]
    work_processes: list[int]
    url: str


class UnitList(PageLinks):
    version: VersionOut | None
    results: list[UnitOut]


class CertificateOut(Out):
    id: int
    kind: str
    name: str
    hours: int | None
    work_processes: list[int]
    url: str


class CertificateList(PageLinks):
    version: VersionOut | None
    results: list[CertificateOut]


class CompetenceOut(Out):
    id: int
    name: str
    description: str
    esco_uri: str
    themes: list[str]
    work_processes: list[int]
    url: str


class CompetenceList(PageLinks):
    version: VersionOut | None
    results: list[CompetenceOut]


class NameQuery(PageQuery):
    q: Text = Field("", max_length=200, description="Part of the name.")


def _version(request: HttpRequest) -> tuple[FrameworkVersion | None, dict[str, Any] | None]:
    version = selectors.current_version()
    if version is None:
        return None, None
    return version, {
        "slug": version.slug,
        "name": version.name,
        "status": version.status,
        "url": request.build_absolute_uri(version.get_absolute_url()),
    }


def _work_process_out(request: HttpRequest, wp: WorkProcess) -> dict[str, Any]:
    return {
        "id": wp.pk,
        "code": wp.code,
        "name": wp.name,
        "description": wp.description,
        "qualification": wp.core_task.qualification_id,
        "url": request.build_absolute_uri(wp.get_absolute_url()),
    }


def _qualification_out(request: HttpRequest, q: Qualification) -> dict[str, Any]:
    return {
        "id": q.pk,
        "name": q.name,
        "level": q.level,
        "crebo": q.crebo,
        "dossier": q.dossier.name,
        "themes": [t.code for t in q.themes.all()],
        "url": request.build_absolute_uri(q.get_absolute_url()),
    }


def _ids(items: Any) -> list[int]:
    return [item.pk for item in items.all()]


def _unit_out(request: HttpRequest, unit: FrameworkUnit) -> dict[str, Any]:
    return {
        "id": unit.pk,
        "code": unit.code,
        "name": unit.name,
        "description": unit.description,
        "study_load_hours": unit.study_load_hours,
        "level": unit.level,
        "themes": [t.code for t in unit.themes.all()],
        "work_processes": _ids(unit.work_processes),
        "url": request.build_absolute_uri(unit.get_absolute_url()),
    }


def _certificate_out(request: HttpRequest, certificate: Certificate) -> dict[str, Any]:
    return {
        "id": certificate.pk,
        "kind": certificate.kind,
        "name": certificate.name,
        "hours": certificate.hours,
        "work_processes": _ids(certificate.work_processes),
        "url": request.build_absolute_uri(certificate.get_absolute_url()),
    }


def _competence_out(request: HttpRequest, competence: Competence) -> dict[str, Any]:
    return {
        "id": competence.pk,
        "name": competence.name,
        "description": competence.description,
        "esco_uri": competence.esco_uri,
        "themes": [t.code for t in competence.themes.all()],
        "work_processes": _ids(competence.work_processes),
        "url": request.build_absolute_uri(competence.get_absolute_url()),
    }


def _listed(
    request: HttpRequest, query: NameQuery, queryset_of: Callable[[FrameworkVersion | None], QuerySet[Any]], out: Any
) -> dict[str, Any]:
    """One page of a version's items whose name holds ``q``, with the version they belong to."""
    version, version_out = _version(request)
    queryset = queryset_of(version)
    if query.q.strip():
        queryset = queryset.filter(name__icontains=query.q.strip())
    rows, links = page_of(request, queryset, query)
    return {**links, "version": version_out, "results": [out(request, row) for row in rows]}


@router.get("/framework/qualifications", response=QualificationList, summary="Qualifications")
def qualification_list(request: HttpRequest, query: Query[NameQuery]) -> dict[str, Any]:
    return _listed(request, query, selectors.listed_qualifications, _qualification_out)


@router.get(
    "/framework/qualifications/{int:id}",
    response=QualificationDetail,
    summary="One qualification with its core tasks and work processes",
)
def qualification_detail(
    request: HttpRequest,
    id: PathId,  # noqa: A002
) -> dict[str, Any]:
    qualification = selectors.qualification_get(pk=id)
    out = _qualification_out(request, qualification)
    out["core_tasks"] = [
        {
            "id": task.pk,
            "code": task.code,
            "name": task.name,
            "part": task.part,
            "work_processes": [_work_process_out(request, wp) for wp in task.work_processes.all()],
        }
        for task in selectors.core_tasks_with_work_processes(qualification=qualification)
    ]
    return out


@router.get("/framework/work-processes", response=WorkProcessList, summary="Work processes")
def work_process_list(request: HttpRequest, query: Query[NameQuery]) -> dict[str, Any]:
    return _listed(request, query, selectors.listed_work_processes, _work_process_out)


@router.get("/framework/units", response=UnitList, summary="Framework units")
def unit_list(request: HttpRequest, query: Query[NameQuery]) -> dict[str, Any]:
    return _listed(request, query, selectors.listed_units, _unit_out)


@router.get("/framework/certificates", response=CertificateList, summary="Certificates")
def certificate_list(request: HttpRequest, query: Query[NameQuery]) -> dict[str, Any]:
    return _listed(request, query, selectors.listed_certificates, _certificate_out)


@router.get("/framework/competences", response=CompetenceList, summary="Competences")
def competence_list(request: HttpRequest, query: Query[NameQuery]) -> dict[str, Any]:
    return _listed(request, query, selectors.listed_competences, _competence_out)
