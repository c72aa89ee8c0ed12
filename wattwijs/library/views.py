from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from wattwijs.core.forms import add_service_errors
from wattwijs.core.models import Organisation
from wattwijs.core.pagination import paginate
from wattwijs.core.querystrings import QueryLinks
from wattwijs.framework import selectors as framework_selectors
from wattwijs.framework.models import WorkProcess
from wattwijs.library import licences, permissions, selectors, services, vocabularies
from wattwijs.library.forms import AdaptationForm, CollectionForm, ResourceForm, ReturnForm, ReviewForm, SearchForm
from wattwijs.library.models import ResourceFile, ResourceVersion
from wattwijs.library.search import engine
from wattwijs.library.search.query import parse

FACET_TITLES = {
    "theme": gettext_lazy("Theme"),
    "level": gettext_lazy("Level"),
    "type": gettext_lazy("Kind of material"),
    "licence": gettext_lazy("Licence"),
    "language": gettext_lazy("Language"),
    "publisher": gettext_lazy("Publisher"),
    "region": gettext_lazy("Region"),
    "qualification": gettext_lazy("Qualification"),
    "source": gettext_lazy("Source"),
}


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
def search(request: HtmxHttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    params = form.params(request.GET)
    outcome = engine.search(params)
    page = paginate(request, outcome.documents, count=outcome.total)
    links = QueryLinks(request)
    facet_groups = []
    for group in engine.FACET_GROUPS:
        selected = set(params.filters.get(group, ()))
        values = [
            {
                "label": selectors.facet_value_label(item.facet),
                "count": item.count,
                "selected": item.value in selected,
                "url": links.url(**{group: None if item.value in selected else item.value}),
            }
            for item in outcome.facets.get(group, [])
        ]
        if values:
            facet_groups.append({"name": group, "title": FACET_TITLES[group], "values": values})
    chips = [
        {
            "label": selectors.facet_value_label(outcome.facet_info[(group, value)])
            if (group, value) in outcome.facet_info
            else value,
            "url": links.url(**{group: None}),
        }
        for group, values in params.filters.items()
        for value in values
    ]
    if params.q:
        chips.insert(0, {"label": f"“{params.q}”", "url": links.url(q=None)})
    rows = selectors.result_rows(list(page.object_list), outcome.query, outcome.tables)
    nothing_found = outcome.total == 0 and bool(params.q)
    context = {
        "form": form,
        "params": params,
        "page": page,
        "rows": rows,
        "facet_groups": facet_groups,
        "chips": chips,
        "sort": params.effective_sort,
        "relaxed": outcome.relaxed,
        "suggestions": engine.did_you_mean(outcome.query) if nothing_found else [],
        "themes": [
            {"label": engine.facet_label(info), "url": f"?theme={info.value}"}
            for info in (engine.nearest_themes(outcome.query, outcome.tables) if nothing_found else [])
        ],
        "can_share": permissions.can_share(request.user),
        "can_moderate": permissions.moderated_organisation_ids(request.user) != [],
        "collections": selectors.collections_editable(user=request.user),
        "export_limit": settings.INTEROP_EXPORT_MAX_ROWS,
    }
    template = "library/_results.html" if request.htmx and not request.htmx.boosted else "library/search.html"
    return render(request, template, context)


@require_GET
def autocomplete(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:200]
    titles = selectors.autocomplete_titles(parse(q, prefix_last=True)) if len(q.strip()) >= 2 else []
    return render(request, "library/_autocomplete.html", {"titles": titles})


@require_GET
def resource_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.resource_get(pk=pk)
    version = selectors.version_for(user=request.user, resource=resource)
    return _version_page(request, version)


@require_GET
def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    resource = selectors.resource_get(pk=pk)
    version = selectors.version_for(user=request.user, resource=resource, number=number)
    return _version_page(request, version)


def _version_page(request: HttpRequest, version: ResourceVersion) -> HttpResponse:
    page = selectors.version_page(user=request.user, version=version)
    user = request.user
    context = {
        "page": page,
        "version": version,
        "resource": page.resource,
        "can_edit": permissions.can_edit_version(user, version),
        "can_moderate": permissions.can_moderate(user, page.resource),
        "can_new_version": version.is_published and permissions.can_start_new_version(user, page.resource),
        "return_form": ReturnForm(),
        "can_adapt": permissions.can_adapt(user) and licences.adaptation_allowed(version.licence),
        "collections": selectors.collections_editable(user=user),
        "json_ld": selectors.json_ld(page, url=request.build_absolute_uri(version.resource.get_absolute_url())),
        "language": vocabularies.language_label(version.language),
    }
    return render(request, "library/resource_detail.html", context)


def _work_processes() -> QuerySet[WorkProcess] | None:
    version = framework_selectors.current_version()
    return framework_selectors.work_processes_of_version(version) if version else None


@login_required
@require_http_methods(["GET", "POST"])
def resource_create(request: HttpRequest) -> HttpResponse:
    publishers = permissions.publishing_organisations(request.user)
    if not publishers.exists():
        raise PermissionDenied
    form = ResourceForm(
        request.POST or None, request.FILES or None, publishers=publishers, work_processes=_work_processes()
    )

    def create() -> ResourceVersion:
        return services.resource_create(
            actor=request.user,
            publisher=form.cleaned_data["publisher"],
            data=form.metadata(),
            themes=form.cleaned_data["themes"],
            authors=form.author_list(),
            alignment=_alignment(form),
        )

    saved = _save_resource_form(
        request, form, create, _("Your material has been saved as a draft. Submit it when it is ready.")
    )
    return saved or render(request, "library/resource_form.html", {"form": form, "version": None})


def _alignment(form: ResourceForm) -> services.Alignment:
    return services.Alignment(work_processes=list(form.cleaned_data.get("work_processes", [])))


def _save_resource_form(
    request: HttpRequest, form: ResourceForm, save: Callable[[], ResourceVersion], message: str
) -> HttpResponse | None:
    """Run ``save`` and store the upload in one transaction; the redirect on success, None to show the form again."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        with transaction.atomic():
            version = save()
            upload = form.cleaned_data.get("upload")
            if upload:
                services.file_attach(actor=request.user, version=version, upload=upload, checked=form.checked_file)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, message)
    return redirect(version.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def version_edit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    resource = selectors.resource_get(pk=pk)
    version = selectors.version_for(user=request.user, resource=resource, number=number)
    if not permissions.can_edit_version(request.user, version):
        raise PermissionDenied
    form = ResourceForm(
        request.POST or None,
        request.FILES or None,
        initial=ResourceForm.initial_from(version),
        # The publisher stays the same for every version of a material.
        publishers=Organisation.objects.filter(pk=resource.publisher_id),
        work_processes=_work_processes(),
    )

    def update() -> ResourceVersion:
        return services.version_update(
            actor=request.user,
            version=version,
            data=form.metadata(),
            themes=form.cleaned_data["themes"],
            authors=form.author_list(),
            alignment=_alignment(form),
        )

    saved = _save_resource_form(request, form, update, _("Your changes have been saved."))
    return saved or render(request, "library/resource_form.html", {"form": form, "version": version})


@login_required
@require_POST
def version_action(request: HttpRequest, pk: int, number: int, action: str) -> HttpResponse:
    """Submit, publish, archive or start a new version: one button each on the material's page."""
    resource = selectors.resource_get(pk=pk)
    version = selectors.version_for(user=request.user, resource=resource, number=number)
    actions = {
        "indienen": (services.version_submit, _("The material has been submitted to the moderators.")),
        "publiceren": (services.version_publish, _("The material has been published.")),
    }
    try:
        if action in actions:
            service, message = actions[action]
            service(actor=request.user, version=version)
            messages.success(request, message)
        elif action == "archiveren":
            services.resource_archive(actor=request.user, resource=resource)
            messages.success(request, _("The material has been archived."))
        elif action == "nieuwe-versie":
            draft = services.version_new_draft(actor=request.user, resource=resource)
            messages.success(request, _("A new draft version has been made. The published version stays as it is."))
            return redirect("library:version_edit", pk=resource.pk, number=draft.number)
        else:
            raise Http404
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    return redirect(version.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def version_return(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    resource = selectors.resource_get(pk=pk)
    version = selectors.version_for(user=request.user, resource=resource, number=number)
    if not permissions.can_moderate(request.user, resource):
        raise PermissionDenied
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.version_return(actor=request.user, version=version, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The material has been returned to its author."))
            return redirect("library:moderation")
    return render(request, "library/version_return.html", {"form": form, "version": version})


@login_required
@require_GET
def moderation(request: HttpRequest) -> HttpResponse:
    if permissions.moderated_organisation_ids(request.user) == []:
        raise PermissionDenied
    context = {
        "queue": paginate(request, selectors.moderation_queue(user=request.user)),
        "reviews": selectors.pending_reviews(user=request.user)[:50],
    }
    return render(request, "library/moderation.html", context)


@login_required
@require_GET
def own_work(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "library/own_work.html",
        {
            "versions": paginate(request, selectors.own_versions(user=request.user)),
            "can_share": permissions.can_share(request.user),
        },
    )


@require_GET
def file_download(request: HttpRequest, pk: int, number: int, file_id: int) -> FileResponse:
    resource = selectors.resource_get(pk=pk)
    version = selectors.version_for(user=request.user, resource=resource, number=number)
    stored = get_object_or_404(ResourceFile, pk=file_id, version=version)
    if version.is_published:
        services.download_count(resource=resource)
    inline = request.GET.get("bekijken") == "1" and stored.kind in (ResourceFile.Kind.PDF, ResourceFile.Kind.IMAGE)
    response = FileResponse(stored.file.open("rb"), as_attachment=not inline, filename=stored.name)
    response["Content-Type"] = stored.mime_type
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Reviews ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    resource = selectors.resource_get(pk=pk)
    version = selectors.version_for(user=request.user, resource=resource, number=number)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_create(
                actor=request.user, version=version, rating=form.cleaned_data["rating"], text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! Your review is shown after a moderator has checked it."))
            return redirect(version.get_absolute_url())
    return render(request, "library/review_form.html", {"form": form, "version": version})


@login_required
@require_POST
def review_moderate(request: HttpRequest, review_id: int, decision: str) -> HttpResponse:
    if decision not in ("goedkeuren", "afwijzen"):
        raise Http404
    review = selectors.review_get(pk=review_id)
    services.review_moderate(actor=request.user, review=review, approve=decision == "goedkeuren")
    messages.success(
        request, _("The review has been approved.") if decision == "goedkeuren" else _("The review has been rejected.")
    )
    return redirect("library:moderation")


# Adaptations --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def adaptation_create(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    resource = selectors.resource_get(pk=pk)
    version = selectors.version_for(user=request.user, resource=resource, number=number)
    publishers = permissions.publishing_organisations(request.user)
    if not publishers.exists():
        raise PermissionDenied
    allowed = licences.adaptation_allowed(version.licence)
    form = AdaptationForm(request.POST or None, publishers=publishers, original_licence=version.licence)
    if allowed and request.method == "POST" and form.is_valid():
        try:
            draft = services.adaptation_create(
                actor=request.user,
                source=version,
                publisher=form.cleaned_data["publisher"],
                licence=form.cleaned_data["licence"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Your adaptation has been made as a draft. Change what you want, then submit it.")
            )
            return redirect("library:version_edit", pk=draft.resource_id, number=draft.number)
    context = {
        "form": form,
        "version": version,
        "allowed": allowed,
        "refusal": None if allowed else licences.check_adaptation(version.licence, version.licence),
        "licence": licences.LICENCES.get(version.licence),
    }
    return render(request, "library/adaptation_form.html", context)


# Collections --------------------------------------------------------------------------


@require_GET
def collection_list(request: HttpRequest) -> HttpResponse:
    context = {
        "page": paginate(request, selectors.collections_visible(user=request.user)),
        "can_create": request.user.is_authenticated,
    }
    return render(request, "library/collection_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def collection_create(request: HttpRequest) -> HttpResponse:
    form = CollectionForm(request.POST or None, organisations=permissions.publishing_organisations(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            collection = services.collection_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The collection has been made."))
            return redirect(collection.get_absolute_url())
    return render(request, "library/collection_form.html", {"form": form, "collection": None})


@require_GET
def collection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    collection = selectors.collection_get(user=request.user, pk=pk)
    context = {
        "collection": collection,
        "items": selectors.collection_items(collection=collection),
        "can_edit": permissions.can_edit_collection(request.user, collection),
    }
    return render(request, "library/collection_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def collection_edit(request: HttpRequest, pk: int) -> HttpResponse:
    collection = selectors.collection_get(user=request.user, pk=pk)
    if not permissions.can_edit_collection(request.user, collection):
        raise PermissionDenied
    initial = {"title": collection.title, "description": collection.description, "is_public": collection.is_public}
    form = CollectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.collection_update(actor=request.user, collection=collection, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The collection has been saved."))
            return redirect(collection.get_absolute_url())
    return render(request, "library/collection_form.html", {"form": form, "collection": collection})


@login_required
@require_POST
def collection_item(request: HttpRequest) -> HttpResponse:
    """Add a material to a collection, or move or remove it: the small forms on result lines and collection pages."""
    collection = selectors.collection_get(user=request.user, pk=_int(request.POST.get("collection")))
    resource = selectors.resource_get(pk=_int(request.POST.get("resource")))
    action = request.POST.get("action", "add")
    try:
        if action == "add":
            services.collection_add(actor=request.user, collection=collection, resource=resource)
            message = _("Added to “%(title)s”.") % {"title": collection.title}
        elif action == "remove":
            services.collection_remove(actor=request.user, collection=collection, resource=resource)
            message = _("Removed from “%(title)s”.") % {"title": collection.title}
        elif action in ("up", "down"):
            services.collection_move(
                actor=request.user, collection=collection, resource=resource, offset=-1 if action == "up" else 1
            )
            message = _("The order has been changed.")
        else:
            raise Http404
    except ValidationError as error:
        message = " ".join(error.messages)
        messages.error(request, message)
    else:
        messages.success(request, message)
    if getattr(request, "htmx", False):
        return render(request, "library/_collection_added.html", {"message": message})
    return redirect(_safe_next(request) or collection.get_absolute_url())


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError as exc:
        raise Http404 from exc


def _safe_next(request: HttpRequest) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""
