"""Bulk inserts: all rows or none."""

import pytest
from django.db import IntegrityError

from wattwijs.core.bulk import insert_rows
from wattwijs.core.models import Theme

# Outside a test transaction, to see what a failing insert leaves behind. The rollback brings back the
# reference data the migrations load, as every other test that commits does.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIELDS = ("code", "name_nl", "name_en", "position")


def test_it_inserts_every_row():
    insert_rows(Theme, FIELDS, [("bulk-een", "Een", "One", 1), ("bulk-twee", "Twee", "Two", 2)])
    assert set(Theme.objects.filter(code__startswith="bulk-").values_list("code", flat=True)) == {
        "bulk-een",
        "bulk-twee",
    }


def test_a_failing_row_outside_a_transaction_leaves_none_of_the_rows():
    rows = [("bulk-een", "Een", "One", 1), ("bulk-een", "Dubbel", "Double", 2)]
    with pytest.raises(IntegrityError):
        insert_rows(Theme, FIELDS, rows)
    assert not Theme.objects.filter(code__startswith="bulk-").exists()
