"""The photo gallery that campaign pages and school write-ups share."""

from home.images import prefetch_renditions


class PhotoGalleryMixin:
    """For a page whose ``photos`` (an inline of image + caption) are shown in a gallery
    with the rendition ``gallery_rendition``."""

    gallery_rendition = "width-800|format-webp"

    def gallery(self, other_images=(), other_specs=()):
        """The photos with their images and renditions: two queries however many photos
        (in a preview, the unsaved photos as they are). ``other_images``, already fetched
        (a campaign's book covers), get their renditions of ``other_specs`` in the same
        query."""
        photos = list(self.photos.all().select_related("image"))
        images = [*(photo.image for photo in photos), *other_images]
        prefetch_renditions(images, self.gallery_rendition, *other_specs)
        return photos
