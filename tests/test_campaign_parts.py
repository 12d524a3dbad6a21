"""A campaign's reading list, topics, roster and awards, kept as StreamFields of the page,
and the school stages it is for, kept as a list of codes in its row: the data migrations
carry the former rows across (pages and their revisions), the editor saves them with the
old rules, and the page reads them without a query each."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from activities.models import CampaignPage, CampaignPhoto
from tests import factories

pytestmark = pytest.mark.django_db

BOOK = {"title": "稻草人", "author": "叶圣陶", "grade_band": "middle", "note": "第一本童话集"}
ADVISOR = {"name": "刘文博", "organisation": "区人民检察院", "schools_served": "青禾中学"}
AWARD = {"award": "一等奖", "entrant": "林小雨", "work_title": "草房子里的夏天"}
STREAMS = ["body", "reading_list", "topics", "advisors", "awards"]
BEFORE = [("activities", "0008_writeup_consent")]
BEFORE_STAGES = [("activities", "0010_writeuppage_writeup_date_order")]
AFTER_STAGES = [("activities", "0011_campaign_stages_in_page")]


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def book(title, band="upper", **fields):
    return ("book", {"title": title, "author": "", "grade_band": band, "note": "", **fields})


def titles(stream):
    return [block.value["title"] for block in stream]


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_rows_and_revisions_across(restore_migrated_data, client):
    school = factories.school("文昌小学")
    cover = factories.image("封面")
    campaign = factories.campaign(factories.campaign_index(), kind="law")
    campaign.topics = [("topic", {"title": "预防校园欺凌", "description": "知道向谁求助"})]
    campaign.save_revision().publish()
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        assert list(
            old.get_model("activities", "CampaignTopic").objects.values("title", "description")
        ) == [{"title": "预防校园欺凌", "description": "知道向谁求助"}]
        # Rows as the former inline forms saved them, listed out of their id order.
        old.get_model("activities", "ReadingListItem").objects.bulk_create(
            old.get_model("activities", "ReadingListItem")(
                campaign_id=campaign.pk, sort_order=order, title=title, grade_band="upper", **more
            )
            for order, title, more in [
                (1, "城南旧事", {"author": "林海音"}),
                (0, "草房子", {"author": "曹文轩", "note": "推荐", "cover_id": cover.pk}),
            ]
        )
        old.get_model("activities", "LegalAdvisor").objects.create(
            campaign_id=campaign.pk, sort_order=0, **ADVISOR, role="counsellor"
        )
        old.get_model("activities", "CampaignAward").objects.create(
            campaign_id=campaign.pk, sort_order=0, **AWARD, school_id=school.pk
        )
        # A draft waiting for approval, as the former pages serialised their rows.
        revision = old.get_model("wagtailcore", "Revision").objects.get(
            pk=campaign.latest_revision_id
        )
        draft = old.get_model("wagtailcore", "Revision").objects.create(
            content_type_id=revision.content_type_id,
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            object_str=revision.object_str,
            created_at=revision.created_at,
            content={
                **revision.content,
                "reading_list": [
                    {"pk": 9, "sort_order": 0, "campaign": campaign.pk, **BOOK, "cover": None}
                ],
            },
        )
        old.get_model("wagtailcore", "Page").objects.filter(pk=campaign.pk).update(
            latest_revision=draft, has_unpublished_changes=True
        )
    finally:
        migrate_to_latest()

    page = CampaignPage.objects.get(pk=campaign.pk)
    assert titles(page.reading_list) == ["草房子", "城南旧事"]
    assert page.reading_list[0].value["cover"] == cover
    assert page.reading_list[0].value["note"] == "推荐"
    assert page.awards[0].value["school"] == school
    assert page.advisors[0].value["role"] == "counsellor"
    assert titles(page.topics) == ["预防校园欺凌"]
    assert titles(page.get_latest_revision_as_object().reading_list) == ["稻草人"]
    assert titles(page.live_revision.as_object().topics) == ["预防校园欺凌"]
    html = client.get(page.url).content.decode()
    for text in ["《草房子》", "曹文轩", "推荐", "预防校园欺凌", "刘文博", "法治辅导员", "林小雨"]:
        assert text in html
    assert '<td data-label="学校">文昌小学</td>' in html


@pytest.mark.django_db(transaction=True)
def test_the_stages_migration_carries_pages_and_revisions_across_and_back(
    restore_migrated_data, client
):
    campaign = factories.campaign(factories.campaign_index())
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE_STAGES)
        old = executor.loader.project_state(BEFORE_STAGES).apps
        stage = dict(old.get_model("activities", "SchoolStage").objects.values_list("slug", "pk"))
        links = old.get_model("activities", "CampaignPage").stages.through.objects
        # Linked out of the stages' order.
        for slug in ["vocational", "primary"]:
            links.create(campaignpage_id=campaign.pk, schoolstage_id=stage[slug])
        # A draft for another audience, as the former pages serialised their links.
        revisions = old.get_model("wagtailcore", "Revision").objects
        revision = revisions.get(pk=campaign.latest_revision_id)
        draft = revisions.create(
            content_type_id=revision.content_type_id,
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            object_str=revision.object_str,
            created_at=revision.created_at,
            content={**revision.content, "stages": [stage["junior"], stage["kindergarten"]]},
        )
        old.get_model("wagtailcore", "Page").objects.filter(pk=campaign.pk).update(
            latest_revision=draft, has_unpublished_changes=True
        )
        # Older revisions as they may be: without the field, empty, null, a deleted stage.
        odd = {
            "missing": {k: v for k, v in revision.content.items() if k != "stages"},
            "empty": {**revision.content, "stages": []},
            "null": {**revision.content, "stages": None},
            "deleted": {**revision.content, "stages": [stage["senior"], 9999]},
        }
        odd = {
            label: revisions.create(
                content_type_id=revision.content_type_id,
                base_content_type_id=revision.base_content_type_id,
                object_id=revision.object_id,
                object_str=revision.object_str,
                created_at=revision.created_at,
                content=content,
            ).pk
            for label, content in odd.items()
        }
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER_STAGES)

        carried = {
            label: Revision.objects.get(pk=pk).content.get("stages", "absent")
            for label, pk in odd.items()
        }
        assert carried == {
            "missing": "absent",
            "empty": [],
            "null": [],
            "deleted": ["senior"],
        }

        page = CampaignPage.objects.get(pk=campaign.pk)
        assert page.stages == ["primary", "vocational"]
        assert page.get_latest_revision_as_object().stages == ["kindergarten", "junior"]
        assert "<dt>对象</dt><dd>小学、中职</dd>" in client.get(page.url).content.decode()

        # And back: the five rows again, each page and revision linked to its own.
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE_STAGES)
        old = executor.loader.project_state(BEFORE_STAGES).apps
        names = old.get_model("activities", "SchoolStage").objects.values_list("name", flat=True)
        assert list(names.order_by("sort_order")) == ["幼儿园", "小学", "初中", "高中", "中职"]
        linked = old.get_model("activities", "CampaignPage").stages.through.objects.filter(
            campaignpage_id=campaign.pk
        )
        assert sorted(linked.values_list("schoolstage__slug", flat=True)) == [
            "primary",
            "vocational",
        ]
        draft = old.get_model("wagtailcore", "Revision").objects.get(pk=draft.pk)
        stages = old.get_model("activities", "SchoolStage").objects.order_by("sort_order")
        assert draft.content["stages"] == list(
            stages.filter(slug__in=["kindergarten", "junior"]).values_list("pk", flat=True)
        )
    finally:
        migrate_to_latest()


@pytest.fixture
def campaign():
    school = factories.school("文昌小学")
    return factories.campaign(factories.campaign_index(), kind="reading", schools=[school])


def edit_form_data(admin_client, campaign, **streams):
    html = admin_client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    empty = {name: streamfield([]) for name in STREAMS}
    fields = {**empty, **streams, "action-publish": "publish"}
    for key, value in nested_form_data(fields).items():
        data[key] = value
    return data


def test_the_editor_saves_the_blocks_and_the_page_shows_them(admin_client, client, campaign):
    html = admin_client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    for heading in [
        "推荐书目（读书活动）",
        "宣讲主题（法治教育）",
        "法治副校长和法治辅导员",
        "成果和获奖",
    ]:
        assert heading in html
    school = campaign.schools.get()
    cover = factories.image("封面")
    data = edit_form_data(
        admin_client,
        campaign,
        reading_list=streamfield(
            [
                ("book", {**BOOK, "cover": ""}),
                ("book", {"title": "草房子", "grade_band": "upper", "cover": cover.pk}),
            ]
        ),
        topics=streamfield([("topic", {"title": "远离毒品", "description": ""})]),
        advisors=streamfield([("advisor", {**ADVISOR, "role": "vice_principal"})]),
        awards=streamfield([("award", {**AWARD, "school": school.pk})]),
    )

    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors
    html = client.get(campaign.url).content.decode()
    assert html.index("小学中年级（3—4年级）") < html.index("《稻草人》") < html.index("《草房子》")
    assert "第一本童话集" in html
    assert html.count('class="book__cover"') == 1
    assert "<strong>远离毒品</strong>" in html
    assert (
        '<td data-label="职务">法治副校长</td><td data-label="工作单位">区人民检察院</td>' in html
    )
    assert '<th scope="row">一等奖</th><td data-label="学校">文昌小学</td>' in html
    assert "推荐书目 <strong>2</strong> 本" in client.get("/campaigns/").content.decode()


def test_the_editor_refuses_incomplete_blocks_as_the_inline_forms_did(admin_client, campaign):
    data = edit_form_data(
        admin_client,
        campaign,
        reading_list=streamfield([("book", {"title": "", "grade_band": "", "cover": ""})]),
        advisors=streamfield([("advisor", {"name": "刘" * 21, "role": "counsellor"})]),
    )

    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/", data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    book_errors = errors["reading_list"].as_data()[0].block_errors[0].block_errors
    assert set(book_errors) == {"title", "grade_band"}
    advisor_errors = errors["advisors"].as_data()[0].block_errors[0].block_errors
    assert set(advisor_errors) == {"name", "organisation"}
    assert book_errors["title"].messages == ["必需字段"]
    assert not CampaignPage.objects.get(pk=campaign.pk).reading_list


def test_books_covers_and_awards_cost_no_query_each(client, campaign):
    CampaignPhoto.objects.create(campaign=campaign, image=factories.image("照片"))
    school = campaign.schools.get()

    def queries():
        client.get(campaign.url)  # make the renditions once
        with CaptureQueriesContext(connection) as captured:
            assert client.get(campaign.url).status_code == 200
        return len(captured)

    def add(count):
        for number in range(count):
            campaign.reading_list.append(
                book(f"书{number}", cover=factories.image(f"封面{number}"))
            )
            campaign.awards.append(("award", {"award": "二等奖", "school": school}))
        campaign.save_revision().publish()

    campaign.reading_list = [book("草房子")]
    campaign.save_revision().publish()
    plain = queries()
    add(2)
    few = queries()
    add(20)

    # The covers' images in one query, their renditions with the photos'; the awards'
    # schools are among those taking part, already read for the page.
    assert few == plain + 1
    assert queries() == few


def test_the_editor_ticks_stages_and_the_page_lists_them_in_order(admin_client, client, campaign):
    html = admin_client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    for code in ["kindergarten", "primary", "junior", "senior", "vocational"]:
        assert f'type="checkbox" name="stages" value="{code}"' in html
    # Every value of each field: the test client posts a QueryDict's last value only.
    data = {**dict(edit_form_data(admin_client, campaign).lists()), "stages": ["senior", "primary"]}

    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors
    page = CampaignPage.objects.get(pk=campaign.pk)
    assert page.stages == ["primary", "senior"]
    assert page.live_revision.as_object().stages == ["primary", "senior"]
    assert "<dt>对象</dt><dd>小学、高中</dd>" in client.get(campaign.url).content.decode()
    edit = admin_client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    assert 'value="senior" id="id_stages_3" checked' in edit


def test_an_unknown_stage_is_refused_next_to_the_field(admin_client, campaign):
    data = {
        **dict(edit_form_data(admin_client, campaign).lists()),
        "stages": ["primary", "college"],
    }

    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/", data)

    assert response.status_code == 200
    assert response.context["form"].errors["stages"] == [
        "选择一个有效的选项。 college 不在可用的选项中。"
    ]
    assert CampaignPage.objects.get(pk=campaign.pk).stages == []
    for stages in (["college"], [["primary"]], "primary"):
        campaign.stages = stages
        with pytest.raises(ValidationError) as refused:
            campaign.full_clean()
        assert refused.value.message_dict["stages"] == ["请从列出的学段中选择。"]


def test_without_stages_the_page_shows_no_audience_line(client, campaign):
    assert campaign.stages == []
    assert "<dt>对象</dt>" not in client.get(campaign.url).content.decode()


def test_comparing_revisions_names_the_stages_ticked_and_unticked(admin_client, campaign):
    campaign.stages = ["primary", "junior"]
    first = campaign.save_revision()
    campaign.stages = ["junior", "senior"]
    second = campaign.save_revision()

    response = admin_client.get(
        f"/admin/pages/{campaign.pk}/revisions/compare/{first.pk}...{second.pk}/"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="deletion">小学</span>, 初中, <span class="addition">高中</span>' in html
    assert "senior" not in html


def test_a_revision_saved_without_stages_reads_as_none(admin_client, client, campaign):
    # As a revision may hold it (saved by code with no list there): no stage, no error.
    revision = campaign.save_revision()
    Revision.objects.filter(pk=revision.pk).update(content={**revision.content, "stages": None})
    revision.refresh_from_db()

    assert revision.as_object().stages == []
    assert revision.as_object().stage_names == []
    compare = f"/admin/pages/{campaign.pk}/revisions/compare/live...{revision.pk}/"
    assert admin_client.get(compare).status_code == 200
    view = f"/admin/pages/{campaign.pk}/revisions/{revision.pk}/view/"
    assert admin_client.get(view).status_code == 200


def test_unticking_every_stage_saves_none(admin_client, client):
    campaign = factories.campaign(factories.campaign_index(), stages=["primary", "junior"])
    data = {**dict(edit_form_data(admin_client, campaign).lists())}
    data.pop("stages", None)

    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors
    assert CampaignPage.objects.get(pk=campaign.pk).stages == []
    assert "<dt>对象</dt>" not in client.get(campaign.url).content.decode()
