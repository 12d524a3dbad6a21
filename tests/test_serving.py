"""How pages are found and checked when served (home/models/base.py: ServingMixin), and the
layout parts kept until the next change (home/pagecache.py: remember)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


def served_page(response):
    return response.context["page"]


def test_every_demo_page_and_route_is_served_as_wagtail_finds_it(client):
    call_command("load_demo", stdout=io.StringIO())
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert len(pages) > 50
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert served_page(response).pk == page.pk, page.url
        assert type(served_page(response)) is type(page), page.url
    # Routes of routable pages at every depth still win over the walk down the tree.
    for url in ["/tags/", "/search/?q=读书", "/news/rss/", "/calendar/2026/11/", "/calendar/ics/"]:
        assert client.get(url).status_code == 200, url


def test_a_page_below_an_unpublished_section_is_served_as_wagtail_does(client):
    """Wagtail checks only the page served for being live, not the sections above it."""
    section = factories.standard_page(title="栏目", slug="section")
    child = factories.standard_page(section, title="栏目下的页面", slug="child")
    section.unpublish()

    assert client.get("/section/").status_code == 404
    response = client.get("/section/child/")
    assert response.status_code == 200
    assert served_page(response).pk == child.pk


@pytest.mark.parametrize(
    "path",
    ["/nothing/", "/about-us/nothing/", "/section/child/nothing/", "/child/", "/section/x/child/"],
)
def test_a_wrong_path_is_404(client, path):
    section = factories.standard_page(title="栏目", slug="section")
    factories.standard_page(section, title="栏目下的页面", slug="child")
    assert client.get(path).status_code == 404


def test_an_unpublished_page_is_404(client):
    section = factories.standard_page(title="栏目", slug="section")
    factories.standard_page(section, title="草稿", slug="draft", live=False)
    assert client.get("/section/draft/").status_code == 404


def test_a_page_deep_in_the_tree_is_found_in_one_query_for_the_whole_path(client):
    parent = factories.home_page()
    for depth in range(4):
        parent = factories.standard_page(parent, title=f"第{depth}层", slug=f"level{depth}")
    client.get(parent.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(parent.url)
    assert served_page(response).pk == parent.pk
    tree_lookups = [q for q in queries if '"wagtailcore_page"."url_path" IN' in q["sql"]]
    assert len(tree_lookups) == 1
    # …and no other lookup of a child by its slug, as Wagtail's own routing makes per level.
    assert not [q for q in queries if '"wagtailcore_page"."slug" =' in q["sql"]]


def test_the_ancestors_come_with_the_route_for_the_breadcrumbs(client):
    first = factories.standard_page(title="第一层栏目", slug="first")
    second = factories.standard_page(first, title="第二层栏目", slug="second")
    page = factories.standard_page(second, title="最深的页面", slug="deepest")
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(page.url).content.decode()

    crumbs = html.split('aria-label="当前位置"', 1)[1].split("</nav>", 1)[0]
    assert crumbs.index("首页") < crumbs.index("第一层栏目") < crumbs.index("第二层栏目")
    assert 'href="/first/second/"' in crumbs
    assert "最深的页面" in crumbs
    # No lookup of the ancestors by their paths apart from the route's own query.
    conditions = [q["sql"].partition(" WHERE ")[2] for q in queries]
    assert not [where for where in conditions if '"path" IN' in where and "url_path" not in where]


def test_pages_below_the_home_page_never_read_its_own_row(client):
    home = factories.home_page()
    home.hero_title = "首屏上的标题"
    home.save_revision().publish()
    article = factories.standard_page(title="一个栏目", slug="section")
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    assert not [q for q in queries if 'FROM "home_homepage"' in q["sql"]]

    # The home page itself reads its row whole, with the image and pages its hero and
    # volunteer call link to, in one query.
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    assert "首屏上的标题" in html
    home_reads = [q["sql"] for q in queries if 'FROM "home_homepage"' in q["sql"]]
    assert len(home_reads) == 1
    assert "wagtailimages_image" in home_reads[0]


def test_a_site_root_is_kept_unread_only_when_it_reads_itself_when_served():
    from activities.models import CalendarPage
    from home.models.base import routing_root

    home = Page.objects.get(pk=factories.home_page().pk)
    assert routing_root(home).get_deferred_fields()  # it reads itself whole when served

    calendar = factories.calendar_page()
    # A routable page whose own routes come first (RoutablePageMixin before ServingMixin)
    # is served as it is: it must be whole already.
    plain = Page.objects.get(pk=calendar.pk)
    assert isinstance(routing_root(plain), CalendarPage)
    assert not routing_root(plain).get_deferred_fields()


def test_a_restricted_section_still_asks_for_a_login_on_every_page_below_it(client):
    section = factories.standard_page(title="内部栏目", slug="internal")
    child = factories.standard_page(section, title="内部页面", slug="page")
    grandchild = factories.standard_page(child, title="更深的页面", slug="deeper")
    PageViewRestriction.objects.create(page=section, restriction_type="login")

    for page in (section, child, grandchild):
        response = client.get(page.url)
        assert response.status_code == 302, page.url
        assert "/login/" in response["Location"] or "login" in response["Location"]


def test_a_password_restriction_shows_the_password_form(client):
    page = factories.standard_page(title="需要密码", slug="secret", intro="知道密码才能看的摘要")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="青禾")

    response = client.get("/secret/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "知道密码才能看的摘要" not in response.content.decode()


def test_a_restriction_added_shows_on_the_next_request(client):
    page = factories.standard_page(title="先公开", slug="open")
    assert client.get("/open/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get("/open/").status_code == 302


def test_a_page_below_an_alias_follows_the_restrictions_of_the_alias_source(client):
    """Wagtail gives an alias its source's restrictions; the shortcut steps aside for it."""
    source = factories.standard_page(title="原栏目", slug="source")
    factories.standard_page(source, title="原栏目下的页面", slug="inner")
    alias = source.create_alias(recursive=True, update_slug="alias")
    child_of_alias = Page.objects.get(url_path=f"{alias.url_path}inner/")
    PageViewRestriction.objects.create(page=source, restriction_type="login")

    assert child_of_alias.alias_of_id
    assert client.get("/alias/inner/").status_code == 302
    assert client.get("/source/inner/").status_code == 302


