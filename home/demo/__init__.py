"""Demo content of the foundation app, built by ``python manage.py load_demo``.

Idempotent: pages are found by slug and images by title, and nothing that exists is
overwritten. Other apps' demo builders may use ``home.demo.media.demo_image``.
"""

from . import news, site, workplans


def build(stdout):
    site.build(stdout)
    news.build(stdout)


def build_last(stdout):
    """Runs after every app's build: work plans link to news and activities."""
    workplans.build(stdout)
