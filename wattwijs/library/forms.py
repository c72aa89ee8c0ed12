from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, Theme
from wattwijs.framework.models import WorkProcess
from wattwijs.framework.widgets import WorkProcessTreeField
from wattwijs.library import licences, vocabularies
from wattwijs.library.files import check_upload
from wattwijs.library.models import ResourceVersion
from wattwijs.library.search.engine import FACET_GROUPS, SORTS, SearchParams
from wattwijs.library.services import AuthorData

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search learning materials"), required=False, max_length=1000, strip=True)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("relevance", _("Best match")),
            ("newest", _("Newest first")),
            ("rating", _("Best rated")),
            ("title", _("Title (A–Z)")),
        ],
    )

    def params(self, data: Any) -> SearchParams:
        """The search the query string asks for; invalid parts are left out rather than refused."""
        cleaned = self.cleaned_data if self.is_valid() else {}
        q = "".join(ch for ch in str(cleaned.get("q", "")) if ch.isprintable())[:MAX_QUERY_LENGTH]
        filters = {group: tuple(v[:120] for v in data.getlist(group)[:10] if v) for group in FACET_GROUPS}
        sort = cleaned.get("sort") or ""
        return SearchParams(q=q, filters={g: v for g, v in filters.items() if v}, sort=sort if sort in SORTS else "")


def _split_lines(value: str) -> list[str]:
    return [line.strip() for line in value.replace(",", "\n").splitlines() if line.strip()]


class ResourceForm(forms.Form):
    """The NL-LOM metadata of a version, in the order a teacher thinks about them."""

    title = forms.CharField(label=_("Title"), max_length=250)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the material is, for whom, and how to use it in class or at the workplace."),
    )
    publisher = forms.ModelChoiceField(label=_("Published by"), queryset=Organisation.objects.none())
    location = forms.URLField(
        label=_("Web address"),
        assume_scheme="https",
        required=False,
        max_length=500,
        help_text=_("Where the material can be opened. Not needed when you upload a file."),
    )
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, office document, image, video or zip."),
    )
    licence = forms.ChoiceField(label=_("Licence"), choices=licences.choices())
    educational_levels = forms.MultipleChoiceField(
        label=_("Educational levels"), choices=vocabularies.level_choices, widget=forms.CheckboxSelectMultiple
    )
    learning_resource_types = forms.MultipleChoiceField(
        label=_("Kind of material"), choices=vocabularies.resource_type_choices, widget=forms.CheckboxSelectMultiple
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        help_text=_("Separate keywords with commas."),
        max_length=1000,
    )
    authors = forms.CharField(
        label=_("Authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One author per line, optionally followed by a semicolon and the organisation."),
        max_length=2000,
    )
    language = forms.ChoiceField(label=_("Language"), choices=vocabularies.language_choices, initial="nl")
    intended_end_user_roles = forms.MultipleChoiceField(
        label=_("Intended for"),
        choices=vocabularies.end_user_role_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    aggregation_level = forms.TypedChoiceField(
        label=_("Scope"), choices=ResourceVersion.AggregationLevel.choices, coerce=int, initial=2
    )
    typical_learning_time = forms.IntegerField(
        label=_("Learning time in minutes"), required=False, min_value=1, max_value=100_000
    )
    cost = forms.BooleanField(label=_("Using this material costs money"), required=False)

    def __init__(
        self,
        *args: Any,
        publishers: QuerySet[Organisation],
        work_processes: QuerySet[WorkProcess] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["publisher"].queryset = publishers  # type: ignore[attr-defined]
        if len(publishers) == 1:
            self.fields["publisher"].initial = publishers[0]
        if work_processes is not None:
            self.fields["work_processes"] = WorkProcessTreeField(
                label=_("Work processes"), required=False, work_processes=work_processes
            )

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        if upload:
            self.checked_file = check_upload(upload)
        return upload

    def metadata(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "description": data["description"].strip(),
            "location": data.get("location") or "",
            "licence": data["licence"],
            "educational_levels": list(data["educational_levels"]),
            "learning_resource_types": list(data["learning_resource_types"]),
            "keywords": _split_lines(data.get("keywords") or ""),
            "language": data["language"],
            "intended_end_user_roles": list(data.get("intended_end_user_roles") or []),
            "aggregation_level": data["aggregation_level"],
            "typical_learning_time": data.get("typical_learning_time"),
            "cost": bool(data.get("cost")),
        }

    def author_list(self) -> list[AuthorData]:
        authors = []
        for line in (self.cleaned_data.get("authors") or "").splitlines():
            name, _sep, organisation = line.partition(";")
            if name.strip():
                authors.append(AuthorData(name=name.strip()[:200], organisation=organisation.strip()[:200]))
        return authors

    @staticmethod
    def initial_from(version: ResourceVersion) -> dict[str, Any]:
        return {
            "title": version.title,
            "description": version.description,
            "publisher": version.resource.publisher_id,
            "location": version.location,
            "licence": version.licence,
            "educational_levels": version.educational_levels,
            "learning_resource_types": version.learning_resource_types,
            "themes": list(version.themes.all()),
            "keywords": ", ".join(version.keywords),
            "authors": "\n".join(
                f"{a.name}; {a.organisation}" if a.organisation else a.name for a in version.authors.all()
            ),
            "language": version.language,
            "intended_end_user_roles": version.intended_end_user_roles,
            "aggregation_level": version.aggregation_level,
            "typical_learning_time": version.typical_learning_time,
            "cost": version.cost,
        }


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the author change?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(5, "5"), (4, "4"), (3, "3"), (2, "2"), (1, "1")],
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your review"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("What worked well in your lessons, and what could be better?"),
    )


class CollectionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    is_public = forms.BooleanField(label=_("Everyone may see this collection"), required=False)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None and organisations.exists():
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Owner"),
                queryset=organisations,
                required=False,
                empty_label=_("Only me"),
                help_text=_("A collection of your organisation can be kept up by all its authors."),
            )


class AdaptationForm(forms.Form):
    publisher = forms.ModelChoiceField(label=_("Published by"), queryset=Organisation.objects.none())
    licence = forms.ChoiceField(label=_("Licence of your adaptation"))

    def __init__(self, *args: Any, publishers: QuerySet[Organisation], original_licence: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["publisher"].queryset = publishers  # type: ignore[attr-defined]
        if len(publishers) == 1:
            self.fields["publisher"].initial = publishers[0]
        allowed = licences.licences_for_adaptation(original_licence)
        self.fields["licence"].choices = [  # type: ignore[attr-defined]
            (code, name) for code, name in licences.choices() if code in allowed
        ]
        if original_licence in allowed:
            self.fields["licence"].initial = original_licence
