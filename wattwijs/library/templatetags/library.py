"""Template filters of the leermiddelenbank."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

import nh3
from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()

# Descriptions may come with simple HTML (harvested NL-LOM records often have it); only this survives.
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_LOOKS_LIKE_HTML = re.compile(r"<(p|br|ul|ol|li|strong|em|b|i|a)\b", re.IGNORECASE)


@register.filter
def richtext(text: str) -> SafeString:
    """User text as safe HTML: sanitised with nh3 when it holds markup, otherwise plain paragraphs."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    if not _LOOKS_LIKE_HTML.search(text):
        return linebreaks_filter(text, autoescape=True)
    cleaned = nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 with an allow-list


@register.simple_tag
def facet_links(values: Iterable[dict[str, Any]]) -> SafeString:
    """The list items of a facet group: each value links to the search with it chosen (or, when chosen, without it).

    Built here rather than in a template loop: a filter panel has over a hundred of them on every search.
    """
    separator = str(formats.get_format("THOUSAND_SEPARATOR"))
    remove = f'<span class="visually-hidden">{html.escape(gettext("remove filter"))}: </span>'
    items = []
    for item in values:
        chosen = ' aria-current="true" class="selected"' if item["selected"] else ""
        count = f"{item['count']:,}".replace(",", separator)
        items.append(
            f'<li><a href="{html.escape(item["url"])}"{chosen}>{remove if chosen else ""}'
            f'{html.escape(str(item["label"]))} <span class="count">({html.escape(count)})</span></a></li>'
        )
    return mark_safe("".join(items))  # noqa: S308 - every value above is escaped
