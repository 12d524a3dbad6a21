"""Template context shared by every public page."""

from django.conf import settings


def display_preferences(request):
    """Whether the visitor switched on 大字模式 (large text); read from a cookie."""
    return {"large_text": request.COOKIES.get(settings.LARGE_TEXT_COOKIE) == "1"}
