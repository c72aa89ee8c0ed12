from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, OrganisationKind, Region
from wattwijs.practice import selectors
from wattwijs.practice.forms import DATE_WIDGET, _rich
from wattwijs.practice.models import (
    ActionStatus,
    Ambition,
    AmbitionLevel,
    Sector,
    SessionStatus,
    ThemeSession,
)
from wattwijs.practice.services_sessions import AmbitionData, SessionActionData, SessionData

# Empty action rows a session form offers at least; a session with more actions gets its rows plus two empty ones.
ACTION_ROWS = 4
MAX_ACTION_ROWS = 60
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
MULTIPLE_HELP = _("Hold Ctrl (or Cmd) to choose more than one.")


class SessionForm(forms.Form):
    """What a coordinator fills in for a themasessie: before it (agenda) and after it (outcomes and actions)."""

    theme = forms.CharField(label=_("Theme"), max_length=200, help_text=_("For example: aftercare after placement."))
    organiser = forms.ModelChoiceField(label=_("Organiser"), queryset=Organisation.objects.none())
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME_WIDGET)
    end_time = forms.TimeField(label=_("End time"), widget=TIME_WIDGET)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=SessionStatus.choices,
        initial=SessionStatus.PLANNED,
        help_text=_("A session in the past is held or cancelled, never planned."),
    )
    agenda = _rich(_("Agenda"))
    participants = forms.ModelMultipleChoiceField(
        label=_("Participating organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=MULTIPLE_HELP,
    )
    practices = forms.ModelMultipleChoiceField(
        label=_("Practice examples discussed"),
        queryset=selectors.practices_for_choice(),
        required=False,
        help_text=MULTIPLE_HELP,
    )
    success_factors = forms.ModelMultipleChoiceField(
        label=_("Success factors discussed"),
        queryset=selectors.success_factors_for_choice(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    outcomes = _rich(_("Outcomes"), _("What the session delivered. Fill this in after the session."))

    def __init__(
        self, *args: Any, organisers: QuerySet[Organisation], action_rows: int = ACTION_ROWS, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.action_count = action_rows
        self.fields["organiser"].queryset = organisers  # type: ignore[attr-defined]
        organisations = Organisation.objects.order_by("name")
        for n in range(1, self.action_count + 1):
            self.fields[f"action_{n}_description"] = forms.CharField(
                label=_("Action %(number)s: description") % {"number": n}, required=False, max_length=500
            )
            self.fields[f"action_{n}_owner"] = forms.ModelChoiceField(
                label=_("Action %(number)s: owner") % {"number": n}, queryset=organisations, required=False
            )
            self.fields[f"action_{n}_due_date"] = forms.DateField(
                label=_("Action %(number)s: due date") % {"number": n}, required=False, widget=DATE_WIDGET
            )
            self.fields[f"action_{n}_status"] = forms.ChoiceField(
                label=_("Action %(number)s: status") % {"number": n},
                choices=ActionStatus.choices,
                initial=ActionStatus.PLANNED,
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time lies before the start time. Choose an end after the start."))
        for n in range(1, self.action_count + 1):
            described = (cleaned.get(f"action_{n}_description") or "").strip()
            owner = cleaned.get(f"action_{n}_owner")
            if described and not owner:
                self.add_error(f"action_{n}_owner", _("Choose the organisation that owns this action."))
            elif owner and not described:
                self.add_error(f"action_{n}_description", _("Describe the action, or leave its owner empty."))
        return cleaned

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if not name.startswith("action_")]

    def action_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"action_{n}_{part}"] for part in ("description", "owner", "due_date", "status")]
            for n in range(1, self.action_count + 1)
        ]

    def data_for_service(self, *, is_fictitious: bool = False) -> SessionData:
        data = self.cleaned_data
        actions = [
            SessionActionData(
                description=data[f"action_{n}_description"],
                owner=data[f"action_{n}_owner"],
                due_date=data.get(f"action_{n}_due_date"),
                status=data.get(f"action_{n}_status") or ActionStatus.PLANNED,
            )
            for n in range(1, self.action_count + 1)
            if data.get(f"action_{n}_description") and data.get(f"action_{n}_owner")
        ]
        return SessionData(
            theme=data["theme"],
            date=data["date"],
            start_time=data["start_time"],
            end_time=data["end_time"],
            organiser=data["organiser"],
            status=data["status"],
            location=data.get("location") or "",
            agenda=data.get("agenda") or "",
            outcomes=data.get("outcomes") or "",
            participants=list(data.get("participants") or []),
            practices=list(data.get("practices") or []),
            success_factors=list(data.get("success_factors") or []),
            actions=actions,
            is_fictitious=is_fictitious,
        )

    @staticmethod
    def row_count(session: ThemeSession | None, data: Any = None) -> int:
        """How many action rows to offer: as many as were posted, or the session's own actions plus two."""
        if data is not None:
            try:
                return min(max(int(data.get("action_rows", ACTION_ROWS)), ACTION_ROWS), MAX_ACTION_ROWS)
            except (TypeError, ValueError):
                return ACTION_ROWS
        if session is None:
            return ACTION_ROWS
        return min(max(ACTION_ROWS, session.actions.count() + 2), MAX_ACTION_ROWS)

    @staticmethod
    def initial_from(session: ThemeSession) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(session, name)
            for name in ("theme", "date", "start_time", "end_time", "location", "status", "agenda", "outcomes")
        }
        initial["organiser"] = session.organiser_id
        initial["participants"] = list(session.participants.all())
        initial["practices"] = list(session.practices.all())
        initial["success_factors"] = list(session.success_factors.all())
        for n, action in enumerate(session.actions.order_by("position")[: MAX_ACTION_ROWS - 2], start=1):
            initial[f"action_{n}_description"] = action.description
            initial[f"action_{n}_owner"] = action.owner_id
            initial[f"action_{n}_due_date"] = action.due_date
            initial[f"action_{n}_status"] = action.status
        return initial


