from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Region
from wattwijs.framework.models import Certificate, FrameworkUnit, FrameworkVersion, Qualification, WorkProcess
from wattwijs.framework.widgets import WorkProcessTreeField
from wattwijs.matching.models import Decision, MatchWeights
from wattwijs.pathways.forms import DateInput
from wattwijs.pathways.models import LearningPlace


class WeightsForm(forms.ModelForm):
    class Meta:
        model = MatchWeights
        fields = list(MatchWeights.PARTS)
        widgets = {part: forms.NumberInput(attrs={"min": 0, "max": 10}) for part in MatchWeights.PARTS}


class DecisionForm(forms.Form):
    learning_place = forms.ModelChoiceField(
        label=_("Learning place"),
        queryset=LearningPlace.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _(
                "This learning place no longer exists or no longer belongs to this chain. Reload the page and "
                "choose from the current proposals."
            )
        },
    )
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Why"), max_length=500)
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=DateInput(), help_text=_("Only needed when you confirm.")
    )

    def __init__(self, *args: Any, places: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["learning_place"].queryset = places  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == Decision.CONFIRMED and not data.get("start_date"):
            self.add_error("start_date", _("Give the start date of the placement."))
        return data


class CohortForm(forms.Form):
    """One choice per candidate of an intake round, preset to the optimal proposal; editable before confirming."""

    start_date = forms.DateField(label=_("Start date of the placements"), widget=DateInput())
    reason = forms.CharField(label=_("Why (recorded with every placement)"), max_length=500)

    def __init__(self, *args: Any, cohort: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        for row in cohort.rows:
            self.fields[f"candidate-{row.candidate.pk}"] = forms.TypedChoiceField(
                label=row.candidate.full_name,
                required=False,
                coerce=int,
                empty_value=None,
                error_messages={
                    "invalid_choice": _(
                        "The chosen learning place is no longer available for this candidate: it was removed, has "
                        "no free place left or no longer fits. Choose another learning place."
                    )
                },
                choices=[("", _("— do not place —"))]
                + [
                    (option.place.pk, f"{option.place.title} – {option.place.organisation.name} ({option.percent}%)")
                    for option in row.options
                ],
            )

    def choices(self) -> dict[int, int | None]:
        """Candidate id -> chosen place id, from the cleaned data."""
        return {row.candidate.pk: self.cleaned_data.get(f"candidate-{row.candidate.pk}") for row in self.cohort.rows}

    def stale_candidates(self) -> list[str]:
        """Candidate fields in the submitted data whose candidate is no longer open in this round."""
        current = {f"candidate-{row.candidate.pk}" for row in self.cohort.rows}
        return sorted(
            key for key, value in self.data.items() if key.startswith("candidate-") and key not in current and value
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.stale_candidates():
            raise forms.ValidationError(
                _(
                    "Some candidates of this round are no longer open: they were removed, placed or their route "
                    "ended in the meantime. Nothing has been saved. Check the refreshed proposal below and "
                    "confirm again."
                ),
                code="stale",
            )
        taken: dict[int, int] = {}
        for row in self.cohort.rows:
            place = data.get(f"candidate-{row.candidate.pk}")
            if place is not None:
                taken[place] = taken.get(place, 0) + 1
        for place_id, count in taken.items():
            free = self.cohort.free.get(place_id, 0)
            if count > free:
                place = self.cohort.places[place_id]
                raise forms.ValidationError(
                    _("%(place)s has %(free)s free places; you chose it for %(count)s candidates.")
                    % {"place": f"{place.title} – {place.organisation.name}", "free": free, "count": count}
                )
        return data


class GoalForm(forms.Form):
    """One goal of route advice: a qualification, a framework unit or a certificate of the framework version."""

    goal_fields: tuple[str, ...] = ("qualification", "unit", "certificate")
    one_goal_message = _("Choose one goal: a qualification, a framework unit or a certificate.")

    qualification = forms.ModelChoiceField(
        label=_("Goal: a qualification"), queryset=Qualification.objects.none(), required=False
    )
    unit = forms.ModelChoiceField(label=_("or a framework unit"), queryset=FrameworkUnit.objects.none(), required=False)
    certificate = forms.ModelChoiceField(
        label=_("or a certificate"), queryset=Certificate.objects.none(), required=False
    )

    def __init__(self, *args: Any, version: FrameworkVersion | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qualifications = Qualification.objects.filter(dossier__version=version).order_by("name", "level")
        self.fields["qualification"].queryset = qualifications  # type: ignore[attr-defined]
        self.fields["unit"].queryset = FrameworkUnit.objects.filter(version=version).order_by("code")  # type: ignore[attr-defined]
        self.fields["certificate"].queryset = Certificate.objects.filter(version=version).order_by("name")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if len([name for name in self.goal_fields if data.get(name)]) != 1:
            raise forms.ValidationError(self.one_goal_message)
        return data


class RouteForm(GoalForm):
    """What a person can and where they want to go; read from the address, never stored."""

    region = forms.ModelChoiceField(label=_("Your region"), queryset=Region.objects.order_by("name"))
    certificates = forms.ModelMultipleChoiceField(
        label=_("Certificates you already have"),
        queryset=Certificate.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    competences = forms.Field(required=False)  # replaced in __init__ by the framework's tree field

    field_order = ["region", "qualification", "unit", "certificate", "certificates", "competences"]

    def __init__(self, *args: Any, version: FrameworkVersion | None, **kwargs: Any) -> None:
        super().__init__(*args, version=version, **kwargs)
        self.fields["certificates"].queryset = self.fields["certificate"].queryset  # type: ignore[attr-defined]
        self.fields["competences"] = WorkProcessTreeField(
            label=_("Work processes you can already do"),
            required=False,
            work_processes=WorkProcess.objects.filter(core_task__qualification__dossier__version=version),
        )


class CandidateRouteForm(GoalForm):
    """A goal for a candidate's route advice; what they can comes from their file."""

    goal_fields = ("qualification", "unit", "certificate", "learning_place")
    one_goal_message = _("Choose one goal: a qualification, a framework unit, a certificate or a learning place.")

    learning_place = forms.ModelChoiceField(
        label=_("or a learning place"), queryset=LearningPlace.objects.none(), required=False
    )

    def __init__(self, *args: Any, version: FrameworkVersion | None, places: Any, **kwargs: Any) -> None:
        super().__init__(*args, version=version, **kwargs)
        self.fields["learning_place"].queryset = places  # type: ignore[attr-defined]
