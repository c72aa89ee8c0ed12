"""Learning materials in spreadsheets: bulk import from CSV or XLSX, the import template, and search exports.

The format
==========

One row per material; the first row holds the column names below (order and upper/lower case do not matter).
Lists in one cell are separated by ``|`` (keywords may also be separated by commas)::

    column            required  content
    ----------------  --------  ------------------------------------------------------------------------
    titel             yes       title (at most 250 characters)
    beschrijving      yes       description
    organisatie       (yes)     short name (slug) or name of the publishing organisation; may be empty when
                                the importer shares for one organisation only
    webadres          yes       web address (http or https) where the material can be opened
    licentie          yes       NL-LOM licence code (e.g. cc-by-40) or its name (e.g. CC BY 4.0)
    niveaus           yes       educational levels: OBK id or label (e.g. "MBO, Niveau 3: Vakopleiding" or mbo 3)
    soort             yes       kinds of material: NL-LOM code (e.g. exercise) or Dutch label (e.g. Oefening)
    themas            no        theme codes (e.g. zon-pv) or names
    trefwoorden       no        keywords
    auteurs           no        authors, each "name" or "name; organisation"
    taal              no        nl, en, de or fy (or Nederlands …); default nl
    bedoeld_voor      no        intended end-user roles: code (teacher, learner …) or Dutch label
    omvang            no        aggregation level 1–4 or its label; default 2 (lesson)
    leertijd_minuten  no        learning time: a whole number of minutes from 1 to 100000
    kosten            no        ja or nee; default nee
    fictief           no        ja or nee: the row is a fictitious example (demo data)

Row numbers are those a spreadsheet shows: the column names are row 1. Empty rows are skipped but counted.
CSV files are UTF-8 with or without byte order mark, comma or semicolon separated (detected). The exports write
the same columns (plus ``id``, ``link`` and ``gepubliceerd_op``), and put an apostrophe before any cell that starts
with ``= + - @``, a tab or a carriage return so that no spreadsheet runs it as a formula; the import removes it again.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import IO, Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

import openpyxl  # type: ignore[import-untyped]
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from wattwijs.core.links import detail_url
from wattwijs.core.models import Organisation, Theme
from wattwijs.core.permissions import AnyUser
from wattwijs.core.spreadsheets import protect, unprotect, xlsx_value
from wattwijs.library import licences, permissions, services, vocabularies
from wattwijs.library.models import Author, Resource, ResourceVersion
from wattwijs.library.search.engine import ResultList

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
HEADER_ROW = 1
LIST_SEPARATOR = "|"


def max_import_bytes() -> int:
    return int(getattr(settings, "INTEROP_IMPORT_MAX_BYTES", 5 * 1024 * 1024))


def max_import_rows() -> int:
    return int(getattr(settings, "INTEROP_IMPORT_MAX_ROWS", 1000))


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str | Promise
    example: str


COLUMNS: tuple[Column, ...] = (
    Column("titel", True, gettext_lazy("Title, at most 250 characters."), "Zonnepanelen veilig monteren"),
    Column(
        "beschrijving",
        True,
        gettext_lazy("What the material is, for whom, and how to use it."),
        "Fictief voorbeeld: werkplaatsopdracht waarin leerlingen een PV-paneel op een proefdak monteren.",
    ),
    Column(
        "organisatie",
        False,
        gettext_lazy(
            "Short name or name of the publishing organisation. May be empty when you share for one organisation."
        ),
        "",
    ),
    Column(
        "webadres",
        True,
        gettext_lazy("Web address (http or https) where the material can be opened."),
        "https://leermiddelen.example.org/zonnepanelen-monteren",
    ),
    Column("licentie", True, gettext_lazy("Licence: a code or name from the list below."), "cc-by-sa-40"),
    Column(
        "niveaus",
        True,
        gettext_lazy("Educational levels, separated by |: a label or id from the list below."),
        "MBO, Niveau 2: Basisberoepsopleiding|MBO, Niveau 3: Vakopleiding",
    ),
    Column(
        "soort",
        True,
        gettext_lazy("Kinds of material, separated by |: a code or Dutch label from the list below."),
        "exercise|Tekst",
    ),
    Column("themas", False, gettext_lazy("Themes, separated by |: a code or name from the list below."), "zon-pv"),
    Column("trefwoorden", False, gettext_lazy("Keywords, separated by | or commas."), "zonnepaneel, montage"),
    Column(
        "auteurs",
        False,
        gettext_lazy("Authors, separated by |; each a name, optionally followed by ; and the organisation."),
        "Sanne de Vries; ROC Voorbeeld",
    ),
    Column("taal", False, gettext_lazy("Language: nl, en, de or fy. Empty means Dutch."), "nl"),
    Column(
        "bedoeld_voor",
        False,
        gettext_lazy("Intended for, separated by |: a code or Dutch label from the list below."),
        "learner|teacher",
    ),
    Column("omvang", False, gettext_lazy("Scope: a number from 1 to 4 (see below). Empty means 2 (lesson)."), "2"),
    Column(
        "leertijd_minuten",
        False,
        gettext_lazy("Learning time: a whole number of minutes from 1 to 100000."),
        "90",
    ),
    Column("kosten", False, gettext_lazy("ja when using the material costs money, else nee."), "nee"),
    Column("fictief", False, gettext_lazy("ja when the row is a fictitious example, else nee."), "ja"),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)
REQUIRED_COLUMNS = tuple(column.name for column in COLUMNS if column.required)
EXPORT_COLUMNS = ("id", "link", *COLUMN_NAMES, "gepubliceerd_op")
_COLUMN_ORDER = {name: index for index, name in enumerate(COLUMN_NAMES)}

_TRUE = frozenset({"ja", "j", "yes", "y", "true", "waar", "1"})
_FALSE = frozenset({"nee", "n", "no", "false", "onwaar", "0"})


# Rows and errors ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A row of the file: its number as a spreadsheet shows it, and its values by column name."""

    number: int
    values: Mapping[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "").strip()


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ValidRow:
    """A checked row, ready for ``services.resource_create``."""

    number: int
    publisher: Organisation
    data: dict[str, Any]
    themes: list[Theme]
    authors: list[services.AuthorData]
    is_fictitious: bool


