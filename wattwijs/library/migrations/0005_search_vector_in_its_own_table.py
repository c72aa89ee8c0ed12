"""PostgreSQL: the search vector moves out of the documents into a narrow table of its own.

A search reads every matching row: the ids for the facet counts, and the vector to rank them. In the
document table a row also carries what a result line shows and the analysed text, about 3 KB, so a
common word's matches were spread over nearly every page of the table. The narrow table holds only
the id and the vector (the GIN index stays on the vector), and a deleted document takes its vector
with it, as the FTS5 table follows the documents on SQLite. SQLite keeps its FTS5 table.
"""

import importlib

from django.db import migrations

full_text = importlib.import_module("wattwijs.library.migrations.0002_full_text_search_index")

FORWARD = [
    """
    CREATE TABLE library_searchvector (
        resource_id bigint PRIMARY KEY,
        search_vector tsvector NOT NULL
    )
    """,
    # A deleted document takes its vector with it, whatever deletes it (re-indexing, or a deleted material).
    # One statement per DELETE: a foreign key would check every inserted vector and delete row by row.
    """
    CREATE FUNCTION library_searchvector_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM library_searchvector v USING gone WHERE v.resource_id = gone.resource_id;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER library_searchvector_forget AFTER DELETE ON library_searchdocument
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION library_searchvector_forget()
    """,
    # Kept in the row (not moved to TOAST): ranking reads the vector of every match.
    "ALTER TABLE library_searchvector ALTER COLUMN search_vector SET STORAGE MAIN",
    "INSERT INTO library_searchvector (resource_id, search_vector) "
    "SELECT resource_id, search_vector FROM library_searchdocument",
    *full_text.POSTGRESQL_BACKWARD,
    "CREATE INDEX library_search_vector_idx ON library_searchvector USING gin (search_vector)",
]
BACKWARD = [
    "DROP TRIGGER library_searchvector_forget ON library_searchdocument",
    "DROP FUNCTION library_searchvector_forget()",
    "DROP TABLE library_searchvector",
    *full_text.POSTGRESQL_FORWARD,
    "ALTER TABLE library_searchdocument ALTER COLUMN search_vector SET STORAGE MAIN",
]


class Migration(migrations.Migration):
    dependencies = [("library", "0004_full_text_table_without_prefix_indexes")]

    operations = [
        migrations.RunPython(
            full_text.by_engine({"postgresql": FORWARD}), full_text.by_engine({"postgresql": BACKWARD})
        )
    ]
