"""Admin screens for volunteers: a 志愿者 menu with the list, teams and expertise."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from volunteers.bulk_actions import ApproveVolunteersBulkAction, RejectVolunteersBulkAction
from volunteers.models import Expertise, Team, Volunteer


class VolunteerViewSet(SnippetViewSet):
    model = Volunteer
    icon = "group"
    menu_label = "志愿者名单"
    list_display = ["name", "category", "street", "status", "created_at"]
    list_filter = ["status", "category", "teams", "expertise", "street"]
    search_fields = ["name", "phone", "work_unit"]
    list_export = [
        "reference",
        "name",
        "gender",
        "birth_year",
        "category",
        "work_unit",
        "street",
        "phone",
        "email",
        "availability",
        "status",
        "public_profile",
        "created_at",
    ]
    export_headings = {
        "reference": "报名编号",
        "gender": "性别",
        "birth_year": "出生年份",
        "category": "类别",
        "work_unit": "原工作单位及职务",
        "street": "街道（社区）",
        "phone": "手机号码",
        "email": "电子邮箱",
        "availability": "方便的时间",
        "status": "状态",
        "public_profile": "同意公开",
        "created_at": "报名时间",
        "name": "姓名",
    }
    export_filename = "volunteers"
    ordering = ["-created_at"]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = "志愿者团队"
    list_display = ["name", "sort_order"]


class ExpertiseViewSet(SnippetViewSet):
    model = Expertise
    icon = "tag"
    menu_label = "专长"
    list_display = ["name", "sort_order"]


class VolunteerGroup(SnippetViewSetGroup):
    items = (VolunteerViewSet, TeamViewSet, ExpertiseViewSet)
    menu_icon = "group"
    menu_label = "志愿者"
    menu_order = 230


register_snippet(VolunteerGroup)


class PendingVolunteersPanel(Component):
    """On the dashboard: how many sign-ups wait for review, with a link to them."""

    name = "pending_volunteers"
    order = 50
    template_name = "volunteers/admin/pending_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "count": Volunteer.objects.filter(status="pending").count(),
            "url": reverse("wagtailsnippets_volunteers_volunteer:list") + "?status=pending",
        }


@hooks.register("construct_homepage_panels")
def add_pending_volunteers_panel(request, panels):
    if request.user.has_perm("volunteers.change_volunteer"):
        panels.append(PendingVolunteersPanel())


hooks.register("register_bulk_action", ApproveVolunteersBulkAction)
hooks.register("register_bulk_action", RejectVolunteersBulkAction)
