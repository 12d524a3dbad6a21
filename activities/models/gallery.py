"""The photo gallery that campaign pages and school write-ups share."""

from home.images import with_renditions


class PhotoGalleryMixin:
    """For a page whose ``photos`` (an inline of image + caption) are shown in a gallery
    with the rendition ``gallery_rendition``."""

    gallery_rendition = "width-800|format-webp"

    def gallery(self):
        """The photos with their images and renditions: two queries however many photos
        (in a preview, the unsaved photos as they are)."""
        return with_renditions(self.photos.all(), "image", self.gallery_rendition)
