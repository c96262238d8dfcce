"""S3-compatible object storage (django-storages) for media and H5P packages, from the environment.

Several app servers must see the same uploaded files, and a local disk is one server's. With
``AWS_STORAGE_BUCKET_NAME`` the images and documents (``STORAGES["default"]``) go to that
bucket; with ``H5P_S3_BUCKET`` the extracted H5P packages (``STORAGES["h5p"]``, see
``h5p.storage``) go to a bucket of their own. Without them, both stay on the local file system
as before (one server, or a volume every server mounts).

Why two buckets: package files are package authors' code. They must never have a public URL
(served without the player's sandbox headers they would run with the site's origin), so the
package bucket is private (objects ``private``, signed URLs only) and the ``h5p`` package view
streams every file itself. Media may be public (image renditions are linked straight from
pages, whose cached HTML outlives any signed URL); documents are still served by Wagtail's view
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"`` in production), so the check that keeps teacher
material for teachers runs on every download.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from . import env

S3_BACKEND = "storages.backends.s3.S3Storage"
MiB = 1024 * 1024


def _connection() -> dict:
    """Endpoint, region and keys shared by both buckets; unset keys leave boto3 its own lookup
    (instance role, ``~/.aws``)."""
    options = {
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID", "").strip() or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", "").strip() or None,
        "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE", "").strip() or None,
    }
    return {name: value for name, value in options.items() if value is not None}


def media_options(bucket: str) -> dict:
    return {
        **_connection(),
        "bucket_name": bucket,
        "location": os.environ.get("AWS_LOCATION", "").strip().strip("/"),
        # Public media by default (bucket policy: read on images/ only); true signs every URL.
        "querystring_auth": env.boolean("AWS_QUERYSTRING_AUTH", False),
        "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None,
        "file_overwrite": False,  # two uploads named foto.jpg must not share one object
    }


def h5p_options(bucket: str) -> dict:
    return {
        **_connection(),
        "bucket_name": bucket,
        "location": os.environ.get("H5P_S3_LOCATION", "").strip().strip("/"),
        "default_acl": "private",
        "querystring_auth": True,  # even a url() call gives a short-lived signed URL, never a public one
        "querystring_expire": 300,
        "custom_domain": None,
        "file_overwrite": True,  # names are <fresh token>/<path>: checking for an existing object is a wasted request
        "max_memory_size": 4 * MiB,  # a larger package file spills to a temporary file while streamed
    }


def storages(base: dict) -> dict:
    """``base`` (the local file system) with the buckets the environment names."""
    result = dict(base)
    media_bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    h5p_bucket = os.environ.get("H5P_S3_BUCKET", "").strip()
    if h5p_bucket and h5p_bucket == media_bucket:
        raise ImproperlyConfigured(
            "H5P_S3_BUCKET moet een andere, privé bucket zijn dan AWS_STORAGE_BUCKET_NAME: pakketbestanden "
            "mogen nooit een openbare URL hebben (H5P_S3_BUCKET must be a private bucket of its own)."
        )
    if media_bucket:
        result["default"] = {"BACKEND": S3_BACKEND, "OPTIONS": media_options(media_bucket)}
    if h5p_bucket:
        result["h5p"] = {"BACKEND": S3_BACKEND, "OPTIONS": h5p_options(h5p_bucket)}
    return result
