from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest


class QueryLinks:
    """Links to the current page with some query parameters changed, always back on page 1.

    The query string is read once, so a page with many facet links does not copy it per link.
    """

    def __init__(self, request: HttpRequest) -> None:
        self.path = request.path
        # Each parameter encoded once; a link re-encodes only what it changes.
        self.encoded = {
            key: urlencode({key: values}, doseq=True) for key, values in request.GET.lists() if key != "page"
        }

    def url(self, **changes: str | None) -> str:
        """The query string with ``changes`` applied (None removes a key)."""
        encoded = dict(self.encoded)
        for key, value in changes.items():
            if value is None:
                encoded.pop(key, None)
            else:
                encoded[key] = urlencode({key: value})
        query = "&".join(part for part in encoded.values() if part)
        return f"?{query}" if query else self.path


def url_with(request: HttpRequest, **changes: str | None) -> str:
    """The current query string with ``changes`` applied (None removes a key), back on page 1."""
    return QueryLinks(request).url(**changes)
