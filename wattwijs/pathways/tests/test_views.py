import datetime

import pytest
from django.utils import timezone

from wattwijs.core.models import AuditEntry
from wattwijs.core.tests.factories import region
from wattwijs.pathways.models import Candidate, Placement
from wattwijs.pathways.tests.factories import CandidateFactory, PlacementFactory, consent_for

pytestmark = pytest.mark.django_db


def test_the_chain_page_shows_gaps_overlap_and_the_coordinating_partner(client, pw):
    from wattwijs.pathways.tests.factories import ChainStepFactory

    ChainStepFactory(chain=pw.chain, organisation=pw.uwv, step="intake")
    response = client.get(pw.chain.get_absolute_url())
    overview = response.context["overview"]
    assert [row.step for row in overview.overlaps] == ["intake"]
    assert {row.step for row in overview.gaps} == {"orientatie", "matching", "nazorg"}
    assert "Gemeente Keten" in response.content.decode()


def test_the_chain_list_is_public(client, pw):
    assert "Transitiehuis Midden" in client.get("/transitiehuis/").content.decode()


def test_the_candidate_list_needs_a_login(client, pw):
    assert client.get("/transitiehuis/kandidaten/").status_code == 302


def test_the_candidate_list_uses_a_fixed_number_of_queries(client, pw, django_assert_max_num_queries):
    for _ in range(30):
        CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.carla)
    with django_assert_max_num_queries(12):
        response = client.get("/transitiehuis/kandidaten/")
    assert response.context["page"].paginator.count == 30


def test_the_board_uses_a_fixed_number_of_queries(client, pw, django_assert_max_num_queries):
    for stage in ["aanmelding", "intake", "matching", "opleiding"] * 8:
        CandidateFactory(chain=pw.chain, coach=pw.bob, stage=stage)
    client.force_login(pw.carla)
    with django_assert_max_num_queries(12):
        response = client.get("/transitiehuis/ketens/midden/bord/")
    counts = {column.stage: column.count for column in response.context["columns"]}
    assert counts["intake"] == 8 and counts["nazorg"] == 0


def test_the_board_highlights_candidates_long_in_a_stage(client, pw):
    CandidateFactory(chain=pw.chain, coach=pw.bob, stage_entered_at=timezone.now() - datetime.timedelta(days=45))
    client.force_login(pw.bob)
    body = client.get("/transitiehuis/ketens/midden/bord/").content.decode()
    assert "long-in-stage" in body and "45 dagen" in body


def test_the_board_moves_a_candidate_with_a_plain_form(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.bob)
    response = client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/fase/",
        {"to_stage": "intake", "version": 1, "next": "/transitiehuis/ketens/midden/bord/"},
    )
    assert response.status_code == 302 and response["Location"] == "/transitiehuis/ketens/midden/bord/"
    assert Candidate.objects.get(pk=candidate.pk).stage == "intake"


def test_a_disallowed_move_through_the_form_shows_a_dutch_message(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.bob)
    response = client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/fase/", {"to_stage": "nazorg", "version": 1}, follow=True
    )
    assert "kan niet" in response.content.decode() and Candidate.objects.get(pk=candidate.pk).stage == "aanmelding"


