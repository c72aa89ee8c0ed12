from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.core.forms import add_service_errors
from wattwijs.framework import permissions, selectors, services
from wattwijs.framework.forms import TreeFilterForm, UnitForm, VersionDraftForm, WorkProcessDeleteForm
from wattwijs.framework.models import FrameworkUnit, FrameworkVersion
from wattwijs.framework.rendering import render_tree, render_work_processes
from wattwijs.framework.selectors import TreeFilters


def _version_for(request: HttpRequest) -> FrameworkVersion:
    slug = request.GET.get("versie")
    version = selectors.version_get(slug=slug) if slug else selectors.current_version()
    if version is None:
        raise Http404
    return version


def _can_edit(request: HttpRequest, version: FrameworkVersion) -> bool:
    return permissions.can_edit_version(request.user, version)


@require_GET
def tree(request: HttpRequest) -> HttpResponse:
    if not request.GET.get("versie") and selectors.current_version() is None:
        return render(request, "framework/tree_empty.html")
    version = _version_for(request)
    form = TreeFilterForm(request.GET)
    filters = TreeFilters(**form.cleaned_data) if form.is_valid() else TreeFilters()
    nodes = selectors.framework_tree(version=version, filters=filters)
    return render(
        request,
        "framework/tree.html",
        {
            "version": version,
            "versions": selectors.version_list(),
            "form": form,
            "filters": filters,
            "tree_html": render_tree(nodes, open_all=filters.active),
            "dossier_count": len(nodes),
        },
    )


@require_GET
def version_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "framework/version_list.html",
        {
            "versions": selectors.version_list(),
            "can_manage": permissions.can_manage_versions(request.user),
        },
    )


def _version_page(
    request: HttpRequest, version: FrameworkVersion, draft_form: VersionDraftForm | None = None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "framework/version_detail.html",
        {
            "version": version,
            "dossiers": version.dossiers.order_by("name"),
            "electives": version.electives.order_by("name"),
            "certificates": version.certificates.order_by("name"),
            "competences": version.competences.order_by("name"),
            "unit_count": version.units.count(),
            "can_edit": _can_edit(request, version),
            "can_manage": permissions.can_manage_versions(request.user),
            "draft_form": draft_form or VersionDraftForm(),
        },
        status=status,
    )


@require_GET
def version_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _version_page(request, selectors.version_get(slug=slug))


