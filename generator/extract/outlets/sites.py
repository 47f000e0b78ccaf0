"""The site a page was saved from, and the name it gives itself: evidence for the outlet.

A page dump carries its site's address many times over: its own links (absolute ones
in a Markdown dump), its share links, its e-mail addresses, "About TMZ.com". The
registrable domain most of them point at (by the public suffix list bundled with
tldextract, never fetched) is the site, once hosts every site links to (social
networks, CDNs, ad servers: ``cues.not_site_hosts`` in data/outlets.yml) are set aside.

The site's name, in order: the registry's outlet for that domain; else the page's own
spelling of the domain's name ("Ars Technica" on arstechnica.com, "Deadline" on
deadline.com), the most frequent; else the domain itself ("thehill.com", method
``url-host``). Nothing here invents a name: each comes from the registry or the page.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import tldextract

from generator.extract.page_lines import MD_IMAGE as _MD_IMAGE
from generator.extract.required_texts import match_from_starts
from generator.files.rules import load_confidence, load_rules
from generator.model import Field, Provenance

# Hosts in absolute links ("https://www.x.com/...", "](//x.com/"), e-mail addresses, and
# domains written as words ("Citylab.com").
_URL_HOST = re.compile(r"(?:https?:)?//([a-z0-9.-]+\.[a-z]{2,})(?=[/:?#)\s\]\"'|]|$)", re.I)
_EMAIL_HOST = re.compile(r"\b[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b", re.I)
_WORD_DOMAIN = re.compile(r"(?<![\w@/.-])((?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|ca|com\.au|in|news))\b(?![\w/.-])", re.I)
_ENCODED_SLASH = re.compile(r"%2F", re.I)
_ENCODED_COLON = re.compile(r"%3A", re.I)
# What every _WORD_DOMAIN match holds: a cheap test before the costly scan.
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|org|net|co\.uk|ca|com\.au|in|news)\b", re.I)
# A name as a page writes it: one to four capitalised words ("Ars Technica", "247Sports").
_NAME = re.compile(r"(?<![\w&])(?:The\s+)?(?:[A-Z0-9][\w!&'’.-]*)(?:\s+(?:[A-Z0-9][\w!&'’.-]*)){0,3}")
_MIN_SHARE = 2  # a site is named by at least this many addresses
_MARGIN = 2  # and at least twice as often as any other domain: a page full of ad links names no site
_MARGIN_NAMED = 1.5  # or half as often again, where the page writes the leader's name and not the other's
# A few addresses are as likely the article's own citations ("visit americantheatrewing.org")
# as the site's: below these counts the site needs a copyright line on the page naming its
# domain ("© 2016 TheHuffingtonPost.com, Inc."). A site known only by its domain needs more.
_MIN_SHARE_NAMED = 3
_MIN_SHARE_DOMAIN_ONLY = 5
_COPYRIGHT_LINE = re.compile(r"(?:©|\(c\)|&copy;|\bcopyright\b)[^\n]{0,120}", re.I)


@lru_cache(maxsize=None)
def _extractor() -> tldextract.TLDExtract:
    # The suffix list bundled with the package; no download, no cache on disk.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)  # a page repeats its hosts, and pages share them
def registrable_domain(host: str) -> str | None:
    """``www.edition.cnn.com`` → ``cnn.com``; ``news.bbc.co.uk`` → ``bbc.co.uk``; ``None`` for no suffix."""
    parts = _extractor()(host.lower().strip("."))
    if not parts.domain or not parts.suffix:
        return None
    return f"{parts.domain}.{parts.suffix}"


_DOMAIN_WORD = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?", re.I)


def domain_ending(name: str) -> str | None:
    """The public suffix a name ends with when its last word is written as a domain
    ("Salon.com" → ".com", "Rappler.co.uk" → ".co.uk", "The New-Republic.com" → ".com"),
    by the public suffix list tldextract bundles; ``None`` otherwise ("St.Galler", "U.S.")."""
    words = name.split()
    last = words[-1] if words else ""
    if not _DOMAIN_WORD.fullmatch(last):
        return None
    parts = _extractor()(last.rstrip("/").casefold())
    return "." + parts.suffix if parts.domain and parts.suffix else None


def strip_domain_ending(name: str) -> str:
    """``name`` without the domain ending its last word is written with ("Salon.com" → "Salon")."""
    ending = domain_ending(name)
    return name.rstrip("/")[: -len(ending)] if ending else name


def is_bare_domain(text: str) -> bool:
    """Whether ``text`` is a domain and nothing else ("Marketplace.org", "www.bbc.co.uk")."""
    return " " not in text.strip() and domain_ending(text.strip()) is not None


@lru_cache(maxsize=None)
def _not_site_domains() -> frozenset[str]:
    return frozenset(load_rules("outlets")["cues"]["not_site_hosts"])


def is_not_site_domain(domain: str) -> bool:
    """Whether every site links to ``domain`` (social networks, CDNs: ``cues.not_site_hosts``)."""
    return domain in _not_site_domains()


def count_site_domains(text: str) -> Counter[str]:
    """How often the page points at each registrable domain (sites every page links to left out)."""
    counts: Counter[str] = Counter()
    # Images are served from CDNs ("cbsistatic.com"), not from the site's own address.
    if "![" in text:
        text = _MD_IMAGE.sub(" ", text)
    # Addresses inside share links are URL-encoded ("u=https%3A%2F%2Fmedium.com%2F..."): read them as addresses.
    if "%" in text:
        text = _ENCODED_SLASH.sub("/", _ENCODED_COLON.sub(":", text))
    # each pattern scans the whole page: run only where the text it needs stands ("//", "@", a suffix)
    hosts = [m.group(1) for m in _url_hosts(text)] if "//" in text else []
    hosts += [m.group(1) for m in _email_hosts(text)] if "@" in text else []
    hosts += [m.group(1) for m in _word_domains(text)]
    for host in hosts:
        domain = registrable_domain(host)
        if domain and domain not in _not_site_domains():
            counts[domain] += 1
    return counts


def _url_hosts(text: str) -> list[re.Match[str]]:
    """``_URL_HOST.finditer(text)``, tried only where a match may start: at a "//" or five
    or six characters before one ("http:", "https:") (:func:`match_from_starts`)."""
    starts: set[int] = set()
    at = text.find("//")
    while at >= 0:
        starts.update((at - 6, at - 5, at))
        at = text.find("//", at + 1)
    return match_from_starts(_URL_HOST, text, starts)


def _email_hosts(text: str) -> list[re.Match[str]]:
    """``_EMAIL_HOST.finditer(text)``, run only over the runs of address characters (word
    characters and ".+-@") holding an "@": a match lies within one such run (the
    characters either side are read as context), so the same matches are found without
    trying every position of the page."""
    found: list[re.Match[str]] = []
    done = 0
    at = text.find("@")
    while at >= 0:
        if at >= done:
            begin = at
            while begin > 0 and _is_address_char(text[begin - 1]):
                begin -= 1
            end = at + 1
            while end < len(text) and _is_address_char(text[end]):
                end += 1
            found.extend(_EMAIL_HOST.finditer(text, begin, min(len(text), end + 1)))
            done = end
        at = text.find("@", at + 1)
    return found


def _is_address_char(ch: str) -> bool:
    # What _EMAIL_HOST's match is made of: a word character (\w is str.isalnum or "_") or ".+-@".
    return ch.isalnum() or ch in "_.+-@"


_DOMAIN_CHAR = re.compile(r"[a-z0-9.-]", re.I)  # every character _WORD_DOMAIN's match is made of


def _word_domains(text: str) -> list[re.Match[str]]:
    """``_WORD_DOMAIN.finditer(text)``, run only over the runs of domain characters holding
    a domain suffix (a match lies within one such run; the characters either side are
    read as context): the same matches, without trying every position of the page."""
    found: list[re.Match[str]] = []
    done = 0
    for hit in _DOMAIN_SUFFIX.finditer(text):
        if hit.start() < done:
            continue
        begin = hit.start()
        while begin > 0 and _DOMAIN_CHAR.match(text, begin - 1):
            begin -= 1
        end = hit.end()
        while end < len(text) and _DOMAIN_CHAR.match(text, end):
            end += 1
        found.extend(_WORD_DOMAIN.finditer(text, begin, min(len(text), end + 1)))
        done = end
    return found


# The outlet's evidence asks this of one page more than once (the page's domain, then its
# site's name): the last few answers are kept (a text is hashed once; same results).
@lru_cache(maxsize=4)
def extract_site_domain(text: str) -> tuple[str, int] | None:
    """The registrable domain the page points at most, clearly (and how often), or ``None``."""
    ranked = count_site_domains(text).most_common(2)
    if not ranked or ranked[0][1] < _MIN_SHARE:
        return None
    if len(ranked) > 1 and ranked[1][1] * _MARGIN > ranked[0][1]:
        # A sister site linked nearly as often (vulture.com and nymag.com): the leader is the
        # site only when clearly ahead and the page writes its name, not the other's.
        top, second = ranked
        if not (
            second[1] * _MARGIN_NAMED <= top[1]
            and extract_page_name_for(top[0], text) is not None
            and extract_page_name_for(second[0], text) is None
        ):
            return None
    return ranked[0]


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


# Every ASCII character but a-z and 0-9, deleted: an ASCII name lowered and stripped so in C.
_DROP_NOT_ALNUM = str.maketrans("", "", "".join(chr(c) for c in range(128) if not ("a" <= chr(c) <= "z" or "0" <= chr(c) <= "9")))


def squash_name(name: str) -> str:
    """The name folded to its letters and digits a-z 0-9 ("The Verge" -> "theverge")."""
    if name.isascii():
        return name.lower().translate(_DROP_NOT_ALNUM)  # the same as below, quicker on short ASCII names
    return _NOT_ALNUM.sub("", name.casefold())


# A Markdown link's target or a bare address.
_ADDRESS = re.compile(r"\]\([^)\s]*[^)]*\)|\b(?:https?://|www\.)\S+")


def extract_page_name_for(domain: str, text: str) -> tuple[str, int] | None:
    """The page's own spelling of the site's name: a capitalised phrase that is the domain's
    name squashed ("Ars Technica" for arstechnica.com, "The Verge" for theverge.com)."""
    label = squash_name(_extractor()(domain).domain)
    if len(label) < 3:
        return None
    # A phrase squashed is a part of the page squashed: a page without the label writes no
    # spelling of it, and its phrases need not be read (same results, less time).
    if label not in squash_name(text):
        return None
    # Addresses are no spelling: a share link's "via=QuantaMagazine", repeated in every
    # share bar, outnumbered the page's own "Quanta Magazine".
    text = _ADDRESS.sub(" ", text)
    found: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        # A run of the phrase's words squashes to a part of the whole phrase squashed:
        # a phrase without the label holds no spelling of it (most phrases; same results).
        if label not in squash_name(m.group(0)):
            continue
        words = m.group(0).split()
        # Any run of the phrase's words may be the name ("Follow Deadline on Twitter").
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                phrase = " ".join(words[i:j]).strip(".’'")
                key = squash_name(phrase)
                if key == label or (key.startswith("the") and key[3:] == label):
                    found[phrase] += 1
    if not found:
        return None
    # The most frequent spelling; on a tie the one with capitals inside ("MacRumors") wins.
    return max(found.items(), key=lambda kv: (kv[1], sum(ch.isupper() for ch in kv[0]), kv[0]))


@lru_cache(maxsize=None)
def _domain_tails() -> frozenset[str]:
    return frozenset(load_rules("outlets")["cues"]["domain_name_tails"])


def is_platform_domain(domain: str) -> bool:
    """Whether ``domain`` hosts many publications (medium.com, blogspot.com, wikia.com):
    its name is the platform's, not the page's site (``cues.platform_hosts``)."""
    return domain in _platform_domains()


@lru_cache(maxsize=None)
def _platform_domains() -> frozenset[str]:
    return frozenset(load_rules("outlets")["cues"]["platform_hosts"])


def copyright_names_domain(domain: str, text: str) -> bool:
    """Whether a copyright line of the page names the domain's site ("© 2022 Raw Story
    Media, Inc." names rawstory.com)."""
    label = domain_label(domain)
    return bool(label) and any(label in squash_name(m.group(0)) for m in _COPYRIGHT_LINE.finditer(text))


