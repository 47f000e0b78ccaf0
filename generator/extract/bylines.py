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

from generator.extract.dates import date_rules, extract_date_spans, word_alternation
from generator.extract.outlets.registry import outlet_by_name
# The offline first-name list the actor recogniser uses (gender-guesser's): a word list, no model.
from generator.extract.page_lines import MD_LINK as _MD_LINK, MD_IMAGE as _MD_IMAGE, MD_MARKS as _MD_MARKS
from generator.lexicon import is_common_word_in_any_language, is_given_name
from generator.files.rules import load_confidence, load_rules
from generator.model import CleanDoc, Field, Provenance

_CUES = load_rules("bylines")  # the cue words in the corpus's languages, each with its why
# "By Jane Doe", "Von Lisa Petrich", "Par X", "Autor: X", "By: ...", and "ByJane Doe" as a
# dump glues it (English's "By" only: "Vonovia" is no "Von").
_BY = re.compile(
    r"^(?:(?:" + "|".join(_CUES["cues"]) + r")(?:\s*:?\s+(?P<rest>\S.*)|\s*:?\s*$)"
    r"|(?:(?:written|posted|reported|story|words)\s+)?by(?=[A-Z])(?P<glued>.*))$",
    re.I,
)
LEAD_MARKS = re.compile(r"^[\s/|•·*+>-]+")
# A stamp before the byline: "Wednesday January 18, 2017 10:44 am PST by Juli Clover",
# "December 19, 2016 by Maggie Winterfeldt", "01. Dez. 2022 | 14:08 Uhr | von Jona Göbelbecker":
# dates, times and separators only, then a cue.
_STAMP_THEN_BY = re.compile(r"^(?=[^\n]*\d)[\w\s,.:|•·/–—-]{0,80}?\s(?=(?:by|von|par|por|di|door)\s)", re.I)
# Where the names end: a time, a date, a divider, a "Published"/"Updated" stamp, a handle.
_WEEKDAY_WORD = word_alternation([n for ns in load_rules("dates")["weekdays"].values() for n in ns])
_MONTH_WORD = word_alternation([n for ns in load_rules("dates")["months"].values() for n in ns])
_TAIL = re.compile(
    # a weekday, or a month before a day, as dates.yml names them (whole words: "Friedrich"
    # and "Montenegro" are names, "Jung 28." no June)
    r"\s+(?:on\s+)?(?=" + _WEEKDAY_WORD + r"|" + _MONTH_WORD + r"\.?\s+\d)"
    r"|\s*(?:\||•|·|∙|—|–|\s-\s|\s/\s|//)|\s+(?:last\s+)?(?:published|updated|posted)\b|\s*@\w|\s*(?<!\w)\d"  # a digit inside a user name ("anna1") is no stamp
    r"|(?=\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}:\d\d)"  # but a date or time glued to the name ends it ("Jane Doe13.12.2022")
    # "Written by Michael Larabel in Valve on 1 June 2019", "von X am 21. April 2020" (data/bylines.yml)
    r"|\s+(?:in|on|at)\s"
    r"|\s+(?-i:" + "|".join(re.escape(v) for w in _CUES["name_end_words"] for v in dict.fromkeys((w, w.upper()))) + r")(?:\s|:|$)"  # as written: "Le Pen" is a name; "UM 21:11" in capitals
    # a date label: "Veröffentlicht: 26.12.2022", "Erstellt am 01.01.23"
    r"|\s+(?:" + date_rules().published.pattern + "|" + date_rules().updated.pattern + r")(?:\s*:|\s+(?:am|le|el|il|op|em|on)\b)"
    r"|\s*/\s*(?=" + _MONTH_WORD + r")"  # "By Jane Doe/June 12, 2020"
    r"|\s+follow\b",  # a social prompt after the name: "By Abraham Riesman Follow @abrahamjoseph"
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|&)\s*|\s+(?:" + "|".join(re.escape(w) for w in _CUES["and_words"]) + r")\s+")
_PAREN = re.compile(r"\s*\([^)]*\)")
# A name's word opens with a capital, in any alphabet ("Łukasz", "Émile"), or is an initial.
_NAME_WORD = re.compile(r"^(?:(?=[^\W\d_])(?!\w*[^\w'’.-])[^\W\d_][\w'’.-]*|Mc\w+)$")
# Lower-case words that may stand inside a name ("Lisa de Moraes", "Ursula von der Leyen").
_PARTICLES = frozenset(_CUES["particles"])
_ROLES = frozenset(str(w).casefold() for w in _CUES["roles"])  # job titles (data/bylines.yml)
_NAME_WORDS = (2, 5)
_LOOK_LINES = 400  # a byline sits in the page's head, not among its comments
_NEAR_TITLE_LINES = 25  # a byline without "By" stands right under the headline
_NEAR_ABOVE_TITLE_LINES = 6  # or just over it (a kicker, the byline, then the headline)
_CLOSE_TITLE_LINES = 10  # a byline without "By" (a name and its stamp) sits closer still
_MAX_CHARS = 200
_LONG_LINE_NAME_CHARS = 60
_SOFT_HYPHEN = "\u00ad"  # kept by browser dumps inside words ("Mat\u00adthi\u00adas")


