from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.library import selectors as library_selectors
from wattwijs.practice import selectors
from wattwijs.practice.models import (
    MAX_RESULT_VALUE,
    InnovationProject,
    PartnerRole,
    Practice,
    PracticeTargetGroup,
    PublicationStatus,
    ResultIndicator,
)
from wattwijs.practice.pickers import KINDS as PICKER_KINDS
from wattwijs.practice.pickers import Picker, picker_build
from wattwijs.practice.selectors import PRACTICE_SORTS, PracticeFilters
from wattwijs.practice.services import PartnerData, PracticeData, ProjectData, ResultData
from wattwijs.training import selectors as training_selectors

# Empty rows a form offers at least; a practice with more partners or results gets its rows plus two empty ones.
PARTNER_ROWS = 5
RESULT_ROWS = 6
MAX_ROWS = 60
FILTER_FIELDS = ("q", "theme", "region", "target", "factor", "sort")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PICKER_HELP = _("Search by title, then tick what you used. What you tick stays chosen when you search again.")
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")
RICH_HELP = _("Plain text, or simple HTML: paragraphs, lists, bold, italic and links. Anything else is removed.")


def _rich(label: Any, help_text: Any = "", rows: int = 5) -> forms.CharField:
    """A rich-text field; its help says what it is for, then which markup is kept."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=format_lazy("{} {}", help_text, RICH_HELP) if help_text else RICH_HELP,
    )


class PracticeFilterForm(forms.Form):
    """The list's filters from the query string; unknown values are dropped, not refused."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.CharField(required=False, max_length=60)
    region = forms.CharField(required=False, max_length=10)
    target = forms.ChoiceField(required=False, choices=[("", ""), *PracticeTargetGroup.choices])
    factor = forms.CharField(required=False, max_length=80)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("title", _("Title (A–Z)")), ("newest", _("Newest first")), ("region", _("Region"))],
    )

    def filters(self) -> PracticeFilters:
        self.is_valid()  # invalid fields are left out of cleaned_data, so a bad value only drops that filter
        values = {name: str(self.cleaned_data.get(name) or "").strip() for name in FILTER_FIELDS}
        if values["sort"] not in PRACTICE_SORTS:
            values["sort"] = "title"
        return PracticeFilters(**values)


class CodeMultipleChoiceField(forms.ModelMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": _("%(value)s does not exist. Choose from the list."),
        "invalid_pk_value": _("%(pk)s does not exist. Choose from the list."),
    }


class _OwnedForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.order_by("name"), to_field_name="code")
    themes = CodeMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("position"),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=PublicationStatus.choices,
        initial=PublicationStatus.DRAFT,
        help_text=_("A draft is only visible to your organisation. Published means everyone can read it."),
    )

    def __init__(self, *args: Any, owners: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]
        choices = list(owners[:2])
        if len(choices) == 1:
            # Most coordinators work for one organisation: it is the owner unless they choose otherwise.
            self.fields["owner"].initial = choices[0].pk


