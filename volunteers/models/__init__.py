"""Models of the volunteers app."""

from .activity_signup import ActivitySignup, Registration
from .roster_page import VolunteerRosterPage
from .signup_page import VolunteerSignupPage
from .volunteer import ConsentRecord, Expertise, Team, Volunteer

__all__ = [
    "ActivitySignup",
    "ConsentRecord",
    "Expertise",
    "Registration",
    "Team",
    "Volunteer",
    "VolunteerRosterPage",
    "VolunteerSignupPage",
]
