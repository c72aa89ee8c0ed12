"""What the practice app adds to pages of other apps."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Section
from wattwijs.practice import selectors_sessions


def home_next_session(obj: Any) -> Section | None:
    """On the home page: the next planned themasessie, when there is one."""
    session = selectors_sessions.next_session()
    if session is None:
        return None
    return Section(title=_("Next theme session"), template="practice/_home_session.html", context={"session": session})
