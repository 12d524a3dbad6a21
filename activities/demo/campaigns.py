"""Demo schools, campaigns (one of each status and kind) and school write-ups, linked to the
demo calendar's activities and, through tags, to the demo news. All fictional."""

import datetime

from django.utils import timezone

from activities.models import (
    ActivityPage,
    CampaignIndexPage,
    CampaignPage,
    School,
    WriteUpIndexPage,
    WriteUpPage,
)
from activities.models.campaign_parts import CampaignPhoto
from activities.models.writeups import WriteUpPhoto
from home.demo.media import demo_image
from home.demo.site import get_or_create_section, paragraph, published_on
from home.models import HomePage

# name, kind, street, contact person, contact phone (fictional, never shown in public)
SCHOOLS = [
    ("文昌小学", "primary", "文昌街道", "沈老师", "0123-5550101"),
    ("青禾第二小学", "primary", "青禾街道", "韩老师", "0123-5550102"),
    ("青禾实验小学", "primary", "青禾街道", "冯老师", "0123-5550103"),
    ("禾丰镇中心小学", "primary", "禾丰镇", "邓老师", "0123-5550104"),
    ("青禾中学", "junior", "青禾街道", "曹老师", "0123-5550105"),
    ("文昌中学", "junior", "文昌街道", "彭老师", "0123-5550106"),
    ("禾丰中学", "junior", "禾丰镇", "蒋老师", "0123-5550107"),
    ("丰收社区幼儿园", "kindergarten", "丰收街道", "谢老师", "0123-5550108"),
    ("青禾职业技术学校", "vocational", "丰收街道", "袁老师", "0123-5550109"),
    ("青禾区特殊教育学校", "special", "文昌街道", "邹老师", "0123-5550110"),
]

BOOKS = [
    ("lower", "小巴掌童话", "张秋生", "一页一个小故事，适合睡前和爸爸妈妈一起读。"),
    ("lower", "没头脑和不高兴", "任溶溶", "读完聊一聊：做事前想一想有多重要。"),
    ("lower", "小鲤鱼跳龙门", "金近", "跟着小鲤鱼去找龙门，学会不怕困难。"),
    ("lower", "孤独的小螃蟹", "冰波", "关于友谊和分别的温柔故事。"),
    ("lower", "一只想飞的猫", "陈伯吹", "骄傲的小猫闹出的笑话，读起来很有趣。"),
    ("middle", "稻草人", "叶圣陶", "我国第一本为孩子写的童话集。"),
    ("middle", "宝葫芦的秘密", "张天翼", "想不劳而获？看看王葆最后明白了什么。"),
    ("middle", "小英雄雨来", "管桦", "芦花村少年的勇敢故事，可以和五老宣讲一起读。"),
    ("middle", "中国神话故事", "袁珂 编", "盘古、女娲、后羿，认识我们的神话。"),
    ("middle", "森林报", "比安基", "按月份记录的大自然，适合边读边观察。"),
    ("upper", "草房子", "曹文轩", "油麻地小学的六年时光，写尽成长的滋味。"),
    ("upper", "城南旧事", "林海音", "透过英子的眼睛看老北京的人和事。"),
    ("upper", "童年", "高尔基", "在苦难中保持善良，读后写一写自己的童年。"),
    ("upper", "鲁滨逊漂流记", "笛福", "荒岛上的二十八年，学会独立和坚持。"),
    ("upper", "小兵张嘎", "徐光耀", "机灵的嘎子成长为小英雄的故事。"),
]

ADVISORS = [
    ("刘文博", "vice_principal", "青禾区人民检察院", "青禾中学、青禾第二小学"),
    ("陈思远", "vice_principal", "青禾区人民法院", "文昌中学、文昌小学"),
    ("王振宇", "vice_principal", "青禾区公安分局禾丰派出所", "禾丰中学、禾丰镇中心小学"),
    ("赵雅琴", "vice_principal", "青禾区司法局", "青禾实验小学"),
    ("孙立新", "counsellor", "青禾律师事务所（虚构）", "青禾职业技术学校"),
    ("周晓岚", "counsellor", "青禾区妇联", "丰收社区幼儿园、青禾区特殊教育学校"),
]

TOPICS = [
    ("预防校园欺凌", "认识欺凌的样子，知道向谁求助。"),
    ("网络安全与个人信息保护", "不随便晒照片、发定位，警惕网络交友陷阱。"),
    ("远离毒品", "认识新型毒品的伪装，学会坚决拒绝。"),
    ("交通安全与防溺水", "假期出行和游泳的安全常识。"),
]