@lru_cache(maxsize=None)
def _not_names() -> frozenset[str]:
    """Words that make a byline part a role or a desk, not a person (data/outlets.yml)."""
    cues = load_rules("outlets")["cues"]
    words = set()
    for role in cues["byline_roles"]:
        words.update(role.casefold().split())
    words.update(w.casefold() for w in cues.get("byline_not_person", []))
    words.update(w.casefold() for w in _CUES["not_names"])
    words.update(_ROLES)
    return frozenset(words)


@lru_cache(maxsize=None)
def _place_names() -> frozenset[str]:
    """States, US states and big cities (data/gazetteer.yml), folded: a menu's "North Korea"
    next to a stamp is a section, never a writer."""
    gazetteer = load_rules("gazetteer")
    names = {str(s["name"]) for s in gazetteer["states"]}
    names.update(str(a) for s in gazetteer["states"] for a in s.get("aliases", ()))
    names.update(str(p) for p in gazetteer["us_states"])
    names.update(str(p) for p in gazetteer["places"])
    return frozenset(n.casefold() for n in names)


def is_person(part: str) -> bool:
    """Whether a byline part reads as a person's name: two to five capitalised words, no digits,
    no role, desk, outlet or place."""
    words = part.split()
    if not _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1] or any(ch.isdigit() for ch in part):
        return False
    if any(p in _not_names() for w in words for p in w.casefold().strip(".,").split("-")):
        return False  # "Online-Redaktion" is a desk as "Redaktion" is
    if not all(_is_name_word(w) or w in _PARTICLES for w in words):
        return False
    if not _is_name_word(words[0]) or not _is_name_word(words[-1]):
        return False
    return outlet_by_name(part) is None and part.casefold() not in _place_names()


def strip_byline_part(part: str) -> str:
    """A byline part without its parentheses, the punctuation around it and a role before
    the name ("Rechtsanwalt Jane Doe"); a closing initial keeps its dot ("Nicolas Exemple C.",
    "R. R.")."""
    part = _PAREN.sub("", part).strip(" ,:")
    words = part.split()
    while len(words) > 2 and words[0].casefold() in _ROLES:
        words = words[1:]
    part = " ".join(words)
    if part.endswith(".") and not re.search(r"(?:^|\s)(?:[^\W\d_]|Jr|Sr)\.$", part):
        part = part.rstrip(".")
    return part.strip(" ,:")


def is_single_name(word: str) -> bool:
    """A byline's one word that may be a writer's name or pen name ("Fabian", "IWB"): capitalised
    letters, not a role or desk, an outlet, a place, a function word or a month or weekday."""
    if not _is_name_word(word) or len(word) < 2 or not word.replace("-", "").replace(".", "").isalpha():
        return False
    folded = word.casefold()
    return not _is_reserved_word(folded) and outlet_by_name(word) is None


