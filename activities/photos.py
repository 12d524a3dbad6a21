"""Photos uploaded by schools: judged by their content, limited in size and pixels, and
re-encoded so that nothing but the picture is kept (EXIF, GPS included, is dropped).

Pure functions on uploaded files; nothing here writes to the database or to storage.
"""

import io
import os
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}


class PhotoError(ValueError):
    """A photo we refuse; the message names the file and says what to do."""


@dataclass
class CleanPhoto:
    name: str
    content: bytes
    format: str
    width: int
    height: int


def clean_photo(upload):
    """Check an uploaded file and return it re-encoded, or raise PhotoError."""
    name = os.path.basename(upload.name or "照片")
    if not upload.size:
        raise PhotoError(f"“{name}”是空文件，请重新选择照片。")
    if upload.size > MAX_BYTES:
        raise PhotoError(f"“{name}”超过 10 MB，请压缩后再上传。")
    data = upload.read()
    fmt, width, height = _identify(name, data)
    extension = os.path.splitext(name)[1].lower()
    if extension not in EXTENSIONS[fmt]:
        raise PhotoError(
            f"“{name}”的扩展名和内容不符：它其实是 {FORMAT_NAMES[fmt]} 图片。"
            "请用正确的扩展名保存后再上传。"
        )
    return CleanPhoto(
        name=os.path.splitext(name)[0] + EXTENSIONS[fmt][0],
        content=_reencode(name, data, fmt),
        format=fmt,
        width=width,
        height=height,
    )


def _identify(name, data):
    """Format and size from the header, before any pixel is decoded."""
    not_a_photo = PhotoError(f"“{name}”不是照片：只能上传 JPEG、PNG 或 WebP 格式的图片。")
    too_big = PhotoError(f"“{name}”像素太多（超过 4000 万），请缩小后再上传。")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            fmt, (width, height) = probe.format, probe.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_big from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise not_a_photo from error
    if fmt not in EXTENSIONS:
        raise not_a_photo
    if width * height > MAX_PIXELS:
        raise too_big
    return fmt, width, height


def _reencode(name, data, fmt):
    """Decode every pixel (a truncated file fails here) and write a fresh file without
    metadata, turned the right way up first."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()
            image = ImageOps.exif_transpose(image)
            image.info.clear()  # comments, ICC text, XMP: nothing but pixels goes out
    except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError …
        raise PhotoError(f"“{name}”已损坏或不完整，请重新导出照片后再上传。") from error
    out = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    elif fmt == "WEBP":
        mode = "RGBA" if image.mode in {"RGBA", "LA", "P"} else "RGB"
        image.convert(mode).save(out, "WEBP", quality=88)
    else:
        if image.mode not in {"RGB", "RGBA", "L", "LA", "P"}:
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    return out.getvalue()
