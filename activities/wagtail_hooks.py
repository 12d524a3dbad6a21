"""Admin screens of the activities app."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from activities.models import ActivityCategory


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
