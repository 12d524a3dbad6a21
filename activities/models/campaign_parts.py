"""What staff list on a campaign page: books, topics, the 法治副校长 roster and awards (blocks
of the page's own StreamFields, stored in the page row), and photos (an inline)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable
from wagtail.snippets.blocks import SnippetChooserBlock

GRADE_BANDS = [
    ("preschool", "学前"),
    ("lower", "小学低年级（1—2年级）"),
    ("middle", "小学中年级（3—4年级）"),
    ("upper", "小学高年级（5—6年级）"),
    ("junior", "初中"),
    ("senior", "高中"),
]
ADVISOR_ROLES = [("vice_principal", "法治副校长"), ("counsellor", "法治辅导员")]


class BookBlock(blocks.StructBlock):
    """A book on a reading campaign's list."""

    title = blocks.CharBlock(label="书名", max_length=100)
    author = blocks.CharBlock(label="作者", max_length=60, required=False)
    grade_band = blocks.ChoiceBlock(label="适读年级", choices=GRADE_BANDS)
    note = blocks.CharBlock(label="推荐语", max_length=200, required=False)
    cover = ImageChooserBlock(label="封面（可不传）", required=False)

    class Meta:
        icon = "doc-full"
        label = "书目"


class TopicBlock(blocks.StructBlock):
    """A topic of a legal-education campaign (e.g. 预防校园欺凌)."""

    title = blocks.CharBlock(label="主题", max_length=60)
    description = blocks.CharBlock(label="简要说明", max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = "主题"


class AdvisorValue(blocks.StructValue):
    def role_label(self):
        return dict(ADVISOR_ROLES).get(self.get("role"), "")


class AdvisorBlock(blocks.StructBlock):
    """法治副校长 or 法治辅导员 serving schools in a legal-education campaign."""

    name = blocks.CharBlock(label="姓名", max_length=20)
    role = blocks.ChoiceBlock(label="职务", choices=ADVISOR_ROLES, default="vice_principal")
    organisation = blocks.CharBlock(label="工作单位", max_length=60, help_text="例如：区人民检察院")
    schools_served = blocks.CharBlock(
        label="服务学校", max_length=200, required=False, help_text="多所学校用顿号分开"
    )

    class Meta:
        icon = "user"
        label = "人员"
        value_class = AdvisorValue


class AwardBlock(blocks.StructBlock):
    """A result: an award given to an entrant (a pupil, a class, a school) for a work."""

    award = blocks.CharBlock(label="奖项", max_length=30, help_text="例如：一等奖、优秀组织奖")
    school = SnippetChooserBlock("activities.School", label="学校", required=False)
    entrant = blocks.CharBlock(
        label="获奖者", max_length=60, required=False, help_text="学生请只写姓名"
    )
    work_title = blocks.CharBlock(label="作品", max_length=100, required=False)

    class Meta:
        icon = "pick"
        label = "获奖"


class CampaignPhoto(Orderable):
    campaign = ParentalKey(
        "activities.CampaignPage", on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="照片", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("说明", max_length=100, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
