"""The areas of expertise a volunteer can tick; staff can edit them later."""

from django.db import migrations

EXPERTISE = ["宣讲", "法治教育", "家庭教育", "读书辅导", "心理健康", "文体", "其他"]


def create_expertise(apps, schema_editor):
    Expertise = apps.get_model("volunteers", "Expertise")
    for order, name in enumerate(EXPERTISE):
        Expertise.objects.get_or_create(name=name, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(create_expertise, migrations.RunPython.noop)]
