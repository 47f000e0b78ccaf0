"""Registry outlets the text names: a byline ("By The Moscow Times", "By Jane Doe, CNN",
"Reuters staff"), a copyright line ("© 2015 Reuters"), a first-person sentence ("We, the
journalists of The Moscow Times"), a prompt in the page furniture ("Support The Moscow
Times"), a wire dateline ("LONDON (Reuters) -"), a credit line ("Source: Al Jazeera and
news agencies"), and furniture characteristic of one outlet (signatures.py). Evidence for
the outlet (decide.py weighs it).

An outlet merely *mentioned* in the text is a source, not the publisher: "told the
Interfax news agency" names Interfax but was written by someone else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from generator.extract.outlets.lines import block_lines, furniture_lines, remember
from generator.extract.outlets.parents import is_parent_name_at
from generator.extract.outlets.registry import forms_written_in, load_registry, outlet_by_name
from generator.extract.outlets.signatures import extract_outlet_from_signature_lines, prepare_signatures
from generator.extract.page_lines import MD_LINK
from generator.extract.required_texts import extract_required_texts, lower_for_required_texts
from generator.model import CleanDoc, Field, Provenance, choose


_CONF_BYLINE = 0.95
_CONF_COPYRIGHT = 0.85
_CONF_SELF_REFERENCE = 0.8
_CONF_WIRE = 0.75
_CONF_CREDIT = 0.7
# A byline name that only *looks* like a publication ("By Bangkok News staff").
_CONF_BYLINE_UNLISTED = 0.65

# Blocks whose text is the article's own prose (captions carry photo credits, which
# name the photographer's agency; titles are headlines).
PROSE_KINDS = ("paragraph", "summary", "heading", "bullets")
# A wire dateline opens the story, so only the first few prose blocks are read for one.
_DATELINE_BLOCKS = 3
# Bylines are short; a longer "By ..." line is a sentence ("By continuing to browse ...").
_BYLINE_MAX_CHARS = 120
_BYLINE_MAX_WORDS = 12
_EVIDENCE_MAX_CHARS = 240

_BYLINE = re.compile(r"^(?:(?:written|posted|reported)\s+)?by\s*:?\s+(?P<rest>.+)$", re.I)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\||;|/|•|·|\s[-–—]\s|\band\b|&)\s*")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")
_STAFF_LINE = re.compile(
    r"^(?P<name>[^\s].{0,60}?)\s+staff(?:\s+(?:writers?|reporters?)|\s+(?:and|&)\s+agencies)?\.?$",
    re.I,
)
_CREDIT_LINE = re.compile(
    r"^(?:source|sources|credit|credits)\s*:\s*(?P<name>.+?)(?:\s+(?:and|&)\s+(?:news\s+)?agencies)?\.?$",
    re.I,
)
_WIRE_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][^()\n]{0,60}?)?\s*\((?P<name>[^()\n]{2,40})\)\s*(?P<dash>[-–—]{1,2}|:)?"
)
_PAREN = re.compile(r"\((?P<name>[^()\n]{2,40})\)")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|„[^“\n]*“")
_LIST_NUMBER = re.compile(r"\s+\d")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_COPYRIGHT_HEAD = r"(?:copyright\s*(?:©|\(c\)|&copy;)?|©|\(c\)|&copy;)"
_YEARS = r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)"


# --- the registry (registry.py) and the patterns made of its names -------------


@lru_cache(maxsize=None)
def _name_pattern() -> re.Pattern[str]:
    return re.compile(load_registry()["names"])


@lru_cache(maxsize=None)
def _cue(name: str) -> re.Pattern[str]:
    return re.compile(load_registry()["cues"][name])


@lru_cache(maxsize=None)
def _cue_list(name: str) -> tuple[re.Pattern[str], ...]:
    names = load_registry()["names"]
    return tuple(
        re.compile(p.replace("{name}", f"(?P<name>{names})"), re.I) for p in load_registry()["cues"][name]
    )


@lru_cache(maxsize=None)
def _copyright_pattern() -> re.Pattern[str]:
    names = load_registry()["names"]
    return re.compile(rf"{_COPYRIGHT_HEAD}\s*{_YEARS}?(?:by\s+)?(?P<name>{names})", re.I)


@lru_cache(maxsize=None)
def _cue_needs(name: str) -> tuple[frozenset[str] | None, ...]:
    """What each pattern of ``_cue_list(name)`` needs (see :func:`_may_match`)."""
    return tuple(extract_required_texts(p) for p in _cue_list(name))


@lru_cache(maxsize=None)
def _copyright_needs() -> frozenset[str] | None:
    return extract_required_texts(_copyright_pattern())


def _may_match(needs: frozenset[str] | None, lower: str | None) -> bool:
    """False only when a text (``lower``: as lowered by
    :func:`generator.extract.clean.lower_for_required_texts`) lacks every text a pattern
    ``needs``, so the pattern cannot match it: a cue's search is skipped on most
    sentences."""
    return lower is None or needs is None or any(map(lower.__contains__, needs))



def _naming_registry(doc: CleanDoc, lines: tuple[str, ...]) -> tuple[str, ...] | list[str]:
    """The ``lines`` of ``doc`` (in order) that write a registry name's form, each run of
    it among the runs of the document's lines: the only lines any cue may match."""
    forms = _registry_forms_in(doc)
    if forms is None:
        return lines
    if not forms:
        return ()
    return [line for line in lines if any(map(line.__contains__, forms))]


