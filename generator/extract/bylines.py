"""Who wrote an article: the people its byline names ("By Jane Doe and John Smith").

The byline is read where the page puts it, near the headline: the first line, in
document order (kept blocks and the furniture the cleaner set aside alike, since
cleaning often drops a byline with the share bar around it), that opens with "By"
and names at least one person. Later "By" lines are related stories' bylines.

A byline part is a person only when it reads as a name: two to five capitalised words
("Lisa de Moraes", "T.C. Sottek", "JOE WEE"), no digits. An outlet's name ("CNN", "The
Associated Press"), "Staff", a role ("TV Columnist", "Senior Staff Technologist") or a
time ("Dec 10, 2016") is never a person, so "By Stephen Collinson, CNN" gives one
author. A byline naming no person gives ``None``, never an outlet as an author.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.extract.outlets import outlet_by_name
from generator.files.rules import load_confidence, load_rules
from generator.model import CleanDoc, Field, Provenance

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_#>`]+")
_BY = re.compile(r"^(?:(?:written|posted|reported|story|words)\s+)?by\s*:?(?:\s+(?P<rest>.*))?$", re.I)
# Where the names end: a time, a date, a divider, a "Published"/"Updated" stamp, a handle.
_TAIL = re.compile(
    r"\s+(?:on\s+)?(?=(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"|\s*(?:\||•|·|—|–|\s-\s)|\s+(?:published|updated|posted)\b|\s*@\w|\s*\d",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.I)
_PAREN = re.compile(r"\s*\([^)]*\)")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.(?:[A-Z]\.)*|Mc\w+)$")
# Lower-case words that may stand inside a name ("Lisa de Moraes", "Ludwig van Beethoven").
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "bin", "al", "el", "ter", "dos", "das"})
_NAME_WORDS = (2, 5)
_LOOK_LINES = 400  # a byline sits in the page's head, not among its comments
_NEAR_TITLE_LINES = 25  # a byline without "By" stands right under the headline
_MAX_CHARS = 200


@lru_cache(maxsize=None)
def _not_names() -> frozenset[str]:
    """Words that make a byline part a role or a desk, not a person (data/outlets.yml)."""
    cues = load_rules("outlets")["cues"]
    words = set()
    for role in cues["byline_roles"]:
        words.update(role.casefold().split())
    words.update(w.casefold() for w in cues.get("byline_not_person", []))
    return frozenset(words)


def _is_person(part: str) -> bool:
    words = part.split()
    if not _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1] or any(ch.isdigit() for ch in part):
        return False
    if any(w.casefold().strip(".,") in _not_names() for w in words):
        return False
    if not all(_NAME_WORD.match(w) or w in _PARTICLES for w in words):
        return False
    if not _NAME_WORD.match(words[0]) or not _NAME_WORD.match(words[-1]):
        return False
    return outlet_by_name(part) is None


def _tidy(name: str) -> str:
    """An all-capitals name in its usual case ("JOE WEE" → "Joe Wee"); others as written."""
    return name.title() if name.isupper() else name


def authors_in_line(line: str) -> tuple[str, ...]:
    """The people a byline line names, or ``()`` when it is not a byline of people."""
    # A link ends a name: "By [Howard Blume](...)Staff Writer" is a name, then a role.
    plain = " ".join(_MD_MARKS.sub(" ", _MD_LINK.sub(r"\1, ", line)).split())
    by = _BY.match(plain)
    if not by or not by.group("rest") or len(plain) > _MAX_CHARS:
        return ()
    rest = by.group("rest")
    tail = _TAIL.search(_PAREN.sub(lambda m: " " * len(m.group(0)), rest))  # a paren's digits are no tail
    names = rest[: tail.start()] if tail else rest
    found: list[str] = []
    for part in _SPLIT.split(names):
        credit = _PAREN.search(part)
        part = _PAREN.sub("", part).strip(" .,:")
        if not part:
            continue
        if credit and set(re.findall(r"\w+", credit.group(0).casefold())) & _not_names():
            continue  # "Adrian Malloch (photography)": a credit, not an author
        if _is_person(part):
            found.append(_tidy(part))
        elif found:
            break  # "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU ...": the role ends the names
        elif part:
            return ()  # "By continuing to browse ...": a sentence, not a byline
    return tuple(dict.fromkeys(found))


def _page_lines(text: str) -> list[tuple[int, str]]:
    """The page's non-empty lines with their numbers (1-based), a bare "By" joined to the next."""
    out: list[tuple[int, str]] = []
    for no, line in enumerate(text.splitlines(), start=1):
        piece = " ".join(line.split())
        if not piece:
            continue
        bare = _BY.match(out[-1][1]) if out else None
        if bare and not bare.group("rest"):
            out[-1] = (out[-1][0], f"{out[-1][1]} {piece}")
        else:
            out.append((no, piece))
    return out


def _bare_name(line: str) -> str | None:
    """A line that is only a person's name (maybe with a handle after it), else ``None``."""
    plain = " ".join(_MD_MARKS.sub(" ", _MD_LINK.sub(r"\1 ", line)).split())
    plain = re.sub(r"\s*@\w+$", "", plain).strip(" .,")
    return plain if _is_person(plain) else None


_BIO_VERB = re.compile(r"\s+(?:is|was|covers|writes|reports|has|joined|edits)\b")
_AUTHOR_LINK = re.compile(r"\]\([^)]*/(?:authors?|people|contributors?|writers?|staff|profiles?|by)/", re.I)


def _named_again(name: str, lines: list[tuple[int, str]], no: int, line: str) -> bool:
    """Whether the page shows ``name`` is a writer's: the line links to an author page, or
    a bio elsewhere opens with it ("Jane Doe covers education for ...")."""
    if _AUTHOR_LINK.search(line):
        return True
    return any(n != no and text.startswith(name) and _BIO_VERB.match(text, len(name)) for n, text in lines)


def extract_authors(text: str, doc: CleanDoc) -> Field[tuple[str, ...]] | None:
    """The article's authors from its byline, or ``None``.

    The raw page is read (the cleaner may have merged a byline into a paragraph or set
    it aside), from the headline on: first a "By ..." line naming people; else a line
    near the headline that is only a name the page repeats in an author box or bio.
    """
    lines = _page_lines(text)
    title_no = min((b.line_no for b in doc.blocks if b.kind == "title"), default=0)
    after = [item for item in lines if item[0] >= title_no]
    before = [item for item in lines if item[0] < title_no]
    for no, line in (after + before)[:_LOOK_LINES]:
        names = authors_in_line(line)
        if names:
            return _authors_field(names, "byline", no, line)
    if title_no:
        for no, line in after[1:_NEAR_TITLE_LINES]:
            name = _bare_name(line)
            if name and _named_again(name, lines, no, line):
                return _authors_field((_tidy(name),), "byline-name", no, line)
    return None


def _authors_field(names: tuple[str, ...], method: str, no: int, line: str) -> Field[tuple[str, ...]]:
    evidence = f"line {no}: {line[:160]}"
    return Field(names, Provenance(method, evidence, load_confidence(f"authors-{method}")))
