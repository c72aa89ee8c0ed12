from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation
from wattwijs.core.permissions import AnyUser
from wattwijs.interop import addresses, permissions
from wattwijs.interop.models import HarvestSource


class HttpsURLField(forms.URLField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(assume_scheme="https", **kwargs)


class HarvestSourceForm(forms.ModelForm[HarvestSource]):
    class Meta:
        model = HarvestSource
        fields = ["name", "base_url", "metadata_prefix", "set_spec", "organisation", "schedule", "active"]
        field_classes = {"base_url": HttpsURLField}
        help_texts = {
            "name": _("Shown with the materials in the search, e.g. “Wikiwijs”."),
            "base_url": _("The base URL of the repository's OAI-PMH interface, e.g. https://example.org/oai."),
            "set_spec": _("Leave empty to harvest every record."),
            "organisation": _("The harvested materials are published under this organisation."),
        }

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField[Organisation], self.fields["organisation"])
        field.queryset = permissions.harvest_organisations(user).order_by("name")

    def clean_base_url(self) -> str:
        url: str = self.cleaned_data["base_url"]
        try:
            addresses.check_url(url)
        except addresses.AddressNotAllowed as error:
            raise forms.ValidationError(str(error), code="address_not_allowed") from error
        return url