def domain_label(domain: str) -> str:
    """The squashed name part of a registrable domain: ``theverge.com`` → ``theverge``."""
    return squash_name(_extractor()(domain).domain)


def name_fits_domain(name: str, domain: str) -> bool:
    """Whether a name is the domain's site: its squashed form is the domain's name, with or
    without "the" ("The Verge" for theverge.com), or ends with it as a word run ("The
    Motley Fool" for fool.com), or the domain's name ends with it ("Page Six" for pagesix.com),
    or is it followed by a generic word ("BLISTER" for blisterreview.com: ``cues.domain_name_tails``)."""
    key, label = squash_name(name), domain_label(domain)
    if len(key) < 3 or len(label) < 3:
        return False
    if key in (label, "the" + label) or label in (key, "the" + key):
        return True
    if label.startswith(key) and label[len(key):] in _domain_tails():
        return True  # "BLISTER" on blisterreview.com
    words = [squash_name(w) for w in name.split()]
    return any("".join(words[i:]) == label for i in range(1, len(words)))


def is_site_domain_sure(site: tuple[str, int], text: str) -> bool:
    """Whether the domain the page's addresses point at (``site``: it and its count, from
    :func:`extract_site_domain`) is shown surely enough to name the site: by enough
    addresses, or by fewer and a copyright line naming it."""
    return site[1] >= _MIN_SHARE_NAMED or copyright_names_domain(site[0], text)


