from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from wattwijs.core.modules import installed_modules, search_module


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page shell (header, navigation, search box) needs on every page."""
    nav = []
    for module in installed_modules():
        url = reverse(module.url_name)
        nav.append({"module": module, "url": url, "active": request.path.startswith(url)})
    search = search_module()
    return {"nav_items": nav, "search_url": reverse(search.url_name) if search else ""}
