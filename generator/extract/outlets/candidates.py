"""Names a page may give its own site, each with the evidence for it: the candidates the
learned weights of ``data/outlet_model.yml`` score (scoring.py).

Any site leaves such evidence, in any language, whether or not the registry knows it:

* the site part of its title line ("<Headline> - <Name>", the dump's first line);
* the copyright holder, its legal form taken off ("© X Pty Ltd. All rights reserved",
  "Copyright © 2000- X.com, LLC", "© 2020 | X | Theme", "© X Verlag GmbH & Co. KG - Alle
  Rechte", also without a German company word: "X Medien" gives X too);
* a prompt naming it ("Follow X", "Subscribe to X", "Sign up to X", "Willkommen bei X",
  "X Newsletter", "X Store", "Jobs bei X", "Get X to your inbox", "X @ Twitter");
* its domain written as a word ("www.computerbild.de", "DOMRADIO.DE");
* its own e-mail domain ("info@x.de"), which bears a name out.

Each is scored with what else the page says of it: how often it is written, whether it
fits a domain the page points at, whether another candidate names the same site
(``agreeing``: "COMPUTER BILD" and "computerbild.de"), whether it is only chrome or
function words (``all_common``: "Über uns").

Every candidate is a name the page writes (a span of its text): nothing is invented.
The cue patterns are data (``cues.site_prompts``, ``cues.copyright_stops`` in
data/outlets.yml).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from generator.extract.outlets.names import split_title_site, strip_company_suffix
from generator.extract.outlets.registry import outlet_by_name
from generator.extract.outlets.sites import (
    count_site_domains,
    domain_ending,
    is_not_site_domain,
    name_fits_domain,
    registrable_domain,
    squash_name,
    strip_domain_ending,
)
from generator.extract.page_lines import MD_LINK
from generator.extract.required_texts import extract_required_texts
from generator.files.rules import load_rules

# Kept where web2's half B (held out) agreed they help; dropped (half B no better with
# them, see make train's report): a masthead line repeated, a logo's home link, a
# writer's "<role> at <X>", the e-mail domain as a name of its own (it stays as support:
# fits_email), the social handle (fits_handle), "short", "most written". Session 8 also
# dropped: a link to the front page ("[X](/)"), the page's first short lines, "X is a ..."
# statements, a count of the lines the name stands alone on, and the rule's method.
CUES = ("title", "copyright", "prompt", "domain")
_MAX_WORDS = 6
_MAX_CHARS = 80
_LINE_MAX_CHARS = 300
_PROMPT_MAX_CHARS = 120
_NAME = r"(?P<name>[\w&@'’!.+-]+(?:[ \t]+[\w&@'’!.+-]+){0,5}?)"
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|&copy;|\bcopyright\b)(?:\s*(?:©|\(c\)))?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)\d{2})?)?\s*,?\s*)?(?:by\s+)?(?P<rest>[^\n]{2,120})",
    re.I,
)
# What may stand between a copyright sign and its holder: another sign, a year or a range, "by", a separator.
_HOLDER_LEAD = re.compile(r"^(?:(?:©|\(c\)|&copy;|copyright\b|(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)\d{2})?)?|by\b|[|•·,:–—-])\s*)+", re.I)
_HOLDER_TAIL_YEARS = re.compile(r"\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)\d{2})?)?$")
_STOP = re.compile(r"\s+[|•·–—-]\s+|\s*[|•·]\s*|[.;:!?](?:\s|$)|\s\(|,\s*(?=[a-z])")
_EMAIL = re.compile(r"\b[\w.+-]+@(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b", re.I)
_MARKS = re.compile(r"^[\s*+#>|•·-]+|[*_`]+")
# A domain written as a word ("www.computerbild.de", "DOMRADIO.DE"), not inside an address.
_WRITTEN_DOMAIN = re.compile(r"(?<![\w@/.-])(?:www\.)?(?P<domain>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\.[a-z]{2})?)(?![\w/@-]|\.[\w])", re.I)
_TAGLINE = re.compile(r"\s+(?:[-–—|•·:]|//)\s+")
# The company word a copyright holder may add to the site's name ("Presse Augsburg Medien GmbH").
_HOLDER_COMPANY_WORD = re.compile(r"\s+(?:Verlag|Verlagsgesellschaft|Medien|Mediengruppe)$")


@dataclass
class Candidate:
    """One name the page may give its site, and what supports it."""

    name: str
    cues: Counter[str] = field(default_factory=Counter)
    evidence: list[str] = field(default_factory=list)

    def add(self, cue: str, line: str) -> None:
        self.cues[cue] += 1
        if len(self.evidence) < 3 and line not in self.evidence:
            self.evidence.append(line[:120])


@lru_cache(maxsize=None)
def _patterns(key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.replace("{name}", _NAME), re.I) for p in load_rules("outlets")["cues"][key])


@lru_cache(maxsize=None)
def _prompt_needs() -> re.Pattern[str] | None:
    """One pattern finding any text a prompt cue needs in a lowered line (``None``: some
    cue needs nothing known): most lines hold none and are passed over."""
    needs = [extract_required_texts(p) for p in _patterns("site_prompts")]
    if any(not n for n in needs):
        return None
    texts = sorted({t for n in needs for t in n or ()}, key=lambda t: (-len(t), t))
    return re.compile("|".join(re.escape(t) for t in texts))


@lru_cache(maxsize=None)
def _legal_form_inside() -> re.Pattern[str]:
    """A legal form after a name, with text after it ("X Verlag GmbH & Co. KG - Alle Rechte")."""
    forms = sorted(load_rules("outlets")["cues"]["company_suffixes"], key=len, reverse=True)
    return re.compile(r"(?<=[\w.])[\s,]+(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w&])")


@lru_cache(maxsize=None)
def _copyright_stop() -> re.Pattern[str]:
    stops = load_rules("outlets")["cues"]["copyright_stops"]
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stops) + r")\b", re.I)


def _plain(line: str) -> str:
    if "[" in line:
        line = MD_LINK.sub(r"\1", line)
    return " ".join(_MARKS.sub(" ", line).split())


def _clean_name(name: str) -> str | None:
    """A candidate name as it may stand for a site, or ``None``: one to six words, at most
    80 characters, holding a letter, not opening lower-case unless written as a domain."""
    name = name.strip(" \t,.;:-–—|'’\"“”„«»")
    if not name or len(name) > _MAX_CHARS or len(name.split()) > _MAX_WORDS:
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    return name


def _copyright_holder(line: str) -> str | None:
    m = _COPYRIGHT.search(line)
    if m is None:
        return None
    rest = m.group("rest")
    if rest[:1] in "/":
        return None  # "© Name/Agency": a picture's credit
    rest = _HOLDER_LEAD.sub("", rest)  # "© 2020 | X | ...", "Copyright 2020 © X", "© Copyright X"
    legal = _legal_form_inside().search(rest)
    rest = rest[: legal.start()] if legal else rest
    rest = re.split(r"\s(?:www\.|https?://)", rest, maxsplit=1)[0]  # "© COMPUTER BILD www.computerbild.de"
    stop = _copyright_stop().search(rest)
    rest = rest[: stop.start()] if stop else rest
    # a domain's dots are no stop ("X.com, LLC"): cut at the first stop outside one
    cut = next((s.start() for s in _STOP.finditer(rest) if not re.match(r"\.[a-z]", rest[s.start(): s.start() + 2])), len(rest))
    holder = _HOLDER_TAIL_YEARS.sub("", strip_company_suffix(rest[:cut].strip(" ,")))
    if "/" in holder:
        return None
    return _clean_name(holder)


def read_candidates(text: str, title_site: str | None = None) -> dict[str, Candidate]:
    """The names the page (raw ``text``) may give its site, by their squashed form."""
    found: dict[str, Candidate] = {}

    def offer(name: str | None, cue: str, line: str) -> None:
        name = _clean_name(name) if name else None
        if name is None:
            return
        key = squash_name(name)
        if len(key) < 2:
            return
        entry = outlet_by_name(name)
        if entry is not None and entry.get("kind") == "agency":
            return  # a wire's name travels with its copy: the rules decide (decide.py)
        candidate = found.setdefault(key, Candidate(name))
        candidate.add(cue, line)

    if title_site:
        offer(title_site, "title", title_site)
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first:
        _headline, site = split_title_site(_plain(first))
        offer(site, "title", _plain(first))
    prompt_needs = _prompt_needs()
    for raw in text.splitlines():
        if not raw.strip() or len(raw) > _LINE_MAX_CHARS * 3:
            continue
        lower = raw.lower()
        is_copyright = "©" in raw or "copyright" in lower or "(c)" in lower
        # a prompt is a short line ("Follow X on Twitter"): a longer one is prose
        may_prompt = len(raw) <= _PROMPT_MAX_CHARS and (prompt_needs is None or prompt_needs.search(lower) is not None)
        # a domain the site writes as its name stands in a short line (a footer, a logo's text)
        if len(raw) <= _PROMPT_MAX_CHARS and "." in raw:
            _offer_written_domains(raw, offer)
        if not (is_copyright or may_prompt):
            continue  # the cheap tests first: most lines are neither
        line = _plain(raw)
        if len(line) > _LINE_MAX_CHARS:
            continue
        if is_copyright:
            holder = _copyright_holder(line)
            offer(holder, "copyright", line)
            if holder and _HOLDER_COMPANY_WORD.search(holder) and outlet_by_name(_HOLDER_COMPANY_WORD.sub("", holder)) is None:
                offer(_HOLDER_COMPANY_WORD.sub("", holder), "copyright", line)
        if not may_prompt:
            continue
        for pattern in _patterns("site_prompts"):
            m = pattern.search(line)
            # a registry outlet a prompt names is read by parents.py's rules (one prompt
            # may be a partner's, "Follow GMA" on a Yahoo page; an agency's never names the site)
            if m and outlet_by_name(m.group("name").strip()) is None:
                offer(m.group("name"), "prompt", line)
    return found



def _offer_written_domains(line: str, offer: Callable[[str | None, str, str], None]) -> None:
    """Offer each domain ``line`` writes as a word (an address's host is preceded by "/"
    or "@", which the pattern's look-behind refuses), unless every site links to it."""
    for m in _WRITTEN_DOMAIN.finditer(line):
        written = m.group("domain")
        domain = registrable_domain(written)
        if domain and not is_not_site_domain(domain) and domain_ending(written):
            offer(written, "domain", m.group(0))


@dataclass(frozen=True)
class PageSigns:
    """What the page says of its own addresses: the domains it points at, its e-mail domains."""

    domains: tuple[str, ...]
    domain_counts: dict[str, int]
    email_labels: frozenset[str]
    folded: str


def read_page_signs(text: str, url_domain: str | None = None) -> PageSigns:
    """The page's own addresses (``url_domain``: its URL's registrable domain, if known)."""
    counts = count_site_domains(text)
    domains = tuple(d for d, _n in counts.most_common(3))
    domains = (url_domain, *domains) if url_domain else domains
    emails = frozenset(squash_name(m.group("host").split(".")[-2]) for m in _EMAIL.finditer(text)) if "@" in text else frozenset()
    return PageSigns(domains, dict(counts), emails, text.casefold())


FEATURES = (
    *CUES,  # how many times each cue offers the name (at most 3)
    "existing",
    "existing_confidence",
    "cue_kinds",
    "log_written",
    "fits_domain",
    "fits_email",
    "registry",
    "domain_form",
    "words",
    "names_domain",
    "log_domain_count",
    "lower_start",
    "all_common",
    "agreeing",
)


def candidate_features(candidate: Candidate, signs: PageSigns, existing: float, agreeing: int = 0) -> list[float]:
    """The candidate's feature values, in the order of :data:`FEATURES` (``existing``: the
    confidence the rule-based decision gave this name, 0 when it gave another;
    ``agreeing``: how many other candidates name the same site, :func:`count_agreeing`)."""
    name = candidate.name
    key = squash_name(name)
    written = signs.folded.count(name.casefold())
    as_domain = domain_ending(name) is not None
    fitted = [d for d in signs.domains if name_fits_domain(name, d)]
    own = registrable_domain(name.removeprefix("www.")) if as_domain else None
    domain_count = signs.domain_counts.get(own, 0) if own else max((signs.domain_counts.get(d, 0) for d in fitted), default=0)
    words = name.split()
    return [
        *(float(min(candidate.cues[c], 3)) for c in CUES),
        1.0 if existing > 0 else 0.0,
        existing,
        float(sum(1 for c in CUES if candidate.cues[c])),
        math.log1p(written),
        1.0 if any(name_fits_domain(name, d) for d in signs.domains) else 0.0,
        1.0 if key in signs.email_labels else 0.0,
        1.0 if outlet_by_name(name) is not None else 0.0,
        1.0 if as_domain else 0.0,
        float(min(len(words), 6)),
        1.0 if fitted and not as_domain else 0.0,
        math.log1p(domain_count),
        1.0 if name[:1].islower() else 0.0,
        1.0 if names_no_site(name) else 0.0,
        float(min(agreeing, 3)),
    ]


def count_agreeing(names: list[str]) -> list[int]:
    """For each name, how many of the others name the same site: the same letters once a
    domain ending is off ("DealDoktor" and "DealDoktor.de"), or a name fitting another's
    domain ("COMPUTER BILD" and "computerbild.de")."""
    keys = [squash_name(strip_domain_ending(n.removeprefix("www."))) for n in names]
    domains = [registrable_domain(n.removeprefix("www.")) if domain_ending(n) else None for n in names]
    counts = []
    for i, name in enumerate(names):
        counts.append(sum(
            1 for j in range(len(names))
            if j != i and keys[j] and (
                keys[j] == keys[i]
                or (domains[j] is not None and domains[i] is None and name_fits_domain(name, domains[j]))
                or (domains[i] is not None and domains[j] is None and name_fits_domain(names[j], domains[i]))
            )
        ))
    return counts


def names_no_site(name: str) -> bool:
    """Whether ``name`` is only chrome and function words ("We", "Über uns", "Die"): no
    site's name, whichever evidence offered it."""
    common = _common_words()
    return all(w.casefold().strip(".,:;!?&-") in common for w in name.split())


@lru_cache(maxsize=None)
def _common_words() -> frozenset[str]:
    """Words that name no site: any language's function words (data/stopwords.yml) and the
    menu words of a site's chrome (``cues.chrome_words``)."""
    words = {str(w).casefold() for ws in load_rules("stopwords").values() for w in ws}
    return frozenset(words | {str(w).casefold() for w in load_rules("outlets")["cues"]["chrome_words"]})
