"""Load and faults, on PostgreSQL under gunicorn with the production settings.

1. Twenty visitors for 60 s browse the demo site and sign up as volunteers and for
   activities with fewer seats than people: no server error, every accepted sign-up stored
   exactly once (the same phone twice included), nothing stored for a refused one, no
   activity over its seats.
2. The database stopped under that load: the Chinese 503 page (or a page from the page
   cache), never a 500 or a hang, nothing stored; started again, the site serves and
   takes sign-ups without a restart of gunicorn.

Marked ``load`` (about three minutes): `make test` leaves it out, `.ci/run` runs it.
``.venv/bin/python -m pytest -m load tests/test_load_and_faults.py -s`` prints the figures,
also written to artifacts/load/. No timing is asserted; timeouts only stop hangs.
"""

import collections
import json
import os
import random
import re
import shutil
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests import load_support
from tests.load_traffic import ALREADY, Traffic, figures

pytestmark = pytest.mark.load

CLIENTS = 20
LOAD_SECONDS = 60
OUTAGE_SECONDS = 8
RECOVERY_SECONDS = 30  # the longest the site may take to serve again once PostgreSQL is up
ARTIFACTS = load_support.ROOT / "artifacts" / "load"
UNAVAILABLE = "网站暂时无法访问"


@pytest.fixture(scope="module")
def site():
    folder = Path(tempfile.mkdtemp(prefix="load-site-"))
    try:
        with load_support.running_site(folder) as running:
            yield running
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def publish(name, summary):
    summary["load_average"] = round(os.getloadavg()[0], 1)  # the machine's, for context
    print(f"\n{name}: " + json.dumps(summary, ensure_ascii=False, indent=1))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))


def describe(outcomes, log=None):
    """The first few, with the form's own error messages when there are any, and the end
    of the server's error log."""
    lines = []
    for item in outcomes[:5]:
        errors = re.findall(r'class="form__error"[^>]*>([^<]+)', item.text)
        lines.append(
            f"{item.method} {item.path} ({item.kind}) → {item.status} {item.error} "
            f"{errors or item.text[:300]!r}"
        )
    if log and Path(log).exists():
        lines += Path(log).read_text(errors="replace").splitlines()[-40:]
    return "\n".join(lines)


def timeline(traffic, phones):
    """Each sign-up attempt with these phones: its status, and when it started and ended
    in seconds from each moment of ``traffic.marks`` (PostgreSQL stopping, down, …)."""
    lines = []
    for item in traffic.outcomes:
        if item.method == "POST" and item.phone in phones:
            moments = {
                name: (round(item.started - at, 2), round(item.ended - at, 2))
                for name, at in traffic.marks.items()
            }
            lines.append(f"{item.phone} {item.status} {item.error} {moments}")
    return lines


def check_sign_ups(traffic, database, uncertain=frozenset()):
    """Accepted sign-ups stored once, refused ones not at all (except ``uncertain`` phones,
    whose request was cut by the outage), seats never over capacity. Returns counts."""
    volunteer_prefix, activity_prefix = traffic.prefixes
    posts = [item for item in traffic.outcomes if item.method == "POST"]
    accepted = {item.phone for item in posts if item.kind == "volunteer" and item.accepted}
    rows = database.query(
        "SELECT phone FROM volunteers_volunteer WHERE phone LIKE %s", [volunteer_prefix + "%"]
    )
    stored = collections.Counter(phone for (phone,) in rows)
    assert {phone: stored[phone] for phone in accepted} == dict.fromkeys(accepted, 1)
    phantoms = set(stored) - accepted - uncertain
    assert not phantoms, "\n".join(["stored though refused:", *timeline(traffic, phantoms)])

    tokens = {item.token: item for item in posts if item.kind == "activity" and item.accepted}
    rows = database.query(
        "SELECT signup_id, phone, token, status, party_size FROM volunteers_registration "
        "WHERE phone LIKE %s",
        [activity_prefix + "%"],
    )
    stored_tokens = collections.Counter(token for _, _, token, _, _ in rows)
    assert {token: stored_tokens[token] for token in tokens} == dict.fromkeys(tokens, 1)
    phantoms = {row[1] for row in rows if row[2] not in tokens and row[1] not in uncertain}
    assert not phantoms, "\n".join(["stored though refused:", *timeline(traffic, phantoms)])
    per_phone = collections.Counter((signup, phone) for signup, phone, _, _, _ in rows)
    assert max(per_phone.values(), default=1) == 1, "one phone registered twice"

    seats = {}
    for signup in traffic.signups:  # every registration, of this run and the ones before
        everyone = database.query(
            "SELECT status, party_size FROM volunteers_registration WHERE signup_id = %s",
            [signup["signup"]],
        )
        confirmed = sum(size for status, size in everyone if status == "confirmed")
        waiting = [size for status, size in everyone if status == "waitlisted"]
        assert confirmed <= signup["seats"], f"activity {signup['id']} over capacity"
        # Without cancellations, a party waits only when it did not fit: it still does not.
        assert all(signup["seats"] - confirmed < size for size in waiting), (confirmed, waiting)
        seats[signup["id"]] = {
            "seats": signup["seats"],
            "taken": confirmed,
            "waitlisted": len(waiting),
        }
    return {"volunteers stored": len(stored), "registrations stored": len(rows), "seats": seats}