class PracticeForm(_OwnedForm):
    """What a coordinator fills in, in the order someone who wants to copy the practice reads it."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what the practice does, for whom, and what it delivers."),
    )
    target_group = forms.ChoiceField(label=_("Target group"), choices=PracticeTargetGroup.choices)
    approach_recruitment = _rich(_("Recruitment"), _("How participants are found and selected."))
    approach_training_format = _rich(
        _("Training format"),
        _("For example: four days of work on a local project and one day at school."),
    )
    approach_coaching = _rich(_("Coaching"), _("Who guides the participants, and how often."))
    approach_funding = _rich(_("Funding"), _("Who pays for what, and from which arrangements."))
    approach_embedding = _rich(_("Embedding (borging)"), _("How the approach continues after a pilot or a subsidy."))
    success_factors = forms.ModelMultipleChoiceField(
        label=_("Success factors"),
        queryset=selectors.success_factors_for_choice(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The factors from the toolkit that this practice shows."),
    )
    lessons = _rich(_("Lessons learned"), _("What would you do differently, and what should a copier watch for?"))
    # Both accept any linkable item, but the page renders only a picker: the chosen items and a few search results.
    resources = CodeMultipleChoiceField(
        label=_("Learning materials used"),
        queryset=library_selectors.resources_for_choice(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=PICKER_HELP,
    )
    training_offers = CodeMultipleChoiceField(
        label=_("Training offers used"),
        queryset=training_selectors.offers_for_choice(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=PICKER_HELP,
    )
    contact_name = forms.CharField(label=_("Contact person"), required=False, max_length=120)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact telephone"), required=False, max_length=30)

    field_order = [
        "title",
        "owner",
        "status",
        "summary",
        "region",
        "target_group",
        "themes",
        "approach_recruitment",
        "approach_training_format",
        "approach_coaching",
        "approach_funding",
        "approach_embedding",
    ]

    def __init__(
        self, *args: Any, partner_rows: int = PARTNER_ROWS, result_rows: int = RESULT_ROWS, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.partner_count = partner_rows
        self.result_count = result_rows
        organisations = Organisation.objects.order_by("name")
        # Every partner row offers the same organisations: read them once, not once per row.
        organisation_choices = [("", "---------"), *organisations.values_list("pk", "name")]
        for n in range(1, self.partner_count + 1):
            partner = forms.ModelChoiceField(
                label=_("Partner %(number)s: organisation") % {"number": n}, queryset=organisations, required=False
            )
            partner.choices = organisation_choices
            self.fields[f"partner_{n}"] = partner
            self.fields[f"partner_{n}_name"] = forms.CharField(
                label=_("Partner %(number)s: or name, when not on WattWijs") % {"number": n},
                required=False,
                max_length=200,
            )
            self.fields[f"partner_{n}_role"] = forms.ChoiceField(
                label=_("Partner %(number)s: role") % {"number": n},
                choices=[("", "—"), *PartnerRole.choices],
                required=False,
            )
            self.fields[f"partner_{n}_contribution"] = forms.CharField(
                label=_("Partner %(number)s: what they do") % {"number": n}, required=False, max_length=300
            )
        for n in range(1, self.result_count + 1):
            self.fields[f"result_{n}_date"] = forms.DateField(
                label=_("Result %(number)s: date") % {"number": n}, required=False, widget=DATE_WIDGET
            )
            self.fields[f"result_{n}_indicator"] = forms.ChoiceField(
                label=_("Result %(number)s: indicator") % {"number": n},
                choices=[("", "—"), *ResultIndicator.choices],
                required=False,
            )
            self.fields[f"result_{n}_value"] = forms.IntegerField(
                label=_("Result %(number)s: number of people") % {"number": n},
                required=False,
                min_value=0,
                max_value=MAX_RESULT_VALUE,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for n in range(1, self.partner_count + 1):
            named = cleaned.get(f"partner_{n}") or (cleaned.get(f"partner_{n}_name") or "").strip()
            if named and not cleaned.get(f"partner_{n}_role"):
                self.add_error(f"partner_{n}_role", _("Choose the partner's role."))
            elif cleaned.get(f"partner_{n}_role") and not named:
                self.add_error(f"partner_{n}", _("Choose an organisation or give a name."))
        for n in range(1, self.result_count + 1):
            parts = [cleaned.get(f"result_{n}_{p}") for p in ("date", "indicator", "value")]
            filled = [part not in (None, "") for part in parts]
            if any(filled) and not all(filled):
                self.add_error(f"result_{n}_date", _("Fill in the date, the indicator and the number, or none."))
        return cleaned

    def partner_rows(self) -> list[list[forms.BoundField]]:
        return [
            [
                self[f"partner_{n}"],
                self[f"partner_{n}_name"],
                self[f"partner_{n}_role"],
                self[f"partner_{n}_contribution"],
            ]
            for n in range(1, self.partner_count + 1)
        ]

    def result_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"result_{n}_date"], self[f"result_{n}_indicator"], self[f"result_{n}_value"]]
            for n in range(1, self.result_count + 1)
        ]

    def main_fields(self) -> list[forms.BoundField]:
        """The fields above the pickers; the pickers, contact details, partners and results follow."""
        skip = {kind.field for kind in PICKER_KINDS} | set(CONTACT_FIELDS)
        return [self[name] for name in self.fields if not name.startswith(("partner_", "result_")) and name not in skip]

    def contact_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in CONTACT_FIELDS]

    def pickers(self) -> list[tuple[forms.BoundField, Picker]]:
        """Each picker's field with its chosen items (posted, or the practice's own) and its search results."""
        source = self.data if self.is_bound else self.initial
        return [
            (self[kind.field], picker_build(kind, q=source.get(kind.search), chosen=self[kind.field].value() or []))
            for kind in PICKER_KINDS
        ]

    def keep_posted(self, data: Any) -> None:
        """Show ``data`` again as the form's initial values, for a search that must not validate or save."""
        self.initial = {
            name: field.widget.value_from_datadict(data, {}, self.add_prefix(name))
            for name, field in self.fields.items()
        }
        self.initial.update({kind.search: data.get(kind.search, "") for kind in PICKER_KINDS})

    def data_for_service(self, *, is_fictitious: bool = False) -> PracticeData:
        data = self.cleaned_data
        partners = [
            PartnerData(
                role=data[f"partner_{n}_role"],
                organisation=data.get(f"partner_{n}"),
                name=data.get(f"partner_{n}_name", ""),
                contribution=data.get(f"partner_{n}_contribution", ""),
            )
            for n in range(1, self.partner_count + 1)
            if data.get(f"partner_{n}_role")
        ]
        results = [
            ResultData(
                measured_on=data[f"result_{n}_date"],
                indicator=data[f"result_{n}_indicator"],
                value=data[f"result_{n}_value"],
            )
            for n in range(1, self.result_count + 1)
            if data.get(f"result_{n}_date") and data.get(f"result_{n}_indicator")
        ]
        plain = {
            name: data.get(name) or ""
            for name in (
                "summary",
                "approach_recruitment",
                "approach_training_format",
                "approach_coaching",
                "approach_funding",
                "approach_embedding",
                "lessons",
                "contact_name",
                "contact_email",
                "contact_phone",
            )
        }
        return PracticeData(
            title=data["title"],
            owner=data["owner"],
            region=data["region"],
            target_group=data["target_group"],
            status=data["status"],
            themes=list(data.get("themes") or []),
            success_factors=list(data.get("success_factors") or []),
            resources=list(data.get("resources") or []),
            training_offers=list(data.get("training_offers") or []),
            partners=partners,
            results=results,
            is_fictitious=is_fictitious,
            **plain,
        )

    @staticmethod
    def row_counts(practice: Practice | None, data: Any = None) -> dict[str, int]:
        """How many partner and result rows to offer: as many as were posted, or the practice's own plus two."""

        def posted(name: str, default: int) -> int:
            try:
                return min(max(int(data.get(name, default)), default), MAX_ROWS)
            except (TypeError, ValueError):
                return default

        if data is not None:
            return {
                "partner_rows": posted("partner_rows", PARTNER_ROWS),
                "result_rows": posted("result_rows", RESULT_ROWS),
            }
        if practice is None:
            return {"partner_rows": PARTNER_ROWS, "result_rows": RESULT_ROWS}
        return {
            "partner_rows": min(max(PARTNER_ROWS, practice.partners.count() + 2), MAX_ROWS),
            "result_rows": min(max(RESULT_ROWS, practice.results.count() + 2), MAX_ROWS),
        }

    @staticmethod
    def initial_from(practice: Practice) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(practice, name)
            for name in (
                "title",
                "summary",
                "target_group",
                "status",
                "approach_recruitment",
                "approach_training_format",
                "approach_coaching",
                "approach_funding",
                "approach_embedding",
                "lessons",
                "contact_name",
                "contact_email",
                "contact_phone",
            )
        }
        initial["owner"] = practice.owner_id
        initial["region"] = practice.region.code
        initial["themes"] = [theme.code for theme in practice.themes.all()]
        initial["success_factors"] = list(practice.success_factors.all())
        initial["resources"] = list(practice.resources.values_list("pk", flat=True))
        initial["training_offers"] = list(practice.training_offers.values_list("pk", flat=True))
        for n, partner in enumerate(practice.partners.all(), start=1):
            initial[f"partner_{n}"] = partner.organisation_id
            initial[f"partner_{n}_name"] = partner.name
            initial[f"partner_{n}_role"] = partner.role
            initial[f"partner_{n}_contribution"] = partner.contribution
        for n, result in enumerate(practice.results.order_by("measured_on", "indicator"), start=1):
            initial[f"result_{n}_date"] = result.measured_on
            initial[f"result_{n}_indicator"] = result.indicator
            initial[f"result_{n}_value"] = result.value
        return initial


