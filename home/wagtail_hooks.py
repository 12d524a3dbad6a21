"""Admin screens of the foundation app."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import admin_views
from home.models import NewsCategory, WorkPlanIndexPage


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "folder-open-inverse"
    menu_label = "新闻分类"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "is_notice", "sort_order"]
    list_filter = ["is_notice"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(NewsCategoryViewSet)


@hooks.register("register_admin_urls")
def workplan_import_urls():
    return [path("workplans/import/", admin_views.import_workplan, name="workplan_import")]


class WorkPlanImportMenuItem(MenuItem):
    def is_shown(self, request):
        return any(
            index.permissions_for_user(request.user).can_add_subpage()
            for index in WorkPlanIndexPage.objects.all()
        )


@hooks.register("register_admin_menu_item")
def workplan_import_menu_item():
    return WorkPlanImportMenuItem(
        "导入工作要点", reverse("workplan_import"), icon_name="doc-full", order=220
    )
