"""Plain text passed over by Python-Markdown's inline patterns: the same HTML, sooner.

Profiling ``mkdocs build`` on 2,000 synthetic articles (bench/results.md) put 60 % of
its time in Python-Markdown's conversion, and most of that in its inline processor:
every text of every paragraph, list item and table cell (67 a page) is tried
against each of the 13 inline patterns in turn, in Python, although most of those
texts hold no character any pattern could start on (a table cell "extracted", a
sentence of prose).

:class:`PlainTextInlineProcessor` is Python-Markdown's own inline processor with
one test first: a text holding none of the characters that every registered
pattern needs (:data:`PATTERN_NEEDS`) is returned as it is, which is exactly what
trying every pattern in vain returns. When a pattern not in that table is
registered (an extension the archivist adds to ``mkdocs.yml``), the test is off
and every text goes through every pattern as before. The HTML is byte-identical
(``tests/plugin/test_plain_text.py`` converts the same Markdown both ways).
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

# Python-Markdown's (3.x) inline patterns, by registered name, and a text one of them
# needs before it can match (read from each pattern's regular expression):
# "[" links and references, "![" images, "<" autolinks and raw HTML, "&" entities,
# "`" code, "\\" escapes, "*" and "_" emphasis, two spaces before a line break.
PATTERN_NEEDS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("[",),
    "image_reference": ("[",),
    "short_reference": ("[",),
    "short_image_ref": ("[",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "html": ("<",),
    "entity": ("&",),
    "not_strong": ("*", "_"),
    "em_strong": ("*", "_"),
    "em_strong2": ("_",),
    "strong_em": ("*", "_"),
    "strong": ("*", "_"),
    "emphasis": ("*", "_"),
    "emphasis2": ("_",),
}


def _needs_pattern(names: list[str]) -> re.Pattern[str] | None:
    """A regex finding any text one of the ``names`` patterns needs; None if a name is unknown."""
    if any(name not in PATTERN_NEEDS for name in names):
        return None
    texts = sorted({text for name in names for text in PATTERN_NEEDS[name]})
    return re.compile("|".join(re.escape(t) for t in texts)) if texts else re.compile(r"(?!)")


class PlainTextInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, returning at once a text no registered pattern can match."""

    _needs: re.Pattern[str] | None = None  # set by run(), from the patterns registered then

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        self._needs = _needs_pattern([item.name for item in self.inlinePatterns._priority])
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803 - the overridden private method
        if patternIndex == 0 and self._needs is not None and not self._needs.search(data):
            return data
        return InlineProcessor._InlineProcessor__handleInline(self, data, patternIndex)  # type: ignore[attr-defined]


class PlainTextExtension(Extension):
    """Registers :class:`PlainTextInlineProcessor` in place of Python-Markdown's ``inline`` processor."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(PlainTextInlineProcessor(md), "inline", 20)

    def __repr__(self) -> str:  # stable: a configuration's hash must not see an address
        return "PlainTextExtension()"
