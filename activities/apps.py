from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    """Activities and the calendar, campaigns, schools and their write-ups."""

    name = "activities"
    verbose_name = "活动"

    def ready(self):
        from activities import signals

        signals.connect()
