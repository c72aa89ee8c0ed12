from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.core.forms import add_service_errors
from wattwijs.interop import oai, permissions, selectors, services
from wattwijs.interop.forms import HarvestSourceForm


@csrf_exempt  # OAI-PMH harvesters POST form-encoded requests without a session or CSRF token
@require_http_methods(["GET", "POST"])
def oai_pmh(request: HttpRequest) -> StreamingHttpResponse:
    """The OAI-PMH 2.0 provider: answers GET and POST (application/x-www-form-urlencoded) requests."""
    params = request.POST if request.method == "POST" else request.GET
    context = oai.Context(
        base_url=request.build_absolute_uri(reverse("interop:oai")),
        site_url=request.build_absolute_uri("/").rstrip("/"),
    )
    response = oai.respond(params, context)
    return StreamingHttpResponse(oai.write(response, context), content_type="text/xml; charset=utf-8")


# Harvest sources ---------------------------------------------------------------------


@login_required
@require_GET
def harvest_source_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_harvesting(request.user):
        raise PermissionDenied
    return render(
        request, "interop/harvest_source_list.html", {"sources": selectors.harvest_sources(user=request.user)}
    )


@login_required
@require_GET
def harvest_source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = selectors.harvest_source_get(user=request.user, pk=pk)
    return render(
        request,
        "interop/harvest_source_detail.html",
        {"source": source, "runs": selectors.harvest_runs(source=source)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def harvest_source_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_harvesting(request.user):
        raise PermissionDenied
    form = HarvestSourceForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            source = services.harvest_source_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The harvest source has been added."))
            return redirect(source)
    return render(request, "interop/harvest_source_form.html", {"form": form, "source": None})


@login_required
@require_http_methods(["GET", "POST"])
def harvest_source_edit(request: HttpRequest, pk: int) -> HttpResponse:
    source = selectors.harvest_source_get(user=request.user, pk=pk)
    form = HarvestSourceForm(request.POST if request.method == "POST" else None, instance=source, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.harvest_source_update(actor=request.user, source=source, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The harvest source has been saved."))
            return redirect(source)
    return render(request, "interop/harvest_source_form.html", {"form": form, "source": source})


@login_required
@require_POST
def harvest_source_harvest(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Harvest now": put a harvest on the task queue; the source page shows it."""
    source = selectors.harvest_source_get(user=request.user, pk=pk)
    try:
        services.harvest_enqueue(actor=request.user, source=source)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The harvest has been queued. Refresh this page to see its progress."))
    return redirect(source)
