"""What every content page shares: a summary, a listing image, tags and search fields;
and the page queryset every page listing starts from."""

import contextvars

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet as WagtailPageQuerySet
from wagtail.search import index

_view_restrictions = contextvars.ContextVar("page_view_restrictions", default=None)


class SitePageQuerySet(WagtailPageQuerySet):
    """Wagtail's page queryset, whose ``public()`` reads the view restrictions once a request.

    Wagtail's ``private_q`` fetches every ``PageViewRestriction`` each time it is called: the
    home page, which lists news, notices, activities and write-ups, called it eleven times.
    While a request is served the answer is kept and reused (``remember_view_restrictions``
    and ``forget_view_restrictions`` run on Django's request_started and request_finished
    signals). Outside a request (commands, tests calling code directly) every call asks
    the database, as Wagtail does.
    """

    def private_q(self):
        memo = _view_restrictions.get()
        if memo is None:
            return super().private_q()
        if "private_q" not in memo:
            memo["private_q"] = super().private_q()
        return memo["private_q"]


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


def site_pages():
    """All pages of every type, as ``Page.objects`` but with the queryset above."""
    return SitePageQuerySet(Page).order_by("path")


def remember_view_restrictions(**kwargs):
    _view_restrictions.set({})


def forget_view_restrictions(**kwargs):
    _view_restrictions.set(None)


class PageTag(TaggedItemBase):
    """One tag vocabulary for the whole site: every page type tags through this model."""

    content_object = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "页面标签"
        verbose_name_plural = "页面标签"

    @classmethod
    def public_tags(cls, pages=None):
        """Tags carried by live, public pages (of ``pages``, if given)."""
        from taggit.models import Tag

        pages = pages if pages is not None else site_pages().live().public()
        return Tag.objects.filter(
            pk__in=cls.objects.filter(content_object__in=pages).values("tag_id")
        )


class BasePage(Page):
    """Abstract base of content pages: summary (摘要), listing image and tags.

    The summary is shown in listings and used as the meta description when no
    search description is set.
    """

    intro = models.TextField(
        "摘要",
        blank=True,
        max_length=300,
        help_text="一两句话，显示在列表和搜索结果中（300字以内）。",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="列表配图",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager("标签", through=PageTag, blank=True)

    objects = SitePageManager()

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        # Tags are the editors' own keywords; search ranks a page tagged 家庭教育 high for
        # 家庭教育 (home/search/results.py).
        index.SearchField("tags"),
        index.FilterField("first_published_at"),
    ]

    # Subclasses end their content panels with ``tags_panel``: editors tag as they write.
    tags_panel = FieldPanel("tags")
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.intro
