"""One tag vocabulary across page types; /tags/ and /tags/<tag>/."""

import pytest
from taggit.models import Tag

from tests import factories

pytestmark = pytest.mark.django_db


def test_tag_page_lists_public_pages_of_every_type_grouped(client):
    index = factories.news_index()
    factories.news_page(index, title="家长学校讲座", tags=["家庭教育"])
    factories.news_page(index, title="未发布的新闻", tags=["家庭教育"], live=False)
    factories.news_page(index, title="读书征文", tags=["读书活动"])
    page = factories.standard_page(title="家长学校简介", slug="parents")
    page.tags.add("家庭教育")
    page.save_revision().publish()

    response = client.get("/tags/家庭教育/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>标签：家庭教育</h1>" in html
    assert "共 2 项内容" in html
    news_group = html.split(">新闻</h2>", 1)[1].split("</section>", 1)[0]
    page_group = html.split(">普通页面</h2>", 1)[1].split("</section>", 1)[0]
    assert "家长学校讲座" in news_group
    assert "家长学校简介" in page_group
    assert "未发布的新闻" not in html
    assert "读书征文" not in html


def test_one_vocabulary_shared_by_all_page_types():
    index = factories.news_index()
    factories.news_page(index, tags=["五老宣讲"])
    page = factories.standard_page(slug="about")
    page.tags.add("五老宣讲")
    page.save_revision().publish()

    assert Tag.objects.filter(name="五老宣讲").count() == 1


def test_unknown_tag_is_404(client):
    assert client.get("/tags/不存在的标签/").status_code == 404


def test_tag_index_lists_tags_in_use_with_counts(client):
    index = factories.news_index()
    factories.news_page(index, tags=["法治教育", "五老宣讲"])
    factories.news_page(index, tags=["法治教育"])
    factories.news_page(index, tags=["只在草稿里"], live=False)

    html = client.get("/tags/").content.decode()

    assert html.index("法治教育") < html.index("五老宣讲")
    assert (
        '法治教育<span class="tag__count">2<span class="visually-hidden">项</span></span>' in html
    )
    assert "只在草稿里" not in html


def test_tags_of_drafts_and_images_do_not_exist_publicly(client):
    index = factories.news_index()
    factories.news_page(index, tags=["草稿标签"], live=False)
    factories.image().tags.add("图片标签")

    assert client.get("/tags/草稿标签/").status_code == 404
    assert client.get("/tags/图片标签/").status_code == 404
    assert client.get("/tags/a%00b/").status_code == 404


def test_admin_autocompletes_tags_from_the_shared_vocabulary(admin_client):
    index = factories.news_index()
    factories.news_page(index, tags=["家庭教育"])

    response = admin_client.get("/admin/tag-autocomplete/", {"term": "家庭"})

    assert response.status_code == 200
    assert "家庭教育" in response.json()
