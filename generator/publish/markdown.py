"""Markdown text from seed text: escaping, relative links, dates, and an article's body.

Seed text is data, never markup: every string that came from a seed goes
through :func:`escape_markdown` (or :func:`escape_cell` in tables) before it
reaches a page. Links between pages are relative ``.md`` paths, so MkDocs
checks every one of them in a ``--strict`` build.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

from generator.model import Article, CleanDoc, DateValue
from generator.text import MONTH_NAMES, normalise_key

# Line starts that would make a list, a heading or a quote of plain text.
_BLOCK_START = re.compile(r"^(\s*)(\d+)([.)])(\s)")
# Characters with a meaning in Markdown (or in the HTML it may carry) anywhere in
# a line: the HTML ones become entities, the others get a backslash.
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\x00": "&"}
    | {c: "\\" + c for c in "\\`*_[]{}|~^=+!#"}
)


def escape_markdown(text: str) -> str:
    """Make seed text show literally in Markdown (and never as HTML)."""
    # & < > become entities (no raw HTML survives), every other special gets a
    # backslash: one pass of str.translate (escaping runs a million times at
    # 10,000 articles). A NUL became "&" in the regex version, and still does.
    text = text.translate(_ESCAPES)
    if text[:1].isdigit() or text[:1].isspace():  # the only starts _BLOCK_START can match
        text = _BLOCK_START.sub(r"\1\2\\\3\4", text)
    if text.startswith(("-", "+")):
        text = "\\" + text
    return text


def escape_cell(text: str) -> str:
    """Escape seed text for a Markdown table cell (one line, no pipes)."""
    return escape_markdown(" ".join(text.split()))


_BACKTICK_RUN = re.compile("`+")


def code_span(text: str) -> str:
    """Any text (a file name, an id) as one inline code span, shown literally, also in a table cell.

    Inside a code span Markdown escapes ``<`` and ``&`` itself, so only the span's
    own ends can be broken: a backtick in a file name (``a`<img onerror=…>`.txt``)
    would close a plain `` `…` `` span and leave the rest as raw HTML. The fence
    is one backtick longer than the longest run inside, padded with spaces when
    the text starts or ends with one (CommonMark and Python-Markdown read both).
    Whitespace is collapsed: a line break would end the table row or the block.
    """
    text = " ".join(text.split())
    runs = _BACKTICK_RUN.findall(text)
    if not runs:
        return f"`{text}`"
    fence = "`" * (max(len(r) for r in runs) + 1)
    return f"{fence} {text} {fence}"


# What a link destination may keep of a URL unencoded: RFC 3986's delimiters, except the
# ones Markdown reads inside a link ("(", ")", "[", "]", "'", "*"), which are percent-encoded
# like spaces, quotes, "<", ">" and backslashes.
_URL_KEEP = "/:?#@!$&+,;=%~"
WAYBACK_PREFIX = "https://web.archive.org/web/"


def link_destination(url: str) -> str | None:
    """A seed's web address as a safe Markdown link destination, or None unless it is http(s).

    A ``javascript:`` or relative address from a seed never becomes a link.
    """
    url = "".join(url.split())
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(url, safe=_URL_KEEP)


def wayback_link(url: str) -> str | None:
    """The Wayback Machine's address for ``url`` (its newest capture, or the offer to save one)."""
    destination = link_destination(url)
    return WAYBACK_PREFIX + destination if destination else None


def format_date(value: DateValue | None) -> str:
    """``5 August 2015``, ``August 2015``, ``2015`` or ``Undated``."""
    if value is None:
        return "Undated"
    d = value.date
    if value.precision == "year":
        return str(d.year)
    if value.precision == "month":
        return f"{MONTH_NAMES[d.month - 1]} {d.year}"
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def relative_link(src: str, dst: str) -> str:
    """The link from the page ``src`` to the page ``dst`` (both relative to the output dir)."""
    src_dir = _folder(src)
    folder, _, name = dst.rpartition("/")
    if name in ("", ".", "..") or name in src_dir.split("/") or dst.startswith("/"):
        return _relative(src_dir, dst)
    # a file's link is its folder's link and its name: one relpath per pair of folders
    # (with a name that is no folder of src_dir, the same as relpath of the whole path)
    up = _relative(src_dir, folder or ".")
    return name if up == "." else f"{up}/{name}"


@lru_cache(maxsize=None)
def _folder(path: str) -> str:
    return posixpath.dirname(path) or "."


# Pages live in a handful of folders, so the same (folder, target) pair recurs
# for every page of a folder: relpath was a third of rendering at 10,000 articles.
@lru_cache(maxsize=None)
def _relative(src_dir: str, dst: str) -> str:
    return posixpath.relpath(dst, src_dir)


def render_article_body(article: Article) -> list[str]:
    """The lines of an article page's body: standfirst, paragraphs, lists, headings, captions."""
    blocks = article.doc.blocks
    body_keys: set[str] | None = None  # only an article with a standfirst needs them
    lines: list[str] = []
    seen_paragraph = False
    for block in blocks:
        if block.kind in ("title", "meta"):
            continue
        if block.kind == "summary":
            if body_keys is None:
                body_keys = {normalise_key(b.text) for b in blocks if b.kind == "paragraph"}
            if not any(k.startswith(normalise_key(block.text)) for k in body_keys):
                lines += [escape_markdown(block.text), "{: .na-lead }", ""]
        elif block.kind == "caption":
            lines += [f'<figure class="na-caption"><figcaption>{html.escape(block.text)}</figcaption></figure>', ""]
        elif block.kind == "bullets" and not seen_paragraph:
            lines += ['!!! abstract "Highlights"', ""]
            lines += [f"    - {escape_markdown(item)}" for item in block.items] + [""]
        elif block.kind == "bullets":
            lines += [f"- {escape_markdown(item)}" for item in block.items] + [""]
        elif block.kind == "heading":
            lines += [f"## {escape_markdown(block.text)}", ""]
        else:
            seen_paragraph = True
            lines += [escape_markdown(block.text), ""]
    return lines


def render_body_markdown(doc: CleanDoc) -> str:
    """The article body alone as Markdown: paragraphs, lists and headings."""
    parts: list[str] = []
    for block in doc.body_blocks():
        if block.kind == "bullets":
            parts.append("\n".join(f"- {escape_markdown(item)}" for item in block.items))
        elif block.kind == "heading":
            parts.append(f"## {escape_markdown(block.text)}")
        else:
            parts.append(escape_markdown(block.text))
    return "\n\n".join(parts)
