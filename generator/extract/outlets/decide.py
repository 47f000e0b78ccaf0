"""Which outlet published an article, read from the evidence its page left behind.

The evidence, strongest first:

1. a byline naming an outlet (named.py) ("By The Moscow Times", "By Jane Doe, CNN", "Reuters staff");
2. the host of the article's URL (``edition.cnn.com`` is CNN);
3. the outlet naming itself: a copyright line ("© 2015 Reuters"), a first-person
   sentence ("We, the journalists of The Moscow Times"), a prompt in the page furniture
   ("Support The Moscow Times"), a wire dateline ("LONDON (Reuters) -"), a credit line
   ("Source: Al Jazeera and news agencies");
   The page's own name for its site comes next (names.py, sites.py: the
   title's site part, the masthead logo, a copyright holder, its addresses, its
   self-names), then a copyright line naming only a parent company ("© 2022 Vox Media")
   with the page naming one of its brands (parents.py);
4. furniture characteristic of one outlet's pages ("Just Watched" is CNN's video
   carousel), or a registry outlet the furniture prompts about on two lines ("Play The
   Atlantic crossword", "Explore The Atlantic Archive"): guesses, so only ever ``inferred``.

An outlet merely *mentioned* in the text is a source, not the publisher: "told the
Interfax news agency" names Interfax but was written by someone else. Nothing found
gives ``None``: the archive would rather show no outlet than a wrong one.

An unknown host gives its registrable domain ("thehill.com", method ``url-host``, weak):
it is what the page says about where it was published, and any name the page gives
the site (sites.py) or a curated one beats it.

The registry (looked up in registry.py), the parent companies and the cue
patterns live in ``generator/data/outlets.yml``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from generator.extract.outlets.lines import block_lines
from generator.extract.outlets.named import (
    PROSE_KINDS,
    clip_evidence,
    extract_outlet_from_byline,
    extract_outlet_from_copyright,
    extract_outlet_from_credit_line,
    extract_outlet_from_self_reference,
    extract_outlet_from_signatures,
    extract_outlet_from_wire_dateline,
)
from generator.extract.outlets.names import (
    extract_outlet_from_copyright_holder,
    extract_outlet_from_logo,
    extract_outlet_from_self_names,
    extract_outlet_from_title,
    fit_name,
)
from generator.extract.outlets.parents import extract_outlet_from_parent, extract_outlet_from_prompts, prose_lines
from generator.extract.outlets.registry import (
    canonical_outlet_name,
    compare_key,
    extract_host,
    find_entry_for_host,
    load_registry,
    outlet_by_name,
    outlet_name_for_host,
    prompt_names,
)
from generator.extract.outlets.sites import (
    extract_outlet_from_site,
    extract_platform_outlet,
    extract_site_domain,
    is_platform_domain,
    is_site_domain_sure,
    registrable_domain,
    spell_domain_outlet,
)
from generator.extract.outlets.scoring import score_outlet
from generator.files.rules import load_confidence
from generator.model import CleanDoc, Field, Provenance, choose

# The URL's host names a registry outlet surely (an unknown host's domain: ``outlet-url-host``).
_CONF_URL = 0.9


# --- URL host ---------------------------------------------------------------------------


def extract_outlet_from_url(url: str) -> Field[str] | None:
    """The registry outlet whose site ``url`` is on; for an unknown host its registrable
    domain ("thehill.com", weaker: the page may name the site better), or ``None``."""
    host = extract_host(url)
    entry = find_entry_for_host(host) if host else None
    if entry is None:
        domain = registrable_domain(host) if host else None
        if domain is None or domain in load_registry()["cues"]["not_site_hosts"] or is_platform_domain(domain):
            return None
        return Field(domain, Provenance("url-host", clip_evidence(url.strip().strip("<>")), load_confidence("outlet-url-host")))
    return Field(entry["name"], Provenance("url-host", clip_evidence(url.strip().strip("<>")), _CONF_URL))


# --- all together -------------------------------------------------------------------------------


def extract_outlet(doc: CleanDoc, text: str | None = None) -> Field[str] | None:
    """The outlet that published ``doc`` (``text``: the raw page), or ``None``: the
    rule-based decision (:func:`decide_outlet_by_rules`) and every name the page gives
    its site, scored together by learned weights (scoring.py)."""
    existing = decide_outlet_by_rules(doc, text)
    domain = registrable_domain(extract_host(doc.source_url) or "") if doc.source_url else None
    return score_outlet(text or "", doc.title_site, existing, domain)


def decide_outlet_by_rules(doc: CleanDoc, text: str | None = None) -> Field[str] | None:
    """The outlet that published ``doc``, by the strongest evidence found, or ``None``.

    Bylines beat the URL's host, which beats the title's site part, the outlet naming
    itself (copyright, first-person text, wire dateline, credit line), the masthead logo,
    then the site the page's own addresses are on (``text``: the raw page, see
    sites.py) and the names the site gives itself; below them, a parent company's
    copyright with the brand the page names (parents.py). Furniture signatures and
    prompts about a registry outlet are only a fallback (tier ``inferred``), read only
    when nothing else named the site.

    Two kinds of text evidence need the page's confirmation, as they often name someone
    else: a wire agency (a byline "…, The Associated Press", a dateline, a credit, a
    copyright line) counts only where the page's site is the agency's; elsewhere it is
    republished wire copy (the site is the outlet, or, with no site known, none is). A
    byline's unlisted "publication" counts only when it fits the page's domain.
    """
    text = text or ""
    url = extract_outlet_from_url(doc.source_url) if doc.source_url else None
    domain = _page_domain(doc, text)
    url = spell_domain_outlet(url, text)
    titles = doc.of_kind("title")
    page = [
        url,
        extract_outlet_from_title(
            titles[0].text if titles else None, domain, text, outlet_by_name, outlet_name_for_host, doc.title_site
        ),
        extract_outlet_from_logo(text, domain, outlet_name_for_host),
        extract_outlet_from_copyright_holder(text, domain),
        extract_outlet_from_site(text, outlet_name_for_host) if text else None,
        extract_outlet_from_self_names(text, domain, outlet_by_name, outlet_name_for_host) if text else None,
    ]
    named = {compare_key(f.value) for f in page if f is not None}
    kept: list[Field[str]] = []
    dropped: list[Field[str]] = []
    for found in (
        extract_outlet_from_byline(doc),
        extract_outlet_from_copyright(doc),
        extract_outlet_from_self_reference(doc),
        extract_outlet_from_wire_dateline(doc),
        extract_outlet_from_credit_line(doc),
    ):
        if found is None:
            continue
        (kept if _confirmed(found, named, domain) else dropped).append(found)
    best = choose(*kept, *page, extract_platform_outlet(domain))
    if text and (best is None or best.provenance.confidence < load_confidence("outlet-parent-brand")):
        best = choose(best, _furniture_outlet(doc, text, domain))
    if best is None:
        # Only a guess is left (tier "inferred": it never beats a named outlet, so it is read only here).
        best = choose(extract_outlet_from_signatures(doc), _prompted_outlet(doc, text, domain) if text else None)
    if best is not None and dropped and any(best is f for f in page):
        others = "; ".join(f"not {f.value} ({f.provenance.method}: {f.provenance.evidence})" for f in dropped)
        best = replace(best, provenance=replace(best.provenance, evidence=f"{best.provenance.evidence}; {others}"))
    return best


def _furniture_outlet(doc: CleanDoc, text: str, domain: str | None) -> Field[str] | None:
    """The brand of the parent company a copyright line names, as the page's furniture names it."""
    return extract_outlet_from_parent(
        text, lambda: prose_lines(block_lines(doc, PROSE_KINDS)), canonical_outlet_name, _fits_brand(domain)
    )


