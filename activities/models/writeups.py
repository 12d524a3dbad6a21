"""学校活动报道: write-ups of events schools held, linked to a school and optionally to a
campaign and an activity. (Staff can write them in the admin; the schools' own
submission portal comes with its own issue.)"""

import datetime

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from home.models import BasePage
from home.pagination import paginate

WRITEUPS_PER_PAGE = 10


class WriteUpPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Live, public write-ups with their school: the one listing query."""
        return (
            self.live()
            .public()
            .select_related("school", "listing_image")
            .order_by("-event_date", "-pk")
        )


WriteUpPageManager = PageManager.from_queryset(WriteUpPageQuerySet)


class WriteUpIndexPage(BasePage):
    """学校活动报道: every published write-up, newest event first."""

    subpage_types = ["activities.WriteUpPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "学校报道列表页"
        verbose_name_plural = "学校报道列表页"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        writeups = WriteUpPage.objects.child_of(self).for_listing()
        context["page_obj"] = paginate(request, writeups, WRITEUPS_PER_PAGE)
        return context


class WriteUpPage(BasePage):
    """A school's report of an event it held: plain paragraphs, photos, who wrote it."""

    school = models.ForeignKey(
        "activities.School",
        verbose_name="学校",
        null=True,
        on_delete=models.SET_NULL,
        related_name="writeups",
    )
    event_date = models.DateField("活动日期", default=datetime.date.today)
    campaign = models.ForeignKey(
        "activities.CampaignPage",
        verbose_name="所属主题教育活动",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="writeups",
    )
    activity = models.ForeignKey(
        "activities.ActivityPage",
        verbose_name="相关活动",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="writeups",
    )
    author_name = models.CharField("撰稿人", max_length=40, blank=True)
    body = models.TextField("正文", help_text="只写文字，一段一行；不支持格式和链接")

    objects = WriteUpPageManager()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("school"), FieldPanel("event_date")]),
                FieldRowPanel([FieldPanel("campaign"), FieldPanel("activity")]),
                FieldPanel("author_name"),
            ],
            heading="报道信息",
        ),
        FieldPanel("body"),
        InlinePanel("photos", heading="照片", label="照片", max_num=9),
        BasePage.tags_panel,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["activities.WriteUpIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "学校报道"
        verbose_name_plural = "学校报道"

    def paragraphs(self):
        return [line.strip() for line in self.body.splitlines() if line.strip()]


class WriteUpPhoto(Orderable):
    writeup = ParentalKey(WriteUpPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="照片", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("说明", max_length=100, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
