"""A campaign's reading list, topics, legal advisors and awards move from four inline tables
into StreamFields of the page (one block per former row, in the same order), so that the
page reads them with its own row.

Carried across: the rows of every campaign page, and the same lists inside every revision
of a campaign (drafts, scheduled and past versions), which the editor and the revision
history load. Reversible: going back writes the rows out again.
"""

import json
import uuid

import modelcluster.fields
import wagtail.fields
from django.db import migrations, models

# StreamField: (former model, block type, {block field: value when a revision lacks it})
PARTS = {
    "reading_list": (
        "ReadingListItem",
        "book",
        {"title": "", "author": "", "grade_band": "", "note": "", "cover": None},
    ),
    "topics": ("CampaignTopic", "topic", {"title": "", "description": ""}),
    "advisors": (
        "LegalAdvisor",
        "advisor",
        {"name": "", "role": "vice_principal", "organisation": "", "schools_served": ""},
    ),
    "awards": (
        "CampaignAward",
        "award",
        {"award": "", "school": None, "entrant": "", "work_title": ""},
    ),
}
FOREIGN_KEYS = {"cover": "wagtailimages.Image", "school": "activities.School"}


def _blocks(block_type, defaults, rows):
    return [
        {
            "type": block_type,
            "value": {name: row.get(name, default) for name, default in defaults.items()},
            "id": str(uuid.uuid4()),
        }
        for row in rows
    ]


def _campaign_revisions(apps):
    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="activities", model="campaignpage")
        .first()
    )
    if content_type is None:  # a new database: no campaign was ever saved
        return []
    return apps.get_model("wagtailcore", "Revision").objects.filter(content_type=content_type)


def rows_to_blocks(apps, schema_editor):
    campaign_page = apps.get_model("activities", "CampaignPage")
    for page in campaign_page.objects.all():
        for field, (model_name, block_type, defaults) in PARTS.items():
            rows = (
                apps.get_model("activities", model_name)
                .objects.filter(campaign_id=page.pk)
                .order_by("sort_order", "pk")
                .values(*defaults)
            )
            setattr(page, field, _blocks(block_type, defaults, rows))
        page.save(update_fields=list(PARTS))
    for revision in _campaign_revisions(apps):
        changed = False
        for field, (_model, block_type, defaults) in PARTS.items():
            rows = revision.content.get(field)
            if isinstance(rows, list):  # as the inline rows were serialised
                revision.content[field] = json.dumps(_blocks(block_type, defaults, rows))
                changed = True
        if changed:
            revision.save(update_fields=["content"])


def _existing(apps, values):
    """Each foreign-key field's ids that still exist (a chosen school or image may have
    been deleted since; the row then keeps none, as the former SET_NULL did)."""
    return {
        name: set(
            apps.get_model(label)
            .objects.filter(pk__in=values.get(name, ()))
            .values_list("pk", flat=True)
        )
        for name, label in FOREIGN_KEYS.items()
    }


def blocks_to_rows(apps, schema_editor):
    campaign_page = apps.get_model("activities", "CampaignPage")
    pages = list(campaign_page.objects.all())
    for field, (model_name, _block_type, defaults) in PARTS.items():
        model = apps.get_model("activities", model_name)
        values = [
            (page.pk, order, block["value"])
            for page in pages
            for order, block in enumerate(getattr(page, field).raw_data)
        ]
        ids = {name: {value.get(name) for _, _, value in values} for name in FOREIGN_KEYS}
        existing = _existing(apps, ids)
        rows = []
        for page_id, order, value in values:
            fields = {}
            for name, default in defaults.items():
                if name in FOREIGN_KEYS:
                    chosen = value.get(name)
                    fields[f"{name}_id"] = chosen if chosen in existing[name] else None
                else:
                    fields[name] = value.get(name) or default
            rows.append(model(campaign_id=page_id, sort_order=order, **fields))
        model.objects.bulk_create(rows)
    for revision in _campaign_revisions(apps):
        changed = False
        for field in PARTS:
            stream = revision.content.get(field)
            if isinstance(stream, str):
                blocks = json.loads(stream) if stream else []
                revision.content[field] = [
                    {
                        "pk": None,
                        "sort_order": order,
                        "campaign": int(revision.object_id),
                        **block["value"],
                    }
                    for order, block in enumerate(blocks)
                ]
                changed = True
        if changed:
            revision.save(update_fields=["content"])


