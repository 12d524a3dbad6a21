"""Inclusion tags that show news elsewhere (the home page)."""

from django import template
from django.db.models import Q

from home import pagecache
from home.models import NewsCategory, NewsIndexPage, NewsPage
from home.templatetags.site_tags import _site_root, site_index

register = template.Library()


@register.inclusion_tag("home/includes/latest_news.html", takes_context=True)
def latest_news(context, count=6, notices=False):
    """The newest public articles of this site: notices (通知公告) only, or all the rest."""
    request = context.get("request")
    root = _site_root(request)
    is_notice = Q(category__is_notice=True)
    articles = NewsPage.objects.for_listing().filter(
        is_notice if notices else ~is_notice | Q(category=None)
    )
    if root is not None:
        articles = articles.descendant_of(root)
    articles = list(articles[:count])
    index = site_index(request, NewsIndexPage)
    more_url = index.get_url(request) if index else ""
    if index and notices:
        # The first notice category (by its order) among those listed; when none is
        # listed, the first of all.
        category = min(
            (article.category for article in articles),
            key=lambda category: (category.sort_order, category.name),
            default=None,
        ) or pagecache.remember(
            "notice-category", lambda: NewsCategory.objects.filter(is_notice=True).first()
        )
        more_url = f"{more_url}?category={category.slug}" if category else more_url
    return {
        "articles": articles,
        "notices": notices,
        "more_url": more_url,
        "request": request,
    }