@dataclass
class Checked:
    rows: list[Row]
    valid: list[ValidRow]
    errors: list[RowError]
    # The header or the file as a whole is wrong: no row can be imported.
    fatal: bool = False

    @property
    def invalid_row_count(self) -> int:
        return len({error.row for error in self.errors if error.row != HEADER_ROW})

    def errors_by_row(self) -> list[tuple[int, list[RowError]]]:
        grouped: dict[int, list[RowError]] = {}
        for error in self.errors:
            grouped.setdefault(error.row, []).append(error)
        return sorted(grouped.items())


# Reading files --------------------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(records: Iterable[Sequence[object]]) -> list[Row]:
    """The rows under the header; every row read counts against the row limit, empty ones too, so that a file
    claiming a million empty rows is refused after the limit instead of read to the end."""
    iterator = iter(records)
    header = next(iterator, None)
    if header is None or not any(_text(cell) for cell in header):
        raise ValidationError(_("The file is empty: the first row must hold the column names."), code="empty")
    names = [_text(cell).lower().lstrip("\ufeff") for cell in header]
    rows: list[Row] = []
    limit = max_import_rows()
    for number, record in enumerate(iterator, start=HEADER_ROW + 1):
        cells = [unprotect(_text(cell)) for cell in record]
        if number - HEADER_ROW > limit:
            if any(cells):
                message = _(
                    "The file has more than %(limit)d materials. Split it into files of at most %(limit)d rows."
                )
            else:
                message = _(
                    "The file has more than %(limit)d rows, empty rows included. Remove the empty rows or split "
                    "it into files of at most %(limit)d rows."
                )
            raise ValidationError(message % {"limit": limit}, code="too_many_rows")
        if not any(cells):
            continue
        rows.append(Row(number, {name: value for name, value in zip(names, cells, strict=False) if name}))
    return rows


def _xlsx_records(sheet: Any) -> Iterator[Sequence[object]]:
    """The header row up to its last name, then the rows below it cut to the header's width.

    A sheet can declare any size: read-only openpyxl fills in every row and column up to the declared
    dimension, so the columns are limited here and the rows by ``_rows``.
    """
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), None)
    if header is None:
        return
    width = max((index + 1 for index, cell in enumerate(header) if _text(cell)), default=0)
    yield header[:width]
    if width:
        yield from sheet.iter_rows(min_row=HEADER_ROW + 1, max_col=width, values_only=True)


def _detect_delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