def _campaign(index, slug, *, tags, schools, activities, parts, photos, **fields):
    """One campaign under ``index`` with its parts (created once; found again by slug).

    ``schools``: School records taking part; ``activities``: slugs of demo activities that
    belong to it; ``parts``: StreamField blocks by field name; ``photos``: (seed, palette,
    caption) for drawn illustrations.
    """
    existing = index.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    palette = {"reading": "spring", "law": "dawn", "family": "field"}.get(fields["kind"], "autumn")
    cover = demo_image(
        f"{fields['title']}（封面）", seed=len(slug) * 7, palette=palette, size=(1280, 720)
    )
    campaign = CampaignPage(slug=slug, listing_image=cover, **fields)
    campaign.schools = schools
    for relation, items in parts.items():
        setattr(campaign, relation, items)
    campaign.photos = [
        CampaignPhoto(
            image=demo_image(
                f"{fields['title']}（照片{number}）", seed=seed, palette=palette, size=(960, 640)
            ),
            caption=caption,
        )
        for number, (seed, palette, caption) in enumerate(photos, start=1)
    ]
    index.add_child(instance=campaign)
    campaign.tags.add(*tags)
    campaign.save_revision().publish()
    for activity in ActivityPage.objects.filter(slug__in=activities):
        # Through a revision, so that the admin editor (which loads the latest revision)
        # keeps the link.
        draft = activity.get_latest_revision_as_object()
        draft.campaign = campaign
        draft.save_revision().publish()
    return campaign


def _build_reading(index, schools, today, day):
    return _campaign(
        index,
        "red-scarf-reading",
        title=f"{today.year}年“红领巾爱读书”阅读季",
        intro="全区小学生读整本书、写读后感、讲读书故事，五老读书辅导团进校园陪读。",
        kind="reading",
        edition=3,
        theme="读好书 做新时代好少年",
        start_date=today - 40 * day,
        end_date=today + 50 * day,
        organizers="区关工委、区教育局、区图书馆",
        stages=["primary"],
        goals="每位小学生本学期读完至少三本整本书\n每所学校组建一个五老陪读小组\n评选一批“书香班级”和“阅读之星”",
        body=[
            paragraph(
                "<p>阅读季分三个阶段：开学后各校发放推荐书目、组建陪读小组；期中前后开展读书分享会和"
                "亲子共读；学期末各校推荐优秀读后感参加区级评选。</p>"
            )
        ],
        tags=["读书活动", "红领巾阅读"],
        schools=[
            schools[name] for name in ["文昌小学", "青禾第二小学", "青禾实验小学", "禾丰镇中心小学"]
        ],
        activities=[
            "reading-salon-library",
            "community-reading-fengshou",
            "reading-club-winter",
            "wulao-reading-club",
        ],
        parts={
            "reading_list": [
                ("book", {"title": title, "author": author, "grade_band": band, "note": note})
                for band, title, author, note in BOOKS
            ]
        },
        photos=[
            (41, "spring", "五老志愿者和孩子们一起读《草房子》"),
            (42, "field", "亲子共读现场"),
        ],
    )


def _build_law(index, schools, today, day):
    return _campaign(
        index,
        "law-month",
        title="第五届“法润青禾”青少年法治教育月",
        intro="法治副校长、法治辅导员和五老法治教育团走进全区中小学，讲身边的法律故事。",
        kind="law",
        edition=5,
        theme="学法懂法 护航成长",
        start_date=today - 30 * day,
        end_date=today + 30 * day,
        organizers="区关工委、区委政法委、区教育局、区司法局",
        stages=["primary", "junior", "vocational"],
        goals="每所中小学至少上一堂法治课\n开展一次模拟法庭或普法情景剧展演\n为家长举办一场未成年人保护法讲座",
        tags=["法治教育"],
        schools=[
            schools[name]
            for name in [
                "青禾中学",
                "文昌中学",
                "禾丰中学",
                "青禾第二小学",
                "文昌小学",
                "青禾职业技术学校",
            ]
        ],
        activities=[
            "law-class-qinghe-middle",
            "law-mock-court",
            "today-law-consult",
            "winter-safety-lecture",
            "law-teachers-workshop",
        ],
        parts={
            "topics": [("topic", {"title": title, "description": text}) for title, text in TOPICS],
            "advisors": [
                (
                    "advisor",
                    {"name": name, "role": role, "organisation": unit, "schools_served": served},
                )
                for name, role, unit, served in ADVISORS
            ],
        },
        photos=[(51, "dawn", "模拟法庭进校园"), (52, "autumn", "法治副校长为初二学生上课")],
    )


