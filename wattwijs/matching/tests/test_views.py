"""Top lists, decisions and weights: who sees them, what they record, and how many queries they take."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from wattwijs.core.models import AuditEntry
from wattwijs.framework.models import Alignment
from wattwijs.framework.tests.factories import WorkProcessFactory
from wattwijs.matching.models import Decision, MatchDecision, MatchWeights
from wattwijs.pathways.models import Candidate, LearningPlace, Placement
from wattwijs.pathways.tests.factories import CandidateFactory, LearningPlaceFactory

pytestmark = pytest.mark.django_db


def align(obj: Any, *work_processes: Any) -> None:
    content_type = ContentType.objects.get_for_model(obj)
    for wp in work_processes:
        Alignment.objects.create(content_type=content_type, object_id=obj.pk, work_process=wp)


@pytest.fixture
def setup(pw: Any) -> dict[str, Any]:
    wps = [WorkProcessFactory() for _ in range(4)]
    candidate = CandidateFactory(chain=pw.chain, first_name="Sanne", last_name="Visser", stage="matching")
    align(candidate, wps[0], wps[1])
    good = LearningPlaceFactory(chain=pw.chain, organisation=pw.company, title="Monteur warmtepompen", capacity=2)
    align(good, wps[0], wps[1])
    weak = LearningPlaceFactory(chain=pw.chain, organisation=pw.company, title="Elektromonteur laadpalen")
    align(weak, wps[2], wps[3])
    align(pw.place, wps[3])
    return {"candidate": candidate, "good": good, "weak": weak, "wps": wps}


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_coordinator_sees_the_best_place_first_with_its_parts_in_words(pw: Any, setup: dict[str, Any]) -> None:
    response = client_for(pw.carla).get(reverse("matching:candidate_matches", args=[setup["candidate"].pk]))
    assert response.status_code == 200
    matches = response.context["matches"]
    assert matches[0].place == setup["good"]
    assert matches[0].score > matches[-1].score
    assert "100% van de werkprocessen al beheerst" in response.content.decode()


def test_viewing_the_matches_is_written_to_the_audit_log(pw: Any, setup: dict[str, Any]) -> None:
    client_for(pw.carla).get(reverse("matching:candidate_matches", args=[setup["candidate"].pk]))
    entry = AuditEntry.objects.filter(action="pathways.candidate_view", object_id=str(setup["candidate"].pk)).get()
    assert entry.details == {"what": "matches"}


def test_a_partner_without_full_access_does_not_see_the_scores(pw: Any, setup: dict[str, Any]) -> None:
    response = client_for(pw.uwe).get(reverse("matching:candidate_matches", args=[setup["candidate"].pk]))
    assert response.status_code in (403, 404)


def test_the_candidate_matches_page_takes_a_fixed_number_of_queries(
    pw: Any, setup: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    for _ in range(10):
        LearningPlaceFactory(chain=pw.chain, organisation=pw.company)
    client = client_for(pw.carla)
    with django_assert_max_num_queries(30):
        client.get(reverse("matching:candidate_matches", args=[setup["candidate"].pk]))


def test_the_place_matches_page_takes_a_fixed_number_of_queries(
    pw: Any, setup: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    for index in range(10):
        CandidateFactory(chain=pw.chain, first_name="Kandidaat", last_name=f"Nummer{index}", stage="matching")
    client = client_for(pw.carla)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("matching:place_matches", args=[setup["good"].pk]))
    assert len(response.context["matches"]) == 10  # the top ten of eleven


def test_the_place_page_lists_only_candidates_the_user_may_see_in_full(pw: Any, setup: dict[str, Any]) -> None:
    response = client_for(pw.dave).get(reverse("matching:place_matches", args=[setup["good"].pk]))
    assert response.context["matches"] == []


def _decide(client: Client, candidate: Candidate, place: LearningPlace, **data: str) -> Any:
    return client.post(reverse("matching:candidate_decide", args=[candidate.pk]), {"learning_place": place.pk, **data})


def test_confirming_places_the_candidate_and_records_who_and_why(pw: Any, setup: dict[str, Any]) -> None:
    response = _decide(
        client_for(pw.carla),
        setup["candidate"],
        setup["good"],
        decision=Decision.CONFIRMED,
        reason="Past goed bij haar ervaring",
        start_date="2026-10-01",
    )
    assert response.status_code == 302
    decision = MatchDecision.objects.get()
    assert (decision.decided_by, decision.reason, decision.decision) == (
        pw.carla,
        "Past goed bij haar ervaring",
        Decision.CONFIRMED,
    )
    placement = Placement.objects.get(candidate=setup["candidate"])
    assert (placement.learning_place, placement.start_date) == (setup["good"], datetime.date(2026, 10, 1))
    assert decision.placement == placement
    assert AuditEntry.objects.filter(action="matching.decision_confirm").exists()


def test_rejecting_records_the_reason_and_places_nobody(pw: Any, setup: dict[str, Any]) -> None:
    _decide(client_for(pw.carla), setup["candidate"], setup["weak"], decision=Decision.REJECTED, reason="Te ver weg")
    assert MatchDecision.objects.get().decision == Decision.REJECTED
    assert not Placement.objects.exists()


def test_a_decision_without_a_reason_changes_nothing(pw: Any, setup: dict[str, Any]) -> None:
    response = _decide(
        client_for(pw.carla), setup["candidate"], setup["good"], decision=Decision.CONFIRMED, reason="", start_date=""
    )
    assert response.status_code == 400
    assert not MatchDecision.objects.exists()
    assert not Placement.objects.exists()


def test_confirming_a_full_place_changes_nothing(pw: Any, setup: dict[str, Any]) -> None:
    other = CandidateFactory(chain=pw.chain)
    Placement.objects.create(
        candidate=other, learning_place=pw.place, chain=pw.chain, start_date=datetime.date(2026, 9, 1)
    )
    response = _decide(
        client_for(pw.carla),
        setup["candidate"],
        pw.place,
        decision=Decision.CONFIRMED,
        reason="Probeer",
        start_date="2026-10-01",
    )
    assert response.status_code == 400
    assert "vol" in response.content.decode()
    assert not MatchDecision.objects.exists()


def test_a_coach_may_not_decide(pw: Any, setup: dict[str, Any]) -> None:
    setup["candidate"].coach = pw.bob
    setup["candidate"].save()
    response = _decide(client_for(pw.bob), setup["candidate"], setup["good"], decision="afgewezen", reason="Nee")
    assert response.status_code == 403


def test_changing_the_weights_is_audited_with_before_and_after(pw: Any) -> None:
    data = {"competences": 8, "theme": 0, "distance": 3, "level": 1, "hours": 1, "start": 1}
    response = client_for(pw.carla).post(reverse("matching:weights_edit", args=[pw.chain.slug]), data)
    assert response.status_code == 302
    assert MatchWeights.objects.get(chain=pw.chain).as_dict() == data
    entry = AuditEntry.objects.get(action="matching.weights_update")
    assert entry.details["before"]["competences"] == 5
    assert entry.details["after"] == data


def test_all_weights_zero_is_refused(pw: Any) -> None:
    data = dict.fromkeys(MatchWeights.PARTS, 0)
    response = client_for(pw.carla).post(reverse("matching:weights_edit", args=[pw.chain.slug]), data)
    assert response.status_code == 400
    assert not MatchWeights.objects.exists()


def test_only_coordinators_change_weights(pw: Any) -> None:
    assert client_for(pw.bob).get(reverse("matching:weights_edit", args=[pw.chain.slug])).status_code == 403


def test_the_intake_round_proposes_the_optimal_assignment(pw: Any, setup: dict[str, Any]) -> None:
    response = client_for(pw.carla).get(reverse("matching:cohort", args=[pw.chain.slug]))
    assert response.status_code == 200
    field = response.context["form"][f"candidate-{setup['candidate'].pk}"]
    assert field.initial == setup["good"].pk


def test_the_intake_round_takes_a_fixed_number_of_queries(
    pw: Any, setup: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    for index in range(10):
        CandidateFactory(chain=pw.chain, first_name="Kandidaat", last_name=f"Nummer{index}", stage="matching")
        LearningPlaceFactory(chain=pw.chain, organisation=pw.company)
    client = client_for(pw.carla)
    with django_assert_max_num_queries(25):
        client.get(reverse("matching:cohort", args=[pw.chain.slug]))


def test_confirming_an_edited_intake_round_places_the_chosen_pairs(pw: Any, setup: dict[str, Any]) -> None:
    candidate = setup["candidate"]
    response = client_for(pw.carla).post(
        reverse("matching:cohort", args=[pw.chain.slug]),
        {
            f"candidate-{candidate.pk}": setup["weak"].pk,
            "start_date": "2026-10-01",
            "reason": "Intakeronde oktober",
            "action": "confirm",
        },
    )
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert (placement.candidate, placement.learning_place) == (candidate, setup["weak"])
    assert MatchDecision.objects.get().reason == "Intakeronde oktober"


def test_an_intake_round_over_a_capacity_changes_nothing(pw: Any, setup: dict[str, Any]) -> None:
    second = CandidateFactory(chain=pw.chain, first_name="Tweede", last_name="Kandidaat", stage="matching")
    response = client_for(pw.carla).post(
        reverse("matching:cohort", args=[pw.chain.slug]),
        {
            f"candidate-{setup['candidate'].pk}": pw.place.pk,
            f"candidate-{second.pk}": pw.place.pk,
            "start_date": "2026-10-01",
            "reason": "Intakeronde",
            "action": "confirm",
        },
    )
    assert response.status_code == 400
    assert "1 vrije plekken" in response.content.decode()
    assert not Placement.objects.exists()


def test_a_refused_placement_undoes_the_whole_round(pw: Any, setup: dict[str, Any]) -> None:
    from wattwijs.matching import services

    second = CandidateFactory(chain=pw.chain, stage="matching")
    full = LearningPlaceFactory(chain=pw.chain, organisation=pw.company, capacity=1)
    Placement.objects.create(
        candidate=CandidateFactory(chain=pw.chain),
        learning_place=full,
        chain=pw.chain,
        start_date=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError):
        services.cohort_confirm(
            actor=pw.carla,
            chain=pw.chain,
            pairs=[(setup["candidate"], setup["good"], 0.9), (second, full, 0.5)],
            start_date=datetime.date(2026, 10, 1),
            reason="Intakeronde",
        )
    assert Placement.objects.count() == 1
    assert not MatchDecision.objects.exists()


def test_only_coordinators_run_an_intake_round(pw: Any) -> None:
    assert client_for(pw.bob).get(reverse("matching:cohort", args=[pw.chain.slug])).status_code == 403


def _offer(title: str, hours_per_week: int, weeks: int, *work_processes: Any) -> Any:
    from wattwijs.training.tests.factories import OfferFactory

    offer = OfferFactory(title=title, hours_per_week=hours_per_week, duration_weeks=weeks, status="lopend")
    offer.regions.set([region_of("AMR12")])
    align(offer, *work_processes)
    return offer


def region_of(code: str) -> Any:
    from wattwijs.core.tests.factories import region

    return region(code)


def test_the_public_route_advice_shows_covered_missing_and_the_cheapest_offers(db: None) -> None:
    from wattwijs.framework.tests.factories import CoreTaskFactory

    core_task = CoreTaskFactory()
    wp = [WorkProcessFactory(core_task=core_task) for _ in range(3)]
    qualification = core_task.qualification
    version = qualification.dossier.version
    version.status = "vastgesteld"
    version.save()
    big = _offer("Volledige omscholing", 20, 20, wp[1], wp[2])
    small = _offer("Korte cursus", 8, 5, wp[1])
    other = _offer("Andere cursus", 8, 5, wp[2])
    response = Client().get(
        reverse("matching:route_advice"),
        {"region": region_of("AMR12").pk, "qualification": qualification.pk, "competences": [wp[0].pk]},
    )
    assert response.status_code == 200
    advice = response.context["advice"]
    assert advice.covered == [wp[0]]
    assert advice.missing == [wp[1], wp[2]]
    assert set(advice.offers) == {small, other}
    assert big not in advice.offers
    assert advice.hours == 80


def test_route_advice_without_a_goal_shows_a_dutch_error(db: None) -> None:
    response = Client().get(reverse("matching:route_advice"), {"region": region_of("AMR12").pk})
    assert response.status_code == 400
    assert "Kies één doel" in response.content.decode()


def test_a_candidate_route_advice_is_saved_to_the_file_and_audited(pw: Any, setup: dict[str, Any]) -> None:
    candidate = setup["candidate"]
    url = reverse("matching:candidate_route", args=[candidate.pk])
    client = client_for(pw.carla)
    shown = client.get(url, {"learning_place": setup["weak"].pk})
    assert shown.status_code == 200
    assert [wp.pk for wp in shown.context["advice"].missing] == sorted(wp.pk for wp in setup["wps"][2:])
    response = client.post(url, {"learning_place": setup["weak"].pk})
    assert response.status_code == 302
    saved = candidate.route_advice.get()
    assert saved.saved_by == pw.carla
    assert len(saved.missing) == 2
    assert AuditEntry.objects.filter(action="matching.route_advice_save", object_id=str(candidate.pk)).exists()


def test_a_partner_without_full_access_gets_no_route_advice(pw: Any, setup: dict[str, Any]) -> None:
    url = reverse("matching:candidate_route", args=[setup["candidate"].pk])
    assert client_for(pw.uwe).post(url, {"learning_place": setup["weak"].pk}).status_code in (403, 404)
    assert not setup["candidate"].route_advice.exists()


def _advice_for(certificates: list[Any], wps: list[Any]) -> Any:
    from wattwijs.matching import selectors

    return selectors.route_advice(
        goal_label="Doel",
        goal={wp.pk for wp in wps},
        mastered=[],
        certificates=certificates,
        region=region_of("AMR12"),
    )


def test_route_advice_reads_all_certificates_in_one_query(db: None) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wattwijs.framework.tests.factories import CertificateFactory

    wps = [WorkProcessFactory() for _ in range(6)]
    one = [CertificateFactory(work_processes=[wps[0]])]
    five = [CertificateFactory(work_processes=[wp]) for wp in wps[:5]]
    _advice_for([], wps)  # content types are cached after the first call
    with CaptureQueriesContext(connection) as with_one:
        _advice_for(one, wps)
    with CaptureQueriesContext(connection) as with_five:
        advice = _advice_for(five, wps)
    assert len(with_five.captured_queries) == len(with_one.captured_queries)
    assert advice.covered == wps[:5] and advice.missing == [wps[5]]


def test_the_public_route_advice_takes_a_fixed_number_of_queries_whatever_the_certificates(
    django_assert_max_num_queries: Any, db: None
) -> None:
    from wattwijs.framework.tests.factories import CertificateFactory, CoreTaskFactory

    core_task = CoreTaskFactory()
    wps = [WorkProcessFactory(core_task=core_task) for _ in range(6)]
    version = core_task.qualification.dossier.version
    version.status = "vastgesteld"
    version.save()
    certificates = [CertificateFactory(version=version, work_processes=[wp]) for wp in wps[:5]]
    with django_assert_max_num_queries(21):
        response = Client().get(
            reverse("matching:route_advice"),
            {
                "region": region_of("AMR12").pk,
                "qualification": core_task.qualification.pk,
                "certificates": [c.pk for c in certificates],
            },
        )
    assert response.context["advice"].missing == [wps[5]]


def test_route_advice_says_when_it_is_an_approximation(monkeypatch: pytest.MonkeyPatch, db: None) -> None:
    from wattwijs.framework.tests.factories import CoreTaskFactory
    from wattwijs.matching import routes

    class Interrupted:
        success, status, x, message = False, 1, None, "Time limit reached"

    monkeypatch.setattr(routes, "milp", lambda *args, **kwargs: Interrupted())
    core_task = CoreTaskFactory()
    wp = [WorkProcessFactory(core_task=core_task) for _ in range(2)]
    version = core_task.qualification.dossier.version
    version.status = "vastgesteld"
    version.save()
    _offer("Korte cursus", 8, 5, wp[0], wp[1])
    response = Client().get(
        reverse("matching:route_advice"), {"region": region_of("AMR12").pk, "qualification": core_task.qualification.pk}
    )
    assert response.context["advice"].approximate
    assert "Dit is een benadering" in response.content.decode()


def test_an_exact_route_advice_does_not_say_it_is_an_approximation(db: None) -> None:
    from wattwijs.framework.tests.factories import CoreTaskFactory

    core_task = CoreTaskFactory()
    wp = WorkProcessFactory(core_task=core_task)
    version = core_task.qualification.dossier.version
    version.status = "vastgesteld"
    version.save()
    _offer("Korte cursus", 8, 5, wp)
    response = Client().get(
        reverse("matching:route_advice"), {"region": region_of("AMR12").pk, "qualification": core_task.qualification.pk}
    )
    assert not response.context["advice"].approximate
    assert "Dit is een benadering" not in response.content.decode()


# The score a decision records and shows ---------------------------------------------------------


def test_a_decision_records_the_score_of_the_proposal(pw: Any, setup: dict[str, Any]) -> None:
    from wattwijs.matching import selectors

    proposal = next(m for m in selectors.top_places(candidate=setup["candidate"]) if m.place == setup["weak"])
    _decide(client_for(pw.carla), setup["candidate"], setup["weak"], decision=Decision.REJECTED, reason="Te ver")
    assert MatchDecision.objects.get().score == pytest.approx(proposal.score)


def test_a_decision_on_a_full_place_records_the_score_the_place_page_shows(pw: Any, setup: dict[str, Any]) -> None:
    Placement.objects.create(
        candidate=CandidateFactory(chain=pw.chain),
        learning_place=pw.place,
        chain=pw.chain,
        start_date=datetime.date(2026, 9, 1),
    )
    client = client_for(pw.carla)
    shown = client.get(reverse("matching:place_matches", args=[pw.place.pk])).context["matches"]
    proposal = next(m for m in shown if m.candidate == setup["candidate"])
    _decide(client, setup["candidate"], pw.place, decision=Decision.REJECTED, reason="Vol")
    assert MatchDecision.objects.get().score == pytest.approx(proposal.score)


def test_the_decisions_table_shows_the_same_fit_as_the_proposal(pw: Any, setup: dict[str, Any]) -> None:
    client = client_for(pw.carla)
    url = reverse("matching:candidate_matches", args=[setup["candidate"].pk])
    proposal = next(m for m in client.get(url).context["matches"] if m.place == setup["weak"])
    _decide(client, setup["candidate"], setup["weak"], decision=Decision.REJECTED, reason="Te ver")
    body = client.get(url).content.decode()
    assert f'class="decision-score">{proposal.percent}%</td>' in body


# Stale ids: a candidate or place that changed between the proposal and the decision --------------


def test_a_decision_on_a_removed_place_says_so_and_saves_nothing(pw: Any, setup: dict[str, Any]) -> None:
    place = setup["weak"]
    Alignment.objects.filter(object_id=place.pk).delete()
    LearningPlace.objects.filter(pk=place.pk).delete()
    response = _decide(
        client_for(pw.carla),
        setup["candidate"],
        place,
        decision=Decision.CONFIRMED,
        reason="Past",
        start_date="2026-10-01",
    )
    assert response.status_code == 400
    assert "bestaat niet meer" in response.content.decode()
    assert not MatchDecision.objects.exists() and not Placement.objects.exists()


def test_a_decision_on_a_removed_candidate_is_not_found_and_saves_nothing(pw: Any, setup: dict[str, Any]) -> None:
    candidate = setup["candidate"]
    Candidate.objects.filter(pk=candidate.pk).delete()
    response = _decide(client_for(pw.carla), candidate, setup["good"], decision=Decision.REJECTED, reason="Weg")
    assert response.status_code == 404
    assert "bestaat niet (meer)" in response.content.decode()
    assert not MatchDecision.objects.exists()


def test_confirming_for_a_candidate_whose_route_ended_says_so_and_saves_nothing(pw: Any, setup: dict[str, Any]) -> None:
    Candidate.objects.filter(pk=setup["candidate"].pk).update(stage="uitgevallen")
    response = _decide(
        client_for(pw.carla),
        setup["candidate"],
        setup["good"],
        decision=Decision.CONFIRMED,
        reason="Past",
        start_date="2026-10-01",
    )
    assert response.status_code == 400
    assert "route van deze kandidaat is afgesloten" in response.content.decode()
    assert not MatchDecision.objects.exists() and not Placement.objects.exists()


def test_confirming_for_a_candidate_placed_meanwhile_says_so_and_saves_nothing(pw: Any, setup: dict[str, Any]) -> None:
    Placement.objects.create(
        candidate=setup["candidate"], learning_place=setup["weak"], chain=pw.chain, start_date=datetime.date(2026, 9, 1)
    )
    response = _decide(
        client_for(pw.carla),
        setup["candidate"],
        setup["good"],
        decision=Decision.CONFIRMED,
        reason="Past",
        start_date="2026-10-01",
    )
    assert response.status_code == 400
    assert "loopt al een plaatsing" in response.content.decode()
    assert not MatchDecision.objects.exists()
    assert Placement.objects.count() == 1


@pytest.mark.parametrize("action", ["reject", "confirm"])
def test_a_decision_service_refuses_a_candidate_erased_after_it_was_read(
    pw: Any, setup: dict[str, Any], action: str
) -> None:
    from wattwijs.matching import services

    candidate = setup["candidate"]
    Candidate.objects.filter(pk=candidate.pk).delete()
    with pytest.raises(ValidationError) as error:
        if action == "reject":
            services.decision_reject(actor=pw.carla, candidate=candidate, place=setup["good"], reason="Weg")
        else:
            services.decision_confirm(
                actor=pw.carla,
                candidate=candidate,
                place=setup["good"],
                reason="Weg",
                start_date=datetime.date(2026, 10, 1),
            )
    assert "no longer exists" in error.value.messages[0] or "bestaat niet meer" in error.value.messages[0]
    assert not MatchDecision.objects.exists() and not Placement.objects.exists()


def _confirm_round(client: Client, pw: Any, choices: dict[int, int]) -> Any:
    data: dict[str, Any] = {f"candidate-{pk}": place for pk, place in choices.items()}
    data.update({"start_date": "2026-10-01", "reason": "Intakeronde", "action": "confirm"})
    return client.post(reverse("matching:cohort", args=[pw.chain.slug]), data)


def test_an_intake_round_with_a_candidate_placed_meanwhile_saves_nothing(pw: Any, setup: dict[str, Any]) -> None:
    second = CandidateFactory(chain=pw.chain, first_name="Tweede", last_name="Kandidaat", stage="matching")
    Placement.objects.create(
        candidate=second, learning_place=pw.place, chain=pw.chain, start_date=datetime.date(2026, 9, 1)
    )
    response = _confirm_round(
        client_for(pw.carla), pw, {setup["candidate"].pk: setup["good"].pk, second.pk: setup["good"].pk}
    )
    assert response.status_code == 400
    assert "niet meer open" in response.content.decode()
    assert not MatchDecision.objects.exists()
    assert Placement.objects.count() == 1


def test_an_intake_round_with_a_removed_candidate_saves_nothing(pw: Any, setup: dict[str, Any]) -> None:
    second = CandidateFactory(chain=pw.chain, stage="matching")
    second_pk = second.pk
    second.delete()
    response = _confirm_round(
        client_for(pw.carla), pw, {setup["candidate"].pk: setup["good"].pk, second_pk: setup["good"].pk}
    )
    assert response.status_code == 400
    assert "niet meer open" in response.content.decode()
    assert not Placement.objects.exists()


def test_an_intake_round_with_a_removed_place_says_so_and_saves_nothing(pw: Any, setup: dict[str, Any]) -> None:
    place = setup["weak"]
    Alignment.objects.filter(object_id=place.pk).delete()
    LearningPlace.objects.filter(pk=place.pk).delete()
    response = _confirm_round(client_for(pw.carla), pw, {setup["candidate"].pk: place.pk})
    assert response.status_code == 400
    assert "niet meer beschikbaar" in response.content.decode()
    assert not Placement.objects.exists()


def test_an_intake_round_with_a_place_filled_meanwhile_says_so_and_saves_nothing(
    pw: Any, setup: dict[str, Any]
) -> None:
    Placement.objects.create(
        candidate=CandidateFactory(chain=pw.chain),
        learning_place=pw.place,
        chain=pw.chain,
        start_date=datetime.date(2026, 9, 1),
    )
    response = _confirm_round(client_for(pw.carla), pw, {setup["candidate"].pk: pw.place.pk})
    assert response.status_code == 400
    assert "niet meer beschikbaar" in response.content.decode()
    assert Placement.objects.count() == 1 and not MatchDecision.objects.exists()


def test_a_refused_pair_in_a_round_names_the_candidate(pw: Any, setup: dict[str, Any]) -> None:
    from wattwijs.matching import services

    Candidate.objects.filter(pk=setup["candidate"].pk).update(stage="uitgevallen")
    with pytest.raises(ValidationError) as error:
        services.cohort_confirm(
            actor=pw.carla,
            chain=pw.chain,
            pairs=[(setup["candidate"], setup["good"], 0.9)],
            start_date=datetime.date(2026, 10, 1),
            reason="Intakeronde",
        )
    assert error.value.messages[0].startswith("Sanne Visser: ")
    assert not Placement.objects.exists()
