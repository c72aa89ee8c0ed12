from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wattwijs.capacity import importing
from wattwijs.capacity.models import Scenario, ScenarioKind
from wattwijs.capacity.services import ScenarioData


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ScenarioKind.choices)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    demand_factor = forms.FloatField(label=_("Work volume (× drivers)"), min_value=0)
    hours_per_fte = forms.FloatField(label=_("Productive hours per FTE per year"), min_value=1)
    completion_rate = forms.FloatField(
        label=_("School leavers completing and entering the sector (%)"), min_value=0, max_value=100
    )
    training_factor = forms.FloatField(label=_("Training places (× current)"), min_value=0)
    switcher_factor = forms.FloatField(label=_("Career switchers (× current placements)"), min_value=0)
    outflow_factor = forms.FloatField(label=_("Outflow (× current rates)"), min_value=0)
    innovation_factor = forms.FloatField(
        label=_("Innovation adoption (× planned, 0 = none)"),
        min_value=0,
        help_text=_("1 takes the innovations with their planned adoption; 0 leaves them out."),
    )

    @classmethod
    def for_scenario(cls, scenario: Scenario, data: Any = None) -> ScenarioForm:
        initial = {name: getattr(scenario, name) for name in cls.base_fields}
        return cls(data, initial=initial)

    def scenario_data(self) -> ScenarioData:
        return ScenarioData(**self.cleaned_data)


class CompareForm(forms.Form):
    a = forms.ModelChoiceField(label=_("First scenario"), queryset=Scenario.objects.all(), to_field_name="slug")
    b = forms.ModelChoiceField(label=_("Second scenario"), queryset=Scenario.objects.all(), to_field_name="slug")


class ImportForm(forms.Form):
    KINDS = [
        ("drivers", _("Work-volume drivers")),
        ("intensities", _("Labour intensities")),
        ("adoption", _("Adoption of innovations")),
    ]
    kind = forms.ChoiceField(label=_("What the file holds"), choices=KINDS)
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Drivers: columns regio, thema, eenheid, jaar, volume, bron. "
            "Labour intensities: columns eenheid, beroep, uren, bron. "
            "Adoption: columns innovatie, jaar, invoering (percent). Separated by commas or semicolons."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if (upload.size or 0) > importing.max_import_bytes():
            raise forms.ValidationError(importing.too_large_message(), code="too_large")
        return upload