@login_required
@require_POST
def version_create_draft(request: HttpRequest, slug: str) -> HttpResponse:
    source = selectors.version_get(slug=slug)
    form = VersionDraftForm(request.POST)
    if form.is_valid():
        try:
            draft = services.version_create_draft(actor=request.user, source=source, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The draft version has been made. You can change it now."))
            return redirect(draft)
    return _version_page(request, source, draft_form=form, status=400)


@login_required
@require_POST
def version_adopt(request: HttpRequest, slug: str) -> HttpResponse:
    version = selectors.version_get(slug=slug)
    try:
        services.version_adopt(actor=request.user, version=version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The version has been adopted."))
    return redirect(version)


@require_GET
def version_diff(request: HttpRequest, slug: str) -> HttpResponse:
    new = selectors.version_get(slug=slug)
    other = request.GET.get("met")
    old = selectors.version_get(slug=other) if other else new.based_on
    return render(
        request,
        "framework/version_diff.html",
        {
            "version": new,
            "old": old,
            "versions": selectors.version_list().exclude(pk=new.pk),
            "diff": selectors.version_diff(old=old, new=new) if old else None,
        },
    )


@require_GET
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = selectors.dossier_get(pk=pk)
    return render(
        request,
        "framework/dossier_detail.html",
        {"dossier": dossier, "qualifications": selectors.qualifications_of_dossier(dossier=dossier)},
    )


@require_GET
def qualification_detail(request: HttpRequest, pk: int) -> HttpResponse:
    qualification = selectors.qualification_get(pk=pk)
    coverage, uncovered = selectors.qualification_unit_coverage(qualification=qualification)
    return render(
        request,
        "framework/qualification_detail.html",
        {
            "qualification": qualification,
            "version": qualification.dossier.version,
            "core_tasks": selectors.core_tasks_with_work_processes(qualification=qualification),
            "coverage": coverage,
            "uncovered": uncovered,
            "units": selectors.units_covering(qualification=qualification),
            "aligned": selectors.aligned_to(node=qualification),
        },
    )


@require_GET
def core_task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    core_task = selectors.core_task_get(pk=pk)
    return render(
        request,
        "framework/core_task_detail.html",
        {
            "core_task": core_task,
            "version": core_task.qualification.dossier.version,
            "work_processes": selectors.work_processes_of_core_task(core_task=core_task),
        },
    )


@require_GET
def core_task_work_processes(request: HttpRequest, pk: int) -> HttpResponse:
    """The work processes of a core task as list items, for the tree's lazy loading."""
    core_task = selectors.core_task_get(pk=pk)
    nodes = [node for _, node in selectors.work_process_nodes(core_task.work_processes.all())]
    return HttpResponse(render_work_processes(nodes))


@require_GET
def work_process_detail(request: HttpRequest, pk: int) -> HttpResponse:
    work_process = selectors.work_process_get(pk=pk)
    version = work_process.core_task.qualification.dossier.version
    return render(
        request,
        "framework/work_process_detail.html",
        {
            "work_process": work_process,
            "version": version,
            "units": work_process.units.order_by("code"),
            "certificates": work_process.certificates.order_by("name"),
            "competences": work_process.competences.order_by("name"),
            "aligned": selectors.aligned_to(node=work_process),
            "can_edit": _can_edit(request, version),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def work_process_delete(request: HttpRequest, pk: int) -> HttpResponse:
    work_process = selectors.work_process_get(pk=pk)
    version = work_process.core_task.qualification.dossier.version
    if not _can_edit(request, version):
        raise PermissionDenied
    form = WorkProcessDeleteForm(request.POST if request.method == "POST" else None, work_process=work_process)
    if request.method == "POST" and form.is_valid():
        try:
            services.work_process_delete(
                actor=request.user, work_process=work_process, replacement=form.cleaned_data["replacement"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The work process has been deleted."))
            return redirect(work_process.core_task)
    return render(
        request,
        "framework/work_process_delete.html",
        {"work_process": work_process, "version": version, "form": form},
        status=400 if form.errors else 200,
    )


@require_GET
def unit_list(request: HttpRequest, slug: str) -> HttpResponse:
    version = selectors.version_get(slug=slug)
    q = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "framework/unit_list.html",
        {
            "version": version,
            "units": selectors.units_of_version(version=version, q=q),
            "q": q,
            "can_edit": _can_edit(request, version),
        },
    )


@require_GET
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(pk=pk)
    return render(
        request,
        "framework/unit_detail.html",
        {
            "unit": unit,
            "version": unit.version,
            "work_processes": selectors.unit_work_processes(unit=unit),
            "contributions": selectors.unit_contributions(unit=unit),
            "certificates": selectors.unit_certificates(unit=unit),
            "aligned": selectors.aligned_to(node=unit),
            "can_edit": _can_edit(request, unit.version),
        },
    )


def _unit_form_page(request: HttpRequest, version: FrameworkVersion, unit: FrameworkUnit | None) -> HttpResponse:
    if not _can_edit(request, version):
        raise PermissionDenied
    form = UnitForm(request.POST if request.method == "POST" else None, instance=unit, version=version)
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        try:
            if unit is None:
                unit = services.unit_create(
                    actor=request.user, version=version, data=data, work_processes=data["work_processes"]
                )
            else:
                services.unit_update(actor=request.user, unit=unit, data=data, work_processes=data["work_processes"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The unit has been saved."))
            return redirect(unit)
    return render(
        request,
        "framework/unit_form.html",
        {"form": form, "version": version, "unit": unit},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest, slug: str) -> HttpResponse:
    return _unit_form_page(request, selectors.version_get(slug=slug), None)


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(pk=pk)
    return _unit_form_page(request, unit.version, unit)


@login_required
@require_http_methods(["GET", "POST"])
def unit_delete(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(pk=pk)
    if not _can_edit(request, unit.version):
        raise PermissionDenied
    if request.method == "POST":
        services.unit_delete(actor=request.user, unit=unit)
        messages.success(request, _("The unit has been deleted."))
        return redirect("framework:unit_list", slug=unit.version.slug)
    return render(request, "framework/unit_delete.html", {"unit": unit, "version": unit.version})


@require_GET
def competence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    competence = selectors.competence_get(pk=pk)
    return render(
        request,
        "framework/competence_detail.html",
        {
            "competence": competence,
            "version": competence.version,
            "needs": selectors.competence_needs(competence=competence),
            "work_processes": selectors.with_qualification(competence.work_processes.all()),
            "aligned": selectors.aligned_to(node=competence),
        },
    )


@require_GET
def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get(pk=pk)
    return render(
        request,
        "framework/certificate_detail.html",
        {
            "certificate": certificate,
            "version": certificate.version,
            "work_processes": selectors.with_qualification(certificate.work_processes.all()),
        },
    )


@require_GET
def elective_detail(request: HttpRequest, pk: int) -> HttpResponse:
    elective = selectors.elective_get(pk=pk)
    return render(request, "framework/elective_detail.html", {"elective": elective, "version": elective.version})
