"""Backup and restore: a round trip through an emptied database and media folder gives
back the same site (pages, revisions, images, users, a rendered page), on SQLite and on
PostgreSQL alike; a restore refuses to overwrite a site."""

import datetime
import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from tests import factories
from website import backup

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(restore_migrated_data):
    factories.site_settings()
    index = factories.news_index()
    picture = factories.image(title="活动照片")
    article = factories.news_page(
        index,
        title="备份以后还在的新闻",
        date=datetime.date(2026, 11, 20),
        tags=["读书"],
        listing_image=picture,
        intro="一篇带图片的新闻。",
    )
    article.title = "备份以后还在的新闻（修订）"
    article.save_revision().publish()
    factories.news_page(index, title="草稿新闻", live=False)
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("editor", password="Editor-Pass-1")
    return article


def empty_media():
    root = Path(settings.MEDIA_ROOT)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()


def snapshot(article):
    html = Client().get(article.url).content.decode()
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "images": list(get_image_model().objects.values_list("title", "file", "width")),
        "tags": sorted(article.specific.tags.names()),
        "html": html,
    }


def test_round_trip_reproduces_the_site(site, tmp_path):
    before = snapshot(site)
    image_file = get_image_model().objects.get().file.name
    archive = tmp_path / "site.tar.gz"

    call_command("backup", str(archive), stdout=open(tmp_path / "out", "w"))  # noqa: SIM115

    with tarfile.open(archive) as packed:
        names = packed.getnames()
    assert {"manifest.json", "data.json"} <= set(names)
    assert f"media/{image_file}" in names
    assert not any(name.startswith("media/images/") for name in names)  # renditions

    call_command("flush", interactive=False, verbosity=0)
    empty_media()
    assert Page.objects.count() == 0

    call_command("restore", str(archive), stdout=open(tmp_path / "out", "w"))  # noqa: SIM115

    after = snapshot(Page.objects.get(pk=site.pk).specific)
    assert after == before
    assert "备份以后还在的新闻（修订）" in after["html"]
    assert (Path(settings.MEDIA_ROOT) / image_file).exists()
    # The search index and logins work again.
    from home.search import results

    assert results.search("备份", factories.home_page()).hits
    login = Client().post("/admin/login/", {"username": "editor", "password": "Editor-Pass-1"})
    assert login.status_code == 302


def test_restore_refuses_a_database_that_holds_a_site(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backup.write(archive)
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="只能恢复到空数据库"):
        call_command("restore", str(archive))

    assert Page.objects.count() == pages


def test_restore_refuses_an_archive_from_newer_code(site, tmp_path):
    import io
    import json

    archive = tmp_path / "site.tar.gz"
    backup.write(archive)
    newer = tmp_path / "newer.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(newer, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"].append("home.9999_from_the_future")
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="更新的程序版本"):
        call_command("restore", str(newer))


def test_restore_refuses_something_that_is_not_a_backup(tmp_path, db):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")

    with pytest.raises(CommandError, match="无法读取备份文件"):
        call_command("restore", str(junk))
