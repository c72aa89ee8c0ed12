"""What the framework adds to pages of other apps."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Theme
from wattwijs.core.modules import Section
from wattwijs.framework import selectors


def theme_qualifications(theme: Theme) -> Section | None:
    """On a theme page: the qualifications and framework units of the current version with this theme."""
    version = selectors.current_version()
    if version is None:
        return None
    qualifications, units = selectors.theme_nodes(version=version, theme=theme)
    return Section(
        title=_("In the qualification framework"),
        template="framework/_theme_section.html",
        context={"version": version, "qualifications": qualifications, "units": units},
    )
