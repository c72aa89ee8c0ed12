"""Template filters of the leermiddelenbank."""

from __future__ import annotations

import re

import nh3
from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.safestring import SafeString, mark_safe

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
