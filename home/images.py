"""Listing images with their renditions, fetched with the rows that show them."""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model


def with_renditions(queryset, field, *specs):
    """``queryset`` with the image in ``field`` joined to each row, and those images'
    renditions of ``specs`` prefetched: two queries in all, however many rows.

    (Wagtail's ``prefetch_renditions`` on a prefetched image makes it three: the rows, the
    images, the renditions.)
    """
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return queryset.select_related(field).prefetch_related(
        Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def prefetch_renditions(images, *specs):
    """The renditions of ``specs`` of images already fetched (from several rows, or from
    StreamField blocks), in one query for all of them; none if there are no images."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    prefetch_related_objects(
        list(images),
        Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"),
    )