def _prompted_outlet(doc: CleanDoc, text: str, domain: str | None) -> Field[str] | None:
    """The registry outlet the page's furniture prompts about (see parents.py)."""
    return extract_outlet_from_prompts(
        text, lambda: prose_lines(block_lines(doc, PROSE_KINDS)), prompt_names(), _fits_page(domain)
    )


def _fits_page(domain: str | None) -> Callable[[str], bool]:
    """Whether a name may be the site of a page on ``domain`` (any, where it is unknown)."""
    return lambda name: domain is None or _domain_fits(name, outlet_by_name(name), domain)


def _fits_brand(domain: str | None) -> Callable[[str], bool]:
    """Whether a parent's brand may be the site of a page on ``domain``: a registry outlet
    only on its own hosts (or a domain fitting its name); a brand the registry does not
    know may be on any domain (a section brand: "Intelligencer" on nymag.com)."""
    return lambda name: domain is None or outlet_by_name(name) is None or _domain_fits(name, outlet_by_name(name), domain)


# Evidence that names an agency on any page carrying its copy.
_AGENCY_CARRIERS = ("byline", "wire-dateline", "credit-line", "copyright")


def _page_domain(doc: CleanDoc, text: str) -> str | None:
    """The registrable domain of the page: its URL's, else the one its addresses point at
    as surely as :func:`extract_outlet_from_site` asks (a few links may be the article's
    citations or a sister site's menu: such a domain must not veto the name the site
    gives itself, "Vulture depends on ads" on a page linking nymag.com twice)."""
    host = extract_host(doc.source_url) if doc.source_url else None
    if host:
        return registrable_domain(host)
    site = extract_site_domain(text) if text else None
    if site is None or not is_site_domain_sure(site, text):
        return None
    return site[0]


def _confirmed(found: Field[str], page_names: set[str], domain: str | None) -> bool:
    """Whether text evidence for an outlet may stand (see :func:`extract_outlet`)."""
    entry = outlet_by_name(found.value)
    if entry is not None and entry.get("kind") == "agency" and found.provenance.method in _AGENCY_CARRIERS:
        return compare_key(found.value) in page_names
    if entry is None and found.provenance.method == "byline":
        return compare_key(found.value) in page_names or (domain is not None and fit_name(found.value, domain) is not None)
    if domain is not None and found.provenance.method in ("self-reference", "credit-line") and compare_key(found.value) not in page_names:
        # A page names other outlets in its promos and link lists ("follow X on ..."), and
        # credits the outlets it took a story from ("Source: The Sun"): on a site whose
        # domain is known, such a name must be that site's.
        return _domain_fits(found.value, entry, domain)
    return True


def _domain_fits(name: str, entry: dict[str, Any] | None, domain: str) -> bool:
    """Whether the outlet ``name`` (its registry ``entry``, if any) is the site at ``domain``."""
    hosts = entry.get("hosts", ()) if entry else ()
    return any(registrable_domain(h) == domain for h in hosts) or fit_name(name, domain) is not None
