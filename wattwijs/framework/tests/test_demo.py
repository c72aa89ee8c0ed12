import pytest
from django.db.models import F

from wattwijs.framework.demo import load
from wattwijs.framework.models import (
    Certificate,
    Competence,
    CoreTask,
    Dossier,
    Elective,
    FrameworkUnit,
    FrameworkVersion,
    Qualification,
    WorkProcess,
)

pytestmark = pytest.mark.django_db

MODELS = (
    FrameworkVersion,
    Dossier,
    Qualification,
    CoreTask,
    WorkProcess,
    Elective,
    Certificate,
    Competence,
    FrameworkUnit,
)
THROUGH_MODELS = (
    Qualification.themes.through,
    Elective.themes.through,
    Certificate.work_processes.through,
    Competence.themes.through,
    Competence.work_processes.through,
    FrameworkUnit.themes.through,
    FrameworkUnit.work_processes.through,
)


def counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in MODELS + THROUGH_MODELS}


def version_2026() -> FrameworkVersion:
    return FrameworkVersion.objects.get(slug="kwalificatiekader-2026")


def test_it_meets_the_minimum_counts_in_the_2026_version():
    load()
    version = version_2026()
    assert Dossier.objects.filter(version=version).count() >= 6
    assert Qualification.objects.filter(dossier__version=version).count() >= 12
    assert WorkProcess.objects.filter(core_task__qualification__dossier__version=version).count() >= 60
    assert Elective.objects.filter(version=version).count() >= 20
    assert Certificate.objects.filter(version=version).count() >= 8
    assert Competence.objects.filter(version=version).count() >= 15
    assert FrameworkUnit.objects.filter(version=version).count() >= 25


def test_it_adopts_the_2026_version_and_drafts_2027_based_on_it():
    load()
    version = version_2026()
    draft = FrameworkVersion.objects.get(slug="kwalificatiekader-2027-concept")
    assert version.status == FrameworkVersion.Status.ADOPTED
    assert version.adopted_at is not None
    assert "fictie" in version.description.lower()
    assert draft.status == FrameworkVersion.Status.DRAFT
    assert draft.based_on == version


def test_it_adds_nothing_when_loaded_twice():
    load()
    before = counts()
    load()
    assert counts() == before


def test_it_adds_nothing_when_loaded_twice_with_scale():
    load(scale=2)
    before = counts()
    load(scale=2)
    assert counts() == before


def test_it_marks_every_work_process_as_example():
    load(scale=2)
    assert WorkProcess.objects.exists()
    assert not WorkProcess.objects.filter(is_example=False).exists()


def test_it_fills_no_crebo_codes():
    load()
    assert not Dossier.objects.exclude(crebo="").exists()
    assert not Qualification.objects.exclude(crebo="").exists()


def test_it_fills_no_elective_codes_or_esco_uris():
    load()
    assert not Elective.objects.exclude(code="").exists()
    assert not Competence.objects.exclude(esco_uri="").exists()


def test_it_keeps_every_unit_mapping_inside_its_own_version():
    load(scale=2)
    links = FrameworkUnit.work_processes.through.objects
    assert links.exists()
    assert not links.exclude(
        workprocess__core_task__qualification__dossier__version=F("frameworkunit__version")
    ).exists()


def test_it_keeps_certificate_and_competence_links_inside_their_own_version():
    load()
    certificates = Certificate.work_processes.through.objects
    competences = Competence.work_processes.through.objects
    assert not certificates.exclude(
        workprocess__core_task__qualification__dossier__version=F("certificate__version")
    ).exists()
    assert not competences.exclude(
        workprocess__core_task__qualification__dossier__version=F("competence__version")
    ).exists()


def test_it_maps_every_unit_to_two_to_eight_work_processes():
    load()
    for unit in FrameworkUnit.objects.filter(version__slug__startswith="kwalificatiekader-"):
        assert 2 <= unit.work_processes.count() <= 8, unit.code


def test_it_leaves_some_work_processes_of_every_qualification_uncovered():
    load()
    for qualification in Qualification.objects.filter(dossier__version=version_2026()):
        work_processes = WorkProcess.objects.filter(core_task__qualification=qualification)
        covered = work_processes.filter(units__isnull=False).distinct().count()
        assert 0 < covered < work_processes.count(), qualification.name


def test_it_makes_the_2027_draft_differ_from_2026_in_units():
    load()
    units_2026 = {u.code: (u.name, u.study_load_hours) for u in FrameworkUnit.objects.filter(version=version_2026())}
    units_2027 = {
        u.code: (u.name, u.study_load_hours)
        for u in FrameworkUnit.objects.filter(version__slug="kwalificatiekader-2027-concept")
    }
    assert len(units_2027.keys() - units_2026.keys()) == 2
    assert len(units_2026.keys() - units_2027.keys()) == 1
    assert any(units_2026[code] != units_2027[code] for code in units_2026.keys() & units_2027.keys())


def test_it_changes_some_unit_mappings_in_the_2027_draft():
    load()

    def mappings(slug: str) -> dict[str, set[tuple[str, str, str]]]:
        rows = FrameworkUnit.work_processes.through.objects.filter(frameworkunit__version__slug=slug).values_list(
            "frameworkunit__code",
            "workprocess__core_task__qualification__name",
            "workprocess__code",
        )
        result: dict[str, set[tuple[str, str, str]]] = {}
        for code, qualification, work_process in rows:
            result.setdefault(code, set()).add((code, qualification, work_process))
        return result

    old, new = mappings("kwalificatiekader-2026"), mappings("kwalificatiekader-2027-concept")
    assert any(old[code] != new[code] for code in old.keys() & new.keys())


def test_it_creates_no_generated_version_at_scale_1():
    load()
    assert not FrameworkVersion.objects.filter(slug__startswith="voorbeeldkader-schaal-").exists()


def test_it_generates_15_qualifications_and_600_work_processes_at_scale_3():
    load(scale=3)
    version = FrameworkVersion.objects.get(slug="voorbeeldkader-schaal-3")
    assert version.status == FrameworkVersion.Status.DRAFT
    assert Dossier.objects.filter(version=version).count() == 3
    assert Qualification.objects.filter(dossier__version=version).count() == 15
    assert WorkProcess.objects.filter(core_task__qualification__dossier__version=version).count() == 600


def test_it_generates_units_mapped_to_ten_work_processes_at_scale_3():
    load(scale=3)
    units = FrameworkUnit.objects.filter(version__slug="voorbeeldkader-schaal-3")
    assert units.count() == 6
    assert all(unit.work_processes.count() == 10 for unit in units)
