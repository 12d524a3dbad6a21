"""The fixed list of audiences an activity can be for."""

from django.db import migrations

AUDIENCES = [
    ("学生", "students"),
    ("家长", "parents"),
    ("教师", "teachers"),
    ("五老志愿者", "volunteers"),
    ("公众", "public"),
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("activities", "Audience")
    for order, (name, slug) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
