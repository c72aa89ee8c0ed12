from __future__ import annotations

import csv
import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.core.forms import add_service_errors
from wattwijs.core.models import Region
from wattwijs.core.pagination import paginate
from wattwijs.framework import selectors as framework_selectors
from wattwijs.framework.models import FrameworkUnit, WorkProcess
from wattwijs.pathways import exports, permissions, selectors, services
from wattwijs.pathways.forms import (
    ActionPointForm,
    CandidateFilterForm,
    CheckpointForm,
    ConsentForm,
    ContactForm,
    EditForm,
    EraseForm,
    LearningPlaceForm,
    MoveForm,
    OrientationForm,
    PlacementForm,
    RegisterForm,
)
from wattwijs.pathways.models import (
    ActionPoint,
    Candidate,
    Chain,
    Consent,
    DropoutReason,
    LearningPlace,
    ReferralSource,
)
from wattwijs.pathways.permissions import Access
from wattwijs.pathways.selectors import CandidateFilters


def _work_processes() -> Any:
    version = framework_selectors.current_version()
    if version is None:
        return WorkProcess.objects.none()
    return framework_selectors.work_processes_of_version(version)


def _filters(request: HttpRequest, form: CandidateFilterForm, chain: str = "") -> CandidateFilters:
    if not form.is_valid():
        return CandidateFilters(chain=chain)
    data = form.cleaned_data
    coach = data.get("coach")
    theme = data.get("theme")
    return CandidateFilters(
        theme=theme.code if theme else "",
        q=data.get("q") or "",
        chain=chain or request.GET.get("keten", ""),
        stage=data.get("stage") or "",
        coach=coach.pk if coach else None,
        source=data.get("source") or "",
    )


# Chains ---------------------------------------------------------------------------


@require_GET
def chain_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pathways/chain_list.html",
        {"chains": selectors.chain_list(), "can_register": permissions.can_register(request.user)},
    )


@require_GET
def chain_detail(request: HttpRequest, slug: str) -> HttpResponse:
    chain = selectors.chain_get(slug=slug)
    can_coordinate = permissions.can_coordinate(request.user, chain)
    return render(
        request,
        "pathways/chain_detail.html",
        {
            "chain": chain,
            "overview": selectors.chain_overview(chain=chain),
            "can_coordinate": can_coordinate,
            "placements": selectors.current_placements(chain=chain) if can_coordinate else [],
        },
    )


@login_required
@require_GET
def board(request: HttpRequest, slug: str) -> HttpResponse:
    chain = selectors.chain_get(slug=slug)
    coaches = selectors.coaches_of(chain=chain)
    form = CandidateFilterForm(request.GET, coaches=coaches)
    filters = _filters(request, form, chain=chain.slug)
    columns = selectors.board(user=request.user, chain=chain, filters=filters)
    services.candidate_list_view_record(
        actor=request.user, candidates=[card for column in columns for card in column.cards], where="board"
    )
    return render(
        request,
        "pathways/board.html",
        {
            "chain": chain,
            "columns": columns,
            "form": form,
            "total": sum(column.count for column in columns),
            "long_days": selectors.LONG_IN_STAGE_DAYS,
            # The same options on every card: rendered once rather than once per card.
            "reason_options": format_html_join(
                "", '<option value="{}">{}</option>', ((value, str(label)) for value, label in DropoutReason.choices)
            ),
            "next_path": request.get_full_path(),
        },
    )


# Candidates -----------------------------------------------------------------------