def _registry_forms_in(doc: CleanDoc) -> tuple[str, ...] | None:
    """The registry's written forms whose runs the document's lines (furniture and prose) all hold."""

    def compute() -> tuple[str, ...] | None:
        return forms_written_in("\n".join(furniture_lines(doc) + block_lines(doc, PROSE_KINDS)))

    return remember(doc, "registry-forms", compute)  # type: ignore[no-any-return]


# --- text helpers -------------------------------------------------------------------------


def clip_evidence(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_MAX_CHARS else text[: _EVIDENCE_MAX_CHARS - 1] + "…"


def _entry_in(text: str) -> dict[str, Any] | None:
    """The registry entry of the first outlet name written in ``text``, not as the head of a
    parent company's name ("Vox" of "Vox Media")."""
    for m in _name_pattern().finditer(text):
        if _LIST_NUMBER.match(text, m.end()):
            continue  # "the Fortune 500", "Time 100": a list named after the outlet
        if not is_parent_name_at(text, m.start(), m.end()):
            return outlet_by_name(m.group(0))
    return None


# --- (a) bylines ----------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _role_endings() -> tuple[re.Pattern[str], ...]:
    """A byline role ending a part ("..., Moscow correspondent"), longest role first."""
    roles = sorted(load_registry()["cues"]["byline_roles"], key=len, reverse=True)
    return tuple(re.compile(rf"(?:^|\s+){re.escape(role)}\.?$", re.I) for role in roles)


def _strip_roles(part: str) -> str:
    changed = True
    while changed:
        changed = False
        for ending in _role_endings():
            m = ending.search(part)
            if m:
                part = part[: m.start()].strip()
                changed = True
    return _IN_PLACE.sub("", part).strip(" .,:")


def _looks_like_publication(name: str, staff: bool = False) -> bool:
    """True when an unlisted name reads as a publication, not a person.

    It takes an outlet word ("Bangkok News", "The Daily Star"); words that are also
    surnames ("Post", "Star") count only after "The" or before "staff".
    """
    words = name.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in name):
        return False
    connectors = {"of", "the", "and", "al", "el", "de", "la", "du", "&"}
    if not all(w[0].isupper() or w.lower() in connectors for w in words):
        return False
    cues = load_registry()["cues"]
    bare = [w.strip(".,'’") for w in words]
    if any(w in cues["outlet_words_strong"] for w in bare):
        return True
    weak = any(w in cues["outlet_words_weak"] for w in bare)
    return weak and (words[0] == "The" or staff)


def _outlet_in_byline_name(name: str, staff: bool, line: str) -> Field[str] | None:
    name = _strip_roles(name)
    if not name:
        return None
    entry = outlet_by_name(name)
    if entry:
        return Field(entry["name"], Provenance("byline", clip_evidence(line), _CONF_BYLINE))
    if _looks_like_publication(name, staff=staff):
        return Field(name, Provenance("byline", clip_evidence(line), _CONF_BYLINE_UNLISTED))
    return None


