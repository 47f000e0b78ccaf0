"""The name a page gives its own site: the title's site part, the masthead logo, the
copyright holder. Evidence for the outlet (decide.py decides among it).

Each of these is also where a page names someone else (a headline "Interview | Jane
Doe", a logo of a partner, "© 2017 Vox Media, Inc."), so a name counts only when it is
tied to the page: it is a registry outlet, or it fits the page's own domain
(:func:`generator.extract.outlets.sites.name_fits_domain`), or (the title's site part, on
a page whose domain is unknown) the page writes it again elsewhere. Nothing is invented.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Any, Callable

from generator.extract.outlets.sites import (
    squash_name,
    domain_label,
    extract_page_name_for,
    is_platform_domain,
    name_fits_domain,
    registrable_domain,
)
from generator.extract.page_lines import MD_LINK as _MD_LINK
from generator.extract.required_texts import ASCII_LOOKALIKES, extract_required_texts, lower_for_required_texts, match_from_starts
from generator.files.rules import load_confidence, load_rules
from generator.model import Field, Provenance

# " - ", " | ", " – ", " — ", " · ", " :: ", " // " between headline and site.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[-–—|·•:]{1,2}|//)\s+")
_SITE_MAX_WORDS = 6
_SITE_MAX_CHARS = 40
_HEADLINE_MIN_WORDS = 2
# A logo image in a link to the site's root: "[![The Motley Fool](logo.svg)](/)".
_ROOT_LOGO = re.compile(
    r"\[\s*!\[(?P<alt>[^\]\n]{2,60})\]\([^)\n]*\)\s*\]\((?P<href>[^)\s]*)[^)]*\)"
    r"|\[[^\]\n]{0,60}\]\((?P<href2>[^)\s]*)\s+\"(?P<alt2>[^\"\n]{2,60})\"\)"
)
_COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|&copy;)\s*(?i:copyright)|(?i:copyright)\s*(?:©|\(c\)|&copy;)?|©|\(c\)|&copy;)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?:by\s+)?(?P<name>[A-Z][\w&'’!-]*(?:[ \t]+[A-Z&][\w&'’!-]*){0,5})",
)
# Words a company name ends with that are no part of the site's name.
_COMPANY_TAIL = re.compile(r"(?:\s+(?:Inc|LLC|Ltd|L\.P|LP|Co|Corp|Corporation|Company|Group|Media|Network|Holdings|All))+\.?$")

# A holder with one of these words is a company owning sites, not a site ("Vox Media",
# "Mansueto Ventures", "EHM Productions"); legal endings ("Inc", "LLC") are no such sign.
_COMPANY_WORD = re.compile(
    r"\b(?:media|group|ventures|productions|company|software|society|network|holdings|enterprises|"
    r"communications|digital|publishing|publications|interactive|entertainment|broadcasting|convergence|"
    r"corporation|partners|studios)\b",
    re.I,
)
# A line naming a company as an owner or in legal text, not the site naming itself.
_OWNER_CONTEXT = re.compile(
    r"©|\bcopyright\b|\bpart of\b|\bdivision of\b|\bowned by\b|\bsubsidiary\b|\baffiliate|\breproduced\b|"
    r"\btrademark|\bprivacy\b|\bterms\b",
    re.I,
)

@lru_cache(maxsize=None)
def _company_suffix() -> re.Pattern[str]:
    forms = sorted(load_rules("outlets")["cues"]["company_suffixes"], key=len, reverse=True)
    one = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?:[\s,]+(?:{one})(?![\w]))+[.,]?$")


def strip_company_suffix(name: str) -> str:
    """``name`` without the legal form a company writes after it ("X Pty Ltd." → "X",
    "X.com, LLC" → "X.com", "Tamedia AG" → "Tamedia"; ``cues.company_suffixes``)."""
    stripped = _company_suffix().sub("", name.strip()).strip(" ,")
    return stripped or name.strip()


def _names_site(name: str, line: str) -> bool:
    """Whether ``line`` writes ``name`` outside copyright and ownership text."""
    return name in line and not _OWNER_CONTEXT.search(line)


@lru_cache(maxsize=None)
def _site_owners() -> frozenset[str]:
    return frozenset(n.casefold() for n in load_rules("outlets")["cues"]["site_owners"])


def _is_site_owner(name: str) -> bool:
    return name.casefold() in _site_owners()


NameOf = Callable[[str], "dict[str, Any] | None"]


def split_title_site(title_line: str) -> tuple[str, str | None]:
    """The headline and the site part of a title line: "Storm hits coast - BBC News" →
    ("Storm hits coast", "BBC News"). The site part follows the last separator and is
    short; without one the whole line is the headline and the site ``None``."""
    line = " ".join((_MD_LINK.sub(r"\1", title_line) if "[" in title_line else title_line).split())
    separators = list(_TITLE_SEPARATOR.finditer(line))
    if not separators:
        return line, None
    last = separators[-1]
    headline, site = line[: last.start()].strip(), line[last.end():].strip()
    if (
        not site
        or len(site) > _SITE_MAX_CHARS
        or len(site.split()) > _SITE_MAX_WORDS
        or site[-1] in "?!.:"
        or len(headline.split()) < _HEADLINE_MIN_WORDS
    ):
        return line, None
    return headline, site


def fit_name(name: str, domain: str) -> str | None:
    """The part of ``name`` that is the domain's site: the whole name when it fits ("The
    Motley Fool" on fool.com), else its leading words that do ("Raw Story" of "Raw Story
    Media" on rawstory.com, "CNN" of "CNN Politics" on cnn.com), else ``None``."""
    if name_fits_domain(name, domain):
        return name
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        # a separator the site put after its name is no part of it ("LinkNaija | Nigeria's ...")
        head = " ".join(words[:i]).rstrip(_SEPARATORS)
        if head and name_fits_domain(head, domain) and len(domain_label(domain)) >= 3:
            return head
    return None


