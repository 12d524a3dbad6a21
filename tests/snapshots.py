"""A copy of the whole test database, taken once and put back for each test that wants it.

Building the demo (``load_demo``) makes some 16,000 queries: about 15 s on SQLite and more
on PostgreSQL. The browser tests each want the whole demo in a database of their own
(they are transactional: a live server reads it from another thread), so the first one
builds it and takes a snapshot, and every later one puts the snapshot back in well under a
second: SQLite's backup API copies the in-memory database page by page (full-text index
included); on PostgreSQL every table is copied out and in with COPY.
"""

import sqlite3

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder


def take():
    """The snapshot, or None where it cannot be put back (a PostgreSQL role that is not a
    superuser may not switch foreign-key checks off: the caller then builds afresh)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            return None
        tables = connection.introspection.table_names(cursor)
        data = {}
        for table in tables:
            with cursor.cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as copy:
                data[table] = b"".join(bytes(block) for block in copy)
        return data


def restore(snapshot):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        snapshot.backup(connection.connection)
        return
    tables = list(snapshot)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE {} RESTART IDENTITY CASCADE".format(", ".join(f'"{t}"' for t in tables))
        )
        # Rows go in table by table: foreign keys and triggers wait (CI's server runs as
        # the superuser postgres, which may switch them off for the session).
        cursor.execute("SET session_replication_role = replica")
        try:
            for table, data in snapshot.items():
                if data:
                    with cursor.cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as copy:
                        copy.write(data)
        finally:
            cursor.execute("SET session_replication_role = DEFAULT")
        # django_migrations too: its rows came back with their ids (a test that migrates
        # backwards and forwards inserts into it).
        models = [*apps.get_models(), MigrationRecorder.Migration]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
