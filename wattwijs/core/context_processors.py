from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from wattwijs.core.modules import installed_modules, search_module
from wattwijs.core.permissions import memberships


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page shell (header, navigation, search box) needs on every page."""
    nav = []
    for module in installed_modules():
        url = reverse(module.url_name)
        nav.append({"module": module, "url": url, "active": request.path.startswith(url)})
    search = search_module()
    return {
        "nav_items": nav,
        "search_url": reverse(search.url_name) if search else "",
        # The user menu's organisations: read in one query, and only when a page shows the menu.
        "menu_organisations": SimpleLazyObject(lambda: _menu_organisations(request)),
    }


def _menu_organisations(request: HttpRequest) -> list[Any]:
    user = getattr(request, "user", None)
    if user is None:
        return []
    return [membership.organisation for membership in memberships(user)[:5]]
