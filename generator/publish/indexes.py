"""The index pages of actors, events and outlets: lists that stay usable at 10,000 articles.

Each is plain Markdown a reader can use without script: the actors in one table in
alphabetical order with A–Z jump links, the events by year and month with jump links
to each. In the browser the theme's ``indexes.js`` adds to every ``.na-index`` block a
filter box, a facet per type (actors) and sorting by count; that is why a table is one
table, its rows in a fixed column order (name, type, count), and why cells carry no
alignment attribute (the stylesheet aligns counts: a style on every cell would be
bytes on every row of a 10,000-row page).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from generator.model import Actor, Archive, Page
from generator.publish.charts import count_by_period, count_noun, describe_left_out, render_bar_chart
from generator.publish.markdown import escape_cell, relative_link
from generator.publish.pages import article_line, event_line, events_newest_first, newest_first
from generator.publish.sitemap import SiteMap, list_outlet_names
from generator.settings import GENERATED_MARKER
from generator.text import MONTH_NAMES

TYPE_PLURALS = {"person": "people", "organisation": "organisations", "state": "states", "other": "others"}
# The jump target of names that start with no letter A to Z (a digit, a quote, a script
# without Latin letters).
OTHER_INITIAL = "#"


def initial_of(name: str) -> str:
    """The letter a name is filed under: its first letter without accents, upper case; ``#`` for anything else."""
    for char in unicodedata.normalize("NFKD", name):
        if char.isalnum():
            base = char.upper()
            return base if "A" <= base <= "Z" else OTHER_INITIAL
    return OTHER_INITIAL


def _anchor(initial: str) -> str:
    return "letter-other" if initial == OTHER_INITIAL else f"letter-{initial.lower()}"


def _jump_links(initials: list[str]) -> str:
    return " · ".join(f"[{'0–9 …' if i == OTHER_INITIAL else i}](#{_anchor(i)})" for i in initials)


def render_actor_index(archive: Archive, sitemap: SiteMap) -> Page:
    """All actors in one table, A to Z, with their type and article count, and jump links to each letter."""
    path = sitemap.actor_index
    actors = sorted(archive.actors, key=lambda a: (initial_of(a.name) == OTHER_INITIAL, initial_of(a.name), a.name.casefold()))
    types = Counter(a.type for a in actors)
    named = ", ".join(count_noun(types[t], t, TYPE_PLURALS[t]) for t in TYPE_PLURALS if types[t])
    lines = ["# Actors", "", f"{count_noun(len(actors), 'actor')} named in the archive: {named}.", ""]
    initials = list(dict.fromkeys(initial_of(a.name) for a in actors))
    if actors:
        lines += [_jump_links(initials), "{: .na-jump }", ""]
        lines += ['<div class="na-index" data-na-facet="2" markdown>', "", "| Actor | Type | Articles |", "|---|---|---|"]
        seen: set[str] = set()
        for actor in actors:
            lines.append(_actor_row(actor, path, sitemap, seen))
        lines += ["", "</div>", ""]
    return Page(path, (("title", "Actors"), ("generator", GENERATED_MARKER)), "\n".join(lines))


def _actor_row(actor: Actor, path: str, sitemap: SiteMap, seen: set[str]) -> str:
    # the first row of each letter carries the letter's anchor (a row cannot have an id in Markdown)
    initial = initial_of(actor.name)
    anchor = "" if initial in seen else f'<span id="{_anchor(initial)}"></span>'
    seen.add(initial)
    link = relative_link(path, sitemap.actor(actor.id))
    return f"| {anchor}[{escape_cell(actor.name)}]({link}) | {actor.type} | {len(actor.article_ids)} |"


def render_event_index(archive: Archive, sitemap: SiteMap) -> Page:
    """Events as a timeline by year and month, with jump links to each; undated ones in their own section."""
    path = sitemap.event_index
    lines = ["# Events", "", f"{count_noun(len(archive.events), 'event')}, newest first.", ""]
    dated = [e for e in events_newest_first(archive.events) if e.date]
    undated = [e for e in archive.events if not e.date]
    chart = render_bar_chart(count_by_period(e.date.date for e in dated), "Events over time", "events")
    if chart:
        lines += [chart, ""]
        if undated:
            lines += [describe_left_out(len(undated), "event") + " See [Undated](#undated).", "{: .na-meta }", ""]
    lines += _event_jumps(dated, bool(undated))
    year = month = None
    for event in dated:
        if event.date.date.year != year:
            year, month = event.date.date.year, None
            lines += [f"## {year}", ""]
        if event.date.precision != "year" and event.date.date.month != month:
            month = event.date.date.month
            lines += [f"### {MONTH_NAMES[month - 1]} {year}", ""]
        lines.append(f"- {event_line(event, path, sitemap)} ({count_noun(len(event.article_ids), 'article')})")
        lines.append("")
    if undated:
        lines += ["## Undated", ""] + [f"- {event_line(e, path, sitemap)}" for e in undated] + [""]
    return Page(path, (("title", "Events"), ("generator", GENERATED_MARKER)), "\n".join(lines))


def _event_jumps(dated: list, has_undated: bool) -> list[str]:
    """One line per year: the year, then its months, each a link to its heading (ids as MkDocs' toc makes them)."""
    months: dict[int, list[int]] = {}
    for event in dated:
        months.setdefault(event.date.date.year, [])
        if event.date.precision != "year" and event.date.date.month not in months[event.date.date.year]:
            months[event.date.date.year].append(event.date.date.month)
    if len(dated) < 2:
        return []
    lines = []
    for year, in_year in months.items():
        links = " ".join(f"[{MONTH_NAMES[m - 1][:3]}](#{MONTH_NAMES[m - 1].lower()}-{year})" for m in in_year)
        lines.append(f"- [**{year}**](#{year}){': ' + links if links else ''}")
    if has_undated:
        lines.append("- [Undated](#undated)")
    return ['<div class="na-jump" markdown>', "", *lines, "", "</div>", ""]


def render_outlet_index(archive: Archive, sitemap: SiteMap) -> Page:
    """All outlets with counts (a filter box and sorting in the browser), and the articles whose outlet is unknown."""
    path = sitemap.outlet_index
    counts = Counter(a.outlet.value for a in archive.articles if a.outlet)
    names = list_outlet_names(archive)
    lines = ["# Outlets", "", f"{count_noun(len(names), 'outlet')} published the articles of the archive.", ""]
    if names:
        lines += ['<div class="na-index" markdown>', "", "| Outlet | Articles |", "|---|---|"]
        for name in names:
            lines.append(f"| [{escape_cell(name)}]({relative_link(path, sitemap.outlet(name))}) | {counts[name]} |")
        lines += ["", "</div>", ""]
    unknown = newest_first(a for a in archive.articles if not a.outlet)
    if unknown:
        lines += ["## Outlet unknown", "", "The text of these articles does not say where they were published.", ""]
        lines += [f"- {article_line(a, path, sitemap)}" for a in unknown]
    return Page(path, (("title", "Outlets"), ("generator", GENERATED_MARKER)), "\n".join(lines))
