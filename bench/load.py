"""Load benchmark: the site under gunicorn with a large data set, on SQLite or PostgreSQL.

Usage (from the project directory)::

    .venv/bin/python bench/load.py --database sqlite
    .venv/bin/python bench/load.py --database postgres \\
        --database-url postgres://postgres@127.0.0.1:5432/postgres

Method:

1. A throw-away database (as ``bench/search.py``: an SQLite file in a temporary directory,
   or ``bench_load`` created on the server of ``--database-url`` and dropped at the end),
   migrated, the demo loaded, then generated content up to 5,000 news, 2,000 activities
   (200 of them repeating weekly), 1,000 volunteers, 300 schools and 500 school write-ups
   (``--scale`` multiplies them), and one ``update_index``.
2. ``collectstatic``, then gunicorn with the production settings (DEBUG off, whitenoise,
   ``website/gunicorn_config.py``) and ``--workers`` workers (2), on 127.0.0.1, with a
   private redis-server as the shared cache. Request logs go to a file, as in production.
3. wrk (Debian package ``wrk``) with ``--threads`` threads and ``--connections`` open
   connections (2 and 8) runs each URL for ``--seconds`` (10) after two seconds of warm-up
   that are not counted. Pages: home, news index, a news article, a calendar month, a
   repeating activity, a campaign, a search. Each three times (``MODES``): *cold* (page
   cache off: ``PAGE_CACHE_SECONDS=0``, every request renders, with the sections and the
   shared parts kept as production keeps them), *render* (nothing kept either:
   ``FRAGMENT_CACHE_SECONDS=0`` and ``LAYOUT_CACHE_SECONDS=0``, the whole work of every
   request, as the first one after a change) and *warm* (page cache on). In the same run,
   the ceiling: a bare WSGI app returning 20 KB under the same gunicorn settings, and a
   static file through whitenoise. wrk runs on the same two cores as the servers.
4. The report gives requests/s, p50, p95 and p99 latency (wrk's own histogram, read by
   ``bench/wrk_report.lua``), non-2xx answers and socket errors, each page's requests/s
   as a share of the bare WSGI ceiling, and the SQL queries one cold or render request
   makes (counted in the benchmark's own process, after one warm-up request).

Nothing here is a test: it prints figures. Results and their reading: docs/performance.md.
"""

import argparse
import contextlib
import datetime
import io
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common

ROOT = common.ROOT
REPORT_LUA = Path(__file__).with_name("wrk_report.lua")
SCALE = {"news": 5000, "activities": 2000, "recurring": 200, "volunteers": 1000}
SCALE.update({"schools": 300, "writeups": 500})


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=90):
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, timeout=2) as response,  # noqa: S310 - loopback
        ):
            if response.status < 500:
                return
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


# --- the data set ----------------------------------------------------------------------------


