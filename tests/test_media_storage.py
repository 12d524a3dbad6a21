"""Media in an S3-compatible bucket (django-storages) when AWS_STORAGE_BUCKET_NAME is set:
the production settings switch the default storage, images and their renditions live in
the bucket under the CDN's domain, documents stay behind Wagtail's serve view, and backup
and restore read and write the bucket. moto stands in for S3, in process: no network."""

import io
import json
import tarfile

import boto3
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from moto import mock_aws
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests import factories
from tests.test_settings import run_production
from website import backup
from website.settings.media_storage import media_origin, s3_storage

BUCKET = "ggw-media"
CDN = "media.example.org"
SHOW_SETTINGS = """
import json
from django.conf import settings
from django.core.files.storage import default_storage
print(json.dumps({
    "default": settings.STORAGES["default"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "documents": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "url": default_storage.url("original_images/photo.jpg"),
}))
"""


def production_settings(**env):
    result = run_production(SHOW_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_bucket_media_stay_on_the_local_disk():
    shown = production_settings()

    assert shown["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert shown["url"] == "/media/original_images/photo.jpg"
    assert shown["documents"] is None


def test_a_bucket_with_a_cdn_domain_takes_the_media_and_leaves_static_files_alone():
    shown = production_settings(
        AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_REGION_NAME="cn-north-1", AWS_S3_CUSTOM_DOMAIN=CDN
    )

    assert shown["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert shown["default"]["OPTIONS"]["bucket_name"] == BUCKET
    assert shown["default"]["OPTIONS"]["file_overwrite"] is False
    assert shown["url"] == f"https://{CDN}/original_images/photo.jpg"
    assert shown["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert shown["documents"] == "serve_view"
    assert f"https://{CDN}" in shown["img_src"]


def test_an_s3_compatible_endpoint_such_as_minio_gives_plain_urls_on_that_host():
    shown = production_settings(
        AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_ENDPOINT_URL="http://minio.internal:9000"
    )

    # No signature in the query string: the same URL on every render, cacheable.
    assert shown["url"] == f"http://minio.internal:9000/{BUCKET}/original_images/photo.jpg"
    assert "http://minio.internal:9000" in shown["img_src"]


def test_a_virtual_host_style_service_such_as_oss_puts_the_bucket_host_in_the_policy():
    storage = s3_storage(
        {
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": "https://oss-cn-beijing.aliyuncs.com",
            "AWS_S3_REGION_NAME": "cn-beijing",
            "AWS_S3_ADDRESSING_STYLE": "virtual",
        }
    )

    assert storage["OPTIONS"]["addressing_style"] == "virtual"
    assert media_origin(storage) == f"https://{BUCKET}.oss-cn-beijing.aliyuncs.com"


# In process, against moto's S3.


@pytest.fixture
def bucket(monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    storage = s3_storage(
        {
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_S3_CUSTOM_DOMAIN": CDN,
        }
    )
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        with override_settings(
            STORAGES={**settings.STORAGES, "default": storage},
            WAGTAILDOCS_SERVE_METHOD="serve_view",
        ):
            yield client


def keys(client):
    listing = client.list_objects_v2(Bucket=BUCKET)
    return sorted(item["Key"] for item in listing.get("Contents", []))


@pytest.mark.django_db
def test_an_uploaded_image_and_its_rendition_live_in_the_bucket_under_the_cdn(bucket, admin_client):
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 80), "#2a6e3f").save(buffer, format="PNG")
    upload = ContentFile(buffer.getvalue(), name="合影.png")

    response = admin_client.post(
        "/admin/images/add/",
        {"title": "合影", "file": upload, "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 302
    image = get_image_model().objects.get(title="合影")
    assert keys(bucket) == [image.file.name]
    assert image.file.name.startswith("original_images/")
    rendition = image.get_rendition("fill-60x40")
    assert rendition.file.name in keys(bucket)
    assert rendition.url == f"https://{CDN}/{rendition.file.name}"
    head = bucket.head_object(Bucket=BUCKET, Key=rendition.file.name)
    assert head["CacheControl"] == "public, max-age=2592000"
    assert (rendition.width, rendition.height) == (60, 40)


@pytest.mark.django_db
def test_two_uploads_with_the_same_name_keep_both_files(bucket):
    first = factories.image(title="一", colour="#ff0000")
    second = factories.image(title="二", colour="#0000ff")

    assert first.file.name != second.file.name
    assert keys(bucket) == sorted([first.file.name, second.file.name])
    assert first.file.open("rb").read() != second.file.open("rb").read()


@pytest.mark.django_db
def test_deleting_an_image_removes_it_and_its_renditions_from_the_bucket(
    bucket, django_capture_on_commit_callbacks
):
    image = factories.image()
    image.get_rendition("fill-20x20")
    assert len(keys(bucket)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert keys(bucket) == []


@pytest.fixture
def document(bucket):
    return get_document_model().objects.create(
        title="工作计划", file=ContentFile("二〇二六年工作计划".encode(), name="plan.txt")
    )


@pytest.mark.django_db
def test_documents_are_read_from_the_bucket_through_the_serve_view(document, client):
    response = client.get(document.url)

    assert document.url.startswith("/documents/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == "二〇二六年工作计划"


@pytest.mark.django_db
def test_a_private_document_never_sends_anyone_to_the_bucket(document, client, admin_user):
    private = Collection.get_first_root_node().add_child(name="内部资料")
    document.collection = private
    document.save()
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")

    anonymous = client.get(document.url)
    client.force_login(admin_user)
    logged_in = client.get(document.url)
    with override_settings(WAGTAILDOCS_SERVE_METHOD=None):
        wagtail_default = client.get(document.url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/_util/login/")  # Wagtail's login, not S3
    # Served through Django, the file never gets a public address; Wagtail's default for
    # remote storage would redirect to a bucket URL that could be passed on.
    assert logged_in.status_code == 200
    assert b"".join(logged_in.streaming_content).decode() == "二〇二六年工作计划"
    assert wagtail_default["Location"].startswith(f"https://{CDN}/documents/")


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_carry_the_bucket_originals(bucket, restore_migrated_data, tmp_path):
    image = factories.image(title="活动照片")
    image.get_rendition("fill-20x20")
    original = image.file.name
    content = bucket.get_object(Bucket=BUCKET, Key=original)["Body"].read()
    archive = tmp_path / "site.tar.gz"

    manifest = backup.write(archive)

    with tarfile.open(archive) as packed:
        assert packed.extractfile(f"media/{original}").read() == content
        assert not any(name.startswith("media/images/") for name in packed.getnames())
    assert manifest["media_files"] == 1

    call_command("flush", interactive=False, verbosity=0)
    for key in keys(bucket):
        bucket.delete_object(Bucket=BUCKET, Key=key)

    backup.restore(archive)

    assert keys(bucket) == [original]
    assert bucket.get_object(Bucket=BUCKET, Key=original)["Body"].read() == content
    restored = get_image_model().objects.get(title="活动照片")
    assert restored.get_rendition("fill-20x20").url.startswith(f"https://{CDN}/images/")
