"""Import and export of the dossier structure (see importexport.py for the format)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from wattwijs.framework import importexport
from wattwijs.framework.models import FrameworkVersion
from wattwijs.framework.permissions import can_edit_version

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ALLOWED_EXTENSIONS = tuple(f".{fmt}" for fmt in importexport.FORMATS)
# More errors than this are counted but not listed: nobody reads a table of 20,000 rows.
MAX_LISTED_ERRORS = 500


class StructureImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("A .csv, .xlsx or .json file of at most 20 MB."),
        error_messages={
            "required": gettext_lazy("Choose a file to import."),
            "empty": gettext_lazy("The file is empty. Choose a file with a header row and work processes."),
            "invalid": gettext_lazy("No file was sent. Choose the file again."),
        },
        widget=forms.FileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )

    def clean_file(self) -> UploadedFile:
        file: UploadedFile = self.cleaned_data["file"]
        if PurePath(file.name or "").suffix.lower() not in ALLOWED_EXTENSIONS:
            raise ValidationError(_("Choose a file whose name ends in .csv, .xlsx or .json."), code="extension")
        if (file.size or 0) > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is larger than 20 MB. Split it into smaller files and import them one by one."),
                code="too_large",
            )
        return file

    @property
    def file_format(self) -> str:
        """csv, xlsx or json, from the extension of the file name."""
        return PurePath(self.cleaned_data["file"].name).suffix.lower().removeprefix(".")


def _file_response(content: str | bytes, *, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=importexport.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@require_GET
def structure_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The structure of a version as CSV, XLSX or JSON. Public, like the framework itself."""
    if fmt not in importexport.FORMATS:
        raise Http404
    version = get_object_or_404(FrameworkVersion, slug=slug)
    exporters: dict[str, Callable[[FrameworkVersion], str | bytes]] = {
        "csv": importexport.export_csv,
        "xlsx": importexport.export_xlsx,
        "json": importexport.export_json,
    }
    return _file_response(exporters[fmt](version), fmt=fmt, filename=f"kwalificatiekader-{version.slug}")


@require_GET
def structure_template(request: HttpRequest, fmt: str) -> HttpResponse:
    """An empty import file with the column names and two example rows."""
    templates: dict[str, Callable[[], str | bytes]] = {
        "csv": importexport.template_csv,
        "xlsx": importexport.template_xlsx,
    }
    if fmt not in templates:
        raise Http404
    return _file_response(templates[fmt](), fmt=fmt, filename="kwalificatiekader-sjabloon")


def _version_for_editing(request: HttpRequest, slug: str) -> FrameworkVersion:
    version = get_object_or_404(FrameworkVersion, slug=slug)
    if not can_edit_version(request.user, version):
        raise PermissionDenied
    return version


@login_required
@require_http_methods(["GET", "POST"])
def structure_import(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a file and merge its structure into a draft version; on any error nothing is saved."""
    version = _version_for_editing(request, slug)
    row_errors: list[importexport.RowError] = []
    if request.method == "POST":
        form = StructureImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                rows = importexport.parse(form.cleaned_data["file"], fmt=form.file_format)
                result = importexport.structure_import(actor=request.user, version=version, rows=rows)
            except importexport.ImportValidationError as error:
                row_errors = error.row_errors
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _success_message(result))
                return redirect(version)
    else:
        form = StructureImportForm()
    context: dict[str, Any] = {
        "version": version,
        "form": form,
        "columns": importexport.COLUMNS,
        "row_errors": row_errors[:MAX_LISTED_ERRORS],
        "error_count": len(row_errors),
        "errors_not_listed": max(0, len(row_errors) - MAX_LISTED_ERRORS),
    }
    return render(request, "framework/structure_import.html", context, status=400 if request.method == "POST" else 200)


def _success_message(result: importexport.ImportResult) -> str:
    return _(
        "The file has been imported (%(rows)d rows). New: %(dossiers)d dossiers, %(qualifications)d qualifications, "
        "%(core_tasks)d core tasks and %(work_processes)d work processes; %(updated)d existing items were updated."
    ) % {
        "rows": result.rows,
        "dossiers": result.dossiers.created,
        "qualifications": result.qualifications.created,
        "core_tasks": result.core_tasks.created,
        "work_processes": result.work_processes.created,
        "updated": result.updated,
    }
