"""Files: bulk import of materials from CSV or XLSX, exports of search results, and Common Cartridge packages.

An uploaded import file is checked first; it is then kept in the default storage under a random name that
only the uploader's session knows, until the user chooses how to import it (or uploads another file); one
never confirmed is removed by the periodic task ``purge_pending_imports``.
"""

from __future__ import annotations

import secrets
from pathlib import PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.core.models import Theme
from wattwijs.interop import cartridge, services, spreadsheets
from wattwijs.library import licences, permissions, selectors, vocabularies
from wattwijs.library.forms import SearchForm
from wattwijs.library.search import engine

SESSION_KEY = "interop_import"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("A .csv or .xlsx file made from the template."),
        error_messages={
            "required": gettext_lazy("Choose a file to import."),
            "empty": gettext_lazy("The file is empty: the first row must hold the column names."),
            "invalid": gettext_lazy("No file was sent. Choose the file again."),
        },
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if self.file_format_of(upload) not in spreadsheets.FORMATS:
            raise ValidationError(_("Choose a file whose name ends in .csv or .xlsx."), code="extension")
        if (upload.size or 0) > spreadsheets.max_import_bytes():
            raise ValidationError(spreadsheets.too_large_message(), code="too_large")
        return upload

    @staticmethod
    def file_format_of(upload: UploadedFile) -> str:
        return PurePath(upload.name or "").suffix.lower().removeprefix(".")


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    mode = forms.ChoiceField(
        label=gettext_lazy("What should be imported?"),
        choices=[
            (spreadsheets.ALL_OR_NOTHING, gettext_lazy("All or nothing: import only when no row has an error")),
            (spreadsheets.VALID_ONLY, gettext_lazy("Only the valid rows: skip the rows with errors")),
        ],
        widget=forms.RadioSelect,
        initial=spreadsheets.ALL_OR_NOTHING,
    )
    submit = forms.BooleanField(
        label=gettext_lazy("Submit the materials for moderation right away"),
        required=False,
        help_text=gettext_lazy(
            "Without this, the materials are saved as drafts that you submit yourself from My materials."
        ),
    )


def _require_sharer(request: HttpRequest) -> None:
    if not permissions.can_share(request.user):
        raise PermissionDenied


def _vocabulary_lists() -> list[dict[str, Any]]:
    return [
        {"column": "licentie", "values": [(code, str(lic.short_name)) for code, lic in licences.LICENCES.items()]},
        {"column": "niveaus", "values": [(label, "") for label in vocabularies.levels().values()]},
        {"column": "soort", "values": vocabularies.resource_type_choices()},
        {"column": "bedoeld_voor", "values": vocabularies.end_user_role_choices()},
        {"column": "taal", "values": vocabularies.language_choices()},
        {"column": "themas", "values": list(Theme.objects.order_by("position", "code").values_list("code", "name_nl"))},
    ]


def _page(request: HttpRequest, **context: Any) -> HttpResponse:
    organisations = list(permissions.publishing_organisations(request.user).order_by("name")[:50])
    base = {
        "form": ImportForm(),
        "columns": spreadsheets.COLUMNS,
        "lists": _vocabulary_lists(),
        "organisations": organisations,
        "max_rows": spreadsheets.max_import_rows(),
        "max_megabytes": f"{spreadsheets.max_import_bytes() / (1024 * 1024):g}",
    }
    return render(request, "interop/resource_import.html", base | context)


def _pending_path(token: str, fmt: str) -> str:
    return f"{services.PENDING_IMPORT_DIRECTORY}/{token}.{fmt}"


def _forget_pending(request: HttpRequest) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        default_storage.delete(_pending_path(pending["token"], pending["fmt"]))


@login_required
@require_http_methods(["GET", "POST"])
def resource_import(request: HttpRequest) -> HttpResponse:
    """Upload a file and see every error per row and column; valid files then wait for the user's choice."""
    _require_sharer(request)
    if request.method != "POST":
        return _page(request)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form=form)
    upload = form.cleaned_data["file"]
    fmt = form.file_format_of(upload)
    data = upload.read()
    try:
        rows = spreadsheets.read(data, fmt=fmt)
    except ValidationError as error:
        form.add_error("file", error)
        return _page(request, form=form)
    checked = spreadsheets.check(rows, actor=request.user)
    confirm = None
    if not checked.fatal and checked.valid:
        _forget_pending(request)
        token = secrets.token_urlsafe(24)
        default_storage.save(_pending_path(token, fmt), ContentFile(data))
        request.session[SESSION_KEY] = {"token": token, "fmt": fmt, "name": PurePath(upload.name or "").name[:200]}
        confirm = ConfirmForm(initial={"token": token})
    return _page(request, checked=checked, confirm=confirm, file_name=PurePath(upload.name or "").name)


