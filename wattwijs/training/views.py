from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.core.forms import add_service_errors
from wattwijs.core.pagination import paginate
from wattwijs.core.querystrings import QueryLinks
from wattwijs.framework import selectors as framework_selectors
from wattwijs.framework.models import WorkProcess
from wattwijs.training import exports, pdfs, permissions, selectors, services
from wattwijs.training.forms import (
    GapQualificationForm,
    OfferFilterForm,
    OfferForm,
    OverlapMarkForm,
    PriorityThemesForm,
)
from wattwijs.training.models import OverlapVerdict
from wattwijs.training.selectors import OfferFilters

FACET_TITLES = {
    "status": gettext_lazy("Status"),
    "kind": gettext_lazy("Kind"),
    "level": gettext_lazy("Level"),
    "target": gettext_lazy("Target group"),
    "theme": gettext_lazy("Theme"),
    "region": gettext_lazy("Region"),
}
# The filters a cell link and the map keep; the dimensions of the map are set per cell.
MATRIX_FILTERS = ("level", "target", "kind", "status")


def _query(links: QueryLinks) -> str:
    """The current query string (without the page), or nothing."""
    url = links.url()
    return url if url.startswith("?") else ""


def _filters(request: HttpRequest) -> tuple[OfferFilterForm, OfferFilters]:
    form = OfferFilterForm(request.GET)
    return form, form.filters()


