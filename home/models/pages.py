"""The home page and standard pages (关于我们, 组织机构, 联系我们, 隐私政策 …)."""

from django.db import models
from django.db.models import Count
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, LinkBlock
from home.filters import public_tag_or_404
from home.pagination import paginate
from home.search import views as search_views

from .base import BasePage, ServingMixin, site_pages

TAGGED_PER_PAGE = 30


class HomePage(ServingMixin, RoutablePageMixin, Page):
    """The site's front page: a hero with the mission, news and notices, quick links and a
    call to volunteer. It also serves the site-wide tag pages, /tags/ and /tags/<tag>/,
    and the site search, /search/.

    Later features add their own sections (upcoming activities, campaigns) through
    inclusion template tags, so this model never imports them.
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
    # Read with the page when it is served (home/models/base.py: ServingMixin).
    select_with_page = ["hero_image", "about_page", "volunteer_page"]

    class Meta:
        verbose_name = "首页"
        verbose_name_plural = "首页"

    def popular_tags(self):
        """Tags of this site's live, public pages, most used first (with ``page_count``)."""
        return (
            Tag.objects.filter(home_pagetag_items__content_object__in=self.tagged_pages())
            .annotate(page_count=Count("home_pagetag_items"))
            .order_by("-page_count", "name")
        )

    def tagged_pages(self):
        """Every live, public page of this site that carries a tag (any type)."""
        return site_pages().live().public().descendant_of(self, inclusive=True)

    @path("tags/", name="tags")
    def tag_index_view(self, request):
        return self.render(
            request,
            template="home/tag_index_page.html",
            context_overrides={
                "tags": self.popular_tags(),
                "breadcrumb_trail": [("首页", self.get_url(request))],
                "breadcrumb_current": "标签",
            },
        )

    @path("tags/<str:slug>/", name="tag")
    def tag_view(self, request, slug):
        """Everything public with this tag, grouped by page type."""
        tag = public_tag_or_404(slug, self.tagged_pages())
        pages = (
            self.tagged_pages()
            .filter(tagged_items__tag=tag)
            .order_by("content_type_id", "-first_published_at", "-pk")
        )
        page_obj = paginate(request, pages, TAGGED_PER_PAGE)
        groups = {}
        for item in page_obj.object_list.specific():
            label = item.specific_class._meta.verbose_name
            groups.setdefault(label, []).append(item)
        return self.render(
            request,
            template="home/tag_page.html",
            context_overrides={
                "tag": tag,
                "groups": groups,
                "page_obj": page_obj,
                "breadcrumb_trail": [
                    ("首页", self.get_url(request)),
                    ("标签", self.get_url(request) + self.reverse_subpage("tags")),
                ],
                "breadcrumb_current": tag.name,
            },
        )

    @path("search/", name="search")
    def search_view(self, request):
        """搜索: the site search, with a filter by page type (see home/search/)."""
        return search_views.search(self, request)

    def search_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("search")

    def tag_url(self, tag, request=None):
        return self.get_url(request) + self.reverse_subpage("tag", kwargs={"slug": tag.slug})


class StandardPage(BasePage):
    """A page of free content: 关于我们, 组织机构, 联系我们, 隐私政策 and the like."""

    body = StreamField(BodyBlock(), verbose_name="正文", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body"), BasePage.tags_panel]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = "普通页面"
        verbose_name_plural = "普通页面"
