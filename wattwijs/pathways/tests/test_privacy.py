"""AVG: consent withdrawal end to end, export (art. 15), erasure (art. 17) and the retention purge."""

import datetime
import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from wattwijs.core.models import AuditEntry
from wattwijs.core.tests.factories import region
from wattwijs.pathways import selectors, services
from wattwijs.pathways.models import Candidate, Placement, StageTransition
from wattwijs.pathways.tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db

NEEDLES = ("Zwaantje", "Piekstra", "zwaantje.piekstra@example.org", "06-99887766", "rugklachten-niet-noteren")


def full_history(pw):
    """A candidate with every kind of record, registered and worked on through the services."""
    candidate = services.candidate_register(
        actor=pw.bob,
        chain=pw.chain,
        data={
            "first_name": "Zwaantje",
            "last_name": "Piekstra",
            "email": "zwaantje.piekstra@example.org",
            "phone": "06-99887766",
            "postcode": "3581",
            "region": region(),
            "referral_source": "gemeente",
            "notes": "rugklachten-niet-noteren",
        },
        consent_purpose="Begeleiding naar werk",
        consent_partners=[pw.uwv],
    )
    services.candidate_move(
        actor=pw.bob, candidate=candidate, to_stage="intake", version=candidate.version, note="Zwaantje gebeld"
    )
    services.orientation_add(
        actor=pw.bob,
        candidate=candidate,
        data={
            "kind": "meeloopdag",
            "date": datetime.date(2026, 2, 1),
            "outcome": "positief",
            "notes": "Zwaantje enthousiast",
        },
    )
    services.contact_add(
        actor=pw.bob, candidate=candidate, date=datetime.date(2026, 2, 2), summary="Piekstra belt terug"
    )
    services.action_add(actor=pw.bob, candidate=candidate, description="Zwaantje cv sturen", due_date=None)
    placement = services.placement_create(
        actor=pw.carla, candidate=candidate, learning_place=pw.place, start_date=datetime.date(2026, 3, 1)
    )
    services.checkpoint_record(
        actor=pw.bob,
        placement=placement,
        month=6,
        checked_on=datetime.date(2026, 9, 1),
        outcome="werkt",
        note="Zwaantje blij",
    )
    services.candidate_view_record(actor=pw.carla, candidate=candidate)
    return candidate


def personal_data_left() -> list[str]:
    """Every text value in every table of the project that contains one of the candidate's details."""
    found = []
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField | models.EmailField)
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            text = json.dumps(row, default=str, ensure_ascii=False)
            found += [f"{model.__name__}: {needle}" for needle in NEEDLES if needle.lower() in text.lower()]
    return found


def test_the_history_helper_does_leave_personal_data_to_find(pw):
    full_history(pw)
    assert len(personal_data_left()) >= 5


def test_erasure_leaves_no_personal_data_in_any_table(pw):
    candidate = full_history(pw)
    services.candidate_erase(actor=pw.carla, candidate=candidate)
    assert personal_data_left() == []


def test_erasure_keeps_the_anonymous_history_for_the_dashboard(pw):
    candidate = full_history(pw)
    services.candidate_erase(actor=pw.carla, candidate=candidate)
    assert StageTransition.objects.filter(candidate__isnull=True).count() == 2
    assert Placement.objects.get().checkpoints.get().outcome == "werkt"


def test_erasure_is_audited(pw):
    candidate = full_history(pw)
    services.candidate_erase(actor=pw.carla, candidate=candidate)
    assert AuditEntry.objects.filter(action="pathways.candidate_erase", actor=pw.carla).exists()


def test_erasure_by_a_coach_is_refused(pw):
    candidate = full_history(pw)
    with pytest.raises(services.PermissionDenied):
        services.candidate_erase(actor=pw.bob, candidate=candidate)
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_the_export_holds_all_data_of_the_candidate_and_is_audited(pw):
    candidate = full_history(pw)
    data = services.candidate_export(actor=pw.bob, candidate=candidate)
    assert data["first_name"] == "Zwaantje" and data["notes"] == "rugklachten-niet-noteren"
    assert [t["to"] for t in data["stage_history"]] == ["aanmelding", "intake"]
    assert data["placements"][0]["checkpoints"][0]["outcome"] == "werkt"
    assert data["consents"][0]["partners"] == ["UWV Test"]
    assert AuditEntry.objects.filter(action="pathways.candidate_export", actor=pw.bob).exists()


