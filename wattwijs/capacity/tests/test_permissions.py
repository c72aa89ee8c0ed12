"""Only a scenario's creator or a platform administrator changes or deletes it; others get 403 and nothing
changes."""

import pytest
from django.core.exceptions import PermissionDenied

from wattwijs.capacity import services
from wattwijs.capacity.models import Scenario
from wattwijs.capacity.services import ScenarioData
from wattwijs.capacity.tests.factories import ScenarioFactory
from wattwijs.core.models import AuditEntry, Role
from wattwijs.core.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

EDIT_DATA = {
    "name": "Veranderd",
    "kind": "basis",
    "description": "",
    "demand_factor": "2",
    "hours_per_fte": "1500",
    "completion_rate": "70",
    "training_factor": "1",
    "switcher_factor": "1",
    "outflow_factor": "1",
    "innovation_factor": "0",
}


@pytest.fixture
def creator():
    return MembershipFactory(role=Role.COORDINATOR).user


@pytest.fixture
def other_coordinator():
    return MembershipFactory(role=Role.COORDINATOR).user


@pytest.fixture
def scenario(creator):
    return ScenarioFactory(name="Eigen scenario", created_by=creator)


def test_it_lets_the_creator_change_their_scenario(client, creator, scenario):
    client.force_login(creator)
    response = client.post(f"/arbeidscapaciteit/scenarios/{scenario.slug}/bewerken/", EDIT_DATA)
    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.demand_factor == 2


def test_it_refuses_another_coordinator_the_edit_page(client, other_coordinator, scenario):
    client.force_login(other_coordinator)
    assert client.get(f"/arbeidscapaciteit/scenarios/{scenario.slug}/bewerken/").status_code == 403


def test_it_refuses_another_coordinator_a_change_and_changes_nothing(client, other_coordinator, scenario):
    client.force_login(other_coordinator)
    response = client.post(f"/arbeidscapaciteit/scenarios/{scenario.slug}/bewerken/", EDIT_DATA)
    assert response.status_code == 403
    scenario.refresh_from_db()
    assert (scenario.name, scenario.demand_factor) == ("Eigen scenario", 1)


def test_the_update_service_refuses_another_coordinator(other_coordinator, scenario):
    with pytest.raises(PermissionDenied):
        services.scenario_update(actor=other_coordinator, scenario=scenario, data=ScenarioData(name="Anders"))
    scenario.refresh_from_db()
    assert scenario.name == "Eigen scenario"


def test_it_refuses_another_coordinator_a_delete_and_keeps_the_scenario(client, other_coordinator, scenario):
    client.force_login(other_coordinator)
    assert client.post(f"/arbeidscapaciteit/scenarios/{scenario.slug}/verwijderen/").status_code == 403
    assert client.get(f"/arbeidscapaciteit/scenarios/{scenario.slug}/verwijderen/").status_code == 403
    assert Scenario.objects.filter(pk=scenario.pk).exists()


def test_it_lets_the_creator_delete_their_scenario_and_audits_it(client, creator, scenario):
    client.force_login(creator)
    response = client.post(f"/arbeidscapaciteit/scenarios/{scenario.slug}/verwijderen/")
    assert response.url == "/arbeidscapaciteit/scenarios/"
    assert not Scenario.objects.filter(pk=scenario.pk).exists()
    assert AuditEntry.objects.filter(action="capacity.scenario_delete").exists()


def test_the_delete_page_asks_for_confirmation_first(client, creator, scenario):
    client.force_login(creator)
    content = client.get(f"/arbeidscapaciteit/scenarios/{scenario.slug}/verwijderen/").content.decode()
    assert "Ja, verwijderen" in content
    assert Scenario.objects.filter(pk=scenario.pk).exists()


def test_a_platform_admin_changes_a_scenario_someone_else_made(client, scenario):
    client.force_login(UserFactory(is_superuser=True))
    client.post(f"/arbeidscapaciteit/scenarios/{scenario.slug}/bewerken/", EDIT_DATA)
    scenario.refresh_from_db()
    assert scenario.demand_factor == 2


def test_a_platform_admin_deletes_a_scenario_without_a_creator(client):
    scenario = ScenarioFactory(created_by=None)
    client.force_login(UserFactory(is_superuser=True))
    client.post(f"/arbeidscapaciteit/scenarios/{scenario.slug}/verwijderen/")
    assert not Scenario.objects.filter(pk=scenario.pk).exists()


def test_a_scenario_without_a_creator_is_not_changed_by_a_coordinator(client, other_coordinator):
    scenario = ScenarioFactory(created_by=None)
    client.force_login(other_coordinator)
    assert client.post(f"/arbeidscapaciteit/scenarios/{scenario.slug}/bewerken/", EDIT_DATA).status_code == 403


def test_a_creator_who_is_no_longer_a_coordinator_cannot_change_the_scenario(client, creator, scenario):
    creator.memberships.update(role=Role.VIEWER)
    client.force_login(creator)
    assert client.post(f"/arbeidscapaciteit/scenarios/{scenario.slug}/bewerken/", EDIT_DATA).status_code == 403


def test_another_coordinator_sees_copy_but_not_change_or_delete(client, other_coordinator, scenario):
    client.force_login(other_coordinator)
    content = client.get(scenario.get_absolute_url()).content.decode()
    assert "Scenario kopiëren" in content
    assert f"/arbeidscapaciteit/scenarios/{scenario.slug}/bewerken/" not in content
    assert f"/arbeidscapaciteit/scenarios/{scenario.slug}/verwijderen/" not in content


def test_the_creator_sees_change_and_delete(client, creator, scenario):
    client.force_login(creator)
    content = client.get(scenario.get_absolute_url()).content.decode()
    assert f"/arbeidscapaciteit/scenarios/{scenario.slug}/bewerken/" in content
    assert f"/arbeidscapaciteit/scenarios/{scenario.slug}/verwijderen/" in content
