"""Benchmark of the site search: query time over 5,000 pages, on SQLite or PostgreSQL.

Usage (from the project directory)::

    .venv/bin/python bench/search.py --database sqlite
    .venv/bin/python bench/search.py --database postgres \\
        --database-url postgres://postgres@127.0.0.1:5432/postgres

Method:

1. A throw-away database: an SQLite file in a new temporary directory, or a database
   ``bench_search`` created on the PostgreSQL server of ``--database-url`` (through the
   database the URL names) and dropped at the end. Settings: ``website.settings.test``
   (DEBUG off), with ``DATABASE_URL`` pointing at that database.
2. ``migrate``, ``load_demo``, then generated pages (``bench/corpus.py``: 75% news, 20%
   activities, 5% standard pages, seeded random text about the fictional 青禾区) up to
   ``--pages`` searchable pages (live, public, below the home page), added without
   revisions and without indexing; then one ``update_index``. Every step is timed.
3. Queries: the 64 of the quality set (``tests/test_search_quality.py``), a few broad words
   that most pages hold (活动, 青禾区 …) and two queries that find nothing. Each query runs
   once to warm up, then ``--repeat`` times through ``home.search.results.search`` alone,
   then ``--repeat`` times as a GET of ``/search/?q=…`` through Django's test client (URL
   routing, middleware, the view, template rendering; no network, no web server); a slow
   query stops after ``--budget`` seconds of runs (but runs at least three times). Times are
   wall-clock (``time.perf_counter``), one process, one request at a time, with the
   database connection kept open. The warm-up run, under ``CaptureQueriesContext``, counts
   the SQL queries.
4. Queries are classed by how many pages they find: none, broad (at least 10% of the
   pages), narrow (the rest). The report gives, per class and overall, p50 / p95 / max over
   every timed run of its queries (each query weighing the same, however many runs it
   had; percentiles are measured values, not interpolated), the SQL queries per request,
   and per query the hits and times of the broad ones, the empty ones and the slowest
   narrow ones. ``--profile`` adds a cProfile of ``results.search`` for the slowest query.

The report is Markdown, printed and, with ``--output FILE``, written to FILE.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common

# Words most generated pages hold, beyond the quality set's own 关工委 and 五老.
BROAD_QUERIES = ["活动", "青禾区", "志愿者", "学生", "家长", "关工委 活动"]
# Nothing on the site holds these; 火星探测器 is two words, so search retries with OR.
EMPTY_QUERIES = ["潜水艇", "火星探测器"]
BROAD_SHARE = 0.10  # a query that finds at least this share of the pages is broad
SLOWEST_NARROW = 10
MIN_RUNS = 3  # timed runs of a query, however slow
PROFILE_ROWS = 16
PROFILE_SQL_CHARS = 700


@dataclass
class Measured:
    """One query's figures: hits, times in ms, SQL queries per request."""

    query: str
    origin: str  # quality set, broad, empty
    hits: int = 0
    partial: bool = False
    kind: str = ""  # narrow, broad, none
    search_ms: list = field(default_factory=list)
    page_ms: list = field(default_factory=list)
    search_sql: int = 0
    page_sql: int = 0


def queries():
    """(query, origin) pairs: the quality set, then broad and empty queries, no repeats."""
    from tests.test_search_quality import QUERIES

    pairs = {}
    for query, _best, _also in QUERIES:
        pairs.setdefault(query, "quality set")
    for query in BROAD_QUERIES:
        pairs.setdefault(query, "broad")
    for query in EMPTY_QUERIES:
        pairs.setdefault(query, "empty")
    return list(pairs.items())


