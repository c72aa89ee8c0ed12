"""Keeps derived caches in step with the data they are computed from."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from wattwijs.core import caching
from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.core.selectors import ORGANISATION_FACETS_CACHE


def drop_organisation_facets(**kwargs: Any) -> None:
    caching.invalidate(ORGANISATION_FACETS_CACHE)


def connect() -> None:
    for model in (Organisation, Region, Theme):
        post_save.connect(drop_organisation_facets, sender=model, dispatch_uid=f"facets-save-{model.__name__}")
        post_delete.connect(drop_organisation_facets, sender=model, dispatch_uid=f"facets-delete-{model.__name__}")
    m2m_changed.connect(drop_organisation_facets, sender=Organisation.themes.through, dispatch_uid="facets-themes")