def _build_family(index, schools, today, day):
    return _campaign(
        index,
        "parents-school",
        title="家长学校“陪伴成长”系列讲堂",
        intro="退休教师和心理咨询师为家长讲亲子沟通、手机管理和考前陪伴。",
        kind="family",
        theme="好家风 好家教",
        start_date=today - 20 * day,
        end_date=today + 60 * day,
        organizers="区关工委、区妇联",
        stages=["kindergarten", "primary", "junior"],
        goals="每个街道办好一所社区家长学校\n全年举办讲座十二场以上",
        tags=["家庭教育"],
        schools=[schools[name] for name in ["丰收社区幼儿园", "青禾实验小学", "文昌中学"]],
        activities=[
            "parents-evening-phones",
            "family-counselling-open",
            "parents-school-exam",
            "parents-school-saturday",
        ],
        parts={},
        photos=[(61, "field", "家长夜校现场")],
    )


def _build_summer(index, schools, today):
    year = today.year
    return _campaign(
        index,
        "summer-reading",
        title=f"{year}年暑期“快乐阅读”活动",
        intro="暑假里读一本好书、写一篇读后感，优秀作品已经评出。",
        kind="reading",
        theme="悦读一夏",
        start_date=datetime.date(year, 7, 1),
        end_date=datetime.date(year, 8, 31),
        organizers="区关工委、区图书馆",
        stages=["primary", "junior"],
        tags=["读书活动"],
        schools=[schools[name] for name in ["文昌小学", "青禾中学", "禾丰中学"]],
        activities=[],
        parts={
            "reading_list": [
                ("book", {"title": title, "author": author, "grade_band": band, "note": note})
                for band, title, author, note in BOOKS[10:]
            ],
            "awards": [
                (
                    "award",
                    {"award": award, "school": schools[school], "entrant": who, "work_title": work},
                )
                for award, school, who, work in [
                    ("一等奖", "文昌小学", "林小雨", "草房子里的夏天"),
                    ("一等奖", "青禾中学", "何一鸣", "读《童年》有感"),
                    ("二等奖", "禾丰中学", "郭佳怡", "英子的眼睛"),
                    ("优秀组织奖", "文昌小学", "", ""),
                ]
            ],
        },
        photos=[],
    )


def _build_winter(index, schools, today, day):
    return _campaign(
        index,
        "winter-good-youth",
        title="寒假“新时代好少年”主题教育",
        intro="五老宣讲团寒假进社区，讲家乡变化和身边榜样。",
        kind="other",
        theme="红色基因代代传",
        start_date=today + 45 * day,
        end_date=today + 80 * day,
        organizers="区关工委、团区委",
        stages=["primary", "junior"],
        tags=["五老宣讲"],
        schools=[schools[name] for name in ["青禾第二小学", "禾丰镇中心小学"]],
        activities=[],
        parts={},
        photos=[],
    )


# campaign slug, school, activity slug or None, days ago, title, author, published, text
WRITEUPS = [
    (
        "red-scarf-reading",
        "文昌小学",
        "reading-salon-library",
        15,
        "文昌小学开展“好家风”读书分享会",
        "语文组 沈老师",
        True,
        (
            "十一月的一个下午，文昌小学四年级的同学们带着自己最喜欢的书走进图书室。\n"
            "五老读书辅导团的三位退休教师和同学们围坐在一起，听孩子们讲书里的故事。\n"
            "活动最后，每个班推选一名“阅读之星”，在校园广播里分享读书心得。"
        ),
    ),
    (
        "law-month",
        "青禾中学",
        "law-class-qinghe-middle",
        23,
        "法治副校长走进青禾中学讲网络安全",
        "德育处 曹老师",
        True,
        (
            "青禾中学初二年级的同学们上了一堂特别的法治课。\n"
            "法治副校长用三个改编的案例，讲了网络交友、个人信息和网络谣言的法律风险。\n"
            "课后，同学们写下了自己的“网络安全小约定”，贴在班级的展示墙上。"
        ),
    ),
    (
        "law-month",
        "文昌中学",
        "law-mock-court",
        8,
        "文昌中学模拟法庭：同学们当了一回法官",
        "政治组 彭老师",
        True,
        (
            "模拟法庭以一起虚构的校园纠纷为题，同学们分别担任法官、公诉人、辩护人和陪审员。\n"
            "区人民法院的法官在一旁指导，讲解了庭审的每一个环节。"
        ),
    ),
    (
        "parents-school",
        "丰收社区幼儿园",
        None,
        5,
        "丰收社区幼儿园家长课堂：陪孩子好好说话",
        "园办 谢老师",
        True,
        (
            "幼儿园邀请退休的幼教老师为家长讲亲子沟通。\n"
            "老师用情景表演的办法，演示了孩子哭闹时家长可以怎样说、怎样做。"
        ),
    ),
]


