from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from wattwijs.core.forms import add_service_errors
from wattwijs.core.pagination import paginate
from wattwijs.core.querystrings import QueryLinks
from wattwijs.practice import permissions, pickers, selectors, services
from wattwijs.practice.forms import PracticeFilterForm, PracticeForm, ProjectForm
from wattwijs.practice.models import InnovationProject, Practice, ResultIndicator

FACET_TITLES = {
    "theme": gettext_lazy("Theme"),
    "region": gettext_lazy("Region"),
    "target": gettext_lazy("Target group"),
    "factor": gettext_lazy("Success factor"),
}


@require_GET
def practice_list(request: HttpRequest) -> HttpResponse:
    form = PracticeFilterForm(request.GET)
    filters = form.filters()
    facets = selectors.practice_facets(user=request.user, filters=filters)
    page = paginate(request, selectors.practice_list(user=request.user, filters=filters), count=facets.total)
    links = QueryLinks(request)
    facet_groups = [
        {
            "title": FACET_TITLES[name],
            "values": [
                {"facet": f, "url": links.url(**{name: f.value}), "selected": f.value == getattr(filters, name)}
                for f in values
            ],
        }
        for name, values in facets.groups.items()
    ]
    labels = {name: {f.value: f.label for f in values} for name, values in facets.groups.items()}
    chips = [
        {"label": str(labels.get(name, {}).get(value, value)), "url": links.url(**{name: None})}
        for name in ("q", *FACET_TITLES)
        if (value := getattr(filters, name))
    ]
    cards = [(practice, selectors.key_result(practice)) for practice in page.object_list]
    context = {
        "form": form,
        "filters": filters,
        "facet_groups": facet_groups,
        "page": page,
        "cards": cards,
        "chips": chips,
        "can_create": permissions.can_create(request.user),
    }
    template = "practice/_practice_results.html" if getattr(request, "htmx", False) else "practice/practice_list.html"
    return render(request, template, context)


@require_GET
def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = selectors.practice_get(user=request.user, slug=slug)
    indicators = list(ResultIndicator.values)
    return render(
        request,
        "practice/practice_detail.html",
        {
            "practice": practice,
            "indicator_labels": [ResultIndicator(i).label for i in indicators],
            "result_rows": selectors.results_table(practice, indicators),
            "links": selectors.practice_links(practice),
            "can_edit": permissions.can_edit(request.user, practice),
        },
    )


def _save_practice(request: HttpRequest, form: PracticeForm, practice: Practice | None) -> HttpResponse | None:
    """Validate and save through the service; None when the form must be shown again with its errors."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        if practice is None:
            practice = services.practice_create(actor=request.user, data=form.data_for_service())
        else:
            data = form.data_for_service(is_fictitious=practice.is_fictitious)
            practice = services.practice_update(actor=request.user, practice=practice, data=data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, _("The practice has been saved."))
    return redirect(practice)


def _practice_form(request: HttpRequest, practice: Practice | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    # A search button (the picker without JavaScript) shows the form again with the results; it never saves.
    searching = data is not None and pickers.is_search(data)
    form = PracticeForm(
        None if searching else data,
        initial=PracticeForm.initial_from(practice) if practice and not searching else None,
        owners=permissions.editing_organisations(request.user).order_by("name"),
        **PracticeForm.row_counts(practice, data),
    )
    if searching:
        form.keep_posted(data)
    response = _save_practice(request, form, practice)
    if response is not None:
        return response
    status = 400 if form.is_bound else 200
    context = {"form": form, "practice": practice, "pickers": form.pickers()}
    return render(request, "practice/practice_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def practice_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    return _practice_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _practice_form(request, selectors.practice_for_edit(user=request.user, slug=slug))


def _picker_results(request: HttpRequest, kind: pickers.PickerKind) -> HttpResponse:
    """The checkboxes of one picker for its search text, keeping the chosen ones; htmx swaps them in."""
    if not permissions.can_create(request.user):
        raise PermissionDenied
    picker = pickers.picker_build(kind, q=request.GET.get(kind.search), chosen=request.GET.getlist(kind.field))
    return render(request, "practice/_picker_choices.html", {"picker": picker, "swap_count": True})


@login_required
@require_GET
def resource_picker(request: HttpRequest) -> HttpResponse:
    return _picker_results(request, pickers.RESOURCES)


@login_required
@require_GET
def offer_picker(request: HttpRequest) -> HttpResponse:
    return _picker_results(request, pickers.OFFERS)


# Innovation projects -----------------------------------------------------------------------------


@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    theme = request.GET.get("theme", "").strip()[:60]
    page = paginate(request, selectors.project_list(user=request.user, q=q, theme=theme))
    links = QueryLinks(request)
    themes = selectors.project_themes()
    chips = [{"label": q, "url": links.url(q=None)}] if q else []
    chips += [{"label": t.name, "url": links.url(theme=None)} for t in themes if t.code == theme]
    return render(
        request,
        "practice/project_list.html",
        {
            "page": page,
            "q": q,
            "theme": theme,
            "themes": themes,
            "chips": chips,
            "can_create": permissions.can_create(request.user),
        },
    )


@require_GET
def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_get(user=request.user, slug=slug)
    return render(
        request,
        "practice/project_detail.html",
        {"project": project, "can_edit": permissions.can_edit(request.user, project)},
    )


def _save_project(request: HttpRequest, form: ProjectForm, project: InnovationProject | None) -> HttpResponse | None:
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        if project is None:
            project = services.project_create(actor=request.user, data=form.data_for_service())
        else:
            data = form.data_for_service(is_fictitious=project.is_fictitious)
            project = services.project_update(actor=request.user, project=project, data=data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, _("The innovation project has been saved."))
    return redirect(project)


def _project_form(request: HttpRequest, project: InnovationProject | None) -> HttpResponse:
    form = ProjectForm(
        request.POST if request.method == "POST" else None,
        initial=ProjectForm.initial_from(project) if project else None,
        owners=permissions.editing_organisations(request.user).order_by("name"),
    )
    response = _save_project(request, form, project)
    if response is not None:
        return response
    status = 400 if request.method == "POST" else 200
    context: dict[str, Any] = {"form": form, "project": project}
    return render(request, "practice/project_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    return _project_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _project_form(request, selectors.project_for_edit(user=request.user, slug=slug))


# Toolkit -----------------------------------------------------------------------------------------


@require_GET
def toolkit(request: HttpRequest) -> HttpResponse:
    return render(request, "practice/toolkit.html", {"groups": selectors.toolkit()})
