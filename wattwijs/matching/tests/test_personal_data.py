"""What matching keeps about a candidate is in their export (AVG art. 15) and goes with their erasure (art. 17)."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from wattwijs.core.tests.factories import region
from wattwijs.matching import services
from wattwijs.matching.models import MatchDecision, SavedRouteAdvice
from wattwijs.matching.selectors import RouteAdvice
from wattwijs.pathways import exports
from wattwijs.pathways import services as pathways_services
from wattwijs.pathways.models import Candidate
from wattwijs.pathways.tests.factories import CandidateFactory, LearningPlaceFactory
from wattwijs.pathways.tests.test_privacy import pdf_text

pytestmark = pytest.mark.django_db

REJECT_REASON = "Hoogtevrees-niet-noteren"
CONFIRM_REASON = "Ervaring-met-cv-ketels"
GOAL = "Monteur-warmtepompen-doel"


@pytest.fixture
def candidate(pw: Any) -> Candidate:
    """A candidate with a rejected and a confirmed proposal and a saved route advice, all through services."""
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob, stage="matching")
    other = LearningPlaceFactory(chain=pw.chain, organisation=pw.company)
    services.decision_reject(actor=pw.carla, candidate=candidate, place=other, reason=REJECT_REASON, score=0.4)
    services.decision_confirm(
        actor=pw.carla,
        candidate=candidate,
        place=pw.place,
        reason=CONFIRM_REASON,
        start_date=datetime.date(2026, 10, 1),
        score=0.8,
    )
    advice = RouteAdvice(
        goal_label=GOAL,
        covered=[],
        missing=[],
        offers=[],
        hours=120.0,
        uncoverable=[],
        materials=[],
        region=region(),
    )
    services.route_advice_save(actor=pw.carla, candidate=candidate, advice=advice)
    return candidate


def test_the_export_holds_the_match_decisions_with_who_and_why(pw: Any, candidate: Candidate) -> None:
    data = pathways_services.candidate_export(actor=pw.bob, candidate=candidate)
    decisions = data["match_decisions"]
    assert [(d["decision"], d["reason"], d["score"]) for d in decisions] == [
        ("afgewezen", REJECT_REASON, 0.4),
        ("bevestigd", CONFIRM_REASON, 0.8),
    ]
    assert decisions[0]["decided_by"] == str(pw.carla)


def test_the_export_holds_the_saved_route_advice(pw: Any, candidate: Candidate) -> None:
    data = pathways_services.candidate_export(actor=pw.bob, candidate=candidate)
    assert [(advice["goal"], advice["hours"]) for advice in data["route_advice"]] == [(GOAL, 120.0)]


def test_the_pdf_export_shows_the_decisions_and_route_advice_under_their_headings(
    pw: Any, candidate: Candidate
) -> None:
    with translation.override("nl"):
        data = pathways_services.candidate_export(actor=pw.bob, candidate=candidate, form="pdf")
        text = pdf_text(exports.candidate_export_pdf(data))
    assert REJECT_REASON in text and CONFIRM_REASON in text and GOAL in text
    assert "Matchbesluiten" in text and "Bewaard routeadvies" in text


def test_erasure_removes_the_decisions_and_the_route_advice(pw: Any, candidate: Candidate) -> None:
    pathways_services.candidate_erase(actor=pw.carla, candidate=candidate)
    assert not MatchDecision.objects.exists()
    assert not SavedRouteAdvice.objects.exists()


def test_erasure_leaves_no_reason_written_about_the_candidate(pw: Any, candidate: Candidate) -> None:
    pathways_services.candidate_erase(actor=pw.carla, candidate=candidate)
    assert not MatchDecision.objects.filter(reason__in=[REJECT_REASON, CONFIRM_REASON]).exists()


def test_the_retention_purge_removes_them_too(pw: Any, candidate: Candidate) -> None:
    Candidate.objects.filter(pk=candidate.pk).update(
        stage="afgerond", ended_at=timezone.now() - datetime.timedelta(days=25 * 31)
    )
    call_command("purge_expired", stdout=io.StringIO())
    assert not MatchDecision.objects.exists()
    assert not SavedRouteAdvice.objects.exists()


def test_erasure_keeps_the_decisions_of_other_candidates(pw: Any, candidate: Candidate) -> None:
    other = CandidateFactory(chain=pw.chain, stage="matching")
    kept = services.decision_reject(actor=pw.carla, candidate=other, place=pw.place, reason="Te ver")
    pathways_services.candidate_erase(actor=pw.carla, candidate=candidate)
    assert list(MatchDecision.objects.all()) == [kept]