@login_required
@require_GET
def candidate_list(request: HttpRequest) -> HttpResponse:
    form = CandidateFilterForm(request.GET, coaches=selectors.coaches_of())
    filters = _filters(request, form)
    counts = selectors.candidate_stage_counts(user=request.user, filters=filters)
    page = paginate(request, selectors.candidate_list(user=request.user, filters=filters), count=sum(counts.values()))
    services.candidate_list_view_record(actor=request.user, candidates=list(page.object_list), where="list")
    return render(
        request,
        "pathways/candidate_list.html",
        {
            "form": form,
            "page": page,
            "can_register": permissions.can_register(request.user),
            "sources": ReferralSource,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def candidate_create(request: HttpRequest) -> HttpResponse:
    chains = selectors.chains_for_registration(user=request.user)
    if not chains:
        raise PermissionDenied
    partners = selectors.chain_partners(chains=chains)
    form = RegisterForm(
        request.POST or None,
        chains=chains,
        partners=partners,
        work_processes=_work_processes(),
        coaches=selectors.coaches_of(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate = services.candidate_register(
                actor=request.user,
                chain=data["chain"],
                data=data,
                themes=data["themes"],
                work_processes=data["competences"],
                consent_purpose=data["consent_purpose"] if data["consent_given"] else "",
                consent_partners=data["consent_partners"] if data["consent_given"] else [],
                consent_level=data["consent_level"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The candidate has been registered."))
            return redirect(candidate)
    return render(request, "pathways/candidate_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_GET
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    candidate, access = selectors.candidate_get(user=request.user, pk=pk)
    services.candidate_view_record(actor=request.user, candidate=candidate)
    file = selectors.candidate_file(candidate=candidate, access=access)
    can_edit = access == Access.FULL and permissions.can_edit_candidate(request.user, candidate)
    can_add_records = access == Access.FULL and (can_edit or permissions.can_add_records(request.user, candidate))
    can_coordinate = permissions.can_coordinate(request.user, candidate.chain)
    context: dict[str, Any] = {
        "file": file,
        "candidate": candidate,
        "can_edit": can_edit,
        "can_add_records": can_add_records,
        "can_coordinate": can_coordinate,
    }
    if can_add_records:
        context["orientation_form"] = OrientationForm(
            prefix="orientation", hosts=selectors.chain_partners(chains=[candidate.chain])
        )
        context["contact_form"] = ContactForm(prefix="contact")
    if can_edit:
        context["move_form"] = MoveForm(initial={"version": candidate.version})
        context["next_stages"] = services.allowed_next_stages(candidate.stage)
        context["consent_form"] = ConsentForm(
            prefix="consent", partners=selectors.chain_partners(chains=[candidate.chain])
        )
        context["action_form"] = ActionPointForm(prefix="action")
        for placement in file.placements:
            placement.checkpoint_form = CheckpointForm(prefix=f"checkpoint-{placement.pk}")  # type: ignore[attr-defined]
    if can_coordinate:
        context["placement_form"] = PlacementForm(
            prefix="placement", places=selectors.learning_place_list(chain=candidate.chain)
        )
        context["access_entries"] = selectors.access_log(candidate=candidate)[:20]
    return render(request, "pathways/candidate_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def candidate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get_editable(user=request.user, pk=pk)
    form = EditForm(
        request.POST or None,
        instance=candidate,
        initial={"version": candidate.version},
        work_processes=_work_processes(),
        coaches=selectors.coaches_of(),
    )
    if request.method == "GET":
        services.candidate_view_record(actor=request.user, candidate=candidate, what="edit")
        form.initial["competences"] = [
            wp.pk for wp in selectors.candidate_file(candidate=candidate, access=Access.FULL).competences
        ]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The model form filled in the instance; the service writes from the data, not from the instance.
        fresh = Candidate.objects.select_related("chain__coordinating_organisation").get(pk=candidate.pk)
        try:
            services.candidate_update(
                actor=request.user,
                candidate=fresh,
                version=data["version"],
                data=data,
                themes=data["themes"],
                work_processes=data["competences"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(fresh)
    return render(
        request,
        "pathways/candidate_form.html",
        {"form": form, "candidate": candidate},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def candidate_move(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get_editable(user=request.user, pk=pk)
    form = MoveForm(request.POST)
    back = request.POST.get("next") or candidate.get_absolute_url()
    if not back.startswith("/"):
        back = candidate.get_absolute_url()
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.candidate_move(
                actor=request.user,
                candidate=candidate,
                to_stage=data["to_stage"],
                version=data["version"],
                note=data["note"],
                reason=data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The candidate has moved to the stage “%(stage)s”.") % {"stage": candidate.get_stage_display()},
            )
    else:
        messages.error(request, _("Choose a stage to move the candidate to."))
    return redirect(back)


def _post_and_back(request: HttpRequest, candidate: Candidate, action: Any, success: str) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(candidate)


def _form_error(request: HttpRequest, candidate: Candidate, form: Any) -> HttpResponse:
    errors = [
        f"{form.fields[name].label if name in form.fields else ''}: {' '.join(e)}".lstrip(": ")
        for name, e in form.errors.items()
    ]
    messages.error(request, " ".join(errors))
    return redirect(candidate)


@login_required
@require_POST
def consent_give(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get_editable(user=request.user, pk=pk)
    form = ConsentForm(request.POST, prefix="consent", partners=selectors.chain_partners(chains=[candidate.chain]))
    if not form.is_valid():
        return _form_error(request, candidate, form)
    data = form.cleaned_data
    return _post_and_back(
        request,
        candidate,
        lambda: services.consent_give(
            actor=request.user,
            candidate=candidate,
            purpose=data["purpose"],
            partners=data["partners"],
            level=data["level"],
        ),
        _("The consent has been recorded."),
    )


@login_required
@require_POST
def consent_withdraw(request: HttpRequest, pk: int, consent_pk: int) -> HttpResponse:
    candidate = selectors.candidate_get_editable(user=request.user, pk=pk)
    consent = (
        Consent.objects.select_related("candidate__chain__coordinating_organisation")
        .filter(candidate=candidate, pk=consent_pk)
        .first()
    )
    if consent is None:
        raise PermissionDenied
    return _post_and_back(
        request,
        candidate,
        lambda: services.consent_withdraw(actor=request.user, consent=consent),
        _("The consent has been withdrawn. Partners no longer see this file."),
    )


@login_required
@require_POST
def orientation_add(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get_for_records(user=request.user, pk=pk)
    form = OrientationForm(request.POST, prefix="orientation", hosts=selectors.chain_partners(chains=[candidate.chain]))
    if not form.is_valid():
        return _form_error(request, candidate, form)
    return _post_and_back(
        request,
        candidate,
        lambda: services.orientation_add(actor=request.user, candidate=candidate, data=form.cleaned_data),
        _("The orientation activity has been added."),
    )


@login_required
@require_POST
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get_for_records(user=request.user, pk=pk)
    form = ContactForm(request.POST, prefix="contact")
    if not form.is_valid():
        return _form_error(request, candidate, form)
    return _post_and_back(
        request,
        candidate,
        lambda: services.contact_add(actor=request.user, candidate=candidate, **form.cleaned_data),
        _("The contact moment has been added."),
    )


@login_required
@require_POST
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get_editable(user=request.user, pk=pk)
    form = ActionPointForm(request.POST, prefix="action")
    if not form.is_valid():
        return _form_error(request, candidate, form)
    return _post_and_back(
        request,
        candidate,
        lambda: services.action_add(actor=request.user, candidate=candidate, **form.cleaned_data),
        _("The action point has been added."),
    )


@login_required
@require_POST
def action_done(request: HttpRequest, pk: int, point_pk: int) -> HttpResponse:
    candidate = selectors.candidate_get_editable(user=request.user, pk=pk)
    point = (
        ActionPoint.objects.select_related("candidate__chain__coordinating_organisation")
        .filter(candidate=candidate, pk=point_pk)
        .first()
    )
    if point is None:
        raise PermissionDenied
    return _post_and_back(
        request,
        candidate,
        lambda: services.action_done(actor=request.user, point=point),
        _("The action point is done."),
    )


@login_required
@require_POST
def placement_create(request: HttpRequest, pk: int) -> HttpResponse:
    candidate, _access = selectors.candidate_get(user=request.user, pk=pk)
    if not permissions.can_coordinate(request.user, candidate.chain):
        raise PermissionDenied
    form = PlacementForm(request.POST, prefix="placement", places=selectors.learning_place_list(chain=candidate.chain))
    if not form.is_valid():
        return _form_error(request, candidate, form)
    data = form.cleaned_data
    return _post_and_back(
        request,
        candidate,
        lambda: services.placement_create(
            actor=request.user,
            candidate=candidate,
            learning_place=data["learning_place"],
            start_date=data["start_date"],
        ),
        _("The candidate has been placed."),
    )


@login_required
@require_POST
def checkpoint_add(request: HttpRequest, pk: int) -> HttpResponse:
    placement = selectors.placement_get(user=request.user, pk=pk)
    candidate = placement.candidate
    if candidate is None:  # placement_get refuses these already; this keeps the type narrow
        raise PermissionDenied
    form = CheckpointForm(request.POST, prefix=f"checkpoint-{placement.pk}")
    if not form.is_valid():
        return _form_error(request, candidate, form)
    data = form.cleaned_data
    return _post_and_back(
        request,
        candidate,
        lambda: services.checkpoint_record(actor=request.user, placement=placement, **data),
        _("The aftercare checkpoint has been recorded."),
    )


@login_required
@require_GET
def candidate_export(request: HttpRequest, pk: int) -> HttpResponse:
    candidate, _access = selectors.candidate_get(user=request.user, pk=pk)
    data = services.candidate_export(actor=request.user, candidate=candidate)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{candidate.reference}.json"'
    return response


@login_required
@require_GET
def candidate_export_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    candidate, _access = selectors.candidate_get(user=request.user, pk=pk)
    data = services.candidate_export(actor=request.user, candidate=candidate, form="pdf")
    response = HttpResponse(exports.candidate_export_pdf(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{candidate.reference}.pdf"'
    return response


@login_required
@require_GET
def candidate_export_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The same export as a page to print or save as PDF from the browser."""
    candidate, _access = selectors.candidate_get(user=request.user, pk=pk)
    data = services.candidate_export(actor=request.user, candidate=candidate, form="print")
    sections = {
        key: value for key, value in data.items() if isinstance(value, list) and value and isinstance(value[0], dict)
    }
    fields = {key: value for key, value in data.items() if key not in sections and not isinstance(value, list)}
    lists = {key: value for key, value in data.items() if isinstance(value, list) and key not in sections}
    return render(
        request,
        "pathways/candidate_export.html",
        {"candidate": candidate, "fields": fields, "lists": lists, "sections": sections},
    )


@login_required
@require_http_methods(["GET", "POST"])
def candidate_erase(request: HttpRequest, pk: int) -> HttpResponse:
    candidate, _access = selectors.candidate_get(user=request.user, pk=pk)
    if not permissions.can_coordinate(request.user, candidate.chain):
        raise PermissionDenied
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        chain = candidate.chain
        services.candidate_erase(actor=request.user, candidate=candidate)
        messages.success(request, _("All personal data of the candidate has been erased."))
        return redirect(reverse("pathways:board", kwargs={"slug": chain.slug}))
    return render(
        request,
        "pathways/candidate_erase.html",
        {"candidate": candidate, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def access_log(request: HttpRequest, pk: int) -> HttpResponse:
    candidate, _access = selectors.candidate_get(user=request.user, pk=pk)
    if not permissions.can_coordinate(request.user, candidate.chain):
        raise PermissionDenied
    page = paginate(request, selectors.access_log(candidate=candidate))
    return render(request, "pathways/access_log.html", {"candidate": candidate, "page": page})


# Learning places ------------------------------------------------------------------


@login_required
@require_GET
def aftercare_to_do(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    checkpoints = selectors.aftercare_to_do(user=request.user, today=today)
    services.candidate_list_view_record(
        actor=request.user,
        candidates=list({item.candidate.pk: item.candidate for item in checkpoints}.values()),
        where="aftercare",
    )
    return render(request, "pathways/aftercare_to_do.html", {"checkpoints": checkpoints, "today": today})


@require_GET
def learning_place_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.learning_place_list())
    context = {
        "page": page,
        "can_offer": permissions.can_offer_places(request.user),
        "manageable": selectors.manageable_place_ids(user=request.user, places=page.object_list),
    }
    return render(request, "pathways/learning_place_list.html", context)


@require_GET
def learning_place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    place = selectors.learning_place_get(pk=pk)
    context = {
        "place": place,
        "requirements": framework_selectors.alignments_of(obj=place),
        "can_manage": permissions.can_manage_place(request.user, place),
    }
    return render(request, "pathways/learning_place_detail.html", context)


def _units() -> Any:
    version = framework_selectors.current_version()
    if version is None:
        return FrameworkUnit.objects.none()
    return framework_selectors.units_of_version(version=version)


@login_required
@require_http_methods(["GET", "POST"])
def learning_place_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_offer_places(request.user):
        raise PermissionDenied
    form = LearningPlaceForm(
        request.POST or None,
        offers=selectors.place_offers(user=request.user),
        work_processes=_work_processes(),
        units=_units(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            place = services.learning_place_create(
                actor=request.user,
                chain=data["chain"],
                organisation=data["organisation"],
                data=data,
                work_processes=data["work_processes"],
                units=data["units"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The learning place has been added."))
            return redirect(place)
    return render(request, "pathways/learning_place_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def learning_place_edit(request: HttpRequest, pk: int) -> HttpResponse:
    place = selectors.learning_place_get_manageable(user=request.user, pk=pk)
    requirements = framework_selectors.alignments_of(obj=place)
    form = LearningPlaceForm(
        request.POST or None,
        instance=place,
        initial={
            "work_processes": [wp.pk for wp in requirements["work_process"]],
            "units": [unit.pk for unit in requirements["unit"]],
        },
        offers=None,
        work_processes=_work_processes(),
        units=_units(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The model form filled in the instance; the service writes from the data, onto a fresh copy.
        fresh = LearningPlace.objects.select_related("organisation", "chain").get(pk=place.pk)
        try:
            services.learning_place_update(
                actor=request.user,
                place=fresh,
                data=data,
                work_processes=data["work_processes"],
                units=data["units"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(fresh)
    return render(
        request,
        "pathways/learning_place_form.html",
        {"form": form, "place": place},
        status=400 if form.errors else 200,
    )


# Dashboard ------------------------------------------------------------------------


def _dashboard_scope(request: HttpRequest, slug: str | None) -> tuple[Chain | None, Region | None]:
    if not permissions.can_view_dashboard(request.user):
        raise PermissionDenied
    chain = (
        selectors.chain_get(slug=slug or request.GET.get("keten", "")) if (slug or request.GET.get("keten")) else None
    )
    region = Region.objects.filter(code=request.GET.get("regio", "")).first() if chain is None else None
    return chain, region


@login_required
@require_GET
def dashboard(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    chain, region = _dashboard_scope(request, slug)
    data = selectors.dashboard(chain=chain, region=region)
    return render(
        request,
        "pathways/dashboard.html",
        {
            "chain": chain,
            "region": region,
            "data": data,
            "over_time": selectors.dashboard_over_time(chain=chain, region=region),
            "chains": selectors.chain_list(),
            "regions": Region.objects.filter(chains__isnull=False).distinct().order_by("name"),
            "suppress_below": selectors.SUPPRESS_BELOW,
        },
    )


@login_required
@require_GET
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    chain, region = _dashboard_scope(request, None)
    data = selectors.dashboard(chain=chain, region=region)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="transitiehuis-dashboard.csv"'
    writer = csv.writer(response)

    def cell(value: Any) -> str:
        return "<5" if value is None else str(value)

    writer.writerow(["table", "stage", "measure", "value"])
    for row in data.funnel:
        writer.writerow(["funnel", row.stage, "reached", cell(row.reached)])
        writer.writerow(["funnel", row.stage, "conversion_percent", "" if row.conversion is None else row.conversion])
        writer.writerow(["funnel", row.stage, "median_days", "" if row.median_days is None else row.median_days])
        writer.writerow(["funnel", row.stage, "dropped_out", cell(row.dropped_out)])
    for stage, reason, n in data.dropout_reasons:
        writer.writerow(["dropout", stage, reason, cell(n)])
    for month, checked, working, percent in data.sustainable:
        writer.writerow(["sustainable", f"{month}m", "checked", cell(checked)])
        writer.writerow(["sustainable", f"{month}m", "working", cell(working)])
        writer.writerow(["sustainable", f"{month}m", "percent", "" if percent is None else percent])
    over_time = selectors.dashboard_over_time(chain=chain, region=region)
    for month_row in over_time.months:
        for (stage, _label), n in zip(over_time.stages, month_row.counts, strict=True):
            writer.writerow(["per_month", month_row.month.strftime("%Y-%m"), stage, cell(n)])
    return response
