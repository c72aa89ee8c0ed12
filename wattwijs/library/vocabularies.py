"""NL-LOM vocabularies used by the leermiddelenbank, read from the data shipped with the core app."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

import wattwijs.core

VOCABULARY_FILE = Path(wattwijs.core.__file__).parent / "data" / "nl-lom-vocabularies.json"

RESOURCE_TYPE_LABELS: dict[str, Promise] = {
    "exercise": _("Exercise"),
    "simulation": _("Simulation"),
    "questionnaire": _("Questionnaire"),
    "diagram": _("Diagram"),
    "figure": _("Figure"),
    "graph": _("Graph"),
    "index": _("Index"),
    "slide": _("Slides"),
    "table": _("Table"),
    "narrative text": _("Text"),
    "exam": _("Test or exam"),
    "experiment": _("Experiment"),
    "problem statement": _("Assignment"),
    "self assessment": _("Self-assessment"),
    "lecture": _("Lecture or instruction video"),
}

END_USER_ROLE_LABELS: dict[str, Promise] = {
    "teacher": _("Teacher"),
    "author": _("Author"),
    "learner": _("Student"),
    "manager": _("Manager"),
}

LANGUAGE_LABELS: dict[str, Promise] = {
    "nl": _("Dutch"),
    "en": _("English"),
    "de": _("German"),
    "fy": _("Frisian"),
}

# Short labels for result lines and facets; the full OBK label is shown on the detail page.
LEVEL_SHORT_LABELS: dict[str, Promise] = {
    "MBO": _("mbo"),
    "MBO, Niveau 1: Entreeopleiding": _("mbo 1"),
    "MBO, Niveau 2: Basisberoepsopleiding": _("mbo 2"),
    "MBO, Niveau 3: Vakopleiding": _("mbo 3"),
    "MBO, Niveau 4: Middenkaderopleiding": _("mbo 4"),
    "BVE": _("vocational and adult education"),
    "HBO": _("hbo"),
    "WO": _("university"),
}


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    types = set(data["learning_resource_type"]["values"])
    roles = set(data["intended_end_user_role"]["values"])
    if types != set(RESOURCE_TYPE_LABELS) or roles != set(END_USER_ROLE_LABELS):
        raise ValueError(f"{VOCABULARY_FILE.name} and the labels in vocabularies.py disagree")
    return data


def source(name: str) -> str:
    """The vocabulary source URI of an NL-LOM element (for the OAI-PMH export)."""
    return str(_data()[name]["source"])


@cache
def levels() -> dict[str, str]:
    """OBK educational level UUID → the official Dutch label, in the vocabulary's order."""
    return {item["id"]: item["label_nl"] for item in _data()["educational_level"]["values"]}


def level_label(uuid: str) -> str:
    label = levels().get(uuid, uuid)
    return str(LEVEL_SHORT_LABELS.get(label, label))


def level_choices() -> list[tuple[str, str]]:
    return [(uuid, label) for uuid, label in levels().items()]


def resource_type_choices() -> list[tuple[str, str]]:
    _data()
    return [(code, str(label)) for code, label in RESOURCE_TYPE_LABELS.items()]


def end_user_role_choices() -> list[tuple[str, str]]:
    _data()
    return [(code, str(label)) for code, label in END_USER_ROLE_LABELS.items()]


def language_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in LANGUAGE_LABELS.items()]


def resource_type_label(code: str) -> str:
    return str(RESOURCE_TYPE_LABELS.get(code, code))


def language_label(code: str) -> str:
    return str(LANGUAGE_LABELS.get(code, code))
