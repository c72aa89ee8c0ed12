"""Template filters of the leermiddelenbank."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

import nh3
from django import template
from django.template.defaultfilters import floatformat, linebreaks_filter
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

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


@register.simple_tag(takes_context=True)
def result_cards(context: template.Context, rows: Iterable[Any]) -> SafeString:
    """The result cards of a search page (``selectors.ResultRow``), with "add to collection" for logged-in users.

    Built here rather than in a template loop, like ``facet_links``: a page shows up to 25 of them on every search.
    """
    request, user = context.get("request"), context.get("user")
    fictitious = format_html(' <span class="badge badge-fictitious">{}</span>', gettext("fictitious"))
    cards = []
    for row in rows:
        document = row.document
        meta = "".join(f'<span class="chip chip-level">{escape(level)}</span> ' for level in row.levels)
        if row.types:
            meta += f"· {escape(', '.join(row.types))}"
        if row.themes:
            meta += f" · {escape(', '.join(row.themes))}"
        about = ""
        if row.licence:
            licence = row.licence
            about = format_html(
                '<span class="badge badge-licence" title="{}">{}</span> ', licence.plain_text, licence.short_name
            )
        about += escape(document.publisher_name)
        if document.rating_count:
            rating = ngettext(
                "rated %(average)s out of 5 (%(counter)s review)",
                "rated %(average)s out of 5 (%(counter)s reviews)",
                document.rating_count,
            ) % {"average": floatformat(document.rating_average, 1), "counter": document.rating_count}
            about += f" · <span>{escape(rating)}</span>"
        add = ""
        if user is not None and user.is_authenticated:
            add = render_to_string(
                "library/_add_to_collection.html",
                {
                    "resource_id": document.resource_id,
                    "next": request.get_full_path() if request else "",
                    "collections": context.get("collections"),
                    "user": user,
                },
                request=request,
            )
        cards.append(
            f'<article class="result-card"><h3><a href="{escape(document.get_absolute_url())}">'
            f"{escape(document.title)}</a>{fictitious if document.is_fictitious else ''}</h3>"
            f'<p class="snippet">{row.snippet}</p><p class="meta">{meta}</p><p class="meta">{about}</p>{add}</article>'
        )
    return mark_safe("".join(cards))  # noqa: S308 - every value above is escaped or built with format_html
