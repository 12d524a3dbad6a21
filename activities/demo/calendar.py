"""Demo activities around today: last, this and next month, with two repeating series
(one cancelled and one moved date each), a cancelled, a postponed and a multi-day activity."""

import datetime

from django.utils import timezone

from activities.models import (
    ActivityCategory,
    ActivityException,
    ActivityPage,
    Audience,
    CalendarPage,
)
from home.demo.media import demo_image
from home.demo.site import add_quick_link, get_or_create_section, paragraph
from home.models import HomePage

CATEGORIES = [
    ("五老宣讲", "lectures"),
    ("法治教育", "law"),
    ("家庭教育", "family"),
    ("读书活动", "reading"),
    ("关爱帮扶", "care"),
]

# day offset, hour, minutes, slug, title, category, audiences, venue, tags, summary
SINGLE = [
    (
        -27,
        9,
        120,
        "school-lecture-wenchang",
        "五老宣讲团走进文昌小学",
        "lectures",
        ["students"],
        "文昌小学礼堂",
        ["五老宣讲"],
        "老工程师讲述青禾大桥的建设故事。",
    ),
    (
        -24,
        14,
        90,
        "law-class-qinghe-middle",
        "法治副校长开讲“网络安全与自我保护”",
        "law",
        ["students", "teachers"],
        "青禾中学报告厅",
        ["法治教育"],
        "区检察院检察官为初二学生讲解网络交友中的法律风险。",
    ),
    (
        -20,
        9,
        150,
        "care-visit-hefeng",
        "禾丰镇困境儿童结对走访",
        "care",
        ["volunteers"],
        "禾丰镇各村",
        ["关爱帮扶", "志愿服务"],
        "五老志愿者分组走访结对的困境儿童。",
    ),
    (
        -16,
        15,
        90,
        "reading-salon-library",
        "“好家风”读书分享会",
        "reading",
        ["students", "parents"],
        "区图书馆少儿阅览室",
        ["读书活动", "家庭教育"],
        "获奖学生分享读书征文背后的家庭故事。",
    ),
    (
        -12,
        19,
        90,
        "parents-evening-phones",
        "家长夜校：孩子和手机",
        "family",
        ["parents"],
        "青禾第二中学",
        ["家庭教育"],
        "退休心理教师谈如何和孩子约定用手机的规矩。",
    ),
    (
        -9,
        9,
        120,
        "law-mock-court",
        "模拟法庭进校园",
        "law",
        ["students"],
        "青禾实验中学",
        ["法治教育"],
        "区法院法官指导学生模拟审理一起校园纠纷。",
    ),
    (
        -6,
        14,
        120,
        "volunteer-training-day1",
        "五老志愿者培训班（第一期）",
        "lectures",
        ["volunteers"],
        "区老干部活动中心三楼",
        ["志愿服务"],
        "青少年心理特点与沟通方法。",
    ),
    (
        -3,
        10,
        90,
        "community-reading-fengshou",
        "丰收社区亲子共读",
        "reading",
        ["parents", "students"],
        "丰收社区书屋",
        ["读书活动", "红领巾阅读"],
        "五老读书辅导员带领家长和孩子共读一本书。",
    ),
    (
        -1,
        14,
        90,
        "lecture-hefeng-central",
        "五老宣讲：家乡的变化",
        "lectures",
        ["students"],
        "禾丰镇中心小学",
        ["五老宣讲"],
        "老教师讲述禾丰镇四十年的变化。",
    ),
    (
        0,
        15,
        90,
        "today-law-consult",
        "青少年法律咨询日",
        "law",
        ["public", "parents"],
        "区青少年活动中心",
        ["法治教育"],
        "律师和五老法治宣讲员现场解答法律问题。",
    ),
    (
        2,
        9,
        120,
        "school-lecture-qinghe-2",
        "五老宣讲团走进青禾第二小学",
        "lectures",
        ["students"],
        "青禾第二小学",
        ["五老宣讲"],
        "老战士讲述青春与奋斗的故事。",
    ),
    (
        5,
        14,
        90,
        "family-counselling-open",
        "家校社共育咨询室开放日",
        "family",
        ["parents", "public"],
        "丰收社区党群服务中心",
        ["家庭教育"],
        "退休教师一对一解答家庭教育问题。",
    ),
    (
        8,
        9,
        180,
        "volunteer-training-day2",
        "五老志愿者培训班（第二期）",
        "lectures",
        ["volunteers"],
        "区老干部活动中心三楼",
        ["志愿服务"],
        "《家庭教育促进法》解读与未成年人保护常识。",
    ),
    (
        11,
        14,
        90,
        "winter-safety-lecture",
        "寒假安全第一课",
        "law",
        ["students", "parents"],
        "青禾实验小学",
        ["法治教育", "关爱帮扶"],
        "防溺水、防火、防诈骗，一课讲清。",
    ),
    (
        15,
        15,
        90,
        "reading-club-winter",
        "冬季读书会：整本书阅读",
        "reading",
        ["students"],
        "区图书馆",
        ["读书活动", "红领巾阅读"],
        "一起读完一本书，再写一页读书笔记。",
    ),
    (
        19,
        9,
        120,
        "care-new-year-visit",
        "新年前走访慰问困境儿童",
        "care",
        ["volunteers"],
        "全区各街道",
        ["关爱帮扶"],
        "为结对儿童送去新年礼物和书籍。",
    ),
    (
        23,
        14,
        90,
        "parents-school-exam",
        "家长学校：考前如何陪伴孩子",
        "family",
        ["parents"],
        "青禾第一中学",
        ["家庭教育"],
        "期末考试前，家长可以做什么、不做什么。",
    ),
    (
        29,
        9,
        120,
        "lecture-wenchang-middle",
        "五老宣讲团走进文昌中学",
        "lectures",
        ["students", "teachers"],
        "文昌中学",
        ["五老宣讲"],
        "老专家讲科学家精神。",
    ),
    (
        36,
        14,
        120,
        "law-teachers-workshop",
        "法治辅导员工作坊",
        "law",
        ["teachers"],
        "区教师进修学校",
        ["法治教育"],
        "法治副校长和班主任交流普法课设计。",
    ),
    (
        42,
        10,
        90,
        "spring-reading-plan",
        "寒假阅读计划发布会",
        "reading",
        ["students", "parents", "public"],
        "区图书馆报告厅",
        ["读书活动"],
        "发布分学段寒假推荐书目。",
    ),
]


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def build(stdout):
    categories = {}
    for order, (name, slug) in enumerate(CATEGORIES):
        categories[slug], _ = ActivityCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    audiences = {audience.slug: audience for audience in Audience.objects.all()}

    home = HomePage.objects.get()
    calendar = get_or_create_section(
        home,
        CalendarPage,
        "calendar",
        after=home.get_children().filter(slug="news").first(),
        title="活动日历",
        show_in_menus=True,
        intro="区关工委和各街道、学校的活动安排。可以按分类和对象筛选，也可以订阅到手机日历。",
    )
    today = timezone.localdate()
    existing = set(calendar.get_children().values_list("slug", flat=True))

    def add(slug, **fields):
        if slug in existing:
            return None
        tags = fields.pop("tags", [])
        audience_slugs = fields.pop("audience_slugs", [])
        exceptions = fields.pop("exceptions", [])
        activity = ActivityPage(
            slug=slug, organizer=fields.pop("organizer", "青禾区关工委"), **fields
        )
        activity.audiences = [audiences[s] for s in audience_slugs]
        activity.exceptions = exceptions
        calendar.add_child(instance=activity)
        activity.tags.add(*tags)
        activity.save_revision().publish()
        return activity

    for offset, hour, minutes, slug, title, category, who, venue, tags, summary in SINGLE:
        start = _at(today + datetime.timedelta(days=offset), hour)
        add(
            slug,
            title=title,
            start=start,
            end=start + datetime.timedelta(minutes=minutes),
            category=categories[category],
            audience_slugs=who,
            venue=venue,
            tags=tags,
            intro=summary,
            body=[paragraph(f"<p>{summary}欢迎参加。</p>")],
        )

    # A cancelled and a postponed one-off activity.
    start = _at(today + datetime.timedelta(days=4), 14)
    add(
        "outdoor-study-cancelled",
        title="红色教育基地研学",
        start=start,
        end=start + datetime.timedelta(hours=3),
        category=categories["lectures"],
        audience_slugs=["students"],
        venue="青禾烈士纪念馆",
        status="cancelled",
        status_reason="天气预报有大风降温，为安全起见取消，另行通知。",
        intro="五老宣讲员带领学生参观纪念馆。",
        tags=["五老宣讲"],
    )
    start = _at(today + datetime.timedelta(days=9), 15)
    add(
        "essay-awards-postponed",
        title="读书征文颁奖典礼",
        start=start,
        end=start + datetime.timedelta(hours=2),
        category=categories["reading"],
        audience_slugs=["students", "parents"],
        venue="区文化馆",
        status="postponed",
        status_reason="场地检修",
        postponed_to=start + datetime.timedelta(days=14),
        intro="为全区读书征文获奖学生颁奖。",
        tags=["读书活动"],
    )

    # A multi-day, all-day activity that crosses into next month.
    next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    first_day = next_month - datetime.timedelta(days=2)
    add(
        "law-week",
        title="青少年法治教育宣传周",
        all_day=True,
        start=_at(first_day, 0),
        end=_at(first_day + datetime.timedelta(days=5), 0),
        category=categories["law"],
        audience_slugs=["students", "parents", "public"],
        venue="全区各中小学",
        intro="宣传周期间，全区中小学开展法治主题班会、普法展板和模拟法庭。",
        tags=["法治教育"],
        listing_image=demo_image("活动配图：法治宣传周", seed=21, palette="dawn"),
    )

    # Series 1: every Saturday morning, 12 times, from five weeks ago.
    saturday = today - datetime.timedelta(days=(today.weekday() - 5) % 7 + 35)
    add(
        "parents-school-saturday",
        title="家长学校周末讲堂",
        start=_at(saturday, 9, 30),
        end=_at(saturday, 11),
        category=categories["family"],
        audience_slugs=["parents"],
        venue="区老干部活动中心三楼报告厅",
        repeat="WEEKLY",
        repeat_weekdays="SA",
        repeat_count=12,
        intro="每周六上午，退休教师和心理咨询师轮流主讲家庭教育专题。",
        tags=["家庭教育"],
        exceptions=[
            ActivityException(
                date=saturday + datetime.timedelta(weeks=3),
                action="cancel",
                note="场地另有安排，本周暂停",
            ),
            ActivityException(
                date=saturday + datetime.timedelta(weeks=6),
                action="move",
                new_start=_at(saturday + datetime.timedelta(weeks=6, days=1), 14, 30),
                new_end=_at(saturday + datetime.timedelta(weeks=6, days=1), 16),
                note="本周改在周日下午",
            ),
        ],
    )
    # Series 2: the second Wednesday of every month, 8 times, from two months ago.
    month = (today.replace(day=1) - datetime.timedelta(days=45)).replace(day=1)
    second_wednesday = month + datetime.timedelta(days=(2 - month.weekday()) % 7 + 7)
    third_date = _second_wednesday(month, 2)
    add(
        "wulao-reading-club",
        title="五老读书会",
        start=_at(second_wednesday, 15),
        end=_at(second_wednesday, 16, 30),
        category=categories["reading"],
        audience_slugs=["volunteers", "public"],
        venue="区图书馆三楼",
        repeat="MONTHLY",
        repeat_monthly="weekday",
        repeat_count=8,
        intro="每月第二个星期三下午，五老读书辅导团的老同志交流读书心得、准备进校园的读书课。",
        tags=["读书活动"],
        exceptions=[
            ActivityException(
                date=_second_wednesday(month, 1), action="cancel", note="与全区培训冲突，本月暂停"
            ),
            ActivityException(
                date=third_date,
                action="move",
                new_start=_at(third_date + datetime.timedelta(days=1), 15),
                note="本月改在周四",
            ),
        ],
    )
    stdout.write(f"  活动：{ActivityPage.objects.child_of(calendar).count()} 项（含 2 个重复系列）")
    add_quick_link("活动日历", calendar, 1)


def _second_wednesday(first_of_month, months_later):
    index = first_of_month.year * 12 + first_of_month.month - 1 + months_later
    first = datetime.date(index // 12, index % 12 + 1, 1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7 + 7)