def counted(function):
    """``function()`` and the number of SQL queries it made."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        result = function()
    return result, len(captured.captured_queries)


def timed(function, repeat, budget):
    """Milliseconds of up to ``repeat`` calls of ``function`` (already warmed up).

    A slow query stops early, once its runs have taken ``budget`` seconds, but after at
    least ``MIN_RUNS`` runs: a query of several seconds would otherwise take minutes.
    """
    samples = []
    while len(samples) < repeat:
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
        if len(samples) >= MIN_RUNS and sum(samples) > budget * 1000:
            break
    return samples


def measure(home, repeat, budget, page_count):
    """Every query's figures (see the module docstring, step 3)."""
    from django.test import Client

    from home.search import results

    client = Client()
    measured = []
    for number, (query, origin) in enumerate(queries(), start=1):
        url = f"{home.search_url()}?{urlencode({'q': query})}"

        def search(query=query):
            return results.search(query, home)

        def page(url=url):
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"GET {url} answered {response.status_code}")
            return response

        # The first run of each warms up (and counts SQL queries); it is not timed.
        outcome, search_sql = counted(search)
        row = Measured(query, origin, hits=len(outcome.hits), partial=outcome.partial)
        row.search_sql = search_sql
        if not row.hits:
            row.kind = "none"
        elif row.hits >= BROAD_SHARE * page_count:
            row.kind = "broad"
        else:
            row.kind = "narrow"
        row.search_ms = timed(search, repeat, budget)
        _, row.page_sql = counted(page)
        row.page_ms = timed(page, repeat, budget)
        measured.append(row)
        common.log(
            f"  {number:2} {query}: {row.hits} hits, "
            f"search {common.percentile(row.search_ms, 0.5):.1f} ms, "
            f"page {common.percentile(row.page_ms, 0.5):.1f} ms"
        )
    return measured


