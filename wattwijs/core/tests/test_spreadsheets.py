"""Spreadsheet cell values: text that a spreadsheet would run as a formula is neutralised."""

import datetime
from decimal import Decimal

import pytest

from wattwijs.core.spreadsheets import protect, unprotect, xlsx_value


@pytest.mark.parametrize("value", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_it_puts_an_apostrophe_before_text_that_starts_like_a_formula(value):
    assert protect(value) == "'" + value


@pytest.mark.parametrize("value", ["Warmtepompen", "", "1+1", -2, 3.5, None])
def test_it_leaves_other_values_alone(value):
    assert protect(value) == value


def test_xlsx_value_protects_text_after_removing_control_characters():
    assert xlsx_value("\x01=1+1") == "'=1+1"


@pytest.mark.parametrize("value", [3, 2.5, Decimal("1.5"), True, datetime.date(2030, 1, 1), None])
def test_xlsx_value_keeps_numbers_dates_and_booleans(value):
    assert xlsx_value(value) == value


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_xlsx_value_leaves_a_cell_empty_for_a_number_that_is_not_finite(value):
    assert xlsx_value(value) is None


def test_xlsx_value_writes_an_aware_datetime_in_local_time():
    moment = datetime.datetime(2030, 6, 1, 10, 0, tzinfo=datetime.UTC)
    assert xlsx_value(moment) == datetime.datetime(2030, 6, 1, 12, 0)  # noqa: DTZ001 - XLSX holds naive local times


class Named:
    def __str__(self) -> str:
        return "=cmd|' /C calc'!A0"


def test_xlsx_value_writes_other_objects_as_protected_text():
    assert xlsx_value(Named()) == "'=cmd|' /C calc'!A0"


def test_unprotect_undoes_protect_for_a_formula_start():
    assert unprotect(str(protect("=SUM(A1)"))) == "=SUM(A1)"


def test_unprotect_keeps_an_apostrophe_before_plain_text():
    assert unprotect("'t Harde") == "'t Harde"
