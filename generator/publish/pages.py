"""The archive's pages: articles, actors, events, outlets and the home page, as Markdown.

Every address comes from the build's :class:`SiteMap`; every string from a seed
goes through ``markdown.escape_markdown`` (see ``markdown.py``). Front matter
is plain values; ``files/output.py`` writes it as YAML.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import replace
from typing import Any, Iterable, Sequence
from urllib.parse import quote, urlsplit

from generator.extract.furniture_rules import rule_reason
from generator.files.rules import load_rules
from generator.model import Actor, Archive, Article, DateValue, Event, Field, Mention, Page
from generator.publish.charts import count_by_period, count_noun, describe_left_out, render_bar_chart
from generator.publish.citations import compose_share_meta
from generator.publish.markdown import (
    code_span,
    escape_cell,
    escape_markdown,
    format_date,
    link_destination,
    relative_link,
    render_article_body,
    wayback_link,
)
from generator.publish.review import (
    count_review_items,
    describe_doubt,
    list_article_fields,
    list_check_first,
    list_curated_fields,
    record_doubts,
)
from generator.publish.search_names import (
    compose_actor_known_as,
    compose_actor_names,
    compose_actor_search_names,
    compose_event_search_names,
    is_event_searched,
)
from generator.publish.sitemap import SiteMap, absolute_url, list_outlet_names
from generator.settings import GENERATED_MARKER, Settings

# An actor's or event's own page ranks first for its name: its title weighs more in
# Pagefind's ranking than an article headline (h1, 7) naming it, and an actor's name
# more than an event title that contains it (with both at 10, events named after a
# person outranked the person's page at 2,000 articles). Pagefind's BM25 saturates
# these weights once a page repeats a word; what decides is the weight of the page's
# hidden name fields (search_names.py; metaWeights in the theme's search.js).
ACTOR_SEARCH_WEIGHT = '{ data-pagefind-weight="10" }'
EVENT_SEARCH_WEIGHT = '{ data-pagefind-weight="8" }'



def newest_first(articles: Iterable[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: a.sort_key, reverse=True)


# --- articles ---------------------------------------------------------------------------


def render_article_page(article: Article, archive: Archive, sitemap: SiteMap, settings: Settings) -> Page:
    """One article: header, clean body, event footer, cleaning and provenance records.

    The front matter also carries what the theme needs to cite and share it
    (permalink, citation, BibTeX, JSON-LD: see citations.py).
    """
    path = sitemap.article(article.id)
    event = archive.event_of(article.id)
    # A weak inferred date is no date of the article's: its page, citation and share
    # tags say "undated", its header says "around" with the reason (see is_around_date).
    stated = replace(article, date=None) if is_around_date(article.date) else article
    actor_names = [archive.actor(i).name for i in article.actor_ids]
    meta: list[tuple[str, Any]] = [
        ("title", article.title.value),
        ("date", stated.date.value.iso() if stated.date else None),
        *((("date_around", article.date.value.iso()),) if stated.date is None and article.date else ()),
        ("outlet", article.outlet.value if article.outlet else None),
        ("lang", article.doc.language),
        *((("authors", list(article.authors.value)),) if article.authors else ()),
        ("actors", actor_names),
        ("event", event.id if event else None),
        ("source_file", article.source_path),
        ("source_url", article.source_url.value if article.source_url else None),
        ("sha256", article.sha256),
        ("description", _description(article)),
        ("curated", list_curated_fields(article)),
        ("actor_spellings", compose_actor_names(article.actor_ids, archive)),
        ("generator", GENERATED_MARKER),
    ]
    meta += compose_share_meta(
        stated,
        absolute_url(settings.site_url, path),
        settings.archive_title,
        settings.site_url,
        [(archive.actor(i).name, archive.actor(i).type) for i in article.actor_ids],
        _description(article),
        format_date(stated.date.value) if stated.date else "undated",
    )
    lines = [f"# {escape_markdown(article.title.value)}", "", *_doubt_note(article, path, sitemap)]
    lines += [*_article_header(article, archive, path, sitemap, settings.publish_seeds), ""]
    lines += render_article_body(article)
    lines += _article_footer(article, event, archive, path, sitemap)
    lines += _cleaning_record(article)
    lines += _provenance_record(article)
    return Page(path, tuple(meta), "\n".join(lines))


def _doubt_note(article: Article, path: str, sitemap: SiteMap) -> list[str]:
    """A quiet line under the title when the headline or body is likely wrong (the
    Review page lists the article under "Check first")."""
    doubts = record_doubts(article)
    if not doubts:
        return []
    said = "; ".join(describe_doubt(part, doubt) for part, doubt in doubts)
    review = relative_link(path, sitemap.review)
    return [f"This record may be wrong: {escape_markdown(said)}. [Review]({review})", '{: .na-doubt data-pagefind-ignore="all" }', ""]


def _description(article: Article) -> str | None:
    if article.summary:
        return article.summary.value
    first = next((b.text for b in article.doc.blocks if b.kind == "paragraph"), None)
    if first is None:
        return None
    return first if len(first) <= 200 else first[:197].rsplit(" ", 1)[0] + "…"


# A lede on an event page: a sentence or two, enough to compare how outlets told it.
LEDE_MAX_CHARS = 240
# A body paragraph shorter than this, or with no sentence end, is a caption, a byline
# or a stray line of furniture that cleaning kept, not the report's lede.
LEDE_MIN_WORDS = 12


def _lede(article: Article) -> str | None:
    """The report's lede: its standfirst, else its first body paragraph that reads as
    prose (enough words, a sentence end), else its first paragraph; shortened."""
    if article.summary and article.summary.value.strip():
        return _shorten(article.summary.value, LEDE_MAX_CHARS)
    paragraphs = [b.text for b in article.doc.blocks if b.kind == "paragraph" and b.text.strip()]
    prose = [p for p in paragraphs if len(p.split()) >= LEDE_MIN_WORDS and any(c in p for c in ".!?")]
    first = (prose or paragraphs or [None])[0]
    return _shorten(first, LEDE_MAX_CHARS) if first else None


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def is_around_date(date: Field[DateValue] | None) -> bool:
    """Whether a date is too weak to be shown as the article's: inferred (from weekdays,
    anchors, an event) below ``around_below`` of data/review.yml; shown as "around" that
    day, with its reason."""
    return (
        date is not None
        and date.provenance.tier == "inferred"
        and date.provenance.confidence < load_rules("review")["date"]["around_below"]["value"]
    )


def format_article_date(date: Field[DateValue] | None) -> str:
    """The article's date as its pages write it: ``5 August 2015``, ``around 5 August 2015``
    (a weak inferred date, :func:`is_around_date`) or ``Undated``."""
    if date is None:
        return format_date(None)
    return ("around " if is_around_date(date) else "") + format_date(date.value)


def _date_header(date: Field[DateValue] | None) -> str:
    """The header's date: with its tier, or "around" and why when it is a weak inference."""
    if not is_around_date(date):
        return f"**Date:** {format_date(date.value if date else None)}{_tier_mark(date)}"
    assert date is not None
    p = date.provenance
    evidence = p.evidence if len(p.evidence) <= _REASON_CHARS else p.evidence[: _REASON_CHARS - 1] + "…"
    reason = f"no date written; inferred by {p.method} ({evidence}), confidence {p.confidence:.2f}"
    return f"**Date:** around {format_date(date.value)} *({escape_markdown(reason)})*"


