"""Bulk actions in the 志愿者 admin: approve, reject or erase volunteers; cancel sign-ups."""

from django.utils import timezone
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from home import pagecache
from volunteers.models import Registration, Volunteer


class ChosenOnlyMixin:
    """“Select all in listing” would reach every row, ignoring the list's filters: for
    actions that cannot be undone, only rows ticked one by one count."""

    def get_all_objects_in_listing_query(self, parent_id):
        return self.model.objects.none().values_list("pk", flat=True)


class SetVolunteerStatusBulkAction(SnippetBulkAction):
    models = [Volunteer]
    status = ""
    template_name = "volunteers/admin/confirm_bulk_status.html"

    def check_perm(self, volunteer):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", volunteer
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = Volunteer.objects.filter(pk__in=[volunteer.pk for volunteer in objects]).update(
            status=cls.status, updated_at=timezone.now()
        )
        pagecache.bump()  # the public rosters list approved volunteers; update() sends no signal
        return changed, 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_name": self.display_name}

    def get_success_message(self, num_parent_objects, num_child_objects):
        label = dict(Volunteer._meta.get_field("status").choices)[self.status]
        return f"已将 {num_parent_objects} 名志愿者设为“{label}”。"


class ApproveVolunteersBulkAction(SetVolunteerStatusBulkAction):
    display_name = "通过"
    action_type = "approve_volunteers"
    aria_label = "通过所选志愿者的报名"
    action_priority = 10
    status = "approved"


class RejectVolunteersBulkAction(SetVolunteerStatusBulkAction):
    display_name = "不通过"
    action_type = "reject_volunteers"
    aria_label = "不通过所选志愿者的报名"
    action_priority = 20
    status = "rejected"


class EraseVolunteersBulkAction(ChosenOnlyMixin, SnippetBulkAction):
    """退出并删除个人信息: withdraw and erase; only anonymous counts remain."""

    models = [Volunteer]
    display_name = "退出并删除个人信息"
    action_type = "erase_volunteers"
    aria_label = "所选志愿者退出，并删除他们的个人信息"
    action_priority = 90
    template_name = "volunteers/admin/confirm_erase.html"

    def check_perm(self, volunteer):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", volunteer
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        from volunteers.erasure import erase_volunteer

        for volunteer in objects:
            erase_volunteer(volunteer, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"已为 {num_parent_objects} 名志愿者办理退出，并删除了个人信息。"


class CancelRegistrationsBulkAction(ChosenOnlyMixin, SnippetBulkAction):
    """Cancel sign-ups (someone phoned to say they cannot come); the waitlist moves up."""

    models = [Registration]
    display_name = "取消报名"
    action_type = "cancel_registrations"
    aria_label = "取消所选的报名，名额让给候补"
    action_priority = 10
    template_name = "volunteers/admin/confirm_cancel_registrations.html"

    def check_perm(self, registration):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", registration
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        from volunteers import seats

        promoted = []
        for registration in objects:
            promoted += seats.cancel(registration)
        return len(objects), len(promoted)

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = f"已取消 {num_parent_objects} 个报名。"
        if num_child_objects:
            message += f"候补中有 {num_child_objects} 个递补为已确认，请电话通知他们。"
        return message
