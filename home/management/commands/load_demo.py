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
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if app_config.name.startswith(("django.", "wagtail")):
                    continue
                if importlib.util.find_spec(module_name) is None:
                    continue
                importlib.import_module(module_name).build(self.stdout)
        self.stdout.write(self.style.SUCCESS("演示内容已就绪。"))
