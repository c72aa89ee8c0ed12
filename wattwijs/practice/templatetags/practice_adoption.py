"""The "wie volgt dit al" section of a practice page, with its own reads so the page's view stays as it is."""

from __future__ import annotations

from typing import Any

from django import template

from wattwijs.practice import permissions, selectors_adoption
from wattwijs.practice.models import Practice

register = template.Library()


@register.inclusion_tag("practice/_adoptions.html", takes_context=True)
def practice_adoptions(context: dict[str, Any], practice: Practice) -> dict[str, Any]:
    user = context["request"].user
    adoptions = selectors_adoption.practice_adoptions(practice, user=user)
    following = getattr(practice, "viewer_follows", None)  # read with the practice by selectors.practice_get
    if following is None:
        following = selectors_adoption.is_following(user, practice)
    return {
        "practice": practice,
        "rows": [(a, getattr(a, "editable", False)) for a in adoptions],
        "can_record": practice.is_published and permissions.can_record_adoption_elsewhere(user, practice.region_id),
        "is_authenticated": user.is_authenticated,
        "is_following": following,
        "csrf_token": context.get("csrf_token"),
    }
