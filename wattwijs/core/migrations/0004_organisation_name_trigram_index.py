"""On PostgreSQL, a trigram index makes the directory's name search (UPPER(name) LIKE '%...%') an index scan.

SQLite has no trigram indexes; there the migration does nothing. Creating the pg_trgm extension
needs a role that may create extensions (the database owner on PostgreSQL 13 and later).
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS core_org_name_trgm_idx ON core_organisation USING gin (UPPER(name) gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS core_org_name_trgm_idx"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("core", "0003_organisation_name_index")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
