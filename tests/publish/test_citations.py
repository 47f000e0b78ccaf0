"""publish/citations.py: a URL inside BibTeX's \\url{...} is encoded, then escaped."""

from __future__ import annotations

import pytest

from generator.publish.citations import escape_bibtex_url


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("https://example.org/{x}", "https://example.org/\\%7Bx\\%7D"),  # encoded, and the encoding's % escaped
        ("https://example.org/a\\b", "https://example.org/a\\%5Cb"),
        ("https://example.org/50%#top", "https://example.org/50\\%\\#top"),
        ("https://exa mple.org/\n a", "https://example.org/a"),  # whitespace dropped, not encoded
    ],
)
def test_urls_are_safe_inside_url_braces(url: str, expected: str) -> None:
    assert escape_bibtex_url(url) == expected
