"""How an article is cited and shared: plain-text citation, BibTeX, schema.org JSON-LD, Open Graph.

Pure functions from an :class:`Article` and its permanent URL to plain values.
They go into the article page's front matter (written by the YAML library) and
the theme (``generator/theme/main.html``) prints them escaped: HTML-escaped in
attributes and text, ``|tojson`` (which escapes ``<``, ``>`` and ``&``) inside
the JSON-LD script tag. Nothing here is Markdown or HTML.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from generator.model import Article
from generator.text import MONTH_NAMES, slugify

# BibTeX's predefined month macros: the first three letters of the month, lower case.
MONTH_MACROS = tuple(name[:3].lower() for name in MONTH_NAMES)

# Characters with a meaning in (La)TeX, and how to write them literally in a BibTeX field.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIALS = re.compile("|".join(re.escape(c) for c in _BIBTEX_ESCAPES))
# Inside \url{...} hyperref reads % and # only when escaped, and braces or
# backslashes would end the argument: those are percent-encoded instead.
_URL_ENCODE = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"}
_URL_ESCAPE = {"%": r"\%", "#": r"\#"}
_URL_ENCODE_TABLE = str.maketrans(_URL_ENCODE)
_URL_ESCAPE_TABLE = str.maketrans(_URL_ESCAPE)


def escape_bibtex(text: str) -> str:
    """Seed text as a literal BibTeX field value (one line, TeX specials escaped)."""
    return _BIBTEX_SPECIALS.sub(lambda m: _BIBTEX_ESCAPES[m.group(0)], " ".join(text.split()))


def escape_bibtex_url(url: str) -> str:
    """A URL safe inside ``\\url{...}`` in a BibTeX field."""
    # two passes, as the "%" of an encoded brace is escaped too
    return "".join(url.split()).translate(_URL_ENCODE_TABLE).translate(_URL_ESCAPE_TABLE)


def compose_bibtex_key(article: Article) -> str:
    """``themoscowtimes2015russia-1a2b``: outlet, year, first title word, and a hash to keep it unique."""
    outlet = slugify(article.outlet.value).replace("-", "") if article.outlet else "anon"
    year = str(article.date.value.date.year) if article.date else "nd"
    word = slugify(article.title.value).split("-")[0]
    return f"{outlet[:24]}{year}{word}-{article.sha256[:4]}"


def _author_list(article: Article) -> str:
    """The byline's people as a citation names them: "Jane Doe, John Smith and Ann Lee"."""
    names = list(article.authors.value) if article.authors else []
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def compose_citation(article: Article, url: str, archive_title: str, date_text: str) -> str:
    """A plain-text citation: title, outlet, date (as ``date_text`` spells it), original URL, archived copy."""
    parts = [f"{_author_list(article)}."] if article.authors else []
    parts.append(f"“{' '.join(article.title.value.split())}.”")
    source = article.outlet.value if article.outlet else "Unknown outlet"
    parts.append(f"{source}, {date_text}.")
    if article.source_url:
        parts.append(f"Original: {article.source_url.value}.")
    parts.append(f"Archived in “{archive_title}”, {url}.")
    return " ".join(parts)


def compose_bibtex(article: Article, url: str, archive_title: str) -> str:
    """A BibTeX ``@misc`` entry for the archived article (BibTeX and biblatex read it)."""
    fields: list[tuple[str, str]] = [("title", "{" + escape_bibtex(article.title.value) + "}")]
    if article.authors:
        # BibTeX separates names with "and"; braces keep each name whole.
        fields.insert(0, ("author", " and ".join("{" + escape_bibtex(n) + "}" for n in article.authors.value)))
    if article.outlet:
        # once: the outlet is where it was published (BibTeX's @misc field for that)
        fields.append(("howpublished", escape_bibtex(article.outlet.value)))
    if article.date:
        value = article.date.value
        fields.append(("year", str(value.date.year)))
        if value.precision != "year":
            fields.append(("month", MONTH_MACROS[value.date.month - 1]))
        fields.append(("date", value.iso()))
    fields.append(("url", escape_bibtex_url(url)))
    note = f"Archived in {escape_bibtex(archive_title)}"
    if article.source_url:
        note += f"; original at \\url{{{escape_bibtex_url(article.source_url.value)}}}"
    note += f"; SHA-256 of the archived text {article.sha256}"
    fields.append(("note", note))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(
        f"  {name.ljust(width)} = {value}" if name == "month" else f"  {name.ljust(width)} = {{{value}}}"
        for name, value in fields
    )
    return f"@misc{{{compose_bibtex_key(article)},\n{body}\n}}"


def compose_json_ld(
    article: Article, url: str, archive_title: str, site_url: str, actors: Sequence[tuple[str, str]], description: str | None
) -> dict[str, Any]:
    """schema.org ``NewsArticle`` for the page; ``actors`` are ``(name, type)`` pairs.

    Keys without a value are left out rather than written as null.
    """
    schema_types = {"person": "Person", "organisation": "Organization", "state": "Country"}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": " ".join(article.title.value.split()),
        "url": url,
        "mainEntityOfPage": url,
    }
    if article.date:
        data["datePublished"] = article.date.value.iso()
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors.value]
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet.value}
    if description:
        data["description"] = description
    if article.source_url:
        data["isBasedOn"] = article.source_url.value
    if actors:
        data["mentions"] = [{"@type": schema_types.get(kind, "Thing"), "name": name} for name, kind in actors]
    data["identifier"] = {"@type": "PropertyValue", "propertyID": "sha256", "value": article.sha256}
    data["isPartOf"] = {"@type": "WebSite", "name": archive_title, "url": site_url}
    return data


def compose_share_meta(
    article: Article,
    url: str,
    archive_title: str,
    site_url: str,
    actors: Sequence[tuple[str, str]],
    description: str | None,
    date_text: str,
) -> list[tuple[str, Any]]:
    """Front-matter entries the theme turns into the cite block, JSON-LD and share meta tags."""
    return [
        ("permalink", url),
        ("citation", compose_citation(article, url, archive_title, date_text)),
        ("bibtex", compose_bibtex(article, url, archive_title)),
        ("json_ld", compose_json_ld(article, url, archive_title, site_url, actors, description)),
    ]
