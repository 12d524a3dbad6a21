"""RSS 2.0 and Atom feeds of a news index, optionally narrowed by category and tag."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home.models.site_settings import SiteSettings

FEED_LENGTH = 20


class NewsFeed(Feed):
    """The latest articles of ``index``, with the same ?category= and ?tag= filters as
    the index page. Links are made absolute from the request's host."""

    def __init__(self, index, kind):
        super().__init__()
        self.index = index
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.kind = kind

    def get_object(self, request, *args, **kwargs):
        self.request = request
        articles, filters = self.index.filter_articles(request)
        self.filters = filters
        return articles

    def title(self, obj):
        parts = [SiteSettings.for_request(self.request).committee_name, self.index.title]
        if "category" in self.filters:
            parts.append(self.filters["category"].name)
        if "tag" in self.filters:
            parts.append(f"标签：{self.filters['tag'].name}")
        return " - ".join(parts)

    def link(self, obj):
        return self.index.get_url(self.request)

    def feed_url(self, obj):
        return self.request.get_full_path()

    def description(self, obj):
        return self.index.intro or self.title(obj)

    def items(self, obj):
        return obj[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        """A tag: URI (RFC 4151) that survives slug changes: tag:host,2026-11-20:news-42."""
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},{item.date:%Y-%m-%d}:news-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return item.author or item.source or None

    def item_categories(self, item):
        return [item.category.name] if item.category else []
