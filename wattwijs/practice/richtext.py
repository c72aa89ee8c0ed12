"""Rich text of practices and projects: a small allow-list of HTML, cleaned with nh3 when saved and shown."""

from __future__ import annotations

import re

import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
_BLOCK = re.compile(r"<(p|ul|ol|h3|h4)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def sanitise(text: str) -> str:
    """``text`` with every tag, attribute and URL scheme outside the allow-list removed (scripts with content)."""
    if not text:
        return ""
    return nh3.clean(
        text.strip().replace("\r\n", "\n"),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow",
    )


def render(text: str) -> SafeString:
    """Stored rich text as safe HTML; text without block tags gets paragraphs from its blank lines."""
    cleaned = sanitise(text)
    if cleaned and not _BLOCK.search(cleaned):
        paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split(cleaned) if part.strip()]
        cleaned = "".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in paragraphs)
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 with an allow-list just above
