from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest


class CountedPaginator(Paginator):  # type: ignore[type-arg]
    """A paginator told its count up front, e.g. from facet counts already in hand."""

    def __init__(self, items: Any, per_page: int, *, count: int) -> None:
        super().__init__(items, per_page)
        self.__dict__["count"] = count  # fills the cached_property, so no COUNT query runs


def paginate(request: HttpRequest, items: Any, per_page: int | None = None, *, count: int | None = None) -> Page[Any]:
    """The page named by ``?page=`` (out-of-range numbers give the nearest page).

    Pass ``count`` when the number of items is already known to spare the COUNT query.
    """
    size = per_page or settings.PAGE_SIZE
    paginator = Paginator(items, size) if count is None else CountedPaginator(items, size, count=count)
    return paginator.get_page(request.GET.get("page"))
