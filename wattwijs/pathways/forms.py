from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, Theme, User
from wattwijs.framework.models import FrameworkUnit, WorkProcess
from wattwijs.framework.widgets import WorkProcessTreeField
from wattwijs.pathways.models import (
    AftercareCheckpoint,
    Candidate,
    Chain,
    ChainStep,
    CheckpointOutcome,
    ConsentLevel,
    DropoutReason,
    LearningPlace,
    OrientationActivity,
    ReferralSource,
    Stage,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class CandidateFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=[("", _("All stages")), *Stage.choices])
    source = forms.ChoiceField(
        label=_("Referred by"), required=False, choices=[("", _("All sources")), *ReferralSource.choices]
    )
    coach = forms.ModelChoiceField(
        label=_("Coach"), required=False, queryset=User.objects.none(), empty_label=_("All coaches")
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.none(),
        to_field_name="code",
        empty_label=_("All themes"),
    )

    def __init__(self, *args: Any, coaches: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches  # type: ignore[attr-defined]
        self.fields["theme"].queryset = Theme.objects.filter(parent__isnull=False).order_by("position")  # type: ignore[attr-defined]


class CandidateForm(forms.ModelForm):
    """The intake form: the candidate's details, competences and (at registration) their consent."""

    competences = forms.Field(required=False)  # replaced in __init__ by the framework's tree field

    class Meta:
        model = Candidate
        fields = [
            "first_name",
            "last_name",
            "email",
            "phone",
            "postcode",
            "region",
            "referral_source",
            "prior_education",
            "work_experience",
            "competence_source",
            "themes",
            "hours_per_week",
            "available_from",
            "driving_licence",
            "travel_limit_km",
            "languages",
            "coach",
            "next_action",
            "next_action_due",
            "notes",
        ]
        widgets = {
            "available_from": DateInput(),
            "next_action_due": DateInput(),
            "prior_education": forms.Textarea(attrs={"rows": 3}),
            "work_experience": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple(),
        }

    def __init__(
        self,
        *args: Any,
        work_processes: QuerySet[WorkProcess],
        coaches: QuerySet[User],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competences"] = WorkProcessTreeField(
            label=_("Competences (work processes the candidate can do)"),
            required=False,
            work_processes=work_processes,
            help_text=_("Self-reported or assessed, see above."),
        )
        self.fields["coach"].queryset = coaches  # type: ignore[attr-defined]
        self.fields["themes"].queryset = Theme.objects.filter(parent__isnull=False).order_by("position")  # type: ignore[attr-defined]
        self.fields["postcode"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "postal-code"})
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        # Left empty, the usual limit applies.
        self.fields["travel_limit_km"].required = False
        self.order_fields([*self.Meta.fields[:10], "competences", *self.Meta.fields[10:]])

    def clean_travel_limit_km(self) -> int:
        value = self.cleaned_data.get("travel_limit_km")
        return int(value) if value is not None else int(Candidate._meta.get_field("travel_limit_km").default)


