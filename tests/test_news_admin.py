"""Staff manage news categories as snippets and create articles under the news index."""

import pytest

from home.models import NewsCategory, NewsPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_category_admin_list_with_filter_and_search(admin_client):
    factories.news_category("工作动态", "work")
    factories.news_category("通知公告", "notices", is_notice=True)

    listing = admin_client.get("/admin/snippets/home/newscategory/")
    notices_only = admin_client.get("/admin/snippets/home/newscategory/", {"is_notice": "true"})
    searched = admin_client.get("/admin/snippets/home/newscategory/", {"q": "通知"})

    assert listing.status_code == 200
    assert "工作动态" in listing.content.decode()
    assert "通知公告" in notices_only.content.decode()
    assert "工作动态" not in notices_only.content.decode()
    assert "工作动态" not in searched.content.decode()


def test_category_form_rejects_a_duplicate_name_in_chinese(admin_client):
    factories.news_category("工作动态", "work")

    response = admin_client.post(
        "/admin/snippets/home/newscategory/add/",
        {"name": "工作动态", "slug": "work-2", "sort_order": "0"},
    )

    assert response.status_code == 200
    assert "已存在" in response.content.decode()
    assert NewsCategory.objects.count() == 1


def test_news_can_only_be_created_under_a_news_index():
    assert NewsPage.parent_page_types == ["home.NewsIndexPage"]
    index = factories.news_index()
    assert NewsPage.can_create_at(index)
    assert not NewsPage.can_create_at(factories.home_page())
