"""load_demo is idempotent and fills every page type; ensure_admin prints a password once."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings, StandardPage
from tests import factories

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def counts():
    return (Page.objects.count(), get_image_model().objects.count(), StandardPage.objects.count())


def test_load_demo_builds_the_fictional_district(client):
    run("load_demo")

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.committee_name == "青禾区关心下一代工作委员会"
    assert settings.icp_number
    assert settings.police_number
    assert settings.wechat_qr
    titles = set(StandardPage.objects.values_list("title", flat=True))
    assert {"关于我们", "组织机构", "联系我们", "隐私政策"} <= titles
    home = HomePage.objects.get()
    assert home.hero_image
    assert home.mission
    assert len(home.quick_links) >= 4
    for url in ["/", "/about/", "/about/organisation/", "/contact/", "/privacy/"]:
        assert client.get(url).status_code == 200, url


def test_load_demo_twice_creates_nothing_new():
    run("load_demo")
    before = counts()

    run("load_demo")

    assert counts() == before


def test_load_demo_if_empty_keeps_existing_content():
    factories.standard_page(title="已有的页面", slug="existing")

    output = run("load_demo", "--if-empty")

    assert "跳过" in output
    assert not StandardPage.objects.filter(title="关于我们").exists()


def test_ensure_admin_creates_one_superuser_and_prints_the_password_once():
    first = run("ensure_admin")

    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    password = next(
        line.split("：", 1)[1].strip() for line in first.splitlines() if "密码：" in line
    )
    assert admin.check_password(password)

    assert run("ensure_admin") == ""
    assert User.objects.filter(is_superuser=True).count() == 1
