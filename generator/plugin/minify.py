"""A page's HTML without the whitespace the theme's templates leave between its lines.

Material's Jinja templates indent every tag and leave blank lines where a block
or an ``if`` was: about a sixth of an article page, and more of the small pages
(an event of one report, an outlet), repeated on each of the archive's pages.

The rule is one, so that what a browser shows cannot change: a run of whitespace
that holds a line break becomes one line break. HTML renders any run of
whitespace between words or tags as at most one space, and a line break is such
a run. Runs without a line break are left alone (they may sit inside an
attribute's value, where they are the value). The text of ``pre``, ``textarea``,
``code``, ``script`` and ``style`` elements is kept byte for byte: there
whitespace is the content (a BibTeX record, a script).

Pure and deterministic: the same page gives the same bytes, and minifying twice
changes nothing.
"""

from __future__ import annotations

import re

# Elements whose text is kept as written (whitespace is their content), matched whole.
_KEPT = re.compile(r"(<(pre|textarea|code|script|style)\b.*?</\2\s*>)", re.S | re.I)
# A run of whitespace holding a line break.
_LINE_BREAK_RUN = re.compile(r"[ \t\r\f\v]*\n[ \t\r\n\f\v]*")


def minify_html(html: str) -> str:
    """``html`` with every run of whitespace holding a line break, outside kept elements, made one line break."""
    parts = _KEPT.split(html)
    # split() with two groups gives: text, whole kept element, its tag name, text, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_LINE_BREAK_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out).strip() + "\n"
