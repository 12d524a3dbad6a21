"""Mainland mobile numbers: normalised to 11 digits, validated with a Chinese message."""

import re
import unicodedata

from django.core.exceptions import ValidationError

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def normalise_phone(value):
    """'+86 138-0013-8000', '０１３８…' and the like → '13800138000' (or the input, cleaned)."""
    text = unicodedata.normalize("NFKC", value or "")
    digits = re.sub(r"[\s\-()（）]", "", text)
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            digits = digits[len(prefix) :]
    return digits


def validate_mobile(value):
    if not MOBILE_RE.match(normalise_phone(value)):
        raise ValidationError("请填写11位手机号码，例如 13800138000。", code="invalid_phone")