def _is_reserved_word(folded: str) -> bool:
    """A (case-folded) word that names no writer: a role or desk, a place, a function word of
    any language, a month or weekday."""
    if folded in _not_names() or folded in _place_names() or folded in _function_words_all():
        return True
    return folded in date_rules().month_numbers or folded in date_rules().weekday_numbers


@lru_cache(maxsize=None)
def _function_words_all() -> frozenset[str]:
    """The function words of every language data/stopwords.yml lists ("Von", "Le", "The")."""
    return frozenset(str(w).casefold() for ws in load_rules("stopwords").values() for w in ws)


def _is_name_word(word: str) -> bool:
    """A word that may stand in a name: capitalised in any alphabet ("Łukasz"), or "McX"."""
    return word[:1].isupper() and _NAME_WORD.match(word) is not None


def tidy_name(name: str) -> str:
    """An all-capitals name in its usual case ("JOE WEE" → "Joe Wee"); others as written."""
    return name.title() if name.isupper() else name


def _unlink(line: str, glue: str) -> str:
    """A line's Markdown as text: images dropped, links (nested ones too) as their text + ``glue``."""
    text = _MD_IMAGE.sub(" ", line)
    while True:
        # a space before the link's text too: a cue glued to it ("von[Jane](/author/jane)") stays a word
        unlinked = _MD_LINK.sub(lambda m: " " + m.group(1) + glue, text)
        if unlinked == text:
            return text
        text = unlinked


def authors_in_line(line: str) -> tuple[str, ...]:
    """The people a byline line names, or ``()`` when it is not a byline of people. One word
    may be the name when a stamp stands before or after it ("Erstellt von Fabian am ...")."""
    if not _may_hold_by(line):
        return ()
    # A link ends a name: "By [Howard Blume](...)Staff Writer" is a name, then a role.
    plain = " ".join(_MD_MARKS.sub(" ", _unlink(line, ", ")).split()).replace("\\.", ".").replace(_SOFT_HYPHEN, "")
    plain = LEAD_MARKS.sub("", plain)
    stamp = _STAMP_THEN_BY.match(plain)
    if stamp and _is_stamp_prefix(stamp.group(0)):
        plain = plain[stamp.end():]
    else:
        stamp = None
    by = _BY.match(plain)
    if not by and not stamp:
        # the byline as one segment of a stamp line: "Recipes | By Jane Doe | April 13, 2020",
        # "12. Mai 2020 // Autor: jdoe // Lesezeit: 1 Minute"
        for sep in _SEGMENT_SEP.finditer(plain):
            by = _BY.match(plain[sep.end():])
            if by:
                stamp = sep
                break
    rest = (by.group("rest") or by.group("glued")) if by else None
    if not rest:
        return ()
    tail = _TAIL.search(_PAREN.sub(lambda m: " " * len(m.group(0)), rest))  # a paren's digits are no tail
    if len(plain) > _MAX_CHARS and not (tail and tail.start() <= _LONG_LINE_NAME_CHARS and not tail.group(0).isspace()):
        # a long line is prose, unless its names end soon at a stamp: "Posted by Jane Doe at
        # 18:52 Tagged with: ..." and a long list of tags
        return ()
    names = rest[: tail.start()] if tail else rest
    parts = [p for p in (strip_byline_part(part) for part in _SPLIT.split(names)) if p]
    if len(parts) == 1 and (tail or stamp) and (is_single_name(parts[0]) or _is_handle(parts[0]) and _HANDLE_THEN.match(rest, len(names))):
        # one word after the cue, then the stamp: "Erstellt von Fabian am Dienstag 6. Mai 2014",
        # "By Daniel | Published: 23. Juli 2017", "October 19, 2019 by IWB", a user name
        # ("Gespeichert von jdoe am 24. Juli 2017", "Posted on 2015-04-05 by marc | Leave a comment")
        return (parts[0],)
    if len(parts) == 1 and not tail and rest == names and len(parts[0]) > 2 and not parts[0].isupper() and (
        _is_handle(parts[0]) and (any(c.isdigit() for c in parts[0]) or _AUTHOR_LINK.search(line) is not None)
        or is_single_name(parts[0]) and is_given_name(parts[0])
    ):
        # the whole line is the cue and one word: a first name ("von Ulrike"), a user name
        # with digits ("von Anna1") or linked to its author page ("Veröffentlicht von
        # [jdoe](/author/jdoe/)"); never a common word ("By Design")
        return (parts[0],)
    found: list[str] = []
    for part in _SPLIT.split(names):
        credit = _PAREN.search(part)
        part = strip_byline_part(part)
        if not part:
            continue
        if credit and set(re.findall(r"\w+", credit.group(0).casefold())) & _not_names():
            continue  # "Adrian Malloch (photography)": a credit, not an author
        if is_person(part):
            found.append(tidy_name(part))
        elif found:
            break  # "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU ...": the role ends the names
        elif part:
            return ()  # "By continuing to browse ...": a sentence, not a byline
    return tuple(dict.fromkeys(found))


