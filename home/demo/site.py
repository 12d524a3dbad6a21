"""The fictional 青禾区 committee: site settings, the home page and the standard pages.

Called by ``python manage.py load_demo``. Idempotent: pages are found by slug and images
by title, and nothing that exists is overwritten.
"""

import datetime
import io

import segno
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.demo.media import demo_image, save_image
from home.models import HomePage, SiteSettings, StandardPage

COMMITTEE = "青禾区关心下一代工作委员会"


def get_or_create_page(parent, model, slug, **fields):
    """The child of ``parent`` with ``slug``, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_or_create_section(home, model, slug, *, after=None, **fields):
    """The home page's child of type ``model`` (whatever its slug is now), or a new one,
    placed in the navigation right after the page ``after`` (first when None)."""
    existing = home.get_children().type(model).first()
    if existing:
        return existing.specific
    page = get_or_create_page(home, model, slug, **fields)
    target = after or home.get_first_child()
    if target and target.pk != page.pk:
        page.move(target, pos="right" if after else "left")
    return model.objects.get(pk=page.pk)


def add_quick_link(title, page, position):
    """Put a link to ``page`` among the home page's quick links at ``position``, once."""
    home = HomePage.objects.get()
    if any(
        block.value.get("page") and block.value["page"].pk == page.pk for block in home.quick_links
    ):
        return
    links = [("link", block.value) for block in home.quick_links]
    links.insert(position, ("link", {"title": title, "page": page, "url": ""}))
    home.quick_links = links
    home.save_revision().publish()


