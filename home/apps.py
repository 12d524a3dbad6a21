from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The foundation: shared page base, blocks, site settings, navigation, home page."""

    name = "home"
    verbose_name = "网站基础"

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_migrate

        from home import pagecache
        from home.models import base

        pagecache.connect()
        # A release runs migrate: what was kept under the old code (sections rendered by
        # the old templates, pickled values) is not read by the new.
        post_migrate.connect(pagecache.bump_after_migrate, sender=self)
        request_started.connect(base.remember_for_request, dispatch_uid="page-memo-on")
        request_finished.connect(base.forget_for_request, dispatch_uid="page-memo-off")
