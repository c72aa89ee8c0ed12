import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wattwijs.core.models import AuditEntry
from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.framework import services
from wattwijs.framework.models import Alignment, FrameworkUnit, FrameworkVersion, WorkProcess
from wattwijs.framework.tests.factories import UnitFactory, qualification_with_work_processes

pytestmark = pytest.mark.django_db

UNIT = {
    "code": "KE-01",
    "name": "Hybride warmtepomp installeren",
    "description": "",
    "study_load_hours": 80,
    "level": 3,
}


def test_an_editor_creates_a_unit_mapped_to_work_processes(world, draft, work_processes):
    unit = services.unit_create(actor=world.alice, version=draft, data=UNIT, work_processes=work_processes[:2])
    assert sorted(unit.work_processes.values_list("code", flat=True)) == ["B1-K1-W1", "B1-K1-W2"]


def test_creating_a_unit_writes_an_audit_entry(world, draft):
    services.unit_create(actor=world.alice, version=draft, data=UNIT)
    assert AuditEntry.objects.filter(action="framework.unit_create").count() == 1


def test_a_non_editor_cannot_create_units(world, draft):
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=world.bob, version=draft, data=UNIT)
    assert not FrameworkUnit.objects.exists()


def test_a_municipality_admin_is_no_framework_editor(world, draft):
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=world.charlie, version=draft, data=UNIT)


def test_an_adopted_version_cannot_change(world, adopted):
    with pytest.raises(ValidationError):
        services.unit_create(actor=world.alice, version=adopted, data=UNIT)
    assert not FrameworkUnit.objects.exists()


def test_mapping_to_a_work_process_of_another_version_is_refused(world, draft, adopted):
    other = qualification_with_work_processes(adopted)
    foreign = WorkProcess.objects.filter(core_task__qualification=other).first()
    with pytest.raises(ValidationError) as error:
        services.unit_create(actor=world.alice, version=draft, data=UNIT, work_processes=[foreign])
    assert "andere versie" in str(error.value.message_dict["work_processes"]) or "another version" in str(
        error.value.message_dict["work_processes"]
    )
    assert not FrameworkUnit.objects.exists()


def test_a_duplicate_unit_code_is_refused(world, draft):
    services.unit_create(actor=world.alice, version=draft, data=UNIT)
    with pytest.raises(ValidationError) as error:
        services.unit_create(actor=world.alice, version=draft, data={**UNIT, "code": "ke-01"})
    assert "code" in error.value.message_dict


def test_updating_a_unit_changes_its_mapping(world, draft, work_processes):
    unit = UnitFactory(version=draft, work_processes=work_processes[:1])
    services.unit_update(
        actor=world.alice, unit=unit, data={**UNIT, "code": unit.code}, work_processes=work_processes[1:3]
    )
    assert sorted(unit.work_processes.values_list("code", flat=True)) == ["B1-K1-W2", "B1-K1-W3"]


def test_deleting_an_aligned_work_process_needs_a_replacement(world, draft, work_processes):
    services.alignment_set(actor=world.alice, obj=world.roc, work_processes=[work_processes[0]])
    with pytest.raises(ValidationError):
        services.work_process_delete(actor=world.alice, work_process=work_processes[0])
    assert WorkProcess.objects.filter(pk=work_processes[0].pk).exists()


def test_the_replacement_takes_over_alignments_and_mappings(world, draft, work_processes):
    services.alignment_set(actor=world.alice, obj=world.roc, work_processes=[work_processes[0]])
    unit = UnitFactory(version=draft, work_processes=[work_processes[0]])
    services.work_process_delete(actor=world.alice, work_process=work_processes[0], replacement=work_processes[1])
    assert Alignment.objects.get().work_process == work_processes[1]
    assert list(unit.work_processes.all()) == [work_processes[1]]


def test_an_unused_work_process_is_deleted_without_replacement(world, work_processes):
    services.work_process_delete(actor=world.alice, work_process=work_processes[3])
    assert not WorkProcess.objects.filter(pk=work_processes[3].pk).exists()


def test_adopting_a_draft_freezes_it(world, draft):
    services.version_adopt(actor=world.alice, version=draft)
    draft.refresh_from_db()
    assert draft.status == FrameworkVersion.Status.ADOPTED and draft.adopted_at is not None


def test_a_new_draft_copies_the_whole_structure(world, adopted):
    qualification_with_work_processes(adopted)
    unit = UnitFactory(version=adopted)
    unit.work_processes.set(WorkProcess.objects.all()[:2])
    copy = services.version_create_draft(actor=world.alice, source=adopted, name="Concept", slug="concept")
    copied_unit = copy.units.get(code=unit.code)
    assert copy.based_on == adopted
    assert copied_unit.work_processes.count() == 2
    assert {wp.core_task.qualification.dossier.version for wp in copied_unit.work_processes.all()} == {copy}


def test_a_draft_slug_must_be_new(world, adopted):
    with pytest.raises(ValidationError):
        services.version_create_draft(actor=world.alice, source=adopted, name="X", slug=adopted.slug)


def test_alignment_set_replaces_earlier_alignments(world, work_processes):
    organisation = OrganisationFactory()
    services.alignment_set(actor=world.alice, obj=organisation, work_processes=work_processes[:2])
    services.alignment_set(actor=world.alice, obj=organisation, work_processes=work_processes[2:3])
    assert [a.work_process for a in Alignment.objects.all()] == [work_processes[2]]
