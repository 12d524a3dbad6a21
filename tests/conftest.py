import io
import logging
import signal

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths and settings lookups; start every test clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker):
    """The rows the data migrations create (home page, site, groups, workflow), serialised.

    Transactional tests (the browser tests, with a live server) end with a flush that
    empties every table; ``restore_migrated_data`` puts these rows back. Django's own
    serialized_rollback cannot be used: Playwright's event loop gives the test a fresh
    connection object that lacks the serialised copy.
    """
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def restore_migrated_data(migrated_data, transactional_db):
    from wagtail.models import Page

    if not Page.objects.exists():
        # The flush re-created content types and permissions with new ids: clear them too.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(migrated_data)
        # Rows came back with their ids; move PostgreSQL's sequences past them.
        sql = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        if sql:
            with connection.cursor() as cursor:
                for statement in sql:
                    cursor.execute(statement)


@pytest.fixture
def run_worker(restore_migrated_data):
    """``run_worker()`` runs the notifications worker as production does (``manage.py
    db_worker --backend notifications``) in batch mode: every task that is due, then it
    returns. The test is transactional: the worker checks its database connection between
    tasks, as a long-running process must, which would end a test's wrapping transaction.
    The command's signal handlers and log levels are put back afterwards."""

    def run():
        signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
        handlers = {number: signal.getsignal(number) for number in signals}
        loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
        levels = [(logger, logger.level, list(logger.handlers)) for logger in loggers]
        try:
            call_command(
                "db_worker",
                "--backend=notifications",
                "--batch",
                "--no-startup-delay",
                "--no-reload",
                verbosity=0,
                stdout=io.StringIO(),
            )
        finally:
            for number, handler in handlers.items():
                signal.signal(number, handler)
            for logger, level, handlers_before in levels:
                logger.setLevel(level)
                logger.handlers[:] = handlers_before

    return run