def _outlet_in_byline(line: str) -> Field[str] | None:
    plain = (MD_LINK.sub(r"\1", line) if "[" in line else line).strip()  # a link opens with "["
    if len(plain) > _BYLINE_MAX_CHARS:
        return None
    lower = lower_for_required_texts(plain)
    if lower is not None and "by" not in lower and "staff" not in lower:
        return None  # what _BYLINE and _STAFF_LINE need: neither can match (same results, less time)
    by = _BYLINE.match(plain)
    if by:
        rest = by.group("rest").strip()
        if len(rest.split()) > _BYLINE_MAX_WORDS:
            return None
        parts = [rest, *(p for p in _BYLINE_SPLIT.split(rest) if p)]
        found = [_outlet_in_byline_name(p, "staff" in p.lower(), line) for p in parts]
        return choose(*found)
    staff = _STAFF_LINE.match(plain)
    if staff:
        return _outlet_in_byline_name(staff.group("name"), True, line)
    return None


def extract_outlet_from_byline(doc: CleanDoc) -> Field[str] | None:
    """The outlet a byline names ("By [The Moscow Times](#)", "By Jane Doe, CNN", "AFP staff").

    Bylines the cleaner set aside as furniture count. "By John Smith" names a person and
    gives ``None``.
    """
    lines = furniture_lines(doc) + block_lines(doc, PROSE_KINDS)
    return choose(*(_outlet_in_byline(line) for line in lines))


# --- (c) the outlet naming itself -------------------------------------------------------------


def _outlet_in_copyright(line: str) -> Field[str] | None:
    if not _may_match(_copyright_needs(), lower_for_required_texts(line)):
        return None
    if _cue("photo_credit").search(line):
        return None
    for m in _copyright_pattern().finditer(line):
        if line[m.end():m.end() + 1] == "/":  # "© Reuters/Maxim Shemetov": a photo credit
            continue
        if is_parent_name_at(line, m.start("name"), m.end("name")):  # "© 2022 Vox Media": the owner of Vox and others
            continue
        entry = outlet_by_name(m.group("name"))
        if entry:
            return Field(entry["name"], Provenance("copyright", clip_evidence(line), _CONF_COPYRIGHT))
    return None


def extract_outlet_from_copyright(doc: CleanDoc) -> Field[str] | None:
    """The outlet of a copyright line ("© 2015 Reuters", "Copyright © Al Jazeera Media Network").

    Captions and photo credits ("© Reuters/Name", "Photo: © AFP") name the photographer's
    agency and are skipped.
    """
    lines = furniture_lines(doc) + block_lines(doc, PROSE_KINDS)
    credits = None
    for line in _naming_registry(doc, lines):
        found = _outlet_in_copyright(line)
        if found and not _YEAR.search(line):
            credits = _inside_article(doc) if credits is None else credits
            if line in credits:
                continue  # "© Fox News" under a video still between two paragraphs: a credit
        if found:
            return found
    return None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _inside_article(doc: CleanDoc) -> frozenset[str]:
    """The lines (stripped) standing between the article's first and last paragraphs, kept
    or set aside: a copyright mark there is an image's credit. The site's own notice
    stands after the article, and usually with its year ("© 2019 Fox News")."""
    body = [b.line_no for b in doc.blocks if b.kind in PROSE_KINDS and b.line_no]
    if len(body) < 2:
        return frozenset()
    first, last = min(body), max(body)
    inside = {r.text.strip() for r in doc.removed if first < r.line_no < last}
    inside.update(b.text.strip() for b in doc.blocks if first < b.line_no < last)
    return frozenset(inside)


def _sentences(text: str) -> list[str]:
    # Quoted speech is someone else's voice: its "we" is not the outlet's.
    unquoted = _QUOTED.sub('"…"', text)
    return [s.strip() for s in _SENTENCE_END.split(unquoted) if s.strip()]


@lru_cache(maxsize=None)
def _self_reference_cues(
    furniture: bool,
) -> tuple[tuple[re.Pattern[str], ...], tuple[frozenset[str] | None, ...], re.Pattern[str] | None]:
    """The self-reference cues read in furniture (or in the body), what each needs, and one
    pattern finding any needed text (``None`` when a cue needs nothing known): a sentence
    holding none of them is passed over at once (see :func:`_may_match`)."""
    cues = _cue_list("self_reference") + (_cue_list("furniture_self_reference") if furniture else ())
    needs = _cue_needs("self_reference") + (_cue_needs("furniture_self_reference") if furniture else ())
    if any(n is None for n in needs):
        return cues, needs, None
    texts = sorted({t for n in needs for t in n}, key=lambda t: (-len(t), t))  # type: ignore[union-attr]
    return cues, needs, re.compile("|".join(re.escape(t) for t in texts))


