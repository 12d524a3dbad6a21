"""The importer in the Wagtail admin: paste or upload, preview, then create a draft."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile

from home.models import WorkPlanIndexPage, WorkPlanPage
from tests import factories

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
URL = "/admin/workplans/import/"


@pytest.fixture
def index():
    page = WorkPlanIndexPage(title="年度工作要点", slug="work-plans")
    factories.home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def editor_client(client):
    user = User.objects.create_user("editor", password="x")
    user.groups.add(Group.objects.get(name="编辑"))
    client.force_login(user)
    return client


def test_preview_shows_structure_and_unplaced_lines_and_creates_nothing(editor_client, index):
    text = (
        (DATA / "workplan_web.txt")
        .read_text(encoding="utf-8")
        .replace(
            "一、加强思想引领，办好五老宣讲",
            "一、加强思想引领，办好五老宣讲\n这一行不属于任何要点。",
        )
    )

    response = editor_client.post(URL, {"text": text, "parent": index.pk, "action": "preview"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "3 个部分，7 条要点，2 项专项行动，5 项任务" in html
    assert "一、加强思想引领，办好五老宣讲" in html
    assert '<li value="7">' in html
    assert "未能归类的内容（1 行）" in html
    assert "这一行不属于任何要点。" in html
    assert "已忽略的网页内容" in html
    assert 'value="create"' in html
    assert WorkPlanPage.objects.count() == 0


def test_create_makes_a_draft_and_opens_it_in_the_editor(editor_client, index):
    text = (DATA / "workplan_web.txt").read_text(encoding="utf-8")

    response = editor_client.post(URL, {"text": text, "parent": index.pk, "action": "create"})

    page = WorkPlanPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert page.year == 2026
    assert len(page.sections) == 3
    assert page.latest_revision is not None


def test_upload_docx(editor_client, index):
    import io

    import docx

    document = docx.Document()
    for line in (DATA / "workplan_notice_traditional.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("plan.docx", buffer.getvalue())

    response = editor_client.post(URL, {"file": upload, "parent": index.pk, "action": "preview"})

    html = response.content.decode()
    assert "禾丰镇关工委2025年工作要点" in html
    assert "3 个部分，5 条要点" in html
    # The text read from the file is put in the box, to be corrected and previewed again.
    assert "禾丰镇关工委2025年工作要点</textarea>" not in html
    assert "一、组织建设" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "请粘贴工作要点的全文，或者上传文件。"),
        ({"text": "一些文字\n没有结构"}, "没有找到“一、”“二、”这样的部分标题"),
        ({"text": "工作要点\n一、部分\n1.甲。乙。"}, "没有找到年度"),
        ({"file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4")}, "只能上传 Word 文档"),
        ({"file": SimpleUploadedFile("plan.docx", b"garbage")}, "不是有效的 Word 文档"),
        (
            {"text": "2026年工作要点\n一、部分\n1.甲。乙。", "year": "1800"},
            "确保该值大于或等于2000",
        ),
    ],
)
def test_bad_input_gets_a_chinese_message_and_creates_nothing(editor_client, index, data, message):
    response = editor_client.post(URL, {"parent": index.pk, "action": "create", **data})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert WorkPlanPage.objects.count() == 0


def test_a_user_who_cannot_add_pages_is_refused(client, index):
    user = User.objects.create_user("visitor", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.post(
        URL,
        {"text": "2031年工作要点\n一、部分\n1.甲。乙。", "parent": index.pk, "action": "create"},
    )

    # Wagtail answers PermissionDenied in the admin with a message and the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert WorkPlanPage.objects.count() == 0
