"""Main navigation from the page tree and breadcrumbs."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def nav_html(html):
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]


def test_menu_lists_live_pages_marked_show_in_menus_in_tree_order(client):
    factories.standard_page(title="关于我们", slug="about", show_in_menus=True)
    factories.standard_page(title="联系我们", slug="contact", show_in_menus=True)
    factories.standard_page(title="隐私政策", slug="privacy", show_in_menus=False)
    factories.standard_page(title="草稿页面", slug="draft", show_in_menus=True, live=False)

    nav = nav_html(client.get("/").content.decode())

    assert nav.index("首页") < nav.index("关于我们") < nav.index("联系我们")
    assert "隐私政策" not in nav
    assert "草稿页面" not in nav


def test_menu_marks_the_current_section(client):
    about = factories.standard_page(title="关于我们", slug="about", show_in_menus=True)
    factories.standard_page(about, title="组织机构", slug="organisation")
    factories.standard_page(title="联系我们", slug="contact", show_in_menus=True)

    nav = nav_html(client.get("/about/organisation/").content.decode())

    assert 'href="/about/" aria-current="true">关于我们' in nav
    assert 'href="/contact/">联系我们' in nav
    assert 'href="/">首页' in nav  # home is not current on an inner page


def test_private_pages_are_not_in_the_menu(client):
    from wagtail.models import PageViewRestriction

    private = factories.standard_page(title="内部资料", slug="internal", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert "内部资料" not in nav_html(client.get("/").content.decode())


def test_home_is_current_on_the_home_page(client):
    nav = nav_html(client.get("/").content.decode())
    assert 'href="/" aria-current="page">首页' in nav


def test_breadcrumbs_on_nested_page(client):
    about = factories.standard_page(title="关于我们", slug="about")
    factories.standard_page(about, title="组织机构", slug="organisation")

    html = client.get("/about/organisation/").content.decode()

    start = html.index('<nav class="breadcrumbs"')
    crumbs = html[start : html.index("</nav>", start)]
    assert crumbs.index('href="/">首页') < crumbs.index('href="/about/">关于我们')
    assert "<li>当前位置" not in crumbs  # the label is not a crumb
    assert '<li aria-current="page">组织机构</li>' in crumbs


def test_no_breadcrumbs_on_the_home_page(client):
    assert 'class="breadcrumbs"' not in client.get("/").content.decode()
