"""The sitemap (/sitemap.xml): Wagtail's, in one query for the pages however many types."""

from wagtail.contrib.sitemaps import Sitemap

from home.models.base import site_pages


class SiteSitemap(Sitemap):
    """Every live, public page of the request's site, as Wagtail's sitemap lists them.

    Wagtail's fetches each page type's own fields (one query per type) to call
    ``get_sitemap_urls``; no page type of ours overrides it, and Page's own version reads
    only generic fields (address, last publication), so the pages come deferred: one query.
    A page type that overrides it should list the fields it reads in ``select_related`` or
    drop the deferral; the query budgets (tests/test_query_budgets.py) would show the cost.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        return site_pages().descendant_of(root, inclusive=True).live().public().specific(defer=True)
