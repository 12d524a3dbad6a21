"""Work plans: derived numbering, anchors, year navigation, progress, the importer."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import NewsPage, WorkPlanPage, WorkPoint
from home.models.workplans import circled, cn_numeral
from home.workplan_import import create_draft, default_parent
from home.workplan_parser import parse
from tests import factories

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def workplan_index():
    from home.models import WorkPlanIndexPage

    index = WorkPlanIndexPage(title="年度工作要点", slug="work-plans")
    factories.home_page().add_child(instance=index)
    index.save_revision().publish()
    return index


def imported_plan(index, name="workplan_web.txt", publish=True):
    page = create_draft(parse((DATA / name).read_text(encoding="utf-8")), index)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def test_chinese_numerals():
    assert [cn_numeral(n) for n in (1, 9, 10, 11, 14, 20, 23)] == [
        "一",
        "九",
        "十",
        "十一",
        "十四",
        "二十",
        "二十三",
    ]
    assert [circled(n) for n in (1, 3, 20, 21)] == ["①", "③", "⑳", "（21）"]


def test_import_render_round_trip_numbers_and_anchors(client):
    index = workplan_index()
    imported_plan(index)

    html = client.get("/work-plans/2026/").content.decode()

    assert "一、加强思想引领，办好五老宣讲" in html
    assert "三、办好家长学校" in html
    # Points are numbered 1…7 across sections, each with an anchor and a visible link to it.
    for number in range(1, 8):
        assert f'id="point-{number}"' in html
        assert f'href="#point-{number}"' in html
    assert 'id="point-8"' not in html
    assert html.index('id="point-5"') > html.index("二、深化法治教育")  # (2) in section two is 5
    assert "（第4–5条）" in html  # the table of contents gives each section's range
    assert "一、五老助力双减专项行动" in html
    assert "①</span>组织五老进课堂" in html


def test_reordering_renumbers_everything(client):
    index = workplan_index()
    page = imported_plan(index)
    sections = list(page.sections)
    page.sections = [
        ("section", sections[2].value),
        ("section", sections[0].value),
        ("section", sections[1].value),
    ]
    page.save_revision().publish()

    html = client.get("/work-plans/2026/").content.decode()

    assert "一、办好家长学校" in html
    assert html.index('id="point-1"') < html.index("规范家长学校课程") < html.index('id="point-2"')
    assert list(
        WorkPoint.objects.filter(plan=page).order_by("number").values_list("number", flat=True)
    ) == list(range(1, 8))


def test_previous_and_next_year(client):
    index = workplan_index()
    imported_plan(index)
    imported_plan(index, "workplan_notice_traditional.txt")

    html_2026 = client.get("/work-plans/2026/").content.decode()
    html_2025 = client.get("/work-plans/2025/").content.decode()
    listing = client.get("/work-plans/").content.decode()

    assert 'rel="prev">禾丰镇关工委2025年工作要点</a>' in html_2026
    assert 'rel="next">青禾区关工委2026年工作要点</a>' in html_2025
    assert listing.index("2026") < listing.index("2025")
    assert "禾关工〔2025〕3号" in listing


def test_one_plan_per_year():
    index = workplan_index()
    imported_plan(index)

    plan = parse((DATA / "workplan_web.txt").read_text(encoding="utf-8"))
    from home.workplan_import import check

    assert check(plan, index) == ["2026年的工作要点已经存在，请修改原有页面。"]


def test_progress_counts_points_with_live_linked_items(client):
    index = workplan_index()
    page = imported_plan(index)
    points = {p.number: p for p in WorkPoint.objects.filter(plan=page)}
    news_index = factories.news_index()
    linked = factories.news_page(news_index, title="宣讲团出发了")
    linked.work_points.add(points[1], points[2])
    linked.save_revision().publish()
    draft = factories.news_page(news_index, title="草稿报道", live=False)
    draft.work_points.add(points[3])
    draft.save()

    html = client.get("/work-plans/2026/").content.decode()

    assert "已落实 2 / 7" in html
    point_one = html.split('id="point-1"', 1)[1].split('id="point-2"', 1)[0]
    assert "宣讲团出发了" in point_one
    assert "草稿报道" not in html


def test_plan_page_queries_do_not_grow_with_links(client):
    index = workplan_index()
    page = imported_plan(index)
    points = list(WorkPoint.objects.filter(plan=page))
    news_index = factories.news_index()

    def link(count):
        for _ in range(count):
            article = factories.news_page(news_index, revision=False)
            article.work_points.add(*points)
            article.save()

    link(2)
    client.get("/work-plans/2026/")
    with CaptureQueriesContext(connection) as few:
        client.get("/work-plans/2026/")
    link(30)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/work-plans/2026/")

    assert "已落实 7 / 7" in response.content.decode()
    assert len(many) == len(few)


def test_status_is_shown_per_point(client):
    index = workplan_index()
    page = imported_plan(index, publish=False)
    first = page.sections[0].value["points"].bound_blocks[0]
    first.value["status"] = "done"
    page.save_revision().publish()

    html = client.get("/work-plans/2026/").content.decode()
    point_one = html.split('id="point-1"', 1)[1].split('id="point-2"', 1)[0]

    assert "已完成" in point_one
    assert html.count("未启动") == 6


def test_news_chooser_offers_points_of_recent_years(admin_client):
    index = workplan_index()
    page = imported_plan(index)
    news_index = factories.news_index()

    response = admin_client.get(f"/admin/pages/add/home/newspage/{news_index.pk}/")

    html = response.content.decode()
    assert "落实的工作要点" in html
    point = WorkPoint.objects.get(plan=page, number=1)
    assert f'value="{point.pk}"' in html
    assert "2026年第1条：组建秋季宣讲团。" in html
    assert NewsPage._meta.get_field("work_points").remote_field.limit_choices_to


# --- the import command ---------------------------------------------------------------


def run_command(*args):
    out = io.StringIO()
    call_command("import_workplan", *args, stdout=out)
    return out.getvalue()


def test_command_dry_run_json_writes_nothing():
    workplan_index()

    output = run_command(str(DATA / "workplan_web.txt"), "--dry-run", "--json")

    assert json.loads(output) == {
        "title": "青禾区关工委2026年工作要点",
        "year": 2026,
        "sections": 3,
        "points": 7,
        "special_actions": 2,
        "tasks": 5,
        "unplaced_lines": 0,
    }
    assert WorkPlanPage.objects.count() == 0


def test_command_creates_a_draft_under_the_given_parent():
    index = workplan_index()

    output = run_command(str(DATA / "workplan_notice_traditional.txt"), "--parent", str(index.pk))

    page = WorkPlanPage.objects.get()
    assert "已创建草稿" in output
    assert not page.live
    assert page.get_parent().pk == index.pk
    assert page.doc_number == "禾关工〔2025〕3号"
    assert str(page.issue_date) == "2025-03-05"
    assert default_parent().pk == index.pk


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-file.txt"], "找不到文件"),
        ([str(DATA / "workplan_web.txt"), "--parent", "99999"], "不是“年度工作要点”栏目页"),
    ],
)
def test_command_errors_are_chinese(args, message):
    workplan_index()

    with pytest.raises(CommandError, match=message):
        run_command(*args)


def test_command_reads_docx(tmp_path):
    import docx

    workplan_index()
    document = docx.Document()
    for line in (DATA / "workplan_web.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)

    output = run_command(str(path), "--dry-run", "--json")

    assert json.loads(output)["points"] == 7


def test_command_refuses_a_fake_docx(tmp_path):
    workplan_index()
    path = tmp_path / "plan.docx"
    path.write_bytes(b"not a zip file")

    with pytest.raises(CommandError, match="不是有效的 Word 文档"):
        run_command(str(path), "--dry-run")


def test_docx_tables_are_read_in_document_order(tmp_path):
    import docx

    workplan_index()
    document = docx.Document()
    for line in ["2026年工作要点", "一、部分", "1.甲。乙。", "附件", "一、第一项专项行动"]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "责任领导", "张某"
    document.add_paragraph("二、第二项专项行动")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "责任领导", "李某"
    path = tmp_path / "plan.docx"
    document.save(path)

    from home.workplan_import import read_text

    actions = parse(read_text("plan.docx", path.read_bytes())).special_actions

    assert [(a.title, a.leaders) for a in actions] == [
        ("第一项专项行动", "张某"),
        ("第二项专项行动", "李某"),
    ]


def test_overlong_parts_are_refused_before_a_draft_is_made():
    from home.workplan_import import check

    index = workplan_index()
    plan = parse("2030年工作要点\n一、" + "很长的标题" * 30 + "\n1.甲。乙。")

    assert check(plan, index) == ["第1部分的标题超过 120 字，请确认是否把正文当成了标题。"]


def test_chooser_leaves_out_old_and_unpublished_plans(admin_client):
    from django.utils import timezone

    index = workplan_index()
    year = timezone.localdate().year
    old = create_draft(parse(f"{year - 3}年工作要点\n一、部分\n1.很久以前的要点。内容。"), index)
    old.save_revision().publish()
    create_draft(parse(f"{year}年工作要点\n一、部分\n1.还没发布的要点。内容。"), index)  # a draft
    current = create_draft(parse(f"{year - 1}年工作要点\n一、部分\n1.去年的要点。内容。"), index)
    current.save_revision().publish()
    news_index = factories.news_index()

    html = admin_client.get(f"/admin/pages/add/home/newspage/{news_index.pk}/").content.decode()

    assert "去年的要点。" in html
    assert "很久以前的要点。" not in html
    assert "还没发布的要点。" not in html
