"""The full-text index of SearchDocument, in the form each database engine offers.

- SQLite: an FTS5 table with external content. The search index adds new documents to it in one
  set-based statement per batch (much faster than a row trigger); triggers keep it in step on every
  update and delete, whatever causes them (also cascades from a deleted material).
- PostgreSQL: a stored tsvector column generated from the analysed terms, with a GIN index.

The terms are analysed in Python (``wattwijs.library.search.analysis``), so both engines index the
same words and give the same hits; the database only splits on spaces.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE library_search_fts USING fts5(
        title_terms, body_terms, variant_terms,
        content='library_searchdocument', content_rowid='resource_id',
        tokenize="unicode61 remove_diacritics 0", prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER library_search_fts_delete AFTER DELETE ON library_searchdocument BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, title_terms, body_terms, variant_terms)
        VALUES ('delete', old.resource_id, old.title_terms, old.body_terms, old.variant_terms);
    END
    """,
    """
    CREATE TRIGGER library_search_fts_update
    AFTER UPDATE OF title_terms, body_terms, variant_terms ON library_searchdocument BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, title_terms, body_terms, variant_terms)
        VALUES ('delete', old.resource_id, old.title_terms, old.body_terms, old.variant_terms);
        INSERT INTO library_search_fts(rowid, title_terms, body_terms, variant_terms)
        VALUES (new.resource_id, new.title_terms, new.body_terms, new.variant_terms);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS library_search_fts_update",
    "DROP TRIGGER IF EXISTS library_search_fts_delete",
    "DROP TABLE IF EXISTS library_search_fts",
]

POSTGRESQL_FORWARD = [
    """
    ALTER TABLE library_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_terms), 'A')
        || setweight(to_tsvector('simple', body_terms), 'B')
        || setweight(to_tsvector('simple', variant_terms), 'C')
    ) STORED
    """,
    "CREATE INDEX library_search_vector_idx ON library_searchdocument USING gin (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS library_search_vector_idx",
    "ALTER TABLE library_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def by_engine(statements_by_vendor):
    """A RunPython function that executes the statements given for the database engine in use."""

    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0001_resources_versions_reviews_collections_search")]

    operations = [
        migrations.RunPython(
            by_engine({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            by_engine({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        )
    ]