class RegisterForm(CandidateForm):
    chain = forms.ModelChoiceField(label=_("Transitiehuis"), queryset=Chain.objects.none())
    consent_given = forms.BooleanField(
        label=_("The candidate gives consent to share their file with the partners chosen below"), required=False
    )
    consent_purpose = forms.CharField(
        label=_("Purpose of the consent"),
        required=False,
        max_length=300,
        initial=_("Guidance to work and training in the energy transition"),
    )
    consent_partners = forms.ModelMultipleChoiceField(
        label=_("Partners that may see the file"),
        required=False,
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A partner sees the file only while the candidate is in a step that partner takes on."),
    )
    consent_level = forms.ChoiceField(
        label=_("What the partners may see"),
        choices=ConsentLevel.choices,
        initial=ConsentLevel.FULL,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: Any, chains: QuerySet[Chain], partners: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chain"].queryset = chains  # type: ignore[attr-defined]
        if len(chains) == 1:
            self.fields["chain"].initial = chains[0]
        self.fields["consent_partners"].queryset = partners  # type: ignore[attr-defined]
        self.order_fields(["chain", *self.Meta.fields[:10], "competences", *self.Meta.fields[10:]])

    def clean_consent_level(self) -> str:
        return self.cleaned_data.get("consent_level") or ConsentLevel.FULL

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("consent_given") and not data.get("consent_partners"):
            self.add_error("consent_partners", _("Choose at least one partner, or leave consent unticked."))
        if data.get("consent_partners") and not data.get("consent_given"):
            self.add_error("consent_given", _("Tick that the candidate gives consent, or choose no partners."))
        chain = data.get("chain")
        partners = data.get("consent_partners") or []
        if chain is not None and any(not p.chain_steps.filter(chain=chain).exists() for p in partners):
            self.add_error("consent_partners", _("Consent can only name partners of this chain."))
        return data


class EditForm(CandidateForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class MoveForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Move to"), choices=Stage.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.ChoiceField(label=_("Drop-out reason"), required=False, choices=[("", "—"), *DropoutReason.choices])
    note = forms.CharField(label=_("Why (short)"), required=False, max_length=500)


class ConsentForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose"), max_length=300, initial=_("Guidance to work and training in the energy transition")
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners that may see the file"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    level = forms.ChoiceField(
        label=_("What the partners may see"),
        choices=ConsentLevel.choices,
        initial=ConsentLevel.FULL,
        widget=forms.RadioSelect,
        help_text=_(
            "With name, stage and contact details only, partners do not see the rest of the file and cannot add to it."
        ),
    )

    def __init__(self, *args: Any, partners: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = partners  # type: ignore[attr-defined]


class OrientationForm(forms.ModelForm):
    class Meta:
        model = OrientationActivity
        fields = ["kind", "date", "host", "outcome", "notes"]
        widgets = {"date": DateInput()}

    def __init__(self, *args: Any, hosts: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = hosts  # type: ignore[attr-defined]


class ContactForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        help_text=_("Do not record health information or other special personal data."),
    )


class ActionPointForm(forms.Form):
    description = forms.CharField(label=_("Action point"), max_length=300)
    due_date = forms.DateField(label=_("Due"), required=False, widget=DateInput())


class PlacementForm(forms.Form):
    learning_place = forms.ModelChoiceField(label=_("Learning place"), queryset=LearningPlace.objects.none())
    start_date = forms.DateField(label=_("Start date"), widget=DateInput())

    def __init__(self, *args: Any, places: QuerySet[LearningPlace], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["learning_place"].queryset = places  # type: ignore[attr-defined]
        self.fields["learning_place"].label_from_instance = self.place_label  # type: ignore[attr-defined]

    @staticmethod
    def place_label(place: LearningPlace) -> str:
        return _("%(place)s (%(taken)s of %(capacity)s taken)") % {
            "place": place,
            "taken": getattr(place, "taken", "?"),
            "capacity": place.capacity,
        }


class CheckpointForm(forms.ModelForm):
    class Meta:
        model = AftercareCheckpoint
        fields = ["month", "checked_on", "outcome", "left_reason", "note"]
        widgets = {"checked_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = CheckpointOutcome.choices  # type: ignore[attr-defined]


class EraseForm(forms.Form):
    confirm = forms.BooleanField(label=_("I understand that all personal data of this candidate is removed for good"))


PLACE_LEVEL_CHOICES = [
    ("", _("Not specified")),
    *((level, format_lazy("{} {}", _("mbo level"), level)) for level in range(1, 5)),
]


class LearningPlaceForm(forms.ModelForm):
    """A learning place (leerbaan) and what it asks of a candidate: everything matching compares.

    A new place also names its Transitiehuis and training company, from the pairs the user may offer places
    for (``offers``); an existing place keeps both.
    """

    chain = forms.ModelChoiceField(
        label=_("Transitiehuis"),
        queryset=Chain.objects.none(),
        help_text=_("The chain whose coordinators propose candidates for this place."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Training company"),
        queryset=Organisation.objects.none(),
        help_text=_(
            "The place lies in the region of the training company: matching measures the travel distance from there."
        ),
    )
    level = forms.TypedChoiceField(
        label=_("Mbo level"),
        required=False,
        choices=PLACE_LEVEL_CHOICES,
        coerce=int,
        empty_value=None,
        help_text=_("The mbo level the work asks for."),
    )
    work_processes = forms.Field(required=False)  # replaced in __init__ by the framework's tree field
    units = forms.ModelMultipleChoiceField(
        label=_("Required framework units"),
        queryset=FrameworkUnit.objects.none(),
        required=False,
        help_text=_("A unit counts as all of its work processes. Hold Ctrl (or Cmd) to choose more than one."),
    )

    class Meta:
        model = LearningPlace
        fields = ["title", "theme", "capacity", "level", "hours_per_week", "start_date", "driving_licence_required"]
        labels = {
            "title": _("Name of the learning place"),
            "theme": _("Theme"),
            "capacity": _("Number of candidates at once"),
            "hours_per_week": _("Hours a week"),
            "start_date": _("Start date"),
            "driving_licence_required": _("A driving licence is required"),
        }
        help_texts = {
            "title": _("The position as candidates will know it, for example: Leerling-monteur warmtepompen."),
            "theme": _("Candidates interested in this theme score higher."),
            "capacity": _("How many candidates the place takes at the same time. At least 1."),
            "hours_per_week": _("At most 60. Leave empty when the hours can be agreed on."),
            "start_date": _("From when a candidate can start. Leave empty when any time suits."),
            "driving_licence_required": _("Candidates without a driving licence are then not proposed for this place."),
        }
        widgets = {"start_date": DateInput()}

    def __init__(
        self,
        *args: Any,
        offers: QuerySet[ChainStep] | None,
        work_processes: QuerySet[WorkProcess],
        units: QuerySet[FrameworkUnit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["work_processes"] = WorkProcessTreeField(
            label=_("Required work processes"),
            required=False,
            work_processes=work_processes,
            help_text=_(
                "What a candidate learns or already does at this place. Matching compares them with the "
                "candidate's competences."
            ),
        )
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        self.fields["theme"].queryset = Theme.objects.filter(parent__isnull=False).order_by("position")  # type: ignore[attr-defined]
        self.fields["theme"].empty_label = _("No particular theme")  # type: ignore[attr-defined]
        self.offers = list(offers) if offers is not None else []
        if offers is None:
            del self.fields["chain"]
            del self.fields["organisation"]
            return
        chains = {offer.chain_id for offer in self.offers}
        organisations = {offer.organisation_id for offer in self.offers}
        self.fields["chain"].queryset = Chain.objects.filter(pk__in=chains).order_by("name")  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations).order_by("name")  # type: ignore[attr-defined]
        if len(chains) == 1:
            self.fields["chain"].initial = next(iter(chains))
        if len(organisations) == 1:
            self.fields["organisation"].initial = next(iter(organisations))
        self.order_fields(["chain", "organisation"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chain, organisation = data.get("chain"), data.get("organisation")
        if chain is not None and organisation is not None:
            pairs = {(offer.chain_id, offer.organisation_id) for offer in self.offers}
            if (chain.pk, organisation.pk) not in pairs:
                self.add_error(
                    "organisation",
                    _("Choose a training company that takes on placement in this Transitiehuis."),
                )
        return data
