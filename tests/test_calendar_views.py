"""The public calendar: month grid, day view, upcoming and past lists, filters, bad dates."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from activities.models import ActivityCategory, ActivityException
from tests import factories
from tests.factories import aware

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar():
    return factories.calendar_page()


def cell(html, day):
    """The HTML of the month-grid cell whose day link is for ``day`` (a date)."""
    marker = f"/calendar/{day.year}/{day.month}/{day.day}/"
    start = html.rindex("<td", 0, html.index(marker))
    return html[start : html.index("</td>", start)]


def test_month_grid_is_a_table_starting_on_monday(client, calendar):
    factories.activity(calendar, title="法治讲座", start=aware(2026, 11, 18, 14))

    html = client.get("/calendar/2026/11/").content.decode()

    assert '<table class="month-grid">' in html
    assert "<caption" in html
    assert "2026年11月活动日历，每周从星期一开始" in html
    headers = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert headers.index('title="星期一"') < headers.index('title="星期日"')
    assert '<th scope="col">' in headers
    # November 2026 starts on a Sunday: the grid starts on Monday 26 October.
    first_cell = html.split("<tbody>", 1)[1]
    assert first_cell.index("/calendar/2026/10/26/") < first_cell.index("/calendar/2026/11/1/")
    assert "法治讲座" in cell(html, datetime.date(2026, 11, 18))
    assert "14:00" in cell(html, datetime.date(2026, 11, 18))


def test_today_is_marked(client, calendar):
    today = timezone.localdate()

    html = client.get(f"/calendar/{today.year}/{today.month}/").content.decode()

    today_cell = cell(html, today)
    assert 'aria-current="date"' in today_cell
    assert "今天" in today_cell
    assert client.get("/calendar/").content.decode().count('aria-current="date"') == 1


def test_several_activities_a_day_and_multi_day_spans_across_months(client, calendar):
    factories.activity(calendar, title="上午活动", start=aware(2026, 11, 18, 9))
    factories.activity(calendar, title="下午活动", start=aware(2026, 11, 18, 14))
    factories.activity(
        calendar,
        title="法治宣传周",
        all_day=True,
        start=aware(2026, 11, 29),
        end=aware(2026, 12, 4),
    )

    november = client.get("/calendar/2026/11/").content.decode()
    december = client.get("/calendar/2026/12/").content.decode()

    day = cell(november, datetime.date(2026, 11, 18))
    assert day.index("上午活动") < day.index("下午活动")
    for date in [
        datetime.date(2026, 11, 29),
        datetime.date(2026, 11, 30),
        datetime.date(2026, 12, 3),
    ]:
        assert "法治宣传周" in cell(
            november if date.month == 11 or date.day <= 6 else december, date
        )
    for date in [datetime.date(2026, 12, 1), datetime.date(2026, 12, 3)]:
        assert "法治宣传周" in cell(december, date)
    assert "多日" in cell(december, datetime.date(2026, 12, 2))
    assert "法治宣传周" not in cell(december, datetime.date(2026, 12, 4))


def test_cancelled_activity_keeps_its_place_struck_through(client, calendar):
    factories.activity(
        calendar,
        title="研学活动",
        status="cancelled",
        status_reason="大风降温",
        start=aware(2026, 11, 20, 14),
    )

    html = client.get("/calendar/2026/11/").content.decode()
    page = client.get("/calendar/activity-1/").content.decode()

    day = cell(html, datetime.date(2026, 11, 20))
    assert "<s>研学活动</s>" in day
    assert "已取消" in day
    assert "已取消：大风降温" in page


def test_recurring_series_with_cancelled_and_moved_occurrence(client, calendar):
    factories.activity(
        calendar,
        title="周末讲堂",
        start=aware(2026, 11, 7, 9, 30),
        end=aware(2026, 11, 7, 11),
        repeat="WEEKLY",
        repeat_weekdays="SA",
        repeat_count=4,
        exceptions=[
            ActivityException(date=datetime.date(2026, 11, 14), action="cancel"),
            ActivityException(
                date=datetime.date(2026, 11, 21),
                action="move",
                new_start=aware(2026, 11, 22, 14, 30),
                note="改在周日",
            ),
        ],
    )

    html = client.get("/calendar/2026/11/").content.decode()

    assert "周末讲堂" in cell(html, datetime.date(2026, 11, 7))
    assert "<s>周末讲堂</s>" in cell(html, datetime.date(2026, 11, 14))
    assert "周末讲堂" not in cell(html, datetime.date(2026, 11, 21))
    assert "已改期" in cell(html, datetime.date(2026, 11, 22))
    assert "周末讲堂" in cell(html, datetime.date(2026, 11, 28))


def test_filters_combine_and_survive_month_navigation(client, calendar):
    law = ActivityCategory.objects.create(name="法治教育", slug="law")
    reading = ActivityCategory.objects.create(name="读书活动", slug="reading")
    factories.activity(calendar, title="学生法治课", category=law, audiences=["students"])
    factories.activity(calendar, title="家长法治课", category=law, audiences=["parents"])
    factories.activity(calendar, title="学生读书会", category=reading, audiences=["students"])

    html = client.get(
        "/calendar/2026/11/", {"category": "law", "audience": "students"}
    ).content.decode()

    assert "学生法治课" in html
    assert "家长法治课" not in html
    assert "学生读书会" not in html
    assert 'href="/calendar/2026/12/?category=law&amp;audience=students" rel="next"' in html
    assert 'href="/calendar/2026/10/?category=law&amp;audience=students" rel="prev"' in html
    assert 'href="/calendar/2026/11/18/?category=law&amp;audience=students"' in html


def test_tag_filter(client, calendar):
    factories.activity(calendar, title="带标签", tags=["法治教育"])
    factories.activity(calendar, title="不带标签")

    html = client.get("/calendar/2026/11/", {"tag": "法治教育"}).content.decode()

    assert "带标签" in html
    assert "不带标签" not in html
    assert "标签：法治教育" in html


@pytest.mark.parametrize(
    "url",
    [
        "/calendar/2026/13/",
        "/calendar/2026/0/",
        "/calendar/1999/12/",
        "/calendar/2101/1/",
        "/calendar/2026/2/30/",
        "/calendar/2026/11/31/",
        "/calendar/2026/xx/",
        "/calendar/99999999999999999999/1/",
        "/calendar/past/2099/1/",
        "/calendar/2026/11/?category=nope",
        "/calendar/2026/11/?audience=nope",
        "/calendar/upcoming/?page=abc",
    ],
)
def test_bad_dates_and_filters_are_404(client, calendar, url):
    assert client.get(url).status_code == 404


def test_day_view(client, calendar):
    factories.activity(calendar, title="当天活动", start=aware(2026, 11, 18, 14))
    factories.activity(calendar, title="别的日子", start=aware(2026, 11, 19, 14))

    html = client.get("/calendar/2026/11/18/").content.decode()

    assert "2026年11月18日 星期三" in html
    assert "当天活动" in html
    assert "别的日子" not in html
    assert 'href="/calendar/2026/11/17/" rel="prev"' in html
    assert "这一天没有安排活动。" in client.get("/calendar/2026/11/20/").content.decode()


def test_upcoming_keeps_ongoing_multi_day_activities(client, calendar):
    now = timezone.now()
    factories.activity(
        calendar,
        title="进行中的宣传周",
        start=now - datetime.timedelta(days=2),
        end=now + datetime.timedelta(days=2),
    )
    factories.activity(
        calendar,
        title="已经结束",
        start=now - datetime.timedelta(days=3),
        end=now - datetime.timedelta(days=2, hours=23),
    )
    factories.activity(calendar, title="明天的活动", start=now + datetime.timedelta(days=1))

    html = client.get("/calendar/upcoming/").content.decode()

    assert html.index("进行中的宣传周") < html.index("明天的活动")
    assert "已经结束" not in html


def test_past_archive_by_month(client, calendar):
    factories.activity(calendar, title="十月的活动", start=aware(2026, 10, 10, 9))
    factories.activity(calendar, title="十一月的活动", start=aware(2026, 11, 2, 9))

    index = client.get("/calendar/past/").content.decode()
    october = client.get("/calendar/past/2026/10/").content.decode()

    assert 'href="/calendar/past/2026/10/"' in index
    assert "2026年10月" in index
    assert "十月的活动" in october
    assert "十一月的活动" not in october


def test_drafts_and_private_activities_never_appear(client, calendar):
    factories.activity(calendar, title="公开活动")
    factories.activity(calendar, title="草稿活动", live=False)
    private = factories.activity(calendar, title="内部活动")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    for url in [
        "/calendar/2026/11/",
        "/calendar/2026/11/18/",
        "/calendar/ics/",
        "/calendar/json/?start=2026-11-01&end=2026-12-01",
    ]:
        body = client.get(url).content.decode()
        assert "公开活动" in body, url
        assert "草稿活动" not in body, url
        assert "内部活动" not in body, url


def test_activity_page_shows_chinese_date_time_and_add_to_calendar(client, calendar):
    factories.activity(
        calendar,
        title="法治讲座",
        start=aware(2026, 11, 22, 14),
        end=aware(2026, 11, 22, 16),
        venue="区青少年活动中心",
        address="文昌路1号",
        audiences=["students", "parents"],
    )

    html = client.get("/calendar/activity-1/").content.decode()

    assert "2026年11月22日 星期日 14:00–16:00" in html
    assert "区青少年活动中心" in html
    assert "学生、家长" in html
    assert 'href="/calendar/activity-1/ics/" download>添加到日历</a>' in html
    assert '<link rel="alternate" type="text/calendar"' in html


def test_series_page_lists_its_next_dates(client, calendar):
    start = timezone.localtime(timezone.now()).replace(hour=9, minute=30, second=0, microsecond=0)
    start += datetime.timedelta(days=1)
    factories.activity(
        calendar,
        title="周末讲堂",
        start=start,
        end=start + datetime.timedelta(hours=1),
        repeat="WEEKLY",
        repeat_count=10,
    )

    html = client.get("/calendar/activity-1/").content.decode()

    assert "接下来的日期" in html
    series = html.split('id="series-title"', 1)[1].split("</section>", 1)[0]
    assert series.count('<li class="event') == 6
    assert "共10次" in html


def test_home_page_lists_the_next_five(client, calendar):
    now = timezone.now()
    for day in range(1, 8):
        factories.activity(
            calendar, title=f"第{day}天的活动", start=now + datetime.timedelta(days=day)
        )

    html = client.get("/").content.decode()
    section = html.split('id="upcoming-title"', 1)[1].split("</section>", 1)[0]

    assert [f"第{day}天的活动" in section for day in range(1, 8)] == [True] * 5 + [False] * 2
    assert 'href="/calendar/">活动日历 ›</a>' in section


def test_drafts_and_private_activities_stay_off_home_and_upcoming(client, calendar):
    now = timezone.now()
    factories.activity(calendar, title="公开活动", start=now + datetime.timedelta(days=1))
    factories.activity(
        calendar, title="草稿活动", start=now + datetime.timedelta(days=1), live=False
    )
    private = factories.activity(calendar, title="内部活动", start=now + datetime.timedelta(days=1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    for url in ["/", "/calendar/upcoming/", "/calendar/activity-1/"]:
        body = client.get(url).content.decode()
        assert "草稿活动" not in body, url
        assert "内部活动" not in body, url


def test_activity_ending_at_midnight_is_one_evening(client, calendar):
    factories.activity(
        calendar, title="跨年晚会", start=aware(2026, 11, 18, 20), end=aware(2026, 11, 19, 0)
    )

    html = client.get("/calendar/2026/11/").content.decode()

    assert "20:00" in cell(html, datetime.date(2026, 11, 18))
    assert "跨年晚会" not in cell(html, datetime.date(2026, 11, 19))
    assert (
        "2026年11月18日 星期三 20:00–00:00" in client.get("/calendar/activity-1/").content.decode()
    )


def test_next_date_skips_a_cancelled_one(client, calendar):
    start = timezone.localtime(timezone.now()).replace(hour=9, minute=0, second=0, microsecond=0)
    start += datetime.timedelta(days=1)
    factories.activity(
        calendar,
        title="周课",
        start=start,
        end=start + datetime.timedelta(hours=1),
        repeat="WEEKLY",
        repeat_count=4,
        exceptions=[ActivityException(date=start.date(), action="cancel")],
    )

    html = client.get("/calendar/activity-1/").content.decode()
    second = (start + datetime.timedelta(weeks=1)).date()

    assert f"下一次：{second.year}年{second.month}月{second.day}日" in html