@require_GET
def offer_list(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    facets = selectors.offer_facets(filters)
    page = paginate(request, selectors.offer_list(filters), count=facets.total)
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
    labels["status"] = dict(form.fields["status"].choices)  # type: ignore[attr-defined]
    chips = [
        {"label": str(labels.get(name, {}).get(value, value)), "url": links.url(**{name: None})}
        for name in ("q", *FACET_TITLES, "provider")
        if (value := getattr(filters, name))
    ]
    context = {
        "form": form,
        "filters": filters,
        "facet_groups": facet_groups,
        "page": page,
        "chips": chips,
        "export_url": reverse("training:export_xlsx", kwargs={"what": "aanbod"}) + _query(links),
        "pdf_url": reverse("training:export_pdf", kwargs={"what": "aanbod"}) + _query(links),
        "can_create": permissions.can_create_offer(request.user),
    }
    template = "training/_offer_results.html" if getattr(request, "htmx", False) else "training/offer_list.html"
    return render(request, template, context)


@require_GET
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = selectors.offer_get(pk=pk)
    return render(
        request,
        "training/offer_detail.html",
        {
            "offer": offer,
            "alignments": framework_selectors.alignments_of(obj=offer),
            "can_edit": permissions.can_edit_offer(request.user, offer),
        },
    )


def _work_processes() -> QuerySet[WorkProcess] | None:
    version = framework_selectors.current_version()
    return framework_selectors.work_processes_of_version(version) if version else None


def _save_offer(request: HttpRequest, form: OfferForm, offer: Any = None) -> HttpResponse | None:
    """Validate and save through the service; None when the form must be shown again with its errors."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        if offer is None:
            offer = services.offer_create(actor=request.user, data=form.data_for_service())
        else:
            offer = services.offer_update(
                actor=request.user, offer=offer, data=form.data_for_service(is_fictitious=offer.is_fictitious)
            )
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, _("The offer has been saved."))
    return redirect(offer)


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_offer(request.user):
        raise PermissionDenied
    form = OfferForm(
        request.POST if request.method == "POST" else None,
        providers=permissions.providing_organisations(request.user).order_by("name"),
        work_processes=_work_processes(),
    )
    response = _save_offer(request, form)
    if response is not None:
        return response
    status = 400 if request.method == "POST" else 200
    return render(request, "training/offer_form.html", {"form": form, "offer": None}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = selectors.offer_for_edit(user=request.user, pk=pk)
    form = OfferForm(
        request.POST if request.method == "POST" else None,
        initial=OfferForm.initial_from(offer, framework_selectors.alignments_of(obj=offer)),
        providers=permissions.providing_organisations(request.user).order_by("name"),
        work_processes=_work_processes(),
    )
    response = _save_offer(request, form, offer)
    if response is not None:
        return response
    status = 400 if request.method == "POST" else 200
    return render(request, "training/offer_form.html", {"form": form, "offer": offer}, status=status)


@login_required
@require_GET
def own_offers(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_offer(request.user):
        raise PermissionDenied
    page = paginate(request, selectors.own_offers(user=request.user))
    return render(request, "training/own_offers.html", {"page": page})


def _cell_url_builder(request: HttpRequest, filters: OfferFilters) -> Any:
    """Links to the filtered list behind each cell; the part every cell shares is encoded once."""
    kept = urlencode({name: getattr(filters, name) for name in MATRIX_FILTERS if getattr(filters, name)})
    prefix = reverse("training:offer_list") + "?" + (f"{kept}&" if kept else "")

    def cell_url(row_dimension: str, row_key: str, column_dimension: str, column_key: str) -> str:
        return f"{prefix}{row_dimension}={quote(row_key)}&{column_dimension}={quote(column_key)}"

    return cell_url


ROWS_TITLES = {"theme": gettext_lazy("Offers per theme"), "region": gettext_lazy("Offers per region")}
ROWS_CAPTIONS = {
    "theme": gettext_lazy("Offers available and in development per theme; a main theme counts its sub-themes too"),
    "region": gettext_lazy("Offers available and in development per region"),
}
ROWS_DIMENSIONS = {"theme": gettext_lazy("Theme"), "region": gettext_lazy("Region")}


def _finding(rows: list[tuple[str, int, int]]) -> str:
    """The title of a chart of (label, available, in development): which row has the most offers."""
    label, available, developing = max(rows, key=lambda row: row[1] + row[2], default=("", 0, 0))
    if not available + developing:
        return _("No offers match these filters.")
    return _("%(name)s has the most offers: %(available)s available and %(developing)s in development.") % {
        "name": label,
        "available": available,
        "developing": developing,
    }


def _matrix_context(request: HttpRequest) -> dict[str, Any]:
    form, filters = _filters(request)
    layout = form.layout()
    matrix = selectors.matrix(filters=filters, layout=layout, cell_url=_cell_url_builder(request, filters))
    links = QueryLinks(request)
    query = _query(links)
    return {
        "form": form,
        "filters": filters,
        "matrix": matrix,
        "layouts": [
            {"value": value, "label": label, "url": links.url(indeling=value), "current": value == layout}
            for value, label in form.fields["indeling"].choices  # type: ignore[attr-defined]
        ],
        "totals": {
            "title": ROWS_TITLES[matrix.row_dimension],
            "caption": ROWS_CAPTIONS[matrix.row_dimension],
            "dimension": ROWS_DIMENSIONS[matrix.row_dimension],
            "finding": _finding([(t.header.label, t.available, t.developing) for t in matrix.row_totals]),
        },
        "export_url": reverse("training:export_xlsx", kwargs={"what": "schema"}) + query,
        "pdf_url": reverse("training:export_pdf", kwargs={"what": "schema"}) + query,
        "print_url": reverse("training:print") + query,
    }


@require_GET
def matrix(request: HttpRequest) -> HttpResponse:
    return render(request, "training/matrix.html", _matrix_context(request))


OVERLAP_VERDICT_FILTERS = {"open": gettext_lazy("Not judged yet"), **dict(OverlapVerdict.choices)}


def _overlap_filters(request: HttpRequest) -> tuple[Any, str]:
    # An unknown region code shows every pair rather than an error page: the choice list only offers real ones.
    region = selectors.region_find(code=request.GET.get("region", "")[:10])
    verdict = request.GET.get("oordeel", "")
    return region, verdict if verdict in OVERLAP_VERDICT_FILTERS else ""


@require_GET
def overlap_list(request: HttpRequest) -> HttpResponse:
    region, verdict = _overlap_filters(request)
    pairs = selectors.overlap_filter(selectors.overlap_pairs(), region=region, verdict=verdict)
    page = Paginator(pairs, 20).get_page(request.GET.get("page"))
    rows = selectors.overlap_rows(list(page.object_list))
    links = QueryLinks(request)
    return render(
        request,
        "training/overlap_list.html",
        {
            "page": page,
            "rows": rows,
            "region": region,
            "regions": selectors.regions_for_choice(),
            "verdict": verdict,
            "verdicts": [
                {"value": value, "label": label, "url": links.url(oordeel=value), "current": value == verdict}
                for value, label in OVERLAP_VERDICT_FILTERS.items()
            ],
            "all_url": links.url(oordeel=None),
            "pdf_url": reverse("training:export_pdf", kwargs={"what": "overlap"}) + _query(links),
            "can_mark": permissions.can_mark_overlap(request.user),
            "mark_form": OverlapMarkForm(),
            "next": request.get_full_path(),
        },
    )


@login_required
@require_POST
def overlap_mark(request: HttpRequest, first: int, second: int) -> HttpResponse:
    if not permissions.can_mark_overlap(request.user):
        raise PermissionDenied
    offer_a, offer_b = selectors.overlap_pair_get(first=first, second=second)
    form = OverlapMarkForm(request.POST)
    next_url = request.POST.get("next", "")
    if not next_url.startswith("/opleidingen/overlap/"):
        next_url = reverse("training:overlap_list")
    if not form.is_valid():
        messages.error(request, _("Choose intended or to be aligned."))
        return redirect(next_url)
    try:
        services.overlap_mark(
            actor=request.user,
            first=offer_a,
            second=offer_b,
            verdict=form.cleaned_data["verdict"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your verdict on this pair has been saved."))
    return redirect(next_url)


@require_GET
def gap_list(request: HttpRequest) -> HttpResponse:
    return render(request, "training/gap_list.html", {"rows": selectors.all_region_gaps()})


def _region_page(request: HttpRequest, code: str, priorities_form: PriorityThemesForm | None = None) -> HttpResponse:
    region = selectors.region_get(code=code)
    qualification_form = GapQualificationForm(request.GET, qualifications=selectors.qualifications_for_gaps())
    qualification = qualification_form.cleaned_data.get("kwalificatie") if qualification_form.is_valid() else None
    can_set = permissions.can_set_priorities(request.user, region)
    supply = selectors.region_theme_supply(region=region)
    gaps_pdf_url = reverse("training:region_gaps_pdf", kwargs={"code": region.code})
    if qualification is not None:
        gaps_pdf_url += "?" + urlencode({"kwalificatie": request.GET.get("kwalificatie", "")})
    return render(
        request,
        "training/region_detail.html",
        {
            "region": region,
            "summary": selectors.region_summary(region=region),
            "supply": supply,
            "supply_finding": _finding([(row.theme.name, row.available, row.developing) for row in supply]),
            "gaps_pdf_url": gaps_pdf_url,
            "developers": selectors.region_developers(region=region),
            "gaps": selectors.region_gaps(region=region, qualification=qualification),
            "qualification_form": qualification_form,
            "can_set_priorities": can_set,
            "priorities_form": priorities_form
            or (
                PriorityThemesForm(initial={"themes": selectors.region_priority_theme_codes(region=region)})
                if can_set
                else None
            ),
        },
        status=400 if priorities_form is not None else 200,
    )


@require_GET
def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    return _region_page(request, code)


@login_required
@require_POST
def region_priorities(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors.region_get(code=code)
    if not permissions.can_set_priorities(request.user, region):
        raise PermissionDenied
    form = PriorityThemesForm(request.POST)
    if not form.is_valid():
        return _region_page(request, code, priorities_form=form)
    services.region_priorities_set(actor=request.user, region=region, themes=list(form.cleaned_data["themes"]))
    messages.success(request, _("The priority themes of this region have been saved."))
    return redirect("training:region_detail", code=region.code)


@require_GET
def print_view(request: HttpRequest) -> HttpResponse:
    context = _matrix_context(request)
    context["gap_rows"] = [row for row in selectors.all_region_gaps() if row.has_gaps]
    context["overlap_rows"] = selectors.overlap_rows(selectors.overlap_pairs()[:50])
    return render(request, "training/print.html", context)


@require_GET
def export_xlsx(request: HttpRequest, what: str) -> HttpResponse:
    builders = {
        "schema": exports.matrix_workbook,
        "aanbod": exports.offers_workbook,
        "overlap": exports.overlap_workbook,
        "witte-vlekken": exports.gaps_workbook,
    }
    if what not in builders:
        raise Http404
    _form, filters = _filters(request)
    layout = OfferFilterForm(request.GET).layout()
    content = builders[what](filters=filters, layout=layout)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="opleidingsschema-{what}.xlsx"'
    return response


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_pdf(request: HttpRequest, what: str) -> HttpResponse:
    _form, filters = _filters(request)
    if what == "schema":
        content = pdfs.matrix_pdf(filters=filters, layout=OfferFilterForm(request.GET).layout())
    elif what == "aanbod":
        content = pdfs.offers_pdf(filters=filters)
    elif what == "overlap":
        region, verdict = _overlap_filters(request)
        content = pdfs.overlap_pdf(region=region, verdict=verdict)
    elif what == "witte-vlekken":
        content = pdfs.gaps_pdf()
    else:
        raise Http404
    return _pdf(content, f"opleidingsschema-{what}.pdf")


@require_GET
def region_gaps_pdf(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors.region_get(code=code)
    form = GapQualificationForm(request.GET, qualifications=selectors.qualifications_for_gaps())
    qualification = form.cleaned_data.get("kwalificatie") if form.is_valid() else None
    return _pdf(
        pdfs.region_gaps_pdf(region=region, qualification=qualification),
        f"witte-vlekken-{region.code.lower()}.pdf",
    )
