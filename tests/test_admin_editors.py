"""Every page type's editor opens in the admin, in Chinese, with the fields staff expect."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db


EDITORS = {
    "homepage": ["首屏标题", "快捷入口", "志愿者招募"],
    "standardpage": ["摘要", "正文", "标签"],
    "newspage": ["发布日期", "来源", "头图", "标签", "落实的工作要点"],
    "activitypage": ["开始时间", "重复", "单次调整", "活动对象", "落实的工作要点"],
    "workplanpage": ["年度", "文号", "总体要求", "工作要点", "专项行动"],
    "calendarpage": ["摘要"],
}


def test_every_editor_opens(admin_client):
    # One demo for all of them: building it is the slow part.
    call_command("load_demo", stdout=io.StringIO())
    for model, labels in EDITORS.items():
        page = Page.objects.filter(content_type__model=model).first()

        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

        assert response.status_code == 200, model
        html = response.content.decode()
        for label in labels:
            assert label in html, (model, label)