# How much of a weak date's evidence its "around" header quotes (the provenance record below has it all).
_REASON_CHARS = 160


def _tier_mark(field: Field[Any] | None) -> str:
    if field is None:
        return ""
    tier = field.provenance.tier
    return f" *({tier})*" if tier in ("curated", "inferred") else ""


# The language most archives are in: shown on an article's page only when it is
# another (every page carries it as the content's lang attribute, main.html), so that
# "en" is not a word on every page that search finds ("Enjoying" matched it).
SHOWN_UNLESS_LANGUAGE = "en"


def _article_header(article: Article, archive: Archive, path: str, sitemap: SiteMap, publish_seeds: bool) -> list[str]:
    parts = [_date_header(article.date)]
    if article.outlet:
        link = relative_link(path, sitemap.outlet(article.outlet.value))
        parts.append(f"**Outlet:** [{escape_markdown(article.outlet.value)}]({link}){_tier_mark(article.outlet)}")
    else:
        parts.append("**Outlet:** unknown")
    if article.doc.dateline:
        parts.append(f"**Dateline:** {escape_markdown(article.doc.dateline)}")
    if article.doc.language and article.doc.language != SHOWN_UNLESS_LANGUAGE:
        parts.append(f"**Language:** {escape_markdown(article.doc.language)}")
    lines = [" · ".join(parts), "{: .na-meta }", ""]
    lines += _source_links(article, path, publish_seeds)
    if article.actor_ids:
        links = [
            f"[{escape_markdown(archive.actor(i).name)}]({relative_link(path, sitemap.actor(i))})" for i in article.actor_ids
        ]
        lines += [f"**Actors:** {', '.join(links)}", "{: .na-meta }", ""]
    return lines


