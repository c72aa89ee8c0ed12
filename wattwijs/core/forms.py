from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, OrganisationKind, Region, Role, Theme
from wattwijs.core.selectors import ORGANISATION_SORTS


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, next to the field it names."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    region = forms.CharField(required=False, max_length=10)
    kind = forms.ChoiceField(required=False, choices=[("", "")] + list(OrganisationKind.choices))
    theme = forms.CharField(required=False, max_length=60)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name (A–Z)")),
            ("-name", _("Name (Z–A)")),
            ("region", _("Region")),
            ("newest", _("Newest first")),
        ],
    )

    def clean_sort(self) -> str:
        sort = self.cleaned_data.get("sort") or "name"
        return sort if sort in ORGANISATION_SORTS else "name"


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.VIEWER,
        help_text=_("The role decides what the new member may do for this organisation."),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        help_text=_("Where you use it, for example the name of the application or script."),
    )


class SignupForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Repeat password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            try:
                password_validation.validate_password(str(password1))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "region", "website", "description", "themes"]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["region"].queryset = Region.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["themes"].queryset = Theme.objects.order_by("position")  # type: ignore[attr-defined]


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Actor (e-mail)"), required=False, max_length=254)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    object_type = forms.CharField(
        label=_("Object type"),
        required=False,
        max_length=60,
        help_text=_("For example core.membership"),
    )
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=60)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(
        label=_("Up to and including"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, organisations: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["organisation"].choices = [("", _("All"))] + organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:  # type: ignore[operator]
            self.add_error("date_to", _("The end date lies before the start date."))
        return cleaned