_SEGMENT_SEP = re.compile(r"\s(?:\||·|•|//|∙)\s+")
# What follows a user name in a byline: nothing, a separator or a stamp soon ("von jdoe am 24.
# Juli 2017", "by jdoe | Leave a comment"), not a sentence ("Por último, el fiscal ...").
_HANDLE_THEN = re.compile(r"\s*(?:$|[|·•/–—-]|[^,]{0,25}\d)")
_HANDLE = re.compile(r"^(?=.*[^\W\d_])[^\W_][\w.-]{1,30}$")


def _is_handle(word: str) -> bool:
    """A user name a blog or forum signs with ("gizzmo", "freeman1984", "c1ph4"): one token of
    letters and digits, not a function word, a month or weekday, nor a word common in one of the
    corpus's languages unless it is a first name ("marc")."""
    if not _HANDLE.match(word) or word.isdigit():
        return False
    folded = word.casefold()
    if _is_reserved_word(folded):
        return False
    if not any(c.isdigit() for c in word) and not is_given_name(word) and is_common_word_in_any_language(folded):
        return False  # "Por último, ...": a sentence's word
    return outlet_by_name(word) is None


_PREFIX_WORD = re.compile(r"[^\W\d_]{2,}")
_PREFIX_MAX_WORDS = 2


def _is_stamp_prefix(prefix: str) -> bool:
    """Whether the text before a byline's cue is a stamp: a date, and besides it, its labels,
    weekday and time, at most two words ("Am 13. November 2019 Von ...", "Veröffentlicht am
    12. Juni 2017 von ..."), not a sentence ("seit dem 18. August 2015 wird den Anwendern von
    Windows 7")."""
    spans = extract_date_spans(prefix)
    if not spans:
        return False
    rest = prefix
    for span in reversed(spans):
        rest = rest[: span.start] + " " + rest[span.end :]
    rules = date_rules()
    for pattern in (rules.published, rules.updated, *rules.line_filler, rules.weekday_any):
        rest = pattern.sub(" ", rest)
    return len(_PREFIX_WORD.findall(rest)) <= _PREFIX_MAX_WORDS


def _may_hold_by(line: str) -> bool:
    """False when the line's text cannot hold "by", so cannot be a byline (most lines):
    a cheap test before the Markdown is taken out. Taking it out never joins two
    letters, except a link's "[" dropped between the text before it and its own
    ("b[y](...)"), so the test drops the "["s too."""
    low = line.replace("[", "").lower()
    return any(cue in low for cue in _CUE_LETTERS)


