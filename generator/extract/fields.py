"""Content: from a seed and its clean document to an :class:`Article`.

Each field is chosen with :func:`generator.model.choose` among candidates of
different tiers (default < inferred < extracted < curated), so the precedence
is the one written in ``model.TIERS`` and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from generator.extract import author_fallbacks, bylines, dates, outlets, stated_authors
from generator.extract.outlets.registry import outlet_by_name
from generator.extract.article_span import is_furniture_read, is_furniture_line, is_prose
from generator.extract.page_language import function_words
from generator.extract.page_lines import read_lines
from generator.files.rules import load_confidence
from generator.model import Article, CleanDoc, DateValue, Field, Provenance, Seed, choose


def extract_article(seed: Seed, doc: CleanDoc, *, use_curation: bool = True) -> Article:
    """Assemble an article from what the text gives and what the archivist curated."""
    curated = dict(seed.curated) if use_curation else {}
    source = f"{seed.path.rsplit('.', 1)[0]}.meta.yml"
    authors = bylines.extract_authors(seed.text, doc) or author_fallbacks.extract_author_box(seed.text) or _page_authors(seed)
    # The byline places the article's own date stamp (extract/dates/spans.py, keep_near_byline).
    byline_line = dates.byline_line_of(authors.provenance.evidence if authors else None)
    date_evidence = dates.read_date_evidence(doc, seed.text, byline_line, authors.value if authors else ())
    read_date = dates.choose_date(date_evidence)
    if authors is None and read_date is not None:
        # no byline found: a name beside the article's own date stamp is its byline
        authors = author_fallbacks.extract_name_beside_stamp(seed.text, dates.lines_of_date(date_evidence, read_date.value))
    article = Article(
        id=seed.id,
        source_path=seed.path,
        sha256=seed.sha256,
        doc=doc,
        title=choose(_curated_text(curated, "title", source), extract_title(doc), _default_title(seed)),
        date=_pick(_curated_date(curated, source), read_date, "date" in curated),
        date_evidence=date_evidence,
        outlet=_pick(_curated_outlet(curated, source), outlets.extract_outlet(doc, seed.text), "outlet" in curated),
        source_url=_pick(_curated_text(curated, "source_url", source), extract_source_url(doc), "source_url" in curated),
        summary=_pick(_curated_text(curated, "summary", source), extract_summary(doc), "summary" in curated),
        authors=_pick(_curated_authors(curated, source), authors, "authors" in curated),
        curated_event=curated.get("event"),
        curated_none=tuple(sorted(key for key, value in curated.items() if value is None)),
    )
    return keep_date_evidence_if_needed(with_page_date(apply_stated_values(relabel_front_matter(article, seed, curated), seed, curated), seed))


def with_page_date(article: Article, seed: Seed) -> Article:
    """An HTML seed that neither its text nor its metadata dates: the stamp next to its headline
    in the page's own lines (trafilatura's text rarely keeps it). On web2's saved pages, half A and
    half B: 5 more right dates each, none wrong."""
    if article.date is not None or "date" in article.curated_none:
        return article
    stated = {key: value for key, value, _ in seed.stated}
    if "byline_lines" not in stated or "title" not in stated:
        return article
    found = dates.read_page_stamp_date(stated["byline_lines"], stated["title"], article.doc.language)
    return replace(article, date=found) if found is not None else article


def keep_date_evidence_if_needed(article: Article) -> Article:
    """The article without its date evidence when story dating will not use it: a
    curated or day-precise date is never retried, and the evidence is most of a
    cached article's size."""
    date = article.date
    if article.date_evidence is not None and date is not None and (date.provenance.tier == "curated" or date.value.precision == "day"):
        return replace(article, date_evidence=None)
    return article


def relabel_front_matter(article: Article, seed: Seed, curated: dict[str, Any]) -> Article:
    """Curated values from the seed's own front matter say so in their provenance."""
    changes: dict[str, Any] = {}
    for key in seed.front_matter_keys:
        current = getattr(article, key, None) if key in curated else None
        if isinstance(current, Field) and current.provenance.tier == "curated":
            prov = Provenance("front-matter", f"{seed.path} front matter: {key}", 1.0, tier="curated")
            changes[key] = replace(current, provenance=prov)
    return replace(article, **changes) if changes else article


