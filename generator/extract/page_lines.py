"""A page dump's lines read as plain text and measured (:class:`Line`).

A scraper's dump is plain text or html2text's Markdown: a link keeps its text (its
characters are counted as link text), an image is dropped unless its line also carries
words, escapes, emphasis and stray HTML tags go, a heading's "#" marks and a bullet's
mark are read off. :mod:`generator.extract.article_span` scores these lines.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
# The simple forms several extractors read lines with (bylines, date stamps, outlet
# evidence): one definition, so that they all read a link or an image alike.
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # "[text](href)" -> group 1, the text
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")  # "![alt](src)"
MD_MARKS = re.compile(r"[*_#>`]+")  # emphasis, heading and quote marks
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*(?:\([^()]*\)[^()]*)*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\]]*\]")
_BARE_URL = re.compile(r"<?(?:https?://|www\.)\S+>?")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_EMPHASIS = re.compile(r"\*\*|__")
_SINGLE_EMPHASIS = re.compile(r"(?<![\w*_])[*_](?=\S)([^*_]*?\S)[*_](?![\w*_])")
# the characters any markup holds; each looked for with `in` (several times faster on a
# paragraph than a character-class search): a line holding none is plain text already
_MARKUP_CHARS = ("\\", "[", "]", "*", "_", "<")
# HTML a scraper left in the text: a script or style element whole, any other tag
# alone. Markup, not words: a headline wrapped in tags still reads as a headline.
_HTML = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|</?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?/?>", re.IGNORECASE)
_BULLET_FIRST = frozenset("*+•·▪◦‣-–o")
_HEADING = re.compile(r"^(#{1,6})\s*")
_BULLET = re.compile(r"^(?:[*+•·▪◦‣\-–]|o(?=\s))\s+")
# a word: letters, with apostrophes inside ("don’t"); digits are not words
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# WORD on ASCII text, where its letters are A-Z and its apostrophe is "'": the same
# words, found in two thirds of the time (most lines of most pages are ASCII)
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")


class Line(NamedTuple):
    """One non-blank line of a page, as plain text, with what it is measured by.

    A named tuple, not a dataclass: a page has hundreds of lines and building
    them is most of the method's time.
    """

    no: int  # 1-based line number in the page
    raw: str  # stripped, spaces collapsed
    text: str  # plain text: Markdown links as their text, images, escapes and emphasis gone
    heading: int  # Markdown heading level, 0 when none
    bullet: bool
    image: bool  # the line held an image
    words: tuple[str, ...]
    lower: tuple[str, ...]  # the words in lower case
    link_chars: int  # characters of ``text`` that were link text
    url: bool  # a bare URL stands in the line
    n_words: int
    link_density: float  # share of the text's characters inside links


def plain_text(raw: str) -> tuple[str, int, bool]:
    """A line's plain text, how many of its characters were link text, whether it had an image."""
    image = False
    link_chars = 0
    text = raw
    if not any(map(text.__contains__, _MARKUP_CHARS)):
        return text, 0, False
    if "<" in text:
        text = " ".join(_HTML.sub(" ", text).split())
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "](" in text or "][" in text:
        if "![" in text:
            new = _IMAGE.sub("", text)
            image = new != text
            text = new
        for _ in range(3):  # nested: [ ![img](src) text ](href)
            found = False

            def _keep(m: re.Match[str]) -> str:
                nonlocal link_chars, found
                found = True
                inner = m.group(1).strip()
                link_chars += len(inner)
                return inner

            text = _LINK.sub(_keep, text)
            text = _REF_LINK.sub(_keep, text)
            if not found:
                break
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    if ("_" in text or "*" in text) and _SINGLE_EMPHASIS.search(text):
        text = _SINGLE_EMPHASIS.sub(r"\1", text)
    return (" ".join(text.split()) if link_chars or image else text), link_chars, image


def read_lines(lines: Sequence[str]) -> list[Line]:
    """The page's non-blank lines, read (see :class:`Line`)."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        raw = " ".join(line.split())
        if not raw:
            continue
        text, link_chars, image = plain_text(raw)
        heading = 0
        bullet = False
        first = text[:1]
        if first == "#":
            m = _HEADING.match(text)
            if m:
                heading = len(m.group(1))
                text = text[m.end() :]
        elif first in _BULLET_FIRST:
            b = _BULLET.match(text)
            if b:
                bullet = True
                text = text[b.end() :]
        url = ("http" in text or "www." in text) and bool(_BARE_URL.search(text))
        ascii = text.isascii()
        words = tuple((_ASCII_WORD if ascii else WORD).findall(text))
        # lowering ASCII keeps every character's class: its words lowered are the same words,
        # lowered at once as one string (they hold no space to split them wrongly)
        lower = tuple(" ".join(words).lower().split(" ")) if ascii else tuple(WORD.findall(text.lower()))
        out.append(
            Line(
                index + 1, raw, text, heading, bullet, image, words, lower if words else (),
                link_chars, url, len(words), link_chars / len(text) if text else 0.0,
            )
        )  # fmt: skip
    return out
