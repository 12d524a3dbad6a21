"""Servers for tests/test_load_and_faults.py: a private PostgreSQL cluster that the test
can stop and start, and the site on it under gunicorn with the production settings.

The gunicorn, Redis and environment helpers are the load benchmark's (bench/load.py).
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import load as bench

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 3

# Run inside `manage.py shell` (one process: Django starts once): migrate, the demo,
# activities with few seats, and the addresses to visit.
SEED = """
import datetime, io, json
from django.core.management import call_command
from django.utils import timezone
from activities.models import CalendarPage, CampaignPage
from home.models import NewsPage
from volunteers.models import VolunteerSignupPage
from tests import factories

call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo", stdout=io.StringIO())
calendar = CalendarPage.objects.get()
signups = []
for number, (seats, party) in enumerate([(4, 1), (6, 2), (8, 1)], start=1):
    page = factories.activity(
        calendar,
        title=f"压力测试活动{number}",
        start=timezone.now() + datetime.timedelta(days=7 + number),
        revision=False,
    )
    signup = factories.activity_signup(page, capacity=seats, max_party_size=party)
    signups.append({"id": page.pk, "signup": signup.pk, "seats": seats, "party": party})
month = timezone.localdate()
print("SITE " + json.dumps({
    "signups": signups,
    "volunteer": VolunteerSignupPage.objects.get().url,
    "pages": {
        "home": "/",
        "news index": "/news/",
        "article": NewsPage.objects.live().order_by("-date").first().url,
        "calendar month": f"/calendar/{month.year}/{month.month}/",
        "activity page": page.url,
        "campaign": CampaignPage.objects.live().first().url,
        "search": "/search/?q=%E8%AF%BB%E4%B9%A6",
    },
}))
"""


def newest_pg_bin():
    """The newest /usr/lib/postgresql/*/bin with an initdb, as .ci/run picks it."""
    found = [
        path for path in Path("/usr/lib/postgresql").glob("*/bin") if (path / "initdb").exists()
    ]
    found.sort(key=lambda path: [int(part) for part in path.parent.name.split(".")])
    return found[-1] if found else None


class Postgres:
    """A throw-away cluster in a temporary directory, on 127.0.0.1 and a free port. As root
    it runs as the ``postgres`` system user (initdb refuses root)."""

    def __init__(self, binaries):
        self.bin = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="load-postgres-"))
        self.folder.chmod(0o755)
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.folder, "postgres")
        self.port = bench.free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool, *args, check=True):
        command = [str(self.bin / tool), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, timeout=120)

    def init(self):
        self._run(
            "initdb", "-D", self.folder / "data", "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip

    def start(self):
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", self.folder / "data", "-l", self.folder / "server.log",
            "-w", "-t", "90", "-o", options, "start",
        )  # fmt: skip

    def stop(self):
        """The way an operator (or a crash of the host's service) takes it away: every
        session is cut, new connections are refused."""
        self._run("pg_ctl", "-D", self.folder / "data", "-m", "fast", "-w", "-t", "90", "stop")

    def remove(self):
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run("pg_ctl", "-D", self.folder / "data", "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def query(self, sql, params=()):
        import psycopg

        with psycopg.connect(self.url, connect_timeout=10) as connection:
            return connection.execute(sql, params).fetchall()


@contextlib.contextmanager
def running_site(folder):
    """Yield (base URL, the site's addresses, the database) for the demo site on a new
    PostgreSQL cluster under gunicorn; everything is stopped and removed afterwards."""
    binaries = newest_pg_bin()
    assert binaries, (
        "PostgreSQL not found in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    )
    database = Postgres(binaries)
    with contextlib.ExitStack() as stack:
        stack.callback(database.remove)
        database.init()
        database.start()
        redis_url = ""
        if shutil.which("redis-server"):
            redis_url = stack.enter_context(bench.redis_server(folder))
        env = bench.server_env(database.url, folder / "media", redis_url, 300, folder)
        # Each simulated visitor has its own address, as behind the production proxy.
        env["CLIENT_IP_HEADER"] = "HTTP_X_REAL_IP"
        manage = [sys.executable, "manage.py"]
        # Hashed static files for the production settings, while the database is filled.
        collect = subprocess.Popen(
            [*manage, "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stack.callback(collect.wait, 30)
        stack.callback(collect.kill)
        started = time.monotonic()
        seeded = subprocess.run(
            [*manage, "shell", "-c", SEED],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert seeded.returncode == 0, seeded.stderr[-3000:]
        line = next(line for line in seeded.stdout.splitlines() if line.startswith("SITE "))
        site = json.loads(line[5:])
        assert collect.wait(300) == 0, "collectstatic failed"
        site["set_up_seconds"] = round(time.monotonic() - started)
        site["log"] = str(folder / "gunicorn.log")  # gunicorn's and Django's errors
        base = stack.enter_context(
            bench.gunicorn("website.wsgi", env, WORKERS, folder / "gunicorn.log")
        )
        yield base, site, database
