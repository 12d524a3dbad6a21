"""The 志愿者 admin menu: volunteers, activity sign-ups and their lists, teams, expertise."""

import django_filters
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from volunteers.models import ActivitySignup, Expertise, Registration, Team, Volunteer


class VolunteerFilterSet(WagtailFilterSet):
    withdrawal_requested = django_filters.BooleanFilter(
        label="申请退出",
        field_name="withdrawal_requested_at",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = Volunteer
        fields = ["status", "category", "teams", "expertise", "street"]


class VolunteerViewSet(SnippetViewSet):
    model = Volunteer
    icon = "group"
    menu_label = "志愿者名单"
    list_display = ["name", "category", "street", "review_status", "created_at"]
    filterset_class = VolunteerFilterSet
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


class ActivitySignupCreateView(CreateView):
    """“开启活动报名” on an activity links here with ?activity=<id>: preselect it."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        activity_id = self.request.GET.get("activity", "")
        if activity_id.isdigit():
            instance.activity_id = int(activity_id)
        return instance


class ActivitySignupViewSet(SnippetViewSet):
    """Staff switch sign-up on for an activity here, and follow its numbers."""

    model = ActivitySignup
    icon = "date"
    menu_label = "活动报名"
    list_display = [
        "activity",
        "audience",
        "capacity",
        Column("taken", label="已确认（人）", accessor="taken"),
        Column("waitlist", label="候补", accessor="waitlist_count"),
        Column("list", label="报名名单", accessor=lambda signup: _list_link(signup)),
    ]
    list_filter = ["is_open", "audience"]
    search_fields = ["activity__title"]
    copy_view_enabled = False
    add_view_class = ActivitySignupCreateView

    def get_queryset(self, request):
        return ActivitySignup.objects.with_counts().select_related("activity")


def _list_link(signup):
    url = reverse("wagtailsnippets_volunteers_registration:list") + f"?signup={signup.pk}"
    return format_html('<a href="{}">查看名单</a>', url)


class RegistrationFilterSet(WagtailFilterSet):
    signup = django_filters.ModelChoiceFilter(
        label="活动",
        queryset=ActivitySignup.objects.select_related("activity"),
    )

    class Meta:
        model = Registration
        fields = ["signup", "status"]


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations come and go only through the seat lock: from the sign-up form, and
    by 取消报名 (which moves the waitlist up). Staff never add or delete rows directly."""

    refused = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        allowed = [action for action in actions if action not in self.refused]
        return super().user_has_any_permission(user, allowed)


register_permission_policy(
    Registration, RegistrationPermissionPolicy(Registration), exact_class=True
)


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "list-ul"
    menu_label = "报名名单"
    list_display = ["name", "phone", "party_size", "status", "signup", "created_at"]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "phone"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = ["signup", "name", "phone", "party_size", "status", "created_at", "staff_notes"]
    export_headings = {
        "signup": "活动",
        "name": "姓名",
        "phone": "手机号码",
        "party_size": "人数",
        "status": "状态",
        "created_at": "报名时间",
        "staff_notes": "备注",
    }
    export_filename = "activity-signups"
    ordering = ["signup", "created_at"]

    def get_queryset(self, request):
        return Registration.objects.select_related("signup__activity")


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
    items = (
        VolunteerViewSet,
        ActivitySignupViewSet,
        RegistrationViewSet,
        TeamViewSet,
        ExpertiseViewSet,
    )
    menu_icon = "group"
    menu_label = "志愿者"
    menu_order = 230
