"""Models of the activities app, split by concern."""

from .activity import ActivityException, ActivityPage
from .calendar import CalendarPage
from .categories import ActivityCategory, Audience

__all__ = ["ActivityCategory", "ActivityException", "ActivityPage", "Audience", "CalendarPage"]