def published_on(day):
    """A first-publication time on ``day`` (9:00 Beijing time), so that demo pages carry the
    dates a real site would: news on its date, a plan on its issue date."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def paragraph(html):
    return ("paragraph", html)


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


ABOUT_BODY = [
    paragraph(
        "<p>青禾区关心下一代工作委员会（简称“青禾区关工委”）成立于1993年，是在区委领导下，"
        "以离退休老同志为主体、有关部门和社会各界共同参与的群众性工作组织。</p>"
    ),
    heading("我们做什么"),
    paragraph(
        "<ul><li>组织“五老”宣讲团走进中小学校，讲述身边的奋斗故事；</li>"
        "<li>与区教育局、区司法局合作开展青少年法治教育，协助学校聘请法治副校长；</li>"
        "<li>推动家长学校和家校社共育咨询室建设，指导家庭教育；</li>"
        "<li>开展读书征文、红领巾阅读等主题教育活动；</li>"
        "<li>关爱困境儿童和留守儿童，组织结对帮扶。</li></ul>"
    ),
    heading("我们的队伍"),
    paragraph(
        "<p>全区现有“五老”志愿者四百余名，分属宣讲、法治教育、家庭教育、读书辅导四支团队，"
        "覆盖十二个街道（镇）和六十余所中小学、幼儿园。</p>"
    ),
    (
        "quote",
        {
            "text": "孩子们的成长，是我们退休生活里最有意义的事。",
            "attribution": "五老宣讲团一位老教师",
        },
    ),
]

ORGANISATION_TABLE = {
    "data": [
        ["部门", "主要职责"],
        ["办公室", "日常事务、文件收发、会议组织、网站与信息发布"],
        ["宣讲团工作部", "组织五老宣讲团进校园、进社区，安排宣讲日程"],
        ["法治教育部", "联络法治副校长，组织普法讲座与模拟法庭活动"],
        ["家庭教育部", "指导家长学校和家校社共育咨询室，开展家教讲座"],
        ["读书活动部", "组织读书征文、好书推荐和红领巾阅读活动"],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "青禾区关工委办事机构",
}

CONTACT_BODY = [
    heading("办公地址"),
    paragraph("<p>青禾区文昌路88号区老干部活动中心三楼（邮编 100999）</p>"),
    heading("联系电话"),
    paragraph("<p>办公室：012-3456 7890（工作日 8:30–17:00）</p>"),
    heading("乘车路线"),
    paragraph(
        "<p>乘坐公交12路、36路至“文昌路口”站下车，向北步行约200米即到。"
        "活动中心一楼设有无障碍通道和电梯。</p>"
    ),
    heading("来信来访"),
    paragraph(
        "<p>欢迎老同志、家长和学校来电来访，反映青少年成长中的问题，提出意见建议。"
        "来信请寄上述地址，信封注明“关工委收”。</p>"
    ),
]

PRIVACY_BODY = [
    paragraph(
        "<p>青禾区关心下一代工作委员会（以下简称“我们”）重视个人信息保护。"
        "本政策说明我们在本网站上如何收集、使用、保存和删除您的个人信息。"
        "本政策依据《中华人民共和国个人信息保护法》（PIPL）制定。</p>"
    ),
    heading("一、个人信息处理者"),
    paragraph("<p>个人信息处理者为青禾区关心下一代工作委员会，联系电话 012-3456 7890。</p>"),
    heading("二、我们收集哪些信息，为什么收集"),
    paragraph(
        "<ul><li>志愿者报名：姓名、手机号码等，仅用于联系和安排志愿服务；</li>"
        "<li>活动报名：姓名、手机号码和参加人数，仅用于安排座位和通知活动变动；</li>"
        "<li>学校投稿：联系人姓名和电话，仅用于核实稿件。</li></ul>"
        "<p>浏览本网站无需提供任何个人信息。我们只收集实现上述目的所必需的最少信息。</p>"
    ),
    heading("三、保存期限"),
    paragraph(
        "<p>志愿者信息在您参与志愿服务期间保存；您退出后，我们删除您的个人信息，只保留不含个人身份的统计数字。"
        "活动报名信息在活动结束后按规定期限删除。</p>"
    ),
    heading("四、未成年人信息"),
    paragraph(
        "<p>学校投稿中出现学生照片的，须事先取得学生监护人的同意。"
        "不满十四周岁未成年人的个人信息属于敏感个人信息，我们将严格保护。</p>"
    ),
    heading("五、您的权利"),
    paragraph(
        "<p>您可以随时查阅、更正或删除您的个人信息，也可以撤回同意。"
        "请致电办公室或来信提出，我们将在十五个工作日内答复。</p>"
    ),
    heading("六、公开的信息"),
    paragraph(
        "<p>志愿者的手机号码、出生年份和住址从不在网站上公开。"
        "只有本人同意公开风采展示的志愿者，才会在“五老风采”中显示姓名、类别和简介。</p>"
    ),
]


def build(stdout):
    """Create the foundation's demo content under the site's home page."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        home = HomePage.objects.first()

    about = get_or_create_page(
        home,
        StandardPage,
        "about",
        title="关于我们",
        show_in_menus=True,
        intro="青禾区关工委是以离退休老同志为主体、关心青少年健康成长的群众性工作组织。",
        body=ABOUT_BODY,
    )
    organisation = get_or_create_page(
        about,
        StandardPage,
        "organisation",
        title="组织机构",
        intro="区关工委下设办公室和四个工作部，分别联系相关部门和五老志愿者团队。",
        body=[
            paragraph(
                "<p>区关工委实行主任负责制，设主任一名、常务副主任一名、副主任若干名、秘书长一名。</p>"
            ),
            ("table", ORGANISATION_TABLE),
        ],
    )
    contact = get_or_create_page(
        home,
        StandardPage,
        "contact",
        title="联系我们",
        show_in_menus=True,
        intro="地址、电话和来访方式。",
        body=CONTACT_BODY,
    )
    privacy = get_or_create_page(
        home,
        StandardPage,
        "privacy",
        title="隐私政策",
        intro="我们如何收集、使用、保存和删除您的个人信息。",
        body=PRIVACY_BODY,
    )

    if not home.hero_image_id:
        home.hero_image = demo_image("青禾春景", seed=3, palette="spring")
        home.mission = (
            "汇聚全区“五老”的经验与热忱，陪伴青禾的孩子们读好书、学法治、明事理，健康成长。"
        )
        home.about_page = about
        home.quick_links = [
            ("link", {"title": "关于我们", "page": about, "url": ""}),
            ("link", {"title": "组织机构", "page": organisation, "url": ""}),
            ("link", {"title": "联系我们", "page": contact, "url": ""}),
            ("link", {"title": "隐私政策", "page": privacy, "url": ""}),
        ]
        home.volunteer_title = "欢迎加入五老志愿者队伍"
        home.volunteer_text = (
            "您是退休的干部、教师、专家、老战士或劳动模范吗？"
            "每月抽出半天，给孩子们讲一堂课、陪他们读一本书。"
        )
        home.volunteer_button_text = "联系报名"
        home.volunteer_page = contact
        home.save_revision().publish()

    settings = SiteSettings.for_site(site)
    if not settings.address:
        settings.committee_name = COMMITTEE
        settings.short_name = "青禾区关工委"
        settings.address = "青禾区文昌路88号区老干部活动中心三楼"
        settings.postcode = "100999"
        settings.phone = "012-3456 7890"
        settings.email = "office@qinghe-ggw.example.org"
        settings.office_hours = "工作日 8:30–17:00"
        settings.wechat_name = "青禾关工"
        settings.wechat_qr = _wechat_qr()
        settings.icp_number = "禾ICP备20260088号-1"
        settings.police_number = "禾公网安备 00000000000001号"
        settings.footer_links = [
            ("link", {"title": "关于我们", "page": about, "url": ""}),
            ("link", {"title": "联系我们", "page": contact, "url": ""}),
            ("link", {"title": "隐私政策", "page": privacy, "url": ""}),
        ]
        settings.save()
    site.site_name = COMMITTEE
    # The address `make run` serves; absolute links in the sitemap come from it. A real
    # site sets its own domain in 设置 › 站点 (docs/deploy.md).
    if site.hostname == "localhost":
        site.hostname, site.port = "127.0.0.1", 8000
    site.save()
    stdout.write(f"  网站基础：首页、{Page.objects.child_of(home).count()} 个栏目页面、网站设置")


def _wechat_qr():
    existing = get_image_model().objects.filter(title="微信公众号二维码（演示）").first()
    if existing:
        return existing
    qr = segno.make("http://127.0.0.1:8000/", error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    picture = PILImage.open(buffer).convert("RGB")
    return save_image("微信公众号二维码（演示）", picture, filename="wechat-qr.png")