class ProjectForm(_OwnedForm):
    """What a coordinator fills in for an energy innovation project used as a learning environment."""

    title = forms.CharField(label=_("Title"), max_length=200)
    learning_question = forms.CharField(
        label=_("Learning question or hypothesis"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the project wants to find out, for example: students learn faster on a real heat network."),
    )
    setup = _rich(_("Set-up"))
    schools = forms.ModelMultipleChoiceField(
        label=_("Participating schools"),
        queryset=Organisation.objects.filter(kind__in=["school", "hogeschool"]).order_by("name"),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    companies = forms.ModelMultipleChoiceField(
        label=_("Participating companies"),
        queryset=Organisation.objects.exclude(kind__in=["school", "hogeschool"]).order_by("name"),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    student_count = forms.IntegerField(label=_("Number of students"), required=False, min_value=0)
    period_start = forms.DateField(label=_("Start"), widget=DATE_WIDGET)
    period_end = forms.DateField(label=_("End"), required=False, widget=DATE_WIDGET)
    measurements = _rich(_("Measurements"), _("What was measured, how and when."))
    findings = _rich(_("Findings"))
    lessons = _rich(_("What others can learn"))
    next_steps = _rich(_("Next steps"))
    grew_into = forms.ModelChoiceField(
        label=_("Grew into the practice"),
        queryset=selectors.practices_for_choice(),
        required=False,
        to_field_name="slug",
        help_text=_("When the project became a practice example, choose it here."),
    )
    contact_name = forms.CharField(label=_("Contact person"), required=False, max_length=120)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    field_order = ["title", "owner", "status", "region", "themes", "learning_question", "setup"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end lies before the start. Choose an end on or after the start."))
        return cleaned

    def data_for_service(self, *, is_fictitious: bool = False) -> ProjectData:
        data = self.cleaned_data
        return ProjectData(
            title=data["title"],
            owner=data["owner"],
            region=data["region"],
            status=data["status"],
            learning_question=data["learning_question"],
            period_start=data["period_start"],
            period_end=data.get("period_end"),
            setup=data.get("setup") or "",
            student_count=data.get("student_count"),
            measurements=data.get("measurements") or "",
            findings=data.get("findings") or "",
            lessons=data.get("lessons") or "",
            next_steps=data.get("next_steps") or "",
            grew_into=data.get("grew_into"),
            contact_name=data.get("contact_name") or "",
            contact_email=data.get("contact_email") or "",
            themes=list(data.get("themes") or []),
            schools=list(data.get("schools") or []),
            companies=list(data.get("companies") or []),
            is_fictitious=is_fictitious,
        )

    @staticmethod
    def initial_from(project: InnovationProject) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(project, name)
            for name in (
                "title",
                "status",
                "learning_question",
                "setup",
                "student_count",
                "period_start",
                "period_end",
                "measurements",
                "findings",
                "lessons",
                "next_steps",
                "contact_name",
                "contact_email",
            )
        }
        initial["owner"] = project.owner_id
        initial["region"] = project.region.code
        initial["grew_into"] = project.grew_into.slug if project.grew_into else None
        initial["themes"] = [theme.code for theme in project.themes.all()]
        initial["schools"] = list(project.schools.all())
        initial["companies"] = list(project.companies.all())
        return initial
