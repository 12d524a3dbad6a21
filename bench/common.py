"""What every benchmark needs: a throw-away database, Django, a seeded site, statistics.

A benchmark script calls, in this order, :func:`throwaway_database` (a context manager that
yields a ``DATABASE_URL`` and removes the database afterwards), :func:`setup_django`,
:func:`prepare_site` (migrate, demo, generated pages, one ``update_index``) and at the end
:func:`machine` and :func:`percentile` for its report. Nothing here imports Django models at
module level, so the module can be imported before Django is set up.
"""

import contextlib
import datetime
import html
import io
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "website.settings.test"  # DEBUG off, throw-away media, any host


def log(message):
    """Progress goes to stderr; stdout is left for the report."""
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def throwaway_database(kind, server_url=None, name="bench_search"):
    """Yield the ``DATABASE_URL`` of a new, empty database; remove the database on exit.

    SQLite: a file in a new temporary directory. PostgreSQL: database ``name`` created on the
    server of ``server_url`` (through the database that URL names, e.g. ``postgres``); it
    must not exist yet, so that no one's data is ever dropped.
    """
    if kind == "sqlite":
        directory = tempfile.mkdtemp(prefix="bench-search-")
        try:
            yield f"sqlite:///{directory}/bench.sqlite3"
        finally:
            _close_django_connections()
            shutil.rmtree(directory, ignore_errors=True)
        return

    import psycopg
    from psycopg import sql

    if not server_url:
        raise SystemExit("--database postgres needs --database-url postgres://user@host:port/db")
    with psycopg.connect(server_url, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            raise SystemExit(
                f"Database {name!r} already exists on that server (left over from an "
                f"interrupted run?). Drop it (dropdb {name}) or pass another --database-name."
            )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))
    finally:
        _close_django_connections()
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _close_django_connections():
    if "django.db" in sys.modules:
        from django.db import connections

        connections.close_all()


