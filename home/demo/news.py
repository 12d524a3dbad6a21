"""Demo news: categories, a news index and original articles over the last months."""

import datetime

from django.utils import timezone

from home.demo.media import demo_image
from home.demo.site import (
    add_quick_link,
    get_or_create_section,
    heading,
    paragraph,
    published_on,
)
from home.models import HomePage, NewsCategory, NewsIndexPage, NewsPage

CATEGORIES = [
    # name, slug, is_notice
    ("工作动态", "work", False),
    ("通知公告", "notices", True),
    ("基层动态", "grassroots", False),
    ("媒体报道", "media", False),
]

# days ago, slug, category, title, source, author, tags, image (palette) or None, summary, body
ARTICLES = [
    (
        3,
        "wulao-lectures-autumn",
        "work",
        "五老宣讲团秋季进校园宣讲启动",
        "区关工委办公室",
        "李晓梅",
        ["五老宣讲", "志愿服务"],
        "autumn",
        "秋季学期，五老宣讲团十二位老同志将走进全区二十所中小学，讲述青禾发展变化的故事。",
        [
            (
                "11月中旬，区关工委五老宣讲团在青禾实验小学举行秋季进校园宣讲启动仪式。"
                "今年秋季的宣讲以“家乡的变化”为主题，宣讲员中既有参与过城区建设的老工程师，也有在乡村学校执教三十多年的老教师。"
            ),
            (
                "宣讲团团长在启动仪式上说，讲故事要讲孩子们听得懂的话，多讲身边的人和事，少讲大道理。"
                "每场宣讲后留出十分钟，请学生提问。"
            ),
            "按照安排，宣讲将持续到明年一月，覆盖全区二十所中小学。",
        ],
    ),
    (
        6,
        "notice-volunteer-training",
        "notices",
        "关于举办2026年度五老志愿者培训班的通知",
        "区关工委办公室",
        "",
        ["志愿服务"],
        None,
        "定于12月上旬举办五老志愿者培训班，请各街道关工委组织报名。",
        [
            "各街道（镇）关工委、区直各单位关工委：",
            "为提高五老志愿者服务能力，区关工委定于12月上旬在区老干部活动中心举办2026年度五老志愿者培训班，培训为期两天。",
            "培训内容包括：青少年心理特点与沟通方法、《家庭教育促进法》解读、未成年人保护常识、安全与应急知识。",
            "请各单位于11月30日前将参训人员名单报区关工委办公室。参训人员须身体健康，能够坚持参加全程培训。",
        ],
    ),
    (
        11,
        "law-vice-principals-meeting",
        "work",
        "全区法治副校长工作座谈会召开",
        "区关工委法治教育部",
        "王建国",
        ["法治教育"],
        "dawn",
        "来自公安、检察、法院和律师事务所的三十余位法治副校长交流了一年来进校园的做法和体会。",
        [
            "座谈会由区关工委和区教育局共同召开。会上，五位法治副校长介绍了开设模拟法庭、编写校园普法情景剧等做法。",
            "大家认为，普法课要贴近学生生活，把校园欺凌、网络安全、电信诈骗等学生身边的问题讲清楚、讲透彻。",
            "区关工委法治教育部将把本次座谈会上的好做法整理成册，发给全区中小学参考。",
        ],
    ),
    (
        17,
        "reading-contest-results",
        "grassroots",
        "文昌街道“好家风”读书征文评选揭晓",
        "文昌街道关工委",
        "赵丽",
        ["读书活动", "家庭教育"],
        "field",
        "文昌街道收到辖区中小学生征文三百余篇，评出一等奖十篇。",
        [
            "文昌街道关工委联合辖区六所学校开展“好家风伴我成长”读书征文活动，共收到征文三百一十二篇。",
            "经过五老读书辅导团老同志初评、学校语文教师复评，评出一等奖十篇、二等奖二十篇、三等奖三十篇。",
            "获奖作品中，不少学生写到了祖辈的勤俭故事和父母的言传身教，读来真切感人。",
        ],
    ),
    (
        24,
        "notice-winter-safety",
        "notices",
        "关于做好寒假前青少年安全教育的通知",
        "区关工委办公室",
        "",
        ["法治教育", "关爱帮扶"],
        None,
        "请各街道关工委配合学校在寒假前开展防溺水、防火、防诈骗等安全教育。",
        [
            "各街道（镇）关工委：",
            "寒假将至，为保障青少年度过安全、快乐的假期，请各街道关工委组织五老志愿者配合辖区学校开展安全教育。",
            "重点内容包括冬季防火、防一氧化碳中毒、交通安全和防范电信网络诈骗。对留守儿童和困境儿童，请安排志愿者结对走访。",
        ],
    ),
    (
        33,
        "parents-school-lecture",
        "work",
        "家长学校举办“读懂孩子的青春期”专题讲座",
        "区关工委家庭教育部",
        "陈静",
        ["家庭教育"],
        "spring",
        "退休心理教师为两百多位初中家长讲解青春期孩子的心理变化和沟通方法。",
        [
            "讲座在青禾第二中学报告厅举行，两百多位初一、初二学生家长到场聆听。",
            (
                "主讲人是一位从事心理健康教育三十年的退休教师。她结合大量案例，讲解了青春期孩子情绪起伏的原因，"
                "建议家长多倾听、少说教，每天留出一段不谈学习的聊天时间。"
            ),
            "讲座结束后，不少家长留下来个别咨询，讲座持续到晚上九点多。",
        ],
    ),
    (
        41,
        "double-reduction-homework-club",
        "grassroots",
        "禾丰镇五老志愿者助力课后服务",
        "禾丰镇关工委",
        "周明",
        ["双减", "志愿服务"],
        "autumn",
        "十六位五老志愿者每周到镇中心小学开设书法、象棋、手工等课后兴趣课。",
        [
            "“双减”政策实施以来，禾丰镇关工委组织有专长的老同志参与学校课后服务。",
            "目前，十六位五老志愿者每周二、周四下午到镇中心小学开设书法、象棋、剪纸、手工等兴趣课，参加学生四百余人。",
            "学校负责人说，老同志们认真负责，有的还自己准备教具，很受学生欢迎。",
        ],
    ),
    (
        52,
        "media-report-red-scarf-reading",
        "media",
        "区融媒体中心报道我区红领巾阅读推广计划",
        "青禾区融媒体中心",
        "本台记者",
        ["读书活动", "红领巾阅读"],
        "dawn",
        "区融媒体中心以《一本书，一群老人，一群孩子》为题，报道了红领巾阅读推广计划。",
        [
            "近日，区融媒体中心播出专题报道，介绍我区红领巾阅读推广计划开展一年来的情况。",
            (
                "报道讲述了五老读书辅导团的老同志每周到社区书屋陪孩子们读整本书的故事。"
                "一年来，读书辅导团共组织读书会一百二十场，参加学生两千余人次。"
            ),
        ],
    ),
    (
        63,
        "visit-left-behind-children",
        "work",
        "中秋节前五老志愿者走访慰问困境儿童",
        "区关工委办公室",
        "李晓梅",
        ["关爱帮扶", "志愿服务"],
        "field",
        "区关工委组织五老志愿者分组走访全区四十三名困境儿童，送去节日慰问品和学习用品。",
        [
            "中秋节前，区关工委组织五老志愿者分成八个小组，走访慰问全区四十三名困境儿童和留守儿童。",
            "志愿者们详细了解孩子们的学习和生活情况，送去月饼、书包和文具，并与孩子们约定下次见面时一起读一本书。",
            "区关工委将为每名困境儿童明确一名结对志愿者，做到每月至少联系一次。",
        ],
    ),
    (
        76,
        "legal-drama-competition",
        "grassroots",
        "青禾中学举办校园普法情景剧展演",
        "青禾中学",
        "刘洋",
        ["法治教育"],
        None,
        "八个班级围绕校园欺凌、网络交友等主题自编自演情景剧，法治副校长现场点评。",
        [
            "青禾中学在学校礼堂举办校园普法情景剧展演，八个班级的学生围绕校园欺凌、网络交友、未成年人保护等主题自编自演。",
            "学校法治副校长、区检察院检察官现场点评，结合每个情景剧讲解相关法律规定。",
            "学生们说，自己演一遍，比听一遍印象深得多。",
        ],
    ),
    (
        90,
        "notice-summer-reading-list",
        "notices",
        "2026年暑期推荐书目发布",
        "区关工委读书活动部",
        "",
        ["读书活动", "红领巾阅读"],
        None,
        "区关工委读书活动部按小学低、中、高年级和初中四个学段发布暑期推荐书目。",
        [
            "为引导青少年在暑期多读书、读好书，区关工委读书活动部会同区教育局教研室，按学段推荐暑期阅读书目。",
            "书目分为小学低年级、中年级、高年级和初中四个学段，每个学段推荐十本，兼顾文学、历史、科普等类别。",
            "各学校可结合实际，组织学生开展读书分享会和读书笔记展评。",
        ],
    ),
    (
        104,
        "committee-plenary-midyear",
        "work",
        "区关工委召开年中工作推进会",
        "区关工委办公室",
        "王建国",
        ["五老宣讲"],
        "spring",
        "会议总结上半年工作，部署下半年五老宣讲、法治教育和家庭教育重点任务。",
        [
            "区关工委召开年中工作推进会，各街道（镇）关工委负责同志和各工作部负责人参加会议。",
            "会议指出，上半年全区五老宣讲进校园一百二十余场，家长学校讲座六十余场，各项工作按计划推进。",
            "会议要求，下半年要重点抓好秋季进校园宣讲、困境儿童结对帮扶和五老志愿者培训三项工作。",
        ],
    ),
    (
        118,
        "community-counselling-room",
        "grassroots",
        "丰收社区家校社共育咨询室正式开放",
        "丰收社区",
        "孙娟",
        ["家庭教育", "关爱帮扶"],
        "field",
        "咨询室每周六上午开放，由退休教师和社区工作者为家长提供家庭教育咨询。",
        [
            "丰收社区家校社共育咨询室正式开放。咨询室设在社区党群服务中心二楼，每周六上午九点至十一点半开放。",
            "值班的是三位退休教师和一位社区工作者，为家长提供孩子学习习惯、亲子沟通等方面的咨询。",
            "开放第一天，就有十二位家长前来咨询。",
        ],
    ),
    (
        330,
        "annual-summary-meeting",
        "work",
        "区关工委召开年度工作总结表彰会",
        "区关工委办公室",
        "王建国",
        ["五老宣讲", "志愿服务"],
        "autumn",
        "会议总结全年工作，表彰一批优秀五老志愿者和关心下一代工作先进集体。",
        [
            "区关工委召开年度工作总结表彰会，回顾一年来五老宣讲、法治教育、家庭教育和关爱帮扶等方面的工作。",
            "会上表彰了二十名优秀五老志愿者和八个关心下一代工作先进集体，三位获奖代表作了交流发言。",
            "会议还就新一年的工作要点征求了各街道（镇）关工委的意见。",
        ],
    ),
    (
        24,
        "macau-reading-exchange",
        "grassroots",
        "文昌中學與澳門友好學校舉行青少年讀書交流會",
        "澳門友好學校供稿（繁體原文照登）",
        "",
        ["读书活动"],
        None,
        "兩地同學通過視頻連線，分享各自喜愛的一本書，並約定明年互寄讀書筆記。",
        [
            (
                "本月上旬，文昌中學初一級同學與澳門一所友好學校的同學通過視頻連線，舉行青少年讀書交流會。"
                "兩地同學各選一本最喜愛的書，用三分鐘講出書中打動自己的一個片段。"
            ),
            (
                "區關工委讀書輔導團的老教師應邀點評，他說，讀書不在多，而在讀懂、讀透，"
                "希望同學們把今天的交流寫成讀書筆記。"
            ),
            "雙方約定，明年春季互寄讀書筆記，並在暑假舉行第二次交流。",
        ],
    ),
]


