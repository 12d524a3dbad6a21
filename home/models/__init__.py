"""Models of the foundation app, split by concern."""

from .base import BasePage, PageTag
from .news import NewsCategory, NewsIndexPage, NewsPage
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .workplans import WorkPlanIndexPage, WorkPlanPage, WorkPoint

__all__ = [
    "BasePage",
    "HomePage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "PageTag",
    "SiteSettings",
    "StandardPage",
    "WorkPlanIndexPage",
    "WorkPlanPage",
    "WorkPoint",
]