def test_a_partner_cannot_move_a_candidate(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    consent_for(candidate, pw.uwv)
    client.force_login(pw.uwe)
    response = client.post(f"/transitiehuis/kandidaten/{candidate.pk}/fase/", {"to_stage": "intake", "version": 1})
    assert response.status_code == 403 and Candidate.objects.get(pk=candidate.pk).stage == "aanmelding"


def test_another_organisations_candidate_is_forbidden(client, pw):
    candidate = CandidateFactory(chain=pw.other_chain)
    client.force_login(pw.carla)
    assert client.get(candidate.get_absolute_url()).status_code == 403


def test_the_intake_form_registers_a_candidate_with_consent(client, pw):
    client.force_login(pw.bob)
    response = client.post(
        "/transitiehuis/kandidaten/nieuw/",
        {
            "chain": pw.chain.pk,
            "first_name": "Jan",
            "last_name": "Fictief",
            "postcode": "3581",
            "region": region().pk,
            "referral_source": "zelf",
            "competence_source": "zelf",
            "consent_given": "on",
            "consent_purpose": "Begeleiding naar werk",
            "consent_partners": [pw.uwv.pk],
        },
    )
    candidate = Candidate.objects.get()
    assert response.status_code == 302 and candidate.coach == pw.bob and candidate.consents.count() == 1


def test_the_intake_form_refuses_bad_input_in_dutch_and_keeps_it(client, pw):
    client.force_login(pw.bob)
    response = client.post(
        "/transitiehuis/kandidaten/nieuw/",
        {
            "chain": pw.chain.pk,
            "first_name": "Jan",
            "last_name": "Fictief",
            "postcode": "3581 AB",
            "referral_source": "zelf",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400 and "vier cijfers" in body and 'value="Jan"' in body
    assert not Candidate.objects.exists()


def test_the_intake_form_is_forbidden_outside_a_chain(client, pw):
    client.force_login(pw.charlie)
    assert client.get("/transitiehuis/kandidaten/nieuw/").status_code == 403


def test_the_edit_form_shows_a_conflict_to_the_second_coordinator(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    Candidate.objects.filter(pk=candidate.pk).update(version=2)  # someone saved in between
    client.force_login(pw.carla)
    response = client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/bewerken/",
        {
            "version": 1,
            "first_name": "Nieuw",
            "last_name": candidate.last_name,
            "postcode": "3581",
            "region": region().pk,
            "referral_source": "uwv",
            "competence_source": "zelf",
        },
    )
    assert response.status_code == 400 and "Iemand anders" in response.content.decode()
    assert Candidate.objects.get(pk=candidate.pk).first_name == candidate.first_name


def test_viewing_a_file_is_audited_and_shown_to_the_coordinator(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.bob)
    client.get(candidate.get_absolute_url())
    client.force_login(pw.carla)
    response = client.get(f"/transitiehuis/kandidaten/{candidate.pk}/inzage/")
    assert [entry.actor for entry in response.context["page"].object_list][-1] == pw.bob
    assert AuditEntry.objects.filter(action="pathways.candidate_view", object_id=str(candidate.pk)).count() == 1


def test_the_access_log_is_for_coordinators_only(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.bob)
    assert client.get(f"/transitiehuis/kandidaten/{candidate.pk}/inzage/").status_code == 403


def test_a_mentor_sees_only_the_fields_needed(client, pw):
    candidate = CandidateFactory(
        chain=pw.chain, coach=pw.bob, last_name="Bosman", notes="geheim", email="kand@example.org"
    )
    PlacementFactory(candidate=candidate, learning_place=pw.place)
    client.force_login(pw.mo)
    body = client.get(candidate.get_absolute_url()).content.decode()
    assert "Bosman" in body and "geheim" not in body and "kand@example.org" not in body


def test_the_coordinator_places_through_the_form(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.carla)
    client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/plaatsen/",
        {"placement-learning_place": pw.place.pk, "placement-start_date": "2026-03-01"},
    )
    assert Placement.objects.get().candidate == candidate


def test_a_checkpoint_before_the_start_is_refused_through_the_form(client, pw):
    placement = PlacementFactory(candidate=CandidateFactory(chain=pw.chain, coach=pw.bob), learning_place=pw.place)
    client.force_login(pw.bob)
    prefix = f"checkpoint-{placement.pk}"
    response = client.post(
        f"/transitiehuis/plaatsingen/{placement.pk}/nazorg/",
        {f"{prefix}-month": 6, f"{prefix}-checked_on": "2026-01-01", f"{prefix}-outcome": "werkt"},
        follow=True,
    )
    assert "voor de start" in response.content.decode() and not placement.checkpoints.exists()


def test_the_erase_page_asks_for_confirmation(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.carla)
    assert client.post(f"/transitiehuis/kandidaten/{candidate.pk}/wissen/", {}).status_code == 400
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_the_coordinator_erases_through_the_form(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.carla)
    client.post(f"/transitiehuis/kandidaten/{candidate.pk}/wissen/", {"confirm": "on"})
    assert not Candidate.objects.filter(pk=candidate.pk).exists()


@pytest.mark.parametrize(
    "path",
    [
        lambda pw: pw.chain.get_absolute_url(),
        lambda pw: pw.place.get_absolute_url(),
        lambda pw: CandidateFactory(chain=pw.chain, coach=pw.bob).get_absolute_url(),
        lambda pw: "/transitiehuis/leerbanen/",
        lambda pw: "/transitiehuis/dashboard/",
    ],
)
def test_every_page_answers_for_the_coordinator(client, pw, path):
    client.force_login(pw.carla)
    assert client.get(path(pw)).status_code == 200


def test_the_board_filters_by_theme(client, pw):
    from wattwijs.core.tests.factories import theme

    interested = CandidateFactory(chain=pw.chain, coach=pw.bob)
    interested.themes.set([theme("warmtepompen")])
    CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.carla)
    response = client.get("/transitiehuis/ketens/midden/bord/", {"theme": "warmtepompen"})
    assert [card.pk for column in response.context["columns"] for card in column.cards] == [interested.pk]


def test_the_coach_marks_an_action_point_done(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    point = candidate.action_points.create(description="Cv sturen")
    client.force_login(pw.bob)
    client.post(f"/transitiehuis/kandidaten/{candidate.pk}/actiepunt/{point.pk}/gedaan/")
    point.refresh_from_db()
    assert point.done_at is not None


def test_a_partner_cannot_mark_an_action_point_done(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    consent_for(candidate, pw.uwv)
    point = candidate.action_points.create(description="Cv sturen")
    client.force_login(pw.uwe)
    assert client.post(f"/transitiehuis/kandidaten/{candidate.pk}/actiepunt/{point.pk}/gedaan/").status_code == 403
    point.refresh_from_db()
    assert point.done_at is None


def test_the_board_counts_a_whole_stage_and_shows_its_longest_waiting(client, pw):
    now = timezone.now()
    waiting = [
        CandidateFactory(chain=pw.chain, stage="intake", stage_entered_at=now - datetime.timedelta(days=days))
        for days in range(30)
    ]
    client.force_login(pw.carla)
    intake = next(c for c in client.get("/transitiehuis/ketens/midden/bord/").context["columns"] if c.stage == "intake")
    assert intake.count == 30
    assert [card.pk for card in intake.cards] == [c.pk for c in reversed(waiting)][:25]


def test_the_board_counts_only_what_a_coach_may_see(client, pw):
    for _ in range(3):
        CandidateFactory(chain=pw.chain, stage="intake", coach=pw.bob)
    CandidateFactory(chain=pw.chain, stage="intake")
    client.force_login(pw.bob)
    columns = client.get("/transitiehuis/ketens/midden/bord/").context["columns"]
    intake = next(column for column in columns if column.stage == "intake")
    assert intake.count == 3 and len(intake.cards) == 3


def partner_candidate(pw, level="volledig"):
    """A candidate in ROC Test's step (intake), coached by nobody at ROC Test, shared with ROC Test."""
    candidate = CandidateFactory(chain=pw.chain, coach=None, stage="intake")
    consent_for(candidate, pw.world.roc, level=level)
    return candidate


def test_a_partner_under_consent_adds_an_orientation_activity(client, pw):
    candidate = partner_candidate(pw)
    client.force_login(pw.world.alice)
    response = client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/orientatie/",
        {
            "orientation-kind": "meeloopdag",
            "orientation-date": "2026-02-01",
            "orientation-host": pw.world.roc.pk,
            "orientation-outcome": "positief",
        },
    )
    assert response.status_code == 302
    assert candidate.orientation_activities.get().host == pw.world.roc
    assert AuditEntry.objects.filter(action="pathways.orientation_add", actor=pw.world.alice).exists()


def test_a_partner_under_consent_adds_a_contact_moment(client, pw):
    candidate = partner_candidate(pw)
    client.force_login(pw.world.alice)
    client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/contact/",
        {"contact-date": "2026-02-02", "contact-summary": "Intakegesprek op school"},
    )
    contact = candidate.contact_moments.get()
    assert contact.coach == pw.world.alice and contact.summary == "Intakegesprek op school"


def test_a_partner_under_consent_sees_the_forms_to_add_records(client, pw):
    candidate = partner_candidate(pw)
    client.force_login(pw.world.alice)
    body = client.get(candidate.get_absolute_url()).content.decode()
    assert f"/kandidaten/{candidate.pk}/orientatie/" in body and f"/kandidaten/{candidate.pk}/contact/" in body
    assert f"/kandidaten/{candidate.pk}/bewerken/" not in body


def test_a_partner_under_a_basic_consent_cannot_add_a_contact_moment(client, pw):
    candidate = partner_candidate(pw, level="basis")
    client.force_login(pw.world.alice)
    response = client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/contact/",
        {"contact-date": "2026-02-02", "contact-summary": "Gebeld"},
    )
    assert response.status_code == 403 and not candidate.contact_moments.exists()