# What every cue of data/bylines.yml holds (a line without any holds no byline): its letters;
# Italian's "di" and "da" with the space or colon that follows every cue (as bare letters
# they are in most lines).
_CUE_LETTERS = ("by", "von", "par", "por", "aut", "tex", "tek", "door", "escribe", "di ", "da ", "di:", "da:")


def page_lines_of(text: str) -> list[tuple[int, str]]:
    """The page's non-empty lines with their numbers (1-based), a bare "By" or "Author:"
    joined to the next."""
    out: list[tuple[int, str]] = []
    for no, line in enumerate(text.splitlines(), start=1):
        piece = " ".join(line.split())
        if not piece:
            continue
        bare = _BY.match(out[-1][1]) if out else None
        if bare and not bare.group("rest") and not bare.group("glued"):
            out[-1] = (out[-1][0], f"{out[-1][1]} {piece}")
        elif out and _AUTHOR_LABEL.match(out[-1][1]):
            out[-1] = (out[-1][0], f"By {piece}")  # "* Author:" / "Austin Murphy"
        else:
            out.append((no, piece))
    return out


# A label line whose next line is the byline's names: "* Author:", "Written by:", "Autor:", "Auteur :".
_AUTHOR_LABEL = re.compile(r"^[\W_]*(?:authors?|writers?|written\s+by|autor(?:in|en)?|auteure?|autora?|autore)\s*:\s*$", re.I)


def plain_text(line: str) -> str:
    """A line's words without Markdown (links as their text), as the checks for a byline
    without "By" read it (:func:`bare_name`, :func:`_name_with_stamp`)."""
    return " ".join(_MD_MARKS.sub(" ", _unlink(line, " ")).split())


_HANDLE_AT_END = re.compile(r"\s*@\s?\w+$")


def bare_name(text: str) -> str | None:
    """A line (its :func:`plain_text`) that is only a person's name (maybe with a handle
    or a separator after it), else ``None``."""
    if "@" in text:  # the handle's pattern opens with \s*, so it is tried at every position: only where one may be
        text = _HANDLE_AT_END.sub("", text)
    plain = LEAD_MARKS.sub("", text).strip(" .,/|•·-")
    labelled = _NAME_THEN_LABEL.match(plain)
    if labelled:
        plain = labelled.group(1)  # "Jane Doe Autorin": an author box's name and its label
    return plain if is_person(plain) else None


_NAME_THEN_LABEL = re.compile(r"^(.+?)\s+(?:autor|autorin|author|auteure?|autora|autore)$", re.I)