def _source_links(article: Article, path: str, publish_seeds: bool) -> list[str]:
    """Where the record comes from: the seed as saved (published under data/seeds/ when the
    archive allows it), the article where it was published and its Wayback Machine
    address, when the URL is known."""
    links = []
    if publish_seeds:
        name = posixpath.basename(article.source_path)
        saved = quote(relative_link(path, SiteMap.saved_seed(article.source_path)), safe="/")
        links.append(f"[Saved page ({escape_markdown(name)})]({saved})")
    destination = link_destination(article.source_url.value) if article.source_url else None
    if destination is not None:
        host = escape_markdown(urlsplit(destination).hostname or "")
        links += [f"[Original article ({host})]({destination})", f"[Wayback Machine copy]({wayback_link(destination)})"]
    return [" · ".join(links), "{: .na-meta .na-sources }", ""] if links else []


def _article_footer(article: Article, event: Event | None, archive: Archive, path: str, sitemap: SiteMap) -> list[str]:
    if event is None:
        return []
    # Out of the search index: the event's title and the other reports' headlines are
    # other pages' words (a search for one would find every article of the event).
    lines = [
        '<div class="na-related" data-pagefind-ignore="all" markdown>',
        "",
        "---",
        "",
        f"**Event:** [{escape_markdown(event.title)}]({relative_link(path, sitemap.event(event.id))})"
        f" · {format_date(event.date)}",
        "",
    ]
    others = [archive.article(i) for i in event.article_ids if i != article.id]
    if others:
        lines += ["**Other reports of this event:**", ""]
        lines += [f"- {article_line(o, path, sitemap)}" for o in newest_first(others)] + [""]
    return lines + ["</div>", ""]


def article_line(article: Article, src: str, sitemap: SiteMap) -> str:
    outlet = escape_markdown(article.outlet.value) if article.outlet else "unknown outlet"
    date = format_article_date(article.date)
    return f"[{escape_markdown(article.title.value)}]({relative_link(src, sitemap.article(article.id))}) — {outlet}, {date}"


def _cleaning_record(article: Article) -> list[str]:
    removed = article.doc.removed
    if not removed:
        return []
    lines = [f'??? note "Cleaning record: {count_noun(len(removed), "line")} removed as page furniture"', ""]
    lines += ["    | Line | Rule | Why | Text |", "    |---:|---|---|---|"]
    for r in removed:
        lines.append(f"    | {r.line_no} | `{r.rule}` | {escape_cell(rule_reason(r.rule))} | {escape_cell(r.text)} |")
    return lines + [""]


