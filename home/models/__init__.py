"""Models of the foundation app, split by concern."""

from .base import BasePage, PageTag
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = ["BasePage", "HomePage", "PageTag", "SiteSettings", "StandardPage"]
