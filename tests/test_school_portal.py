"""学校投稿: who may use the portal, every upload failure (each with its message, nothing
saved), EXIF stripped, the workflow from submission to publication, and 我的投稿."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Workflow

from activities.models import SchoolAccount, WriteUpPage
from activities.portal import submissions
from tests import factories

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_bytes(size=(64, 48), gps=False):
    image = Image.new("RGB", size, "#b0232a")
    buffer = io.BytesIO()
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "TestCam"  # Make
        gps_ifd = exif.get_ifd(GPS_IFD)
        gps_ifd[1] = "N"
        gps_ifd[2] = (39.0, 54.0, 27.0)
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def png_bytes(size=(64, 48), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def school():
    return factories.school("文昌小学")


@pytest.fixture
def account(school):
    user = User.objects.create_user(
        "wenchang", email="wc@school.example.org", password="pw-school-1"
    )
    return SchoolAccount.objects.create(user=user, school=school)


@pytest.fixture
def index():
    return factories.writeup_index()


@pytest.fixture
def school_client(client, account, index):
    client.force_login(account.user)
    return client


def form_data(**overrides):
    data = {
        "title": "文昌小学读书分享会",
        "event_date": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "body": "第一段。\n\n第二段。",
        "author_name": "沈老师",
        "shows_students": "no",
        "photos-TOTAL_FORMS": "9",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "9",
        "photos-0-photo": upload("活动.jpg", jpeg_bytes(gps=True)),
        "photos-0-caption": "同学们在分享",
    }
    data.update(overrides)
    return data


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path) for path in root.rglob("*") if path.is_file())


# --- who may use it ---------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_school_login(client, index):
    response = client.get("/school/submit/")

    assert response.status_code == 302
    assert response["Location"].startswith("/school/login/?next=/school/submit/")


def test_a_user_without_a_school_account_is_refused(client, index):
    client.force_login(User.objects.create_user("someone", password="pw-1234567"))

    assert client.get("/school/").status_code == 403


def test_school_users_cannot_open_the_admin(school_client):
    response = school_client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_login_page_logs_a_school_in(client, account, index):
    page = client.get("/school/login/")
    wrong = client.post("/school/login/", {"username": "wenchang", "password": "nope"})
    response = client.post("/school/login/", {"username": "wenchang", "password": "pw-school-1"})

    assert "学校登录" in page.content.decode()
    assert wrong.status_code == 200
    assert 'class="form__summary" role="alert"' in wrong.content.decode()
    assert response.status_code == 302
    assert response["Location"] == "/school/"


def test_password_reset_mails_a_link(client, account, index, mailoutbox):
    client.post("/school/password/reset/", {"email": "wc@school.example.org"})

    assert len(mailoutbox) == 1
    assert "/school/password/reset/" in mailoutbox[0].body
    assert "wenchang" in mailoutbox[0].body


def test_another_school_never_sees_or_edits_a_submission(client, school_client, account, index):
    submissions_page = submit_one(school_client)
    other = SchoolAccount.objects.create(
        user=User.objects.create_user("qinghe", password="pw-other-1"),
        school=factories.school("青禾中学"),
    )
    client.force_login(other.user)

    listing = client.get("/school/").content.decode()
    edit = client.get(f"/school/submissions/{submissions_page.pk}/edit/")

    assert "文昌小学读书分享会" not in listing
    assert edit.status_code == 404


# --- submitting -------------------------------------------------------------------------


def submit_one(client, **overrides):
    response = client.post("/school/submit/", form_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:3000]
    return WriteUpPage.objects.latest("pk")


def test_submission_becomes_a_draft_in_the_school_workflow(school_client, school):
    response = school_client.post(
        "/school/submit/", form_data(body="<p>第一段<script>x()</script></p>\n第二段")
    )

    assert response.status_code == 302
    assert response["Location"] == "/school/"
    page = WriteUpPage.objects.get()
    assert not page.live
    assert page.school == school
    assert page.body == "第一段x()\n第二段"  # no markup survives
    state = page.current_workflow_state
    assert state.workflow == Workflow.objects.get(name="学校投稿审核")
    assert state.status == "in_progress"
    listing = school_client.get("/school/").content.decode()
    assert "投稿已经提交" in listing
    assert "待审核" in listing


def test_stored_photo_has_no_exif_and_no_gps(school_client):
    page = submit_one(school_client)

    image = page.get_latest_revision_as_object().photos.first().image
    with image.file.open("rb") as stored:
        reopened = Image.open(stored)
        exif = reopened.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert 0x010F not in exif
    assert image.collection.name == "学校投稿"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("big.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024), "“big.jpg”超过 10 MB"),
        ("bomb.png", "bomb", "“bomb.png”像素太多"),
        ("cut.jpg", "truncated", "“cut.jpg”已损坏或不完整"),
        ("renamed.jpg", "png", "“renamed.jpg”的扩展名和内容不符：它其实是 PNG 图片"),
        (
            "evil.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "“evil.svg”不是照片",
        ),
        ("empty.jpg", b"", "“empty.jpg”是空文件"),
    ],
)
def test_each_bad_upload_is_named_and_nothing_is_saved(school_client, name, content, message):
    if content == "bomb":
        content = png_bytes((8000, 6000), mode="1")  # 48 million pixels in a few kilobytes
    elif content == "truncated":
        content = jpeg_bytes((400, 300))[:-600]
    elif content == "png":
        content = png_bytes()
    files_before = media_files()
    good = upload("好的.jpg", jpeg_bytes())

    response = school_client.post(
        "/school/submit/",
        form_data(**{"photos-0-photo": good, "photos-1-photo": upload(name, content)}),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "投稿还没有提交" in html
    assert not WriteUpPage.objects.exists()
    assert not get_image_model().objects.exists()
    assert media_files() == files_before


def test_a_failure_while_saving_leaves_no_orphan_file(school_client, monkeypatch):
    def broken_start(self, page, user):
        raise RuntimeError("workflow down")

    monkeypatch.setattr(Workflow, "start", broken_start)
    files_before = media_files()

    with pytest.raises(RuntimeError):
        school_client.post("/school/submit/", form_data())

    assert not WriteUpPage.objects.exists()
    assert not get_image_model().objects.exists()
    assert media_files() == files_before


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "请填写标题。"),
        ({"body": "<p> </p>"}, "body", "请填写正文。"),
        ({"author_name": ""}, "author_name", "请填写撰稿教师的姓名。"),
        ({"event_date": "2099-01-01"}, "event_date", "活动日期不能晚于今天"),
        ({"shows_students": "yes"}, "guardian_consent", "照片中有学生时，必须先取得监护人同意"),
    ],
)
def test_form_mistakes_are_shown_next_to_the_field(school_client, overrides, field, message):
    response = school_client.post("/school/submit/", form_data(**overrides))

    assert f'id="id_{field}-error">{message}' in response.content.decode()
    assert not WriteUpPage.objects.exists()


def test_at_least_one_photo_is_required(school_client):
    data = form_data()
    data.pop("photos-0-photo")

    response = school_client.post("/school/submit/", data)

    assert "请至少上传一张照片。" in response.content.decode()
    assert not WriteUpPage.objects.exists()


def test_only_recent_campaigns_and_activities_are_offered(school_client):
    today = timezone.localdate()
    campaigns = factories.campaign_index()
    recent = factories.campaign(campaigns, title="本学期的读书季")
    old = factories.campaign(
        campaigns,
        title="三年前的活动",
        start=today - datetime.timedelta(days=1200),
        end=today - datetime.timedelta(days=1100),
    )

    form = school_client.get("/school/submit/").content.decode()
    refused = school_client.post("/school/submit/", form_data(campaign=str(old.pk)))
    accepted = school_client.post("/school/submit/", form_data(campaign=str(recent.pk)))

    assert "本学期的读书季" in form
    assert "三年前的活动" not in form
    assert 'id="id_campaign-error"' in refused.content.decode()
    assert accepted.status_code == 302
    assert WriteUpPage.objects.get().campaign == recent


# --- moderation -------------------------------------------------------------------------


def act(page, action, comment=""):
    moderator = User.objects.filter(username=f"mod-{action}").first() or (
        User.objects.create_superuser(f"mod-{action}", password="pw-moderator")
    )
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, action, comment=comment)


def test_changes_requested_then_resubmitted_then_approved(school_client, account):
    page = submit_one(school_client)

    act(page, "reject", comment="请补充活动的时间和参加人数。")
    listing = school_client.get("/school/").content.decode()
    assert "需修改" in listing
    assert "请补充活动的时间和参加人数。" in listing

    edit_form = school_client.get(f"/school/submissions/{page.pk}/edit/").content.decode()
    assert "文昌小学读书分享会" in edit_form
    data = form_data(body="补充：活动在周三下午举行，四年级120名同学参加。")
    data.pop("photos-0-photo")  # keep the photo already sent
    response = school_client.post(f"/school/submissions/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    assert "待审核" in school_client.get("/school/").content.decode()
    assert school_client.get(f"/school/submissions/{page.pk}/edit/").status_code == 302  # not now

    act(page, "approve")
    page.refresh_from_db()
    assert page.live
    assert "120名同学" in page.body
    assert page.photos.count() == 1
    assert "已发布" in school_client.get("/school/").content.decode()
    public = school_client.get(page.url).content.decode()
    assert "补充：活动在周三下午举行" in public
    assert submissions.status(page)[0] == "published"


def test_published_writeup_appears_on_index_campaign_and_school_pages(
    client, school_client, school
):
    campaign = factories.campaign(factories.campaign_index(), title="读书季", schools=[school])
    page = submit_one(school_client, campaign=str(campaign.pk))
    draft_index = client.get("/school-news/").content.decode()
    assert "文昌小学读书分享会" not in draft_index

    act(page, "approve")

    assert "文昌小学读书分享会" in client.get("/school-news/").content.decode()
    assert "文昌小学读书分享会" in client.get(campaign.url).content.decode()
    school_page = client.get(f"/school-news/school/{school.pk}/").content.decode()
    assert "文昌小学读书分享会" in school_page
    assert "读书季" in school_page


# --- accounts made by staff ---------------------------------------------------------------


def test_staff_create_a_school_account_that_logs_into_the_portal_only(admin_client, client, index):
    school = factories.school("青禾实验小学")
    url = "/admin/snippets/activities/schoolaccount/add/"

    weak = admin_client.post(url, {"school": school.pk, "username": "sy", "password": "123"})
    assert "这个密码太常见了。" in weak.content.decode()
    assert not SchoolAccount.objects.exists()
    response = admin_client.post(
        url,
        {
            "school": school.pk,
            "username": "shiyan",
            "email": "sy@school.example.org",
            "password": "Qinghe-school-2026",
        },
    )

    assert response.status_code == 302
    account = SchoolAccount.objects.get()
    assert account.user.username == "shiyan"
    assert not account.user.is_staff
    login = client.post("/school/login/", {"username": "shiyan", "password": "Qinghe-school-2026"})
    assert login.status_code == 302
    assert client.get("/school/").status_code == 200
    assert client.get("/admin/").status_code == 302
    taken = admin_client.post(
        url, {"school": school.pk, "username": "SHIYAN", "password": "Another-pass-2026"}
    )
    assert "这个登录名已经有人用了" in taken.content.decode()


# --- hardening --------------------------------------------------------------------------


def test_stored_file_names_are_random_and_jpeg_comments_are_dropped(school_client):
    image = Image.new("RGB", (64, 48), "#336699")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", comment=b"student Li Ming, class 4")
    page = submit_one(school_client, **{"photos-0-photo": upload("li-ming.jpg", buffer.getvalue())})

    stored = page.get_latest_revision_as_object().photos.first().image
    assert "li-ming" not in stored.file.name
    with stored.file.open("rb") as handle:
        assert b"Li Ming" not in handle.read()


def test_more_than_nine_photos_are_refused(school_client):
    data = form_data(**{"photos-TOTAL_FORMS": "12"})
    for number in range(12):
        data[f"photos-{number}-photo"] = upload(f"p{number}.jpg", jpeg_bytes())

    response = school_client.post("/school/submit/", data)

    assert response.status_code == 200
    assert not WriteUpPage.objects.exists()
    assert not get_image_model().objects.exists()


def test_resubmitting_twice_keeps_the_latest_photos_and_drops_replaced_ones(
    school_client, django_capture_on_commit_callbacks
):
    page = submit_one(school_client)
    first_image = page.get_latest_revision_as_object().photos.first().image_id
    act(page, "reject", comment="请换一张照片。")
    with django_capture_on_commit_callbacks(execute=True):
        school_client.post(
            f"/school/submissions/{page.pk}/edit/",
            form_data(**{"photos-0-photo": upload("new.jpg", jpeg_bytes((80, 60)))}),
        )
    page.refresh_from_db()
    second_image = page.get_latest_revision_as_object().photos.first().image_id
    assert second_image != first_image
    assert not get_image_model().objects.filter(pk=first_image).exists()

    page.refresh_from_db()
    act(page, "reject", comment="再补充一句。")
    data = form_data(body="补充了一句。")
    data.pop("photos-0-photo")
    school_client.post(f"/school/submissions/{page.pk}/edit/", data)

    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert [photo.image_id for photo in latest.photos.all()] == [second_image]
    assert latest.body == "补充了一句。"


def test_staff_cannot_publish_students_without_consent():
    from django.core.exceptions import ValidationError

    index = factories.writeup_index()
    page = factories.writeup(index, school=factories.school(), shows_students=True, live=False)

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "必须先取得监护人同意" in str(error.value)


def test_password_reset_never_mails_a_staff_account(client, index, mailoutbox):
    User.objects.create_superuser("boss", email="office@example.org", password="pw-boss-2026")

    client.post("/school/password/reset/", {"email": "office@example.org"})

    assert mailoutbox == []


def test_wrong_passwords_are_limited_per_address_whatever_the_login_names(client, account, index):
    """Ten guesses an hour from one address, spread over many names (each name alone locks
    out after five: tests/test_login_lockout.py)."""
    for number in range(10):
        client.post("/school/login/", {"username": f"guess{number}", "password": "wrong"})

    response = client.post("/school/login/", {"username": "wenchang", "password": "pw-school-1"})

    assert response.status_code == 429
    assert "提交太频繁" in response.content.decode()


def test_password_change_asks_anonymous_visitors_to_log_in_at_the_school_login(client, index):
    response = client.get("/school/password/")

    assert response.status_code == 302
    assert response["Location"].startswith("/school/login/")


def test_writeup_index_queries_do_not_grow(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = factories.writeup_index()

    def add(count, start):
        for number in range(start, start + count):
            factories.writeup(
                index,
                school=factories.school(f"学校{number}"),
                listing_image=factories.image(f"报道图{number}"),
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/school-news/").status_code == 200
        return len(captured)

    add(3, 0)
    queries()
    few = queries()
    add(7, 3)
    queries()  # make the new images' renditions once

    assert queries() <= few
