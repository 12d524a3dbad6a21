"""What every content page shares: a summary, a listing image, tags and search fields;
and the page queryset every page listing starts from."""

import contextvars

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet as WagtailPageQuerySet
from wagtail.search import index

from home import pagecache

# What a public request reads once and reuses: the view restrictions, and each page's
# ancestors. Set for GET and HEAD requests only (request_started), cleared when the response
# is done (request_finished); outside a request, or while a form is posted, every call asks
# the database, as Wagtail does.
_request_memo = contextvars.ContextVar("page_request_memo", default=None)


def remember_for_request(environ=None, **kwargs):
    method = (environ or {}).get("REQUEST_METHOD", "GET")
    _request_memo.set({"ancestors": {}} if method in ("GET", "HEAD") else None)


def forget_for_request(**kwargs):
    _request_memo.set(None)


def request_memo():
    """The dict a public GET or HEAD request keeps what it read in, or None (elsewhere)."""
    return _request_memo.get()


def view_restrictions():
    """Every ``PageViewRestriction`` with its page: read once a request, and kept in the
    shared cache until the next change (a restriction added or removed bumps the version,
    home/pagecache.py)."""

    def read():
        # Without the passwords of password-protected pages: serving never needs them
        # (Wagtail's password form reads its restriction afresh), and they stay out of Redis.
        return list(PageViewRestriction.objects.select_related("page").defer("password"))

    memo = _request_memo.get()
    if memo is None:
        return read()
    if "restrictions" not in memo:
        memo["restrictions"] = pagecache.remember("view-restrictions", read, every_page=True)
    return memo["restrictions"]


def _fetch_whole(page, parent=None):
    """The page to serve, in its own class, with the related rows its template always shows
    (``select_with_page`` on the model: a category, a school) in the same query."""
    model = page.specific_class
    if model is None:
        return page
    related = getattr(model, "select_with_page", ())
    whole = model._default_manager.select_related(*related).get(pk=page.pk)
    if parent is not None:
        whole._cached_parent_obj = parent
    return whole


def routing_root(page):
    """A site's root page (a plain ``Page``) in its own class, for Wagtail to route from
    (``site.root_page.specific``). When routing goes through ``ServingMixin`` first, its own
    fields are left unread (no query): the pages below it only need its path, and it reads
    itself whole when it is the page served. Otherwise it is read whole, as Wagtail does."""
    model = page.specific_class
    if model is not None and model.route is ServingMixin.route:
        return page.specific_deferred
    return page.specific


def _has_route(page_class, components):
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in components))
    except Resolver404:
        return False
    return True


def page_ancestors(page):
    """``page.get_ancestors()`` as a list; read once a request per page, so that
    breadcrumbs and Wagtail's view-restriction check share one query."""
    memo = _request_memo.get()
    if memo is None:
        return list(page.get_ancestors())
    if page.pk not in memo["ancestors"]:
        memo["ancestors"][page.pk] = list(page.get_ancestors())
    return memo["ancestors"][page.pk]


class SitePageQuerySet(WagtailPageQuerySet):
    """Wagtail's page queryset, whose ``public()`` reads the view restrictions once a request.

    Wagtail's ``private_q`` fetches every ``PageViewRestriction`` each time it is called: the
    home page, which lists news, notices, activities and write-ups, called it eleven times.
    Here it is built from ``view_restrictions()``, the same rows, read once a request.
    """

    def private_q(self):
        q = Q()
        for restriction in view_restrictions():
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        # Match no page when no section is private (as Wagtail does).
        return q if q else Q(pk__in=[])


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


def site_pages():
    """All pages of every type, as ``Page.objects`` but with the queryset above."""
    return SitePageQuerySet(Page).order_by("path")