_SEPARATORS = " |-–—:·•»«/"


def _tied_name(
    name: str, domain: str | None, outlet_by_name: NameOf, name_of_domain: Callable[[str], str | None]
) -> str | None:
    """The outlet ``name`` names, when it is tied to the page (see module doc), else ``None``."""
    entry = outlet_by_name(name)
    registered = name_of_domain(domain) if domain else None
    if entry is not None:
        if domain is None or registered == entry["name"]:
            return entry["name"]
        # A registry outlet that is not the page's site: an agency's or a partner's name.
        return None
    if domain is None:
        return None
    fitted = fit_name(name, domain)
    if fitted is None:
        return None
    return registered or fitted


def extract_outlet_from_title(
    title_line: str | None,
    domain: str | None,
    text: str,
    outlet_by_name: NameOf,
    name_of_domain: Callable[[str], str | None],
    site: str | None = None,
) -> Field[str] | None:
    """The outlet the title's site part names ("... - BBC News"), tied to the page.

    ``site`` is the part the headline finder already split off the page's title
    (``CleanDoc.title_site``); without it the title line is split here.
    """
    if not title_line:
        return None
    if site is None:
        _headline, site = split_title_site(title_line)
    if site is None:
        return None
    evidence = f"title: {title_line.strip()[:200]} (site part: {site})"
    if domain is not None and is_platform_domain(domain):
        # On a platform the title's site part is the publication's own name.
        if outlet_by_name(site) is None and text.count(site) >= 2:
            return Field(site, Provenance("title-site", evidence, load_confidence("outlet-title-site")))
        return None
    name = _tied_name(site, domain, outlet_by_name, name_of_domain)
    if name is not None:
        return Field(name, Provenance("title-site", evidence, load_confidence("outlet-title-site")))
    if domain is None and outlet_by_name(site) is None and text.count(site) >= 2:
        # No domain to tie it to: the page writes the name again (a footer, a logo).
        return Field(site, Provenance("title-site", evidence + f'; "{site}" written again on the page', load_confidence("outlet-title-site-untied")))
    return None