def setup_django(database_url):
    """Point the project's test settings at ``database_url`` and set Django up."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def remove_media():
    """The test settings put uploads (the demo's images) in a new temporary directory."""
    from django.conf import settings

    media = Path(settings.MEDIA_ROOT)
    if media.name.startswith("test-media-") and media.parent == Path(tempfile.gettempdir()):
        shutil.rmtree(media, ignore_errors=True)


@dataclass
class Site:
    """The prepared site: its home page and how long each step took, in seconds."""

    home: object
    seconds: dict = field(default_factory=dict)
    created: dict = field(default_factory=dict)  # generated pages by type


def searchable_pages(home):
    """What the public search looks through: live, public pages below the home page."""
    from wagtail.models import Page

    return Page.objects.live().public().descendant_of(home, inclusive=True)


def prepare_site(total_pages, seed):
    """Migrate, load the demo, add generated pages up to ``total_pages``, index once."""
    from django.core.management import call_command

    from home.models import HomePage

    site = Site(home=None)
    quiet = io.StringIO()
    for step, options in (("migrate", {"interactive": False}), ("load_demo", {})):
        log(f"{step} …")
        started = time.perf_counter()
        call_command(step, stdout=quiet, stderr=quiet, **options)
        site.seconds[step] = time.perf_counter() - started

    site.home = HomePage.objects.get()
    missing = total_pages - searchable_pages(site.home).count()
    log(f"generating {missing} pages …")
    started = time.perf_counter()
    site.created = generate_pages(site.home, missing, random.Random(seed))  # noqa: S311 - text, not secrets
    site.seconds["generate"] = time.perf_counter() - started

    log("update_index …")
    started = time.perf_counter()
    call_command("update_index", stdout=quiet, stderr=quiet)
    site.seconds["update_index"] = time.perf_counter() - started
    return site


def generate_pages(home, count, rng, counts=None):
    """Add ``count`` live pages of generated text: 75% news, 20% activities, 5% standard
    (or exactly ``counts``: a (news, activities, standard pages) triple).

    News go under the demo's news index, activities under its calendar, standard pages under
    one new standard page. Pages are added with ``add_child`` and no revisions, search
    indexing switched off (the caller runs ``update_index`` once), tags written in bulk.
    """
    from django.db import transaction
    from django.test import override_settings
    from django.utils import timezone
    from taggit.models import Tag

    from activities.models import ActivityCategory, ActivityPage, CalendarPage
    from home.models import NewsCategory, NewsIndexPage, NewsPage, PageTag, StandardPage

    from . import corpus

    writer = corpus.Writer(rng)
    if counts:
        news_count, activity_count, standard_count = counts
    else:
        news_count = count * 75 // 100
        activity_count = count * 20 // 100
        standard_count = count - news_count - activity_count

    today = timezone.localdate()
    news_index = NewsIndexPage.objects.child_of(home).get()
    calendar = CalendarPage.objects.child_of(home).get()
    notices = NewsCategory.objects.filter(is_notice=True).first()
    categories = list(NewsCategory.objects.filter(is_notice=False))
    activity_categories = {c.name: c for c in ActivityCategory.objects.all()}
    tags = {}
    tagged = []  # (page id, tag name)

    def published(day):
        moment = datetime.datetime.combine(day, datetime.time(rng.randint(8, 18), 0))
        return timezone.make_aware(moment)

    def body(paragraphs):
        return [("paragraph", f"<p>{html.escape(text)}</p>") for text in paragraphs]

    no_auto_update = {"default": {"BACKEND": "home.search.backend", "AUTO_UPDATE": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update), transaction.atomic():
        for number in range(1, news_count + 1):
            day = corpus.spread(rng, today - datetime.timedelta(days=6 * 365), today)
            fields = corpus.news(writer, day)
            page = NewsPage(
                title=fields["title"],
                slug=f"bench-news-{number}",
                date=day,
                first_published_at=published(day),
                last_published_at=published(day),
                category=notices if fields["notice"] else rng.choice(categories),
                source=fields["source"],
                author=fields["author"],
                intro=fields["intro"],
                body=body(fields["body"]),
            )
            news_index.add_child(instance=page)
            if fields["tag"]:
                tagged.append((page.pk, fields["tag"]))
            if number % 500 == 0:
                log(f"  {number} news")

        for number in range(1, activity_count + 1):
            day = corpus.spread(
                rng, today - datetime.timedelta(days=3 * 365), today + datetime.timedelta(90)
            )
            fields = corpus.activity(writer, day)
            start = published(day)
            page = ActivityPage(
                title=fields["title"],
                slug=f"bench-activity-{number}",
                start=start,
                end=start + datetime.timedelta(hours=2),
                venue=fields["venue"],
                organizer=fields["organizer"],
                category=activity_categories.get(fields["tag"]),
                first_published_at=published(day - datetime.timedelta(days=14)),
                last_published_at=published(day - datetime.timedelta(days=14)),
                intro=fields["intro"],
                body=body(fields["body"]),
            )
            calendar.add_child(instance=page)
            if fields["tag"]:
                tagged.append((page.pk, fields["tag"]))

        archive = StandardPage(title="资料汇编", slug="bench-archive", intro="各街道和学校的资料")
        home.add_child(instance=archive)
        for number in range(1, standard_count):
            fields = corpus.standard(writer)
            day = corpus.spread(rng, today - datetime.timedelta(days=6 * 365), today)
            page = StandardPage(
                title=fields["title"],
                slug=f"bench-page-{number}",
                first_published_at=published(day),
                last_published_at=published(day),
                intro=fields["intro"],
                body=body(fields["body"]),
            )
            archive.add_child(instance=page)

        for name in {name for _, name in tagged}:
            tags[name] = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        PageTag.objects.bulk_create(
            PageTag(content_object_id=page_id, tag=tags[name]) for page_id, name in tagged
        )
    return {"news": news_count, "activities": activity_count, "standard pages": standard_count}


def pages_by_type(home):
    """(verbose name, count) of the searchable pages, most first."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Count

    rows = (
        searchable_pages(home)
        .values("content_type")
        .annotate(n=Count("pk"))
        .order_by("-n", "content_type")
    )
    names = {}
    for row in rows:
        model = ContentType.objects.get_for_id(row["content_type"]).model_class()
        names[str(model._meta.verbose_name)] = row["n"]
    return list(names.items())


def database_description():
    """The database engine and version, and the database's size in MB."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            import sqlite3

            size = Path(connection.settings_dict["NAME"]).stat().st_size
            return f"SQLite {sqlite3.sqlite_version}", size / 1e6
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0].split()[0]
        cursor.execute("SELECT pg_database_size(current_database())")
        return f"PostgreSQL {version}", cursor.fetchone()[0] / 1e6


def machine():
    """One line about the machine: CPU model and count, memory, OS, Python."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kilobytes = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kilobytes / 1024**2:.0f} GB RAM"
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def code_version(root=None):
    """Which code was measured: the commit, and whether files differed from it (a run made
    while the tree had uncommitted changes measured those changes, not the commit)."""
    root = root or ROOT

    def git(*args):
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {commit}" + (", with uncommitted changes" if changed else "")


def percentile(values, fraction, weights=None):
    """The ``fraction`` percentile of ``values``: the smallest value whose share of the
    (weighted) runs at or below it reaches ``fraction``, so always a measured value."""
    weights = weights or [1] * len(values)
    pairs = sorted(zip(values, weights, strict=True))
    goal = fraction * sum(weights)
    reached = 0
    for value, weight in pairs:
        reached += weight
        if reached >= goal - 1e-9:
            return value
    return pairs[-1][0]


def publish(text, output=None):
    """Print the Markdown report and, with ``output``, write it there too."""
    print(text)
    if output:
        output.write_text(text, encoding="utf-8")
        log(f"written to {output}")
