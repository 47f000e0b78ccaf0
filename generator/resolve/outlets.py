"""One spelling per outlet across the archive.

Pages spell their own site in several ways: "The New Republic" in a copyright line
and "New Republic" in a title suffix, "QuantaMagazine" read off a domain and
"Quanta Magazine" in a menu, "LittleThings.com" and "LittleThings". An outlet the
registry does not know keeps whatever spelling its page gave, so without this step
one site gets two outlet pages, its recurring furniture is counted twice as rarely,
and its articles weigh as two voices in event grouping.

Names that differ only in case, spacing, punctuation, a leading "The" or a domain
ending ("LittleThings.com") are one outlet here. Nothing looser: "NBC" and
"NBC News", or "Ars" and "Ars Technica", may be one site or two, and a page of its
own is less harmful than a merge of two outlets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Sequence

from generator.extract.outlets.registry import canonical_outlet_name, outlet_by_name
from generator.extract.outlets.sites import domain_ending, strip_domain_ending
from generator.model import TIERS, Article, Field, Provenance

_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?")


def compose_outlet_key(name: str) -> str:
    """The spelling-free key of an outlet name: "The New-Republic.com" → "newrepublic"."""
    s = _SCHEME.sub("", name.casefold().strip()).rstrip("/")
    s = strip_domain_ending(s)  # a domain ending written after a site's name ("Salon.com", "Rappler.co.uk")
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def resolve_outlet_spellings(articles: Sequence[Article]) -> list[Article]:
    """Each article with its outlet in the one spelling the archive uses for that outlet.

    The spelling chosen for a key, in order: one a user curated (a sidecar's value is
    never rewritten, and the first curated one by article id names the rest); the
    registry's name; the spelling most articles give; the one read with the most
    confidence (a name the page writes beats one read off its domain); one without a
    domain ending; then the alphabetically first, so the
    choice never depends on the order seeds were read. A rewritten value keeps its
    provenance, and its evidence says what the page wrote.
    """
    spellings: dict[str, list[tuple[str, Field[str]]]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: a.id):
        if article.outlet is not None:
            spellings[compose_outlet_key(article.outlet.value)].append((article.id, article.outlet))
    chosen = {key: _choose_spelling(fields) for key, fields in spellings.items() if len({f.value for _, f in fields}) > 1}
    if not chosen:
        return list(articles)
    out = []
    for article in articles:
        field = article.outlet
        name = chosen.get(compose_outlet_key(field.value)) if field is not None else None
        if field is None or name is None or name == field.value or field.provenance.tier == "curated":
            out.append(article)
            continue
        p = field.provenance
        evidence = f'{p.evidence} (the page writes "{field.value}"; the archive spells this outlet "{name}")'
        out.append(replace(article, outlet=Field(name, Provenance(p.method, evidence, p.confidence, p.tier))))
    return out


def _choose_spelling(fields: list[tuple[str, Field[str]]]) -> str:
    curated = [f.value for _, f in fields if f.provenance.tier == "curated"]
    if curated:
        return curated[0]
    registry = sorted({canonical_outlet_name(f.value) for _, f in fields if outlet_by_name(f.value) is not None})
    if registry:
        return registry[0]
    counts: dict[str, list[float]] = defaultdict(list)
    for _, f in fields:
        counts[f.value].append(TIERS.index(f.provenance.tier) + f.provenance.confidence)
    return min(
        counts,
        key=lambda name: (
            -len(counts[name]),
            -max(counts[name]),
            domain_ending(name) is not None,
            name,
        ),
    )
