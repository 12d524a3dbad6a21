"""Staff roles and the moderation workflow: an editor's page goes live only after approval."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Page, Workflow

from tests import factories

pytestmark = pytest.mark.django_db


def staff_user(username, group_name):
    user = User.objects.create_user(username, password="pw-for-tests")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_groups_exist_with_chinese_names_and_no_english_leftovers():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"编辑", "审核员"} <= names
    assert not names & {"Editors", "Moderators"}


def test_editor_can_edit_but_not_publish_moderator_can_publish():
    editor = staff_user("editor", "编辑")
    moderator = staff_user("moderator", "审核员")
    page = factories.standard_page(title="工作动态", slug="news")

    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(moderator).can_publish()


def test_root_has_the_moderation_workflow_with_the_moderator_group():
    workflow = Page.objects.get(depth=1).get_workflow()

    assert workflow == Workflow.objects.get(name="审核发布")
    task = workflow.tasks.get().specific
    assert task.name == "审核员审批"
    assert list(task.groups.values_list("name", flat=True)) == ["审核员"]
    # Every page on the site inherits it.
    assert factories.standard_page(slug="any").get_workflow() == workflow


def test_editor_submission_goes_live_only_after_moderator_approval():
    editor = staff_user("editor", "编辑")
    moderator = staff_user("moderator", "审核员")
    page = factories.standard_page(title="待审核的页面", slug="pending", live=False)
    page.save_revision(user=editor)

    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    task = task_state.task.specific

    assert not Page.objects.get(pk=page.pk).live
    assert task.get_actions(page, editor) == []
    assert "approve" in [action for action, *_ in task.get_actions(page, moderator)]

    task.on_action(task_state, moderator, "approve")

    assert Page.objects.get(pk=page.pk).live


def test_staff_can_open_the_admin_in_chinese(client):
    editor = staff_user("editor", "编辑")
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-hans"' in html
    assert "仪表板" in html or "控制面板" in html
