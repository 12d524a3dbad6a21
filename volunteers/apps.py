from django.apps import AppConfig


class VolunteersConfig(AppConfig):
    """Volunteers, teams, rosters and sign-ups."""

    name = "volunteers"
    verbose_name = "志愿者"
