"""The harvest-source pages for admins and coordinators."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, UserFactory
from wattwijs.interop.models import HarvestError, HarvestRun, HarvestSource
from wattwijs.interop.tests.factories import HarvestSourceFactory

pytestmark = pytest.mark.django_db

LIST = reverse("interop:harvest_source_list")
CREATE = reverse("interop:harvest_source_create")


def test_the_list_shows_the_sources_of_the_users_organisations(client, world, django_assert_max_num_queries):
    HarvestSourceFactory(name="Wikiwijs", organisation=world.roc)
    HarvestSourceFactory(name="Andermans bron", organisation=world.gemeente)
    for number in range(5):
        HarvestSourceFactory(name=f"Bron {number}", organisation=world.roc)
    client.force_login(world.alice)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.status_code == 200
    assert "Wikiwijs" in response.content.decode()
    assert "Andermans bron" not in response.content.decode()


def test_a_coordinator_manages_sources(client, world):
    coordinator = UserFactory()
    MembershipFactory(user=coordinator, organisation=world.roc, role=Role.COORDINATOR)
    client.force_login(coordinator)
    assert client.get(LIST).status_code == 200


def test_members_without_the_role_are_refused(client, world):
    client.force_login(world.bob)
    assert client.get(LIST).status_code == 403
    assert client.get(CREATE).status_code == 403


def test_visitors_are_sent_to_log_in(client):
    assert client.get(LIST).status_code == 302


def test_adding_a_source(client, world):
    client.force_login(world.alice)
    response = client.post(
        CREATE,
        {
            "name": "Wikiwijs",
            "base_url": "https://wikiwijs.example.org/oai",
            "metadata_prefix": "lom",
            "set_spec": "",
            "organisation": world.roc.pk,
            "schedule": "daily",
            "active": "on",
        },
    )
    source = HarvestSource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == source.get_absolute_url()
    assert (source.name, source.organisation) == ("Wikiwijs", world.roc)


def test_a_source_for_another_organisation_is_refused_and_nothing_is_saved(client, world):
    client.force_login(world.alice)
    response = client.post(
        CREATE,
        {
            "name": "X",
            "base_url": "https://x.example.org/oai",
            "metadata_prefix": "lom",
            "organisation": world.gemeente.pk,
            "schedule": "daily",
        },
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not HarvestSource.objects.exists()


def test_an_address_that_is_no_url_gets_a_dutch_error(client, world):
    client.force_login(world.alice)
    response = client.post(
        CREATE,
        {
            "name": "X",
            "base_url": "geen adres",
            "metadata_prefix": "lom",
            "organisation": world.roc.pk,
            "schedule": "daily",
        },
    )
    assert "Voer een geldige URL in" in response.content.decode()
    assert not HarvestSource.objects.exists()


def test_editing_a_source(client, world):
    source = HarvestSourceFactory(organisation=world.roc)
    client.force_login(world.alice)
    response = client.post(
        reverse("interop:harvest_source_edit", args=[source.pk]),
        {
            "name": "Nieuwe naam",
            "base_url": source.base_url,
            "metadata_prefix": "oai_dc",
            "organisation": world.roc.pk,
            "schedule": "weekly",
        },
    )
    assert response.status_code == 302
    source.refresh_from_db()
    assert (source.name, source.metadata_prefix, source.active) == ("Nieuwe naam", "oai_dc", False)


def test_the_source_page_shows_the_runs_with_counts_and_errors(client, world, django_assert_max_num_queries):
    source = HarvestSourceFactory(organisation=world.roc)
    run = HarvestRun.objects.create(
        source=source, status=HarvestRun.Status.FINISHED, added=12, updated=3, deleted=2, failed=1
    )
    HarvestError.objects.create(run=run, identifier="oai:x:7", message="De titel ontbreekt.")
    client.force_login(world.alice)
    with django_assert_max_num_queries(10):
        response = client.get(source.get_absolute_url())
    html = response.content.decode()
    assert "<td>12</td>" in html
    assert "oai:x:7" in html
    assert "De titel ontbreekt." in html


def test_someone_elses_source_page_is_refused(client, world):
    source = HarvestSourceFactory(organisation=world.gemeente)
    client.force_login(world.alice)
    assert client.get(source.get_absolute_url()).status_code == 403


def test_harvest_now_queues_a_harvest(client, world, django_capture_on_commit_callbacks):
    source = HarvestSourceFactory(organisation=world.roc)
    client.force_login(world.alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("interop:harvest_source_harvest", args=[source.pk]))
    assert response.status_code == 302
    assert source.runs.get().status == HarvestRun.Status.QUEUED


def test_harvest_now_needs_a_post(client, world):
    source = HarvestSourceFactory(organisation=world.roc)
    client.force_login(world.alice)
    assert client.get(reverse("interop:harvest_source_harvest", args=[source.pk])).status_code == 405
