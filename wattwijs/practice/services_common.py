"""The write flow the practice app's services share: an object saved from its form data in one transaction,
together with its audit entry. Permission checks and validation stay in each service, before the write."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, cast

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wattwijs.core.models import Organisation
from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.practice import permissions

M = TypeVar("M", bound=models.Model)
D = TypeVar("D")


class _Stamped(Protocol):
    updated_at: datetime.datetime


def require_own_organisation(actor: AnyUser, organisation: Organisation, field: str = "owner") -> None:
    """Nobody files anything in another organisation's name; the message stands next to ``field``."""
    if not permissions.editing_organisations(actor).filter(pk=organisation.pk).exists():
        raise ValidationError({field: _("Choose an organisation you are a coordinator or administrator of.")})


@dataclass(frozen=True)
class AuditedWriter(Generic[M, D]):
    """How one kind of object is saved from its form data (a ``*Data`` dataclass): ``write`` fills and saves the
    object and its related rows, ``fields`` are the plain fields whose changes an edit's audit entry lists,
    ``organisation`` picks the organisation the entry is filed under, and the entries' actions are
    ``<action>_create`` and ``<action>_update``."""

    action: str
    write: Callable[[M, D], None]
    fields: Sequence[str]
    organisation: Callable[[D], Organisation | None]

    def create(self, *, actor: AnyUser, obj: M, data: D, details: dict[str, Any]) -> M:
        """Save a new ``obj`` from ``data`` and its audit entry, all or nothing."""
        return self._save(actor=actor, obj=obj, data=data, action=f"{self.action}_create", details=details)

    def update(self, *, actor: AnyUser, obj: M, data: D) -> M:
        """Change ``obj`` to ``data``: stamp ``updated_at``, save, and audit which plain fields changed."""
        changed = [name for name in self.fields if getattr(obj, name) != getattr(data, name)]
        cast(_Stamped, obj).updated_at = timezone.now()
        return self._save(actor=actor, obj=obj, data=data, action=f"{self.action}_update", details={"changed": changed})

    def _save(self, *, actor: AnyUser, obj: M, data: D, action: str, details: dict[str, Any]) -> M:
        with transaction.atomic():
            self.write(obj, data)
            audit_log_write(actor=actor, action=action, obj=obj, organisation=self.organisation(data), details=details)
        return obj
