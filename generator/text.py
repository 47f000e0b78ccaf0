"""Slugs: the readable, ASCII, lowercase path segments of page URLs."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose to ASCII but have a conventional spelling.
_TRANSLITERATE = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ı": "i"})


def slugify(text: str, max_length: int = 80) -> str:
    """``"Moaz Al-Khatib's talks"`` → ``"moaz-al-khatibs-talks"``; never empty.

    Cut at a hyphen so that a word is never split, and fall back to ``"untitled"``
    for text with no ASCII letters or digits at all.
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATE)).encode("ascii", "ignore").decode("ascii")
    )
    ascii_text = re.sub(r"['’`]", "", ascii_text)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or "untitled"