# A byline without "By": a name, then a separator or a handle, then the stamp or the
# outlet: "Valentina Palladino - Aug 10, 2016 11:15 am UTC", "James Akinaka • 8h",
# "Pete Evans · CBC News · Posted: ...", "Jon Fingas , @jonfingas", "Alex Perry 1 day ago".
# ... or a name right before the date itself or its label: "MikeNils 18.10.2019, 15:07 Uhr",
# "Evgenia Karp Zuletzt geändert am 06.11.2023" (the rest must then hold a date).
_NAME_THEN = re.compile(
    r"^(?P<name>[^\d@|•·—–/,]{4,60}?)\s*(?:@\w+|[|•·—–/,]|\s-\s|(?=\s\d+\s*(?:m|h|d|min|mins|minutes?|hours?|days?)\b)"
    r"|(?=\s(?:\d{1,2}\.\s?\d{1,2}\.|\d{1,2}\.?\s" + _MONTH_WORD + r"|\d{1,2}(?::\d\d)?\s?(?:am|pm|uhr)\b))"
    r"|(?=\s(?:" + date_rules().published.pattern + "|" + date_rules().updated.pattern + r")))",
    re.I,
)
_SHORT_DATE = re.compile(r"^[\s|•·—–/,-]*\d{1,2}\.\d{1,2}\.\d{2}\b")  # "Jane Doe | 06.11.23"
_TRAILING_WEEKDAY = re.compile(r"\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)
_AGO = re.compile(r"\b\d+\s*(?:m|h|d|min|mins|minutes?|hrs?|hours?|days?)\b(?:\s+ago)?", re.I)


def _name_with_stamp(text: str) -> str | None:
    """The name a byline without "By" (its line's :func:`plain_text`) opens with, when a
    date, a time ago, a handle or an outlet follows it (see ``_NAME_THEN``), else ``None``."""
    plain = LEAD_MARKS.sub("", text)
    if len(plain) > _MAX_CHARS:
        return None  # prose, asked before the costlier match
    m = _NAME_THEN.match(plain)
    if not m:
        return None
    name, rest = m.group("name").strip(" .,"), plain[m.end("name"):]
    # the stamp's weekday glued to the name: "Joe Wee Monday, February 29, 2016"
    name = _TRAILING_WEEKDAY.sub("", name)
    if _is_user_name(name):
        # a user name, then the full date: "JaneDoe 18.10.2019, 15:07 Uhr"
        return name if any(sp.year and sp.day for sp in extract_date_spans(rest)) else None
    if not is_person(name) or not opens_with_given_name(name):
        return None
    if extract_date_spans(rest) or _SHORT_DATE.search(rest) or _AGO.search(rest) or re.match(r"\s*@\w", rest) or outlet_by_name(rest.strip(" ,|•·-").split(" · ")[0]):
        return name
    return None


_STAMP_SEPARATORS = re.compile(r"^[\s|•·/–—,:-]*")
_STAMP_NAME_WORDS = (2, 3)


def _stamp_then_name(text: str) -> str | None:
    """The name a line (its :func:`plain_text`) gives right after the stamp it opens with:
    "26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", "21. Jan 2022 //
    Dominik Ricker": two or three words that read as a name opening with a first name."""
    plain = LEAD_MARKS.sub("", text)
    if len(plain) > _MAX_CHARS or not plain[:1].isdigit() and not plain[:1].isupper():
        return None
    spans = extract_date_spans(plain)
    if not spans or spans[0].start > 2 or not (spans[0].year and spans[0].day):
        return None
    end = spans[0].end
    for span in spans[1:]:  # "6. November 2023 6. November 2023 Jane Doe": published, then updated
        if plain[end : span.start].strip(" |•·/–—,-"):
            break
        end = span.end
    rest = plain[end:]
    for pattern in date_rules().line_filler:
        rest = pattern.sub(" ", rest)
    words = _STAMP_SEPARATORS.sub("", rest).split()
    for n in range(_STAMP_NAME_WORDS[1], _STAMP_NAME_WORDS[0] - 1, -1):
        # the longer name only where it ends the line or a separator follows it: in
        # "Ulrike Stockhausen Schreibe einen Kommentar" the name is two words
        if n > _STAMP_NAME_WORDS[0] and len(words) > n and not re.match(r"[|•·/–—,-]", words[n]):
            continue
        if len(words) > n and words[n][:1].islower():
            continue  # a sentence goes on: "23.01.2022 - Dorothea Wierer darf ..." is a headline
        name = " ".join(words[:n]).strip(" ,.")
        if len(words) >= n and is_person(name) and opens_with_given_name(name):
            return name
    if len(words) == 1 and _is_user_name(words[0]):
        return words[0]  # "1. November 2016 jdoe": a blog's user name ending the stamp line
    return None


def _is_user_name(word: str) -> bool:
    """A user name as blogs and forums sign with it: not capitalised like a name or a word
    ("jdoe"), or with digits or a capital inside ("anna1", "JaneDoe"); never a word common
    in the corpus's languages."""
    styled = word[:1].islower() or any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:-1]) and not word.isupper()
    if not styled or "-" in word or len(word) < _USER_NAME_MIN_CHARS or _GLUED_CUE.match(word):
        return False  # "Presse-Mitteilung" is a word; "vonJane" a cue glued to a name
    return _is_handle(word) and not is_common_word_in_any_language(word.casefold())


_USER_NAME_MIN_CHARS = 4  # "red." (a desk's short sign) is no user name
_GLUED_CUE = re.compile(r"^(?:von|by|par|por|di|door)(?=[A-Z])")


