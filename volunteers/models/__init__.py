"""Models of the volunteers app."""

from .signup_page import VolunteerSignupPage
from .volunteer import ConsentRecord, Expertise, Team, Volunteer

__all__ = ["ConsentRecord", "Expertise", "Team", "Volunteer", "VolunteerSignupPage"]
