import pytest

from wattwijs.framework import services
from wattwijs.framework.models import FrameworkUnit, FrameworkVersion
from wattwijs.framework.tests.factories import UnitFactory, qualification_with_work_processes

pytestmark = pytest.mark.django_db


def test_the_tree_page_shows_qualifications_and_core_tasks(client, draft, qualification):
    body = client.get("/kwalificatiekader/", {"versie": draft.slug}).content.decode()
    assert "B1-K1 Installeert en monteert" in body and qualification.name in body


def test_the_tree_loads_work_processes_of_a_core_task_when_opened(client, qualification):
    task = qualification.core_tasks.get()
    body = client.get(f"/kwalificatiekader/kerntaken/{task.pk}/werkprocessen/").content.decode()
    assert body.startswith("<li>") and "B1-K1-W3" in body


def test_a_tree_search_shows_the_matching_work_processes_inline(client, draft, qualification):
    body = client.get("/kwalificatiekader/", {"versie": draft.slug, "q": "W3"}).content.decode()
    assert "B1-K1-W3" in body and "B1-K1-W2" not in body


def test_the_tree_page_uses_a_fixed_number_of_queries(client, draft, django_assert_max_num_queries):
    for number in range(6):
        qualification_with_work_processes(draft, count=8, name=f"Kwalificatie {number}")
    with django_assert_max_num_queries(8):
        client.get("/kwalificatiekader/", {"versie": draft.slug})


def test_the_tree_search_shows_an_empty_state(client, draft, qualification):
    response = client.get("/kwalificatiekader/", {"versie": draft.slug, "q": "bestaat-niet"})
    assert response.context["dossier_count"] == 0


def test_an_unknown_version_is_not_found(client, draft):
    assert client.get("/kwalificatiekader/", {"versie": "onbekend"}).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        lambda q: q.get_absolute_url(),
        lambda q: q.dossier.get_absolute_url(),
        lambda q: q.core_tasks.get().get_absolute_url(),
        lambda q: q.core_tasks.get().work_processes.first().get_absolute_url(),
        lambda q: q.dossier.version.get_absolute_url(),
        lambda q: f"/kwalificatiekader/versies/{q.dossier.version.slug}/eenheden/",
    ],
)
def test_every_node_has_a_public_page(client, qualification, path):
    assert client.get(path(qualification)).status_code == 200


def test_the_qualification_page_shows_coverage_and_uncovered_work_processes(
    client, draft, work_processes, qualification
):
    UnitFactory(version=draft, work_processes=work_processes[:2])
    response = client.get(qualification.get_absolute_url())
    assert response.context["coverage"].percent == 50
    assert [wp.code for wp in response.context["uncovered"]] == ["B1-K1-W3", "B1-K1-W4"]


def test_the_qualification_page_queries_do_not_grow_with_units(
    client, draft, work_processes, qualification, django_assert_max_num_queries
):
    for _ in range(10):
        UnitFactory(version=draft, work_processes=work_processes)
    with django_assert_max_num_queries(12):
        client.get(qualification.get_absolute_url())


def test_an_editor_creates_a_unit_through_the_form(client, world, draft, work_processes):
    client.force_login(world.alice)
    response = client.post(
        f"/kwalificatiekader/versies/{draft.slug}/eenheden/nieuw/",
        {
            "code": "KE-10",
            "name": "Laadpaal aansluiten",
            "study_load_hours": "40",
            "level": "2",
            "work_processes": [work_processes[0].pk, work_processes[1].pk],
        },
    )
    unit = FrameworkUnit.objects.get(code="KE-10")
    assert response.status_code == 302 and unit.work_processes.count() == 2


def test_a_bad_level_keeps_the_input_and_saves_nothing(client, world, draft):
    client.force_login(world.alice)
    response = client.post(
        f"/kwalificatiekader/versies/{draft.slug}/eenheden/nieuw/",
        {"code": "KE-11", "name": "Iets", "study_load_hours": "40", "level": "7"},
    )
    assert response.status_code == 400
    assert 'value="KE-11"' in response.content.decode()
    assert not FrameworkUnit.objects.exists()


def test_a_non_editor_gets_403_on_the_unit_form(client, world, draft):
    client.force_login(world.bob)
    assert client.get(f"/kwalificatiekader/versies/{draft.slug}/eenheden/nieuw/").status_code == 403


def test_units_of_an_adopted_version_cannot_be_edited(client, world, adopted):
    unit = UnitFactory(version=adopted)
    client.force_login(world.alice)
    assert client.get(f"/kwalificatiekader/eenheden/{unit.pk}/bewerken/").status_code == 403


def test_an_editor_adopts_a_draft(client, world, draft):
    client.force_login(world.alice)
    client.post(f"/kwalificatiekader/versies/{draft.slug}/vaststellen/")
    draft.refresh_from_db()
    assert draft.status == FrameworkVersion.Status.ADOPTED


def test_an_editor_makes_a_new_draft(client, world, adopted):
    client.force_login(world.alice)
    response = client.post(
        f"/kwalificatiekader/versies/{adopted.slug}/nieuwe-versie/", {"name": "Concept 2028", "slug": "concept-2028"}
    )
    assert response.status_code == 302
    assert FrameworkVersion.objects.get(slug="concept-2028").based_on == adopted


def test_the_diff_page_compares_with_the_version_it_is_based_on(client, world, adopted):
    UnitFactory(version=adopted, code="KE-01")
    new = services.version_create_draft(actor=world.alice, source=adopted, name="Nieuw", slug="nieuw")
    UnitFactory(version=new, code="KE-02")
    response = client.get(f"/kwalificatiekader/versies/{new.slug}/verschillen/")
    assert [unit.code for unit in response.context["diff"].added] == ["KE-02"]


def test_deleting_a_used_work_process_without_replacement_is_refused(client, world, draft, work_processes):
    UnitFactory(version=draft, work_processes=[work_processes[0]])
    client.force_login(world.alice)
    response = client.post(f"/kwalificatiekader/werkprocessen/{work_processes[0].pk}/verwijderen/", {})
    assert response.status_code == 400
    assert work_processes[0].__class__.objects.filter(pk=work_processes[0].pk).exists()


def test_the_framework_appears_in_the_navigation(client):
    assert 'href="/kwalificatiekader/"' in client.get("/").content.decode()


def test_a_theme_page_lists_qualifications_with_that_theme(client, adopted):
    from wattwijs.core.tests.factories import theme

    qualification = qualification_with_work_processes(adopted, name="Monteur zonnestroom")
    qualification.themes.add(theme("zon-pv"))
    assert "Monteur zonnestroom" in client.get("/themas/gebouwde-omgeving/").content.decode()
