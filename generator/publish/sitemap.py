"""Where every page lives: the :class:`SiteMap`, and the permanent links that keep old addresses working.

The site map is built once per build (:func:`assign_permalinks`) and is the one
source of every address: pages link with it, exports and citations print its
URLs, redirects and tombstones (``moved.py``) stand at the addresses it left.

A page's address follows what it shows (an article's date and title, an actor's
name, an event's id), so that it stays readable. Every address ever assigned is
recorded in the lock file ``site_src/permalinks.yml`` (read by ``files/seeds.py``, written
by ``files/output.py``, committed with the seeds), under a stable identity:

* an article by its seed id, and by its content (the sha256 of the seed's bytes, then of
  its cleaned text): a seed renamed with its text unchanged, or saved anew under another
  name (other line ends, other furniture around the same article), is the same article,
  and keeps its address;
* an actor by its canonical name and its spellings: after a rename or a merge
  the lock's entry is found again by name, else by the spelling it shares most
  with a current actor, so both old addresses of two merged actors lead to
  the merged actor's page;
* an event by its id, which ``events.group_events`` keeps stable when given
  :func:`select_locked_event_ids` (every article of a locked event votes for
  its id), else by the current event holding its articles.

When a page moves, its old addresses become redirect pages
(``<folder>/<old slug>/index.html``, see ``moved.py``) to the new one. An address once assigned
is never given to another page: a new page whose natural address is taken gets
``-2``, ``-3`` ... When a page disappears (its seed was deleted, an actor is
no longer named anywhere), its address shows a *tombstone* page saying so and
linking to the index, and its entry stays in the lock marked ``removed``;
delete the entry by hand to retire the address for good.

Pure: reading and writing the lock is the caller's business.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Literal

import yaml

from generator.model import Actor, Archive, Article, Event, Problem
from generator.text import normalise_key, slugify, suffix_until_free

Kind = Literal["article", "actor", "event"]
KINDS: tuple[Kind, ...] = ("article", "actor", "event")
# The lock's section for each kind, which is also the kind's folder.
FOLDERS: dict[Kind, str] = {"article": "articles", "actor": "actors", "event": "events"}
LOCK_VERSION = 1
LOCK_HEADER = (
    "# Addresses of the archive's pages, kept by `newsarchive build`. Commit this file:\n"
    "# an address recorded here keeps working forever (a moved page leaves a redirect,\n"
    "# a removed one a tombstone). Delete an entry only to retire its address.\n"
)

# The pages and files whose address never changes.
HOME_PATH = "index.md"
ARTICLE_INDEX_PATH = "articles/index.md"
ACTOR_INDEX_PATH = "actors/index.md"
EVENT_INDEX_PATH = "events/index.md"
OUTLET_INDEX_PATH = "outlets/index.md"
REVIEW_PATH = "review.md"
FEED_PATH = "data/feed.xml"
ARTICLES_PATH = "data/articles.json"
ACTORS_PATH = "data/actors.json"
EVENTS_PATH = "data/events.json"
# The same records as spreadsheets (publish/spreadsheets.py).
ARTICLES_CSV_PATH = "data/articles.csv"
ACTORS_CSV_PATH = "data/actors.csv"
EVENTS_CSV_PATH = "data/events.csv"
# Each article's seed as saved (Settings.publish_seeds): data/seeds/<file name>, with
# ".txt" added to any other kind (an .html seed must never be served as a page of the
# site, nor an .md seed be read by MkDocs as one).
SAVED_SEEDS_FOLDER = "data/seeds"
SAVED_SEED_SUFFIX = ".txt"


@dataclass(frozen=True)
class SiteMap:
    """Where every page of the site lives, built once per build and read by every link.

    Articles, actors and events are found by id, outlets by name; the index
    pages, the review page and the data files have fixed addresses (class
    attributes). Paths are posix and relative to the output dir
    (``articles/<slug>.md``).
    """

    articles: Mapping[str, str]  # seed id -> page path
    actors: Mapping[str, str]  # actor id -> page path
    events: Mapping[str, str]  # event id -> page path
    outlets: Mapping[str, str]  # outlet name -> page path

    home: ClassVar[str] = HOME_PATH
    article_index: ClassVar[str] = ARTICLE_INDEX_PATH
    actor_index: ClassVar[str] = ACTOR_INDEX_PATH
    event_index: ClassVar[str] = EVENT_INDEX_PATH
    outlet_index: ClassVar[str] = OUTLET_INDEX_PATH
    review: ClassVar[str] = REVIEW_PATH
    feed: ClassVar[str] = FEED_PATH
    articles_data: ClassVar[str] = ARTICLES_PATH
    actors_data: ClassVar[str] = ACTORS_PATH
    events_data: ClassVar[str] = EVENTS_PATH
    articles_csv: ClassVar[str] = ARTICLES_CSV_PATH
    actors_csv: ClassVar[str] = ACTORS_CSV_PATH
    events_csv: ClassVar[str] = EVENTS_CSV_PATH

    def article(self, article_id: str) -> str:
        """The page of the article with this seed id."""
        return self.articles[article_id]

    def actor(self, actor_id: str) -> str:
        """The page of the actor with this id."""
        return self.actors[actor_id]

    def event(self, event_id: str) -> str:
        """The page of the event with this id."""
        return self.events[event_id]

    def outlet(self, name: str) -> str:
        """The page of the outlet with this name."""
        return self.outlets[name]

    @staticmethod
    def saved_seed(source_path: str) -> str:
        """Where the seed ``source_path`` (``seeds/<file>``) is published as saved: ``data/seeds/<file>[.txt]``."""
        name = posixpath.basename(source_path)
        return f"{SAVED_SEEDS_FOLDER}/{name}" + ("" if name.endswith(SAVED_SEED_SUFFIX) else SAVED_SEED_SUFFIX)

    def actor_feed(self, actor_id: str) -> str:
        """The Atom feed of the actor's articles: ``data/actor-<its page's slug>.xml``."""
        return _feed_path("actor", self.actors[actor_id])

    def event_feed(self, event_id: str) -> str:
        """The Atom feed of the event's articles: ``data/event-<its page's slug>.xml``."""
        return _feed_path("event", self.events[event_id])

    def of_kind(self, kind: Kind) -> Mapping[str, str]:
        """Id -> path of every article, actor or event page."""
        return {"article": self.articles, "actor": self.actors, "event": self.events}[kind]

    def all_paths(self) -> frozenset[str]:
        """Every page and data file the site map places."""
        fixed = (HOME_PATH, ARTICLE_INDEX_PATH, ACTOR_INDEX_PATH, EVENT_INDEX_PATH, OUTLET_INDEX_PATH, REVIEW_PATH)
        data = (FEED_PATH, ARTICLES_PATH, ACTORS_PATH, EVENTS_PATH, ARTICLES_CSV_PATH, ACTORS_CSV_PATH, EVENTS_CSV_PATH)
        feeds = [self.actor_feed(i) for i in self.actors] + [self.event_feed(i) for i in self.events]
        return frozenset(
            (*self.articles.values(), *self.actors.values(), *self.events.values(), *self.outlets.values(), *fixed, *data, *feeds)
        )


def _feed_path(kind: str, page_path: str) -> str:
    # flat in data/ (the generator owns data/<name>.xml); page slugs are unique within a kind
    return f"data/{kind}-{posixpath.basename(page_path)[: -len('.md')]}.xml"


@dataclass(frozen=True)
class Permalink:
    """One page's identity and every address it has had.

    ``key`` is the stable identity: the seed id of an article, the canonical
    name of an actor, the id of an event. ``path`` is the current page
    (``articles/<slug>.md``); ``former`` the paths that now redirect to it.
    """

    kind: Kind
    key: str
    path: str
    title: str = ""
    spellings: tuple[str, ...] = ()  # actors: every surface form
    articles: tuple[str, ...] = ()  # events: their article ids
    sha256: str = ""  # articles: of the seed's bytes, which a renamed seed keeps
    text_sha256: str = ""  # articles: of the cleaned text, which a renamed seed saved anew keeps
    former: tuple[str, ...] = ()
    removed: bool = False


@dataclass(frozen=True)
class Assignment:
    """Where every page lives in this build, and what each old address becomes."""

    sitemap: SiteMap
    lock: tuple[Permalink, ...]  # the lock to write back
    redirects: tuple[tuple[str, str], ...] = ()  # (old page path, current page path)
    tombstones: tuple[Permalink, ...] = field(default=())


# --- fresh addresses -----------------------------------------------------------------


def compose_fresh_sitemap(archive: Archive) -> SiteMap:
    """Where every page goes by title, name and id alone, before the permalink lock."""
    articles: dict[str, str] = {}
    taken: set[str] = set()
    for article in sorted(archive.articles, key=lambda a: a.id):
        stem = _article_slug(article)
        if stem in taken:
            stem = f"{stem}-{slugify(article.id, 40)}"
        taken.add(stem)
        articles[article.id] = f"articles/{stem}.md"
    return SiteMap(
        articles=articles,
        actors={a.id: f"actors/{a.id}.md" for a in archive.actors},
        events={e.id: f"events/{e.id}.md" for e in archive.events},
        outlets={name: f"outlets/{slugify(name)}.md" for name in list_outlet_names(archive)},
    )


def _article_slug(article: Article) -> str:
    prefix = article.date.value.iso() if article.date else "undated"
    return f"{prefix}-{slugify(article.title.value, 60)}"


def list_outlet_names(archive: Archive) -> list[str]:
    """Every outlet named by an article, sorted case-insensitively: the order of the outlet pages."""
    return sorted({a.outlet.value for a in archive.articles if a.outlet}, key=str.casefold)


# --- reading and writing the lock --------------------------------------------------


def parse_permalink_lock(data: object, path: str) -> tuple[tuple[Permalink, ...], tuple[Problem, ...]]:
    """The lock's entries from its parsed YAML; a malformed entry is reported and skipped.

    A broken lock must never stop a build: the worst case is that an old
    address is not redirected, which the build reports.
    """
    if data is None:
        return (), ()
    if not isinstance(data, Mapping):
        return (), (Problem(path, "expected a mapping with articles, actors and events"),)
    problems: list[Problem] = []
    if data.get("version", LOCK_VERSION) != LOCK_VERSION:
        problems.append(Problem(path, f"version {data.get('version')!r} is not {LOCK_VERSION}; entries read as version {LOCK_VERSION}", "warning"))
    entries: list[Permalink] = []
    for kind in KINDS:
        section = FOLDERS[kind]
        raw = data.get(section) or []
        if not isinstance(raw, list):
            problems.append(Problem(path, f"{section}: expected a list of entries"))
            continue
        for i, item in enumerate(raw):
            entry = _parse_entry(kind, item)
            if entry is None:
                problems.append(Problem(path, f"{section}[{i}]: expected key, path (a {section}/….md page) and text fields"))
                continue
            entries.append(entry)
    return tuple(entries), tuple(problems)


def _parse_entry(kind: Kind, item: object) -> Permalink | None:
    if not isinstance(item, Mapping):
        return None
    key, path = item.get("key"), item.get("path")
    if not isinstance(key, str) or not key or not isinstance(path, str) or not _is_page_path(kind, path):
        return None
    texts = {name: item.get(name, []) or [] for name in ("spellings", "articles", "former")}
    if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in texts.values()):
        return None
    if not all(_is_page_path(kind, p) for p in texts["former"]):
        return None
    title = item.get("title", "")
    sha256 = item.get("sha256", "")
    text_sha256 = item.get("text_sha256", "")
    return Permalink(
        kind=kind,
        key=key,
        path=path,
        title=title if isinstance(title, str) else "",
        spellings=tuple(texts["spellings"]),
        articles=tuple(texts["articles"]),
        former=tuple(texts["former"]),
        removed=item.get("removed") is True,
        sha256=sha256 if isinstance(sha256, str) else "",
        text_sha256=text_sha256 if isinstance(text_sha256, str) else "",
    )


def _is_page_path(kind: Kind, path: str) -> bool:
    folder, _, name = path.partition("/")
    return folder == FOLDERS[kind] and name.endswith(".md") and "/" not in name and name not in (".md", "index.md")


# libyaml's emitter when PyYAML was built with it: the same text as safe_dump,
# several times faster on a lock of 20,000 rows.
_LockDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def render_permalink_lock(entries: Sequence[Permalink]) -> str:
    """The lock file's text: a header comment, then entries sorted by kind and path."""
    data: dict[str, Any] = {"version": LOCK_VERSION}
    for kind in KINDS:
        rows = []
        for e in sorted((e for e in entries if e.kind == kind), key=lambda e: (e.path, e.key)):
            row: dict[str, Any] = {"key": e.key, "path": e.path, "title": e.title}
            if e.sha256:
                row["sha256"] = e.sha256
            if e.text_sha256:
                row["text_sha256"] = e.text_sha256
            if e.spellings:
                row["spellings"] = list(e.spellings)
            if e.articles:
                row["articles"] = list(e.articles)
            if e.former:
                row["former"] = list(e.former)
            if e.removed:
                row["removed"] = True
            rows.append(row)
        data[FOLDERS[kind]] = rows
    dumped = yaml.dump(
        data, Dumper=_LockDumper, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    return LOCK_HEADER + dumped


def select_locked_event_ids(entries: Sequence[Permalink], contents: Mapping[str, str] | None = None) -> dict[str, str]:
    """Article id -> locked event id, for ``events.group_events(locked_ids=...)``.

    Every article of a locked event names it, so the event keeps its id as long
    as any of its articles is left (the smallest article id decides a split).
    ``contents`` (seed id -> sha256 of this build's seeds) lets a renamed seed
    vote under its new id, so its event keeps its id too (see :func:`match_renamed_articles`).
    """
    renamed = {old: new for new, old in match_renamed_articles(entries, contents or {}).items()}
    locked: dict[str, str] = {}
    for e in sorted((e for e in entries if e.kind == "event" and not e.removed), key=lambda e: e.key):
        for article_id in e.articles:
            locked.setdefault(renamed.get(article_id, article_id), e.key)
    return locked


def match_renamed_articles(
    entries: Sequence[Permalink], contents: Mapping[str, str], texts: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Seed id -> the locked article id it was before a rename: the seed's bytes are the
    same, else (``texts``) its cleaned text is (the page saved anew, other line ends or furniture).

    ``contents`` maps this build's seed ids to the sha256 of their bytes, ``texts`` to that of
    their cleaned text (:func:`hash_article_text`). Only an article whose id the lock does not
    know takes an entry whose id is gone, and only when one of each has that hash (copies are
    skipped when read, so a hash is one seed's): a rename, never a guess between two.
    """
    known = {e.key for e in entries if e.kind == "article"}
    matched: dict[str, str] = {}
    for field, hashes in (("sha256", contents), ("text_sha256", texts or {})):
        taken = set(matched.values())
        gone: dict[str, list[str]] = {}
        for e in entries:
            value = getattr(e, field)
            if e.kind == "article" and value and e.key not in contents and e.key not in taken:
                gone.setdefault(value, []).append(e.key)
        new: dict[str, list[str]] = {}
        for article_id, value in hashes.items():
            if article_id not in known and article_id not in matched and value:
                new.setdefault(value, []).append(article_id)
        matched.update({ids[0]: gone[h][0] for h, ids in new.items() if len(ids) == 1 and len(gone.get(h, ())) == 1})
    return matched


def hash_article_text(article: Article) -> str:
    """The sha256 of an article's cleaned text, case, punctuation and spacing folded: what
    the same page saved again (other line ends, other furniture around it) keeps."""
    text = normalise_key("\n".join(b.plain() for b in article.doc.blocks))
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""


# --- assigning addresses --------------------------------------------------------------


def assign_permalinks(archive: Archive, entries: Sequence[Permalink] = ()) -> Assignment:
    """Decide every page's path from its fresh path (by title, name, id) and the lock's ``entries``.

    The returned :class:`Assignment` holds the build's :class:`SiteMap`; outlet
    pages are not in the lock and keep their fresh paths.
    """
    fresh = compose_fresh_sitemap(archive)
    reserved = _reservations(entries)
    matches = {
        "article": _match_articles(archive, entries),
        "actor": _match_actors(archive.actors, [e for e in entries if e.kind == "actor"]),
        "event": _match_events(archive.events, [e for e in entries if e.kind == "event"]),
    }
    taken: set[str] = set()
    paths: dict[Kind, dict[str, str]] = {}
    new_entries: list[Permalink] = []
    redirects: list[tuple[str, str]] = []
    kinds: tuple[tuple[Kind, list[Any]], ...] = (
        ("article", sorted(archive.articles, key=lambda a: a.id)),
        ("actor", sorted(archive.actors, key=lambda a: a.id)),
        ("event", sorted(archive.events, key=lambda e: e.id)),
    )
    for kind, things in kinds:
        paths[kind] = {}
        fresh_paths = fresh.of_kind(kind)
        for thing in things:
            mine = matches[kind].get(thing.id, [])
            path = _choose_path(fresh_paths[thing.id], mine, reserved, taken)
            taken.add(path)
            paths[kind][thing.id] = path
            former = sorted({p for e in mine for p in (e.path, *e.former)} - {path})
            redirects += [(old, path) for old in former]
            new_entries.append(_entry_for(kind, thing, path, tuple(former)))
    tombstones = []
    matched = {id(e) for found in matches.values() for es in found.values() for e in es}
    for e in entries:
        if id(e) in matched or e.path in taken:
            continue
        gone = replace(e, removed=True, former=tuple(sorted(set(e.former) - taken - {e.path})))
        tombstones.append(gone)
        new_entries.append(gone)
        redirects += [(old, gone.path) for old in gone.former]
    current = taken | {t.path for t in tombstones}
    return Assignment(
        sitemap=replace(fresh, articles=paths["article"], actors=paths["actor"], events=paths["event"]),
        lock=tuple(new_entries),
        redirects=tuple(sorted({(old, new) for old, new in redirects if old not in current})),
        tombstones=tuple(sorted(tombstones, key=lambda t: t.path)),
    )


def _reservations(entries: Sequence[Permalink]) -> dict[str, int]:
    """Every recorded path -> the entry (by position) that owns it."""
    owner: dict[str, int] = {}
    for i, e in enumerate(entries):
        for p in (e.path, *e.former):
            owner.setdefault(p, i)
    return owner


def _choose_path(fresh: str, mine: Sequence[Permalink], reserved: Mapping[str, int], taken: set[str]) -> str:
    """The fresh path unless another identity holds it; then a recorded path of this one, or a suffix."""
    own = {p for e in mine for p in (e.path, *e.former)}

    def free(path: str) -> bool:
        return path not in taken and (path not in reserved or path in own)

    if free(fresh):
        return fresh
    for e in mine:
        if free(e.path) and not e.removed:
            return e.path
    # the first check (the fresh path itself) fails again: it was taken above
    return suffix_until_free(fresh[: -len(".md")], lambda stem: free(stem + ".md")) + ".md"


def _match_articles(archive: Archive, entries: Sequence[Permalink]) -> dict[str, list[Permalink]]:
    """Each lock entry to the article with its seed id, else to the renamed seed with its bytes."""
    ids = {a.id for a in archive.articles}
    renamed = match_renamed_articles(
        entries, {a.id: a.sha256 for a in archive.articles}, {a.id: hash_article_text(a) for a in archive.articles}
    )
    was = {old: new for new, old in renamed.items()}
    found: dict[str, list[Permalink]] = {}
    for e in entries:
        if e.kind != "article":
            continue
        article_id = e.key if e.key in ids else was.get(e.key)
        if article_id is not None:
            found.setdefault(article_id, []).append(e)
    return found


def _fold(names: Sequence[str]) -> set[str]:
    return {" ".join(n.split()).casefold() for n in names}


def _match_actors(actors: Sequence[Actor], entries: Sequence[Permalink]) -> dict[str, list[Permalink]]:
    """Each lock entry to the current actor it is: same name, else most spellings shared."""
    by_name = {n: a for a in sorted(actors, key=lambda a: a.id) for n in _fold([a.name])}
    found: dict[str, list[Permalink]] = {}
    for e in entries:
        actor = next((by_name[n] for n in _fold([e.key]) if n in by_name), None)
        if actor is None:
            known = _fold([e.key, *e.spellings])
            # most spellings shared, then the actor named in more articles, then the smaller id
            scored = sorted(
                ((-len(known & _fold([a.name, *a.surfaces])), -len(a.article_ids), a.id), a) for a in actors
            )
            actor = scored[0][1] if scored and scored[0][0][0] < 0 else None
        if actor is not None:
            found.setdefault(actor.id, []).append(e)
    return found


def _match_events(events: Sequence[Event], entries: Sequence[Permalink]) -> dict[str, list[Permalink]]:
    """Each lock entry to the event with its id, else to the event holding its first surviving article."""
    by_id = {e.id: e for e in events}
    of_article = {a: e for e in events for a in e.article_ids}
    found: dict[str, list[Permalink]] = {}
    for entry in entries:
        event = by_id.get(entry.key) or next((of_article[a] for a in sorted(entry.articles) if a in of_article), None)
        if event is not None:
            found.setdefault(event.id, []).append(entry)
    return found


def _entry_for(kind: Kind, thing: Any, path: str, former: tuple[str, ...]) -> Permalink:
    if kind == "article":
        return Permalink(
            "article", thing.id, path, thing.title.value, former=former, sha256=thing.sha256, text_sha256=hash_article_text(thing)
        )
    if kind == "actor":
        return Permalink("actor", thing.name, path, thing.name, spellings=tuple(thing.surfaces), former=former)
    return Permalink("event", thing.id, path, thing.title, articles=tuple(sorted(thing.article_ids)), former=former)


# --- URLs ------------------------------------------------------------------------------


def page_url(path: str) -> str:
    """The site-relative URL MkDocs gives a page with ``use_directory_urls``: ``articles/x/``."""
    if path == "index.md":
        return ""
    stem = path[: -len(".md")]
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def absolute_url(site_url: str, path: str) -> str:
    """The page's absolute URL under ``site_url``."""
    return site_url.rstrip("/") + "/" + page_url(path)


