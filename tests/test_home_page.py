"""The home page: hero, quick links, volunteer call and the site settings in the footer."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_chinese_with_site_settings_in_footer(client):
    factories.site_settings()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-CN"' in html
    assert "<title>测试区关心下一代工作委员会</title>" in html
    assert "测试区光明路1号" in html
    assert "（邮编 100001）" in html
    assert 'href="tel:01211112222"' in html
    assert 'href="mailto:office@test.example.org"' in html
    assert '<a href="https://beian.miit.gov.cn/"' in html
    assert "测ICP备12345678号-1" in html
    # The public-security filing links to the lookup for its record code.
    assert "beian.mps.gov.cn/#/query/webSearch?code=11000002000001" in html
    assert "测公网安备 11000002000001号" in html


def test_footer_hides_what_is_not_set(client):
    factories.site_settings(phone="", email="", icp_number="", police_number="")

    html = client.get("/").content.decode()

    assert "tel:" not in html
    assert "mailto:" not in html
    assert "beian.miit.gov.cn" not in html
    assert "beian.mps.gov.cn" not in html


def test_hero_quick_links_and_volunteer_call(client):
    about = factories.standard_page(title="关于我们", slug="about")
    home = factories.home_page()
    home.hero_title = "关心下一代 共育好少年"
    home.mission = "陪伴孩子们健康成长。"
    home.hero_image = factories.image()
    home.about_page = about
    home.quick_links = [
        ("link", {"title": "关于我们", "page": about, "url": ""}),
        ("link", {"title": "教育部", "page": None, "url": "https://www.moe.gov.cn/"}),
    ]
    home.volunteer_title = "欢迎加入五老志愿者队伍"
    home.volunteer_button_text = "联系报名"
    home.volunteer_page = about
    home.save_revision().publish()

    html = client.get("/").content.decode()

    assert "关心下一代 共育好少年" in html
    assert "陪伴孩子们健康成长。" in html
    assert 'href="/about/">了解我们</a>' in html
    assert '<a class="quick-links__item" href="/about/">' in html
    assert '<a class="quick-links__item" href="https://www.moe.gov.cn/">' in html
    assert "欢迎加入五老志愿者队伍" in html
    assert 'href="/about/">联系报名</a>' in html
    assert 'fetchpriority="high"' in html  # the hero image is rendered


def test_empty_home_page_shows_no_empty_sections(client):
    html = client.get("/").content.decode()

    assert "快捷入口" not in html
    assert "volunteer-call" not in html


def test_quick_links_to_pages_read_the_site_root_paths_once(client, monkeypatch):
    """A page link's address needs Wagtail's site root paths: they are taken from the
    request, not read from the cache again for every quick link."""
    from wagtail.models import Site

    pages = [factories.standard_page(title=f"栏目{n}", slug=f"part-{n}") for n in range(6)]
    home = factories.home_page()
    home.quick_links = [("link", {"title": page.title, "page": page, "url": ""}) for page in pages]
    home.save_revision().publish()
    reads = []
    real = Site.get_site_root_paths
    counting = staticmethod(lambda: reads.append(1) or real())
    monkeypatch.setattr(Site, "get_site_root_paths", counting)

    html = client.get("/").content.decode()

    assert all(f'class="quick-links__item" href="/part-{n}/"' in html for n in range(6))
    assert len(reads) < len(pages)
