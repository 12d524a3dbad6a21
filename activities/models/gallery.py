"""The photo gallery that campaign pages and school write-ups share."""

from django.db import models
from wagtail.images import get_image_model


class PhotoGalleryMixin:
    """For a page whose ``photos`` (an inline of image + caption) are shown in a gallery
    with the rendition ``gallery_rendition``."""

    gallery_rendition = "width-800|format-webp"

    def gallery(self):
        """The photos with their images and renditions: two queries however many photos
        (in a preview, the unsaved photos as they are)."""
        images = get_image_model().objects.prefetch_renditions(self.gallery_rendition)
        return self.photos.all().prefetch_related(models.Prefetch("image", queryset=images))