def test_twenty_visitors_browse_and_sign_up_for_a_minute(site):
    base, info, database = site
    traffic = Traffic(base, info, prefixes=("136", "158"))
    started = time.monotonic()
    outcomes = traffic.run(CLIENTS, LOAD_SECONDS)
    summary = figures(outcomes, time.monotonic() - started)
    summary["set_up_seconds"] = info["set_up_seconds"]
    volunteers = [item for item in outcomes if item.kind == "volunteer"]
    phones = collections.Counter(item.phone for item in volunteers)
    summary["sign_ups"]["volunteer"]["phones_sent_again"] = sum(n > 1 for n in phones.values())
    try:
        summary["database"] = check_sign_ups(traffic, database)
    finally:
        publish("load", summary)

    failed = [item for item in outcomes if item.status == 0 or item.status >= 500]
    assert failed == [], describe(failed, info["log"])
    assert {item.status for item in outcomes} <= {200, 302}, summary["statuses"]
    assert all(item.accepted for item in volunteers), "valid volunteer sign-ups refused"
    refused = [item for item in outcomes if item.kind == "activity" and not item.accepted]
    assert all(ALREADY in item.text for item in refused), describe(refused)
    # The run really raced: phones sent twice, and more people than seats.
    assert max(phones.values()) > 1
    assert any(seat["waitlisted"] for seat in summary["database"]["seats"].values())


def healthy(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:  # noqa: S310
            return response.status == 200
    except OSError:
        return False


def test_database_stopped_under_load_then_back_without_restart(site):
    base, info, database = site
    traffic = Traffic(base, info, prefixes=("135", "159"), seed=7)
    began = time.monotonic()
    traffic.start(CLIENTS, 5 * 60)  # stopped below; the deadline only bounds a failure
    try:
        time.sleep(3)
        while not traffic.tokens:  # a form seen, to post during the outage
            assert time.monotonic() - began < 60, "no sign-up form was served"
            time.sleep(0.5)
        stopping = traffic.marks["stopping"] = time.monotonic()
        database.stop()
        down = traffic.marks["down"] = time.monotonic()
        time.sleep(OUTAGE_SECONDS)
        starting = traffic.marks["starting"] = time.monotonic()
        database.start()
        up = traffic.marks["up"] = time.monotonic()
        # Not from the page cache: the health check and a form (its CSRF cookie).
        while not (healthy(base, "/healthz") and healthy(base, info["volunteer"])):
            assert time.monotonic() - up < RECOVERY_SECONDS, "the site did not come back"
            time.sleep(0.5)
        recovered = time.monotonic()
        time.sleep(5)
    finally:
        traffic.stop()
    rng = random.Random(1)  # noqa: S311 - traffic, not secrets
    after = [traffic.volunteer(rng, phone="13599999999")]
    after.append(traffic.activity(rng, traffic.signups[-1], phone="15999999999"))
    outcomes = traffic.outcomes

    def between(start, end):
        return [item for item in outcomes if item.started >= start and item.ended <= end]

    outage = between(down, starting)

    def overlaps(item, start, end):
        return item.started < end and item.ended > start

    accepted = {item.phone for item in outcomes if item.accepted}
    cut = {  # refused sign-ups in flight while PostgreSQL was going down or coming up
        item.phone
        for item in outcomes
        if item.method == "POST"
        and item.phone not in accepted
        and (overlaps(item, stopping, down) or overlaps(item, starting, up))
    }
    stored_anyway = database.query(  # committed, then the answer failed
        "SELECT phone FROM volunteers_volunteer WHERE phone = ANY(%s) UNION ALL "
        "SELECT phone FROM volunteers_registration WHERE phone = ANY(%s)",
        [sorted(cut), sorted(cut)],
    )
    summary = figures(outcomes, time.monotonic() - began)
    summary["outage"] = {
        "seconds": round(starting - down, 1),
        "stop_seconds": round(down - stopping, 1),
        "statuses": dict(collections.Counter(item.status for item in outage)),
        "page_cache_hits": sum(item.headers.get("x-page-cache") == "hit" for item in outage),
        "sign_ups_refused": sum(item.method == "POST" for item in outage),
        "recovered_seconds_after_start": round(recovered - up, 1),
        "503_after_start": sum(item.status == 503 for item in outcomes if item.started > up),
        "sign_ups_cut": len(cut),
        "cut_but_stored": timeline(traffic, {phone for (phone,) in stored_anyway}),
    }
    try:
        summary["database"] = check_sign_ups(traffic, database, uncertain=cut)
    finally:
        publish("faults", summary)

    failed = [item for item in outcomes if item.status not in (200, 302, 503)]
    assert failed == [], describe(failed, info["log"])
    for item in (item for item in outcomes if item.status == 503):
        assert UNAVAILABLE in item.text, describe([item])
        assert item.headers.get("retry-after") == "30"
        assert "Traceback" not in item.text
        assert "OperationalError" not in item.text
    served = [item for item in outage if item.status != 503]
    assert all(item.headers.get("x-page-cache") == "hit" for item in served), describe(served)
    assert summary["outage"]["statuses"].get(503), "the outage was not seen"
    posts = [item for item in outage if item.method == "POST"]
    assert posts, "no sign-up was tried during the outage"
    assert all(item.status == 503 for item in posts), describe(posts)
    # Back without a restart: every request begun after PostgreSQL was up is served.
    late = [item for item in outcomes if item.started > up and item.status == 503]
    assert late == [], describe(late, info["log"])
    assert all(item.accepted for item in after), describe(after)
    assert database.query(
        "SELECT count(*) FROM volunteers_volunteer WHERE phone = '13599999999'"
    ) == [(1,)]
    assert database.query(
        "SELECT count(*) FROM volunteers_registration WHERE phone = '15999999999'"
    ) == [(1,)]