def _provenance_record(article: Article) -> list[str]:
    lines = ['??? info "Where this record comes from"', ""]
    lines += ["    | Field | Value | Source | Method | Evidence | Confidence |", "    |---|---|---|---|---|---:|"]
    for name, field in list_article_fields(article):
        if field is None:
            lines.append(f"    | {name} | *none found* | | | | |")
            continue
        value = field.value.iso() if isinstance(field.value, DateValue) else str(field.value)
        p = field.provenance
        lines.append(
            f"    | {name} | {escape_cell(value)} | {p.tier} | `{p.method}` | {escape_cell(p.evidence)} | {p.confidence:.2f} |"
        )
    lines += ["", f"    Source file {code_span(article.source_path)}, SHA-256 `{article.sha256}`.", ""]
    return lines


# --- actors -----------------------------------------------------------------------------


def render_actor_page(actor: Actor, archive: Archive, sitemap: SiteMap) -> Page:
    """One actor: spellings, articles newest first, events, frequent co-actors."""
    path = sitemap.actor(actor.id)
    articles = newest_first(archive.article(i) for i in actor.article_ids)
    lines = [f"# {escape_markdown(actor.name)} {ACTOR_SEARCH_WEIGHT}", "", f"**Type:** {actor.type}", "{: .na-meta }", ""]
    if actor.description:
        lines += [escape_markdown(actor.description), ""]
    dated = [a.date.value for a in articles if a.date]
    undated = len(articles) - len(dated)
    if dated:
        # "dated", not "seen": an undated article may be older or newer than these
        first, last = min(dated, key=lambda d: d.date), max(dated, key=lambda d: d.date)
        note = f" ({count_noun(undated, 'undated article')} not counted)" if undated else ""
        lines += [f"**First dated:** {format_date(first)} · **Last dated:** {format_date(last)}{note}", ""]
    lines += ["**Spellings seen:** " + ", ".join(f"“{escape_markdown(s)}”" for s in actor.surfaces), ""]
    roles = _roles_of(actor, articles)
    if roles:
        lines += ["**Roles:** " + "; ".join(f"{escape_markdown(r)}, in {_plural(n, 'article')}" for r, n in roles), ""]
    chart = render_bar_chart(count_by_period(d.date for d in dated), f"Articles naming {actor.name}, over time", "articles")
    if chart:
        lines += ["## Mentions over time", "", chart, ""]
        if undated:
            lines += [describe_left_out(undated, "article"), "{: .na-meta }", ""]
    lines += [f"## Articles ({len(articles)})", ""]
    for a in articles:
        lines.append(f"- {article_line(a, path, sitemap)}")
        # a blank line before, "    >" between and a blank line after: else Markdown runs
        # the quotes into the item's line as text ("— BBC > “...” > “...”"), or the next
        # item into the quote
        quotes = _mention_contexts(actor, a)
        for i, quote in enumerate(quotes):
            lines += ["", f"    > {quote}"] if i == 0 else ["    >", f"    > {quote}"]
        if quotes:
            lines.append("")
    lines.append("")
    if events := archive.events_of_actor(actor.id):
        lines += ["## Events", ""]
        lines += [f"- {event_line(e, path, sitemap)}" for e in events_newest_first(events)] + [""]
    co = Counter(other for a in articles for other in a.actor_ids if other != actor.id)
    if co:
        lines += ["## Often appears with", "", "| Actor | Articles together |", "|---|---:|"]
        for other, count in sorted(co.items(), key=lambda kv: (-kv[1], archive.actor(kv[0]).name))[:10]:
            lines.append(f"| [{escape_cell(archive.actor(other).name)}]({relative_link(path, sitemap.actor(other))}) | {count} |")
        lines.append("")
    meta = [
        ("title", actor.name),
        ("actor_type", actor.type),
        ("aliases", list(actor.surfaces)),
        ("search_names", compose_actor_search_names(actor)),
        ("known_as", compose_actor_known_as(actor)),
        ("generator", GENERATED_MARKER),
    ]
    return Page(path, tuple(meta), "\n".join(lines))


