"""What the training map adds to pages of other apps."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Region
from wattwijs.core.modules import Section
from wattwijs.training import selectors


def region_training(region: Region) -> Section:
    """On a region page: how many offers the region has, and a link to its page in the training map."""
    return Section(
        title=_("Training offers"),
        template="training/_region_section.html",
        context={"region": region, "summary": selectors.region_summary(region=region)},
    )
