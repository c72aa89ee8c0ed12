from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.framework.models import Certificate, FrameworkUnit, Qualification, WorkProcess
from wattwijs.framework.widgets import WorkProcessTreeField
from wattwijs.training.models import (
    LEVEL_CHOICES,
    DevelopmentPhase,
    OfferKind,
    OfferStatus,
    OverlapVerdict,
    PartnerRole,
    TargetGroup,
    TrainingOffer,
)
from wattwijs.training.selectors import LAYOUTS, OFFER_SORTS, OfferFilters
from wattwijs.training.services import OfferData

PARTNER_ROWS = 3
FILTER_FIELDS = ("q", "region", "theme", "kind", "level", "target", "status", "provider", "sort")
STATUS_FILTER_CHOICES = [("", _("All statuses")), ("beschikbaar", _("Available (planned or running)"))] + list(
    OfferStatus.choices
)


class OfferFilterForm(forms.Form):
    """The list's and the map's filters from the query string; unknown values are dropped, not refused."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    region = forms.CharField(required=False, max_length=10)
    theme = forms.CharField(required=False, max_length=60)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *OfferKind.choices])
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels"))] + [(str(value), label) for value, label in LEVEL_CHOICES],
    )
    target = forms.ChoiceField(
        label=_("Target group"), required=False, choices=[("", _("All target groups")), *TargetGroup.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_FILTER_CHOICES)
    provider = forms.CharField(required=False, max_length=220)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("title", _("Title (A–Z)")),
            ("-title", _("Title (Z–A)")),
            ("start", _("First start date")),
            ("newest", _("Newest first")),
            ("places", _("Most places")),
        ],
    )
    indeling = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("thema-regio", _("Themes × regions")),
            ("thema-soort", _("Themes × kinds")),
            ("regio-doelgroep", _("Regions × target groups")),
        ],
    )

    def filters(self) -> OfferFilters:
        self.is_valid()  # invalid fields are left out of cleaned_data, so a bad value only drops that filter
        values = {name: str(self.cleaned_data.get(name) or "") for name in FILTER_FIELDS}
        if values["sort"] not in OFFER_SORTS:
            values["sort"] = "title"
        return OfferFilters(**values)

    def layout(self) -> str:
        layout = self.cleaned_data.get("indeling") if self.is_valid() else ""
        return layout if layout in LAYOUTS else "thema-regio"


class CodeMultipleChoiceField(forms.ModelMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": _("%(value)s does not exist. Choose from the list."),
        "invalid_pk_value": _("%(pk)s does not exist. Choose from the list."),
    }


class OfferForm(forms.Form):
    """What a provider fills in, in the order a reader of the offer needs it."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What participants learn and do, and what they can do afterwards."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=OfferKind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=OfferStatus.choices, initial=OfferStatus.PLANNED)
    development_phase = forms.ChoiceField(
        label=_("Development phase"),
        required=False,
        choices=[("", "—"), *DevelopmentPhase.choices],
        help_text=_("Only for offers in development: how far the development is."),
    )
    expected_start = forms.DateField(
        label=_("Expected start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    level = forms.TypedChoiceField(
        label=_("Level"), required=False, choices=[("", "—"), *LEVEL_CHOICES], coerce=int, empty_value=None
    )
    providers = forms.ModelMultipleChoiceField(
        label=_("Providers"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisations that offer this training. Choose at least one you work for."),
    )
    developers = forms.ModelMultipleChoiceField(
        label=_("Developed by"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Who builds the offer. Hold Ctrl (or Cmd) to choose more than one."),
    )
    regions = CodeMultipleChoiceField(
        label=_("Regions served"),
        queryset=Region.objects.order_by("name"),
        to_field_name="code",
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    themes = CodeMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("position"),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"), choices=TargetGroup.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    qualifications = forms.ModelMultipleChoiceField(
        label=_("Qualifications"), queryset=Qualification.objects.none(), required=False
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Framework units"), queryset=FrameworkUnit.objects.none(), required=False
    )
    certificates = forms.ModelMultipleChoiceField(
        label=_("Certificates"), queryset=Certificate.objects.none(), required=False
    )
    duration_weeks = forms.IntegerField(label=_("Duration in weeks"), required=False, min_value=0, max_value=520)
    hours_per_week = forms.IntegerField(label=_("Hours per week"), required=False, min_value=0, max_value=80)
    days_at_work = forms.IntegerField(label=_("Days a week at work"), required=False, min_value=0, max_value=7)
    days_at_school = forms.IntegerField(label=_("Days a week at school"), required=False, min_value=0, max_value=7)
    format_note = forms.CharField(
        label=_("How the week looks"),
        required=False,
        max_length=300,
        help_text=_("For example: four days on a renovation project in the neighbourhood, one day at school."),
    )
    start_date = forms.DateField(
        label=_("First start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    start_moments = forms.CharField(
        label=_("Start moments"), required=False, max_length=200, help_text=_("For example: September and February.")
    )
    places_available = forms.IntegerField(label=_("Places available"), required=False, min_value=0)
    costs = forms.CharField(label=_("Costs"), required=False, max_length=300)
    funding = forms.CharField(label=_("Funding"), required=False, max_length=300)
    contact_name = forms.CharField(label=_("Contact person"), required=False, max_length=120)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact telephone"), required=False, max_length=30)

    def __init__(
        self,
        *args: Any,
        providers: QuerySet[Organisation],
        work_processes: QuerySet[WorkProcess] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["providers"].queryset = providers  # type: ignore[attr-defined]
        if work_processes is not None:
            self.fields["work_processes"] = WorkProcessTreeField(
                label=_("Work processes"), required=False, work_processes=work_processes
            )
            version_id = work_processes.values("core_task__qualification__dossier__version_id")[:1]
            self.fields["qualifications"].queryset = Qualification.objects.filter(  # type: ignore[attr-defined]
                dossier__version_id__in=version_id
            ).order_by("name", "level")
            self.fields["units"].queryset = FrameworkUnit.objects.filter(  # type: ignore[attr-defined]
                version_id__in=version_id
            ).order_by("code")
            self.fields["certificates"].queryset = Certificate.objects.filter(  # type: ignore[attr-defined]
                version_id__in=version_id
            ).order_by("name")
        organisations = Organisation.objects.order_by("name")
        for number in range(1, PARTNER_ROWS + 1):
            self.fields[f"partner_{number}"] = forms.ModelChoiceField(
                label=_("Partner %(number)s") % {"number": number}, queryset=organisations, required=False
            )
            self.fields[f"partner_{number}_role"] = forms.ChoiceField(
                label=_("Role of partner %(number)s") % {"number": number},
                choices=[("", "—"), *PartnerRole.choices],
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error(
                "end_date", _("The end date lies before the start date. Choose an end date on or after the start.")
            )
        for number in range(1, PARTNER_ROWS + 1):
            if cleaned.get(f"partner_{number}") and not cleaned.get(f"partner_{number}_role"):
                self.add_error(f"partner_{number}_role", _("Choose the partner's role."))
        return cleaned

    def partner_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"partner_{n}"], self[f"partner_{n}_role"]) for n in range(1, PARTNER_ROWS + 1)]

    def data_for_service(self, *, is_fictitious: bool = False) -> OfferData:
        data = self.cleaned_data
        partners = [
            (data[f"partner_{n}"], data[f"partner_{n}_role"])
            for n in range(1, PARTNER_ROWS + 1)
            if data.get(f"partner_{n}") and data.get(f"partner_{n}_role")
        ]
        plain = {
            name: data.get(name)
            for name in (
                "expected_start",
                "duration_weeks",
                "hours_per_week",
                "days_at_work",
                "days_at_school",
                "start_date",
                "end_date",
                "places_available",
            )
        }
        return OfferData(
            title=data["title"].strip(),
            description=data.get("description", "").strip(),
            kind=data["kind"],
            status=data["status"],
            development_phase=data.get("development_phase") or "",
            level=data.get("level"),
            providers=list(data["providers"]),
            developers=list(data.get("developers") or []),
            partners=partners,
            regions=list(data["regions"]),
            themes=list(data["themes"]),
            target_groups=list(data.get("target_groups") or []),
            work_processes=list(data.get("work_processes") or []),
            qualifications=list(data.get("qualifications") or []),
            units=list(data.get("units") or []),
            certificates=list(data.get("certificates") or []),
            format_note=data.get("format_note", ""),
            start_moments=data.get("start_moments", ""),
            costs=data.get("costs", ""),
            funding=data.get("funding", ""),
            contact_name=data.get("contact_name", ""),
            contact_email=data.get("contact_email", ""),
            contact_phone=data.get("contact_phone", ""),
            is_fictitious=is_fictitious,
            **plain,
        )

    @staticmethod
    def initial_from(offer: TrainingOffer, alignments: dict[str, list[Any]]) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(offer, name)
            for name in (
                "title",
                "description",
                "kind",
                "status",
                "development_phase",
                "expected_start",
                "level",
                "duration_weeks",
                "hours_per_week",
                "days_at_work",
                "days_at_school",
                "format_note",
                "start_date",
                "end_date",
                "start_moments",
                "places_available",
                "costs",
                "funding",
                "contact_name",
                "contact_email",
                "contact_phone",
            )
        }
        initial["providers"] = list(offer.providers.all())
        initial["developers"] = list(offer.developers.all())
        initial["regions"] = [region.code for region in offer.regions.all()]
        initial["themes"] = [theme.code for theme in offer.themes.all()]
        initial["certificates"] = list(offer.certificates.all())
        initial["target_groups"] = [link.target_group for link in offer.target_group_links.all()]
        initial["work_processes"] = [wp.pk for wp in alignments.get("work_process", [])]
        initial["qualifications"] = [q.pk for q in alignments.get("qualification", [])]
        initial["units"] = [u.pk for u in alignments.get("unit", [])]
        for number, link in enumerate(offer.partner_links.all()[:PARTNER_ROWS], start=1):
            initial[f"partner_{number}"] = link.organisation_id
            initial[f"partner_{number}_role"] = link.role
        return initial


class OverlapMarkForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=OverlapVerdict.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example what the providers will agree on, and who takes the first step."),
    )


class PriorityThemesForm(forms.Form):
    themes = CodeMultipleChoiceField(
        label=_("Priority themes"),
        queryset=Theme.objects.order_by("position"),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The themes this region wants to invest in. A priority theme without offers shows as a gap."),
    )


class GapQualificationForm(forms.Form):
    kwalificatie = forms.ModelChoiceField(
        label=_("Qualification"), queryset=Qualification.objects.none(), required=False
    )

    def __init__(self, *args: Any, qualifications: QuerySet[Qualification], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kwalificatie"].queryset = qualifications  # type: ignore[attr-defined]
