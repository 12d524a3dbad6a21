"""Admin screens of the activities app."""

from wagtail.admin.compare import M2MFieldComparison, register_comparison_class
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from activities.admin_forms import SchoolAccountForm
from activities.models import ActivityCategory, School, SchoolAccount
from activities.models.schools import SCHOOL_STAGES, SchoolStagesField


class SchoolStagesComparison(M2MFieldComparison):
    """Comparing two revisions: the stages ticked and unticked, by name (as the former
    many-to-many field showed them), not the list of codes."""

    def get_item_display(self, item):
        return dict(SCHOOL_STAGES).get(item, item)


register_comparison_class(SchoolStagesField, comparison_class=SchoolStagesComparison)


class ActivityCategoryViewSet(SnippetViewSet):
    model = ActivityCategory
    icon = "date"
    menu_label = "活动分类"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(ActivityCategoryViewSet)


class SchoolViewSet(SnippetViewSet):
    """学校: shared by campaigns and write-ups. Contacts are for staff only."""

    model = School
    icon = "home"
    menu_label = "学校"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "kind", "street", "contact_person", "contact_phone"]
    list_filter = ["kind", "street"]
    search_fields = ["name"]
    list_export = ["name", "kind", "street", "address", "contact_person", "contact_phone"]
    export_filename = "schools"
    ordering = ["name"]


register_snippet(SchoolViewSet)


class SchoolAccountViewSet(SnippetViewSet):
    """学校账号: logins for the submission portal (no access to this admin)."""

    model = SchoolAccount
    icon = "user"
    menu_label = "学校账号"
    menu_order = 221
    add_to_admin_menu = True
    list_display = ["school", "user", "created_at"]
    list_filter = ["school"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("school"),
            FieldPanel("username"),
            FieldPanel("email"),
            FieldPanel("password"),
        ],
        base_form_class=SchoolAccountForm,
    )


register_snippet(SchoolAccountViewSet)
