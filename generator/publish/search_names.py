"""The names a page is found by in the search, beyond its text: what Pagefind reads as metadata.

Pagefind (1.5) searches a page's metadata fields too, and boosts a page whose field
holds the words searched by that field's weight (``metaWeights`` in
``plugin/theme/assets/javascripts/search.js``). The theme writes these strings into
hidden ``data-pagefind-meta`` fields (``plugin/theme/partials/search-facets.html``):

- an actor's page: its name and every spelling the actor resolution merged into it
  (field ``name``): "Kim Jong-un" finds the page that texts spell "Kim Jong Un"; and
  the spellings other than its name (field ``known_as``), so that the surname alone
  ranks first the person the texts call by it ("Trump": Donald Trump, whose
  spellings hold "Trump", before Ivanka Trump, whose do not);
- an event's page of two reports or more: its title (field ``event``);
- an article's and an event's page: the spellings of the actors it names (field
  ``names``), so a variant finds the same pages as the spelling the text used.

None of it is shown: a result's excerpt comes from the page's text only.

Each form is written as a search reads it: a hyphen or dash between letters is a
space ("Jong-un" -> "Jong un"; the search box does the same to a query), and a
possessive "’s" is dropped. Pagefind counts every distinct word of a field that a
query word is the prefix of, and squares that count into the boost: "Trump’s" beside
"Trump" would count twice (an event titled "Trump’s ..." outranked Donald Trump's page).
"""

from __future__ import annotations

import re
from typing import Iterable

from generator.model import Actor, Archive, Event

# "Jong-un", "Al‐Khatib", "Tayyip–Erdogan": letters on both sides of a hyphen or dash
_JOINED = re.compile(r"(?<=\w)[-‐‑‒–—](?=\w)")
# "Trump’s", "Assad's": a possessive at a word's end
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
# Between the forms of one field: not a word, so forms never run into each other.
FORM_SEPARATOR = " · "


def normalise_search_form(text: str) -> str:
    """``text`` as the search reads it: joined words apart, possessives off, one line."""
    return " ".join(_POSSESSIVE.sub("", _JOINED.sub(" ", text)).split())


def join_search_forms(forms: Iterable[str]) -> str:
    """The distinct normalised forms, in their first order, as one field value ("" for none)."""
    kept: list[str] = []
    seen: set[str] = set()
    for form in forms:
        normal = normalise_search_form(form)
        if normal and normal.casefold() not in seen:
            seen.add(normal.casefold())
            kept.append(normal)
    return FORM_SEPARATOR.join(kept)


def compose_actor_search_names(actor: Actor) -> str:
    """The actor's name first, then every spelling seen."""
    return join_search_forms((actor.name, *actor.surfaces))


def compose_actor_known_as(actor: Actor) -> str:
    """The spellings texts call the actor by other than its name ("Trump" for "Donald Trump")."""
    name = normalise_search_form(actor.name).casefold()
    return join_search_forms(s for s in actor.surfaces if normalise_search_form(s).casefold() != name)


def compose_event_search_names(event: Event) -> str:
    return join_search_forms((event.title,))


def compose_actor_names(actor_ids: Iterable[str], archive: Archive) -> str:
    """The names and spellings of every actor an article or event names."""
    forms: list[str] = []
    for actor_id in actor_ids:
        actor = archive.actor(actor_id)
        forms += [actor.name, *actor.surfaces]
    return join_search_forms(forms)


def is_event_searched(event: Event) -> bool:
    """An event of one report is that article under another address: the search finds the
    article, not both (its title and text are the report's headline and lede)."""
    return len(event.article_ids) > 1
