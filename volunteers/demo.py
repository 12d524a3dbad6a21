"""Demo volunteers: the sign-up page, teams and 32 fictional volunteers in every status."""

import datetime

from django.utils import timezone

from home.demo.site import add_quick_link, get_or_create_section
from home.models import HomePage
from volunteers.models import (
    ConsentRecord,
    Expertise,
    Team,
    Volunteer,
    VolunteerRosterPage,
    VolunteerSignupPage,
)

PRIVACY_NOTICE = """青禾区关心下一代工作委员会（区关工委）收集您填写的信息，
只用于联系您、安排志愿服务和统计志愿者人数。
手机号码、出生年份和住址只有区关工委工作人员能看到，从不公开。
您参加志愿服务期间，我们保存这些信息；您退出后，我们删除您的个人信息，只保留不含姓名的统计数字。
您可以随时打电话给区关工委办公室，查阅、更正或删除您的信息，或者撤回同意。"""

TEAMS = [
    ("五老宣讲团", "走进学校讲身边的故事"),
    ("法治教育团", "配合法治副校长开展普法"),
    ("家庭教育指导团", "为家长学校授课、接待咨询"),
    ("读书辅导团", "陪孩子们读整本书"),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = [
    "建国",
    "秀英",
    "志强",
    "桂兰",
    "国华",
    "淑芬",
    "德明",
    "玉兰",
    "永庆",
    "凤英",
    "振华",
    "丽华",
    "文斌",
    "素珍",
    "长林",
    "秀珍",
]
CATEGORIES = ["teacher", "cadre", "expert", "veteran", "model", "other"]
STATUSES = ["approved"] * 20 + ["pending"] * 6 + ["rejected"] * 3 + ["withdrawn"] * 3
STREETS = ["文昌街道", "丰收街道", "禾丰镇", "青禾街道"]


def build(stdout):
    home = HomePage.objects.get()
    page = get_or_create_section(
        home,
        VolunteerSignupPage,
        "volunteer",
        title="志愿者报名",
        show_in_menus=True,
        after=home.get_children().filter(slug="calendar").first(),
        intro="欢迎退休的干部、教师、专家、老战士和劳动模范加入五老志愿者队伍。只需要几分钟，必填的只有三项。",
        privacy_notice=PRIVACY_NOTICE,
        notify_email="office@qinghe-ggw.example.org",
    )
    if home.volunteer_page_id != page.pk:
        home = HomePage.objects.get(pk=home.pk)
        home.volunteer_page = page
        home.volunteer_button_text = "我要报名"
        home.save_revision().publish()
    add_quick_link("志愿者报名", page, 3)

    teams = [
        Team.objects.get_or_create(name=name, defaults={"description": text, "sort_order": i})[0]
        for i, (name, text) in enumerate(TEAMS)
    ]
    expertise = list(Expertise.objects.all())
    now = timezone.now()
    for number, status in enumerate(STATUSES):
        phone = f"1390000{number:04d}"
        if Volunteer.objects.filter(phone=phone).exists():
            continue
        volunteer = Volunteer(
            name=SURNAMES[number % len(SURNAMES)] + GIVEN[number % len(GIVEN)],
            gender="female" if number % 3 == 1 else "male",
            birth_year=1945 + number % 17,
            category=CATEGORIES[number % len(CATEGORIES)],
            work_unit="区第二中学 退休教师" if number % 6 == 0 else "",
            street=STREETS[number % len(STREETS)],
            phone=phone,
            availability="每周二、周四上午" if number % 2 else "周末",
            bio="退休前从事教育工作三十余年，喜欢和孩子们聊天。" if number % 4 == 0 else "",
            status=status,
            public_profile=status == "approved" and number % 3 != 2,
            created_at=now - datetime.timedelta(days=3 * number),
        )
        volunteer.save()
        volunteer.teams.set([teams[number % len(teams)]])
        volunteer.expertise.set([expertise[number % len(expertise)]])
        volunteer.save()
        ConsentRecord.objects.create(
            volunteer=volunteer, kind="processing", notice_version="2026-1"
        )
        if volunteer.public_profile:
            ConsentRecord.objects.create(
                volunteer=volunteer, kind="public_profile", notice_version="2026-1"
            )
    get_or_create_section(
        home,
        VolunteerRosterPage,
        "wulao",
        title="五老风采",
        show_in_menus=True,
        after=page,
        intro="他们退休不褪色，把经验和热忱带给孩子们。这里展示的是本人同意公开的志愿者。",
    )
    stdout.write(
        f"  志愿者：报名页、风采页、{len(teams)} 个团队、{Volunteer.objects.count()} 名志愿者"
    )
    build_activity_signups(stdout)


# activity slug: audience, capacity, max party, days until sign-up opens, party sizes, note
SIGNUPS = {
    "family-counselling-open": (
        "public",
        30,
        3,
        None,
        [2, 1, 3, 2, 1, 2, 1, 1, 2, 3],
        "现场有老师一对一答疑，请带上想问的问题。",
    ),
    "volunteer-training-day2": ("volunteers", 25, 1, None, [1] * 9, "培训结束后发放结业证书。"),
    # Full: twenty seats taken, three families waiting.
    "winter-safety-lecture": (
        "public",
        20,
        3,
        None,
        [3, 2, 2, 1, 3, 2, 1, 2, 2, 2, 3, 1, 2],
        "请家长和孩子一起参加，提前10分钟到场签到。",
    ),
    "care-new-year-visit": ("volunteers", 12, 1, 3, [], "走访对象由各街道关工委推荐。"),
    "parents-school-exam": ("public", 40, 2, None, [1, 2, 1, 1], ""),
    "parents-evening-phones": ("public", 35, 2, None, [1, 2, 2, 1, 1, 2, 1], ""),
}


def build_activity_signups(stdout):
    """Sign-up on six demo activities: open, for volunteers, full with a waitlist, not yet
    open, and one already held."""
    from activities.models import ActivityPage
    from volunteers import seats
    from volunteers.models import ActivitySignup

    now = timezone.now()
    approved = list(Volunteer.objects.filter(status="approved").order_by("pk"))
    made = 0
    for slug, (audience, capacity, party, opens_in, sizes, note) in SIGNUPS.items():
        activity = ActivityPage.objects.filter(slug=slug).first()
        if activity is None or ActivitySignup.objects.filter(activity=activity).exists():
            continue
        opens_at = now + datetime.timedelta(days=opens_in) if opens_in else None
        signup = ActivitySignup.objects.create(
            activity=activity,
            audience=audience,
            capacity=capacity,
            max_party_size=party,
            opens_at=opens_at,
            instructions=note,
        )
        made += 1
        for number, size in enumerate(sizes):
            if audience == "volunteers":
                volunteer = approved[number % len(approved)]
                name, phone = volunteer.name, volunteer.phone
            else:
                volunteer = None
                name = SURNAMES[(number * 7 + made) % len(SURNAMES)] + GIVEN[number % len(GIVEN)]
                phone = f"137{made:02d}00{number:04d}"
            seats.register(signup, name=name, phone=phone, party_size=size, volunteer=volunteer)
    if made:
        stdout.write(f"  活动报名：{made} 项活动开放报名，其中一项已满、有候补")
