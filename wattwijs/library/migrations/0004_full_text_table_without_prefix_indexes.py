"""SQLite: the FTS5 table again, without prefix indexes and with the ASCII tokenizer.

The prefix indexes (2 and 3 letters) more than doubled the work of adding and removing documents,
and prefix searches are as fast without them at 100,000 materials: ranking the matches is what they
cost. The analysed terms are ASCII letters and digits only, so the ASCII tokenizer splits them the same
way as unicode61, with less work. The table is filled again from the documents.
"""

import importlib

from django.db import migrations

full_text = importlib.import_module("wattwijs.library.migrations.0002_full_text_search_index")


TABLE = """
    CREATE VIRTUAL TABLE library_search_fts USING fts5(
        title_terms, body_terms, variant_terms,
        content='library_searchdocument', content_rowid='resource_id',
        tokenize="ascii"
    )
    """


REBUILD = "INSERT INTO library_search_fts(library_search_fts) VALUES ('rebuild')"
TRIGGERS = full_text.SQLITE_FORWARD[1:]
FORWARD = [*full_text.SQLITE_BACKWARD, TABLE, *TRIGGERS, REBUILD]
BACKWARD = [*full_text.SQLITE_BACKWARD, *full_text.SQLITE_FORWARD, REBUILD]


class Migration(migrations.Migration):
    dependencies = [("library", "0003_pack_facet_ids_and_count_index_changes")]

    operations = [
        migrations.RunPython(full_text.by_engine({"sqlite": FORWARD}), full_text.by_engine({"sqlite": BACKWARD}))
    ]
