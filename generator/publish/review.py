"""What the archivist should check: missing or doubtful fields, and problems with input files."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from generator.files.rules import load_rules
from generator.model import Archive, Article, DateValue, Doubt, Field, Page
from generator.publish.markdown import code_span, escape_cell, relative_link
from generator.publish.sitemap import SiteMap
from generator.settings import GENERATED_MARKER

# A value below this confidence is listed for the archivist to check, even when the
# text gave it: the extractors give 0.8 and above only to direct statements.
REVIEW_BELOW = 0.7
REVIEWED_FIELDS = ("title", "date", "outlet")


def list_article_fields(article: Article) -> list[tuple[str, Field[Any] | None]]:
    """``(name, field)`` of every field the archivist can curate, in the order pages show them."""
    return [
        ("title", article.title),
        ("date", article.date),
        ("outlet", article.outlet),
        ("source_url", article.source_url),
        ("summary", article.summary),
    ]


def list_curated_fields(article: Article) -> list[str]:
    """The names of the fields whose value the archivist set in a sidecar."""
    return [name for name, f in list_article_fields(article) if f is not None and f.provenance.tier == "curated"]


def review_items(article: Article) -> list[tuple[str, str, str]]:
    """``(field, value, reason)`` for each field of an article the archivist should check."""
    return [(name, value, reason) for name, value, reason, _ in review_entries(article)]


def review_entries(article: Article) -> list[tuple[str, str, str, float | None]]:
    """``(field, value, reason, probability right)`` for each field of an article the archivist
    should check; the probability is the value's calibrated confidence, ``None`` when it is missing."""
    items: list[tuple[str, str, str, float | None]] = []
    for name, field in list_article_fields(article):
        if name not in REVIEWED_FIELDS:
            continue
        if field is None:
            if name not in article.curated_none:
                items.append((name, "", "missing: the text does not say", None))
            continue
        p = field.provenance
        if p.tier == "curated":
            continue
        title_doubt = article.doc.title_doubt
        if name == "title" and p.method == "title-line" and title_doubt is not None:
            if title_doubt.probability < check_first_thresholds()["headline"]:
                continue  # listed under "Check first" already
            # between the check-first threshold and REVIEW_BELOW it is listed here, like any value
        value = field.value.iso() if isinstance(field.value, DateValue) else str(field.value)
        if p.tier in ("default", "inferred") or p.confidence < REVIEW_BELOW:
            items.append((name, value, f"{p.tier} by {p.method}: {p.evidence}", p.confidence))
    return items


def list_review_rows(archive: Archive) -> list[tuple[Article, str, str, str, float | None]]:
    """``(article, field, value, reason, probability right)`` of every field to check, the likeliest
    wrong first: values by their calibrated confidence, lowest first, then missing values; ties
    by article id and the fields' order (the same archive gives the same list)."""
    order = {name: i for i, name in enumerate(REVIEWED_FIELDS)}
    rows = [(a, *entry) for a in archive.articles for entry in review_entries(a)]
    return sorted(rows, key=lambda r: (r[4] is None, r[4] or 0.0, r[0].id, order[r[1]]))


def sidecar_of(article: Article) -> str:
    """The sidecar the archivist writes a value of ``article`` in: ``<seed stem>.meta.yml`` beside the seed."""
    folder, _, name = article.source_path.rpartition("/")
    stem = name.rpartition(".")[0] or name
    return f"{folder}/{stem}.meta.yml" if folder else f"{stem}.meta.yml"


@lru_cache(maxsize=1)
def check_first_thresholds() -> dict[str, float]:
    """``{"headline": p, "body": p}``: below these calibrated probabilities a record is
    checked first (``data/review.yml``, each with its why)."""
    data = load_rules("review")["check_first"]
    return {"headline": float(data["headline_below"]["value"]), "body": float(data["body_below"]["value"])}


def record_doubts(article: Article) -> list[tuple[str, Doubt]]:
    """``(part, doubt)`` for the article's headline and body when each is likely wrong:
    its calibrated probability is below the check-first threshold. A curated title is
    the archivist's word: never doubted."""
    limits = check_first_thresholds()
    found = []
    title_doubt = article.doc.title_doubt
    if title_doubt is not None and article.title.provenance.tier != "curated" and title_doubt.probability < limits["headline"]:
        found.append(("headline", title_doubt))
    body_doubt = article.doc.body_doubt
    if body_doubt is not None and body_doubt.probability < limits["body"]:
        found.append(("body", body_doubt))
    return found


def describe_doubt(part: str, doubt: Doubt) -> str:
    """The reader's words for one doubt: its reason, or a plain one, and the probability."""
    reason = doubt.reason or f"{part} may be wrong"
    return f"{reason} (likely right: {doubt.probability:.0%})"


def list_check_first(archive: Archive) -> list[tuple[Article, list[tuple[str, Doubt]]]]:
    """The articles whose headline or body is likely wrong, the likeliest wrong first
    (ties by id: the same archive gives the same list)."""
    flagged = [(a, d) for a in archive.articles if (d := record_doubts(a))]
    return sorted(flagged, key=lambda item: (min(d.probability for _, d in item[1]), item[0].id))


