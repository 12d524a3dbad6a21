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


def test_admin_offers_news_only_under_a_news_index(admin_client):
    index = factories.news_index()
    home = factories.home_page()

    under_home = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/").content.decode()
    under_index = admin_client.get(f"/admin/pages/{index.pk}/add_subpage/")

    assert f"/admin/pages/add/home/newspage/{home.pk}/" not in under_home
    assert f"/admin/pages/add/home/newsindexpage/{home.pk}/" not in under_home  # one per parent
    assert f"/admin/pages/add/home/standardpage/{home.pk}/" in under_home
    # With a single allowed type Wagtail goes straight to the news form.
    assert under_index.status_code == 302
    assert under_index["Location"] == f"/admin/pages/add/home/newspage/{index.pk}/"
    assert NewsPage.objects.count() == 0
