"""Cell values that are safe to hand to a spreadsheet: text is never run as a formula (CSV/formula injection)."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal

from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]

# A spreadsheet may read a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CellValue = str | int | float | Decimal | bool | datetime.date | datetime.datetime | None


def protect(value: CellValue) -> CellValue:
    """Text starting like a formula gets a leading apostrophe, so it is shown and never run; other values stay."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unprotect(value: str) -> str:
    """Undo ``protect``: the apostrophe before a formula start goes, so an exported file imports unchanged."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def xlsx_value(value: object) -> CellValue:
    """A value openpyxl writes as a plain cell: numbers, dates and booleans as they are, everything else as
    protected text without the control characters XLSX cannot hold. XLSX knows no time zones: an aware
    datetime is written in the local time of the site."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    if value is None or isinstance(value, bool | int | Decimal | datetime.date):
        return value  # type: ignore[return-value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return protect(str(ILLEGAL_CHARACTERS_RE.sub("", str(value))))
