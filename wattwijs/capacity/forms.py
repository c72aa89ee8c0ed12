from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wattwijs.capacity import importing
from wattwijs.capacity.models import (
    YEARS,
    Driver,
    Innovation,
    InnovationAdoption,
    InnovationSaving,
    LabourIntensity,
    Occupation,
    Scenario,
    ScenarioKind,
    Supply,
)
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


YEAR_CHOICES = [(year, str(year)) for year in YEARS]


class OccupationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Occupation
        localized_fields = "__all__"
        fields = ["name", "code", "position"]
        help_texts = {
            "code": _("Lower-case letters, digits and hyphens; CSV files name the occupation by this code."),
            "position": _("Occupations are listed in this order."),
        }


class DriverForm(forms.ModelForm):  # type: ignore[type-arg]
    year = forms.TypedChoiceField(label=_("Year"), choices=YEAR_CHOICES, coerce=int)

    class Meta:
        model = Driver
        localized_fields = "__all__"
        fields = ["region", "unit", "year", "volume", "source", "is_example"]
        help_texts = {"volume": _("Units of work in this region in this year, e.g. heat pumps to install.")}


class LabourIntensityForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = LabourIntensity
        localized_fields = "__all__"
        fields = ["unit", "occupation", "hours", "source", "is_example"]


class SupplyForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Supply
        localized_fields = "__all__"
        fields = [
            "region",
            "occupation",
            "workforce",
            "retirement_rate",
            "leaving_rate",
            "other_inflow",
            "source",
            "is_example",
        ]


class InnovationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Innovation
        localized_fields = "__all__"
        fields = ["name", "description", "source", "is_example"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class InnovationSavingForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = InnovationSaving
        localized_fields = "__all__"
        fields = ["innovation", "unit", "occupation", "hours_saved"]


class InnovationAdoptionForm(forms.ModelForm):  # type: ignore[type-arg]
    year = forms.TypedChoiceField(label=_("Year"), choices=YEAR_CHOICES, coerce=int)

    class Meta:
        model = InnovationAdoption
        localized_fields = "__all__"
        fields = ["innovation", "year", "percent"]
