from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("core/_breadcrumbs.html")
def breadcrumbs(*parts: Any) -> dict[str, Any]:
    """``{% breadcrumbs label1 url1 label2 url2 current_label %}``: Home comes first by itself."""
    crumbs = [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]
    if len(parts) % 2:
        crumbs.append((parts[-1], ""))
    return {"crumbs": crumbs}
