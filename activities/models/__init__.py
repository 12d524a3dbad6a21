"""Models of the activities app, split by concern."""

from .activity import ActivityException, ActivityPage
from .calendar import CalendarPage
from .campaign_parts import (
    CampaignAward,
    CampaignPhoto,
    CampaignTopic,
    LegalAdvisor,
    ReadingListItem,
)
from .campaigns import CampaignIndexPage, CampaignPage
from .categories import ActivityCategory, Audience
from .schools import School, SchoolAccount, SchoolStage
from .writeups import WriteUpIndexPage, WriteUpPage, WriteUpPhoto

__all__ = [
    "ActivityCategory",
    "ActivityException",
    "ActivityPage",
    "Audience",
    "CalendarPage",
    "CampaignAward",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPhoto",
    "CampaignTopic",
    "LegalAdvisor",
    "ReadingListItem",
    "School",
    "SchoolAccount",
    "SchoolStage",
    "WriteUpIndexPage",
    "WriteUpPage",
    "WriteUpPhoto",
]
