"""Uploaded media in S3-compatible object storage (AWS S3, MinIO, Aliyun OSS, Tencent COS),
through django-storages, when AWS_STORAGE_BUCKET_NAME is set; production.py uses it.

Without a bucket, media stay on the local disk under MEDIA_ROOT. Credentials are not
copied into settings: boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an
instance role) from the environment itself. docs/deploy.md has the bucket policy.
"""

from urllib.parse import urlsplit

S3_BACKEND = "storages.backends.s3.S3Storage"
# Public media change name when they change (Wagtail adds a suffix to a reused name, and
# renditions carry their filter in the name): browsers and a CDN may keep them 30 days.
CACHE_CONTROL = "public, max-age=2592000"


def s3_storage(environ):
    """The STORAGES["default"] entry for the bucket in ``environ``, or None without one."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return None
    options = {
        "bucket_name": bucket,
        # Two uploads called IMG_0001.jpg must not overwrite each other (django-storages
        # overwrites by default); Wagtail's names then get a suffix, as on disk.
        "file_overwrite": False,
        # Plain, stable URLs: images are public (bucket policy), so no signed query strings
        # that would change on every page render and defeat the page and CDN caches.
        "querystring_auth": False,
        # No per-object ACL: the bucket policy decides who reads what (many S3-compatible
        # services and buckets with "object ownership: enforced" reject ACLs).
        "default_acl": None,
        "object_parameters": {"CacheControl": CACHE_CONTROL},
    }
    for option, variable in [
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("addressing_style", "AWS_S3_ADDRESSING_STYLE"),
    ]:
        value = environ.get(variable, "").strip()
        if value:
            options[option] = value
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}


def media_origin(storage):
    """The origin browsers load media from, for the Content-Security-Policy: the custom
    domain, else the endpoint (path style, botocore's choice for an endpoint URL, or the
    bucket as a subdomain of it). None on AWS's own host names, which vary by region:
    give a custom domain or name the host in CSP_MEDIA_HOSTS."""
    options = storage["OPTIONS"]
    if options.get("custom_domain"):
        return f"https://{options['custom_domain']}"
    if options.get("endpoint_url"):
        parts = urlsplit(options["endpoint_url"])
        if options.get("addressing_style") == "virtual":
            return f"{parts.scheme}://{options['bucket_name']}.{parts.netloc}"
        return f"{parts.scheme}://{parts.netloc}"
    return None
