"""Cheap URLs for pages that link to many objects of one kind.

``reverse()`` walks the URL resolver on every call; a list page with a few dozen rows calls it
a hundred times. A detail URL with one slug-like argument is the same string around that
argument, so it is reversed once per URL name and script prefix and then filled in.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse

# Digits only, so it fits the int, slug and str path converters alike.
_MARKER = "9876543210123456789"


@lru_cache(maxsize=256)
def _around(viewname: str, kwarg: str, prefix: str) -> tuple[str, str]:
    before, _, after = reverse(viewname, kwargs={kwarg: _MARKER}).partition(_MARKER)
    return before, after


def detail_url(viewname: str, kwarg: str, value: str | int) -> str:
    """``reverse(viewname, kwargs={kwarg: value})`` for a URL pattern with one slug or int argument."""
    before, after = _around(viewname, kwarg, get_script_prefix())
    return f"{before}{quote(str(value), safe='')}{after}"
