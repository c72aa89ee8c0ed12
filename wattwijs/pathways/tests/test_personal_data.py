"""The registry through which other apps hand their data about a candidate to the export and the erasure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from django.utils import translation

from wattwijs.pathways import exports, personal_data, services
from wattwijs.pathways.models import Candidate
from wattwijs.pathways.tests.factories import CandidateFactory
from wattwijs.pathways.tests.test_privacy import pdf_text

pytestmark = pytest.mark.django_db


class NotesApp:
    """A stand-in app that keeps one note per candidate, held in memory."""

    def __init__(self) -> None:
        self.notes: dict[int, str] = {}
        self.erased: list[list[int]] = []

    def export(self, *, candidate: Candidate) -> dict[str, list[dict[str, Any]]]:
        note = self.notes.get(candidate.pk)
        return {"side_notes": [{"text": note}] if note else []}

    def erase(self, *, candidate_ids: Sequence[int]) -> None:
        self.erased.append(list(candidate_ids))
        for pk in candidate_ids:
            self.notes.pop(pk, None)


@pytest.fixture
def notes_app(monkeypatch: pytest.MonkeyPatch) -> NotesApp:
    app = NotesApp()
    monkeypatch.setitem(
        personal_data._providers,
        "notes",
        personal_data.Provider(
            name="notes",
            sections={"side_notes": "Kantlijnnotities"},
            export=app.export,
            erase=app.erase,
            labels={"text": "Tekst van de notitie"},
        ),
    )
    return app


def test_the_export_holds_the_sections_a_registered_app_gives(pw: Any, notes_app: NotesApp) -> None:
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    notes_app.notes[candidate.pk] = "Belt liever 's ochtends"
    data = services.candidate_export(actor=pw.bob, candidate=candidate)
    assert data["side_notes"] == [{"text": "Belt liever 's ochtends"}]


def test_a_section_without_rows_is_still_in_the_export(pw: Any, notes_app: NotesApp) -> None:
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    assert services.candidate_export(actor=pw.bob, candidate=candidate)["side_notes"] == []


def test_erasure_asks_every_registered_app_to_erase_the_candidate(pw: Any, notes_app: NotesApp) -> None:
    candidate = CandidateFactory(chain=pw.chain)
    notes_app.notes[candidate.pk] = "Belt liever 's ochtends"
    services.candidate_erase(actor=pw.carla, candidate=candidate)
    assert notes_app.erased == [[candidate.pk]]
    assert notes_app.notes == {}


def test_the_pdf_export_heads_a_registered_section_with_its_labels(pw: Any, notes_app: NotesApp) -> None:
    candidate = CandidateFactory(chain=pw.chain, coach=pw.bob)
    notes_app.notes[candidate.pk] = "Belt liever 's ochtends"
    with translation.override("nl"):
        text = pdf_text(exports.candidate_export_pdf(services.candidate_export(actor=pw.bob, candidate=candidate)))
    assert "Kantlijnnotities" in text and "Tekst van de notitie" in text and "Belt liever 's ochtends" in text
    assert "side_notes" not in text


def test_registering_again_replaces_the_provider(notes_app: NotesApp) -> None:
    before = len(personal_data.providers())
    personal_data.register(
        personal_data.Provider(
            name="notes", sections={}, export=lambda *, candidate: {}, erase=lambda *, candidate_ids: None
        )
    )
    assert len(personal_data.providers()) == before


def test_nothing_is_asked_to_erase_when_no_candidate_expired(notes_app: NotesApp, db: None) -> None:
    personal_data.erase([])
    assert notes_app.erased == []
