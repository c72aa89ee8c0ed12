"""REST API of matching: the public route advice, validated like the route-advice page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType

from wattwijs.core.tests.factories import region
from wattwijs.framework.models import Alignment, FrameworkVersion
from wattwijs.framework.tests.factories import CoreTaskFactory, WorkProcessFactory
from wattwijs.training.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _offer(title: str, hours_per_week: int, weeks: int, *work_processes: Any) -> Any:
    offer = OfferFactory(title=title, hours_per_week=hours_per_week, duration_weeks=weeks, status="lopend")
    offer.regions.set([region("AMR12")])
    content_type = ContentType.objects.get_for_model(offer)
    for wp in work_processes:
        Alignment.objects.create(content_type=content_type, object_id=offer.pk, work_process=wp)
    return offer


@pytest.fixture
def goal() -> dict[str, Any]:
    core_task = CoreTaskFactory()
    version = core_task.qualification.dossier.version
    version.status = FrameworkVersion.Status.ADOPTED
    version.save()
    wps = [WorkProcessFactory(core_task=core_task) for _ in range(3)]
    return {"qualification": core_task.qualification, "wps": wps}


def test_the_route_advice_gives_covered_missing_and_the_cheapest_offers(client, goal):
    wps = goal["wps"]
    _offer("Volledige omscholing", 20, 20, wps[1], wps[2])
    small = _offer("Korte cursus", 8, 5, wps[1])
    other = _offer("Andere cursus", 8, 5, wps[2])
    response = client.get(
        "/api/v1/route-advice",
        {"region": "AMR12", "qualification": goal["qualification"].pk, "work_processes": [wps[0].pk]},
    )
    body = response.json()
    assert response.status_code == 200
    assert [wp["id"] for wp in body["covered"]] == [wps[0].pk]
    assert [wp["id"] for wp in body["missing"]] == [wps[1].pk, wps[2].pk]
    assert {offer["id"] for offer in body["offers"]} == {small.pk, other.pk}
    assert body["hours"] == 80 and body["region"] == "AMR12"
    assert body["approximate"] is False


def test_route_advice_needs_exactly_one_goal(client, goal):
    response = client.get(
        "/api/v1/route-advice",
        {"region": "AMR12", "qualification": goal["qualification"].pk, "certificate": 1},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_route_advice_refuses_an_unknown_region(client, goal):
    response = client.get("/api/v1/route-advice", {"region": "XX99", "qualification": goal["qualification"].pk})
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "region"


def test_route_advice_refuses_a_work_process_of_another_framework_version(client, goal):
    stranger = WorkProcessFactory()
    response = client.get(
        "/api/v1/route-advice",
        {"region": "AMR12", "qualification": goal["qualification"].pk, "work_processes": [stranger.pk]},
    )
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "work_processes"