@login_required
@require_POST
def resource_import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the checked file in one transaction, all or nothing or only its valid rows."""
    _require_sharer(request)
    pending = request.session.get(SESSION_KEY)
    confirm = ConfirmForm(request.POST)
    if (
        not pending
        or not confirm.is_valid()
        or not secrets.compare_digest(confirm.cleaned_data["token"], pending["token"])
    ):
        messages.error(request, _("The checked file is no longer available. Upload it again."))
        return redirect("interop:resource_import")
    path = _pending_path(pending["token"], pending["fmt"])
    try:
        with default_storage.open(path, "rb") as stored:
            data = stored.read()
    except FileNotFoundError:
        request.session.pop(SESSION_KEY, None)
        messages.error(request, _("The checked file is no longer available. Upload it again."))
        return redirect("interop:resource_import")
    # What the user may share, and the themes, may have changed since the check: check again.
    checked: spreadsheets.Checked | None = None
    try:
        checked = spreadsheets.check(spreadsheets.read(data, fmt=pending["fmt"]), actor=request.user)
        result = spreadsheets.import_rows(
            actor=request.user,
            checked=checked,
            mode=confirm.cleaned_data["mode"],
            submit=confirm.cleaned_data["submit"],
        )
    except ValidationError as error:
        confirm.add_error(None, error)
        return _page(request, checked=checked, confirm=confirm, file_name=pending["name"])
    _forget_pending(request)
    count = len(result.versions)
    if result.submitted:
        message = ngettext(
            "%(count)d material has been imported and submitted for moderation.",
            "%(count)d materials have been imported and submitted for moderation.",
            count,
        ) % {"count": count}
    else:
        message = ngettext(
            "%(count)d material has been imported as a draft. Submit it when it is ready.",
            "%(count)d materials have been imported as drafts. Submit them when they are ready.",
            count,
        ) % {"count": count}
    if result.skipped:
        message += " " + ngettext(
            "%(skipped)d row with errors was skipped.", "%(skipped)d rows with errors were skipped.", result.skipped
        ) % {"skipped": result.skipped}
    messages.success(request, message)
    return redirect("library:own_work")


def _download(content: Any, *, fmt: str, filename: str) -> HttpResponseBase:
    if fmt == "csv":
        response: HttpResponse = HttpResponse(content, content_type=spreadsheets.CONTENT_TYPES["csv"])
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    return FileResponse(
        content, as_attachment=True, filename=f"{filename}.{fmt}", content_type=spreadsheets.CONTENT_TYPES[fmt]
    )


@require_GET
def import_template(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The import template: column names and a fictitious example row (XLSX: with the explanation sheet)."""
    if fmt == "csv":
        return _download(spreadsheets.template_csv(), fmt=fmt, filename="leermiddelen-sjabloon")
    if fmt == "xlsx":
        return _download(spreadsheets.template_xlsx(), fmt=fmt, filename="leermiddelen-sjabloon")
    raise Http404


@require_GET
def search_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """Every result of the search in the query string (published materials only, as the search shows)."""
    if fmt not in spreadsheets.FORMATS:
        raise Http404
    form = SearchForm(request.GET)
    outcome = engine.search(form.params(request.GET))
    rows = spreadsheets.export_rows(
        outcome.documents,
        site_url=request.build_absolute_uri("/").rstrip("/"),
        limit=settings.INTEROP_EXPORT_MAX_ROWS,
    )
    filename = f"leermiddelen-{timezone.localdate().isoformat()}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            spreadsheets.csv_lines(spreadsheets.EXPORT_COLUMNS, rows), content_type=spreadsheets.CONTENT_TYPES["csv"]
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    workbook = spreadsheets.xlsx_file([(_("Materials"), spreadsheets.EXPORT_COLUMNS, rows)])
    return _download(workbook, fmt=fmt, filename=filename)


@require_GET
def collection_cartridge(request: HttpRequest, pk: int) -> FileResponse:
    """The collection as an IMS Common Cartridge 1.3 package, for those who may see the collection."""
    collection = selectors.collection_get(user=request.user, pk=pk)
    package = cartridge.build(collection)
    filename = f"{slugify(collection.title) or 'collectie'}.imscc"
    return FileResponse(package, as_attachment=True, filename=filename, content_type="application/zip")