def test_the_settings_and_the_menu_are_read_once_until_the_next_change(
    client, settings, django_capture_on_commit_callbacks
):
    settings.LAYOUT_CACHE_SECONDS = 60
    with django_capture_on_commit_callbacks(execute=True):
        factories.site_settings(committee_name="第一个名称")
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert "第一个名称" in client.get("/").content.decode()
    assert not [q for q in queries if "home_sitesettings" in q["sql"]]
    assert not [q for q in queries if 'AND "wagtailcore_page"."show_in_menus"' in q["sql"]]

    with django_capture_on_commit_callbacks(execute=True):
        factories.site_settings(committee_name="改过的名称")
    assert "改过的名称" in client.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        factories.standard_page(title="新栏目", slug="new-section", show_in_menus=True)
    menu = client.get("/").content.decode().split('class="main-nav__list"')[1].split("</ul>")[0]
    assert "新栏目" in menu


def test_without_the_layout_cache_every_request_reads_the_settings(client, settings):
    settings.LAYOUT_CACHE_SECONDS = 0
    factories.site_settings(committee_name="第一个名称")
    client.get("/")
    SiteSettings.objects.update(committee_name="直接改的名称")
    assert "直接改的名称" in client.get("/").content.decode()


def test_footer_links_skip_unpublished_pages_and_keep_external_ones(
    client, settings, django_capture_on_commit_callbacks
):
    settings.LAYOUT_CACHE_SECONDS = 60
    about = factories.standard_page(title="关于我们", slug="about-us")
    draft = factories.standard_page(title="未发布页面", slug="draft-page", live=False)
    links = [
        ("link", {"title": "关于", "page": about, "url": ""}),
        ("link", {"title": "草稿链接", "page": draft, "url": ""}),
        ("link", {"title": "外部", "page": None, "url": "https://example.org/"}),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        factories.site_settings(footer_links=links)
    footer = client.get("/").content.decode().split('class="site-footer__links"')[1]
    footer = footer.split("</nav>")[0]
    assert 'href="/about-us/"' in footer
    assert "草稿链接" not in footer
    assert 'href="https://example.org/"' in footer


def test_the_sitemap_lists_every_live_public_page_in_one_page_query(client):
    call_command("load_demo", stdout=io.StringIO())
    private = factories.standard_page(title="内部", slug="private-one")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = factories.standard_page(title="草稿", slug="draft-one", live=False)

    with CaptureQueriesContext(connection) as queries:
        body = client.get("/sitemap.xml").content.decode()
    expected = Page.objects.live().public().filter(depth__gt=1)
    assert body.count("<url>") == expected.count()
    for page in expected:
        assert f"{page.url}</loc>" in body
    assert private.url not in body
    assert draft.slug not in body
    specific_tables = [q for q in queries if "_ptr_id" in q["sql"]]
    assert specific_tables == []
