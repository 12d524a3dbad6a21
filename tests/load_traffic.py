"""A bounded load generator for tests/test_load_and_faults.py: threads, each a visitor
after another, browsing and signing up over plain http.client to 127.0.0.1 only.

Every request is kept as an :class:`Outcome`; nothing is retried. It stops at a deadline,
at a cap on requests, or when told; each request gives up after ``TIMEOUT`` seconds.
"""

import collections
import http.client
import itertools
import random
import re
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from bench.common import percentile

TIMEOUT = 45  # seconds a request may take before it counts as a hang (gunicorn's is 30)
MAX_REQUESTS = 20_000
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
COOKIE_RE = re.compile(r"csrftoken=([^;]+)")
ALREADY = "这个手机号码已经报名了这项活动"


@dataclass
class Outcome:
    kind: str
    method: str
    path: str
    started: float
    seconds: float
    status: int = 0  # 0: no answer (refused, reset or timed out)
    headers: dict = field(default_factory=dict)
    text: str = ""
    error: str = ""
    phone: str = ""
    signup: dict | None = None

    @property
    def ended(self):
        return self.started + self.seconds

    @property
    def accepted(self):
        """A sign-up the site answered with success: the thank-you page or the personal
        page of the registration."""
        location = self.headers.get("location", "")
        if self.kind == "volunteer":
            return self.status == 302 and location.endswith("/thanks/")
        return self.status == 302 and "/activity-signup/r/" in location

    @property
    def token(self):
        return self.headers.get("location", "").rstrip("/").rsplit("/", 1)[-1]