def test_a_partner_outside_the_candidates_step_cannot_add_an_orientation_activity(client, pw):
    candidate = partner_candidate(pw)
    Candidate.objects.filter(pk=candidate.pk).update(stage="matching")
    client.force_login(pw.world.alice)
    response = client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/orientatie/",
        {"orientation-kind": "workshop", "orientation-date": "2026-02-01", "orientation-outcome": "positief"},
    )
    assert response.status_code == 403 and not candidate.orientation_activities.exists()


def test_a_partner_under_consent_cannot_add_an_action_point(client, pw):
    candidate = partner_candidate(pw)
    client.force_login(pw.world.alice)
    response = client.post(f"/transitiehuis/kandidaten/{candidate.pk}/actiepunt/", {"action-description": "Bellen"})
    assert response.status_code == 403 and not candidate.action_points.exists()


def test_the_consent_form_records_a_basic_consent(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.bob)
    client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/toestemming/",
        {"consent-purpose": "Begeleiding naar werk", "consent-partners": [pw.uwv.pk], "consent-level": "basis"},
    )
    grant = candidate.consents.get().grants.get()
    assert grant.organisation == pw.uwv and grant.level == "basis"


def test_the_consent_form_refuses_an_unknown_level_in_dutch(client, pw):
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    client.force_login(pw.bob)
    response = client.post(
        f"/transitiehuis/kandidaten/{candidate.pk}/toestemming/",
        {"consent-purpose": "Begeleiding naar werk", "consent-partners": [pw.uwv.pk], "consent-level": "alles"},
        follow=True,
    )
    assert "Selecteer een geldige keuze" in response.content.decode() and not candidate.consents.exists()


def test_the_intake_form_records_a_basic_consent(client, pw):
    client.force_login(pw.bob)
    client.post(
        "/transitiehuis/kandidaten/nieuw/",
        {
            "chain": pw.chain.pk,
            "first_name": "Jan",
            "last_name": "Fictief",
            "postcode": "3581",
            "region": region().pk,
            "referral_source": "zelf",
            "competence_source": "zelf",
            "consent_given": "on",
            "consent_purpose": "Begeleiding naar werk",
            "consent_partners": [pw.uwv.pk],
            "consent_level": "basis",
        },
    )
    assert Candidate.objects.get().consents.get().grants.get().level == "basis"
