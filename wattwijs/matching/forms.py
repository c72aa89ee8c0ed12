from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wattwijs.matching.models import Decision, MatchWeights
from wattwijs.pathways.forms import DateInput
from wattwijs.pathways.models import LearningPlace


class WeightsForm(forms.ModelForm):
    class Meta:
        model = MatchWeights
        fields = list(MatchWeights.PARTS)
        widgets = {part: forms.NumberInput(attrs={"min": 0, "max": 10}) for part in MatchWeights.PARTS}


class DecisionForm(forms.Form):
    learning_place = forms.ModelChoiceField(queryset=LearningPlace.objects.none(), widget=forms.HiddenInput)
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
