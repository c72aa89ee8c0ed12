"""Pages of the themasessies and the klimaat- en energieagenda."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.core.forms import add_service_errors
from wattwijs.core.querystrings import QueryLinks
from wattwijs.practice import ical, permissions, selectors_sessions, services_sessions
from wattwijs.practice.forms_sessions import AmbitionActionForm, AmbitionForm, ProgressForm, SessionForm
from wattwijs.practice.models import Ambition, AmbitionLevel, Sector, ThemeSession
from wattwijs.practice.selectors_sessions import AmbitionFilters, Quarter

if TYPE_CHECKING:
    from django.shortcuts import SupportsGetAbsoluteUrl

# Themasessies ------------------------------------------------------------------------------------


@require_GET
def session_calendar(request: HttpRequest) -> HttpResponse:
    quarter = Quarter.parse(request.GET.get("kwartaal", ""), default=timezone.localdate())
    return render(
        request,
        "practice/session_calendar.html",
        {
            "quarter": quarter,
            "months": selectors_sessions.sessions_in_quarter(quarter),
            "can_create": permissions.can_create(request.user),
        },
    )


@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors_sessions.session_get(pk=pk)
    return render(
        request,
        "practice/session_detail.html",
        {
            "session": session,
            "quarter": Quarter.containing(session.date),
            "can_edit": permissions.can_edit_session(request.user, session),
        },
    )


@require_GET
def session_feed(request: HttpRequest) -> HttpResponse:
    body = ical.session_calendar(
        selectors_sessions.sessions_for_feed(),
        host=request.get_host().split(":")[0],
        absolute_url=request.build_absolute_uri,
        name=_("WattWijs theme sessions"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="themasessies.ics"'
    return response


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _save_form(
    request: HttpRequest,
    form: forms.Form,
    *,
    save: Callable[[], SupportsGetAbsoluteUrl],
    saved: str,
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """The create and edit pages' flow: on a valid POST, ``save`` calls the service and the page redirects to
    what it saved with the message ``saved``; otherwise, or when the service refuses, the form is shown again
    (status 400 after a POST) with the service's messages next to the fields."""
    if request.method == "POST" and form.is_valid():
        try:
            obj = save()
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect(obj)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"form": form, **context}, status=status)


def _session_form(request: HttpRequest, session: ThemeSession | None) -> HttpResponse:
    form = SessionForm(
        _posted(request),
        initial=SessionForm.initial_from(session) if session else None,
        organisers=permissions.editing_organisations(request.user).order_by("name"),
        action_rows=SessionForm.row_count(session, _posted(request)),
    )

    def save() -> ThemeSession:
        if session is None:
            return services_sessions.session_create(actor=request.user, data=form.data_for_service())
        data = form.data_for_service(is_fictitious=session.is_fictitious)
        return services_sessions.session_update(actor=request.user, session=session, data=data)

    return _save_form(
        request,
        form,
        save=save,
        saved=_("The theme session has been saved."),
        template="practice/session_form.html",
        context={"session": session},
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    return _session_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _session_form(request, selectors_sessions.session_for_edit(user=request.user, pk=pk))


# Klimaat- en energieagenda -----------------------------------------------------------------------


@require_GET
def agenda_overview(request: HttpRequest) -> HttpResponse:
    filters = AmbitionFilters(
        level=request.GET.get("niveau", "").strip()[:20],
        region=request.GET.get("regio", "").strip()[:10],
        sector=request.GET.get("sector", "").strip()[:10],
    )
    regions = list(selectors_sessions.ambition_regions())
    links = QueryLinks(request)
    levels, sectors = dict(AmbitionLevel.choices), dict(Sector.choices)
    region_names = {r.code: r.name for r in regions}
    chips = [
        {"label": str(label), "url": links.url(**{param: None})}
        for param, label in (
            ("niveau", levels.get(filters.level)),
            ("regio", region_names.get(filters.region)),
            ("sector", sectors.get(filters.sector)),
        )
        if label
    ]
    return render(
        request,
        "practice/agenda_overview.html",
        {
            "ambitions": selectors_sessions.ambition_list(filters),
            "filters": filters,
            "regions": regions,
            "levels": AmbitionLevel.choices,
            "sectors": Sector.choices,
            "chips": chips,
            "can_create": permissions.can_create(request.user),
        },
    )


def _ambition_page(
    request: HttpRequest,
    ambition: Ambition,
    *,
    action_form: AmbitionActionForm | None = None,
    progress_form: ProgressForm | None = None,
    status: int = 200,
) -> HttpResponse:
    can_edit = permissions.can_edit_ambition(request.user, ambition)
    context: dict[str, Any] = {
        "ambition": ambition,
        "can_edit": can_edit,
        "action_form": action_form or (AmbitionActionForm() if can_edit else None),
        "progress_form": progress_form or (ProgressForm() if can_edit else None),
    }
    return render(request, "practice/ambition_detail.html", context, status=status)


@require_GET
def ambition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _ambition_page(request, selectors_sessions.ambition_get(pk=pk))


def _ambition_form(request: HttpRequest, ambition: Ambition | None) -> HttpResponse:
    form = AmbitionForm(
        _posted(request),
        initial=AmbitionForm.initial_from(ambition) if ambition else None,
        owners=permissions.editing_organisations(request.user).order_by("name"),
    )

    def save() -> Ambition:
        if ambition is None:
            return services_sessions.ambition_create(actor=request.user, data=form.data_for_service())
        data = form.data_for_service(is_fictitious=ambition.is_fictitious)
        return services_sessions.ambition_update(actor=request.user, ambition=ambition, data=data)

    return _save_form(
        request,
        form,
        save=save,
        saved=_("The ambition has been saved."),
        template="practice/ambition_form.html",
        context={"ambition": ambition},
    )


@login_required
@require_http_methods(["GET", "POST"])
def ambition_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    return _ambition_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def ambition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _ambition_form(request, selectors_sessions.ambition_for_edit(user=request.user, pk=pk))


@login_required
@require_POST
def ambition_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    ambition = selectors_sessions.ambition_for_edit(user=request.user, pk=pk)
    form = AmbitionActionForm(request.POST)
    if form.is_valid():
        try:
            services_sessions.ambition_action_add(actor=request.user, ambition=ambition, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The action has been added."))
            return redirect(ambition)
    return _ambition_page(request, selectors_sessions.ambition_get(pk=pk), action_form=form, status=400)


@login_required
@require_POST
def progress_add(request: HttpRequest, pk: int) -> HttpResponse:
    ambition = selectors_sessions.ambition_for_edit(user=request.user, pk=pk)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services_sessions.progress_update_add(actor=request.user, ambition=ambition, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The progress has been recorded."))
            return redirect(ambition)
    return _ambition_page(request, selectors_sessions.ambition_get(pk=pk), progress_form=form, status=400)