# An actor page quotes at most this many sentences of one article: enough to show how it
# names the actor, short enough that the list of articles stays a list.
_CONTEXTS_PER_ARTICLE = 2


def _actor_mentions(actor: Actor, article: Article) -> list[Mention]:
    spellings = set(actor.surfaces)
    return [m for m in article.mentions if m.surface in spellings]


def _roles_of(actor: Actor, articles: Sequence[Article]) -> list[tuple[str, int]]:
    """Each role written before the actor's name, with how many articles use it, most used first."""
    counts: Counter[str] = Counter()
    for a in articles:
        counts.update({m.role for m in _actor_mentions(actor, a) if m.role})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _mention_contexts(actor: Actor, article: Article) -> list[str]:
    """The sentences of an article that name the actor, escaped, each with the role used there."""
    out: list[str] = []
    for m in _actor_mentions(actor, article):
        if m.context and len(out) < _CONTEXTS_PER_ARTICLE:
            role = f" ({escape_markdown(m.role)})" if m.role else ""
            out.append(f"“{escape_markdown(m.context)}”{role}")
    return out


def _plural(n: int, word: str) -> str:
    return count_noun(n, word)


# --- events -----------------------------------------------------------------------------


def events_newest_first(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date.date.isoformat() if e.date else "", e.id), reverse=True)


def event_line(event: Event, src: str, sitemap: SiteMap) -> str:
    return f"{format_date(event.date)}: [{escape_markdown(event.title)}]({relative_link(src, sitemap.event(event.id))})"


def render_event_page(event: Event, archive: Archive, sitemap: SiteMap) -> Page:
    """One event: actors, how each outlet reported it, related events before and after."""
    path = sitemap.event(event.id)
    lines = [f"# {escape_markdown(event.title)} {EVENT_SEARCH_WEIGHT}", "", f"**Date:** {format_date(event.date)}", "{: .na-meta }", ""]
    source = _title_source(event, archive, path, sitemap)
    if source:
        lines += [f"**Title:** {source}", "{: .na-meta }", ""]
    if event.actor_ids:
        links = [f"[{escape_markdown(archive.actor(i).name)}]({relative_link(path, sitemap.actor(i))})" for i in event.actor_ids]
        lines += [f"**Actors:** {', '.join(links)}", "{: .na-meta }", ""]
    lines += ["## How each outlet reported it", "", '<div class="grid cards" markdown>', ""]
    for article in (archive.article(i) for i in event.article_ids):
        outlet = escape_markdown(article.outlet.value) if article.outlet else "Unknown outlet"
        date = format_article_date(article.date)
        lines += [f"-   **{outlet}** · {date}", "", "    ---", ""]
        lines += [f"    [{escape_markdown(article.title.value)}]({relative_link(path, sitemap.article(article.id))})", ""]
        lead = _lede(article)
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
                lines += [f"**{label}:**", ""] + [f"- {event_line(e, path, sitemap)}" for e in group] + [""]
    meta: list[tuple[str, Any]] = [("title", event.title), ("date", event.date.iso() if event.date else None)]
    if is_event_searched(event):
        meta += [
            ("search_names", compose_event_search_names(event)),
            ("actor_spellings", compose_actor_names(event.actor_ids, archive)),
            ("reports", len(event.article_ids)),
        ]
    else:
        meta.append(("in_search", False))  # the search finds its one report instead
    meta.append(("generator", GENERATED_MARKER))
    return Page(path, tuple(meta), "\n".join(lines))


def _title_source(event: Event, archive: Archive, path: str, sitemap: SiteMap) -> str | None:
    """Where the event's title came from: the report whose headline or lead it is, or the archivist."""
    provenance = event.title_provenance
    if provenance is None:
        return None
    if provenance.tier == "curated" and event.title_article is None:
        return "named by the archivist"
    if event.title_article is None:
        return None
    article = archive.article(event.title_article)
    outlet = escape_markdown(article.outlet.value) if article.outlet else "a report"
    link = f"[{outlet}]({relative_link(path, sitemap.article(article.id))})"
    return f"the lead of {link} (no report states a headline)" if provenance.method == "report-lead" else f"the headline of {link}"