def _legacy_key(related_name):
    # The rows' link to their page, renamed in the migration state only (no SQL) so that
    # the page's new fields may take the old accessor names while both exist.
    return modelcluster.fields.ParentalKey(
        on_delete=models.deletion.CASCADE,
        related_name=related_name,
        to="activities.campaignpage",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0008_writeup_consent"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AlterField(
            model_name="readinglistitem",
            name="campaign",
            field=_legacy_key("legacy_reading_list"),
        ),
        migrations.AlterField(
            model_name="campaigntopic", name="campaign", field=_legacy_key("legacy_topics")
        ),
        migrations.AlterField(
            model_name="legaladvisor", name="campaign", field=_legacy_key("legacy_advisors")
        ),
        migrations.AlterField(
            model_name="campaignaward", name="campaign", field=_legacy_key("legacy_awards")
        ),
        migrations.AddField(
            model_name="campaignpage",
            name="advisors",
            field=wagtail.fields.StreamField(
                [("advisor", 4)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "姓名", "max_length": 20}),
                    1: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("vice_principal", "法治副校长"),
                                ("counsellor", "法治辅导员"),
                            ],
                            "label": "职务",
                        },
                    ),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": "例如：区人民检察院", "label": "工作单位", "max_length": 60},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "多所学校用顿号分开",
                            "label": "服务学校",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("name", 0), ("role", 1), ("organisation", 2), ("schools_served", 3)]],
                        {},
                    ),
                },
                verbose_name="法治副校长和法治辅导员",
            ),
        ),
        migrations.AddField(
            model_name="campaignpage",
            name="awards",
            field=wagtail.fields.StreamField(
                [("award", 4)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "例如：一等奖、优秀组织奖",
                            "label": "奖项",
                            "max_length": 30,
                        },
                    ),
                    1: (
                        "wagtail.snippets.blocks.SnippetChooserBlock",
                        ("activities.School",),
                        {"label": "学校", "required": False},
                    ),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "学生请只写姓名",
                            "label": "获奖者",
                            "max_length": 60,
                            "required": False,
                        },
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "作品", "max_length": 100, "required": False},
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("award", 0), ("school", 1), ("entrant", 2), ("work_title", 3)]],
                        {},
                    ),
                },
                verbose_name="成果和获奖",
            ),
        ),
        migrations.AddField(
            model_name="campaignpage",
            name="reading_list",
            field=wagtail.fields.StreamField(
                [("book", 5)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "书名", "max_length": 100}),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "作者", "max_length": 60, "required": False},
                    ),
                    2: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("preschool", "学前"),
                                ("lower", "小学低年级（1—2年级）"),
                                ("middle", "小学中年级（3—4年级）"),
                                ("upper", "小学高年级（5—6年级）"),
                                ("junior", "初中"),
                                ("senior", "高中"),
                            ],
                            "label": "适读年级",
                        },
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "推荐语", "max_length": 200, "required": False},
                    ),
                    4: (
                        "wagtail.images.blocks.ImageChooserBlock",
                        (),
                        {"label": "封面（可不传）", "required": False},
                    ),
                    5: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("title", 0),
                                ("author", 1),
                                ("grade_band", 2),
                                ("note", 3),
                                ("cover", 4),
                            ]
                        ],
                        {},
                    ),
                },
                verbose_name="推荐书目",
            ),
        ),
        migrations.AddField(
            model_name="campaignpage",
            name="topics",
            field=wagtail.fields.StreamField(
                [("topic", 2)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "主题", "max_length": 60}),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "简要说明", "max_length": 200, "required": False},
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("title", 0), ("description", 1)]], {}),
                },
                verbose_name="宣讲主题",
            ),
        ),
        migrations.RunPython(rows_to_blocks, blocks_to_rows),
        migrations.DeleteModel(name="CampaignAward"),
        migrations.DeleteModel(name="CampaignTopic"),
        migrations.DeleteModel(name="LegalAdvisor"),
        migrations.DeleteModel(name="ReadingListItem"),
    ]