def _build_writeups(home, schools, today, day):
    index = get_or_create_section(
        home,
        WriteUpIndexPage,
        "school-news",
        after=home.get_children().filter(slug="campaigns").first(),
        title="学校报道",
        show_in_menus=False,
        intro="各学校开展关心下一代工作的活动报道。",
    )
    campaigns = {page.slug: page for page in CampaignPage.objects.all()}
    existing = set(index.get_children().values_list("title", flat=True))
    for number, (campaign, school, activity, days_ago, title, author, live, text) in enumerate(
        WRITEUPS, start=1
    ):
        if title in existing:
            continue
        page = WriteUpPage(
            title=title,
            slug=f"writeup-{number}",
            school=schools[school],
            campaign=campaigns.get(campaign),
            activity=ActivityPage.objects.filter(slug=activity).first() if activity else None,
            event_date=today - days_ago * day,
            first_published_at=published_on(today - max(days_ago - 2, 0) * day) if live else None,
            author_name=author,
            body=text,
            live=live,
        )
        page.photos = [
            WriteUpPhoto(
                image=demo_image(
                    f"{title}（照片）", seed=70 + number, palette="spring", size=(960, 640)
                ),
                caption="活动现场",
            )
        ]
        index.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
    return WriteUpPage.objects.live().count()


# username, school, (title, days ago, text, moderator's request for changes or "")
ACCOUNTS = [
    (
        "demo-wenchang",
        "文昌小学",
        (
            "文昌小学五老陪读小组开课",
            1,
            "五老陪读小组第一次走进四年级教室，和同学们一起读《草房子》。",
            "",
        ),
    ),
    (
        "demo-hefeng",
        "禾丰镇中心小学",
        (
            "禾丰镇中心小学法治手抄报展",
            4,
            "全校同学用手抄报讲法治故事，优秀作品在校门口展出。",
            "请补充展出的时间和参与的年级，并换一张不露出学生正脸的照片。",
        ),
    ),
]


def build_school_accounts(stdout):
    """Two school logins (passwords printed once, when made), each with a submission in
    the 学校投稿审核 workflow: one waiting, one sent back for changes."""
    import io as _io
    import secrets

    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from activities.models import SchoolAccount
    from activities.photos import clean_photo
    from activities.portal import submissions

    user_model = get_user_model()
    today = timezone.localdate()
    for username, school_name, (title, days_ago, text, changes) in ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(9)
        user = user_model.objects.create_user(username, password=password)
        account = SchoolAccount.objects.create(
            user=user, school=School.objects.get(name=school_name)
        )
        stdout.write(
            f"  学校账号：{username}  密码：{password}（{school_name}，登录 /school/login/）"
        )
        picture = demo_image(f"{title}（照片）", seed=90 + len(username), palette="dawn")
        with picture.file.open("rb") as handle:
            upload = SimpleUploadedFile("photo.jpg", _jpeg(handle.read(), _io))
        page = submissions.submit(
            account,
            {
                "title": title,
                "event_date": today - datetime.timedelta(days=days_ago),
                "campaign": None,
                "activity": None,
                "author_name": "教导处",
                "body": text,
                "shows_students": "no",
            },
            [(clean_photo(upload), "活动现场")],
        )
        if changes:
            task_state = page.current_workflow_state.current_task_state
            task_state.task.specific.on_action(task_state, None, "reject", comment=changes)


def _jpeg(data, io_module):
    from PIL import Image

    out = io_module.BytesIO()
    Image.open(io_module.BytesIO(data)).convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


def build(stdout):
    home = HomePage.objects.get()
    schools = {}
    for name, kind, street, person, phone in SCHOOLS:
        schools[name], _ = School.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "street": street,
                "contact_person": person,
                "contact_phone": phone,
            },
        )
    index = get_or_create_section(
        home,
        CampaignIndexPage,
        "campaigns",
        after=home.get_children().filter(slug="calendar").first(),
        title="主题教育",
        show_in_menus=True,
        intro="区关工委每年组织的读书、法治教育和家庭教育活动：活动安排、推荐书目、参与学校和取得的成果。",
    )
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    for builder in (_build_reading, _build_law, _build_family, _build_winter):
        builder(index, schools, today, day)
    _build_summer(index, schools, today)
    writeups = _build_writeups(home, schools, today, day)
    stdout.write(
        f"  主题教育：{len(SCHOOLS)} 所学校、{CampaignPage.objects.count()} 项活动、"
        f"{writeups} 篇学校报道"
    )
    build_school_accounts(stdout)
