"""An MkDocs plugin (``plugins: [newsarchive]``): front matter reaches the theme as text.

MkDocs' templates do not autoescape, and Material prints ``page.meta.title``,
``page.title`` (header, navigation, search index) and tag names into HTML as
they are. Our front matter holds seed text, so a title such as
``</title><script>...`` would run as script. Before any template sees them,
the plugin escapes the values a theme prints: ``title`` and ``description``
become :class:`markupsafe.Markup` (already escaped, so a template's own ``|e``
does not escape them twice), tag names are escaped strings.

It runs on every page, the archivist's hand-written ones included: their
titles too are shown as written, never as HTML.
"""

from __future__ import annotations

import html
from typing import Any

from markupsafe import Markup
from mkdocs.plugins import BasePlugin

# Front-matter keys whose text a theme prints as HTML.
ESCAPED_KEYS = ("title", "description")


def escape_page_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``meta`` with every value a theme prints escaped once."""
    out = dict(meta)
    for key in ESCAPED_KEYS:
        value = out.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            out[key] = Markup(html.escape(value, quote=True))  # noqa: S704 - escaped on this line
    tags = out.get("tags")
    if isinstance(tags, list):
        out["tags"] = [html.escape(t, quote=True) if isinstance(t, str) else t for t in tags]
    return out


class EscapeFrontMatter(BasePlugin):
    """Escape the printed front-matter values of every page."""

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        # Runs before Material's tags plugin (priority -50) reads the tags.
        page.meta = escape_page_meta(page.meta)
        return markdown
