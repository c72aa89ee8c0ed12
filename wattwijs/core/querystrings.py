from __future__ import annotations

from django.http import HttpRequest


def url_with(request: HttpRequest, **changes: str | None) -> str:
    """The current query string with ``changes`` applied (None removes a key), back on page 1."""
    query = request.GET.copy()
    query.pop("page", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path
