"""Backup and restore of the whole site: one archive with a portable database dump and the
original media files.

The archive (``.tar.gz``) holds:

* ``manifest.json``: when, from which database, the applied migrations, row counts;
* ``data.json``: ``dumpdata`` with natural keys for the references to content types and
  permissions (``--natural-foreign``; rows keep their ids), so it loads into SQLite or
  PostgreSQL alike, whatever ids those two tables got there;
* ``media/``: every uploaded file (original images, documents, photos), without image
  renditions, which Wagtail makes again on demand. Read and restored through
  ``default_storage``: MEDIA_ROOT or an S3 bucket alike (tests/test_media_storage.py).

Left out, because they are rebuilt after a restore or are only transient: content types and
permissions (made by ``migrate``), sessions, the search index (``update_index``), the
reference index (``rebuild_references_index``), renditions and editing sessions. Also the
background-task queue (staff notification mails, volunteers/tasks.py): a restored site
should not mail staff again about sign-ups from the day of the backup.

The archive holds personal data (volunteers, sign-ups, school contacts): keep it where
only the committee's administrators can read it.
"""

import io
import json
import tarfile
from datetime import UTC, datetime
from pathlib import PurePosixPath

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "wagtailimages.rendition",
    "wagtailcore.referenceindex",
    "wagtailadmin",
    "django_tasks_database",
]
# Renditions live here (Wagtail's default); originals in original_images/.
RENDITIONS_FOLDER = "images"
COUNTED = [
    "wagtailcore.page",
    "wagtailcore.revision",
    "wagtailimages.image",
    "wagtaildocs.document",
    "auth.user",
    "volunteers.volunteer",
]


class RestoreError(Exception):
    """A restore that cannot go ahead; the message is for the operator."""


def counts():
    """Rows of the tables a restore is judged by."""
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


def _media_files(folder=""):
    directories, files = default_storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(directories):
        if not folder and name == RENDITIONS_FOLDER:
            continue
        yield from _media_files(f"{folder}/{name}" if folder else name)


def _add(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def write(target):
    """Write the backup archive to ``target`` (a path); returns the manifest."""
    dump = io.StringIO()
    with transaction.atomic():  # one consistent snapshot of every table
        call_command(
            "dumpdata",
            natural_foreign=True,
            exclude=EXCLUDED,
            indent=None,
            stdout=dump,
        )
        manifest = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "migrations": sorted(
                f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
            ),
            "counts": counts(),
        }
    media = list(_media_files())
    manifest["media_files"] = len(media)
    with tarfile.open(target, "w:gz") as archive:
        _add(archive, "manifest.json", json.dumps(manifest, ensure_ascii=False).encode())
        _add(archive, "data.json", dump.getvalue().encode("utf-8"))
        for name in media:
            with default_storage.open(name, "rb") as handle:
                _add(archive, f"media/{name}", handle.read())
    return manifest


def _is_empty():
    """A database that ``migrate`` just made: no users, no pages beyond the root and the
    home page the migrations create, no uploads."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    return (
        not get_user_model().objects.exists()
        and Page.objects.count() <= 2
        and not get_image_model().objects.exists()
        and not get_document_model().objects.exists()
    )


def _media_is_empty():
    try:
        return not any(True for _ in _media_files())
    except FileNotFoundError:
        return True


def read_manifest(source):
    with tarfile.open(source, "r:gz") as archive:
        return json.load(archive.extractfile("manifest.json"))


def restore(source, *, stdout=None):
    """Restore ``source`` into this empty database and media folder; returns the manifest.

    Refuses (``RestoreError``) a database or media folder that holds a site, an archive of
    another format, or one made by newer code (migrations this code does not have).
    """
    with tarfile.open(source, "r:gz") as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise RestoreError(f"备份格式 {manifest.get('format')} 无法识别 (unknown format).")
        known = {
            f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
        }
        unknown = sorted(set(manifest["migrations"]) - known)
        if unknown:
            raise RestoreError(
                "备份来自更新的程序版本，请先升级代码并运行 migrate "
                f"(the archive has migrations this code lacks: {', '.join(unknown[:5])})."
            )
        if not _is_empty():
            raise RestoreError("数据库中已有网站内容，只能恢复到空数据库 (database not empty).")
        if not _media_is_empty():
            raise RestoreError("媒体文件夹不是空的 (MEDIA_ROOT is not empty).")

        data = archive.extractfile("data.json").read()
        members = [m for m in archive.getmembers() if m.isfile() and m.name.startswith("media/")]
        with transaction.atomic():
            # The rows migrate made (root and home page, site, groups, workflow) are in the
            # archive too: start from empty tables; flush makes content types again.
            call_command("flush", interactive=False, verbosity=0)
            fixture = _temporary_fixture(data)
            try:
                call_command("loaddata", fixture, verbosity=0)
            finally:
                fixture.unlink()
        for member in members:
            name = str(PurePosixPath(member.name).relative_to("media"))
            if ".." in PurePosixPath(name).parts or name.startswith("/"):
                raise RestoreError(f"备份中的文件名不安全：{member.name}")
            saved = default_storage.save(name, ContentFile(archive.extractfile(member).read()))
            if saved != name:
                raise RestoreError(f"媒体文件 {name} 保存为 {saved}：媒体文件夹不是空的。")
    call_command("update_index", verbosity=0, stdout=stdout or io.StringIO())
    call_command("rebuild_references_index", verbosity=0, stdout=stdout or io.StringIO())
    from django.core.cache import cache

    cache.clear()  # cached pages, settings and site lookups of whatever was there before
    return manifest


def _temporary_fixture(data):
    import tempfile
    from pathlib import Path

    handle = tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False)  # noqa: SIM115
    with handle:
        handle.write(data)
    return Path(handle.name)
