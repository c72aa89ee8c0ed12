import pytest

from wattwijs.framework.models import FrameworkVersion, WorkProcess
from wattwijs.framework.tests.factories import VersionFactory, qualification_with_work_processes


@pytest.fixture
def qualification(db):
    """A qualification in an adopted version with ten work processes B1-K1-W1..W10."""
    version = VersionFactory(name="Kader 2026", slug="kader-2026", status=FrameworkVersion.Status.ADOPTED)
    return qualification_with_work_processes(version, count=10)


@pytest.fixture
def work_processes(qualification):
    return list(WorkProcess.objects.filter(core_task__qualification=qualification).order_by("pk"))
