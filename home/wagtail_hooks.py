"""Admin screens of the foundation app."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import NewsCategory


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