# What an HTML page's metadata says, by key: confidences in data/confidence.yml.
_STATED_CONFIDENCE = {
    "date": "html-meta-date",
    "source_url": "html-meta-source-url",
    "title": "html-meta-title",
    "authors": "html-meta-authors",
    "outlet": "html-meta-outlet",
}


def _page_authors(seed: Seed) -> Field[tuple[str, ...]] | None:
    """An HTML seed's byline read from the page's lines around its headline (its article's
    text, trafilatura's, rarely keeps the byline)."""
    stated = {key: value for key, value, _ in seed.stated}
    if "byline_lines" not in stated or "title" not in stated:
        return None
    return stated_authors.extract_page_authors(stated["byline_lines"], stated["title"])


def _stated_value(key: str, value: str, seed: Seed) -> Any:
    if key == "date":
        return DateValue(dt.date.fromisoformat(value))
    if key == "authors":
        # the people among the names the metadata gives (never the site, a template's word)
        outlet = next((v for k, v, _ in seed.stated if k == "outlet"), None)
        names, _ = stated_authors.clean_stated_authors(tuple(name.strip() for name in value.split(";") if name.strip()), outlet)
        return names or None
    return value


def _stated_confidence(key: str, typed: Any, seed: Seed) -> float:
    """The confidence of a stated value; authors naming no person (a desk, the site) weaker."""
    if key == "authors":
        outlet = next((v for k, v, _ in seed.stated if k == "outlet"), None)
        _, people = stated_authors.clean_stated_authors(typed, outlet)
        if not people:
            return load_confidence("html-meta-authors-no-person")
    return load_confidence(_STATED_CONFIDENCE[key])


def _shown(value: Any) -> str:
    if isinstance(value, DateValue):
        return value.iso()
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def apply_stated_values(article: Article, seed: Seed, curated: dict[str, Any]) -> Article:
    """Offer what an HTML page's tags state (method ``html-meta``) against what the text gave.

    Extracted tier: the page's claim competes on confidence; a curated value
    (or a curated null) always stands.
    """
    changes: dict[str, Any] = {}
    for key, value, evidence in seed.stated:
        if key in curated or key not in _STATED_CONFIDENCE:
            continue
        typed = _stated_value(key, value, seed)
        if typed is None:
            continue
        offered = Field(typed, Provenance("html-meta", evidence, _stated_confidence(key, typed, seed)))
        current = getattr(article, key)
        # Where text and tag agree, the tag is the record: the title line of an
        # HTML seed may be one read_html put there from that very tag.
        agrees = current is not None and current.value == typed and current.provenance.tier == "extracted"
        if key == "authors" and current is not None and current.provenance.tier == "extracted" and _names_within(current.value, typed):
            # the page's byline names some of the metadata's authors: the others are the site or
            # its editors ("El Diario; Jane Doe" beside "By Jane Doe"), the byline is the record
            # (on web2's HTML pages: the labelled authors on 6 of 10 such pages, the metadata's on none)
            changes[key] = replace(current, provenance=replace(current.provenance, evidence=f"{current.provenance.evidence} (the page's metadata adds {_shown(typed)!r})"))
            continue
        best = offered if agrees else choose(current, offered)
        if current is not None and not agrees and current.provenance.tier == "extracted" and key != "title":
            # The page's text and its metadata disagree: the record says so, and the winner
            # drops below the Review page's threshold so the archivist looks
            other = current if best is offered else offered
            penalty = load_confidence("html-meta-disagreement-penalty")
            prov = best.provenance
            best = replace(
                best,
                provenance=replace(
                    prov,
                    evidence=f"{prov.evidence} (but {other.provenance.method} gives {_shown(other.value)!r}: {other.provenance.evidence})",
                    confidence=max(0.1, prov.confidence - penalty),
                ),
            )
        if best is not current:
            changes[key] = best
    return replace(article, **changes) if changes else article


def _names_within(names: tuple[str, ...], more: tuple[str, ...]) -> bool:
    """Whether ``names`` are some, not all, of ``more`` (case and spacing aside)."""
    def folded(xs: tuple[str, ...]) -> set[str]:
        return {" ".join(x.split()).casefold() for x in xs}

    return folded(names) < folded(more)


