"""学校活动报道: write-ups of events schools held, linked to a school and optionally to a
campaign and an activity. (Staff can write them in the admin; the schools' own
submission portal comes with its own issue.)"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from activities.models.gallery import PhotoGalleryMixin
from home.filters import filter_values
from home.images import with_renditions
from home.models import BasePage
from home.models.base import SitePageManager, SitePageQuerySet
from home.pagination import paginate

WRITEUPS_PER_PAGE = 10
LISTING_RENDITION = "fill-480x300|format-webp"


class WriteUpPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Live, public write-ups with their school: the one listing query."""
        writeups = self.live().public().select_related("school").order_by("-event_date", "-pk")
        return with_renditions(writeups, "listing_image", LISTING_RENDITION)


WriteUpPageManager = SitePageManager.from_queryset(WriteUpPageQuerySet)


class WriteUpIndexPage(RoutablePageMixin, BasePage):
    """学校活动报道: every published write-up, newest event first, filtered by school,
    campaign and year; and a public page per school."""

    is_section_index = True  # a section's front page, found by site_tags.site_index

    subpage_types = ["activities.WriteUpPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "学校报道列表页"
        verbose_name_plural = "学校报道列表页"

    def writeups(self):
        return WriteUpPage.objects.child_of(self).for_listing()

    @path("")
    def index_view(self, request):
        from activities.models import CampaignPage, School

        values = filter_values(request)
        writeups = self.writeups()
        filters = {}
        if values["school"]:
            filters["school"] = get_object_or_404(School, pk=values["school"])
            writeups = writeups.filter(school=filters["school"])
        if values["campaign"]:
            filters["campaign"] = get_object_or_404(
                CampaignPage.objects.live().public(), pk=values["campaign"]
            )
            writeups = writeups.filter(campaign=filters["campaign"])
        if values["year"]:
            filters["year"] = values["year"]
            writeups = writeups.filter(event_date__year=values["year"])
        published = self.writeups()
        return self.render(
            request,
            context_overrides={
                "page_obj": paginate(request, writeups, WRITEUPS_PER_PAGE),
                "filters": filters,
                "schools": School.objects.filter(writeups__in=published).distinct(),
                "campaigns": CampaignPage.objects.live()
                .public()
                .filter(writeups__in=published)
                .distinct(),
                "years": [d.year for d in published.dates("event_date", "year", order="DESC")],
            },
        )

    @path("school/<int:school_id>/", name="school")
    def school_view(self, request, school_id):
        """A school's public page: its published write-ups and the campaigns it joins."""
        from activities.models import CampaignPage, School

        school = get_object_or_404(School, pk=school_id)
        return self.render(
            request,
            template="activities/school_page.html",
            context_overrides={
                "school": school,
                "page_obj": paginate(
                    request, self.writeups().filter(school=school), WRITEUPS_PER_PAGE
                ),
                "campaigns": CampaignPage.objects.live()
                .public()
                .filter(schools=school)
                .order_by("-start_date"),
            },
        )


class WriteUpPage(PhotoGalleryMixin, BasePage):
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
    shows_students = models.BooleanField("照片中有学生", default=False)
    guardian_consent = models.BooleanField(
        "已取得监护人同意",
        default=False,
        help_text="照片中有不满14周岁的学生时，必须取得监护人同意（个人信息保护法第三十一条）",
    )

    objects = WriteUpPageManager()
    select_with_page = ["school"]

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
        FieldRowPanel([FieldPanel("shows_students"), FieldPanel("guardian_consent")]),
        BasePage.tags_panel,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    # Its own group in the search page's 按类型 filter (home/search/results.py).
    search_label = "学校报道"
    parent_page_types = ["activities.WriteUpIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "学校报道"
        verbose_name_plural = "学校报道"
        # Lists read the newest event first (``for_listing``), in this index's order.
        indexes = [models.Index(fields=["event_date", "page_ptr"], name="writeup_date_order")]

    def clean(self):
        super().clean()
        if self.shows_students and not self.guardian_consent:
            raise ValidationError(
                {"guardian_consent": "照片中有学生时，必须先取得监护人同意，并勾选这一项。"}
            )

    def paragraphs(self):
        return [line.strip() for line in self.body.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = list(self.gallery())
        return context


class WriteUpPhoto(Orderable):
    writeup = ParentalKey(WriteUpPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="照片", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("说明", max_length=100, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
