"""Generated Chinese content about the fictional 青禾区, for benchmarks.

Every text is put together from the fragments below (written for this purpose: places,
schools, themes, sentence patterns), picked by a seeded ``random.Random``, so two runs with
the same seed build the same site. The themes are the committee's everyday work (reading,
legal education, family education, the 五老 volunteers, care for children in difficulty,
safety), so that broad words such as 活动, 关工委 or 五老 appear on thousands of pages, as
they would on a real district site, while place, school and book names spread the rest.

Nothing here touches the database: :func:`news`, :func:`activity` and :func:`standard` return
plain dicts of field values.
"""

import datetime
from dataclasses import dataclass

STREETS = [
    "青禾街道",
    "文昌街道",
    "丰收街道",
    "禾丰镇",
    "柳岸街道",
    "石桥镇",
    "南湖街道",
    "东渠街道",
    "北苑街道",
    "云溪镇",
    "枫林街道",
    "新桥街道",
]
COMMUNITIES = [
    "丰收社区",
    "和风社区",
    "柳岸社区",
    "杏园社区",
    "槐树社区",
    "南湖社区",
    "东渠社区",
    "桃源社区",
    "石桥村",
    "云溪村",
    "枫林社区",
    "北苑社区",
    "新桥社区",
    "禾丰村",
]
SCHOOLS = [
    "文昌小学",
    "青禾中学",
    "青禾第二小学",
    "文昌中学",
    "青禾实验小学",
    "禾丰中学",
    "禾丰中心小学",
    "青禾第二中学",
    "南湖小学",
    "柳岸小学",
    "石桥中学",
    "云溪小学",
    "东渠实验学校",
    "枫林小学",
    "北苑中学",
    "新桥小学",
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗宋谢韩唐冯"
GIVEN_NAMES = [
    "建国",
    "秀英",
    "明华",
    "志强",
    "淑芬",
    "国庆",
    "玉兰",
    "德才",
    "文静",
    "海燕",
    "振华",
    "桂英",
    "立新",
    "春梅",
    "永福",
    "丽萍",
]
BOOKS = [
    "西游记",
    "稻草人",
    "小英雄雨来",
    "青铜葵花",
    "鲁滨逊漂流记",
    "昆虫记",
    "骆驼祥子",
    "朝花夕拾",
    "海底两万里",
    "红岩",
    "闪闪的红星",
    "爱的教育",
    "城南旧事",
    "草房子",
]
LAWS = [
    "未成年人保护法",
    "预防未成年人犯罪法",
    "宪法",
    "民法典",
    "家庭教育促进法",
    "禁毒法",
]
FAMILY_TOPICS = [
    "亲子沟通",
    "习惯养成",
    "情绪管理",
    "作业陪伴",
    "隔代教养",
    "劳动教育",
    "睡眠与健康",
]
STORIES = [
    "家乡从荒滩到良田的变化",
    "当年修建青禾水库的故事",
    "在边防哨所度过的日子",
    "一堂难忘的夜校课",
    "第一台拖拉机开进村里的那一天",
    "老校舍里的煤油灯",
]
ROLES = ["干部", "战士", "教师", "专家", "模范"]
WEEKDAYS = ["一", "二", "三", "四", "五", "六"]
COMPANIES = ["青禾农商银行", "禾丰米业", "南湖建材", "云溪茶厂", "文昌书店"]
VENUES = [
    "{school}报告厅",
    "{community}党群服务中心",
    "区老干部活动中心",
    "区图书馆多功能厅",
    "{street}新时代文明实践站",
    "{school}操场",
    "{community}青少年之家",
]
ORGANIZERS = [
    "{street}关工委",
    "区关工委",
    "区关工委和区教育局",
    "{school}关工委",
    "{street}关工委联合{community}",
]
AUDIENCES = ["学生和家长", "师生", "社区青少年", "五老志愿者", "家长", "少先队员"]
NEWS_SOURCES = ["区关工委办公室", "{street}关工委", "{school}", "区教育局"]


@dataclass(frozen=True)
class Theme:
    """One strand of the committee's work: event names, title patterns and sentences."""

    tag: str  # a tag the demo uses, or "" for none
    events: list
    titles: list
    sentences: list


THEMES = [
    Theme(
        "读书活动",
        [
            "“书香伴成长”读书活动",
            "亲子共读分享会",
            "红领巾读书征文",
            "经典诵读比赛",
            "读书报告会",
            "“好书漂流”活动",
            "整本书阅读交流课",
            "社区读书角开放日",
        ],
        ["{school}开展{event}", "{street}关工委举办{event}", "{event}走进{community}"],
        [
            "五老志愿者和孩子们一起读了《{book}》，并请几位同学讲出书中最打动自己的片段。",
            "活动现场设置了好书推荐台，{n}本捐赠图书将送到{school}的班级图书角。",
            "老教师{name}结合自己的读书经历，告诉同学们读书要读懂、读透，多做读书笔记。",
            "家长们说，睡前一起读十分钟书，比催孩子写作业更管用。",
            "{school}图书室延长了周末开放时间，方便学生和家长借阅。",
            "评委从{n}篇来稿中评出一等奖三名，获奖作品将在区图书馆展出。",
            "一位四年级同学读完《{book}》后写道，书里的人物让自己学会了坚持。",
            "{street}的{n}个农家书屋今年新添了少儿读物，寒暑假向孩子们免费开放。",
            "同学们把读过的书做成手抄报，贴满了教学楼一楼的走廊。",
        ],
    ),
    Theme(
        "法治教育",
        [
            "法治教育进校园活动",
            "“开学法治第一课”",
            "模拟法庭活动",
            "禁毒知识宣传",
            "防范电信网络诈骗讲座",
            "预防校园欺凌主题班会",
            "宪法宣传周活动",
            "青少年法治知识竞赛",
        ],
        ["{school}举行{event}", "{street}开展{event}", "法治副校长在{school}主持{event}"],
        [
            "法治副校长{name}以身边的真实案例，讲解了{law}中与青少年相关的条款。",
            "同学们分组扮演审判长、公诉人和辩护人，在模拟庭审中体会程序的严肃。",
            "区司法局和区人民检察院的干警为家长解答了有关未成年人保护的问题。",
            "五老法律志愿者把{law}的要点编成顺口溜，让低年级孩子一听就记住。",
            "活动结束后，{n}名学生签下了远离毒品承诺书。",
            "民警提醒同学们，陌生人发来的链接不点，游戏充值要先问家长。",
            "知识竞赛分必答、抢答和风险题三个环节，{school}代表队获得第一名。",
            "老法官{name}退休后担任义务法治辅导员，已走进{n}个班级讲课。",
        ],
    ),
    Theme(
        "家庭教育",
        [
            "家长学校专题讲座",
            "家庭教育公益课堂",
            "“好家风好家训”分享会",
            "亲子沟通工作坊",
            "新手家长培训班",
            "隔代教育座谈会",
        ],
        ["{community}举办{event}", "{school}家长学校开设{event}", "{street}关工委开展{event}"],
        [
            "讲座围绕{topic}展开，{name}老师用一个个家庭故事提醒家长，陪伴比说教更重要。",
            "互动环节中，家长们提出了孩子不愿沟通、作息不规律等困惑，专家逐一作答。",
            "社区家庭教育指导站每周{weekday}晚上开放，由退休教师和心理咨询师轮流值班。",
            "{n}户家庭分享了自家的家训，有的写在门框上，有的记在孩子的日记本里。",
            "主讲人建议家长每天留出半小时，放下手头的事情，专心听孩子说说学校里的事。",
            "家长学校今年共开课{k}次，课程表在开学前通过班主任发到每个家庭。",
            "几位爷爷奶奶说，以前只管孩子吃饱穿暖，现在才知道还要听孩子说心里话。",
        ],
    ),
    Theme(
        "五老宣讲",
        [
            "五老宣讲团报告会",
            "五老志愿者座谈会",
            "“银发护苗”志愿服务",
            "老党员讲传统故事",
            "五老志愿者表彰会",
        ],
        ["{street}召开{event}", "{event}走进{school}", "区关工委举办{event}"],
        [
            "五老宣讲团成员、{age}岁的老{role}{name}讲述了{story}。",
            "{street}现有五老志愿者{n}名，他们中有老干部、老战士、老专家、老教师、老模范。",
            "一位退休老教师说，只要孩子们愿意听，我们就愿意一直讲下去。",
            "志愿者们每周{weekday}下午到{community}辅导孩子写作业，已经坚持了{years}年。",
            "会上，{n}名五老志愿者交流了一年来服务青少年的做法和体会。",
            "老战士{name}把珍藏多年的军功章带到课堂，让同学们轮流看一看、摸一摸。",
            "宣讲团今年已开展宣讲{k}十余场，听众超过{crowd}人次。",
        ],
    ),
    Theme(
        "关爱帮扶",
        [
            "走访慰问困境儿童",
            "“金秋助学”活动",
            "留守儿童暑期托管班",
            "爱心结对帮扶仪式",
            "新春送温暖活动",
        ],
        ["{street}关工委开展{event}", "{community}举办{event}", "区关工委{event}在{street}启动"],
        [
            "工作人员为{n}名困境儿童送去了书包、文具和过冬衣物。",
            "结对的五老志愿者每月至少上门一次，了解孩子的学习和生活。",
            "托管班开设了作业辅导、书法、手工和体育游戏等课程。",
            "{company}捐资{money}万元设立助学金，资助品学兼优的家庭困难学生。",
            "志愿者还帮几户家庭修好了台灯和书桌，让孩子有了安静的学习角。",
            "{street}关工委建立了困境儿童台账，做到一人一档、定期回访。",
            "孩子的奶奶拉着志愿者的手说，有你们常来看看，我们心里踏实。",
        ],
    ),
    Theme(
        "",
        [
            "防溺水安全教育",
            "交通安全进校园",
            "消防安全演练",
            "心理健康讲座",
            "科普进校园活动",
        ],
        ["{school}开展{event}", "{street}关工委组织{event}"],
        [
            "{school}组织全校师生进行了一次紧急疏散演练，全程用时{minutes}分钟。",
            "心理老师提醒，孩子情绪低落持续两周以上，家长要及时寻求专业帮助。",
            "志愿者用动画和实物模型讲解了溺水、触电、火灾等常见险情的自救方法。",
            "退休工程师{name}带来了自制的水火箭，现场演示了反冲原理。",
            "交警走进课堂，教低年级同学认识红绿灯和常见的交通标志。",
            "{school}在每个年级配备了心理委员，及时发现和报告同学的情绪变化。",
        ],
    ),
]

OPENINGS = [
    "{when}，{organizer}在{venue}举办{event}，{audience}{crowd}余人参加。",
    "{when}，{event}在{venue}举行，{organizer}组织{audience}参加。",
    "为{purpose}，{organizer}于{when}开展{event}。",
]
PURPOSES = [
    "丰富青少年的课余生活",
    "落实区关工委年度工作要点",
    "营造全社会关心下一代的良好氛围",
    "发挥五老的政治优势和经验优势",
    "帮助家长解决教育中的实际困难",
]
CLOSINGS = [
    "{street}关工委负责人表示，将把这项活动作为常态化工作抓实抓细。",
    "下一步，区关工委将总结经验，在全区推广。",
    "活动得到了学校和家长的一致好评。",
    "据了解，这是今年以来{street}开展的第{k}场同类活动。",
    "参加活动的同学说，这样的活动有意思，也有收获，希望以后多办。",
]
GENERAL_SENTENCES = [
    "区关工委常务副主任{name}到场指导，并向参加活动的五老志愿者表示感谢。",
    "{school}校长介绍，学校已把关工委工作纳入年度德育计划。",
    "活动的照片和视频已发布在{street}新时代文明实践站的公众号上。",
    "现场还设置了咨询台，解答家长关心的入学、托管和助学问题。",
    "不少家长带着孩子提前半小时就到了会场。",
    "{community}党支部书记{name}说，社区会继续为这类活动提供场地。",
    "这次活动由{n}名志愿者负责组织和安全保障。",
    "{street}各村居关工委主任也来到现场观摩学习。",
]
STANDARD_TITLES = [
    "{street}关工委简介",
    "{school}关工委工作制度",
    "{law}学习资料",
    "{street}五老志愿者名录说明",
    "{community}家庭教育指导站介绍",
]
STANDARD_SENTENCES = [
    "{street}关工委成立于{year}年，由街道党工委领导，下设办公室和五个工作组。",
    "工作组分别负责宣讲、法治、家庭教育、读书和关爱帮扶，每季度召开一次例会。",
    "本页整理了{law}中与未成年人有关的主要条款，供学校和家长学习参考。",
    "五老志愿者实行登记管理，服务时长按月统计，年底评选优秀志愿者。",
    "指导站设在{community}党群服务中心二楼，开放时间为每周{weekday}晚上七点至九点。",
    "如需预约咨询，请在工作日拨打街道关工委办公室电话。",
]


class Writer:
    """Turns fragments into titles and paragraphs with a seeded random generator."""

    def __init__(self, rng):
        self.rng = rng

    def pick(self, items):
        return self.rng.choice(items)

    def slots(self, **known):
        """Values for every placeholder a fragment may hold (the ones in ``known`` win)."""
        rng = self.rng
        street, community, school = self.pick(STREETS), self.pick(COMMUNITIES), self.pick(SCHOOLS)
        values = {
            "street": street,
            "community": community,
            "school": school,
            "name": self.pick(SURNAMES) + self.pick(GIVEN_NAMES),
            "book": self.pick(BOOKS),
            "law": self.pick(LAWS),
            "topic": self.pick(FAMILY_TOPICS),
            "story": self.pick(STORIES),
            "role": self.pick(ROLES),
            "weekday": self.pick(WEEKDAYS),
            "company": self.pick(COMPANIES),
            "purpose": self.pick(PURPOSES),
            "audience": self.pick(AUDIENCES),
            "n": rng.randint(12, 260),
            "crowd": rng.randint(3, 30) * 10,
            "k": rng.randint(2, 12),
            "age": rng.randint(68, 91),
            "years": rng.randint(2, 15),
            "money": rng.randint(2, 30),
            "minutes": rng.randint(3, 9),
            "year": rng.randint(1995, 2018),
        }
        values.update(known)
        values["venue"] = self.pick(VENUES).format(**values)
        values["organizer"] = self.pick(ORGANIZERS).format(**values)
        return values

    def paragraphs(self, theme, values, count):
        """An opening, ``count - 2`` paragraphs of two or three sentences, a closing.

        The middle sentences are the theme's and a few general ones, each used once, each
        with its own names and numbers; the place and the event stay those of the article.
        """
        rng = self.rng
        pool = [*theme.sentences, *rng.sample(GENERAL_SENTENCES, 4)]
        rng.shuffle(pool)
        paragraphs = [self.pick(OPENINGS).format(**values)]
        for _ in range(count - 2):
            if not pool:
                break
            take = rng.randint(2, 3)
            chosen, pool = pool[:take], pool[take:]
            paragraphs.append("".join(s.format(**self.slots(**_place(values))) for s in chosen))
        paragraphs.append(self.pick(CLOSINGS).format(**values))
        return paragraphs


def _place(values):
    return {key: values[key] for key in ("street", "community", "school", "event")}


def _when(day, rng):
    return f"{day.month}月{day.day}日{rng.choice(['上午', '下午', ''])}"


def news(writer, day):
    """Field values of a news article dated ``day``: title, intro, body paragraphs, source."""
    theme = writer.pick(THEMES)
    values = writer.slots(event=writer.pick(theme.events), when=_when(day, writer.rng))
    notice = writer.rng.random() < 0.1
    if notice:
        title = "关于开展{event}的通知".format(**values)
    else:
        title = writer.pick(theme.titles).format(**values)
    body = writer.paragraphs(theme, values, writer.rng.randint(5, 8))
    return {
        "title": title,
        "intro": body[0],
        "body": body,
        "source": writer.pick(NEWS_SOURCES).format(**values),
        "author": writer.pick(SURNAMES) + writer.pick(GIVEN_NAMES),
        "tag": theme.tag,
        "notice": notice,
    }


def activity(writer, day):
    """Field values of an activity on ``day``: title, intro, body, venue, organizer."""
    theme = writer.pick(THEMES)
    values = writer.slots(event=writer.pick(theme.events), when=_when(day, writer.rng))
    body = writer.paragraphs(theme, values, writer.rng.randint(2, 3))
    return {
        "title": writer.pick(theme.titles).format(**values),
        "intro": body[0],
        "body": body,
        "venue": values["venue"],
        "organizer": values["organizer"],
        "tag": theme.tag,
    }


def standard(writer):
    """Field values of a standard page (an introduction, rules, study material)."""
    values = writer.slots()
    sentences = list(STANDARD_SENTENCES)
    writer.rng.shuffle(sentences)
    body = [s.format(**values) for s in sentences[: writer.rng.randint(3, 6)]]
    return {"title": writer.pick(STANDARD_TITLES).format(**values), "intro": body[0], "body": body}


def spread(rng, start, end):
    """A random day between ``start`` and ``end`` (dates, inclusive)."""
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))