def extract_outlet_from_logo(text: str, domain: str | None, name_of_domain: Callable[[str], str | None]) -> Field[str] | None:
    """The name of the site's logo, linked to its home page ("[![The Motley Fool](…)](/)"),
    when it fits the page's domain."""
    if domain is None:
        return None
    platform = is_platform_domain(domain)
    for m in _ROOT_LOGO.finditer(text):
        href = m.group("href") if m.group("href") is not None else m.group("href2")
        alt = re.sub(r"\s+(?:home|homepage|logo)$", "", (m.group("alt") or m.group("alt2")).strip(), flags=re.I)
        if platform:
            # On a platform a publication's logo links to its own path: "[![Voodoo Engineering](…)](/voodoo-engineering)"
            # ("/@name" is a writer's profile, not a publication).
            slug = re.fullmatch(rf"(?:(?:https?:)?//(?:www\.)?{re.escape(domain)})?/([\w-]+)/?(?:\?[^\s]*)?", href)
            if slug and squash_name(slug.group(1)) == squash_name(alt) and len(squash_name(alt)) >= 3:
                return Field(alt, Provenance("masthead-logo", f"publication logo linked to its page: {m.group(0)[:160]}", load_confidence("outlet-masthead-logo")))
            continue
        if not (href == "/" or re.fullmatch(rf"(?:https?:)?//(?:www\.)?{re.escape(domain)}/?", href)):
            continue
        fitted = fit_name(alt, domain)
        if fitted:
            name = name_of_domain(domain) or fitted
            return Field(name, Provenance("masthead-logo", f"logo linked to the home page: {m.group(0)[:160]}", load_confidence("outlet-masthead-logo")))
    return None


def extract_outlet_from_copyright_holder(text: str, domain: str | None) -> Field[str] | None:
    """The copyright holder of the page, when it is the site: not in the registry (those
    are read by named.py) and either fitting the page's domain ("© 2017 The Motley Fool,
    LLC" on fool.com) or, where no domain is known, a name that is no company's ("Vox
    Media", "Condé Nast Group" own many sites) and that the page writes again outside its
    copyright lines ("Subscribe to The Seattle Times")."""
    if domain is not None and is_platform_domain(domain):
        return None
    lower = lower_for_required_texts(text)
    if lower is not None and not any(map(lower.__contains__, _COPYRIGHT_HEADS)):
        return None  # every copyright pattern below opens with one of these: no need to run them
    if domain is not None:
        linked = _copyright_link_to_site(text, domain)
        if linked is not None:
            return linked
    text = _MD_LINK.sub(r"\1", text) if "](" in text else text
    for dm in _at_copyright_heads(_COPYRIGHT_DOMAIN, text):
        # A domain ("© 2022 opposingviews.com"): the site, as the page spells its name.
        held = _held_domain(text, dm)
        if held is not None and (domain is None or held[0] == domain):
            return held[1]
    for m in _at_copyright_heads(_COPYRIGHT, text):
        if re.match(r"\.[a-z]", text[m.end():m.end() + 2]):
            continue  # a domain, read above
        if text[m.end("name"):m.end("name") + 2].lstrip().startswith("/"):
            continue  # "© Noelia Páez/Instagram": a photo credit, a person and where the picture is from
        name = _COMPANY_TAIL.sub("", m.group("name").strip(" ,.")).strip(" ,.")
        if not name:
            continue
        line = text[m.start(): m.end() + 40].splitlines()[0].strip()[:200]
        if domain is not None:
            fitted = fit_name(name, domain)
            if fitted:
                fitted = _without_the_unless_written(fitted, text)
                return Field(fitted, Provenance("copyright", line, load_confidence("outlet-copyright-holder")))
            continue
        holder = m.group("name")
        if _COMPANY_WORD.search(holder) or _is_site_owner(name) or len(name) < 3:
            continue
        # Tied to no domain, a notice must read as the site's: a year or "All rights
        # reserved" ("© 2019 The Seattle Times"); a bare "© UC Global" is a picture's credit.
        if not _NOTICE.search(text[m.start(): m.end() + 80].split("\n", 1)[0]):
            continue
        if any(_names_site(name, other) for other in text.splitlines()):
            evidence = f'{line}; "{name}" written again on the page'
            return Field(name, Provenance("copyright", evidence, load_confidence("outlet-copyright-holder-untied")))
        if _reads_as_newspaper(name):
            evidence = f'{line}; "{name}" reads as a publication\'s name'
            return Field(name, Provenance("copyright", evidence, load_confidence("outlet-copyright-holder-untied")))
    return None


