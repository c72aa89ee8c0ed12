import pytest
from django.contrib.contenttypes.models import ContentType

from wattwijs.core.models import Organisation
from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.framework import selectors, services
from wattwijs.framework.selectors import AlignedSet, TreeFilters
from wattwijs.framework.tests.factories import (
    CertificateFactory,
    CompetenceFactory,
    UnitFactory,
    VersionFactory,
    qualification_with_work_processes,
)

pytestmark = pytest.mark.django_db


def test_the_current_version_is_the_newest_adopted(adopted, draft):
    assert selectors.current_version() == adopted


def test_the_tree_holds_dossiers_qualifications_and_core_tasks_with_counts(draft, qualification):
    [dossier] = selectors.framework_tree(version=draft, filters=TreeFilters())
    task = dossier.qualifications[0].core_tasks[0]
    assert (task.code, task.work_process_count, task.work_processes) == ("B1-K1", 4, [])


def test_the_tree_search_keeps_matching_work_processes_and_their_ancestors(draft, qualification):
    [dossier] = selectors.framework_tree(version=draft, filters=TreeFilters(q="W3"))
    assert [wp.code for wp in dossier.qualifications[0].core_tasks[0].work_processes] == ["B1-K1-W3"]


def test_the_tree_filters_on_level(draft, qualification):
    assert selectors.framework_tree(version=draft, filters=TreeFilters(level=4)) == []


def test_the_tree_counts_units_per_work_process(draft, work_processes):
    UnitFactory(version=draft, work_processes=work_processes[:1])
    [dossier] = selectors.framework_tree(version=draft, filters=TreeFilters(q="B1-K1-W"))
    assert [wp.unit_count for wp in dossier.qualifications[0].core_tasks[0].work_processes] == [1, 0, 0, 0]


def test_the_tree_needs_few_queries_whatever_its_size(draft, django_assert_max_num_queries):
    for number in range(5):
        qualification_with_work_processes(draft, count=10, name=f"Kwalificatie {number}")
    with django_assert_max_num_queries(4):
        selectors.framework_tree(version=draft, filters=TreeFilters())


def test_unit_coverage_lists_the_uncovered_work_processes(qualification, draft, work_processes):
    UnitFactory(version=draft, work_processes=work_processes[:3])
    coverage, uncovered = selectors.qualification_unit_coverage(qualification=qualification)
    assert (coverage.covered, coverage.total, coverage.percent) == (3, 4, 75)
    assert [wp.code for wp in uncovered] == ["B1-K1-W4"]


def test_coverage_counts_direct_unit_and_competence_alignments(world, qualification, draft, work_processes):
    unit = UnitFactory(version=draft, work_processes=[work_processes[1]])
    competence = CompetenceFactory(version=draft, work_processes=[work_processes[2]])
    first, second = OrganisationFactory(), OrganisationFactory()
    services.alignment_set(actor=world.alice, obj=first, work_processes=[work_processes[0]], units=[unit])
    services.alignment_set(actor=world.alice, obj=second, competences=[competence])
    aligned = AlignedSet(ContentType.objects.get_for_model(Organisation), [first.pk, second.pk])
    assert selectors.coverage(qualification=qualification, aligned=aligned).covered == 3


def test_coverage_ignores_objects_outside_the_set(world, qualification, work_processes):
    inside, outside = OrganisationFactory(), OrganisationFactory()
    services.alignment_set(actor=world.alice, obj=outside, work_processes=work_processes)
    aligned = AlignedSet(ContentType.objects.get_for_model(Organisation), [inside.pk])
    assert selectors.coverage(qualification=qualification, aligned=aligned).covered == 0


def test_coverage_is_one_query(world, qualification, django_assert_num_queries):
    aligned = AlignedSet(ContentType.objects.get_for_model(Organisation), [1, 2, 3])
    with django_assert_num_queries(1):
        selectors.coverage(qualification=qualification, aligned=aligned)


def test_aligned_to_groups_objects_per_kind(world, work_processes):
    services.alignment_set(actor=world.alice, obj=world.roc, work_processes=[work_processes[0]])
    [group] = selectors.aligned_to(node=work_processes[0])
    assert (group.count, group.objects) == (1, [world.roc])


def test_a_unit_contributes_to_each_qualification_it_maps(draft, work_processes):
    unit = UnitFactory(version=draft, work_processes=work_processes[:2])
    [contribution] = selectors.unit_contributions(unit=unit)
    assert (contribution.mapped, contribution.total, contribution.percent) == (2, 4, 50)


def test_the_skills_view_finds_qualifications_units_and_certificates(draft, qualification, work_processes):
    competence = CompetenceFactory(version=draft, work_processes=[work_processes[0]])
    unit = UnitFactory(version=draft, work_processes=[work_processes[0]])
    certificate = CertificateFactory(version=draft, work_processes=[work_processes[0]])
    needs = selectors.competence_needs(competence=competence)
    assert (list(needs["qualifications"]), list(needs["units"]), list(needs["certificates"])) == (
        [qualification],
        [unit],
        [certificate],
    )


def test_the_version_diff_shows_added_removed_and_changed_units(world, adopted):
    qualification_with_work_processes(adopted)
    kept = UnitFactory(version=adopted, code="KE-01")
    UnitFactory(version=adopted, code="KE-02")
    new = services.version_create_draft(actor=world.alice, source=adopted, name="Nieuw", slug="nieuw")
    new.units.filter(code="KE-02").delete()
    UnitFactory(version=new, code="KE-03")
    new.units.filter(code="KE-01").update(study_load_hours=kept.study_load_hours + 40)
    diff = selectors.version_diff(old=adopted, new=new)
    assert ([u.code for u in diff.added], [u.code for u in diff.removed], [c.code for c in diff.changed]) == (
        ["KE-03"],
        ["KE-02"],
        ["KE-01"],
    )


def test_the_version_diff_shows_mapping_changes(world, adopted):
    qualification_with_work_processes(adopted)
    UnitFactory(version=adopted, code="KE-01")
    new = services.version_create_draft(actor=world.alice, source=adopted, name="Nieuw", slug="nieuw")
    unit = new.units.get(code="KE-01")
    unit.work_processes.add(unit.version.dossiers.get().qualifications.get().core_tasks.get().work_processes.first())
    [change] = selectors.version_diff(old=adopted, new=new).changed
    assert change.added_mappings == ["Eerste monteur (niveau 3) B1-K1-W1"]


def test_an_identical_copy_has_an_empty_diff(world, adopted):
    VersionFactory()
    UnitFactory(version=adopted)
    new = services.version_create_draft(actor=world.alice, source=adopted, name="Nieuw", slug="nieuw")
    assert selectors.version_diff(old=adopted, new=new).is_empty
