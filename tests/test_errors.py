"""Chinese error pages: a 404 inside the site layout, a 500 that needs no database."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


def test_unknown_address_gives_chinese_404_in_site_layout(client):
    factories.site_settings()

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "页面未找到" in html
    assert 'href="/">返回首页</a>' in html
    assert "测试区关心下一代工作委员会" in html  # header and footer are there


def test_draft_page_is_not_public(client):
    factories.standard_page(title="未发布的草稿", slug="draft", live=False)

    response = client.get("/draft/")

    assert response.status_code == 404
    assert "未发布的草稿" not in response.content.decode()


def test_500_page_renders_without_touching_the_database():
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("500.html")

    assert len(queries) == 0
    assert "服务暂时出现问题" in html
    assert '<html lang="zh-CN">' in html
