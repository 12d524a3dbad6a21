"""The school stages a campaign is for move from a table of five fixed rows (and a
many-to-many table) into a list of codes in the page's own row: the campaign page reads
them with the page instead of in a query of their own.

Carried across: the stages of every campaign page, and those inside every revision of a
campaign (drafts, scheduled and past versions), which the editor and the revision history
load. Reversible: going back makes the five rows again and links each page to its own.
"""

from django.db import migrations

import activities.models.schools

# As migration 0005 made them: (name, slug), in their order. The slugs are the new codes.
STAGES = [
    ("幼儿园", "kindergarten"),
    ("小学", "primary"),
    ("初中", "junior"),
    ("高中", "senior"),
    ("中职", "vocational"),
]
ORDER = [slug for _name, slug in STAGES]


def _in_order(codes):
    """The known codes among ``codes``, each once, in the stages' order."""
    return sorted({code for code in codes if isinstance(code, str)} & set(ORDER), key=ORDER.index)


def _campaign_revisions(apps):
    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="activities", model="campaignpage")
        .first()
    )
    if content_type is None:  # a new database: no campaign was ever saved
        return []
    return apps.get_model("wagtailcore", "Revision").objects.filter(content_type=content_type)


def _links(apps):
    campaign_page = apps.get_model("activities", "CampaignPage")
    return campaign_page._meta.get_field("stages").remote_field.through.objects


def rows_to_codes(apps, schema_editor):
    campaign_page = apps.get_model("activities", "CampaignPage")
    codes = {}
    for page_id, slug in _links(apps).values_list("campaignpage_id", "schoolstage__slug"):
        codes.setdefault(page_id, []).append(slug)
    for page_id, slugs in codes.items():
        campaign_page.objects.filter(pk=page_id).update(stage_codes=_in_order(slugs))
    slug_of = dict(apps.get_model("activities", "SchoolStage").objects.values_list("pk", "slug"))
    for revision in _campaign_revisions(apps):
        if "stages" not in revision.content or revision.content["stages"] == []:
            continue
        stages = revision.content["stages"]
        pks = stages if isinstance(stages, list) else []  # anything else: no stage
        revision.content["stages"] = _in_order(slug_of.get(pk) for pk in pks if isinstance(pk, int))
        revision.save(update_fields=["content"])


def codes_to_rows(apps, schema_editor):
    school_stage = apps.get_model("activities", "SchoolStage")
    for order, (name, slug) in enumerate(STAGES):
        school_stage.objects.update_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    pk_of = dict(school_stage.objects.values_list("slug", "pk"))
    links = _links(apps)
    campaign_page = apps.get_model("activities", "CampaignPage")
    links.bulk_create(
        links.model(campaignpage_id=page_id, schoolstage_id=pk_of[code])
        for page_id, codes in campaign_page.objects.values_list("pk", "stage_codes")
        for code in _in_order(codes or [])
    )
    for revision in _campaign_revisions(apps):
        if "stages" not in revision.content or revision.content["stages"] == []:
            continue
        stages = revision.content["stages"]
        codes = stages if isinstance(stages, list) else []
        revision.content["stages"] = [pk_of[code] for code in _in_order(codes)]
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("activities", "0010_writeuppage_writeup_date_order")]

    operations = [
        migrations.AddField(
            model_name="campaignpage",
            name="stage_codes",
            field=activities.models.schools.SchoolStagesField(
                blank=True, default=list, verbose_name="面向学段"
            ),
        ),
        migrations.RunPython(rows_to_codes, codes_to_rows),
        migrations.RemoveField(model_name="campaignpage", name="stages"),
        migrations.RenameField(
            model_name="campaignpage", old_name="stage_codes", new_name="stages"
        ),
        migrations.DeleteModel(name="SchoolStage"),
    ]
