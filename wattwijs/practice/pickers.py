"""Search-limited pickers for the learning materials and training offers a practice links to.

The form's fields accept every linkable item; a page renders only the chosen items plus at most
``PICKER_LIMIT`` search results, so the form stays small and fast however many items exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wattwijs.library import selectors as library_selectors
from wattwijs.training import selectors as training_selectors

PICKER_LIMIT = 20
MAX_QUERY_LENGTH = 100
# More chosen ids than anyone links by hand: a longer list in a crafted request is cut off.
MAX_CHOSEN = 200


@dataclass(frozen=True)
class PickerItem:
    pk: int
    label: str
    detail: str = ""


@dataclass(frozen=True)
class PickerKind:
    field: str  # the form field the checkboxes post to
    search: str  # the search input's name
    button: str  # the name of the search button that works without JavaScript
    shown: str  # the name of the hidden input holding the search text whose results are shown
    url_name: str  # the endpoint htmx fetches results from
    search_label: Any
    find: Callable[..., list[Any]]
    by_ids: Callable[[Sequence[int]], list[Any]]
    item: Callable[[Any], PickerItem]
    found: Callable[[int], str]
    more_found: Callable[[int], str]


def _resource_item(resource: Any) -> PickerItem:
    return PickerItem(pk=resource.pk, label=resource.current.title, detail=resource.publisher.name)


def _offer_item(offer: Any) -> PickerItem:
    return PickerItem(pk=offer.pk, label=offer.title, detail=str(offer.get_kind_display()))


def _resources_found(count: int) -> str:
    return ngettext(
        "%(count)s learning material found",
        "%(count)s learning materials found",
        count,
    ) % {"count": count}


def _resources_more(limit: int) -> str:
    return _(
        "More than %(limit)s learning materials found; the first %(limit)s are shown. "
        "Type more of the title to narrow the search."
    ) % {"limit": limit}


def _offers_found(count: int) -> str:
    return ngettext("%(count)s training offer found", "%(count)s training offers found", count) % {"count": count}


def _offers_more(limit: int) -> str:
    return _(
        "More than %(limit)s training offers found; the first %(limit)s are shown. "
        "Type more of the title to narrow the search."
    ) % {"limit": limit}


RESOURCES = PickerKind(
    field="resources",
    search="resources_q",
    button="search_resources",
    shown="resources_q_shown",
    url_name="practice:picker_resources",
    search_label=gettext_lazy("Search learning materials by title"),
    find=library_selectors.resources_for_picker,
    by_ids=library_selectors.resources_by_ids,
    item=_resource_item,
    found=_resources_found,
    more_found=_resources_more,
)
OFFERS = PickerKind(
    field="training_offers",
    search="offers_q",
    button="search_offers",
    shown="offers_q_shown",
    url_name="practice:picker_offers",
    search_label=gettext_lazy("Search training offers by title"),
    find=training_selectors.offers_for_picker,
    by_ids=training_selectors.offers_by_ids,
    item=_offer_item,
    found=_offers_found,
    more_found=_offers_more,
)
KINDS = (RESOURCES, OFFERS)


@dataclass(frozen=True)
class Picker:
    kind: PickerKind
    q: str
    chosen: list[PickerItem]
    results: list[PickerItem]
    more: bool  # more items matched than are shown

    @property
    def message(self) -> str:
        """What the live region says after a search; nothing before one."""
        if not self.q:
            return ""
        if self.more:
            return self.kind.more_found(PICKER_LIMIT)
        return self.kind.found(len(self.results))


def is_search(data: Mapping[str, Any]) -> bool:
    """Whether a posted form asks for search results rather than to be saved: a search button was pressed, or a
    search text differs from the one whose results are on the page (Enter in a search box without JavaScript)."""
    return any(
        kind.button in data or _search_text(data.get(kind.search)) != _search_text(data.get(kind.shown))
        for kind in KINDS
    )


def _search_text(value: Any) -> str:
    return str(value or "").strip()[:MAX_QUERY_LENGTH]


def _ids(values: Iterable[Any]) -> list[int]:
    """Whole positive numbers among ``values`` (ids, model instances or posted strings), in order, once each."""
    ids: dict[int, None] = {}
    for value in values:
        raw = getattr(value, "pk", value)
        if isinstance(raw, int) or (isinstance(raw, str) and raw.isascii() and raw.isdigit()):
            number = int(raw)
            if 0 < number < 2**63:
                ids[number] = None
    return list(ids)[:MAX_CHOSEN]


def picker_build(kind: PickerKind, *, q: Any, chosen: Iterable[Any]) -> Picker:
    """The chosen items (unknown ids left out) and up to ``PICKER_LIMIT`` other items whose title contains ``q``."""
    q = _search_text(q)
    chosen_items = [kind.item(obj) for obj in kind.by_ids(_ids(chosen))]
    found = kind.find(q, PICKER_LIMIT + 1, exclude=[item.pk for item in chosen_items])
    return Picker(
        kind=kind,
        q=q,
        chosen=chosen_items,
        results=[kind.item(obj) for obj in found[:PICKER_LIMIT]],
        more=len(found) > PICKER_LIMIT,
    )