def _pick(curated: Field[Any] | None, extracted: Field[Any] | None, has_curated_key: bool) -> Field[Any] | None:
    """Curated wins; a curated ``null`` means "none", so extraction is not used."""
    if has_curated_key:
        return curated
    return choose(curated, extracted)


def extract_title(doc: CleanDoc) -> Field[str] | None:
    """The title block of the clean document, or ``None``."""
    titles = doc.of_kind("title")
    if not titles:
        return None
    block = titles[0]
    # The site's name split off the headline ("... - BBC News") stays as evidence: of the outlet.
    site = f" (site part: {doc.title_site})" if doc.title_site else ""
    # the headline model's calibrated probability that this is the headline, where it judged
    # one (else the flat confidence of a title line); its reason joins the why
    doubt = doc.title_doubt
    confidence = doubt.probability if doubt is not None else load_confidence("title-line")
    why = f"; {doubt.reason}" if doubt is not None and doubt.reason else ""
    return Field(
        block.text,
        Provenance("title-line", f"line {block.line_no}: {block.text}{site}{why}", confidence),
    )


def extract_summary(doc: CleanDoc) -> Field[str] | None:
    """The standfirst, when the page had one, else the article's first real sentence;
    never a furniture line."""
    found = [b for b in doc.of_kind("summary") if not is_furniture_line(b.text) and len(b.text.split()) >= 6]
    if found:
        block = found[0]
        return Field(block.text, Provenance("standfirst", f"line {block.line_no}", load_confidence("standfirst")))
    lead = lead_sentence(doc)
    if lead is None:
        return None
    line_no, sentence = lead
    return Field(sentence, Provenance("first-sentence", f"line {line_no}", load_confidence("first-sentence")))


def extract_source_url(doc: CleanDoc) -> Field[str] | None:
    """The page's own URL, when whoever saved it wrote it down."""
    if not doc.source_url:
        return None
    return Field(doc.source_url, Provenance("url-line", doc.source_url, load_confidence("url-line")))


def _default_title(seed: Seed) -> Field[str]:
    words = re.sub(r"[_\-]+", " ", seed.id).strip() or seed.id
    return Field(words, Provenance("file-name", seed.path, load_confidence("file-name"), tier="default"))


def _curated(value: Any, key: str, source: str) -> Provenance:
    return Provenance("sidecar", f"{source}: {key}", 1.0, tier="curated")


def _curated_text(curated: dict[str, Any], key: str, source: str) -> Field[str] | None:
    value = curated.get(key)
    return None if value is None else Field(str(value), _curated(value, key, source))


def _curated_authors(curated: dict[str, Any], source: str) -> Field[tuple[str, ...]] | None:
    value = curated.get("authors")
    if value is None:
        return None
    # One text in a sidecar (files/curation.py): the names separated by ";".
    names = tuple(n.strip() for n in str(value).split(";") if n.strip())
    return Field(names, _curated(value, "authors", source))


def _curated_outlet(curated: dict[str, Any], source: str) -> Field[str] | None:
    value = curated.get("outlet")
    if value is None:
        return None
    entry = outlet_by_name(str(value))
    name = entry["name"] if entry else str(value)
    return Field(name, _curated(value, "outlet", source))


def _curated_date(curated: dict[str, Any], source: str) -> Field[DateValue] | None:
    value = curated.get("date")
    if value is None:
        return None
    day, precision = value
    return Field(DateValue(day, precision), _curated(value, "date", source))


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9À-Ý])")


def lead_sentence(doc) -> tuple[int, str] | None:  # type: ignore[no-untyped-def]
    """``(line number, sentence)``: the first sentence of the article's first paragraph
    that reads like prose, or ``None``."""
    stops = function_words().get(getattr(doc, "language", None) or "en")
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        for sentence in _SENTENCE_SPLIT.split(block.text):
            sentence = sentence.strip()
            lines = read_lines([sentence])
            # the sentence read once: is_furniture_line(sentence) would read it again
            if lines and is_prose(lines[0], stops) and not is_furniture_read(lines[0]):
                return block.line_no, sentence
    return None