class Traffic:
    """Visitors to ``base``: ``weights`` of browsing, volunteer and activity sign-ups."""

    def __init__(self, base, site, prefixes, weights=(6, 2, 2), seed=2026):
        address = urlsplit(base)
        assert address.hostname == "127.0.0.1", "traffic goes to the loopback only"
        self.host, self.port = address.hostname, address.port
        self.pages = list(site["pages"].items())
        self.signups = site["signups"]
        self.volunteer_path = site["volunteer"]
        self.prefixes = prefixes  # of the phone numbers: volunteers, activity sign-ups
        self.weights = weights
        self.seed = seed
        self.outcomes = []
        self.tokens = []  # (cookie, token) pairs seen, for posting when the form is down
        self.phones = collections.defaultdict(list)  # "volunteer" or activity id → phones
        self.calls = collections.Counter()
        self.marks = {}  # moments of the run by name (time.monotonic()), for reports
        self.numbers = itertools.count(1)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = []

    # --- one request ---------------------------------------------------------------------

    def request(self, kind, path, form=None, headers=None, **extra):
        headers = dict(headers or {})
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        outcome = Outcome(kind, "POST" if form else "GET", path, time.monotonic(), 0, **extra)
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            connection.request(outcome.method, path, body=body, headers=headers)
            response = connection.getresponse()
            outcome.text = response.read().decode("utf-8", "replace")
            outcome.status = response.status
            outcome.headers = {name.lower(): value for name, value in response.getheaders()}
        except (OSError, http.client.HTTPException) as error:
            outcome.error = repr(error)
        finally:
            connection.close()
            outcome.seconds = time.monotonic() - outcome.started
        if outcome.status == 200 and outcome.method == "GET" and not outcome.kind.endswith("form"):
            outcome.text = ""  # only refusals and errors are read afterwards
        with self.lock:
            self.outcomes.append(outcome)
        return outcome

    def credentials(self, kind, path):
        """A CSRF cookie and token from the form; during an outage, one seen earlier."""
        page = self.request(kind, path)
        token = TOKEN_RE.search(page.text)
        cookie = COOKIE_RE.search(page.headers.get("set-cookie", ""))
        if page.status == 200:
            page.text = ""  # read; only refusals and errors are kept
        if page.status == 200 and token and cookie:
            with self.lock:
                self.tokens.append((cookie.group(1), token.group(1)))
            return cookie.group(1), token.group(1)
        with self.lock:
            return self.tokens[-1] if self.tokens else None

    def phone(self, key, prefix):
        """A new number, or every fourth time (the second one first) the last one sent,
        maybe still in flight in another visitor's request."""
        with self.lock:
            earlier = self.phones[key]
            self.calls[key] += 1
            if self.calls[key] % 4 == 2:
                return earlier[-1]
            phone = f"{prefix}{next(self.numbers):08d}"
            earlier.append(phone)
            return phone

    def sign_up(self, kind, path, fields, phone, rng, **extra):
        credentials = self.credentials(f"{kind} form", path)
        if credentials is None:
            return None
        cookie, token = credentials
        headers = {
            "Cookie": f"csrftoken={cookie}",
            # Each attempt from its own address, as many visitors are behind the proxy.
            "X-Real-IP": f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
        }
        form = {**fields, "phone": phone, "consent": "on", "csrfmiddlewaretoken": token}
        return self.request(kind, path, form, headers, phone=phone, **extra)

    def volunteer(self, rng, phone=None):
        fields = {"name": "压力测试", "category": rng.choice(["teacher", "cadre", "other"])}
        phone = phone or self.phone("volunteer", self.prefixes[0])
        return self.sign_up("volunteer", self.volunteer_path, fields, phone, rng)

    def activity(self, rng, signup=None, phone=None):
        signup = signup or rng.choice(self.signups)
        fields = {"name": "压力测试", "party_size": rng.randint(1, signup["party"])}
        phone = phone or self.phone(signup["id"], self.prefixes[1])
        path = f"/activity-signup/{signup['id']}/"
        return self.sign_up("activity", path, fields, phone, rng, signup=signup)

    def browse(self, rng):
        kind, path = rng.choice(self.pages)
        return self.request(kind, path)

    # --- visitors --------------------------------------------------------------------------

    def visitor(self, number, deadline):
        rng = random.Random(self.seed * 100 + number)  # noqa: S311 - traffic, not secrets
        actions = [self.browse, self.volunteer, self.activity]
        while not self.stopping.is_set() and time.monotonic() < deadline:
            if len(self.outcomes) >= MAX_REQUESTS:
                break
            rng.choices(actions, self.weights)[0](rng)

    def start(self, clients, seconds):
        deadline = time.monotonic() + seconds
        self.threads = [
            threading.Thread(target=self.visitor, args=(n, deadline), daemon=True)
            for n in range(clients)
        ]
        for thread in self.threads:
            thread.start()
        return deadline

    def stop(self, deadline=None):
        """Wait for the visitors (at most past ``deadline`` plus one request's timeout)."""
        if deadline is None:
            self.stopping.set()
            deadline = time.monotonic()
        for thread in self.threads:
            thread.join(max(0, deadline - time.monotonic()) + TIMEOUT + 5)
        self.stopping.set()
        assert not any(thread.is_alive() for thread in self.threads), "a visitor hung"

    def run(self, clients, seconds):
        self.stop(self.start(clients, seconds))
        return self.outcomes


def figures(outcomes, seconds):
    """Requests, per-kind counts, status histogram and latency percentiles (ms)."""

    def latency(items):
        values = [item.seconds * 1000 for item in items] or [0]
        return {"p50": round(percentile(values, 0.5)), "p95": round(percentile(values, 0.95))}

    kinds = collections.defaultdict(list)
    for item in outcomes:
        kinds[item.kind].append(item)
    return {
        "requests": len(outcomes),
        "seconds": round(seconds, 1),
        "requests_per_second": round(len(outcomes) / seconds, 1) if seconds else None,
        "statuses": dict(sorted(collections.Counter(item.status for item in outcomes).items())),
        "latency_ms": latency(outcomes),
        "kinds": {
            kind: {"requests": len(items), **latency(items)}
            for kind, items in sorted(kinds.items())
        },
        "sign_ups": {
            kind: {
                "attempts": sum(1 for item in outcomes if item.kind == kind),
                "accepted": sum(1 for item in outcomes if item.kind == kind and item.accepted),
            }
            for kind in ("volunteer", "activity")
        },
    }
