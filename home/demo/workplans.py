"""Demo work plans: this year's (imported from an original text through the parser, like
staff would) and last year's, with points linked to demo news and activities."""

import datetime
from pathlib import Path

from django.utils import timezone

from home.demo.site import add_quick_link, get_or_create_section, published_on
from home.models import HomePage, NewsPage, WorkPlanIndexPage, WorkPlanPage, WorkPoint
from home.workplan_import import create_draft
from home.workplan_parser import parse

TEXT = Path(__file__).with_name("workplan.txt")

LAST_YEAR = """青禾区关心下一代工作委员会{year}年工作要点
{year}年，区关工委工作的总体要求是：打基础、建队伍、办实事。
一、建好队伍
1.完成五老志愿者登记。摸清全区五老底数，建立名册。
2.组建四个志愿者团队。宣讲、法治、家教、读书各成一队。
二、办好活动
3.开展五老宣讲进校园。全年宣讲不少于一百场。
4.试办家长学校周末讲堂。先在两个街道试点。
5.启动红领巾阅读推广计划。在三个社区书屋开展共读。
三、做好关爱
6.摸排困境儿童。建立困境儿童名册，落实结对帮扶。
"""

# point number → news slugs and activity slugs that carry it out
LINKS = {
    3: ([], ["volunteer-training-day1", "volunteer-training-day2"]),
    5: (["wulao-lectures-autumn"], ["school-lecture-wenchang", "school-lecture-qinghe-2"]),
    8: (["law-vice-principals-meeting"], ["law-class-qinghe-middle"]),
    9: ([], ["law-mock-court"]),
    10: ([], ["law-week"]),
    11: ([], ["today-law-consult"]),
    13: (["parents-school-lecture"], ["parents-school-saturday"]),
    14: (["community-counselling-room"], ["family-counselling-open"]),
    16: (["reading-contest-results"], ["essay-awards-postponed"]),
    17: (["media-report-red-scarf-reading"], ["community-reading-fengshou"]),
    18: ([], ["wulao-reading-club"]),
    19: (["notice-summer-reading-list"], []),
    20: ([], ["care-visit-hefeng"]),
    21: (["visit-left-behind-children"], ["care-new-year-visit"]),
}
STATUSES = {
    1: "done",
    2: "in_progress",
    3: "done",
    5: "in_progress",
    8: "done",
    13: "in_progress",
    16: "done",
    17: "in_progress",
    21: "in_progress",
}


def build(stdout):
    home = HomePage.objects.get()
    index = get_or_create_section(
        home,
        WorkPlanIndexPage,
        "work-plans",
        after=home.get_children().filter(slug="calendar").first(),
        title="年度工作要点",
        show_in_menus=True,
        intro="区关工委每年印发的工作要点，以及每一条要点的落实情况。",
    )
    year = timezone.localdate().year
    for plan_year, text in [(year - 1, LAST_YEAR), (year, TEXT.read_text(encoding="utf-8"))]:
        if WorkPlanPage.objects.child_of(index).filter(year=plan_year).exists():
            continue
        plan = parse(text.format(year=plan_year))
        plan.issuer = "青禾区关心下一代工作委员会"
        plan.doc_number = f"青关工〔{plan_year}〕1号"
        plan.issue_date = f"{plan_year}-02-20"
        page = create_draft(plan, index)
        if plan_year == year:
            _set_statuses(page)
        page.first_published_at = published_on(datetime.date(plan_year, 2, 20))
        page.save_revision().publish()
        if plan_year == year:
            _link(page)
    add_quick_link("年度工作要点", index, 2)
    stdout.write(f"  年度工作要点：{WorkPlanPage.objects.child_of(index).count()} 个年度")


def _set_statuses(page):
    number = 0
    for section in page.sections:
        for child in section.value["points"].bound_blocks:
            number += 1
            child.value["status"] = STATUSES.get(number, "not_started")


def _link(page):
    from django.apps import apps

    points = {point.number: point for point in WorkPoint.objects.filter(plan=page)}
    activity_model = apps.get_model("activities", "ActivityPage")  # a higher app: no import
    linked = {}
    for number, (news_slugs, activity_slugs) in LINKS.items():
        for item in [
            *NewsPage.objects.filter(slug__in=news_slugs),
            *activity_model.objects.filter(slug__in=activity_slugs),
        ]:
            item = linked.setdefault(item.pk, item)
            item.work_points.add(points[number])
    for item in linked.values():  # a parental relation is saved with a new revision
        item.save_revision().publish()
