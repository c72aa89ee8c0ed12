"""The REST API against its own OpenAPI document, with schemathesis generating the calls (in process, WSGI).

Every documented operation is called with generated parameters and bodies, anonymously and with a valid
token of an author; no call may answer a server error, a status the document does not list, or a body
that breaks the documented schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from wattwijs.capacity import services as capacity_services
from wattwijs.capacity.tests.factories import DriverFactory, LabourIntensityFactory, ScenarioFactory, SupplyFactory
from wattwijs.core import services as core_services
from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, UserFactory, theme
from wattwijs.framework.models import FrameworkVersion
from wattwijs.framework.tests.factories import (
    CertificateFactory,
    CompetenceFactory,
    UnitFactory,
    VersionFactory,
    qualification_with_work_processes,
)
from wattwijs.library.models import Collection, CollectionItem, ResourceVersion
from wattwijs.library.tests.factories import material
from wattwijs.pathways.tests.factories import ChainStepFactory, LearningPlaceFactory
from wattwijs.training.tests.factories import OfferFactory
from wattwijs.wsgi import application


@pytest.fixture
def keep_connection():
    """Django's test client keeps the test's database connection open between requests; a plain WSGI call
    would close it at the end of each request (inside the test transaction). Do as the test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_data(db, settings, keep_connection):
    """A little of everything the API serves, with ids 1.. so generated ids sometimes hit something."""
    settings.API_RATE_LIMITS = {}
    roc = OrganisationFactory(name="ROC Test", slug="roc-test", themes=[theme("zon-pv")])
    author = UserFactory(email="auteur@example.org")
    MembershipFactory(user=author, organisation=roc, role=Role.AUTHOR)
    version = VersionFactory(status=FrameworkVersion.Status.ADOPTED)
    qualification = qualification_with_work_processes(version)
    work_process = qualification.core_tasks.get().work_processes.first()
    UnitFactory(version=version, work_processes=[work_process])
    CertificateFactory(version=version, work_processes=[work_process])
    CompetenceFactory(version=version, work_processes=[work_process])
    published = material("Omvormer vervangen", publisher=roc, created_by=author, themes=[theme("zon-pv")])
    material("Concept", publisher=roc, created_by=author, status=ResourceVersion.Status.DRAFT)
    collection = Collection.objects.create(title="Zon-pv", is_public=True, owner=author)
    CollectionItem.objects.create(collection=collection, resource=published.resource, position=1)
    OfferFactory(providers=[roc])
    ChainStepFactory(organisation=roc)
    LearningPlaceFactory()
    DriverFactory()
    LabourIntensityFactory()
    SupplyFactory()
    capacity_services.result_store(scenario=ScenarioFactory(slug="basis"))
    _token, raw = core_services.api_token_create(user=author, name="schemathesis")
    return {"Authorization": f"Bearer {raw}"}


CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
BOUNDED = settings(
    max_examples=6,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def check_every_operation(headers: dict[str, str]) -> list[str]:
    """Generate calls for every operation of the document; the operations whose calls failed a check."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    failed = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @BOUNDED
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            call()
        except Exception as error:  # noqa: BLE001 - every failure is reported together below
            failed.append(f"{operation.label}: {error}")
    return failed


def test_the_openapi_document_lists_every_endpoint(client, api_data):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/resources", "/api/v1/resources/{id}.jsonld", "/api/v1/collections", "/api/v1/chains"}
    assert {"/api/v1/route-advice", "/api/v1/capacity/scenarios/{slug}"} <= set(paths) <= set(paths)


def test_anonymous_calls_keep_to_the_documented_schema(api_data):
    assert check_every_operation({}) == []


def test_calls_with_a_token_keep_to_the_documented_schema(api_data):
    assert check_every_operation(api_data) == []
