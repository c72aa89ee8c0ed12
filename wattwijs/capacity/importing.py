"""CSV import of drivers and labour intensities: every row is checked first; one bad row saves nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wattwijs.capacity import permissions
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
from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write

MAX_ROWS = 50_000
DRIVER_COLUMNS = ("regio", "thema", "eenheid", "jaar", "volume", "bron")
INTENSITY_COLUMNS = ("eenheid", "beroep", "uren", "bron")
ADOPTION_COLUMNS = ("innovatie", "jaar", "invoering")


@dataclass
class ImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number in the file, message)
    saved: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _rows(content: bytes) -> tuple[list[dict[str, str]], list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("latin-1")
    sample = text[:2000]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in reader]
    return rows, header


def _number(value: str) -> float | None:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return None


def _sentence(messages: list[str]) -> str:
    return capfirst("; ".join(messages)) + "."


def _check_header(report: ImportReport, header: list[str], wanted: tuple[str, ...]) -> bool:
    missing = [name for name in wanted if name not in header]
    if missing:
        report.errors.append((1, _("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)}))
    return not missing


def _volume_error(value: str, label: str) -> str:
    number = _number(value)
    if number is None:
        return _("%(label)s “%(value)s” is not a number") % {"label": label, "value": value}
    if number < 0:
        return _("%(label)s cannot be negative (%(value)s)") % {"label": label, "value": value}
    return ""


def check_drivers(content: bytes) -> tuple[ImportReport, list[Driver]]:
    report = ImportReport()
    rows, header = _rows(content)
    if not _check_header(report, header, DRIVER_COLUMNS):
        return report, []
    regions = Region.objects.in_bulk(field_name="code")
    themes = Theme.objects.in_bulk(field_name="code")
    units = WorkUnit.objects.in_bulk(field_name="code")
    drivers: list[Driver] = []
    for number, row in enumerate(rows[:MAX_ROWS], start=2):
        messages: list[str] = []
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
        year = row["jaar"]
        if error := _year_error(year):
            messages.append(error)
        if error := _volume_error(row["volume"], _("volume")):
            messages.append(error)
        if not row["bron"]:
            messages.append(_("the source is missing"))
        if messages:
            report.errors.append((number, _sentence(messages)))
        elif region is not None and theme is not None and unit is not None:
            drivers.append(
                Driver(
                    region=region,
                    theme=theme,
                    unit=unit,
                    year=int(year),
                    volume=_number(row["volume"]) or 0.0,
                    source=row["bron"],
                )
            )
    if len(rows) > MAX_ROWS:
        report.errors.append((MAX_ROWS + 2, _("A file holds at most %(count)s rows.") % {"count": MAX_ROWS}))
    keys = [(d.region_id, d.unit_id, d.year) for d in drivers]
    if len(set(keys)) != len(keys):
        report.errors.append((0, _("The file names the same region, unit and year more than once.")))
    return report, drivers


def check_intensities(content: bytes) -> tuple[ImportReport, list[LabourIntensity]]:
    report = ImportReport()
    rows, header = _rows(content)
    if not _check_header(report, header, INTENSITY_COLUMNS):
        return report, []
    units = WorkUnit.objects.in_bulk(field_name="code")
    occupations = Occupation.objects.in_bulk(field_name="code")
    found: list[LabourIntensity] = []
    for number, row in enumerate(rows[:MAX_ROWS], start=2):
        messages: list[str] = []
        unit = units.get(row["eenheid"])
        occupation = occupations.get(row["beroep"])
        if unit is None:
            messages.append(_("unknown unit “%(value)s”") % {"value": row["eenheid"]})
        if occupation is None:
            messages.append(_("unknown occupation “%(value)s”") % {"value": row["beroep"]})
        if error := _volume_error(row["uren"], _("hours")):
            messages.append(error)
        if not row["bron"]:
            messages.append(_("the source is missing"))
        if messages:
            report.errors.append((number, _sentence(messages)))
        elif unit is not None and occupation is not None:
            found.append(
                LabourIntensity(unit=unit, occupation=occupation, hours=_number(row["uren"]) or 0.0, source=row["bron"])
            )
    return report, found


def _year_error(value: str) -> str:
    if value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return ""
    return _("year “%(value)s” lies outside %(first)s–%(last)s") % {
        "value": value,
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }


def check_adoption(content: bytes) -> tuple[ImportReport, list[InnovationAdoption]]:
    report = ImportReport()
    rows, header = _rows(content)
    if not _check_header(report, header, ADOPTION_COLUMNS):
        return report, []
    innovations = Innovation.objects.in_bulk(field_name="name")
    found: list[InnovationAdoption] = []
    for number, row in enumerate(rows[:MAX_ROWS], start=2):
        messages: list[str] = []
        innovation = innovations.get(row["innovatie"])
        if innovation is None:
            messages.append(_("unknown innovation “%(value)s”") % {"value": row["innovatie"]})
        if error := _year_error(row["jaar"]):
            messages.append(error)
        percent = _number(row["invoering"].rstrip("%").strip())
        if percent is None or not 0 <= percent <= 100:
            messages.append(_("adoption “%(value)s” is not a percentage from 0 to 100") % {"value": row["invoering"]})
        if messages:
            report.errors.append((number, _sentence(messages)))
        elif innovation is not None and percent is not None:
            found.append(InnovationAdoption(innovation=innovation, year=int(row["jaar"]), percent=percent))
    return report, found


def import_csv(*, actor: AnyUser, kind: str, content: bytes) -> ImportReport:
    """Check every row; save all of them (replacing the same keys) only when none has an error."""
    if not permissions.can_import(actor):
        raise PermissionDenied
    drivers: list[Driver] = []
    intensities: list[LabourIntensity] = []
    adoption: list[InnovationAdoption] = []
    if kind == "drivers":
        report, drivers = check_drivers(content)
    elif kind == "intensities":
        report, intensities = check_intensities(content)
    elif kind == "adoption":
        report, adoption = check_adoption(content)
    else:
        raise ValueError(kind)
    objects: list[Any] = [*drivers, *intensities, *adoption]
    if not report.ok:
        return report
    if not objects:
        report.errors.append((0, _("The file holds no rows.")))
        return report
    with transaction.atomic():
        if kind == "drivers":
            Driver.objects.bulk_create(
                drivers,
                update_conflicts=True,
                unique_fields=["region", "unit", "year"],
                update_fields=["theme", "volume", "source", "is_example"],
                batch_size=2000,
            )
        elif kind == "adoption":
            InnovationAdoption.objects.bulk_create(
                adoption,
                update_conflicts=True,
                unique_fields=["innovation", "year"],
                update_fields=["percent"],
                batch_size=2000,
            )
        else:
            LabourIntensity.objects.bulk_create(
                intensities,
                update_conflicts=True,
                unique_fields=["unit", "occupation"],
                update_fields=["hours", "source", "is_example"],
                batch_size=2000,
            )
        report.saved = len(objects)
        audit_log_write(actor=actor, action=f"capacity.import_{kind}", details={"rows": len(objects)})
    return report
