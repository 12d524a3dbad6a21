"""The home page and standard pages (关于我们, 组织机构, 联系我们, 隐私政策 …)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, LinkBlock

from .base import BasePage


class HomePage(Page):
    """The site's front page: a hero with the mission, quick links and a call to volunteer.

    Later features add their own sections (latest news, upcoming activities, campaigns)
    through inclusion template tags, so this model never imports them.
    """

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="首屏图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_title = models.CharField("首屏标题", max_length=40, blank=True)
    mission = models.TextField("宗旨", max_length=200, blank=True, help_text="一句话介绍本会宗旨。")
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="“了解更多”链接页面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quick_links = StreamField(
        [("link", LinkBlock())], verbose_name="快捷入口", blank=True, max_num=8
    )
    volunteer_title = models.CharField("志愿者招募标题", max_length=40, blank=True)
    volunteer_text = models.TextField("志愿者招募说明", max_length=300, blank=True)
    volunteer_button_text = models.CharField("按钮文字", max_length=12, default="我要报名")
    volunteer_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="志愿者报名页面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_title"),
                FieldPanel("mission"),
                FieldPanel("about_page"),
            ],
            heading="首屏",
        ),
        FieldPanel("quick_links"),
        MultiFieldPanel(
            [
                FieldPanel("volunteer_title"),
                FieldPanel("volunteer_text"),
                FieldPanel("volunteer_button_text"),
                FieldPanel("volunteer_page"),
            ],
            heading="志愿者招募",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("mission")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "首页"
        verbose_name_plural = "首页"


class StandardPage(BasePage):
    """A page of free content: 关于我们, 组织机构, 联系我们, 隐私政策 and the like."""

    body = StreamField(BodyBlock(), verbose_name="正文", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = "普通页面"
        verbose_name_plural = "普通页面"
