"""Models of the activities app, split by concern."""

from .activity import ActivityException, ActivityPage
from .calendar import CalendarPage
from .campaign_index import CampaignIndexPage
from .campaign_parts import CampaignPhoto
from .campaigns import CampaignPage
from .categories import ActivityCategory, Audience
from .schools import School, SchoolAccount
from .writeups import WriteUpIndexPage, WriteUpPage, WriteUpPhoto

__all__ = [
    "ActivityCategory",
    "ActivityException",
    "ActivityPage",
    "Audience",
    "CalendarPage",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPhoto",
    "School",
    "SchoolAccount",
    "WriteUpIndexPage",
    "WriteUpPage",
    "WriteUpPhoto",
]
