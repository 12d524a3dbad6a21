"""The fixed list of school stages a campaign can target."""

from django.db import migrations

STAGES = [
    ("幼儿园", "kindergarten"),
    ("小学", "primary"),
    ("初中", "junior"),
    ("高中", "senior"),
    ("中职", "vocational"),
]


def create_stages(apps, schema_editor):
    SchoolStage = apps.get_model("activities", "SchoolStage")
    for order, (name, slug) in enumerate(STAGES):
        SchoolStage.objects.update_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("activities", "0004_campaigns_schools_writeups")]

    operations = [migrations.RunPython(create_stages, migrations.RunPython.noop)]