def extract_outlet_from_site(text: str, name_of_host: object) -> Field[str] | None:
    """The outlet of the site the page was saved from, named by the registry (through
    ``name_of_host(domain)``), by the page itself, or by its domain (see module doc).

    A platform's domain (medium.com) names no publication and gives ``None``; a site
    shown by few addresses needs a copyright line naming it (see ``_MIN_SHARE_NAMED``).
    """
    site = extract_site_domain(text)
    if site is None:
        return None
    domain, count = site
    if is_platform_domain(domain):
        return None
    evidence = f"{count} addresses on {domain}"
    confirmed = copyright_names_domain(domain, text)
    if confirmed:
        evidence += "; a copyright line names it"
    registered = name_of_host(domain)  # type: ignore[operator]
    spelled = None if registered else extract_page_name_for(domain, text)
    if count < _MIN_SHARE_NAMED and not confirmed:
        return None
    if registered:
        return Field(registered, Provenance("site-host", evidence, load_confidence("outlet-site-host")))
    if spelled:
        name, times = spelled
        evidence += f'; the page writes "{name}" {times} times'
        return Field(name, Provenance("site-name", evidence, load_confidence("outlet-site-name")))
    if count < _MIN_SHARE_DOMAIN_ONLY and not confirmed:
        return None
    return Field(domain, Provenance("url-host", evidence, load_confidence("outlet-url-host")))


def spell_domain_outlet(found: Field[str] | None, text: str) -> Field[str] | None:
    """A bare domain from the URL ("nationalgeographic.com") as the page spells the site's
    name ("National Geographic"), when it does; else as it was."""
    if found is None or found.provenance.method != "url-host" or found.value != registrable_domain(found.value):
        return found
    spelled = extract_page_name_for(found.value, text) if text else None
    if spelled is None:
        return found
    name, times = spelled
    evidence = f'{found.provenance.evidence}; the page writes "{name}" {times} times'
    return Field(name, Provenance("url-host", evidence, found.provenance.confidence))


def extract_platform_outlet(domain: str | None) -> Field[str] | None:
    """The platform a page is on (``cues.platform_names``: medium.com is Medium), for a
    page that names no publication of its own."""
    name = load_rules("outlets")["cues"].get("platform_names", {}).get(domain) if domain else None
    if name is None:
        return None
    return Field(name, Provenance("platform-host", f"the page's addresses are on {domain}", load_confidence("outlet-platform")))
