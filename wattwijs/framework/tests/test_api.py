"""REST API of the kwalificatiekader: the current version's qualifications, work processes, units,
certificates and competences."""

from datetime import timedelta

import pytest
from django.utils import timezone

from wattwijs.framework.models import FrameworkVersion
from wattwijs.framework.tests.factories import (
    CertificateFactory,
    CompetenceFactory,
    UnitFactory,
    VersionFactory,
    qualification_with_work_processes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def current():
    now = timezone.now()
    old = VersionFactory(status=FrameworkVersion.Status.ADOPTED, name="Oud", adopted_at=now - timedelta(days=400))
    qualification_with_work_processes(old, name="Oude monteur")
    return VersionFactory(status=FrameworkVersion.Status.ADOPTED, name="Nieuw", adopted_at=now)


def test_qualifications_of_the_current_version_are_listed(client, current):
    qualification_with_work_processes(current, name="Eerste monteur")
    body = client.get("/api/v1/framework/qualifications").json()
    assert body["version"]["name"] == "Nieuw"
    assert [q["name"] for q in body["results"]] == ["Eerste monteur"]


def test_a_qualification_comes_with_its_core_tasks_and_work_processes(client, current):
    qualification = qualification_with_work_processes(current, count=3)
    body = client.get(f"/api/v1/framework/qualifications/{qualification.pk}").json()
    assert [wp["code"] for wp in body["core_tasks"][0]["work_processes"]] == ["B1-K1-W1", "B1-K1-W2", "B1-K1-W3"]


def test_units_certificates_and_competences_list_their_work_processes(client, current):
    work_process = qualification_with_work_processes(current, count=1).core_tasks.get().work_processes.get()
    UnitFactory(version=current, work_processes=[work_process])
    CertificateFactory(version=current, work_processes=[work_process])
    CompetenceFactory(version=current, work_processes=[work_process])
    for path in ("units", "certificates", "competences"):
        assert client.get(f"/api/v1/framework/{path}").json()["results"][0]["work_processes"] == [work_process.pk]


@pytest.mark.parametrize("path", ["qualifications", "work-processes", "units", "certificates", "competences"])
def test_framework_lists_make_a_fixed_number_of_queries(client, current, path, django_assert_max_num_queries):
    for i in range(5):
        work_process = qualification_with_work_processes(current, count=2, name=f"Monteur {i}").core_tasks.get()
        UnitFactory(version=current, work_processes=list(work_process.work_processes.all()))
        CertificateFactory(version=current, work_processes=list(work_process.work_processes.all()))
        CompetenceFactory(version=current, work_processes=list(work_process.work_processes.all()))
    with django_assert_max_num_queries(5):
        assert client.get(f"/api/v1/framework/{path}", {"page_size": 100}).json()["count"] >= 5
