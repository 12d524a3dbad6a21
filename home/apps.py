from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The foundation: shared page base, blocks, site settings, navigation, home page."""

    name = "home"
    verbose_name = "网站基础"

    def ready(self):
        from django.core.signals import request_finished, request_started

        from home import pagecache
        from home.models import base

        pagecache.connect()
        request_started.connect(base.remember_for_request, dispatch_uid="page-memo-on")
        request_finished.connect(base.forget_for_request, dispatch_uid="page-memo-off")
