"""Original images for the demo site, drawn with Pillow (no downloaded photos).

Every image is made once and found again by its title, so loading the demo twice does
not duplicate anything. Other apps' demo builders use ``demo_image`` too.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

# name: (sky top, sky bottom), hill colours from back to front, sun colour
PALETTES = {
    "spring": (((255, 236, 214), (250, 200, 170)), ["#7fb069", "#4f8a3c", "#2f6b2a"], "#f28c38"),
    "autumn": (((255, 243, 222), (246, 208, 160)), ["#e0b04a", "#c48a2c", "#8c5a1c"], "#d9481f"),
    "dawn": (((214, 232, 250), (255, 226, 200)), ["#8fbcd4", "#5b8fb0", "#2e5f82"], "#f5a623"),
    "field": (((232, 244, 236), (255, 246, 220)), ["#b5d99c", "#7fb069", "#3d7a34"], "#e9b83b"),
}


def _landscape(width, height, seed, palette_name):
    """Sky, sun and rolling hills: a calm illustration for banners and listings."""
    rng = random.Random(seed)  # noqa: S311 -- drawing, not security
    (top, bottom), hills, sun = PALETTES[palette_name]
    image = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(round(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x, sun_y, radius = rng.uniform(0.6, 0.85) * width, 0.32 * height, 0.09 * height
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=sun)
    for layer, colour in enumerate(hills):
        base = height * (0.55 + 0.14 * layer)
        amplitude = height * rng.uniform(0.04, 0.09)
        phase = rng.uniform(0, 6.28)
        points = [(0, height)]
        steps = 48
        for step in range(steps + 1):
            x = width * step / steps
            wave = (step / steps) * 6.28 * rng.uniform(0.9, 1.1) + phase
            y = base - amplitude * (1 + math.sin(wave))
            points.append((x, y))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    # A row of young shoots (青禾) in the foreground.
    for index in range(14):
        x = width * (index + 0.5) / 14
        y = height * 0.97
        stem = height * rng.uniform(0.08, 0.13)
        draw.line([(x, y), (x, y - stem)], fill="#1f4d1c", width=max(2, width // 300))
        leaf = stem * 0.45
        draw.ellipse([x - leaf, y - stem * 0.8, x, y - stem * 0.55], fill="#2f6b2a")
        draw.ellipse([x, y - stem, x + leaf, y - stem * 0.75], fill="#2f6b2a")
    return image


def demo_image(title, *, seed=1, palette="spring", size=(1600, 900), collection=None):
    """Return the demo image called ``title``, drawing and saving it the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = _landscape(size[0], size[1], seed, palette)
    return save_image(title, picture, filename=f"demo-{seed}.jpg", collection=collection)


def save_image(title, picture, *, filename, collection=None):
    """Store a Pillow image as a Wagtail image."""
    Image = get_image_model()
    buffer = io.BytesIO()
    fmt = "PNG" if filename.endswith(".png") else "JPEG"
    picture.save(buffer, format=fmt, quality=85)
    image = Image(title=title, file=ImageFile(buffer, name=filename))
    if collection is not None:
        image.collection = collection
    image.save()
    return image
