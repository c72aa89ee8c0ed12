"""REST API of the Transitiehuis: chains and learning places only, never anything about candidates."""

import pytest

from wattwijs.pathways.tests.factories import CandidateFactory, ChainStepFactory, LearningPlaceFactory

pytestmark = pytest.mark.django_db


def test_chains_are_listed_with_their_partners_and_steps(client):
    step = ChainStepFactory(step="intake")
    chain = client.get("/api/v1/chains").json()["results"][0]
    assert chain["slug"] == step.chain.slug
    assert chain["steps"] == [
        {
            "organisation": {"code": step.organisation.slug, "name": step.organisation.name},
            "step": "intake",
            "step_label": step.get_step_display(),
        }
    ]


def test_no_candidate_data_is_served(client, pw):
    candidate = CandidateFactory(chain=pw.chain, first_name="Vertrouwelijk", last_name="Kandidaat")
    body = client.get(f"/api/v1/chains/{pw.chain.slug}").content.decode()
    body += client.get("/api/v1/learning-places").content.decode()
    assert candidate.first_name not in body and "candidate" not in body


def test_learning_places_are_listed(client):
    place = LearningPlaceFactory(title="Leerbaan monteur")
    body = client.get("/api/v1/learning-places").json()
    assert body["results"][0]["title"] == "Leerbaan monteur"
    assert client.get(f"/api/v1/learning-places/{place.pk}").json()["chain"] == place.chain.slug


def test_the_chain_list_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(10):
        ChainStepFactory()
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/chains").json()["count"] == 10