class AmbitionForm(forms.Form):
    """An ambition of the klimaat- en energieagenda: what, for whom, measured how, and by when."""

    goal = forms.CharField(
        label=_("Goal"),
        max_length=300,
        help_text=_("For example: every installation student learns to install a heat pump."),
    )
    owner = forms.ModelChoiceField(label=_("Owner organisation"), queryset=Organisation.objects.none())
    level = forms.ChoiceField(label=_("Level"), choices=AmbitionLevel.choices)
    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.SCHOOL).order_by("name"),
        required=False,
        help_text=_("Only for an ambition of one school."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="code",
        required=False,
        help_text=_("For an ambition of a region or a school."),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    indicator = forms.CharField(
        label=_("Indicator"), max_length=200, help_text=_("What you count or measure to follow the goal.")
    )
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False, help_text=_("For example: students."))
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=12, decimal_places=2)
    target_value = forms.DecimalField(label=_("Target value"), max_digits=12, decimal_places=2)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, owners: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]

    def data_for_service(self, *, is_fictitious: bool = False) -> AmbitionData:
        data = self.cleaned_data
        return AmbitionData(
            goal=data["goal"],
            owner=data["owner"],
            level=data["level"],
            school=data.get("school"),
            region=data.get("region"),
            sector=data["sector"],
            indicator=data["indicator"],
            unit=data.get("unit") or "",
            baseline=data["baseline"],
            target_value=data["target_value"],
            deadline=data["deadline"],
            is_fictitious=is_fictitious,
        )

    @staticmethod
    def initial_from(ambition: Ambition) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(ambition, name)
            for name in ("goal", "level", "sector", "indicator", "unit", "baseline", "target_value", "deadline")
        }
        initial["owner"] = ambition.owner_id
        initial["school"] = ambition.school_id
        initial["region"] = ambition.region.code if ambition.region else None
        return initial


class AmbitionActionForm(forms.Form):
    description = forms.CharField(label=_("Action"), max_length=500)
    owner = forms.ModelChoiceField(label=_("Owner organisation"), queryset=Organisation.objects.order_by("name"))
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices, initial=ActionStatus.PLANNED)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "action")
        super().__init__(*args, **kwargs)


class ProgressForm(forms.Form):
    measured_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "progress")
        super().__init__(*args, **kwargs)
