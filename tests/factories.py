"""Small builders for test data. Tests make what they need; there is no shared fixture dump."""

import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import HomePage, SiteSettings, StandardPage


def home_page():
    """The HomePage created by the migrations, as the default site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


def standard_page(parent=None, *, title="测试页面", slug=None, live=True, **fields):
    """A StandardPage under ``parent`` (the home page by default), published unless live=False."""
    parent = parent or home_page()
    page = StandardPage(
        title=title, slug=slug or f"page-{StandardPage.objects.count() + 1}", **fields
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    page.refresh_from_db()
    return page


def image(title="测试图片", size=(64, 48), colour="#b0232a"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="test.png"))


def site_settings(**fields):
    """The default site's SiteSettings with a complete set of contact details."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values = {
        "committee_name": "测试区关心下一代工作委员会",
        "short_name": "测试区关工委",
        "address": "测试区光明路1号",
        "postcode": "100001",
        "phone": "012-1111 2222",
        "email": "office@test.example.org",
        "icp_number": "测ICP备12345678号-1",
        "police_number": "测公网安备 11000002000001号",
    }
    values.update(fields)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


__all__ = ["HomePage", "home_page", "image", "site_settings", "standard_page"]


def news_index(parent=None, *, title="新闻动态", slug="news"):
    from home.models import NewsIndexPage

    parent = parent or home_page()
    index = NewsIndexPage(title=title, slug=slug, intro="新闻列表")
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def news_category(name="工作动态", slug="work", *, is_notice=False):
    from home.models import NewsCategory

    return NewsCategory.objects.get_or_create(
        slug=slug, defaults={"name": name, "is_notice": is_notice}
    )[0]


def news_page(index, *, title=None, date=None, tags=(), live=True, revision=True, **fields):
    """A NewsPage under ``index``. ``revision=False`` skips revisions (fast, for bulk data)."""
    import datetime

    from home.models import NewsPage

    number = NewsPage.objects.count() + 1
    page = NewsPage(
        title=title or f"新闻{number}",
        slug=f"news-{number}",
        date=date or datetime.date(2026, 11, 1),
        live=live,
        **fields,
    )
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    if revision and live:
        page.save_revision().publish()
    return page


def calendar_page(parent=None, *, title="活动日历", slug="calendar"):
    from activities.models import CalendarPage

    parent = parent or home_page()
    page = CalendarPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def aware(year, month, day, hour=0, minute=0):
    """An aware datetime at Beijing wall-clock time."""
    import datetime

    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def activity(
    calendar,
    *,
    title=None,
    start=None,
    end=None,
    live=True,
    revision=True,
    tags=(),
    audiences=(),
    exceptions=(),
    **fields,
):
    """An ActivityPage under ``calendar``; by default 2026-11-18 14:00–16:00."""
    import datetime

    from activities.models import ActivityPage, Audience

    number = ActivityPage.objects.count() + 1
    start = start or aware(2026, 11, 18, 14)
    page = ActivityPage(
        title=title or f"活动{number}",
        slug=f"activity-{number}",
        start=start,
        end=end or start + datetime.timedelta(hours=2),
        live=live,
        **fields,
    )
    page.audiences = list(Audience.objects.filter(slug__in=audiences))
    page.exceptions = list(exceptions)
    calendar.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    if revision and live:
        page.save_revision().publish()
    return page


def signup_page(parent=None, *, notify_email="staff@test.example.org"):
    from volunteers.models import VolunteerSignupPage

    parent = parent or home_page()
    page = VolunteerSignupPage(
        title="志愿者报名",
        slug="volunteer",
        privacy_notice="我们这样使用您的信息。",
        notice_version="2026-1",
        notify_email=notify_email,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def activity_signup(activity, **fields):
    """Sign-up switched on for ``activity``: 10 seats, open now, until the activity starts."""
    from volunteers.models import ActivitySignup

    return ActivitySignup.objects.create(activity=activity, **{"capacity": 10, **fields})


def registration(signup, *, name="报名人", phone=None, party_size=1, status="confirmed", **fields):
    """A registration written directly (tests of the seat rules go through volunteers.seats)."""
    from volunteers.models import Registration

    number = Registration.objects.count() + 1
    return Registration.objects.create(
        signup=signup,
        name=name,
        phone=phone or f"137{number:08d}",
        party_size=party_size,
        status=status,
        **fields,
    )


def school(name="文昌小学", kind="primary", **fields):
    from activities.models import School

    return School.objects.get_or_create(name=name, defaults={"kind": kind, **fields})[0]


def campaign_index(parent=None, *, title="主题教育", slug="campaigns"):
    from activities.models import CampaignIndexPage

    parent = parent or home_page()
    index = CampaignIndexPage(title=title, slug=slug)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def campaign(index, *, title=None, start=None, end=None, tags=(), schools=(), live=True, **fields):
    """A CampaignPage under ``index``; by default running from 30 days ago to 30 days on."""
    import datetime

    from activities.models import CampaignPage

    today = timezone.localdate()
    number = CampaignPage.objects.count() + 1
    page = CampaignPage(
        title=title or f"主题活动{number}",
        slug=f"campaign-{number}",
        start_date=start or today - datetime.timedelta(days=30),
        end_date=end or today + datetime.timedelta(days=30),
        live=live,
        **fields,
    )
    page.schools = list(schools)
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    if live:
        page.save_revision().publish()
    return page


def writeup_index(parent=None):
    from activities.models import WriteUpIndexPage

    parent = parent or home_page()
    index = WriteUpIndexPage(title="学校报道", slug="school-news")
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def writeup(index, *, title=None, live=True, revision=False, **fields):
    """A WriteUpPage under ``index`` (published when ``live``)."""
    from activities.models import WriteUpPage

    number = WriteUpPage.objects.count() + 1
    page = WriteUpPage(
        title=title or f"学校报道{number}",
        slug=f"writeup-{number}",
        body=fields.pop("body", "第一段。\n第二段。"),
        live=live,
        **fields,
    )
    index.add_child(instance=page)
    if revision and live:
        page.save_revision().publish()
    return page
