"""News (新闻动态) and notices (通知公告): categories, the news index and articles."""

import datetime

from django import forms
from django.db import models
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home import pagecache
from home.blocks import BodyBlock
from home.feeds import NewsFeed
from home.filters import filter_values, public_tag_or_404
from home.images import with_renditions
from home.pagination import paginate

from .base import BasePage, SitePageManager, SitePageQuerySet
from .workplans import recent_points

NEWS_PER_PAGE = 10
LISTING_RENDITION = "fill-480x300|format-webp"


class NewsCategory(models.Model):
    """A category of news (工作动态, 通知公告 …), edited by staff as a snippet."""

    name = models.CharField("名称", max_length=20, unique=True)
    slug = models.SlugField(
        "网址名称", max_length=40, unique=True, help_text="用于网址，只能包含英文字母、数字和连字符"
    )
    is_notice = models.BooleanField(
        "作为通知公告",
        default=False,
        help_text="勾选后，这一类的文章在首页“通知公告”栏中单独显示。",
    )
    sort_order = models.PositiveSmallIntegerField("排序", default=0, help_text="数字小的排在前面")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("is_notice"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "新闻分类"
        verbose_name_plural = "新闻分类"

    def __str__(self):
        return self.name


class NewsPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Public articles, newest first, with what a listing shows: the one listing query."""
        articles = self.live().public().select_related("category").order_by("-date", "-pk")
        return with_renditions(articles, "lead_image", LISTING_RENDITION)


NewsPageManager = SitePageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """新闻动态: lists its articles, filtered by category, tag and year, with RSS and Atom feeds."""

    is_section_index = True  # a section's front page, found by site_tags.site_index

    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "新闻列表页"
        verbose_name_plural = "新闻列表页"

    def articles(self):
        return NewsPage.objects.child_of(self).for_listing()

    def filter_articles(self, request):
        """Apply ?category=, ?tag= and ?year= (combined); an unknown value is a 404."""
        values = filter_values(request)
        articles = self.articles()
        filters = {}
        if values["category"]:
            filters["category"] = get_object_or_404(NewsCategory, slug=values["category"])
            articles = articles.filter(category=filters["category"])
        if values["tag"]:
            filters["tag"] = public_tag_or_404(values["tag"])
            articles = articles.filter(tagged_items__tag=filters["tag"])
        if values["year"]:
            filters["year"] = values["year"]
            articles = articles.filter(date__year=filters["year"])
        return articles, filters

    @path("")
    def index_view(self, request):
        articles, filters = self.filter_articles(request)
        # The count and the years are kept until the next change; the rows and the filter
        # lists are read only when the template's "news-listing" section is not kept.
        chosen = ",".join(
            f"{name}={getattr(value, 'pk', value)}" for name, value in filters.items()
        )
        count_key = f"news:{self.pk}:{chosen}"
        page_obj = paginate(request, articles, NEWS_PER_PAGE, count_key=count_key)
        years = pagecache.remember(
            f"news-years:{self.pk}",
            lambda: [d.year for d in self.articles().dates("date", "year", order="DESC")],
        )
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "filters": filters,
                "categories": NewsCategory.objects.all(),
                "years": years,
            },
        )

    @path("rss/", name="rss")
    def rss_view(self, request):
        return NewsFeed(self, "rss")(request)

    @path("atom/", name="atom")
    def atom_view(self, request):
        return NewsFeed(self, "atom")(request)


class NewsPage(BasePage):
    """A news article or notice: date, source, author, lead image, category and tags.

    The summary (摘要, from BasePage) is shown in listings and used as the meta description.
    """

    date = models.DateField("发布日期", default=datetime.date.today)
    category = models.ForeignKey(
        NewsCategory,
        verbose_name="分类",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField("来源", max_length=60, blank=True, help_text="例如：区关工委办公室")
    author = models.CharField("作者/记者", max_length=60, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="头图",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField("头图说明", max_length=200, blank=True)
    body = StreamField(BodyBlock(), verbose_name="正文", blank=True)
    work_points = ParentalManyToManyField(
        "home.WorkPoint",
        verbose_name="落实的工作要点",
        blank=True,
        related_name="news_pages",
        limit_choices_to=recent_points,
        help_text="这篇新闻报道的是哪几条工作要点的落实情况（可不选）",
    )

    objects = NewsPageManager()
    select_with_page = ["category"]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("category"),
                FieldPanel("source"),
                FieldPanel("author"),
            ],
            heading="发布信息",
        ),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")], heading="头图"
        ),
        FieldPanel("body"),
        BasePage.tags_panel,
        FieldPanel("work_points", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("source"),
        index.FilterField("date"),
    ]

    # Its own group in the search page's 按类型 filter (home/search/results.py).
    search_label = "新闻"
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "新闻"
        verbose_name_plural = "新闻"
        # Lists read the newest first (``for_listing``): with this index the database walks
        # the articles in that order and stops at a page's worth, instead of sorting all.
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_date_order")]

    @property
    def card_image(self):
        return self.lead_image or self.listing_image

    @property
    def published_at(self):
        """An aware datetime for feeds: the first publication time if it fell on the
        article's date, otherwise the start of that day in Beijing time."""
        first = self.first_published_at
        if first and timezone.localtime(first).date() == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))

    def _siblings(self):
        return NewsPage.objects.live().public().sibling_of(self, inclusive=False)

    def previous_article(self):
        """The next older article in the same index."""
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return self._siblings().filter(older).order_by("-date", "-pk").first()

    def next_article(self):
        """The next newer article in the same index."""
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        return self._siblings().filter(newer).order_by("date", "pk").first()

    def related_articles(self, limit=3):
        """Up to ``limit`` articles sharing the most tags with this one, newest first."""
        tag_ids = [tag.pk for tag in self.tag_list]
        if not tag_ids:
            return []
        return list(
            NewsPage.objects.for_listing()
            .filter(tagged_items__tag_id__in=tag_ids)
            .exclude(pk=self.pk)
            .annotate(shared_tags=Count("tagged_items"))
            .order_by("-shared_tags", "-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's "article-links" section is not kept.
        links = pagecache.on_use(
            lambda: {
                "previous_article": self.previous_article(),
                "next_article": self.next_article(),
                "related_articles": self.related_articles(),
            },
            ["previous_article", "next_article", "related_articles"],
        )
        context.update(links)
        return context
