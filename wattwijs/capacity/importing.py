"""Reading and checking CSV files of drivers, labour intensities and adoption; saving is ``services.figures_import``.

Every row is checked before anything is saved: the result holds either a per-row report of errors or the
objects to save, never both.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wattwijs.capacity.models import (
    FIRST_YEAR,
    LAST_YEAR,
    Driver,
    Innovation,
    InnovationAdoption,
    LabourIntensity,
    Occupation,
    WorkUnit,
)
from wattwijs.core.models import Region, Theme

KINDS = ("drivers", "intensities", "adoption")
DRIVER_COLUMNS = ("regio", "thema", "eenheid", "jaar", "volume", "bron")
INTENSITY_COLUMNS = ("eenheid", "beroep", "uren", "bron")
ADOPTION_COLUMNS = ("innovatie", "jaar", "invoering")
COLUMNS = {"drivers": DRIVER_COLUMNS, "intensities": INTENSITY_COLUMNS, "adoption": ADOPTION_COLUMNS}
# Plain decimal numbers in ASCII digits, with a decimal point or comma: no exponents, no "nan" or "inf",
# no underscores and no digits of other scripts (which float() would all accept).
NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
FILE_ROW = 0  # the row number of an error about the whole file
HEADER_ROW = 1


def max_import_bytes() -> int:
    return int(settings.CAPACITY_IMPORT_MAX_BYTES)


def max_import_rows() -> int:
    return int(settings.CAPACITY_IMPORT_MAX_ROWS)


def too_large_message() -> str:
    return _("The file is larger than %(size)s MB; split it into smaller files.") % {
        "size": f"{max_import_bytes() / (1024 * 1024):g}"
    }


@dataclass
class ImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number in the file, message)
    saved: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Checked:
    kind: str
    report: ImportReport = field(default_factory=ImportReport)
    objects: list[Any] = field(default_factory=list)


class FileError(Exception):
    """The file as a whole cannot be read; the message says why."""


def _text(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("latin-1")


def _rows(content: bytes) -> tuple[list[str], list[tuple[int, dict[str, str], int]]]:
    """The header and each row as (row number, values by column, the number of values it holds); columns a
    short row lacks are empty."""
    text = _text(content)
    sample = text[:2000]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    limit = max_import_rows()
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        rows: list[tuple[int, dict[str, str], int]] = []
        for number, values in enumerate(reader, start=HEADER_ROW + 1):
            if not any(value.strip() for value in values):
                continue
            if len(rows) == limit:
                raise FileError(_("A file holds at most %(count)s rows.") % {"count": limit})
            padded = [value.strip() for value in values] + [""] * (len(header) - len(values))
            rows.append((number, dict(zip(header, padded, strict=False)), len(values)))
    except csv.Error as error:
        raise FileError(_("The file cannot be read as CSV (%(error)s).") % {"error": error}) from error
    return header, rows


def number(value: str) -> float | None:
    """A finite decimal number written with ASCII digits, or None."""
    if not NUMBER.fullmatch(value):
        return None
    found = float(value.replace(",", "."))
    return found if math.isfinite(found) else None


def year(value: str) -> int | None:
    """A year in the model's range written with ASCII digits, or None."""
    if value.isascii() and value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    return None


def _sentence(messages: list[str]) -> str:
    return capfirst("; ".join(messages)) + "."


