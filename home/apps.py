from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The foundation: shared page base, blocks, site settings, navigation, home page."""

    name = "home"
    verbose_name = "网站基础"

    def ready(self):
        from home import pagecache

        pagecache.connect()
