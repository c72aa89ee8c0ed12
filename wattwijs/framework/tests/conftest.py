import pytest

from wattwijs.framework.models import FrameworkVersion
from wattwijs.framework.tests.factories import VersionFactory, qualification_with_work_processes


@pytest.fixture
def draft(db):
    return VersionFactory(name="Concept 2027", slug="concept-2027")


@pytest.fixture
def adopted(db):
    return VersionFactory(name="Kader 2026", slug="kader-2026", status=FrameworkVersion.Status.ADOPTED)


@pytest.fixture
def qualification(draft):
    """A qualification in the draft version with four work processes B1-K1-W1..W4."""
    return qualification_with_work_processes(draft)


@pytest.fixture
def work_processes(qualification):
    from wattwijs.framework.models import WorkProcess

    return list(WorkProcess.objects.filter(core_task__qualification=qualification).order_by("code"))