class ServingMixin:
    """For page models: Wagtail's routing and view-restriction check, in fewer queries.

    - ``route`` finds every page on the rest of the path, and their ancestors, in one query,
      where Wagtail asks for each level's child and then its own fields; only the page
      served is fetched whole. A site's root page comes unread (``routing_root``) and reads
      itself when it is the page served: on a routable root, put this mixin first in the
      bases, before ``RoutablePageMixin``, so that it routes first.
    - ``get_view_restrictions`` answers from what the request has already read
      (``view_restrictions()`` and ``page_ancestors()``) instead of two more queries.
    """

    def route(self, request, path_components):
        if self._serves_itself(path_components):
            page = self
            if self.get_deferred_fields():
                # A site's root as ``routing_root`` gives it, its own fields unread: read
                # whole, and kept until the next change as the site is.
                page = pagecache.remember(f"root-page:{self.pk}", lambda: _fetch_whole(self))
            return super(ServingMixin, page).route(request, path_components)
        # url_path is unique: every slug is unique among its siblings. url_path has no
        # index, slug has: the slugs narrow the rows to read to a handful.
        prefixes = [
            self.url_path + "".join(f"{part}/" for part in path_components[:level])
            for level in range(1, len(path_components) + 1)
        ]
        # This page and its ancestors come in the same query, as the plain pages
        # ``get_ancestors()`` would give: with the pages found, the ancestors of each
        # (breadcrumbs, the view-restriction check) without a query of their own.
        own_line = [
            self.path[:end]
            for end in range(Page.steplen, self.depth * Page.steplen + 1, Page.steplen)
        ]
        candidates = Page.objects.filter(
            Q(slug__in=set(path_components), url_path__in=prefixes, path__startswith=self.path)
            | Q(path__in=own_line)
        ).order_by("path")
        ancestors = [page for page in candidates if page.path in own_line]
        found = {page.url_path: page for page in candidates if page.path not in own_line}
        memo = _request_memo.get()
        parent = self
        for level, url_path in enumerate(prefixes):
            page = found.get(url_path)
            if page is None or page.depth != parent.depth + 1:
                raise Http404
            page._cached_parent_obj = parent
            if memo is not None:
                memo["ancestors"].setdefault(page.pk, list(ancestors))
            ancestors.append(page)
            remaining = path_components[level + 1 :]
            page_class = page.specific_class
            if not remaining or page_class is None:
                return _fetch_whole(page, parent).route(request, remaining)
            if getattr(page_class, "route", None) not in (Page.route, ServingMixin.route):
                if not issubclass(page_class, RoutablePageMixin):
                    return _fetch_whole(page, parent).route(request, remaining)
                # A routable page serves the rest itself if one of its routes matches.
                if page.live and _has_route(page_class, remaining):
                    return _fetch_whole(page, parent).route(request, remaining)
            # As the next page's parent: its class, its generic fields, nothing more fetched.
            parent = page.get_specific(deferred=True)
        raise Http404  # not reached: the last level returns

    def _serves_itself(self, path_components):
        """This page's own address, or one of its own routes (a routable page's, which come
        before its children's addresses, as in Wagtail)."""
        if not path_components:
            return True
        routable = isinstance(self, RoutablePageMixin) and self.live
        return routable and _has_route(type(self), path_components)

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, as Wagtail's (which serving a
        page checks), answered from the rows and ancestors this request has already read."""
        if _request_memo.get() is None or self.pk is None or self.alias_of_id:
            return super().get_view_restrictions()
        # Wagtail follows an alias to its source's restrictions; below the home page an
        # ancestor may be an alias (the root and the home page never are).
        if self.depth > 2 and any(a.alias_of_id for a in page_ancestors(self)):
            return super().get_view_restrictions()
        # On this page or an ancestor: the restricted page's path begins this one's.
        found = [r for r in view_restrictions() if self.path.startswith(r.page.path)]
        restrictions = PageViewRestriction.objects.filter(pk__in=[r.pk for r in found])
        # Already read: iterating asks nothing more; filtering or counting asks afresh.
        restrictions._result_cache = found
        return restrictions


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


class BasePage(ServingMixin, Page):
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

    @cached_property
    def tag_list(self):
        """The page's tags, read once (listed on the page, and used to find related pages)."""
        return list(self.tags.all())

    @property
    def meta_description(self):
        return self.search_description or self.intro
