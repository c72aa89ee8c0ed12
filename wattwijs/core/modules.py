"""The modules that exist, as shown in the navigation and on the home page.

Each app's AppConfig may define ``modules``: a sequence of ``Module``. A module
appears in the navigation only when its app is installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.utils.functional import Promise
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Module:
    label: str | Promise
    url_name: str
    description: str | Promise
    # Where the header search box sends its query, for the module that owns the main search.
    search_priority: int = 0


@cache
def installed_modules() -> tuple[Module, ...]:
    found: list[Module] = []
    for config in apps.get_app_configs():
        found.extend(getattr(config, "modules", ()))
    return tuple(found)


def search_module() -> Module | None:
    candidates = [module for module in installed_modules() if module.search_priority > 0]
    return max(candidates, key=lambda module: module.search_priority, default=None)


@dataclass(frozen=True)
class Section:
    """A block that an app adds to another app's page (e.g. the qualifications on a theme page)."""

    title: str | Promise
    template: str
    context: dict[str, Any]


def sections_for(page: str, obj: Any) -> list[Section]:
    """The sections apps add to ``page`` ("theme", "region", or "home" with ``obj`` None) for ``obj``.

    An app takes part with ``<page>_sections`` on its AppConfig: dotted paths to functions that take
    the object and return a Section, or None when they have nothing to show.
    """
    found = []
    for config in apps.get_app_configs():
        for path in getattr(config, f"{page}_sections", ()):
            section = import_string(path)(obj)
            if section is not None:
                found.append(section)
    return found
