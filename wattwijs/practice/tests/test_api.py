"""REST API of praktijkvoorbeelden: what the pages show publicly, never drafts of others or contact details."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from wattwijs.core.tests.factories import region, theme
from wattwijs.practice.models import PartnerRole, PracticePartner, ProgressUpdate, PublicationStatus
from wattwijs.practice.tests.factories import (
    PracticeFactory,
    PracticeResultFactory,
    ProjectFactory,
    SuccessFactorFactory,
)
from wattwijs.practice.tests.factories_sessions import AmbitionFactory, ThemeSessionFactory

pytestmark = pytest.mark.django_db


def test_published_practices_are_listed_with_region_and_themes(client):
    PracticeFactory(title="Renoveren in Overvecht", region=region("AMR12"), themes=[theme("warmtepompen")])
    practice = client.get("/api/v1/practices").json()["results"][0]
    assert practice["title"] == "Renoveren in Overvecht"
    assert practice["region"]["code"] == "AMR12" and practice["themes"][0]["code"] == "warmtepompen"


def test_drafts_are_not_listed_for_anonymous_callers(client):
    PracticeFactory(title="Nog in concept", status=PublicationStatus.DRAFT)
    assert client.get("/api/v1/practices").json()["count"] == 0


def test_practices_are_filtered_like_the_practices_page(client):
    factor = SuccessFactorFactory(code="vaste-coach")
    PracticeFactory(title="Met coach", success_factors=[factor])
    PracticeFactory(title="Zonder coach")
    body = client.get("/api/v1/practices", {"factor": "vaste-coach"}).json()
    assert [p["title"] for p in body["results"]] == ["Met coach"]


def test_a_practice_comes_with_its_approach_partners_results_and_factors(client):
    practice = PracticeFactory(approach_training_format="<p>Vier dagen werk, één dag school</p>")
    PracticePartner.objects.create(practice=practice, name="Bouwbedrijf De Gevel", role=PartnerRole.EMPLOYER)
    PracticeResultFactory(practice=practice, value=12)
    body = client.get(f"/api/v1/practices/{practice.slug}").json()
    assert body["approach"]["training_format"] == "<p>Vier dagen werk, één dag school</p>"
    assert body["partners"] == [
        {"name": "Bouwbedrijf De Gevel", "organisation": None, "role": "werkgever", "contribution": ""}
    ]
    assert body["results"][0]["value"] == 12


def test_a_practice_does_not_carry_its_contact_details(client):
    practice = PracticeFactory(contact_email="contact@example.org", contact_phone="030-1234567")
    content = client.get(f"/api/v1/practices/{practice.slug}").content.decode()
    assert "contact@example.org" not in content and "030-1234567" not in content


def test_a_draft_practice_answers_not_found(client):
    practice = PracticeFactory(status=PublicationStatus.DRAFT)
    assert client.get(f"/api/v1/practices/{practice.slug}").status_code == 404


def test_the_practice_list_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(15):
        PracticeFactory(themes=[theme("zon-pv")])
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/v1/practices", {"page_size": 50}).json()["results"]) == 15


def test_success_factors_are_filtered_by_chain_step(client):
    SuccessFactorFactory(name="Warme overdracht", chain_step="nazorg")
    SuccessFactorFactory(name="Vaste coach", chain_step="begeleiding")
    body = client.get("/api/v1/success-factors", {"chain_step": "nazorg"}).json()
    assert [f["name"] for f in body] == ["Warme overdracht"]


def test_a_project_names_the_published_practice_it_grew_into(client):
    practice = PracticeFactory()
    project = ProjectFactory(grew_into=practice)
    assert client.get(f"/api/v1/innovation-projects/{project.slug}").json()["grew_into"] == practice.slug


def test_a_project_does_not_name_a_draft_practice_it_grew_into(client):
    project = ProjectFactory(grew_into=PracticeFactory(status=PublicationStatus.DRAFT))
    assert client.get(f"/api/v1/innovation-projects/{project.slug}").json()["grew_into"] is None


def test_theme_sessions_start_today_by_default(client):
    today = timezone.localdate()
    ThemeSessionFactory(theme="Voorbij", date=today - timedelta(days=10), status="afgelopen")
    ThemeSessionFactory(theme="Komend", date=today + timedelta(days=10))
    body = client.get("/api/v1/theme-sessions").json()
    assert [s["theme"] for s in body["results"]] == ["Komend"]


def test_theme_sessions_can_start_from_a_given_date(client):
    today = timezone.localdate()
    ThemeSessionFactory(theme="Voorbij", date=today - timedelta(days=10), status="afgelopen")
    body = client.get("/api/v1/theme-sessions", {"since": str(today - timedelta(days=30))}).json()
    assert [s["theme"] for s in body["results"]] == ["Voorbij"]


def test_ambitions_show_their_progress_towards_the_target(client):
    ambition = AmbitionFactory(baseline=0, target_value=200)
    ProgressUpdate.objects.create(ambition=ambition, measured_on=date(2026, 6, 1), value=50)
    body = client.get("/api/v1/ambitions").json()["results"][0]
    assert body["progress_percent"] == 25
    assert float(body["latest_value"]) == 50