def _author_links(line: str) -> tuple[str, ...]:
    """People a line opens with as links to their author pages: "[Eric Adams](/author/eric-adams)",
    "[Julia Carrie Wong](/profile/…) and [Sam Levin](/profile/…)"."""
    if not line.lstrip().startswith("[") or not _AUTHOR_LINK.search(line):
        return ()
    names = []
    rest = line.strip()
    while True:
        m = re.match(r"\[\s*([^\]!]+?)\s*\]\(([^)\s]*)[^)]*\)\s*(?:,|and|&)?\s*", rest)
        # the name must open on a first name ("Will Leitch" too, though "will" is a function
        # word): an author page's link may read "View Author Page"
        if not m or not _AUTHOR_LINK.search(f"]({m.group(2)}/)") or not is_person(m.group(1)) or not is_given_name(m.group(1).split()[0]):
            break
        names.append(tidy_name(m.group(1)))
        rest = rest[m.end():]
    return tuple(dict.fromkeys(names))


# A menu's or a heading's line: a list mark, a heading mark, a link ("* Alle Meldungen",
# "#### Santa Cruz", "[Im Fokus](/im-fokus)"): repeated in the footer's menu, it is no author box.
_MENU_ITEM = re.compile(r"^\s*(?:[*+#>-]|\d+\.\s|\[)")
_AUTHOR_BOX_GAP = 5
_AUTHOR_BOX_MAX_REPEATS = 4  # an author box stands apart from the byline, not on the next lines
_BIO_VERB = re.compile(r"\s+(?:is|was|covers|writes|reports|has|joined|edits)\b")
_AUTHOR_LINK = re.compile(r"\]\([^)]*/(?:authors?|people|contributors?|writers?|staff|profiles?|profile|by|autor(?:en|in)?|auteurs?|autore?s?|autori|redakteur(?:e|in)?)/", re.I)


def _named_again(name: str, lines: list[tuple[int, str]], no: int, line: str) -> bool:
    """Whether the page shows ``name`` is a writer's: the line links to an author page, a
    bio elsewhere opens with it ("Jane Doe covers education for ..."), or the name stands
    alone on a line again further off (an author box). Only for a name opening with a first
    name (the caller's check): menus repeat "Buy Now" and "Save Story"."""
    if _AUTHOR_LINK.search(line):
        return True
    alone_again = []
    for n, text in lines:
        if n == no:
            continue
        if text.startswith(name) and _BIO_VERB.match(text, len(name)):
            return True
        if name in text and not _MENU_ITEM.match(text) and bare_name(plain_text(text)) == name:
            alone_again.append(n)
    # the name alone again, in an author box further off ("Jane Doe" under her photo); not a
    # menu's item, nor a list's (teasers repeating "Best Photos", a thread's poster)
    return (
        not _MENU_ITEM.match(line)
        and any(abs(n - no) > _AUTHOR_BOX_GAP for n in alone_again)
        and len(alone_again) < _AUTHOR_BOX_MAX_REPEATS
    )


def _near_title_byline(no: int, line: str, lines: list[tuple[int, str]], close: bool | None) -> tuple[tuple[str, ...], str] | None:
    """The authors a line near the headline gives, with the method, else ``None``; a
    byline without "By" only ``close`` to it (further down, names under dates are related
    stories'); ``close`` None: the headline's own line, read only as a byline with a cue or
    a stamp."""
    names = authors_in_line(line)
    if names:
        return names, "byline"
    if close is None:
        stamped = _name_with_stamp(plain_text(line)) or _stamp_then_name(plain_text(line))
        return ((tidy_name(stamped),), "byline-name") if stamped else None
    if not close:
        return None
    linked = _author_links(line)
    if linked:
        return linked, "byline-name"
    plain = plain_text(line)  # read by both checks below
    stamped = _name_with_stamp(plain) or _stamp_then_name(plain)
    if stamped:
        return (tidy_name(stamped),), "byline-name"
    name = bare_name(plain)
    if name and opens_with_given_name(name) and (_named_again(name, lines, no, line) or _next_to_stamp(no, lines)):
        return (tidy_name(name),), "byline-name"
    return None


