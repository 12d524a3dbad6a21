from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The project itself: the health check, the 503 page, backup and restore commands.
    No models."""

    name = "website"
    verbose_name = "网站运行"