def _without_the_unless_written(name: str, text: str) -> str:
    """``name`` without its leading "The" when the page writes the name without it more
    often than with it: "© 2017 The Slate Group LLC" is the company's name, the site is
    "Slate" everywhere else on the page; "The Motley Fool" keeps its "The"."""
    if not name.startswith("The ") or len(name) < 8:
        return name
    bare = name[4:]
    with_the = len(re.findall(rf"\b[Tt]he {re.escape(bare)}\b", text))  # "the Forward" in a sentence too
    alone = len(re.findall(rf"(?<!\bThe )(?<!\bthe )\b{re.escape(bare)}\b", text))
    return bare if alone > with_the else name


_NOTICE = re.compile(r"\b(?:19|20)\d\d\b|rights\s+reserved", re.I)

# What _COPYRIGHT, _COPYRIGHT_DOMAIN and _COPYRIGHT_LINK open with, lowered.
_COPYRIGHT_HEADS = ("©", "(c)", "&copy;", "copyright")


def _at_copyright_heads(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which opens with a copyright
    head, tried only where a head stands (:func:`match_from_starts`)."""
    if ASCII_LOOKALIKES.search(text):
        return list(pattern.finditer(text))  # lowering may move or hide a head: search as written
    lower = text.lower()
    starts: set[int] = set()
    for head in _COPYRIGHT_HEADS:
        at = lower.find(head)
        while at >= 0:
            starts.add(at)
            at = lower.find(head, at + 1)
    return match_from_starts(pattern, text, starts)


_COPYRIGHT_DOMAIN = re.compile(
    r"(?:©|\(c\)|&copy;|\bcopyright\b)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<name>[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,})\b",
    re.I,
)


def _held_domain(text: str, m: re.Match[str]) -> tuple[str, Field[str]] | None:
    """The registrable domain a copyright line holds ("© 2022 opposingviews.com"), named as
    the page spells it ("Opposing Views"); ``None`` when the page writes no such name."""
    held = registrable_domain(m.group("name"))
    if held is None or is_platform_domain(held):
        return None
    spelled = extract_page_name_for(held, text)
    if spelled is None:
        return None
    line = text[m.start(): m.end() + 40].splitlines()[0].strip()[:200]
    evidence = f'{line}; the page writes "{spelled[0]}" {spelled[1]} times'
    return held, Field(spelled[0], Provenance("copyright", evidence, load_confidence("outlet-copyright-holder")))


@lru_cache(maxsize=None)
def _newspaper_words() -> frozenset[str]:
    return frozenset(load_rules("outlets")["cues"]["newspaper_name_words"])


def _reads_as_newspaper(name: str) -> bool:
    """Whether a holder's name ends with a newspaper word ("Chicago Tribune", "Gulf Times"):
    a publication, not a company owning sites."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[-1] in _newspaper_words() and all(w[0].isupper() for w in words)


_COPYRIGHT_LINK = re.compile(
    r"(?:©|\(c\)|&copy;|\bcopyright\b)[^\n\[]{0,40}\[(?P<name>[^\]\n]{2,60})\]\((?P<href>[^)\s]+)[^)]*\)", re.I
)


def _copyright_link_to_site(text: str, domain: str) -> Field[str] | None:
    """A copyright holder linked to the site's own home page ("Copyright © 2017 [WordPress
    Tavern](https://wptavern.com)"): the name the site gives itself, whatever its domain."""
    for m in _at_copyright_heads(_COPYRIGHT_LINK, text):
        if re.fullmatch(rf"(?:https?:)?//(?:www\.)?{re.escape(domain)}/?", m.group("href")):
            name = _COMPANY_TAIL.sub("", m.group("name").strip(" ,.")).strip(" ,.")
            if len(name) >= 3:
                line = m.group(0)[:200]
                return Field(name, Provenance("copyright", line, load_confidence("outlet-copyright-holder")))
    return None


# A site's name as its furniture writes it: one to four capitalised words ("Quartz",
# "The Verge", "WIRED", "E! Online"), joined by "of"/"and"/"&" at most.
_SELF_NAME = r"(?-i:(?P<name>(?:The\s+)?[A-Z0-9][\w!&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z0-9][\w!&'’.-]*){0,3}))"
_LINE_MARKS = re.compile(r"^[\s*+#>|•·-]+|[*_`]+")
_LEADING_MARKS = frozenset("*+#>|•·-")
_MIN_SELF_LINES = 2  # one line may name a partner ("Follow GMA" on a Yahoo video page) ...
_MIN_SELF_WRITTEN = 3  # ... but one strong line ("More from Kotaku") suffices where the page writes the name this often


@lru_cache(maxsize=None)
def _platform_names() -> frozenset[str]:
    return frozenset(load_rules("outlets")["cues"].get("platform_names", {}).values())


@lru_cache(maxsize=None)
def _self_name_cues() -> tuple[tuple[re.Pattern[str], int], ...]:
    """Each cue with its strength: 2 enough alone (``site_self_name_alone``), 1 strong
    (``site_self_name``), 0 weak (``site_self_name_weak``)."""
    cues = load_rules("outlets")["cues"]
    return tuple(
        (re.compile(p.replace("{name}", _SELF_NAME), re.I), strength)
        for key, strength in (("site_self_name_alone", 2), ("site_self_name", 1), ("site_self_name_weak", 0))
        for p in cues[key]
    )


@lru_cache(maxsize=None)
def _self_name_needs() -> tuple[tuple[frozenset[str] | None, ...], re.Pattern[str] | None]:
    """What each cue of :func:`_self_name_cues` needs in a lowered line, and one pattern
    finding any of those texts (``None`` when some cue needs nothing known): most lines
    hold none and are passed over without running the cues (same results, less time)."""
    needs = tuple(extract_required_texts(cue) for cue, _strength in _self_name_cues())
    if any(n is None for n in needs):
        return needs, None
    texts = sorted({t for n in needs for t in n}, key=lambda t: (-len(t), t))  # type: ignore[union-attr]
    return needs, re.compile("|".join(re.escape(t) for t in texts))


@lru_cache(maxsize=None)
def _needed_words() -> tuple[str, ...] | None:
    """Every text a cue of :func:`_self_name_cues` needs, when each is one word of letters
    and digits (else ``None``)."""
    needs, any_needed = _self_name_needs()
    if any_needed is None:
        return None
    words = sorted({t for n in needs for t in n or ()})
    return tuple(words) if all(_WORD_ONLY.fullmatch(w) for w in words) else None


_WORD_ONLY = re.compile(r"[a-z0-9]+")


def _lines_to_read(text: str) -> list[tuple[str, frozenset[str] | None]]:
    """The page's lines a cue may match, in order, each with the needed words its lowered
    text holds (``None``: not known, look). Reading a line takes out links, marks and
    extra spaces, which join and split no letters: a line with no link ("[") holds the
    same needed words before it is read as after, and one holding none is passed over.
    The words are looked for in the whole page at once, and only the lines holding one
    are read (same results as reading every line, less time)."""
    words = _needed_words()
    lines = text.splitlines()
    if words is None or ASCII_LOOKALIKES.search(text):
        return [(line, None) for line in lines]
    lower = text.lower()
    hits: list[tuple[int, str]] = []
    for word in words:
        at = lower.find(word)
        while at >= 0:
            hits.append((at, word))
            at = lower.find(word, at + 1)
    if not hits and "[" not in text:
        return []
    ends = list(accumulate(map(len, text.splitlines(keepends=True))))
    held: dict[int, set[str]] = {}
    for at, word in hits:
        held.setdefault(bisect_right(ends, at), set()).add(word)
    at = text.find("[")
    while at >= 0:
        held.setdefault(bisect_right(ends, at), set())
        at = text.find("[", at + 1)
    return [(lines[i], None if "[" in lines[i] else frozenset(held[i])) for i in sorted(held)]


def _self_name_lines(text: str) -> list[tuple[str, str, int]]:
    """(name, line, strong) for each line of the page where the site names itself."""
    found = []
    needs, any_needed = _self_name_needs()
    cues = _self_name_cues()
    for raw, held in _lines_to_read(text):
        if "[" in raw:
            raw = _MD_LINK.sub(r"\1", raw)
        # _LINE_MARKS changes only a line with a mark to take out (most lines have none).
        marked = raw.lstrip()[:1] in _LEADING_MARKS or any(map(raw.__contains__, "*_`"))
        line = " ".join((_LINE_MARKS.sub(" ", raw) if marked else raw).split())
        if not line or len(line) > 300:
            continue
        if held is not None:
            # The needed words the line holds are known: a cue needing none of them cannot match.
            for (cue, strong), needed in zip(cues, needs):
                if needed is not None and held.isdisjoint(needed):
                    continue
                m = cue.search(line)
                if m:
                    found.append((m.group("name").strip(" .,’'"), line, strong))
                    break
            continue
        lower = lower_for_required_texts(line)
        if lower is not None and any_needed is not None and not any_needed.search(lower):
            continue
        for (cue, strong), needed in zip(cues, needs):
            if lower is not None and needed is not None and not any(map(lower.__contains__, needed)):
                continue
            m = cue.search(line)
            if m:
                found.append((m.group("name").strip(" .,’'"), line, strong))
                break
    return found


def extract_outlet_from_self_names(
    text: str, domain: str | None, outlet_by_name: NameOf, name_of_domain: Callable[[str], str | None]
) -> Field[str] | None:
    """The name the site calls itself in its own furniture ("More from Quartz", "About
    TMZ", "The Verge logo", a writer's bio "is a staff writer at WIRED"), or ``None``.

    A name needs a statement only the site makes ("Mental Floss may receive a commission"),
    or a strong line ("More from Kotaku"; a weak "Follow GMA" may be a partner's) and a
    second line or the page writing the name three times or more; a
    name that is no registry outlet's and does not fit a known domain is someone else's (a
    sister site in the menu). The most supported name wins; a tie gives ``None``.
    """
    if domain is not None and is_platform_domain(domain):
        return None
    lines: dict[str, list[str]] = {}
    strong: set[str] = set()
    alone: set[str] = set()
    for name, line, strength in _self_name_lines(text):
        if len(name) < 2 or name.casefold() in ("us", "the", "our", "me") or name in _platform_names():
            continue
        entry = outlet_by_name(name)
        key = entry["name"] if entry else name
        if domain is not None:
            tied = _tied_name(name, domain, outlet_by_name, name_of_domain)
            if tied is None:
                continue
            key = tied
        if line not in lines.setdefault(key, []):
            lines[key].append(line)
        if strength >= 1:
            strong.add(key)
        if strength >= 2:
            alone.add(key)
    ranked = sorted(((k, v) for k, v in lines.items() if k in strong), key=lambda kv: (-len(kv[1]), -text.count(kv[0])))
    if not ranked:
        return None
    name, where = ranked[0]
    if len(ranked) > 1 and len(ranked[1][1]) == len(where) and text.count(ranked[1][0]) == text.count(name):
        return None
    written = text.casefold().count(name.casefold())
    if name not in alone and (name not in strong or (len(where) < _MIN_SELF_LINES and written < _MIN_SELF_WRITTEN)):
        return None
    evidence = "the site names itself: " + "; ".join(f'"{w[:80]}"' for w in where[:3])
    return Field(name, Provenance("site-self-name", evidence, load_confidence("outlet-site-self-name")))
