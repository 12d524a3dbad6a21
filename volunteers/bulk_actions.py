"""Bulk actions on the volunteer list: approve or reject several sign-ups at once."""

from django.utils import timezone
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from volunteers.models import Volunteer


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