def _before(a: Event, b: Event) -> bool:
    return (a.date.date.isoformat() if a.date else "", a.id) < (b.date.date.isoformat() if b.date else "", b.id)


# --- outlets ----------------------------------------------------------------------------


def render_outlet_page(name: str, sitemap: SiteMap, articles: Sequence[Article]) -> Page:
    """One outlet: its ``articles`` (grouped by ``site.render_site`` in one pass), newest first."""
    path = sitemap.outlet(name)
    articles = newest_first(articles)
    lines = [f"# {escape_markdown(name)}", "", f"## Articles ({len(articles)})", ""]
    lines += [f"- {article_line(a, path, sitemap)}" for a in articles]
    return Page(path, (("title", name), ("generator", GENERATED_MARKER)), "\n".join(lines))


# --- home -------------------------------------------------------------------------------


def _check_first_count(archive: Archive, review_link: str) -> str:
    """"N records to check first, " linked to the Review page, or nothing when none is doubtful."""
    flagged = len(list_check_first(archive))
    return f"[{count_noun(flagged, 'record')} to check first]({review_link}), " if flagged else ""


def render_home_page(archive: Archive, sitemap: SiteMap, settings: Settings) -> Page:
    """What the archive holds, and its latest events."""
    path = sitemap.home
    dated = sorted(a.date.value.date for a in archive.articles if a.date)
    undated = len(archive.articles) - len(dated)
    span = f", from {format_date(DateValue(dated[0]))} to {format_date(DateValue(dated[-1]))}" if dated else ""
    if dated and undated:
        span += f" ({count_noun(undated, 'undated article')})"
    outlets = list_outlet_names(archive)
    lines = [
        f"# {escape_markdown(settings.archive_title)}",
        "",
        f"This archive holds **{count_noun(len(archive.articles), 'article')}** from **{count_noun(len(outlets), 'outlet')}**{span}, "
        f"grouped into **{count_noun(len(archive.events), 'event')}** and naming **{count_noun(len(archive.actors), 'actor')}**.",
        "",
        f"Browse [every article]({relative_link(path, sitemap.article_index)}), the [events timeline]({relative_link(path, sitemap.event_index)}),"
        f" the [actors]({relative_link(path, sitemap.actor_index)})"
        f" or the [outlets]({relative_link(path, sitemap.outlet_index)}), or search with the box at the top.",
        "",
        f"**For the archivist:** {_check_first_count(archive, relative_link(path, sitemap.review))}[{count_noun(count_review_items(archive), 'field')} to check]({relative_link(path, sitemap.review)}) "
        f"and {count_noun(len(archive.problems), 'input problem')}.",
        "",
        "## Latest events",
        "",
    ]
    latest = events_newest_first(archive.events)[: settings.home_latest]
    lines += [f"- {event_line(e, path, sitemap)}" for e in latest]
    lines += [
        "",
        "## Feeds and data",
        "",
        f"An [Atom feed]({relative_link(path, sitemap.feed)}) of the newest articles (each actor and event page links"
        " its own), and the whole archive as JSON:"
        f" [articles]({relative_link(path, sitemap.articles_data)}), [actors]({relative_link(path, sitemap.actors_data)})"
        f" and [events]({relative_link(path, sitemap.events_data)}), or as spreadsheets (CSV):"
        f" [articles]({relative_link(path, sitemap.articles_csv)}), [actors]({relative_link(path, sitemap.actors_csv)})"
        f" and [events]({relative_link(path, sitemap.events_csv)}).",
    ]
    return Page(path, (("title", "Home"), ("generator", GENERATED_MARKER)), "\n".join(lines))