def test_the_export_view_answers_json(client, pw):
    candidate = full_history(pw)
    client.force_login(pw.bob)
    response = client.get(f"/transitiehuis/kandidaten/{candidate.pk}/export.json")
    assert response["Content-Type"].startswith("application/json") and response.json()["last_name"] == "Piekstra"


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    # Lines wrap where the layout needs: compare the words, not the line breaks.
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def test_the_pdf_export_holds_the_candidates_data(client, pw):
    candidate = full_history(pw)
    client.force_login(pw.bob)
    response = client.get(f"/transitiehuis/kandidaten/{candidate.pk}/export.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for needle in NEEDLES + ("Zwaantje blij", "Piekstra belt terug", "Zwaantje cv sturen", "UWV Test"):
        assert needle in text


def test_the_pdf_export_shows_labels_instead_of_codes(client, pw):
    candidate = full_history(pw)
    client.force_login(pw.bob)
    text = pdf_text(client.get(f"/transitiehuis/kandidaten/{candidate.pk}/export.pdf").content)
    assert "Aangemeld via" in text and "Gemeente" in text and "Meeloopdag" in text


def test_the_pdf_export_is_audited(client, pw):
    candidate = full_history(pw)
    client.force_login(pw.bob)
    client.get(f"/transitiehuis/kandidaten/{candidate.pk}/export.pdf")
    entry = AuditEntry.objects.get(action="pathways.candidate_export", actor=pw.bob)
    assert entry.details == {"form": "pdf"} and entry.object_id == str(candidate.pk)


def test_a_mentor_cannot_export_a_pdf(client, pw):
    candidate = full_history(pw)
    client.force_login(pw.mo)
    response = client.get(f"/transitiehuis/kandidaten/{candidate.pk}/export.pdf")
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="pathways.candidate_export").exists()


def test_a_mentor_cannot_export(client, pw):
    candidate = full_history(pw)
    client.force_login(pw.mo)
    assert client.get(f"/transitiehuis/kandidaten/{candidate.pk}/export.json").status_code == 403


def test_purge_removes_routes_ended_longer_ago_than_the_retention_period(pw):
    candidate = full_history(pw)
    Candidate.objects.filter(pk=candidate.pk).update(
        stage="afgerond", ended_at=timezone.now() - datetime.timedelta(days=25 * 31)
    )
    call_command("purge_expired", stdout=io.StringIO())
    assert personal_data_left() == []


def test_purge_keeps_routes_that_ended_recently(pw):
    ended = CandidateFactory(chain=pw.chain, stage="afgerond", ended_at=timezone.now() - datetime.timedelta(days=300))
    active = CandidateFactory(chain=pw.chain)
    call_command("purge_expired", stdout=io.StringIO())
    assert set(Candidate.objects.values_list("pk", flat=True)) == {ended.pk, active.pk}


def test_purge_follows_the_retention_setting(pw, settings):
    settings.PATHWAYS_RETENTION_MONTHS = 6
    CandidateFactory(chain=pw.chain, stage="afgerond", ended_at=timezone.now() - datetime.timedelta(days=300))
    call_command("purge_expired", stdout=io.StringIO())
    assert not Candidate.objects.exists()


def test_the_dashboard_still_counts_purged_routes(pw):
    for _ in range(5):
        candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
        services.candidate_move(
            actor=pw.bob, candidate=candidate, to_stage="uitgevallen", version=1, reason="persoonlijk"
        )
    Candidate.objects.update(ended_at=timezone.now() - datetime.timedelta(days=1000))
    call_command("purge_expired", stdout=io.StringIO())
    funnel = {row.stage: row for row in selectors.dashboard(chain=pw.chain).funnel}
    assert (
        not Candidate.objects.exists() and funnel["aanmelding"].reached == 5 and funnel["aanmelding"].dropped_out == 5
    )


def test_consent_withdrawal_stops_sharing_at_once_end_to_end(client, pw):
    candidate = full_history(pw)
    Candidate.objects.filter(pk=candidate.pk).update(stage="aanmelding")
    client.force_login(pw.uwe)
    assert client.get(candidate.get_absolute_url()).status_code == 200
    assert "Piekstra" in client.get("/transitiehuis/kandidaten/").content.decode()

    client.force_login(pw.bob)
    consent = candidate.consents.get()
    client.post(f"/transitiehuis/kandidaten/{candidate.pk}/toestemming/{consent.pk}/intrekken/")

    client.force_login(pw.uwe)
    assert client.get(candidate.get_absolute_url()).status_code == 403
    assert "Piekstra" not in client.get("/transitiehuis/kandidaten/").content.decode()


def test_the_printable_export_shows_all_data_and_is_audited(client, pw):
    candidate = full_history(pw)
    client.force_login(pw.carla)
    body = client.get(f"/transitiehuis/kandidaten/{candidate.pk}/overzicht/").content.decode()
    assert "Piekstra" in body and "rugklachten-niet-noteren" in body and "Zwaantje blij" in body
    assert AuditEntry.objects.filter(action="pathways.candidate_export", actor=pw.carla).exists()
