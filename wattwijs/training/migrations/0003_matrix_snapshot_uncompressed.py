from django.db import migrations


def store_uncompressed(apps, schema_editor):
    """PostgreSQL compresses a large bytea value by default; numpy arrays hardly shrink, so skip the work."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE training_matrixsnapshot ALTER COLUMN data SET STORAGE EXTERNAL")


def build_snapshot(apps, schema_editor):
    """Build the snapshot of the existing offers now rather than in the first request that reads it.

    The snapshot is derived data in the format the current code reads, so it is built with that code.
    """
    from wattwijs.training import snapshot

    TrainingOffer = apps.get_model("training", "TrainingOffer")
    OfferTargetGroup = apps.get_model("training", "OfferTargetGroup")
    MatrixSnapshot = apps.get_model("training", "MatrixSnapshot")
    regions, themes, targets = {}, {}, {}
    for offer_id, region_id in TrainingOffer.regions.through.objects.values_list("trainingoffer_id", "region_id"):
        regions.setdefault(offer_id, []).append(region_id)
    for offer_id, theme_id in TrainingOffer.themes.through.objects.values_list("trainingoffer_id", "theme_id"):
        themes.setdefault(offer_id, []).append(theme_id)
    for offer_id, group in OfferTargetGroup.objects.values_list("offer_id", "target_group"):
        targets.setdefault(offer_id, []).append(group)
    offers = list(TrainingOffer.objects.values_list("pk", "status", "kind", "level"))
    facts = snapshot.facts_for(offers, regions, themes, targets)
    MatrixSnapshot.objects.update_or_create(
        pk=snapshot.SNAPSHOT_PK, defaults={"data": facts.to_bytes(), "offers": len(offers)}
    )


class Migration(migrations.Migration):
    dependencies = [("training", "0002_matrix_snapshot")]

    operations = [
        migrations.RunPython(store_uncompressed, migrations.RunPython.noop),
        migrations.RunPython(build_snapshot, migrations.RunPython.noop),
    ]
