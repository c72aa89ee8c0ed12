"""``<field>__any``: membership in a long list of values, sent as one parameter.

``__in`` writes one placeholder per value, and at thousands of values (bulk indexing reads batches of
2,000 materials) preparing those placeholders costs more than running the query. ``__any`` sends the
list as one array (PostgreSQL: ``= ANY(%s)``) or one JSON text (SQLite: ``json_each``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, ForeignObject, Lookup
from django.db.models.sql.compiler import SQLCompiler


class AnyOf(Lookup):  # type: ignore[type-arg]  # generic only in the stubs
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self) -> Any:
        if not isinstance(self.rhs, Iterable) or isinstance(self.rhs, str | bytes):
            raise TypeError("__any takes a list of values")
        return list(self.rhs)

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, list[Any]]:
        lhs, params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*params, list(self.rhs)]
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(list(self.rhs))]  # noqa: S608


def register() -> None:
    # Relations keep lookups of their own, so they get it too (``version_id__any``, ``version__resource_id__any``).
    Field.register_lookup(AnyOf)
    ForeignObject.register_lookup(AnyOf)