def _header_errors(header: list[str], wanted: tuple[str, ...]) -> list[str]:
    errors = []
    missing = [name for name in wanted if name not in header]
    if missing:
        errors.append(_("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)})
    doubled = sorted({name for name in header if name and header.count(name) > 1})
    if doubled:
        errors.append(_("Columns named more than once: %(columns)s.") % {"columns": ", ".join(doubled)})
    return errors


def _amount(value: str, label: str, messages: list[str]) -> float | None:
    found = number(value)
    if found is None:
        messages.append(_("%(label)s “%(value)s” is not a number") % {"label": label, "value": value})
    elif found < 0:
        messages.append(_("%(label)s cannot be negative (%(value)s)") % {"label": label, "value": value})
        return None
    return found


def _year(value: str, messages: list[str]) -> int | None:
    found = year(value)
    if found is None:
        messages.append(
            _("year “%(value)s” lies outside %(first)s–%(last)s")
            % {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return found


def _source(value: str, messages: list[str]) -> str:
    if not value:
        messages.append(_("the source is missing"))
    elif len(value) > 300:
        messages.append(_("the source is longer than 300 characters"))
    return value


RowChecker = Callable[[dict[str, str], list[str]], tuple[Hashable, Any] | None]


def _driver_checker() -> RowChecker:
    regions = Region.objects.in_bulk(field_name="code")
    themes = Theme.objects.in_bulk(field_name="code")
    units = WorkUnit.objects.in_bulk(field_name="code")

    def check(row: dict[str, str], messages: list[str]) -> tuple[Hashable, Any] | None:
        region = regions.get(row["regio"])
        theme = themes.get(row["thema"])
        unit = units.get(row["eenheid"])
        if region is None:
            messages.append(_("unknown region “%(value)s”") % {"value": row["regio"]})
        if theme is None:
            messages.append(_("unknown theme “%(value)s”") % {"value": row["thema"]})
        if unit is None:
            messages.append(_("unknown unit “%(value)s”") % {"value": row["eenheid"]})
        elif theme is not None and unit.theme_id != theme.pk:
            messages.append(
                _("unit “%(unit)s” does not belong to theme “%(theme)s”") % {"unit": unit.code, "theme": theme.code}
            )
        found_year = _year(row["jaar"], messages)
        volume = _amount(row["volume"], _("volume"), messages)
        source = _source(row["bron"], messages)
        if messages or region is None or theme is None or unit is None or found_year is None or volume is None:
            return None
        driver = Driver(region=region, theme=theme, unit=unit, year=found_year, volume=volume, source=source)
        return (region.pk, unit.pk, found_year), driver

    return check


def _intensity_checker() -> RowChecker:
    units = WorkUnit.objects.in_bulk(field_name="code")
    occupations = Occupation.objects.in_bulk(field_name="code")

    def check(row: dict[str, str], messages: list[str]) -> tuple[Hashable, Any] | None:
        unit = units.get(row["eenheid"])
        occupation = occupations.get(row["beroep"])
        if unit is None:
            messages.append(_("unknown unit “%(value)s”") % {"value": row["eenheid"]})
        if occupation is None:
            messages.append(_("unknown occupation “%(value)s”") % {"value": row["beroep"]})
        hours = _amount(row["uren"], _("hours"), messages)
        source = _source(row["bron"], messages)
        if messages or unit is None or occupation is None or hours is None:
            return None
        return (unit.pk, occupation.pk), LabourIntensity(unit=unit, occupation=occupation, hours=hours, source=source)

    return check


def _adoption_checker() -> RowChecker:
    innovations = Innovation.objects.in_bulk(field_name="name")

    def check(row: dict[str, str], messages: list[str]) -> tuple[Hashable, Any] | None:
        innovation = innovations.get(row["innovatie"])
        if innovation is None:
            messages.append(_("unknown innovation “%(value)s”") % {"value": row["innovatie"]})
        found_year = _year(row["jaar"], messages)
        percent = number(row["invoering"].removesuffix("%").strip())
        if percent is None or not 0 <= percent <= 100:
            messages.append(_("adoption “%(value)s” is not a percentage from 0 to 100") % {"value": row["invoering"]})
        if messages or innovation is None or found_year is None or percent is None:
            return None
        return (innovation.pk, found_year), InnovationAdoption(innovation=innovation, year=found_year, percent=percent)

    return check


CHECKERS: dict[str, Callable[[], RowChecker]] = {
    "drivers": _driver_checker,
    "intensities": _intensity_checker,
    "adoption": _adoption_checker,
}


def _duplicate_message(kind: str, first_row: int) -> str:
    messages = {
        "drivers": _("this region, unit and year already appear in row %(row)s"),
        "intensities": _("this unit and occupation already appear in row %(row)s"),
        "adoption": _("this innovation and year already appear in row %(row)s"),
    }
    return messages[kind] % {"row": first_row}


def check(*, kind: str, content: bytes) -> Checked:
    """Check a whole file of ``kind``: its size, its columns and every row. Reads only, saves nothing."""
    if kind not in KINDS:
        raise ValueError(kind)
    checked = Checked(kind=kind)
    errors = checked.report.errors
    if len(content) > max_import_bytes():
        errors.append((FILE_ROW, too_large_message()))
        return checked
    try:
        header, rows = _rows(content)
    except FileError as error:
        errors.append((FILE_ROW, str(error)))
        return checked
    header_errors = _header_errors(header, COLUMNS[kind])
    if header_errors:
        errors.extend((HEADER_ROW, message) for message in header_errors)
        return checked
    if not rows:
        errors.append((FILE_ROW, _("The file holds no rows.")))
        return checked
    check_row = CHECKERS[kind]()
    first_rows: dict[Hashable, int] = {}
    for row_number, row, count in rows:
        messages: list[str] = []
        if count > len(header):
            messages.append(
                _("this row holds more values than the header has columns (%(count)s)") % {"count": len(header)}
            )
        elif count < len(header):
            messages.append(
                _("this row holds fewer values than the header has columns (%(count)s)") % {"count": len(header)}
            )
        found = check_row(row, messages)
        if found is not None:
            key, obj = found
            if key in first_rows:
                messages.append(_duplicate_message(kind, first_rows[key]))
            else:
                first_rows[key] = row_number
                checked.objects.append(obj)
        if messages:
            errors.append((row_number, _sentence(messages)))
    if errors:
        checked.objects = []
    return checked