def read_csv(data: bytes) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The file is not in UTF-8. In Excel, save it as “CSV UTF-8”."), code="encoding"
        ) from error
    if "\x00" in text:
        raise ValidationError(_("The file is not a CSV file. Choose a .csv or .xlsx file."), code="invalid_csv")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_detect_delimiter(text))
    try:
        return _rows(reader)
    except csv.Error as error:
        raise ValidationError(
            _("The file is not a valid CSV file (%(detail)s)."), code="invalid_csv", params={"detail": error}
        ) from error


def read_xlsx(data: bytes) -> list[Row]:
    """The first worksheet, read in read-only mode (openpyxl parses its XML with defusedxml)."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, ParseError, TypeError) as error:
        raise ValidationError(_("The file is not a valid Excel workbook (.xlsx)."), code="invalid_xlsx") from error
    try:
        if not workbook.worksheets:
            raise ValidationError(_("The file is empty: the first row must hold the column names."), code="empty")
        return _rows(_xlsx_records(workbook.worksheets[0]))
    except (ParseError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise ValidationError(_("The file is not a valid Excel workbook (.xlsx)."), code="invalid_xlsx") from error
    finally:
        workbook.close()


def read(data: bytes, *, fmt: str) -> list[Row]:
    """The rows of an uploaded file; ValidationError with a Dutch message when it cannot be read."""
    if len(data) > max_import_bytes():
        raise ValidationError(too_large_message(), code="too_large")
    if not data:
        raise ValidationError(_("The file is empty: the first row must hold the column names."), code="empty")
    return read_xlsx(data) if fmt == "xlsx" else read_csv(data)


def too_large_message() -> str:
    megabytes = max_import_bytes() / (1024 * 1024)
    return _("The file is larger than %(size)s MB. Split it into smaller files.") % {"size": f"{megabytes:g}"}


# Vocabularies ---------------------------------------------------------------------------------------------


def _key(value: str) -> str:
    return " ".join(value.casefold().split())


def _labels(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """Lookup of code and Dutch and English label (casefolded) → code."""
    lookup: dict[str, str] = {}
    for code, _label in choices:
        lookup[_key(code)] = code
    for language in ("en", "nl"):
        with override(language):
            for code, label in choices:
                lookup.setdefault(_key(str(label)), code)
    return lookup


@cache
def _level_lookup() -> dict[str, str]:
    lookup = {_key(uuid): uuid for uuid in vocabularies.levels()}
    for uuid, label in vocabularies.levels().items():
        lookup[_key(label)] = uuid
    with override("nl"):
        for uuid in vocabularies.levels():
            lookup.setdefault(_key(vocabularies.level_label(uuid)), uuid)
    return lookup


def _type_lookup() -> dict[str, str]:
    return _labels([(code, label) for code, label in vocabularies.RESOURCE_TYPE_LABELS.items()])


def _role_lookup() -> dict[str, str]:
    return _labels([(code, label) for code, label in vocabularies.END_USER_ROLE_LABELS.items()])


def _language_lookup() -> dict[str, str]:
    return _labels([(code, label) for code, label in vocabularies.LANGUAGE_LABELS.items()])


def _licence_lookup() -> dict[str, str]:
    lookup = {_key(code): code for code in licences.LICENCES}
    for code, licence in licences.LICENCES.items():
        for language in ("en", "nl"):
            with override(language):
                lookup.setdefault(_key(str(licence.short_name)), code)
    return lookup


def _aggregation_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for value, label in ResourceVersion.AggregationLevel.choices:
        lookup[str(value)] = value
        for language in ("en", "nl"):
            with override(language):
                lookup.setdefault(_key(str(label)), value)
    return lookup


def _split(value: str, *, commas: bool = False) -> list[str]:
    parts = re.split(r"[|,]" if commas else r"\|", value)
    return [part.strip() for part in parts if part.strip()]


# Validation -----------------------------------------------------------------------------------------------


class _Validator:
    def __init__(self, actor: AnyUser) -> None:
        self.errors: list[RowError] = []
        self.organisations = list(permissions.publishing_organisations(actor).order_by("name"))
        self.organisation_lookup: dict[str, Organisation] = {}
        for organisation in self.organisations:
            self.organisation_lookup[_key(organisation.slug)] = organisation
            self.organisation_lookup.setdefault(_key(organisation.name), organisation)
        self.themes: dict[str, Theme] = {}
        for theme in Theme.objects.all():
            self.themes[_key(theme.code)] = theme
            self.themes.setdefault(_key(theme.name_nl), theme)
            self.themes.setdefault(_key(theme.name_en), theme)
        self.levels = _level_lookup()
        self.types = _type_lookup()
        self.roles = _role_lookup()
        self.languages = _language_lookup()
        self.licences = _licence_lookup()
        self.aggregation = _aggregation_lookup()
        self.url_validator = URLValidator(schemes=["http", "https"])
        self.row_errors: list[RowError] = []

    def add(self, row: int, column: str, message: str) -> None:
        self.row_errors.append(RowError(row, column, message))

    def check_header(self, rows: Sequence[Row]) -> bool:
        present: set[str] = set()
        for row in rows:
            present.update(row.values)
        for column in sorted(present - set(COLUMN_NAMES)):
            message = _("The column “%(column)s” is unknown. Use the column names of the template.")
            self.add(HEADER_ROW, column, message % {"column": column})
        missing = [column for column in REQUIRED_COLUMNS if column not in present]
        for column in missing:
            self.add(HEADER_ROW, column, _("The required column “%(column)s” is missing.") % {"column": column})
        return not missing

    def codes(self, row: Row, column: str, lookup: Mapping[str, str], *, required: bool) -> list[str]:
        values = _split(row.get(column))
        if required and not values:
            self.add(row.number, column, _("Fill in at least one value."))
        found: list[str] = []
        for value in values:
            code = lookup.get(_key(value))
            if code is None:
                self.add(
                    row.number, column, _("“%(value)s” is not an allowed value; see the template.") % {"value": value}
                )
            elif code not in found:
                found.append(code)
        return found

    def boolean(self, row: Row, column: str) -> bool:
        value = row.get(column).casefold()
        if not value or value in _FALSE:
            return False
        if value in _TRUE:
            return True
        self.add(row.number, column, _("Fill in ja or nee."))
        return False

    def check_row(self, row: Row) -> ValidRow | None:
        before = len(self.row_errors)
        number = row.number
        title, description = row.get("titel"), row.get("beschrijving")
        if not title:
            self.add(number, "titel", _("The title is missing."))
        elif len(title) > 250:
            self.add(number, "titel", _("The title is too long; use at most 250 characters."))
        if not description:
            self.add(number, "beschrijving", _("The description is missing."))
        publisher = self.publisher(row)
        location = row.get("webadres")
        if not location:
            self.add(number, "webadres", _("The web address is missing."))
        else:
            try:
                self.url_validator(location)
                if len(location) > 500 or not urlsplit(location).hostname:
                    raise ValidationError("")
            except ValidationError:
                self.add(number, "webadres", _("Fill in a full web address that starts with https:// or http://."))
        licence = ""
        if not row.get("licentie"):
            self.add(number, "licentie", _("The licence is missing."))
        else:
            licence = self.licences.get(_key(row.get("licentie")), "")
            if not licence:
                message = _("“%(value)s” is not a licence code; see the template.")
                self.add(number, "licentie", message % {"value": row.get("licentie")})
        levels = self.codes(row, "niveaus", self.levels, required=True)
        types = self.codes(row, "soort", self.types, required=True)
        roles = self.codes(row, "bedoeld_voor", self.roles, required=False)
        theme_codes = self.codes(row, "themas", {k: t.code for k, t in self.themes.items()}, required=False)
        language = "nl"
        if row.get("taal"):
            language = self.languages.get(_key(row.get("taal")), "")
            if not language:
                self.add(number, "taal", _("“%(value)s” is not an allowed language.") % {"value": row.get("taal")})
        aggregation = 2
        if row.get("omvang"):
            found = self.aggregation.get(_key(row.get("omvang")))
            if found is None:
                self.add(number, "omvang", _("Fill in a number from 1 to 4."))
            else:
                aggregation = found
        minutes: int | None = None
        if row.get("leertijd_minuten"):
            text = row.get("leertijd_minuten")
            if text.isascii() and text.isdigit() and 1 <= int(text) <= 100_000:
                minutes = int(text)
            else:
                self.add(number, "leertijd_minuten", _("Fill in a whole number of minutes from 1 to 100000."))
        cost = self.boolean(row, "kosten")
        fictitious = self.boolean(row, "fictief")
        authors = []
        for part in _split(row.get("auteurs")):
            name, _sep, organisation = part.partition(";")
            if len(name.strip()) > 200 or len(organisation.strip()) > 200:
                self.add(number, "auteurs", _("An author's name or organisation is longer than 200 characters."))
            elif name.strip():
                authors.append(services.AuthorData(name=name.strip(), organisation=organisation.strip()))
        keywords = [word[:100] for word in _split(row.get("trefwoorden"), commas=True)]
        if len(self.row_errors) > before or publisher is None:
            return None
        return ValidRow(
            number=number,
            publisher=publisher,
            data={
                "title": title,
                "description": description,
                "location": location,
                "licence": licence,
                "educational_levels": levels,
                "learning_resource_types": types,
                "intended_end_user_roles": roles,
                "keywords": keywords,
                "language": language,
                "aggregation_level": aggregation,
                "typical_learning_time": minutes,
                "cost": cost,
            },
            themes=[self.themes[_key(code)] for code in theme_codes],
            authors=authors,
            is_fictitious=fictitious,
        )

    def publisher(self, row: Row) -> Organisation | None:
        value = row.get("organisatie")
        if not value:
            if len(self.organisations) == 1:
                return self.organisations[0]
            self.add(row.number, "organisatie", _("Fill in the organisation you share this material for."))
            return None
        found = self.organisation_lookup.get(_key(value))
        if found is None:
            message = _("You cannot share materials for “%(value)s”. Use the short name of your organisation.")
            self.add(row.number, "organisatie", message % {"value": value})
        return found


def check(rows: Sequence[Row], *, actor: AnyUser) -> Checked:
    """Check every row; the valid ones come back ready to import, the others as errors per row and column."""
    validator = _Validator(actor)
    if not rows:
        validator.add(HEADER_ROW, "", _("There are no materials below the column names."))
        return Checked(rows=list(rows), valid=[], errors=validator.row_errors, fatal=True)
    if not validator.check_header(rows):
        return Checked(rows=list(rows), valid=[], errors=validator.row_errors, fatal=True)
    valid = [found for row in rows if (found := validator.check_row(row)) is not None]
    errors = sorted(validator.row_errors, key=lambda e: (e.row, _COLUMN_ORDER.get(e.column, len(_COLUMN_ORDER))))
    return Checked(rows=list(rows), valid=valid, errors=errors)


# Import ---------------------------------------------------------------------------------------------------

ALL_OR_NOTHING = "all"
VALID_ONLY = "valid"


@dataclass(frozen=True)
class ImportResult:
    versions: list[ResourceVersion] = field(default_factory=list)
    skipped: int = 0
    submitted: bool = False


def import_rows(*, actor: AnyUser, checked: Checked, mode: str, submit: bool) -> ImportResult:
    """Create a draft (or submitted) material for every valid row in one transaction, through the library services.

    ``mode`` ALL_OR_NOTHING refuses when any row has an error; VALID_ONLY skips the rows with errors. When any
    material cannot be created, nothing is.
    """
    if not permissions.can_share(actor):
        raise PermissionDenied
    if checked.fatal or not checked.valid:
        raise ValidationError(_("No row can be imported. Correct the file and upload it again."), code="nothing")
    if mode == ALL_OR_NOTHING and checked.errors:
        raise ValidationError(
            _("Nothing was imported: %(count)d rows have errors. Correct them, or import only the valid rows.")
            % {"count": checked.invalid_row_count},
            code="has_errors",
        )
    created: list[ResourceVersion] = []
    with transaction.atomic():
        for row in checked.valid:
            version = services.resource_create(
                actor=actor,
                publisher=row.publisher,
                data=row.data,
                themes=row.themes,
                authors=row.authors,
                is_fictitious=row.is_fictitious,
            )
            if submit:
                version = services.version_submit(actor=actor, version=version)
            created.append(version)
    return ImportResult(versions=created, skipped=checked.invalid_row_count, submitted=submit)


# Writing --------------------------------------------------------------------------------------------------

Value = str | int | None


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Value]]) -> Iterator[str]:
    """CSV text (with a byte order mark, so Excel reads UTF-8), one line at a time for a streamed response."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(["" if value is None else protect(value) for value in row])


