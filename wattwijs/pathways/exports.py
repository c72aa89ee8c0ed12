"""A candidate's full export (AVG art. 15) as a PDF document, built with reportlab's platypus.

The content is the dict that ``services.candidate_export`` returns (and audits); this module only lays it out:
the candidate's fields as a two-column table, then one section per kind of record.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from wattwijs.pathways import personal_data
from wattwijs.pathways.models import (
    CheckpointOutcome,
    CompetenceSource,
    DropoutReason,
    OrientationKind,
    OrientationOutcome,
    ReferralSource,
    Stage,
)

LABELS: dict[str, Promise] = {
    "reference": gettext_lazy("Reference"),
    "chain": gettext_lazy("Transitiehuis"),
    "first_name": gettext_lazy("First name"),
    "last_name": gettext_lazy("Last name"),
    "email": gettext_lazy("E-mail address"),
    "phone": gettext_lazy("Phone number"),
    "postcode": gettext_lazy("Postcode"),
    "region": gettext_lazy("Region"),
    "referral_source": gettext_lazy("Referred by"),
    "prior_education": gettext_lazy("Prior education"),
    "work_experience": gettext_lazy("Work experience"),
    "competence_source": gettext_lazy("Competences are"),
    "competences": gettext_lazy("Competences"),
    "themes": gettext_lazy("Themes of interest"),
    "hours_per_week": gettext_lazy("Hours a week"),
    "available_from": gettext_lazy("Available from"),
    "driving_licence": gettext_lazy("Driving licence"),
    "travel_limit_km": gettext_lazy("Travels at most (km)"),
    "languages": gettext_lazy("Languages"),
    "notes": gettext_lazy("Notes"),
    "coach": gettext_lazy("Coach"),
    "stage": gettext_lazy("Stage"),
    "dropout_reason": gettext_lazy("Drop-out reason"),
    "registered_at": gettext_lazy("Registered at"),
    "ended_at": gettext_lazy("Route ended at"),
    "next_action": gettext_lazy("Next action"),
    "stage_history": gettext_lazy("Stage history"),
    "consents": gettext_lazy("Consents"),
    "orientation": gettext_lazy("Orientation"),
    "contact_moments": gettext_lazy("Contact moments"),
    "action_points": gettext_lazy("Action points"),
    "placements": gettext_lazy("Placements"),
    "checkpoints": gettext_lazy("Aftercare checkpoints"),
    "from": gettext_lazy("From"),
    "to": gettext_lazy("To"),
    "at": gettext_lazy("When"),
    "reason": gettext_lazy("Reason"),
    "note": gettext_lazy("Note"),
    "purpose": gettext_lazy("Purpose"),
    "given_at": gettext_lazy("Given at"),
    "withdrawn_at": gettext_lazy("Withdrawn at"),
    "partners": gettext_lazy("Partners"),
    "kind": gettext_lazy("Activity"),
    "date": gettext_lazy("Date"),
    "outcome": gettext_lazy("Outcome"),
    "summary": gettext_lazy("Summary"),
    "description": gettext_lazy("Action point"),
    "due": gettext_lazy("Due"),
    "done_at": gettext_lazy("Done at"),
    "learning_place": gettext_lazy("Learning place"),
    "start_date": gettext_lazy("Start date"),
    "ended_on": gettext_lazy("Ended on"),
    "month": gettext_lazy("Months"),
    "checked_on": gettext_lazy("Checked on"),
}

# Codes in the export that a reader sees as their label.
CHOICES: dict[str, Mapping[str, Any]] = {
    "stage": dict(Stage.choices),
    "from": dict(Stage.choices),
    "to": dict(Stage.choices),
    "referral_source": dict(ReferralSource.choices),
    "competence_source": dict(CompetenceSource.choices),
    "dropout_reason": dict(DropoutReason.choices),
    "reason": dict(DropoutReason.choices),
    "kind": dict(OrientationKind.choices),
    "outcome": {**dict(OrientationOutcome.choices), **dict(CheckpointOutcome.choices)},
}


# The lists of records that each get a section of their own, in this order (then those other apps register).
RECORD_KEYS = ("stage_history", "consents", "orientation", "contact_moments", "action_points", "placements")


def _label(key: str) -> str:
    if key in LABELS:
        return str(LABELS[key])
    registered = {**personal_data.labels(), **personal_data.section_labels()}
    return str(registered.get(key, key))


def _text(key: str, value: Any) -> str:
    """A value as the reader should see it: labels for codes, yes/no, lists joined, "—" for nothing."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if key in CHOICES and value in CHOICES[key]:
        return str(CHOICES[key][value])
    return str(value)


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    # Paragraph reads a little markup; the candidate's own text must not be taken for it.
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(rows: list[tuple[str, str]], styles: Any) -> Table:
    table = Table(
        [[_paragraph(key, styles["label"]), _paragraph(value, styles["BodyText"])] for key, value in rows],
        colWidths=[45 * mm, 125 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _record_rows(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for key, value in record.items():
        if key == "checkpoints":
            text = "; ".join(
                ", ".join(f"{_label(k)}: {_text(k, v)}" for k, v in checkpoint.items()) for checkpoint in value
            )
            rows.append((_label(key), text or "—"))
        else:
            rows.append((_label(key), _text(key, value)))
    return rows


def candidate_export_pdf(data: Mapping[str, Any]) -> bytes:
    """The export ``data`` (from ``services.candidate_export``) laid out as an A4 PDF."""
    styles = getSampleStyleSheet()
    styles.add(ParagraphStyle("label", parent=styles["BodyText"], fontName="Helvetica-Bold"))
    title = _("All data of %(ref)s") % {"ref": data.get("reference", "")}
    story: list[Flowable] = [
        Paragraph(escape(title), styles["Title"]),
        _paragraph(
            _("Everything WattWijs holds about this candidate (AVG art. 15), as on %(date)s.")
            % {"date": timezone.localtime().strftime("%d-%m-%Y %H:%M")},
            styles["BodyText"],
        ),
        Spacer(1, 4 * mm),
    ]
    record_keys = (*RECORD_KEYS, *personal_data.section_labels())
    fields = [(key, value) for key, value in data.items() if key not in record_keys]
    story.append(_table([(_label(key), _text(key, value)) for key, value in fields], styles))
    for key in record_keys:
        value = data.get(key, [])
        story.append(Paragraph(escape(_label(key)), styles["Heading2"]))
        if not value:
            story.append(_paragraph("—", styles["BodyText"]))
        for record in value:
            story.append(_table(_record_rows(record), styles))
            story.append(Spacer(1, 3 * mm))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="WattWijs",
        lang="nl",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    document.build(story)
    return buffer.getvalue()
