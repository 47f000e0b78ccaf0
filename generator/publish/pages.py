"""Rendering: from the archive to Markdown pages with YAML front matter.

Seed text is data, never markup: every string that came from a seed goes
through :func:`escape_markdown` (or :func:`escape_cell` in tables) before it
reaches a page. Links between pages are relative ``.md`` paths, so MkDocs
checks every one of them in a ``--strict`` build.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

import yaml

from generator.publish.charts import count_by_period, render_bar_chart
from generator.publish.citations import compose_share_meta
from generator.extract.clean import rule_reason
from generator.text import normalise_key
from generator.publish.exports import ACTORS_PATH, ARTICLES_PATH, EVENTS_PATH, FEED_PATH
from generator.model import Actor, Archive, Article, CleanDoc, DateValue, Event, Field, Page
from generator.publish.sitemap import absolute_url
from generator.settings import GENERATED_MARKER, Settings
from generator.text import slugify

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
TYPE_HEADINGS = {"person": "People", "organisation": "Organisations", "state": "States", "other": "Other"}

# Line starts that would make a list, a heading or a quote of plain text.
_BLOCK_START = re.compile(r"^(\s*)(\d+)([.)])(\s)")
# Characters with a meaning in Markdown (or in the HTML it may carry) anywhere in
# a line: the HTML ones become entities, the others get a backslash.
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\x00": "&"}
    | {c: "\\" + c for c in "\\`*_[]{}|~^=+!#"}
)


def escape_markdown(text: str) -> str:
    """Make seed text show literally in Markdown (and never as HTML)."""
    # & < > become entities (no raw HTML survives), every other special gets a
    # backslash: one pass of str.translate (escaping runs a million times at
    # 10,000 articles). A NUL became "&" in the regex version, and still does.
    text = text.translate(_ESCAPES)
    if text[:1].isdigit() or text[:1].isspace():  # the only starts _BLOCK_START can match
        text = _BLOCK_START.sub(r"\1\2\\\3\4", text)
    if text.startswith(("-", "+")):
        text = "\\" + text
    return text


def escape_cell(text: str) -> str:
    """Escape seed text for a Markdown table cell (one line, no pipes)."""
    return escape_markdown(" ".join(text.split()))


# libyaml's emitter when PyYAML was built with it: the same output as the pure-Python
# one, 3.5 times faster, which is most of the write stage at 10,000 articles.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _FrontMatterDumper(_SafeDumper):  # type: ignore[misc,valid-type]
    """SafeDumper that writes a repeated list out again instead of as a YAML alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_text(dumper: Any, data: str) -> yaml.ScalarNode:
    # NEL and the Unicode line/paragraph separators are line breaks to YAML: in a
    # plain or quoted scalar they read back as spaces. Double quotes escape them.
    style = '"' if any(ch in data for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_FrontMatterDumper.add_representer(str, _represent_text)


def render_front_matter(meta: Iterable[tuple[str, Any]], body: str) -> str:
    """A Markdown document: YAML front matter written by the YAML library, then the body."""
    dumped = yaml.dump(
        dict(meta),
        Dumper=_FrontMatterDumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )
    return f"---\n{dumped}---\n\n{body.rstrip()}\n"


def format_date(value: DateValue | None) -> str:
    """``5 August 2015``, ``August 2015``, ``2015`` or ``Undated``."""
    if value is None:
        return "Undated"
    d = value.date
    if value.precision == "year":
        return str(d.year)
    if value.precision == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


class _Paths:
    """Where each thing's page lives; computed once so every link agrees."""

    def __init__(self, archive: Archive, assigned: Mapping[str, Mapping[str, str]] | None = None):
        self.article: dict[str, str] = {}
        taken: set[str] = set()
        for article in sorted(archive.articles, key=lambda a: a.id):
            stem = _article_slug(article)
            if stem in taken:
                stem = f"{stem}-{slugify(article.id, 40)}"
            taken.add(stem)
            self.article[article.id] = f"articles/{stem}.md"
        self.actor = {a.id: f"actors/{a.id}.md" for a in archive.actors}
        self.event = {e.id: f"events/{e.id}.md" for e in archive.events}
        self.outlet = {name: f"outlets/{slugify(name)}.md" for name in _outlet_names(archive)}
        if assigned is not None:  # permanent addresses from the lock (permalinks.assign_permalinks)
            self.article, self.actor, self.event = (dict(assigned[k]) for k in ("article", "actor", "event"))


def compose_fresh_paths(archive: Archive) -> dict[str, dict[str, str]]:
    """Where article, actor and event pages go by title, name and id alone, before the permalink lock."""
    paths = _Paths(archive)
    return {"article": paths.article, "actor": paths.actor, "event": paths.event}


def _article_slug(article: Article) -> str:
    prefix = article.date.value.iso() if article.date else "undated"
    return f"{prefix}-{slugify(article.title.value, 60)}"


def _outlet_names(archive: Archive) -> list[str]:
    return sorted({a.outlet.value for a in archive.articles if a.outlet}, key=str.casefold)


def _link(src: str, dst: str) -> str:
    src_dir = _folder(src)
    folder, _, name = dst.rpartition("/")
    if name in ("", ".", "..") or name in src_dir.split("/") or dst.startswith("/"):
        return _relative(src_dir, dst)
    # a file's link is its folder's link and its name: one relpath per pair of folders
    # (with a name that is no folder of src_dir, the same as relpath of the whole path)
    up = _relative(src_dir, folder or ".")
    return name if up == "." else f"{up}/{name}"


@lru_cache(maxsize=None)
def _folder(path: str) -> str:
    return posixpath.dirname(path) or "."


# Pages live in a handful of folders, so the same (folder, target) pair recurs
# for every page of a folder: relpath was a third of rendering at 10,000 articles.
@lru_cache(maxsize=None)
def _relative(src_dir: str, dst: str) -> str:
    return posixpath.relpath(dst, src_dir)


def _newest_first(articles: Iterable[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: a.sort_key, reverse=True)


def render_site(
    archive: Archive, settings: Settings, assigned: Mapping[str, Mapping[str, str]] | None = None
) -> tuple[Page, ...]:
    """Every generated page of the archive, in a stable order (at the ``assigned`` paths when given)."""
    paths = _Paths(archive, assigned)
    pages: list[Page] = []
    pages += [render_article_page(a, archive, paths, settings) for a in sorted(archive.articles, key=lambda a: a.id)]
    pages += [render_actor_page(a, archive, paths) for a in archive.actors]
    pages.append(render_actor_index(archive, paths))
    pages += [render_event_page(e, archive, paths) for e in archive.events]
    pages.append(render_event_index(archive, paths))
    by_outlet: dict[str, list[Article]] = defaultdict(list)  # one pass, not one per outlet
    for article in archive.articles:
        if article.outlet:
            by_outlet[article.outlet.value].append(article)
    pages += [render_outlet_page(name, archive, paths, by_outlet[name]) for name in _outlet_names(archive)]
    pages.append(render_outlet_index(archive, paths))
    pages.append(render_review_page(archive, paths))
    pages.append(render_home_page(archive, paths, settings))
    return tuple(pages)


# --- articles ---------------------------------------------------------------------------


def render_article_page(article: Article, archive: Archive, paths: _Paths, settings: Settings | None = None) -> Page:
    """One article: header, clean body, event footer, cleaning and provenance records.

    The front matter also carries what the theme needs to cite and share it
    (permalink, citation, BibTeX, JSON-LD: see citations.py).
    """
    path = paths.article[article.id]
    event = archive.event_of(article.id)
    actor_names = [archive.actor(i).name for i in article.actor_ids]
    meta: list[tuple[str, Any]] = [
        ("title", article.title.value),
        ("date", article.date.value.iso() if article.date else None),
        ("outlet", article.outlet.value if article.outlet else None),
        ("actors", actor_names),
        ("tags", actor_names),
        ("event", event.id if event else None),
        ("source_file", article.source_path),
        ("source_url", article.source_url.value if article.source_url else None),
        ("sha256", article.sha256),
        ("description", _description(article)),
        ("curated", [k for k, f in _fields(article) if f is not None and f.provenance.tier == "curated"]),
        ("generator", GENERATED_MARKER),
    ]
    settings = settings or Settings()
    meta += compose_share_meta(
        article,
        absolute_url(settings.site_url, path),
        settings.archive_title,
        settings.site_url,
        [(archive.actor(i).name, archive.actor(i).type) for i in article.actor_ids],
        _description(article),
        format_date(article.date.value) if article.date else "undated",
    )
    lines = [f"# {escape_markdown(article.title.value)}", "", *_article_header(article, archive, path, paths), ""]
    lines += _article_body(article)
    lines += _article_footer(article, event, archive, path, paths)
    lines += _cleaning_record(article)
    lines += _provenance_record(article)
    return Page(path, tuple(meta), "\n".join(lines), (article.source_path,))


def _fields(article: Article) -> list[tuple[str, Field[Any] | None]]:
    return [
        ("title", article.title),
        ("date", article.date),
        ("outlet", article.outlet),
        ("source_url", article.source_url),
        ("summary", article.summary),
    ]


def _description(article: Article) -> str | None:
    if article.summary:
        return article.summary.value
    first = next((b.text for b in article.doc.blocks if b.kind == "paragraph"), None)
    if first is None:
        return None
    return first if len(first) <= 200 else first[:197].rsplit(" ", 1)[0] + "…"


def _tier_mark(field: Field[Any] | None) -> str:
    if field is None:
        return ""
    tier = field.provenance.tier
    return f" *({tier})*" if tier in ("curated", "inferred") else ""


def _article_header(article: Article, archive: Archive, path: str, paths: _Paths) -> list[str]:
    parts = [f"**Date:** {format_date(article.date.value if article.date else None)}{_tier_mark(article.date)}"]
    if article.outlet:
        link = _link(path, paths.outlet[article.outlet.value])
        parts.append(f"**Outlet:** [{escape_markdown(article.outlet.value)}]({link}){_tier_mark(article.outlet)}")
    else:
        parts.append("**Outlet:** unknown")
    if article.doc.dateline:
        parts.append(f"**Dateline:** {escape_markdown(article.doc.dateline)}")
    lines = [" · ".join(parts), "{: .na-meta }", ""]
    if article.actor_ids:
        links = [
            f"[{escape_markdown(archive.actor(i).name)}]({_link(path, paths.actor[i])})" for i in article.actor_ids
        ]
        lines += [f"**Actors:** {', '.join(links)}", "{: .na-meta }", ""]
    return lines


def _article_body(article: Article) -> list[str]:
    blocks = article.doc.blocks
    body_keys: set[str] | None = None  # only an article with a standfirst needs them
    lines: list[str] = []
    seen_paragraph = False
    for block in blocks:
        if block.kind in ("title", "meta"):
            continue
        if block.kind == "summary":
            if body_keys is None:
                body_keys = {normalise_key(b.text) for b in blocks if b.kind == "paragraph"}
            if not any(k.startswith(normalise_key(block.text)) for k in body_keys):
                lines += [escape_markdown(block.text), "{: .na-lead }", ""]
        elif block.kind == "caption":
            lines += [f'<figure class="na-caption"><figcaption>{html.escape(block.text)}</figcaption></figure>', ""]
        elif block.kind == "bullets" and not seen_paragraph:
            lines += ['!!! abstract "Highlights"', ""]
            lines += [f"    - {escape_markdown(item)}" for item in block.items] + [""]
        elif block.kind == "bullets":
            lines += [f"- {escape_markdown(item)}" for item in block.items] + [""]
        elif block.kind == "heading":
            lines += [f"## {escape_markdown(block.text)}", ""]
        else:
            seen_paragraph = True
            lines += [escape_markdown(block.text), ""]
    return lines


def render_body_markdown(doc: CleanDoc) -> str:
    """The article body alone as Markdown: paragraphs, lists and headings."""
    parts: list[str] = []
    for block in doc.body_blocks():
        if block.kind == "bullets":
            parts.append("\n".join(f"- {escape_markdown(item)}" for item in block.items))
        elif block.kind == "heading":
            parts.append(f"## {escape_markdown(block.text)}")
        else:
            parts.append(escape_markdown(block.text))
    return "\n\n".join(parts)


def _article_footer(article: Article, event: Event | None, archive: Archive, path: str, paths: _Paths) -> list[str]:
    if event is None:
        return []
    lines = [
        "---",
        "",
        f"**Event:** [{escape_markdown(event.title)}]({_link(path, paths.event[event.id])})"
        f" · {format_date(event.date)}",
        "",
    ]
    others = [archive.article(i) for i in event.article_ids if i != article.id]
    if others:
        lines += ["**Other reports of this event:**", ""]
        lines += [f"- {_article_line(o, path, paths)}" for o in _newest_first(others)] + [""]
    return lines


def _article_line(article: Article, src: str, paths: _Paths) -> str:
    outlet = escape_markdown(article.outlet.value) if article.outlet else "unknown outlet"
    date = format_date(article.date.value if article.date else None)
    return f"[{escape_markdown(article.title.value)}]({_link(src, paths.article[article.id])}) — {outlet}, {date}"


def _cleaning_record(article: Article) -> list[str]:
    removed = article.doc.removed
    if not removed:
        return []
    lines = [f'??? note "Cleaning record: {len(removed)} line(s) removed as page furniture"', ""]
    lines += ["    | Line | Rule | Why | Text |", "    |---:|---|---|---|"]
    for r in removed:
        lines.append(f"    | {r.line_no} | `{r.rule}` | {escape_cell(rule_reason(r.rule))} | {escape_cell(r.text)} |")
    return lines + [""]


def _provenance_record(article: Article) -> list[str]:
    lines = ['??? info "Where this record comes from"', ""]
    lines += ["    | Field | Value | Source | Method | Evidence | Confidence |", "    |---|---|---|---|---|---:|"]
    for name, field in _fields(article):
        if field is None:
            lines.append(f"    | {name} | *none found* | | | | |")
            continue
        value = field.value.iso() if isinstance(field.value, DateValue) else str(field.value)
        p = field.provenance
        lines.append(
            f"    | {name} | {escape_cell(value)} | {p.tier} | `{p.method}` | {escape_cell(p.evidence)} | {p.confidence:.2f} |"
        )
    lines += ["", f"    Source file `{article.source_path}`, SHA-256 `{article.sha256}`.", ""]
    return lines


# --- actors -----------------------------------------------------------------------------


def render_actor_page(actor: Actor, archive: Archive, paths: _Paths) -> Page:
    """One actor: spellings, articles newest first, events, frequent co-actors."""
    path = paths.actor[actor.id]
    articles = _newest_first(archive.article(i) for i in actor.article_ids)
    lines = [f"# {escape_markdown(actor.name)}", "", f"**Type:** {actor.type}", "{: .na-meta }", ""]
    if actor.description:
        lines += [escape_markdown(actor.description), ""]
    dated = [a.date.value for a in articles if a.date]
    if dated:
        first, last = min(dated, key=lambda d: d.date), max(dated, key=lambda d: d.date)
        lines += [f"**First seen:** {format_date(first)} · **Last seen:** {format_date(last)}", ""]
    lines += ["**Spellings seen:** " + ", ".join(f"“{escape_markdown(s)}”" for s in actor.surfaces), ""]
    chart = render_bar_chart(count_by_period(d.date for d in dated), f"Articles naming {actor.name}, over time", "articles")
    if chart:
        lines += ["## Mentions over time", "", chart, ""]
    lines += [f"## Articles ({len(articles)})", ""]
    lines += [f"- {_article_line(a, path, paths)}" for a in articles] + [""]
    if events := archive.events_of_actor(actor.id):
        lines += ["## Events", ""]
        lines += [f"- {_event_line(e, path, paths)}" for e in _events_newest_first(events)] + [""]
    co = Counter(other for a in articles for other in a.actor_ids if other != actor.id)
    if co:
        lines += ["## Often appears with", "", "| Actor | Articles together |", "|---|---:|"]
        for other, count in sorted(co.items(), key=lambda kv: (-kv[1], archive.actor(kv[0]).name))[:10]:
            lines.append(f"| [{escape_cell(archive.actor(other).name)}]({_link(path, paths.actor[other])}) | {count} |")
        lines.append("")
    meta = [("title", actor.name), ("actor_type", actor.type), ("aliases", list(actor.surfaces)), ("generator", GENERATED_MARKER)]
    return Page(path, tuple(meta), "\n".join(lines), tuple(archive.article(i).source_path for i in actor.article_ids))


def render_actor_index(archive: Archive, paths: _Paths) -> Page:
    """All actors grouped by type, with their article counts."""
    path = "actors/index.md"
    by_type: dict[str, list[Actor]] = defaultdict(list)
    for actor in archive.actors:
        by_type[actor.type].append(actor)
    lines = ["# Actors", "", f"{len(archive.actors)} people, organisations and states named in the archive.", ""]
    for kind, heading in TYPE_HEADINGS.items():
        group = sorted(by_type.get(kind, []), key=lambda a: (-len(a.article_ids), a.name.casefold()))
        if not group:
            continue
        lines += [f"## {heading} ({len(group)})", "", "| Actor | Articles |", "|---|---:|"]
        lines += [f"| [{escape_cell(a.name)}]({_link(path, paths.actor[a.id])}) | {len(a.article_ids)} |" for a in group]
        lines.append("")
    return Page(path, (("title", "Actors"), ("generator", GENERATED_MARKER)), "\n".join(lines))


# --- events -----------------------------------------------------------------------------


def _events_newest_first(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date.date.isoformat() if e.date else "", e.id), reverse=True)


def _event_line(event: Event, src: str, paths: _Paths) -> str:
    return f"{format_date(event.date)}: [{escape_markdown(event.title)}]({_link(src, paths.event[event.id])})"


def render_event_page(event: Event, archive: Archive, paths: _Paths) -> Page:
    """One event: actors, how each outlet reported it, related events before and after."""
    path = paths.event[event.id]
    lines = [f"# {escape_markdown(event.title)}", "", f"**Date:** {format_date(event.date)}", "{: .na-meta }", ""]
    if event.actor_ids:
        links = [f"[{escape_markdown(archive.actor(i).name)}]({_link(path, paths.actor[i])})" for i in event.actor_ids]
        lines += [f"**Actors:** {', '.join(links)}", "{: .na-meta }", ""]
    lines += ["## How each outlet reported it", "", '<div class="grid cards" markdown>', ""]
    for article in (archive.article(i) for i in event.article_ids):
        outlet = escape_markdown(article.outlet.value) if article.outlet else "Unknown outlet"
        date = format_date(article.date.value if article.date else None)
        lines += [f"-   **{outlet}** · {date}", "", "    ---", ""]
        lines += [f"    [{escape_markdown(article.title.value)}]({_link(path, paths.article[article.id])})", ""]
        lead = _description(article)
        if lead:
            lines += [f"    {escape_markdown(lead)}", ""]
    lines += ["</div>", ""]
    related = [archive.event(i) for i in event.related]
    if related:
        lines += ["## Related events", ""]
        for label, group in (
            ("Before", [e for e in related if _before(e, event)]),
            ("After", [e for e in related if not _before(e, event)]),
        ):
            if group:
                lines += [f"**{label}:**", ""] + [f"- {_event_line(e, path, paths)}" for e in group] + [""]
    meta = [("title", event.title), ("date", event.date.iso() if event.date else None), ("generator", GENERATED_MARKER)]
    return Page(path, tuple(meta), "\n".join(lines), tuple(archive.article(i).source_path for i in event.article_ids))


def _before(a: Event, b: Event) -> bool:
    return (a.date.date.isoformat() if a.date else "", a.id) < (b.date.date.isoformat() if b.date else "", b.id)


def render_event_index(archive: Archive, paths: _Paths) -> Page:
    """Events as a timeline by year and month, undated ones in their own section."""
    path = "events/index.md"
    lines = ["# Events", "", f"{len(archive.events)} events, newest first.", ""]
    dated = [e for e in _events_newest_first(archive.events) if e.date]
    chart = render_bar_chart(count_by_period(e.date.date for e in dated), "Events over time", "events")
    if chart:
        lines += [chart, ""]
    year = month = None
    for event in dated:
        if event.date.date.year != year:
            year, month = event.date.date.year, None
            lines += [f"## {year}", ""]
        if event.date.precision != "year" and event.date.date.month != month:
            month = event.date.date.month
            lines += [f"### {MONTHS[month - 1]} {year}", ""]
        count = len(event.article_ids)
        lines.append(f"- {_event_line(event, path, paths)} ({count} article{'s' if count != 1 else ''})")
        lines.append("")
    undated = [e for e in archive.events if not e.date]
    if undated:
        lines += ["## Undated", ""] + [f"- {_event_line(e, path, paths)}" for e in undated] + [""]
    return Page(path, (("title", "Events"), ("generator", GENERATED_MARKER)), "\n".join(lines))


# --- outlets ----------------------------------------------------------------------------


def render_outlet_page(name: str, archive: Archive, paths: _Paths, articles: Sequence[Article]) -> Page:
    """One outlet: its ``articles`` (grouped by render_site in one pass), newest first."""
    path = paths.outlet[name]
    articles = _newest_first(articles)
    lines = [f"# {escape_markdown(name)}", "", f"## Articles ({len(articles)})", ""]
    lines += [f"- {_article_line(a, path, paths)}" for a in articles]
    return Page(path, (("title", name), ("generator", GENERATED_MARKER)), "\n".join(lines), tuple(a.source_path for a in articles))


def render_outlet_index(archive: Archive, paths: _Paths) -> Page:
    """All outlets with counts, and the articles whose outlet is unknown."""
    path = "outlets/index.md"
    lines = ["# Outlets", "", "| Outlet | Articles |", "|---|---:|"]
    counts = Counter(a.outlet.value for a in archive.articles if a.outlet)
    for name in _outlet_names(archive):
        lines.append(f"| [{escape_cell(name)}]({_link(path, paths.outlet[name])}) | {counts[name]} |")
    unknown = _newest_first(a for a in archive.articles if not a.outlet)
    if unknown:
        lines += ["", "## Outlet unknown", "", "The text of these articles does not say where they were published.", ""]
        lines += [f"- {_article_line(a, path, paths)}" for a in unknown]
    return Page(path, (("title", "Outlets"), ("generator", GENERATED_MARKER)), "\n".join(lines))


# --- review -----------------------------------------------------------------------------

# A value below this confidence is listed for the archivist to check, even when the
# text gave it: the extractors give 0.8 and above only to direct statements.
REVIEW_BELOW = 0.7
REVIEWED_FIELDS = ("title", "date", "outlet")


def review_items(article: Article) -> list[tuple[str, str, str]]:
    """``(field, value, reason)`` for each field of an article the archivist should check."""
    items = []
    for name, field in _fields(article):
        if name not in REVIEWED_FIELDS:
            continue
        if field is None:
            if name not in article.curated_none:
                items.append((name, "", "missing: the text does not say"))
            continue
        p = field.provenance
        if p.tier == "curated":
            continue
        value = field.value.iso() if isinstance(field.value, DateValue) else str(field.value)
        if p.tier in ("default", "inferred") or p.confidence < REVIEW_BELOW:
            items.append((name, value, f"{p.tier} by {p.method}, confidence {p.confidence:.2f}: {p.evidence}"))
    return items


def render_review_page(archive: Archive, paths: _Paths) -> Page:
    """Every missing or doubtful field, and every problem with an input file."""
    path = "review.md"
    lines = [
        "# Review",
        "",
        "What the archivist should check: fields the text does not give, or gives only indirectly "
        f"(inferred, or confidence below {REVIEW_BELOW}). Correct or confirm a value in the article's "
        "sidecar, `seeds/<name>.meta.yml`; curated values are never listed here.",
        "",
    ]
    rows = []
    for article in sorted(archive.articles, key=lambda a: a.id):
        for name, value, reason in review_items(article):
            link = f"[{escape_cell(article.title.value)}]({_link(path, paths.article[article.id])})"
            rows.append(f"| {link} | {name} | {escape_cell(value) or '—'} | {escape_cell(reason)} | `{article.id}.meta.yml` |")
    lines += [f"## Fields to check ({len(rows)})", ""]
    if rows:
        lines += ["| Article | Field | Value | Why | Sidecar |", "|---|---|---|---|---|", *rows, ""]
    else:
        lines += ["Nothing to check.", ""]
    lines += [f"## Problems with input files ({len(archive.problems)})", ""]
    if archive.problems:
        lines += ["| File | Severity | Problem |", "|---|---|---|"]
        lines += [f"| `{escape_cell(p.path)}` | {p.severity} | {escape_cell(p.message)} |" for p in archive.problems]
    else:
        lines.append("None.")
    return Page(path, (("title", "Review"), ("generator", GENERATED_MARKER)), "\n".join(lines))


# --- home -------------------------------------------------------------------------------


def _review_count(archive: Archive) -> int:
    return sum(len(review_items(a)) for a in archive.articles)


def render_home_page(archive: Archive, paths: _Paths, settings: Settings) -> Page:
    """What the archive holds, and its latest events."""
    path = "index.md"
    dated = sorted(a.date.value.date for a in archive.articles if a.date)
    span = f", from {format_date(DateValue(dated[0]))} to {format_date(DateValue(dated[-1]))}" if dated else ""
    outlets = _outlet_names(archive)
    lines = [
        f"# {escape_markdown(settings.archive_title)}",
        "",
        f"This archive holds **{len(archive.articles)} articles** from **{len(outlets)} outlets**{span}, "
        f"grouped into **{len(archive.events)} events** and naming **{len(archive.actors)} actors**.",
        "",
        "Browse the [events timeline](events/index.md), the [actors](actors/index.md) "
        "or the [outlets](outlets/index.md), or search with the box at the top.",
        "",
        f"**For the archivist:** [{_review_count(archive)} field(s) to check]({_link(path, 'review.md')}) "
        f"and {len(archive.problems)} input problem(s).",
        "",
        "## Latest events",
        "",
    ]
    latest = _events_newest_first(archive.events)[: settings.home_latest]
    lines += [f"- {_event_line(e, path, paths)}" for e in latest]
    lines += [
        "",
        "## Feeds and data",
        "",
        f"An [Atom feed]({_link(path, FEED_PATH)}) of the newest articles, and the whole archive as JSON:"
        f" [articles]({_link(path, ARTICLES_PATH)}), [actors]({_link(path, ACTORS_PATH)})"
        f" and [events]({_link(path, EVENTS_PATH)}).",
    ]
    return Page(path, (("title", "Home"), ("generator", GENERATED_MARKER)), "\n".join(lines))
