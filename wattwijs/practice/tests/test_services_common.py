"""The shared audited write of the practice app's services."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from wattwijs.core.models import AuditEntry
from wattwijs.core.tests.factories import region
from wattwijs.practice.models import Practice, PublicationStatus
from wattwijs.practice.services import PracticeData
from wattwijs.practice.services_common import AuditedWriter

from .factories import PracticeFactory

pytestmark = pytest.mark.django_db
BEFORE = datetime(2026, 1, 5, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _title_write(practice, data):
    practice.title = data.title
    practice.save(update_fields=["title", "updated_at"])


def _failing_write(practice, data):
    _title_write(practice, data)
    raise RuntimeError("the write broke off")


def _writer(write):
    return AuditedWriter[Practice, PracticeData](
        action="practice.test", write=write, fields=["title", "target_group"], organisation=lambda data: data.owner
    )


def _data(world, **changes):
    values = {"title": "Nieuwe titel", "owner": world.roc, "region": region("AMR12"), "target_group": "werkzoekenden"}
    values.update(changes)
    return PracticeData(**values)


def test_an_update_lists_only_the_changed_fields_in_its_audit_entry(world):
    practice = PracticeFactory(title="Oude titel", target_group="werkzoekenden")
    _writer(_title_write).update(actor=world.alice, obj=practice, data=_data(world))
    entry = AuditEntry.objects.get(action="practice.test_update")
    assert entry.details == {"changed": ["title"]}
    assert (entry.actor_id, entry.organisation_id) == (world.alice.pk, world.roc.pk)


def test_an_update_stamps_updated_at(world):
    practice = PracticeFactory(updated_at=BEFORE)
    _writer(_title_write).update(actor=world.alice, obj=practice, data=_data(world))
    practice.refresh_from_db()
    assert practice.updated_at > BEFORE


def test_a_create_files_its_details(world):
    practice = PracticeFactory(status=PublicationStatus.DRAFT)
    _writer(_title_write).create(actor=world.alice, obj=practice, data=_data(world), details={"status": "concept"})
    assert AuditEntry.objects.get(action="practice.test_create").details == {"status": "concept"}


def test_a_write_that_breaks_off_leaves_neither_change_nor_audit_entry(world):
    practice = PracticeFactory(title="Oude titel")
    with pytest.raises(RuntimeError):
        _writer(_failing_write).update(actor=world.alice, obj=practice, data=_data(world))
    practice.refresh_from_db()
    assert practice.title == "Oude titel"
    assert not AuditEntry.objects.exists()
