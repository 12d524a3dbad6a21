"""Admin hooks of the volunteers app: the 志愿者 menu, bulk actions, the dashboard panel,
a 活动报名 button on activity pages, and the history entry of an erasure."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet

from volunteers import seats
from volunteers.bulk_actions import (
    ApproveVolunteersBulkAction,
    CancelRegistrationsBulkAction,
    EraseVolunteersBulkAction,
    RejectVolunteersBulkAction,
)
from volunteers.models import ActivitySignup, Volunteer
from volunteers.viewsets import VolunteerGroup

register_snippet(VolunteerGroup)

for action in (
    ApproveVolunteersBulkAction,
    RejectVolunteersBulkAction,
    EraseVolunteersBulkAction,
    CancelRegistrationsBulkAction,
):
    hooks.register("register_bulk_action", action)


class PendingVolunteersPanel(Component):
    """On the dashboard: sign-ups waiting for review and requests to withdraw."""

    name = "pending_volunteers"
    order = 50
    template_name = "volunteers/admin/pending_panel.html"

    def get_context_data(self, parent_context=None):
        list_url = reverse("wagtailsnippets_volunteers_volunteer:list")
        return {
            "count": Volunteer.objects.filter(status="pending").count(),
            "url": list_url + "?status=pending",
            "withdrawals": Volunteer.objects.filter(withdrawal_requested_at__isnull=False).count(),
            "withdrawals_url": list_url + "?withdrawal_requested=true",
        }


@hooks.register("construct_homepage_panels")
def add_pending_volunteers_panel(request, panels):
    if request.user.has_perm("volunteers.change_volunteer"):
        panels.append(PendingVolunteersPanel())


@hooks.register("register_snippet_listing_buttons")
def erase_button(snippet, user, next_url=None):
    """退出并删除个人信息 in each volunteer's “more” menu (the bulk action for one)."""
    if isinstance(snippet, Volunteer) and not snippet.erased_at:
        url = reverse("wagtail_bulk_action", args=("volunteers", "volunteer", "erase_volunteers"))
        yield ListingButton(
            "退出并删除个人信息",
            f"{url}?id={snippet.pk}&next={next_url or ''}",
            icon_name="bin",
            priority=90,
        )


@hooks.register("register_page_header_buttons")
def activity_signup_button(page, user, view_name, next_url=None):
    """On an activity in the admin: open its sign-up settings, or switch sign-up on."""
    if page.specific_class.__name__ != "ActivityPage" or not user.has_perm(
        "volunteers.change_activitysignup"
    ):
        return
    signup = ActivitySignup.objects.filter(activity_id=page.pk).first()
    if signup:
        url = reverse("wagtailsnippets_volunteers_activitysignup:edit", args=(signup.pk,))
        label = "活动报名设置"
    else:
        url = reverse("wagtailsnippets_volunteers_activitysignup:add") + f"?activity={page.pk}"
        label = "开启活动报名"
    yield ListingButton(label, url, icon_name="date", priority=80)


@hooks.register("after_edit_snippet")
def refill_after_capacity_change(request, instance):
    """More seats: confirm people from the waitlist straight away."""
    if isinstance(instance, ActivitySignup):
        seats.refill(instance)


@hooks.register("register_log_actions")
def register_erase_action(actions):
    actions.register_action("volunteers.erase", "退出并删除个人信息", "已退出并删除个人信息")