def _self_reference_in(sentence: str, furniture: bool) -> dict[str, Any] | None:
    cues, needs, any_needed = _self_reference_cues(furniture)
    lower = lower_for_required_texts(sentence)
    if lower is None or any_needed is None or any_needed.search(lower):
        for pattern, needed in zip(cues, needs):
            m = pattern.search(sentence) if _may_match(needed, lower) else None
            if m and not is_parent_name_at(sentence, m.start("name"), m.end("name")):
                return outlet_by_name(m.group("name"))
    if not furniture:
        # In the body "our reporters could not reach Interfax" is news about a source.
        return None
    # Furniture naming an outlet in the first person, not attributing anything to it (the
    # cheap first-person test first: the registry's names are one long alternation).
    if not _cue("first_person").search(sentence) or _cue("attribution").search(sentence):
        return None
    return _entry_in(sentence)


def extract_outlet_from_self_reference(doc: CleanDoc) -> Field[str] | None:
    """The outlet speaking of itself: "We, the journalists of The Moscow Times ...".

    In furniture (a donation appeal is the outlet's own voice, even set aside) prompts
    ("Support The Kyiv Independent") and first-person sentences naming an outlet count;
    in the body only explicit self-descriptions ("we at Reuters", "here at the BBC") do.
    A sentence that attributes something to an outlet ("Khoja told the Interfax news
    agency", "state-run Itar-Tass reported") cites a source and never counts.
    """
    texts = [(line, True) for line in _naming_registry(doc, furniture_lines(doc))]
    texts += [(line, False) for line in _naming_registry(doc, block_lines(doc, PROSE_KINDS))]
    for text, furniture in texts:
        for sentence in _sentences(text):
            entry = _self_reference_in(sentence, furniture)
            if entry:
                return Field(entry["name"], Provenance("self-reference", clip_evidence(sentence), _CONF_SELF_REFERENCE))
    return None


def _outlet_in_wire_dateline(text: str) -> Field[str] | None:
    m = _WIRE_DATELINE.match(text)
    if not m:
        return None
    place = (m.group("place") or "").strip()
    # Without a dash only an all-caps place reads as a dateline: "Agence France-Presse
    # (AFP) reported" is a sentence.
    if not m.group("dash") and not (place and place.upper() == place):
        return None
    if len(place.split()) > 6:
        return None
    entry = outlet_by_name(m.group("name"))
    if entry is None:
        return None
    return Field(entry["name"], Provenance("wire-dateline", clip_evidence(m.group(0)), _CONF_WIRE))


def extract_outlet_from_wire_dateline(doc: CleanDoc) -> Field[str] | None:
    """The agency of a wire dateline opening the story: "LONDON (Reuters) -", "(CNN) --".

    Only the opening blocks and the cleaner's dateline are read: "(AFP)" inside a
    sentence is an attribution, not a dateline.
    """
    if doc.dateline:
        m = _PAREN.search(doc.dateline)
        entry = outlet_by_name(m.group("name")) if m else None
        if entry:
            return Field(entry["name"], Provenance("wire-dateline", clip_evidence(doc.dateline), _CONF_WIRE))
    prose = [b for b in doc.blocks if b.kind in ("paragraph", "summary")][:_DATELINE_BLOCKS]
    for block in prose:
        found = _outlet_in_wire_dateline(block.plain())
        if found:
            return found
    return None


def extract_outlet_from_credit_line(doc: CleanDoc) -> Field[str] | None:
    """The outlet of a whole-line credit: "Source: Al Jazeera and news agencies"."""
    for line in furniture_lines(doc) + block_lines(doc, PROSE_KINDS):
        m = _CREDIT_LINE.match(line)
        entry = outlet_by_name(m.group("name")) if m else None
        if entry:
            return Field(entry["name"], Provenance("credit-line", clip_evidence(line), _CONF_CREDIT))
    return None


# --- (d) furniture signatures -------------------------------------------------------------------


@lru_cache(maxsize=None)
def _signatures() -> tuple[tuple[dict[str, Any], tuple[Any, ...]], ...]:
    return prepare_signatures(load_registry()["entries"])


def extract_outlet_from_signatures(doc: CleanDoc) -> Field[str] | None:
    """The outlet whose characteristic page furniture the document carries (tier
    ``inferred``; see signatures.py)."""
    lines = tuple(" ".join(line.split()) for line in furniture_lines(doc) + block_lines(doc))
    return extract_outlet_from_signature_lines(_signatures(), lines, load_registry()["threshold"])
