"""What every content page shares: a summary, a listing image, tags and search fields."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


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

        pages = pages if pages is not None else Page.objects.live().public()
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
