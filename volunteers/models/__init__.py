"""Models of the volunteers app."""

from .roster_page import VolunteerRosterPage
from .signup_page import VolunteerSignupPage
from .volunteer import ConsentRecord, Expertise, Team, Volunteer

__all__ = [
    "ConsentRecord",
    "Expertise",
    "Team",
    "Volunteer",
    "VolunteerRosterPage",
    "VolunteerSignupPage",
]
