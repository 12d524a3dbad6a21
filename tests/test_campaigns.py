"""主题教育活动: status at the boundaries, the index order and filters, the reading list
grouped by grade band, live figures, related news, and constant queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities.models import CampaignPage
from activities.models.campaigns import STATUSES
from tests import factories

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def index():
    return factories.campaign_index()


def figures(html):
    """{'参与学校': '2', …} from the figures box of a campaign page."""
    import re

    box = html.split('class="figures__list"', 1)[1].split("</dl>", 1)[0]
    return dict(re.findall(r"<dt>(.*?)</dt><dd><strong>(\d+)</strong>", box))


@pytest.mark.parametrize(
    ("today_offset", "status", "label"),
    [
        (-1, "upcoming", "筹备中"),  # the day before the first day
        (0, "running", "进行中"),  # the first day
        (10, "running", "进行中"),  # the last day
        (11, "finished", "已结束"),  # the day after
    ],
)
def test_status_at_the_boundaries(today_offset, status, label):
    start = datetime.date(2026, 3, 1)
    campaign = CampaignPage(title="读书", start_date=start, end_date=start + 10 * DAY)

    assert campaign.status(start + today_offset * DAY) == status
    assert STATUSES[status] == label


def test_end_before_start_is_refused():
    campaign = CampaignPage(
        title="读书",
        slug="x",
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 3, 1),
    )

    with pytest.raises(ValidationError) as error:
        campaign.full_clean()

    assert "结束日期不能早于开始日期。" in str(error.value)


def test_index_lists_running_then_upcoming_then_finished(client, index):
    today = timezone.localdate()
    factories.campaign(index, title="早已结束", start=today - 400 * DAY, end=today - 300 * DAY)
    factories.campaign(index, title="刚结束", start=today - 60 * DAY, end=today - DAY)
    factories.campaign(index, title="晚些开始", start=today + 60 * DAY, end=today + 90 * DAY)
    factories.campaign(index, title="下周开始", start=today + 7 * DAY, end=today + 90 * DAY)
    factories.campaign(index, title="月底结束", start=today - 10 * DAY, end=today + 20 * DAY)
    factories.campaign(index, title="明天结束", start=today - 10 * DAY, end=today + DAY)
    factories.campaign(index, title="草稿", live=False)

    html = client.get(index.url).content.decode()

    order = ["明天结束", "月底结束", "下周开始", "晚些开始", "刚结束", "早已结束"]
    positions = [html.index(f">{title}</a>") for title in order]
    assert positions == sorted(positions)
    assert "草稿" not in html
    assert "共 6 项" in html


def test_index_filters_by_kind_and_year(client, index):
    factories.campaign(
        index,
        title="去年的读书",
        kind="reading",
        start=datetime.date(2025, 3, 1),
        end=datetime.date(2025, 6, 30),
    )
    factories.campaign(
        index,
        title="跨年的法治",
        kind="law",
        start=datetime.date(2025, 12, 1),
        end=datetime.date(2026, 1, 31),
    )
    factories.campaign(
        index,
        title="今年的读书",
        kind="reading",
        start=datetime.date(2026, 3, 1),
        end=datetime.date(2026, 6, 30),
    )

    reading = client.get(index.url, {"kind": "reading"}).content.decode()
    in_2026 = client.get(index.url, {"year": "2026"}).content.decode()
    both = client.get(index.url, {"kind": "law", "year": "2025"}).content.decode()
    none = client.get(index.url, {"kind": "family"}).content.decode()

    assert "去年的读书" in reading
    assert "今年的读书" in reading
    assert "跨年的法治" not in reading
    assert "跨年的法治" in in_2026
    assert "今年的读书" in in_2026
    assert "去年的读书" not in in_2026
    assert "跨年的法治" in both
    assert "读书" not in both.split("listing__main", 1)[1].split("chip")[0]
    assert "类型：法治教育" in both
    assert "没有符合条件的活动。" in none
    assert ">2026年<" in in_2026
    assert ">2025年<" in in_2026


@pytest.mark.parametrize("query", [{"kind": "sports"}, {"year": "20x6"}, {"year": "1800"}])
def test_bad_filters_are_404(client, index, query):
    assert client.get(index.url, query).status_code == 404


def test_cards_show_status_period_and_key_figure(client, index):
    reading = factories.campaign(index, title="读书季", kind="reading")
    reading.reading_list = [("book", {"title": f"书{n}", "grade_band": "lower"}) for n in range(3)]
    reading.save_revision().publish()
    law = factories.campaign(index, title="法治月", kind="law")
    law.advisors = [("advisor", {"name": "刘文博", "organisation": "区检察院"})]
    law.save_revision().publish()
    factories.campaign(
        index,
        title="家长课堂",
        kind="family",
        schools=[factories.school(), factories.school("文昌中学")],
    )

    html = client.get(index.url).content.decode()

    assert "推荐书目 <strong>3</strong> 本" in html
    assert "法治副校长和辅导员 <strong>1</strong> 位" in html
    assert "参与学校 <strong>2</strong> 所" in html
    assert "进行中" in html


def test_reading_list_is_grouped_by_grade_band_in_band_order(client, index):
    campaign = factories.campaign(index, kind="reading")
    campaign.reading_list = [
        ("book", {"title": "草房子", "author": "曹文轩", "grade_band": "upper"}),
        ("book", {"title": "小巴掌童话", "author": "张秋生", "grade_band": "lower"}),
        ("book", {"title": "稻草人", "author": "叶圣陶", "grade_band": "middle"}),
        ("book", {"title": "城南旧事", "author": "林海音", "grade_band": "upper"}),
    ]
    campaign.save_revision().publish()

    html = client.get(campaign.url).content.decode()

    bands = ["小学低年级（1—2年级）", "小学中年级（3—4年级）", "小学高年级（5—6年级）"]
    positions = [html.index(band) for band in bands]
    assert positions == sorted(positions)
    upper = html.split(bands[2], 1)[1]
    assert "2 本" in upper.split("</h3>", 1)[0]
    assert upper.index("草房子") < upper.index("城南旧事")
    assert figures(html)["推荐书目"] == "4"


def test_legal_campaign_shows_topics_and_the_roster(client, index):
    campaign = factories.campaign(index, kind="law", edition=5)
    campaign.topics = [("topic", {"title": "预防校园欺凌"})]
    campaign.advisors = [
        (
            "advisor",
            {
                "name": "刘文博",
                "role": "vice_principal",
                "organisation": "区人民检察院",
                "schools_served": "青禾中学",
            },
        )
    ]
    campaign.save_revision().publish()

    html = client.get(campaign.url).content.decode()

    assert "第五届" in html
    assert "预防校园欺凌" in html
    assert '<th scope="row">刘文博</th><td data-label="职务">法治副校长</td>' in html
    assert (
        '<td data-label="工作单位">区人民检察院</td><td data-label="服务学校">青禾中学</td>' in html
    )


def test_figures_follow_publishing_of_activities_and_writeups(client, index):
    school = factories.school(contact_phone="0123-9998887", contact_person="秘密联系人")
    campaign = factories.campaign(index, schools=[school])
    calendar = factories.calendar_page()
    now = timezone.now()
    held = factories.activity(calendar, title="已办的活动", start=now - 3 * DAY, campaign=campaign)
    factories.activity(calendar, title="要办的活动", start=now + 3 * DAY, campaign=campaign)
    factories.activity(
        calendar, title="取消的活动", start=now - 2 * DAY, campaign=campaign, status="cancelled"
    )
    writeups = factories.writeup_index()
    writeup = factories.writeup(writeups, title="学校的报道", school=school, campaign=campaign)
    factories.writeup(writeups, title="未发布的报道", campaign=campaign, live=False)

    html = client.get(campaign.url).content.decode()
    assert figures(html) == {"参与学校": "1", "已举办活动": "1", "学校报道": "1"}
    assert "要办的活动" in html
    assert "已办的活动" in html
    assert "学校的报道" in html
    assert "未发布的报道" not in html
    assert "0123-9998887" not in html
    assert "秘密联系人" not in html

    held.unpublish()
    writeup.unpublish()
    html = client.get(campaign.url).content.decode()
    assert figures(html) == {"参与学校": "1", "已举办活动": "0", "学校报道": "0"}
    assert "已办的活动" not in html

    held.save_revision().publish()
    writeup.save_revision().publish()
    assert figures(client.get(campaign.url).content.decode())["已举办活动"] == "1"


def test_related_news_shares_a_tag(client, index):
    campaign = factories.campaign(index, tags=["法治教育"])
    news = factories.news_index()
    factories.news_page(news, title="法治副校长座谈会", tags=["法治教育"])
    factories.news_page(news, title="读书分享会", tags=["读书活动"])
    factories.news_page(news, title="法治草稿", tags=["法治教育"], live=False)

    html = client.get(campaign.url).content.decode()

    assert "法治副校长座谈会" in html
    assert "读书分享会" not in html
    assert "法治草稿" not in html


def test_campaign_page_queries_do_not_grow_with_activities_and_writeups(client, index):
    campaign = factories.campaign(index, schools=[factories.school()])
    calendar = factories.calendar_page()
    writeups = factories.writeup_index()
    now = timezone.now()

    def add(count, offset):
        for number in range(count):
            factories.activity(
                calendar,
                start=now + (number - count // 2 + offset) * DAY,
                campaign=campaign,
                revision=False,
                tags=["读书活动"],
            )
            factories.writeup(
                writeups, school=factories.school(f"学校{offset}-{number}"), campaign=campaign
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(campaign.url).status_code == 200
        return len(captured)

    add(3, 0)
    queries()  # warm the site and settings caches
    few = queries()
    add(30, 100)

    assert queries() <= few


def test_index_queries_do_not_grow_with_campaigns(client, index):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(index.url).status_code == 200
        return len(captured)

    for number in range(3):
        factories.campaign(
            index, schools=[factories.school()], listing_image=factories.image(f"图{number}")
        )
    queries()
    few = queries()
    for number in range(9):
        factories.campaign(
            index,
            schools=[factories.school(f"学校{number}")],
            listing_image=factories.image(f"图{number + 3}"),
        )
    queries()  # make the new images' renditions once

    assert queries() <= few
