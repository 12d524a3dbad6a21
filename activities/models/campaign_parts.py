"""What staff list on a campaign page: books, topics, the 法治副校长 roster, awards, photos."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

GRADE_BANDS = [
    ("preschool", "学前"),
    ("lower", "小学低年级（1—2年级）"),
    ("middle", "小学中年级（3—4年级）"),
    ("upper", "小学高年级（5—6年级）"),
    ("junior", "初中"),
    ("senior", "高中"),
]
ADVISOR_ROLES = [("vice_principal", "法治副校长"), ("counsellor", "法治辅导员")]


def _campaign(related_name):
    return ParentalKey(
        "activities.CampaignPage", on_delete=models.CASCADE, related_name=related_name
    )


class ReadingListItem(Orderable):
    """A book on a reading campaign's list."""

    campaign = ParentalKey(
        "activities.CampaignPage", on_delete=models.CASCADE, related_name="reading_list"
    )
    title = models.CharField("书名", max_length=100)
    author = models.CharField("作者", max_length=60, blank=True)
    grade_band = models.CharField("适读年级", max_length=10, choices=GRADE_BANDS)
    note = models.CharField("推荐语", max_length=200, blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="封面（可不传）",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("author")]),
        FieldPanel("grade_band"),
        FieldPanel("note"),
        FieldPanel("cover"),
    ]


class CampaignTopic(Orderable):
    """A topic of a legal-education campaign (e.g. 预防校园欺凌)."""

    campaign = ParentalKey(
        "activities.CampaignPage", on_delete=models.CASCADE, related_name="topics"
    )
    title = models.CharField("主题", max_length=60)
    description = models.CharField("简要说明", max_length=200, blank=True)


class LegalAdvisor(Orderable):
    """法治副校长 or 法治辅导员 serving schools in a legal-education campaign."""

    campaign = ParentalKey(
        "activities.CampaignPage", on_delete=models.CASCADE, related_name="advisors"
    )
    name = models.CharField("姓名", max_length=20)
    role = models.CharField("职务", max_length=20, choices=ADVISOR_ROLES, default="vice_principal")
    organisation = models.CharField("工作单位", max_length=60, help_text="例如：区人民检察院")
    schools_served = models.CharField(
        "服务学校", max_length=200, blank=True, help_text="多所学校用顿号分开"
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("organisation"),
        FieldPanel("schools_served"),
    ]


class CampaignAward(Orderable):
    """A result: an award given to an entrant (a pupil, a class, a school) for a work."""

    campaign = ParentalKey(
        "activities.CampaignPage", on_delete=models.CASCADE, related_name="awards"
    )
    award = models.CharField("奖项", max_length=30, help_text="例如：一等奖、优秀组织奖")
    school = models.ForeignKey(
        "activities.School",
        verbose_name="学校",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entrant = models.CharField("获奖者", max_length=60, blank=True, help_text="学生请只写姓名")
    work_title = models.CharField("作品", max_length=100, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("award"), FieldPanel("school")]),
        FieldRowPanel([FieldPanel("entrant"), FieldPanel("work_title")]),
    ]


class CampaignPhoto(Orderable):
    campaign = ParentalKey(
        "activities.CampaignPage", on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="照片", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("说明", max_length=100, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
