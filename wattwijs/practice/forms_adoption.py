from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, Region
from wattwijs.practice.models import SCORE_MAX, SCORE_MIN, Adoption, AdoptionStatus, SuccessFactor
from wattwijs.practice.services_adoption import AdoptionData, ScoreData, score_field

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RegionChoiceForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("name"), to_field_name="code", empty_label=None
    )


class AssessmentForm(forms.Form):
    """All success factors at once: a score from 0 to 3 and notes for each. The range is checked by the service,
    so a score outside it gets the same Dutch message however it was sent."""

    assessed_on = forms.DateField(label=_("Date of the self-assessment"), widget=DATE_WIDGET)
    assessed_by = forms.ModelChoiceField(label=_("On behalf of"), queryset=Organisation.objects.none())

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        groups: list[tuple[str, list[SuccessFactor]]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessed_by"].queryset = organisations  # type: ignore[attr-defined]
        self.groups = groups
        for _label, factors in groups:
            for factor in factors:
                self.fields[score_field(factor.pk)] = forms.IntegerField(
                    label=factor.name,
                    widget=forms.NumberInput(attrs={"min": SCORE_MIN, "max": SCORE_MAX}),
                    help_text=_("0 = not in place, 1 = started, 2 = works mostly, 3 = works well and is embedded"),
                )
                self.fields[f"notes_{factor.pk}"] = forms.CharField(
                    label=_("Notes on “%(name)s”") % {"name": factor.name},
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def grouped_fields(self) -> list[tuple[str, list[tuple[forms.BoundField, forms.BoundField]]]]:
        return [
            (label, [(self[score_field(f.pk)], self[f"notes_{f.pk}"]) for f in factors])
            for label, factors in self.groups
        ]

    def scores(self) -> list[ScoreData]:
        return [
            ScoreData(
                factor=factor,
                score=self.cleaned_data[score_field(factor.pk)],
                notes=self.cleaned_data.get(f"notes_{factor.pk}", ""),
            )
            for _label, factors in self.groups
            for factor in factors
        ]


class AdoptionForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Following region"), queryset=Region.objects.none())
    organisation = forms.ModelChoiceField(
        label=_("Following organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Optional: the organisation in the region that carries it."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=AdoptionStatus.choices)
    started_on = forms.DateField(
        label=_("Started on"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Needed for the statuses “started” and “embedded”."),
    )
    adapted = forms.CharField(
        label=_("What did you adapt?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you do differently from the original, and why."),
    )
    contact_name = forms.CharField(label=_("Contact person"), required=False, max_length=120)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(
        self, *args: Any, regions: QuerySet[Region], organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    @staticmethod
    def initial_from(adoption: Adoption) -> dict[str, Any]:
        return {
            "region": adoption.region_id,
            "organisation": adoption.organisation_id,
            "status": adoption.status,
            "started_on": adoption.started_on,
            "adapted": adoption.adapted,
            "contact_name": adoption.contact_name,
            "contact_email": adoption.contact_email,
        }

    def data_for_service(self, *, is_fictitious: bool = False) -> AdoptionData:
        data = self.cleaned_data
        return AdoptionData(
            region=data["region"],
            organisation=data["organisation"],
            status=data["status"],
            started_on=data["started_on"],
            adapted=data["adapted"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            is_fictitious=is_fictitious,
        )