def list_unresolved_names(archive: Archive) -> list[tuple[Article, str, int]]:
    """``(article, name, uses)`` for each one-word person name no actor of its article took.

    A bare surname ("Kim" beside three Kims) or given name that resolution could not tie
    to one full name gets no actor page: it is listed here for the archivist.
    """
    taken: dict[str, set[str]] = {}
    for actor in archive.actors:
        for article_id in actor.article_ids:
            taken.setdefault(article_id, set()).update(actor.surfaces)
    out = []
    for article in sorted(archive.articles, key=lambda a: a.id):
        here = taken.get(article.id, set())
        for m in article.mentions:
            if m.type == "person" and " " not in m.surface.strip() and m.surface not in here:
                out.append((article, m.surface, m.count))
    return out


def count_review_items(archive: Archive) -> int:
    """How many fields of the whole archive the review page lists."""
    return sum(len(review_items(a)) for a in archive.articles)


# What to write where, by the part of a record to correct: a sidecar key, or the seed's own text.
_SIDECAR_KEYS = {"headline": "title", "title": "title", "date": "date", "outlet": "outlet"}


def _write_in(article: Article, parts: list[str]) -> str:
    """Where the archivist corrects ``parts`` of ``article``: the sidecar and its keys, or the seed's text."""
    keys = list(dict.fromkeys(_SIDECAR_KEYS[p] for p in parts if p in _SIDECAR_KEYS))
    where = []
    if keys:
        where.append(f"{code_span(sidecar_of(article))}, key {', '.join(code_span(k + ':') for k in keys)}")
    if "body" in parts:
        where.append(f"the text of {code_span(article.source_path)} (its cleaning record shows what was kept)")
    return "; ".join(where)


def render_review_page(archive: Archive, sitemap: SiteMap) -> Page:
    """Every missing or doubtful field, and every problem with an input file."""
    path = sitemap.review
    lines = [
        "# Review",
        "",
        "What the archivist should check: first the records most likely wrong, then the fields the text "
        f"does not give, or gives only indirectly (inferred, or confidence below {REVIEW_BELOW}). Correct or "
        "confirm a value in the article's sidecar, `seeds/<name>.meta.yml`; curated values are never listed here.",
        "",
    ]
    flagged = list_check_first(archive)
    lines += [f"## Check first ({len(flagged)})", ""]
    if flagged:
        lines += [
            "Records the extraction is least sure of, the likeliest wrong first: the headline may be "
            "another line of the page, or the body may carry other stories or miss part of the article. "
            "Open the article and its cleaning record; correct a title in the sidecar.",
            "",
            '<div class="na-review" markdown>',
            "",
            "| Article | What may be wrong | Write in |",
            "|---|---|---|",
        ]
        for article, doubts in flagged:
            link = f"[{escape_cell(article.title.value)}]({relative_link(path, sitemap.article(article.id))})"
            why = "; ".join(describe_doubt(part, doubt) for part, doubt in doubts)
            lines.append(f"| {link} | {escape_cell(why)} | {_write_in(article, [part for part, _ in doubts])} |")
        lines += ["", "</div>", ""]
    else:
        lines += ["Nothing: every headline and body is likely right.", ""]
    rows = list_review_rows(archive)
    lines += [f"## Fields to check ({len(rows)})", ""]
    if rows:
        lines += [
            "The likeliest wrong first: by how likely each value is right (the calibrated confidence of the way "
            "it was found), then the values the text does not give. Write the right value under the key named, "
            "or `key: null` for \"checked: there is none\".",
            "",
            '<div class="na-review" markdown>',
            "",
            "| Article | Field | Value | Likely right | Why | Write in |",
            "|---|---|---|---|---|---|",
        ]
        for article, name, value, reason, probability in rows:
            link = f"[{escape_cell(article.title.value)}]({relative_link(path, sitemap.article(article.id))})"
            likely = "missing" if probability is None else f"{probability:.0%}"
            lines.append(
                f"| {link} | {name} | {escape_cell(value) or '—'} | {likely} | {escape_cell(reason)} | {_write_in(article, [name])} |"
            )
        lines += ["", "</div>", ""]
    else:
        lines += ["Nothing to check.", ""]
    unresolved = list_unresolved_names(archive)
    lines += [f"## Names no actor took ({len(unresolved)})", ""]
    if unresolved:
        lines += [
            "A surname or given name the article does not tie to one full name (two people bear it, or none is "
            "written out) has no actor page. Name the person in `seeds/actors.yml` (`merge`) if it is one.",
            "",
            "| Article | Name | Uses |",
            "|---|---|---:|",
        ]
        for article, name, uses in unresolved:
            link = f"[{escape_cell(article.title.value)}]({relative_link(path, sitemap.article(article.id))})"
            lines.append(f"| {link} | {escape_cell(name)} | {uses} |")
        lines.append("")
    else:
        lines += ["None.", ""]
    lines += [f"## Problems with input files ({len(archive.problems)})", ""]
    if archive.problems:
        lines += ["| File | Severity | Problem |", "|---|---|---|"]
        lines += [f"| {code_span(p.path)} | {p.severity} | {escape_cell(p.message)} |" for p in archive.problems]
    else:
        lines.append("None.")
    # the whole width for the tables: no navigation or table of contents beside them (Material's `hide`)
    return Page(path, (("title", "Review"), ("generator", GENERATED_MARKER), ("hide", ["navigation", "toc"])), "\n".join(lines))