def profile(home, query):
    """Where one warm ``results.search(query)`` spends its time, as text: the time of each
    SQL query it makes (the start of the slowest one's SQL), then cProfile's top functions
    by cumulative and by own time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.search import results

    results.search(query, home)
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        results.search(query, home)
        total = time.perf_counter() - started
    times = [float(q["time"]) for q in captured.captured_queries]
    slowest = max(captured.captured_queries, key=lambda q: float(q["time"]))
    lines = [
        f"{total * 1000:.0f} ms in all; {len(times)} SQL queries: "
        + ", ".join(f"{t * 1000:.0f} ms" for t in times),
        f"slowest SQL: {slowest['sql'][:PROFILE_SQL_CHARS]} …",
        "",
    ]
    profiler = cProfile.Profile()
    profiler.runcall(results.search, query, home)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(PROFILE_ROWS)
    stats.sort_stats("tottime").print_stats(PROFILE_ROWS // 2)
    # Keep the tables; drop pstats' banners and blank lines.
    lines += [
        line.rstrip()
        for line in out.getvalue().splitlines()
        if line.strip() and "Ordered by" not in line and "List reduced" not in line
    ]
    # pstats repeats its "… function calls in … seconds" line above each table.
    calls = [i for i, line in enumerate(lines) if "function calls" in line]
    for i in reversed(calls[1:]):
        del lines[i]
    return "\n".join(lines)


def _ms(value):
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _spread(values):
    low, high = min(values), max(values)
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


def _pooled(rows, name):
    """Every run of ``rows`` with a weight that makes each query count the same, however
    many runs it had (slow queries have fewer: see ``timed``)."""
    values, weights = [], []
    for row in rows:
        samples = getattr(row, name)
        values += samples
        weights += [1 / len(samples)] * len(samples)
    return values, weights


def report(site, measured, args, database, size_mb, load, profiled=None):
    """The Markdown report."""
    pages = common.searchable_pages(site.home).count()
    by_type = ", ".join(f"{name} {count:,}" for name, count in common.pages_by_type(site.home))
    generated = sum(site.created.values())
    broad_at = int(BROAD_SHARE * pages)
    seconds = site.seconds
    lines = [
        f"### {database}",
        "",
        (
            f"- Code: {common.code_version()}. Machine: {common.machine()}. "
            f"Load average {load[0]:.1f} before measuring, "
            f"{load[1]:.1f} after (the benchmark itself keeps one core busy)."
        ),
        (
            f"- Data: {pages:,} searchable pages ({by_type}); {pages - generated:,} from the "
            f"demo, {generated:,} generated. Database {size_mb:.0f} MB after indexing."
        ),
        (
            f"- Set-up: migrate {seconds['migrate']:.1f} s, load_demo "
            f"{seconds['load_demo']:.1f} s, generating {generated:,} pages "
            f"{seconds['generate']:.1f} s, **update_index {seconds['update_index']:.1f} s**."
        ),
        (
            f"- Query times in ms, warm: after one warm-up, {args.repeat} runs per query, or "
            f"fewer (at least {MIN_RUNS}) once they took {args.budget:g} s; percentiles weigh "
            "every query the same. `search()` is `results.search(q, home)`; `page` is a GET of "
            "`/search/?q=` through the test client. SQL: queries per request."
        ),
        "",
        (
            "| queries | n | hits | search() p50 | p95 | max | page p50 | p95 | max "
            "| SQL search() | SQL page |"
        ),
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    classes = [
        ("narrow", f"narrow (< {broad_at:,} hits)"),
        ("broad", f"broad (≥ {broad_at:,} hits)"),
        ("none", "no hits"),
        (None, "all"),
    ]
    for kind, label in classes:
        rows = [row for row in measured if kind is None or row.kind == kind]
        if not rows:
            continue
        search_ms, search_weights = _pooled(rows, "search_ms")
        page_ms, page_weights = _pooled(rows, "page_ms")
        lines.append(
            f"| {label} | {len(rows)} | {_spread([row.hits for row in rows])} "
            f"| {_ms(common.percentile(search_ms, 0.5, search_weights))} "
            f"| {_ms(common.percentile(search_ms, 0.95, search_weights))} "
            f"| {_ms(max(search_ms))} "
            f"| {_ms(common.percentile(page_ms, 0.5, page_weights))} "
            f"| {_ms(common.percentile(page_ms, 0.95, page_weights))} | {_ms(max(page_ms))} "
            f"| {_spread([row.search_sql for row in rows])} "
            f"| {_spread([row.page_sql for row in rows])} |"
        )

    narrow = sorted(
        (row for row in measured if row.kind == "narrow"),
        key=lambda row: -common.percentile(row.page_ms, 0.5),
    )
    detail = [row for row in measured if row.kind != "narrow"] + narrow[:SLOWEST_NARROW]
    detail.sort(key=lambda row: -common.percentile(row.page_ms, 0.5))
    lines += [
        "",
        (
            f"Per query: the broad ones, the empty ones and the {SLOWEST_NARROW} slowest "
            "narrow ones (p50 in ms; * = no page had every word, the hits have some)."
        ),
        "",
        "| query | class | hits | search() p50 | page p50 | page p95 | SQL page |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    for row in detail:
        lines.append(
            f"| {row.query} | {row.kind} | {row.hits:,}{'*' if row.partial else ''} "
            f"| {_ms(common.percentile(row.search_ms, 0.5))} "
            f"| {_ms(common.percentile(row.page_ms, 0.5))} "
            f"| {_ms(common.percentile(row.page_ms, 0.95))} | {row.page_sql} |"
        )
    if profiled:
        query, text = profiled
        lines += ["", f"cProfile of one warm `results.search({query!r}, home)`:", "", "```"]
        lines += [text, "```"]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--database-url",
        help="PostgreSQL server to create the throw-away database on, "
        "e.g. postgres://postgres@127.0.0.1:5432/postgres",
    )
    parser.add_argument(
        "--database-name", default="bench_search", help="PostgreSQL database to create and drop"
    )
    parser.add_argument("--pages", type=int, default=5000, help="searchable pages in all")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query")
    parser.add_argument(
        "--budget",
        type=float,
        default=10,
        help=f"seconds of timed runs per query and measure, then stop (at least {MIN_RUNS} runs)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="seed of the generated text")
    parser.add_argument("--profile", action="store_true", help="profile the slowest query")
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    args = parser.parse_args(argv)

    with common.throwaway_database(
        args.database, args.database_url, args.database_name
    ) as database_url:
        common.setup_django(database_url)
        try:
            site = common.prepare_site(args.pages, args.seed)
            database, size_mb = common.database_description()
            common.log(f"measuring on {database} …")
            page_count = common.searchable_pages(site.home).count()
            load = [os.getloadavg()[0]]
            measured = measure(site.home, args.repeat, args.budget, page_count)
            load.append(os.getloadavg()[0])
            profiled = None
            if args.profile:
                slowest = max(measured, key=lambda row: common.percentile(row.search_ms, 0.5))
                profiled = (slowest.query, profile(site.home, slowest.query))
            text = report(site, measured, args, database, size_mb, load, profiled)
        finally:
            common.remove_media()

    common.publish(text, args.output)


if __name__ == "__main__":
    main()