def opens_with_given_name(name: str) -> bool:
    """Whether a name without "By" opens with somebody's first name ("Rebecca Hersher"), not
    with a word of a menu or a section ("Tech Insider", "Share Tweet Share", "House Call")."""
    first = name.split()[0]
    # "On" is a first name too: a function word opening the line is a title's ("On Recent Events").
    # In any of the corpus's languages: "Le Grand Continent", "Da La Nota" are a site's and a section's.
    return is_given_name(first) and first.casefold() not in _function_words_all()


@lru_cache(maxsize=None)
def _function_words() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in load_rules("stopwords")["en"])


_STAMP_LINE_MAX = 80
_READ_TIME = re.compile(r"\b\d+\s+min(?:ute)?s?\s+read\b|^\[?profile\]?", re.I)


def _next_to_stamp(no: int, lines: list[tuple[int, str]]) -> bool:
    """Whether the line before or after line ``no`` is the article's stamp: a short line with a
    date, a time ago ("1h ago"), a reading time ("4 min read") or a profile link."""
    at = next((i for i, (n, _) in enumerate(lines) if n == no), None)
    if at is None:
        return False
    for i in (at - 1, at + 1):
        if 0 <= i < len(lines):
            text = " ".join(_unlink(lines[i][1], " ").split())
            if len(text) <= _STAMP_LINE_MAX and (
                any(sp.year and sp.day for sp in extract_date_spans(text)) or _AGO.search(text) or _READ_TIME.search(text)
            ):
                return True
    return False


def extract_authors(text: str, doc: CleanDoc) -> Field[tuple[str, ...]] | None:
    """The article's authors from its byline, or ``None``.

    The raw page is read (the cleaner may have merged a byline into a paragraph or set
    it aside), nearest the headline first: the lines just under it, then just above it
    (a byline over the headline), each a "By ..." line naming people, a line opening with
    links to author pages, a name followed by its stamp ("Jane Doe - Aug 10, 2016"), or a
    name alone that the page repeats in an author box or bio; then, further off, only "By"
    lines (later ones are often related stories' bylines, so nearer wins).
    """
    lines = page_lines_of(text)
    title_no = min((b.line_no for b in doc.blocks if b.kind == "title"), default=0)
    after = [item for item in lines if item[0] >= title_no]
    before = [item for item in lines if item[0] < title_no]
    if title_no:
        near = [(item, k < _CLOSE_TITLE_LINES) for k, item in enumerate(after[1:_NEAR_TITLE_LINES])]
        if after and after[0][0] == title_no:
            # the headline found may be a byline or stamp line ("Jane Doe – 14.09.2022 – Column"):
            # read as one, never as a bare name
            near.insert(0, (after[0], None))
        near += [(item, True) for item in before[::-1][:_NEAR_ABOVE_TITLE_LINES]]
        for (no, line), close in near:
            found = _near_title_byline(no, line, lines, close)
            if found:
                return _authors_field(found[0], found[1], no, line)
    for no, line in (after + before)[:_LOOK_LINES]:
        names = authors_in_line(line)
        if names:
            return _authors_field(names, "byline", no, line)
    return None


def _authors_field(names: tuple[str, ...], method: str, no: int, line: str) -> Field[tuple[str, ...]]:
    evidence = f"line {no}: {line[:160]}"
    return Field(names, Provenance(method, evidence, load_confidence(f"authors-{method}")))


def names_after_cue(text: str) -> str:
    """The text after a byline's cue ("Auteur Jane Doe" → "Jane Doe"), else the text as given."""
    by = _BY.match(text)
    rest = (by.group("rest") or by.group("glued")) if by else None
    return rest.strip() if rest else text
