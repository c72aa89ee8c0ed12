"""Template filters of the practice pages."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from wattwijs.practice import richtext as richtext_module

register = template.Library()


@register.filter
def practice_richtext(text: str) -> SafeString:
    """Sanitised rich text of a practice or project, as HTML."""
    return richtext_module.render(text)
