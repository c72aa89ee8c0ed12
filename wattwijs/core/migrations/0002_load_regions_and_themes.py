from django.db import migrations

from wattwijs.core.reference_data import load_regions, load_themes


def load_reference_data(apps, schema_editor):
    load_regions(apps.get_model("core", "Region"))
    load_themes(apps.get_model("core", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load_reference_data, migrations.RunPython.noop)]
