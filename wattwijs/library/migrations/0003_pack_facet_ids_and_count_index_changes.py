"""Each search document keeps its facet ids in one packed column (instead of one row per link), the index
gets a version that every change renews, and on PostgreSQL the search vector stays inside its row.

The search vector is read for every match when results are ranked; moved out of the row (TOAST) it costs
a lookup per document. Storage MAIN keeps it in the row while the analysed text columns, which only feed
the vector, are the ones moved out.
"""

import importlib
from array import array

from django.db import migrations, models

full_text = importlib.import_module("wattwijs.library.migrations.0002_full_text_search_index")

POSTGRESQL_STORAGE = [
    "ALTER TABLE library_searchdocument ALTER COLUMN search_vector SET STORAGE MAIN",
    "ALTER TABLE library_searchdocument ALTER COLUMN title_terms SET STORAGE EXTERNAL",
    "ALTER TABLE library_searchdocument ALTER COLUMN body_terms SET STORAGE EXTERNAL",
    "ALTER TABLE library_searchdocument ALTER COLUMN variant_terms SET STORAGE EXTERNAL",
]
POSTGRESQL_STORAGE_BACKWARD = [
    "ALTER TABLE library_searchdocument ALTER COLUMN search_vector SET STORAGE EXTENDED",
    "ALTER TABLE library_searchdocument ALTER COLUMN title_terms SET STORAGE EXTENDED",
    "ALTER TABLE library_searchdocument ALTER COLUMN body_terms SET STORAGE EXTENDED",
    "ALTER TABLE library_searchdocument ALTER COLUMN variant_terms SET STORAGE EXTENDED",
]


def pack_facet_links(apps, schema_editor):
    """Copy the facet links of existing documents into their packed column."""
    DocumentFacet = apps.get_model("library", "DocumentFacet")
    SearchDocument = apps.get_model("library", "SearchDocument")
    by_document = {}
    for document_id, facet_id in DocumentFacet.objects.order_by("document_id", "facet_id").values_list(
        "document_id", "facet_id"
    ):
        by_document.setdefault(document_id, array("i")).append(facet_id)
    for document_id, facet_ids in by_document.items():
        SearchDocument.objects.filter(pk=document_id).update(facet_ids=facet_ids.tobytes())


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0002_full_text_search_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.CharField(max_length=32)),
            ],
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="facet_ids",
            field=models.BinaryField(null=True),
        ),
        migrations.RunPython(pack_facet_links, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="DocumentFacet",
        ),
        migrations.RunPython(
            full_text.by_engine({"postgresql": POSTGRESQL_STORAGE}),
            full_text.by_engine({"postgresql": POSTGRESQL_STORAGE_BACKWARD}),
        ),
    ]
