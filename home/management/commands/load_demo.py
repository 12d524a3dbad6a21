"""Build the fictional demo district: every app's ``demo.build`` in dependency order."""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site


def site_has_content():
    """True once the home page has any child page: the site is no longer empty."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return bool(site) and site.root_page.get_children().exists()


class Command(BaseCommand):
    help = "加载演示内容（虚构的青禾区关工委）。可重复运行，不会重复创建。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="只在网站还没有任何内容时加载（make run 使用）。",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and site_has_content():
            self.stdout.write("网站已有内容，跳过演示数据。")
            return
        self.stdout.write("正在加载演示内容……")
        with transaction.atomic():
            # INSTALLED_APPS lists our apps in dependency order: home, activities, volunteers.
            # Each app's demo.build() runs in that order; then any build_last() (content
            # that links to what later apps made, such as work plans to activities).
            modules = [
                importlib.import_module(f"{app.name}.demo")
                for app in apps.get_app_configs()
                if not app.name.startswith(("django.", "wagtail"))
                and importlib.util.find_spec(f"{app.name}.demo") is not None
            ]
            for module in modules:
                module.build(self.stdout)
            for module in modules:
                if hasattr(module, "build_last"):
                    module.build_last(self.stdout)
        self.stdout.write(self.style.SUCCESS("演示内容已就绪。"))