def xlsx_file(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Value]]]]) -> IO[bytes]:
    """A workbook written in write-only mode to a temporary file (rewound), so rows never all sit in memory."""
    workbook = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        cells = []
        for name in header:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
        for row in rows:
            sheet.append([xlsx_value(value) for value in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    workbook.save(output)
    output.seek(0)
    return output


# Template -------------------------------------------------------------------------------------------------


def template_rows() -> list[list[Value]]:
    return [[column.example for column in COLUMNS]]


def explanation_rows() -> list[list[Value]]:
    """What each column means, and every allowed value of the vocabularies."""
    rows: list[list[Value]] = [
        [column.name, _("yes") if column.required else _("no"), str(column.help)] for column in COLUMNS
    ]
    rows.append(["", "", ""])
    rows.append([_("List"), _("Value"), _("Meaning")])
    rows += [["licentie", code, str(licence.short_name)] for code, licence in licences.LICENCES.items()]
    rows += [["niveaus", label, uuid] for uuid, label in vocabularies.levels().items()]
    with override("nl"):
        rows += [["soort", code, str(label)] for code, label in vocabularies.RESOURCE_TYPE_LABELS.items()]
        rows += [["bedoeld_voor", code, str(label)] for code, label in vocabularies.END_USER_ROLE_LABELS.items()]
        rows += [["taal", code, str(label)] for code, label in vocabularies.LANGUAGE_LABELS.items()]
        rows += [["omvang", value, str(label)] for value, label in ResourceVersion.AggregationLevel.choices]
    rows += [["themas", theme.code, theme.name_nl] for theme in Theme.objects.order_by("position", "code")]
    return rows


def template_csv() -> str:
    """The column names and the fictitious example row; the allowed values are in the XLSX template and on the page."""
    return "".join(csv_lines(COLUMN_NAMES, template_rows()))


def template_xlsx() -> IO[bytes]:
    return xlsx_file(
        [
            (_("Materials"), COLUMN_NAMES, template_rows()),
            (_("Explanation"), [_("Column"), _("Required"), _("Content")], explanation_rows()),
        ]
    )


# Export of search results ---------------------------------------------------------------------------------

EXPORT_CHUNK = 500


_EXPORT_FIELDS = (
    "pk",
    "is_fictitious",
    "publisher__slug",
    "current_id",
    "current__title",
    "current__description",
    "current__location",
    "current__licence",
    "current__educational_levels",
    "current__learning_resource_types",
    "current__keywords",
    "current__language",
    "current__intended_end_user_roles",
    "current__aggregation_level",
    "current__typical_learning_time",
    "current__cost",
    "current__published_at",
)


def export_rows(results: ResultList, *, site_url: str, limit: int) -> Iterator[list[Value]]:
    """One row per result, in the result order, for the first ``limit`` results: the ids in one go, then three
    queries per 500 materials.

    Plain values rather than model instances: an export of the whole library builds no objects per row.
    """
    ordered = results.ids(0, limit)
    level_labels = vocabularies.levels()
    for start in range(0, len(ordered), EXPORT_CHUNK):
        ids = ordered[start : start + EXPORT_CHUNK]
        found = {
            values[0]: values
            for values in Resource.objects.filter(
                pk__in=ids, current__status=ResourceVersion.Status.PUBLISHED
            ).values_list(*_EXPORT_FIELDS)
        }
        version_ids = [values[3] for values in found.values()]
        themes: dict[int, list[str]] = {}
        for version_id, code in (
            ResourceVersion.themes.through.objects.filter(resourceversion_id__in=version_ids)
            .order_by("resourceversion_id", "theme__position", "theme__code")
            .values_list("resourceversion_id", "theme__code")
        ):
            themes.setdefault(version_id, []).append(code)
        authors: dict[int, list[str]] = {}
        for version_id, name, organisation in (
            Author.objects.filter(version_id__in=version_ids)
            .order_by("version_id", "position")
            .values_list("version_id", "name", "organisation")
        ):
            authors.setdefault(version_id, []).append(f"{name}; {organisation}" if organisation else name)
        for pk in ids:
            if pk not in found:
                continue
            (
                _pk,
                fictitious,
                publisher,
                version_id,
                title,
                description,
                location,
                licence,
                levels,
                types,
                keywords,
                language,
                roles,
                aggregation,
                minutes,
                cost,
                published_at,
            ) = found[pk]
            yield [
                pk,
                site_url + detail_url("library:resource_detail", "pk", pk),
                title,
                description,
                publisher,
                location,
                licence,
                LIST_SEPARATOR.join(level_labels.get(level, level) for level in levels),
                LIST_SEPARATOR.join(types),
                LIST_SEPARATOR.join(themes.get(version_id, [])),
                LIST_SEPARATOR.join(keywords),
                LIST_SEPARATOR.join(authors.get(version_id, [])),
                language,
                LIST_SEPARATOR.join(roles),
                aggregation,
                minutes,
                "ja" if cost else "nee",
                "ja" if fictitious else "nee",
                published_at.date().isoformat() if published_at else "",
            ]
