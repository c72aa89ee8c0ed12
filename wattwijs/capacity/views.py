from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.capacity import exports, importing, permissions, selectors, services
from wattwijs.capacity.figure_kinds import KINDS, FigureKind
from wattwijs.capacity.forms import CompareForm, ImportForm, ScenarioForm
from wattwijs.capacity.models import Scenario
from wattwijs.core.forms import add_service_errors
from wattwijs.core.models import Region
from wattwijs.core.pagination import paginate


def _chosen_scenario(request: HttpRequest) -> Scenario | None:
    slug = request.GET.get("scenario", "")
    if slug:
        return selectors.scenario_get(slug=slug)
    return selectors.default_scenario()


def _year(request: HttpRequest) -> int | None:
    value = request.GET.get("jaar", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 4 else None


def _overview_context(request: HttpRequest, region: Region | None) -> dict[str, Any]:
    scenario = _chosen_scenario(request)
    context: dict[str, Any] = {
        "scenario": scenario,
        "scenarios": Scenario.objects.order_by("created_at", "pk").only("name", "slug"),
        "region": region,
    }
    if scenario is not None:
        context["overview"] = selectors.overview(scenario=scenario, region=region, year=_year(request))
    return context


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    return render(request, "capacity/overview.html", _overview_context(request, None))


@require_GET
def region_overview(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors.region_get(code=code)
    context = _overview_context(request, region)
    context["can_adopt"] = context["scenario"] is not None and permissions.can_adopt_priorities(request.user, region)
    if context["can_adopt"]:
        context["adoptable"] = selectors.largest_gap_themes(scenario=context["scenario"], region=region)
    return render(request, "capacity/region_overview.html", context)


@require_POST
@login_required
def adopt_priorities(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors.region_get(code=code)
    scenario = selectors.scenario_get(slug=request.POST.get("scenario", ""))
    themes = selectors.largest_gap_themes(scenario=scenario, region=region)
    try:
        services.priorities_adopt(actor=request.user, region=region, themes=themes, scenario=scenario)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The priority themes of %(region)s in the training map are now: %(themes)s.")
            % {"region": region.name, "themes": ", ".join(theme.name for theme in themes)},
        )
    return redirect(f"{request.path.rsplit('prioriteiten/', 1)[0]}?scenario={scenario.slug}")


@require_GET
def scenario_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "capacity/scenario_list.html",
        {
            "scenarios": selectors.scenario_list(),
            "can_import": permissions.can_import(request.user),
            "compare_form": CompareForm(),
        },
    )


@require_GET
def scenario_detail(request: HttpRequest, slug: str) -> HttpResponse:
    scenario = selectors.scenario_get(slug=slug)
    result = getattr(scenario, "result", None)
    context = {
        "scenario": scenario,
        "overview": selectors.overview(scenario=scenario),
        "parameters": selectors.parameter_rows(scenario),
        "tornado": selectors.tornado_rows(result) if result is not None else [],
        "can_copy": permissions.can_create_scenarios(request.user),
        "can_change": permissions.can_change_scenario(request.user, scenario),
        "can_recompute": permissions.can_recompute_scenarios(request.user),
    }
    return render(request, "capacity/scenario_detail.html", context)


@require_POST
@login_required
def scenario_copy(request: HttpRequest, slug: str) -> HttpResponse:
    scenario = selectors.scenario_get(slug=slug)
    copy = services.scenario_copy(actor=request.user, scenario=scenario)
    messages.success(request, _("The scenario has been copied. Change its parameters below."))
    return redirect("capacity:scenario_edit", slug=copy.slug)


@require_http_methods(["GET", "POST"])
@login_required
def scenario_edit(request: HttpRequest, slug: str) -> HttpResponse:
    scenario = selectors.scenario_get(slug=slug)
    if not permissions.can_change_scenario(request.user, scenario):
        raise PermissionDenied
    form = ScenarioForm.for_scenario(scenario, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.scenario_update(actor=request.user, scenario=scenario, data=form.scenario_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The scenario has been saved and computed again."))
            return redirect(scenario.get_absolute_url())
    return render(request, "capacity/scenario_form.html", {"scenario": scenario, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def scenario_delete(request: HttpRequest, slug: str) -> HttpResponse:
    scenario = selectors.scenario_get(slug=slug)
    if not permissions.can_delete_scenario(request.user, scenario):
        raise PermissionDenied
    if request.method == "POST":
        services.scenario_delete(actor=request.user, scenario=scenario)
        messages.success(request, _("The scenario %(name)s has been deleted.") % {"name": scenario.name})
        return redirect("capacity:scenario_list")
    return render(request, "capacity/scenario_delete.html", {"scenario": scenario})


@require_POST
@login_required
def scenario_recompute(request: HttpRequest, slug: str) -> HttpResponse:
    scenario = selectors.scenario_get(slug=slug)
    services.scenario_recompute(actor=request.user, scenario=scenario)
    messages.success(request, _("The scenario has been computed again over the current figures."))
    return redirect(scenario.get_absolute_url())


@require_GET
def scenario_export(request: HttpRequest, slug: str) -> HttpResponse:
    scenario = selectors.scenario_get(slug=slug)
    response = HttpResponse(
        exports.scenario_workbook(scenario),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="scenario-{scenario.slug}.xlsx"'
    return response


@require_GET
def scenario_export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    scenario = selectors.scenario_get(slug=slug)
    response = HttpResponse(exports.scenario_csv(scenario), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="scenario-{scenario.slug}.csv"'
    return response


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET or None)
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        first, second = form.cleaned_data["a"], form.cleaned_data["b"]
        context.update(
            first=first,
            second=second,
            comparison=selectors.compare(first=first, second=second),
            parameters=list(zip(selectors.parameter_rows(first), selectors.parameter_rows(second), strict=True)),
            uses_examples=first.is_example
            or second.is_example
            or any(getattr(getattr(s, "result", None), "uses_examples", False) for s in (first, second)),
        )
    return render(request, "capacity/compare.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def import_figures(request: HttpRequest) -> HttpResponse:
    if not permissions.can_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = services.figures_import(
            actor=request.user, kind=form.cleaned_data["kind"], content=form.cleaned_data["file"].read()
        )
        if report.ok:
            messages.success(
                request,
                _("%(count)s rows imported. Compute the scenarios again to use them.") % {"count": report.saved},
            )
            return redirect("capacity:import")
    return render(
        request,
        "capacity/import.html",
        {
            "form": form,
            "report": report,
            "max_megabytes": f"{importing.max_import_bytes() / (1024 * 1024):g}",
            "max_rows": importing.max_import_rows(),
        },
    )


@require_GET
def figures(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "capacity/figures.html",
        {
            "innovations": selectors.innovation_list(),
            "intensities": selectors.intensity_list(),
            "kinds": KINDS.values(),
        },
    )


def _figure_kind(slug: str) -> FigureKind:
    try:
        return KINDS[slug]
    except KeyError as error:
        raise Http404 from error


@require_GET
def figure_list(request: HttpRequest, kind: str) -> HttpResponse:
    figure_kind = _figure_kind(kind)
    page = paginate(request, selectors.figure_list(figure_kind))
    return render(
        request,
        "capacity/figure_list.html",
        {
            "kind": figure_kind,
            "page": page,
            "rows": [(figure, figure_kind.cells(figure)) for figure in page],
            "can_edit": permissions.can_edit_figures(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def figure_edit(request: HttpRequest, kind: str, pk: int | None = None) -> HttpResponse:
    figure_kind = _figure_kind(kind)
    if not permissions.can_edit_figures(request.user):
        raise PermissionDenied
    figure = selectors.figure_get(figure_kind, pk) if pk is not None else None
    form = figure_kind.form(request.POST if request.method == "POST" else None, instance=figure)
    if request.method == "POST" and form.is_valid():
        try:
            services.figure_save(actor=request.user, figure=form.instance)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The figure has been saved. Compute the scenarios again to use it."))
            return redirect("capacity:figure_list", kind=figure_kind.slug)
    return render(request, "capacity/figure_form.html", {"kind": figure_kind, "figure": figure, "form": form})