def build(stdout):
    """Categories, the news index under the home page, and the demo articles."""
    categories = {}
    for order, (name, slug, is_notice) in enumerate(CATEGORIES):
        categories[slug], _ = NewsCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_notice": is_notice, "sort_order": order}
        )

    home = HomePage.objects.get()
    index = get_or_create_section(
        home,
        NewsIndexPage,
        "news",
        title="新闻动态",
        show_in_menus=True,
        intro="区关工委的工作动态、通知公告和各街道、学校的基层动态。",
    )

    today = timezone.localdate()
    for days_ago, slug, category, title, source, author, tags, palette, summary, body in ARTICLES:
        if index.get_children().filter(slug=slug).exists():
            continue
        date = today - datetime.timedelta(days=days_ago)
        article = NewsPage(
            slug=slug,
            title=title,
            date=date,
            first_published_at=published_on(date),
            category=categories[category],
            source=source,
            author=author,
            intro=summary,
            body=[paragraph(f"<p>{text}</p>") for text in body],
        )
        if palette:
            article.lead_image = demo_image(f"新闻配图：{title}", seed=days_ago, palette=palette)
            article.lead_image_caption = summary.split("，")[0]
        if days_ago == 11:
            article.body.append(heading("下一步工作"))
            article.body.append(
                (
                    "quote",
                    {
                        "text": "普法要从娃娃抓起，更要从孩子身边的事讲起。",
                        "attribution": "一位法治副校长",
                    },
                )
            )
        index.add_child(instance=article)
        article.tags.add(*tags)
        article.save_revision().publish()

    add_quick_link("新闻动态", index, 0)
    stdout.write(
        f"  新闻：{len(categories)} 个分类、{NewsPage.objects.child_of(index).count()} 篇文章"
    )