def seed(scale, rng):
    """Add generated content up to the targets of SCALE × ``scale``; returns counts."""
    from django.db import transaction
    from django.test import override_settings
    from django.utils import timezone

    from activities.models import ActivityPage, School, WriteUpIndexPage, WriteUpPage
    from bench import corpus
    from home.models import HomePage, NewsPage
    from volunteers.models import Team, Volunteer

    target = {name: int(count * scale) for name, count in SCALE.items()}
    home = HomePage.objects.get()
    # News, activities and standard pages as the search benchmark makes them.
    news = max(0, target["news"] - NewsPage.objects.count())
    activities = max(0, target["activities"] - ActivityPage.objects.count())
    common.generate_pages(home, 0, rng, counts=(news, activities, 100))

    writer = corpus.Writer(rng)
    today = timezone.localdate()
    no_auto_update = {"default": {"BACKEND": "home.search.backend", "AUTO_UPDATE": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update), transaction.atomic():
        # Series spread over the years, as real ones are: a few run at any time.
        plain = list(ActivityPage.objects.filter(repeat="").values_list("pk", flat=True))
        chosen = rng.sample(plain, min(len(plain), target["recurring"]))
        for page in ActivityPage.objects.filter(pk__in=chosen):
            page.repeat = "WEEKLY"
            page.repeat_interval = 1
            page.repeat_count = 30
            page.save(
                update_fields=[
                    *("repeat", "repeat_interval", "repeat_count"),
                    *("series_start", "series_end", "sequence"),
                ]
            )

        schools = list(School.objects.all())
        kinds = ["kindergarten", "primary", "junior", "senior", "vocational", "special"]
        fresh = [
            School(name=f"青禾第{number}学校", kind=rng.choice(kinds), street="青禾街道")
            for number in range(len(schools) + 1, target["schools"] + 1)
        ]
        schools += School.objects.bulk_create(fresh)

        teams = list(Team.objects.all())
        volunteers = [
            Volunteer(
                name=f"志愿者{number}",
                phone=f"139{number:08d}",
                birth_year=rng.randint(1940, 1965),
                status=rng.choice(["approved", "approved", "pending"]),
                public_profile=rng.random() < 0.5,
                street="青禾街道",
            )
            for number in range(Volunteer.objects.count() + 1, target["volunteers"] + 1)
        ]
        Volunteer.objects.bulk_create(volunteers)
        if teams:
            through = Volunteer.teams.through
            through.objects.bulk_create(
                through(volunteer_id=person.pk, team_id=rng.choice(teams).pk)
                for person in Volunteer.objects.filter(teams__isnull=True)
            )

        index = WriteUpIndexPage.objects.child_of(home).first()
        for number in range(WriteUpPage.objects.count() + 1, target["writeups"] + 1):
            day = today - datetime.timedelta(days=rng.randint(1, 3 * 365))
            fields = corpus.news(writer, day)
            index.add_child(
                instance=WriteUpPage(
                    title=fields["title"][:60],
                    slug=f"bench-writeup-{number}",
                    school=rng.choice(schools),
                    event_date=day,
                    author_name=fields["author"][:40],
                    body="\n".join(fields["body"]),
                    first_published_at=timezone.now(),
                )
            )
    return {
        "news": NewsPage.objects.count(),
        "activities": ActivityPage.objects.count(),
        "repeating activities": ActivityPage.objects.exclude(repeat="").count(),
        "volunteers": Volunteer.objects.count(),
        "schools": School.objects.count(),
        "write-ups": WriteUpPage.objects.count(),
    }


def prepare(args):
    from django.core.management import call_command

    quiet = io.StringIO()
    seconds = {}
    for step, options in (("migrate", {"interactive": False}), ("load_demo", {})):
        common.log(f"{step} …")
        started = time.perf_counter()
        call_command(step, stdout=quiet, stderr=quiet, **options)
        seconds[step] = time.perf_counter() - started
    common.log("seeding …")
    started = time.perf_counter()
    counts = seed(args.scale, random.Random(args.seed))  # noqa: S311 - text, not secrets
    seconds["seed"] = time.perf_counter() - started
    common.log("update_index …")
    started = time.perf_counter()
    call_command("update_index", stdout=quiet, stderr=quiet)
    seconds["update_index"] = time.perf_counter() - started
    return counts, seconds


def urls():
    """(label, path) of the pages measured: one of each kind, chosen from the data."""
    from activities.models import ActivityPage, CampaignPage
    from home.models import NewsPage

    article = NewsPage.objects.live().order_by("-date", "-pk").first()
    activity = ActivityPage.objects.live().exclude(repeat="").order_by("-start").first()
    campaign = CampaignPage.objects.live().order_by("-start_date").first()
    month = datetime.date.today()
    return [
        ("home", "/"),
        ("news index", "/news/"),
        ("news article", article.url),
        ("calendar month", f"/calendar/{month.year}/{month.month}/"),
        ("activity (repeating)", activity.url),
        ("campaign", campaign.url),
        ("search 读书", "/search/?q=%E8%AF%BB%E4%B9%A6"),
    ]


def cold_queries(pages):
    """SQL queries of one request to each page after one warm-up, page cache off: per
    mode, "cold" (sections and shared parts kept, as in production) and "render" (nothing
    kept)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for mode, seconds in (("cold", 300), ("render", 0)):
        with override_settings(
            PAGE_CACHE_SECONDS=0, LAYOUT_CACHE_SECONDS=seconds, FRAGMENT_CACHE_SECONDS=seconds
        ):
            for label, path in pages:
                client.get(path)
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
                if response.status_code != 200:
                    raise SystemExit(f"GET {path} answered {response.status_code}")
                counts[label, mode] = len(queries)
    return counts


def static_path():
    """A hashed static file, as pages link it."""
    from django.templatetags.static import static

    return static("home/site.css")


# --- servers and wrk -------------------------------------------------------------------------


def wait_for_quiet(threshold, longest=30 * 60):
    """Wait until nothing else keeps the CPUs busy (the seeding may overlap other work)."""
    if threshold is None:
        return
    deadline = time.monotonic() + longest
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        common.log(f"waiting for a quiet machine (load {os.getloadavg()[0]:.1f}) …")
        time.sleep(30)


@contextlib.contextmanager
def redis_server(folder):
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        cwd=folder,
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushall()


@contextlib.contextmanager
def gunicorn(app, env, workers, log_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "website/gunicorn_config.py", app],
        cwd=ROOT,
        env={
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": str(workers),
        },
        stdout=subprocess.DEVNULL,
        stderr=open(log_path, "ab"),  # noqa: SIM115 - closed with the process
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + ("/healthz" if app == "website.wsgi" else "/"))
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)


def wrk(url, args, seconds=None):
    """wrk's figures for ``url``: requests/s, latencies in ms, errors."""
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", "-s", str(REPORT_LUA)]
    subprocess.run([*command, "-d2s", url], capture_output=True, check=True, timeout=60)  # warm-up
    result = subprocess.run(
        [*command, f"-d{seconds or args.seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=(seconds or args.seconds) + 60,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("REPORT "))
    figures = dict(re.findall(r"(\w+)=([\d.]+)", line))
    return {name: float(value) for name, value in figures.items()}


# (mode, PAGE_CACHE_SECONDS, FRAGMENT_CACHE_SECONDS and LAYOUT_CACHE_SECONDS)
MODES = [("cold", 0, 300), ("render", 0, 0), ("warm", 300, 300)]


def server_env(database_url, media_root, redis_url, cache_seconds, log_dir, kept_seconds=300):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="false",
        DATABASE_URL=database_url,
        DB_CONN_MAX_AGE="60",
        MEDIA_ROOT=str(media_root),
        REDIS_URL=redis_url,
        PAGE_CACHE_SECONDS=str(cache_seconds),
        FRAGMENT_CACHE_SECONDS=str(kept_seconds),
        LAYOUT_CACHE_SECONDS=str(kept_seconds),
        LOG_DIR=str(log_dir),
    )
    return env


def measure(args, database_url, pages):
    from django.conf import settings

    common._close_django_connections()
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    rows = []
    try:
        with redis_server(folder) as redis_url:
            # Hashed, compressed static files for the production settings' manifest.
            env = server_env(database_url, settings.MEDIA_ROOT, redis_url, 0, folder)
            subprocess.run(
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                cwd=ROOT,
                env=env,
                check=True,
            )
            env = server_env(database_url, settings.MEDIA_ROOT, redis_url, 0, folder)
            bare = "bench.bare_wsgi:application"
            with gunicorn(bare, env, args.workers, folder / "g.log") as url:
                common.log("ceiling: bare WSGI …")
                ceiling = wrk(url + "/", args)
            for mode, cache_seconds, kept_seconds in MODES:
                flush_redis(redis_url)  # each mode starts from an empty cache
                env = server_env(
                    database_url,
                    settings.MEDIA_ROOT,
                    redis_url,
                    cache_seconds,
                    folder,
                    kept_seconds,
                )
                with gunicorn("website.wsgi", env, args.workers, folder / "g.log") as url:
                    if mode == "cold":
                        common.log("static file …")
                        static = wrk(url + static_path(), args)
                        rows.append(("static file (whitenoise)", "", static))
                    for label, path in pages:
                        common.log(f"{mode}: {label} …")
                        rows.append((label, mode, wrk(url + path, args)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return ceiling, rows


# --- report ----------------------------------------------------------------------------------


def report(args, database, size_mb, counts, seconds, ceiling, rows, queries, load):
    data = ", ".join(f"{name} {count:,}" for name, count in counts.items())
    lines = [
        f"### {database}",
        "",
        (
            f"- Code: {common.code_version()}. Machine: {common.machine()}. "
            f"Load average {load[0]:.1f} before measuring, "
            f"{load[1]:.1f} after."
        ),
        f"- Data: {data}; database {size_mb:.0f} MB.",
        (
            f"- Set-up: migrate {seconds['migrate']:.0f} s, "
            f"load_demo {seconds['load_demo']:.0f} s, seeding {seconds['seed']:.0f} s, "
            f"update_index {seconds['update_index']:.0f} s."
        ),
        (
            f"- gunicorn, {args.workers} sync workers, production settings; wrk "
            f"{args.threads} threads, {args.connections} connections, {args.seconds} s a URL "
            "after 2 s of warm-up, on the same machine."
        ),
        (
            f"- Ceiling, a bare WSGI app returning 20 KB: **{ceiling['rps']:,.0f} requests/s**, "
            f"p50 {ceiling['p50']:.1f} ms, p95 {ceiling['p95']:.1f} ms."
        ),
        "",
        (
            "| URL | cache | requests/s | share of ceiling | p50 ms | p95 ms | p99 ms "
            "| errors | SQL |"
        ),
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for label, mode, figures in rows:
        errors = int(figures["non2xx"] + figures["errors"])
        lines.append(
            f"| {label} | {mode or '—'} | {figures['rps']:,.0f} "
            f"| {figures['rps'] / ceiling['rps']:.1%} | {figures['p50']:.1f} "
            f"| {figures['p95']:.1f} | {figures['p99']:.1f} | {errors} "
            f"| {queries.get((label, mode), '')} |"
        )
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", help="PostgreSQL server for the throw-away database")
    parser.add_argument("--database-name", default="bench_load")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the data set")
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per URL")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--quiet-load",
        type=float,
        help="before measuring, wait (up to 30 min) until the 1-minute load average is below this",
    )
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    args = parser.parse_args(argv)
    for tool in ("wrk", "redis-server"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing (Debian: apt-get install {tool})")

    with common.throwaway_database(
        args.database, args.database_url, args.database_name
    ) as database_url:
        common.setup_django(database_url)
        try:
            counts, seconds = prepare(args)
            database, size_mb = common.database_description()
            pages = urls()
            queries = cold_queries(pages)
            wait_for_quiet(args.quiet_load)
            load = [os.getloadavg()[0]]
            ceiling, rows = measure(args, database_url, pages)
            load.append(os.getloadavg()[0])
            text = report(args, database, size_mb, counts, seconds, ceiling, rows, queries, load)
        finally:
            common.remove_media()
    common.publish(text, args.output)


if __name__ == "__main__":
    main()
