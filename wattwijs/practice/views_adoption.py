"""Pages of the self-assessment (zelfscan) and navolging: who follows which practice, and how practices spread."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.core.forms import add_service_errors
from wattwijs.core.models import Region
from wattwijs.core.pagination import paginate
from wattwijs.core.permissions import AnyUser, is_platform_admin
from wattwijs.practice import permissions, selectors_adoption, services_adoption
from wattwijs.practice.forms_adoption import AdoptionForm, AssessmentForm, RegionChoiceForm
from wattwijs.practice.models import Adoption, AdoptionStatus, Practice
from wattwijs.practice.selectors_adoption import MIN_REGIONS_FOR_AVERAGE, STATUS_COLUMNS

SPREAD_PAGE_SIZE = 25


# Self-assessment --------------------------------------------------------------------------------------


@require_GET
def assessment_start(request: HttpRequest) -> HttpResponse:
    form = RegionChoiceForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("practice:region_profile", code=form.cleaned_data["region"].code)
    return render(
        request,
        "practice/assessment_start.html",
        {
            "form": form,
            "regions": selectors_adoption.assessment_regions(),
            "own_region_ids": permissions.acting_region_ids(request.user),
        },
    )


@require_GET
def region_profile(request: HttpRequest, code: str) -> HttpResponse:
    """A region's own scores, notes and progress only for those who may assess it; others see the dates."""
    region = selectors_adoption.region_get(code)
    if not permissions.can_act_for_region(request.user, region.pk):
        return render(
            request,
            "practice/region_assessments_public.html",
            {"region": region, "dates": selectors_adoption.assessment_dates(region)},
        )
    return render(
        request,
        "practice/region_profile.html",
        {
            "profile": selectors_adoption.region_profile(region),
            "region": region,
            "min_regions": MIN_REGIONS_FOR_AVERAGE,
            "can_assess": True,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_create(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors_adoption.region_get(code)
    if not permissions.can_act_for_region(request.user, region.pk):
        raise PermissionDenied
    form = AssessmentForm(
        request.POST if request.method == "POST" else None,
        initial={"assessed_on": timezone.localdate()},
        organisations=permissions.region_organisations(request.user, region.pk).order_by("name"),
        groups=selectors_adoption.assessment_factors(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services_adoption.assessment_create(
                actor=request.user,
                region=region,
                assessed_on=form.cleaned_data["assessed_on"],
                assessed_by=form.cleaned_data["assessed_by"],
                scores=form.scores(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The self-assessment has been saved."))
            return redirect("practice:region_profile", code=region.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "practice/assessment_form.html", {"form": form, "region": region}, status=status)


# Navolging --------------------------------------------------------------------------------------------


def _acting_regions(user: AnyUser) -> QuerySet[Region]:
    if is_platform_admin(user):
        return Region.objects.order_by("name")
    return Region.objects.filter(pk__in=permissions.acting_region_ids(user)).order_by("name")


def _adoption_form(
    request: HttpRequest, practice: Practice, adoption: Adoption | None, regions: QuerySet[Region]
) -> HttpResponse:
    form = AdoptionForm(
        request.POST if request.method == "POST" else None,
        initial=AdoptionForm.initial_from(adoption) if adoption else None,
        regions=regions,
        organisations=permissions.editing_organisations(request.user)
        .filter(region__in=regions)
        .distinct()
        .order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service(is_fictitious=adoption.is_fictitious if adoption else False)
        try:
            if adoption is None:
                services_adoption.adoption_save(actor=request.user, practice=practice, data=data)
            else:
                services_adoption.adoption_update(actor=request.user, adoption=adoption, data=data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: the practice example now shows that your region follows it."))
            return redirect(f"{practice.get_absolute_url()}#wie-volgt")
    status = 400 if request.method == "POST" else 200
    context: dict[str, Any] = {"form": form, "practice": practice, "adoption": adoption}
    return render(request, "practice/adoption_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def adoption_create(request: HttpRequest, slug: str) -> HttpResponse:
    practice = selectors_adoption.published_practice(slug)
    regions = _acting_regions(request.user)
    if not regions.exists():
        raise PermissionDenied
    return _adoption_form(request, practice, None, regions)


@login_required
@require_http_methods(["GET", "POST"])
def adoption_edit(request: HttpRequest, pk: int) -> HttpResponse:
    adoption = selectors_adoption.adoption_get(pk)
    if not permissions.can_act_for_region(request.user, adoption.region_id):
        raise PermissionDenied
    return _adoption_form(request, adoption.practice, adoption, Region.objects.filter(pk=adoption.region_id))


@require_GET
def spread(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors_adoption.spread_rows(), SPREAD_PAGE_SIZE)
    rows = selectors_adoption.spread_page(list(page.object_list))
    chosen = None
    similar: list[Region] = []
    slug = request.GET.get("voorbeeld", "").strip()[:220]
    if slug:
        # A link to a practice since archived or renamed still shows the overview, without the comparison.
        try:
            chosen = selectors_adoption.published_practice(slug)
        except Http404:
            chosen = None
        if chosen is not None:
            similar = selectors_adoption.similar_regions(chosen)
    labels = [AdoptionStatus(status).label for status in STATUS_COLUMNS.values()]
    return render(
        request,
        "practice/spread.html",
        {"page": page, "rows": rows, "status_labels": labels, "chosen": chosen, "similar": similar},
    )


# Following a practice ---------------------------------------------------------------------------------


@login_required
@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    practice = selectors_adoption.published_practice(slug)
    if request.POST.get("action") == "unfollow":
        services_adoption.practice_unfollow(actor=request.user, practice=practice)
        messages.success(request, _("You no longer follow this practice example."))
    else:
        services_adoption.practice_follow(actor=request.user, practice=practice)
        messages.success(request, _("You follow this practice example. You will get an e-mail when it changes."))
    return redirect(f"{practice.get_absolute_url()}#wie-volgt")
