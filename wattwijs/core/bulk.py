"""Bulk inserts of rows whose values are already adapted for the database driver.

Not ``bulk_create``: at 100,000 rows it spends most of its time building model instances and preparing
every value through the ORM. PostgreSQL gets COPY, its bulk load; other databases one executemany.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

from django.db import connection, models, transaction


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` (values in the order of ``fields``: field names or column names) into ``model``'s table."""
    column_of: dict[str, str] = {}
    for field in model._meta.concrete_fields:
        column_of[field.name] = column_of[field.attname] = field.column
    insert_into(model._meta.db_table, [column_of[name] for name in fields], rows)


def insert_into(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` into a table by name, also one without a model (such as a full-text table).

    All rows or none: outside a transaction the insert gets one of its own (on SQLite, each row would
    otherwise be a transaction, and a write to disk, of its own)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(column) for column in columns)
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY goes to the driver's cursor: its errors are turned into Django's here.
            with (
                connection.wrap_database_errors,
                cursor.cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {quote(table)} ({column_list}) VALUES ({placeholders})", rows)  # noqa: S608


def copy_binary(table: str, columns: Sequence[str], rows: Sequence[Sequence[bytes]]) -> None:
    """COPY rows whose values are already in PostgreSQL's binary form (as its ``*send`` functions give them)
    into a table: for values whose text form costs the database much to parse. PostgreSQL only."""
    stream = [b"PGCOPY\n\xff\r\n\x00", _HEADER_EXTENSION.pack(0, 0)]
    field_count = _INT16.pack(len(columns))
    for row in rows:
        stream.append(field_count)
        for value in row:
            stream.append(_INT32.pack(len(value)))
            stream.append(value)
    stream.append(_INT16.pack(-1))
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(column) for column in columns)
    with (
        transaction.atomic(savepoint=False),
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN (FORMAT BINARY)") as copy,
    ):
        copy.write(b"".join(stream))


_INT16 = struct.Struct(">h")
_INT32 = struct.Struct(">i")
_HEADER_EXTENSION = struct.Struct(">ii")  # flags, and the length of the header extension


def refresh_statistics(*tables: type[models.Model]) -> None:
    """Let PostgreSQL's planner see what bulk inserts added (also within the inserting transaction).

    Tables that grew from nothing in one transaction still look empty to the planner until autovacuum
    analyses them after the commit, and queries on them in the meantime get plans made for tiny tables.
    """
    if connection.vendor != "postgresql" or not tables:
        return
    names = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {names}")
