"""Template tags for every public page: navigation, breadcrumbs, Chinese dates."""

import datetime

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, Site, get_page_models

from home import pagecache
from home.models.base import page_ancestors, site_pages

register = template.Library()

WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]


@register.filter
def cn_date(value, style=""):
    """Format a date or datetime the Chinese way: 2026年11月22日.

    ``style`` may add the weekday (``"weekday"``: 2026年11月22日 星期日) or the time
    (``"time"``: 2026年11月22日 14:00). Datetimes are shown in Beijing time.
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        day = value.date()
    else:
        day = value
    text = f"{day.year}年{day.month}月{day.day}日"
    if "weekday" in style:
        text += f" {WEEKDAYS[day.weekday()]}"
    if "time" in style and isinstance(value, datetime.datetime):
        text += f" {value:%H:%M}"
    return text


def _site_root(request):
    """The root page of the request's site in its own class, looked up once per request.

    Its own fields are deferred (``specific_deferred``: no query): the lists below it need
    its path, the menu its id, the search box its routes.
    """
    if request is None:
        return None
    if not hasattr(request, "_site_root_page"):
        site = Site.find_for_request(request)
        request._site_root_page = site.root_page.specific_deferred if site else None
    return request._site_root_page


def site_index(request, model):
    """The first live, public ``model`` page of the request's site (the news index, the
    calendar…; a model marked ``is_section_index``), as a plain page, for the 更多 links of
    the home page's lists; None if there is none."""
    return _site_indexes(request).get(model._meta.label_lower)


def _site_indexes(request):
    """The first live, public page of each section index type on the request's site, by
    model label: one query for all of them, once a request, remembered until the next
    change."""
    if request is not None and hasattr(request, "_site_indexes"):
        return request._site_indexes
    root = _site_root(request)

    def find():
        models = [model for model in get_page_models() if getattr(model, "is_section_index", False)]
        types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
        pages = site_pages().live().public().filter(content_type__in=types.values())
        labels = {ctype.pk: model._meta.label_lower for model, ctype in types.items()}
        found = {}
        for page in pages.descendant_of(root) if root else pages:
            found.setdefault(labels[page.content_type_id], page)
        return found

    indexes = pagecache.remember(f"indexes:{getattr(root, 'pk', 0)}", find)
    if request is not None:
        request._site_indexes = indexes
    return indexes


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` made absolute with the request's scheme and host (works for media on
    another host too: an absolute ``url`` is returned as it is)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request and url else url or ""


@register.simple_tag(takes_context=True)
def link_href(context, link):
    """The address of a link block's value (``home.blocks.LinkValue``), empty when its page
    is not published: ``{% link_href link.value as href %}``."""
    return link.href_for(context.get("request"))


@register.simple_tag(takes_context=True)
def tag_url(context, tag):
    """The address of the site-wide page of ``tag`` (/tags/<tag>/)."""
    request = context.get("request")
    root = _site_root(request)
    return root.tag_url(tag, request) if hasattr(root, "tag_url") else ""


@register.simple_tag(takes_context=True)
def site_search_url(context):
    """The address of this site's search page (/search/), for the box in the header."""
    root = _site_root(context.get("request"))
    return root.search_url(context.get("request")) if hasattr(root, "search_url") else ""


def _on_the_page_itself(request):
    """False on a route of a routable page other than its own address (/search/, /tags/ on
    the home page), where the menu should not mark the page as the current one."""
    match = getattr(request, "routable_resolver_match", None)
    return match is None or match.url_name == "index_route"


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The top navigation: the home page, then its live children marked show_in_menus."""
    request = context.get("request")
    root = _site_root(request)
    items = (
        pagecache.remember(
            f"menu:{root.pk}",
            lambda: list(site_pages().child_of(root).live().public().in_menu()),
            every_page=True,
        )
        if root
        else []
    )
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    for item in items:
        item.is_active = bool(current_path) and current_path.startswith(item.path)
        item.is_current = getattr(current, "pk", None) == item.pk
    return {
        "root": root,
        "items": items,
        "home_active": bool(root)
        and getattr(current, "pk", None) == root.pk
        and _on_the_page_itself(request),
        "request": request,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current=None):
    """首页 › … › current page, for pages below the home page. With ``current``, the trail
    goes on past ``page`` to a view that is not a page (报名 below an activity)."""
    request = context.get("request")
    ancestors = [a for a in page_ancestors(page) if a.depth >= 2] if page.depth > 2 else []
    crumbs = [
        ("首页" if ancestor.depth == 2 else ancestor.title, ancestor.get_url(request))
        for ancestor in ancestors
    ]
    if current:
        crumbs.append((page.title, page.get_url(request)))
    return {"crumbs": crumbs, "current": current or page.title}
