from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest


class QueryLinks:
    """Links to the current page with some query parameters changed, always back on page 1.

    The query string is read once, so a page with many facet links does not copy it per link.
    """

    def __init__(self, request: HttpRequest) -> None:
        self.path = request.path
        self.params = {key: values for key, values in request.GET.lists() if key != "page"}

    def url(self, **changes: str | None) -> str:
        """The query string with ``changes`` applied (None removes a key)."""
        params = dict(self.params)
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = [value]
        encoded = urlencode(params, doseq=True)
        return f"?{encoded}" if encoded else self.path


def url_with(request: HttpRequest, **changes: str | None) -> str:
    """The current query string with ``changes`` applied (None removes a key), back on page 1."""
    return QueryLinks(request).url(**changes)
