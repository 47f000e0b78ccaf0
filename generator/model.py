"""The things that flow through the pipeline, each defined once.

Every stage is a pure function from some of these to others:

    Seed ──clean──▶ CleanDoc ──extract──▶ Article ──resolve──▶ Actor
                                              └─────group─────▶ Event
    (Article, Actor, Event) ──render──▶ Page ──write──▶ disk

All are frozen: a stage that wants to change a value builds a new one with
``dataclasses.replace``. Collections are tuples so that equal inputs give
equal (and identically ordered) outputs, which keeps the site deterministic.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

# Where a value came from, weakest first. A value from a later tier always wins
# over one from an earlier tier, whatever their confidences: the archivist's word
# beats the extractor's, and something the text says beats something we inferred.
# This tuple is the single written-down statement of that precedence.
TIERS: tuple[str, ...] = ("default", "inferred", "extracted", "curated")
Tier = Literal["default", "inferred", "extracted", "curated"]


@dataclass(frozen=True)
class Provenance:
    """How a value was found.

    ``method`` names the rule (``"byline"``, ``"url-path"``, ``"sidecar"`` ...),
    ``evidence`` quotes the text that supports it, ``confidence`` is 0..1, and
    ``tier`` places it in the precedence order of :data:`TIERS`.
    """

    method: str
    evidence: str
    confidence: float
    tier: Tier = "extracted"

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
            "tier": self.tier,
        }


@dataclass(frozen=True)
class Field(Generic[T]):
    """A value together with where it came from."""

    value: T
    provenance: Provenance


def choose(*candidates: Field[T] | None) -> Field[T] | None:
    """Pick the winning field: highest tier first, then highest confidence.

    Ties keep the earliest candidate, so callers list candidates in the order
    they prefer them.
    """
    best: Field[T] | None = None
    for cand in candidates:
        if cand is None:
            continue
        if best is None or _rank(cand) > _rank(best):
            best = cand
    return best


def _rank(f: Field[Any]) -> tuple[int, float]:
    return (TIERS.index(f.provenance.tier), f.provenance.confidence)


Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class DateValue:
    """A publication date and how much of it is known.

    With precision ``"month"`` the day is 1; with ``"year"`` month and day are 1.
    """

    date: _dt.date
    precision: Precision = "day"

    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` according to precision."""
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


# --------------------------------------------------------------------------- date evidence
# What a text says about its own date (read by extract/dates/, decided there too): kept on
# an Article so story dating (resolve/story.py) can decide again with other articles' dates.

DateRole = Literal["published", "updated", "date-line", "dateline-prefix", "caption", "lead", "photo", "far-stamp"]
Tense = Literal["past", "future"]


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date-looking span of one text, parsed; ``year``/``day`` None when not written."""

    start: int
    end: int
    text: str
    month: int
    day: int | None
    year: int | None
    weekday: int | None = None  # a weekday written right before the date


@dataclass(frozen=True, slots=True)
class DateClue:
    """A span with the role its position gives it (what kind of date it is)."""

    span: DateSpan
    role: DateRole
    in_line: bool  # the block is a date line, not prose
    evidence: str
    line_no: int = 0  # the seed line of its block (0: unknown)


@dataclass(frozen=True, slots=True)
class WeekdayMention:
    """A weekday named in the text ("on Thursday"), past or still ahead."""

    weekday: int  # 0 = Monday
    tense: Tense
    evidence: str


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """Everything a clean document says about its own date, read once per document:
    the dated spans with their roles, the weekdays it names, and its URL's date."""

    clues: tuple[DateClue, ...]
    mentions: tuple[WeekdayMention, ...]
    url: Field[DateValue] | None
    latest_year: int | None = None  # the latest year the blocks write ("2016", "/2016/11/")
    usual_year: int | None = None  # the year the body writes most outside full dates (ties: the latest)


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, reported to the archivist."""

    path: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return f"{self.severity}: {self.path}: {self.message}"


@dataclass(frozen=True)
class Seed:
    """One raw article file as read from ``seeds/``, plus its curated sidecar."""

    id: str  # the file's stem: stable, and what the archivist sees
    path: str  # as given, for messages and front matter
    text: str  # decoded, line ends normalised to "\n"
    sha256: str  # of the raw bytes
    encoding: str = "utf-8"
    curated: tuple[tuple[str, Any], ...] = ()  # (key, value) from <stem>.meta.yml
    # Keys of ``curated`` that came from the seed's own front matter, not a sidecar.
    front_matter_keys: tuple[str, ...] = ()
    # What an HTML page says about itself (<title>, canonical URL, published-time
    # meta) as (key, value, evidence): the page's claim, so extracted, not curated.
    stated: tuple[tuple[str, str, str], ...] = ()


# "meta" holds page metadata that is neither body nor furniture (a line that is
# only the publication date): shown in the header, still evidence for extractors.
BlockKind = Literal["title", "summary", "paragraph", "bullets", "caption", "heading", "meta"]


@dataclass(frozen=True)
class Block:
    """One structural unit of an article's clean text.

    ``text`` is plain text as written (never Markdown: rendering escapes it);
    ``items`` holds the entries of a ``bullets`` block.
    """

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    line_no: int = 0  # first line in the seed, 1-based

    def plain(self) -> str:
        """All the words of the block as one string."""
        return " ".join(self.items) if self.kind == "bullets" else self.text


@dataclass(frozen=True)
class Removed:
    """A seed line dropped as page furniture, with the rule that dropped it."""

    line_no: int
    text: str
    rule: str


@dataclass(frozen=True)
class Doubt:
    """How likely an extracted headline or body is right, and why it may not be.

    ``probability`` is calibrated on the dev corpus (of values at p, about p are right);
    ``reason`` says, for a reader, what may be wrong ("headline may be a sidebar story",
    "body may include other stories"), ``None`` when nothing points anywhere.
    """

    probability: float
    reason: str | None = None


@dataclass(frozen=True)
class CleanDoc:
    """A seed after cleaning: structure kept, furniture set aside (not lost).

    Furniture is kept in ``removed`` because it is still evidence: an outlet that
    names itself only in its donation appeal is still that outlet.
    """

    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...]
    source_url: str | None = None
    dateline: str | None = None
    # The article body's language (ISO 639-1, py3langid), None when unknown.
    language: str | None = None
    # The site's part split off the headline ("BBC News" of "... - BBC News"):
    # evidence of the outlet.
    title_site: str | None = None
    # How likely the headline (title block) and the body are right (extract/headline.py,
    # extract/article_span.py); None when no model judged them (no headline, an HTML page).
    title_doubt: Doubt | None = None
    body_doubt: Doubt | None = None

    def of_kind(self, kind: BlockKind) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == kind)

    @property
    def title(self) -> str | None:
        titles = self.of_kind("title")
        return titles[0].text if titles else None

    def body_blocks(self) -> tuple[Block, ...]:
        """Blocks that make up the article's body (not title, not captions)."""
        return tuple(b for b in self.blocks if b.kind in ("paragraph", "bullets", "heading"))

    def body_text(self) -> str:
        """The body as plain text, blocks separated by blank lines."""
        return "\n\n".join(b.plain() for b in self.body_blocks())


ActorType = Literal["person", "organisation", "state", "other"]


@dataclass(frozen=True)
class Mention:
    """One surface form of an actor found in one article."""

    surface: str  # as written: "Mouaz Al Khatib"
    type: ActorType
    count: int = 1
    method: str = "gazetteer"  # which rule found it
    canonical_hint: str | None = None  # a gazetteer's canonical name, when known
    role: str | None = None  # the title or role written before a person's name ("Secretary of State")
    context: str | None = None  # the sentence of its first use, for the actor page


@dataclass(frozen=True)
class Article:
    """Everything extracted (or curated) about one seed."""

    id: str
    source_path: str
    sha256: str
    title: Field[str]
    doc: CleanDoc
    date: Field[DateValue] | None = None
    outlet: Field[str] | None = None
    source_url: Field[str] | None = None
    summary: Field[str] | None = None
    # The people the byline names, in its order (extract/bylines.py); never an outlet or a role.
    authors: Field[tuple[str, ...]] | None = None
    # What the clean text says about its date, read once (extract/dates/) and
    # kept only when story dating may resolve it again with other articles' dates as
    # anchors (the date is missing or not day-precise, and not curated).
    date_evidence: DateEvidence | None = None
    mentions: tuple[Mention, ...] = ()
    actor_ids: tuple[str, ...] = ()  # filled by actor resolution, in order of prominence
    curated_event: str | None = None  # an event id the archivist assigned
    # Fields the archivist set to null: "there is none", so not a gap to review.
    curated_none: tuple[str, ...] = ()

    @property
    def sort_key(self) -> tuple[str, str]:
        """Newest-first sorting key helper: undated sort last when reversed."""
        return (self.date.value.date.isoformat() if self.date else "", self.id)


@dataclass(frozen=True)
class Actor:
    """One real-world person, organisation or state, however it was spelled."""

    id: str  # slug, used in URLs
    name: str  # canonical name
    type: ActorType
    surfaces: tuple[str, ...]  # every spelling seen, sorted
    article_ids: tuple[str, ...]  # articles that mention it
    description: str | None = None


@dataclass(frozen=True)
class Event:
    """A happening reported by one or more articles."""

    id: str  # slug, used in URLs; stable once assigned
    title: str
    date: DateValue | None
    article_ids: tuple[str, ...]
    actor_ids: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # ids of other events of the same story
    # where the title came from: which report's headline or lead, or the archivist
    title_provenance: Provenance | None = None
    title_article: str | None = None  # the id of the report that gave the title, if one did


@dataclass(frozen=True)
class Archive:
    """The whole extracted archive, ready to render."""

    articles: tuple[Article, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    problems: tuple[Problem, ...] = ()

    # Lookups by id are indexed once per archive (cached_property writes to the
    # instance's __dict__, which a frozen dataclass allows): rendering looks up every
    # article's actors and events, and a scan per lookup was quadratic (237 s of
    # rendering at 10,000 articles). ``dataclasses.replace`` makes a new archive,
    # with fresh indexes.
    @cached_property
    def _by_id(self) -> dict[str, dict[str, Any]]:
        return {
            "article": {a.id: a for a in self.articles},
            "actor": {a.id: a for a in self.actors},
            "event": {e.id: e for e in self.events},
        }

    @cached_property
    def _event_by_article(self) -> dict[str, Event]:
        first: dict[str, Event] = {}
        for event in self.events:
            for article_id in event.article_ids:
                first.setdefault(article_id, event)
        return first

    @cached_property
    def _events_by_actor(self) -> dict[str, tuple[Event, ...]]:
        # Through each article's events: comparing every actor with every event
        # was quadratic (8 million set intersections at 10,000 articles).
        positions: dict[str, list[int]] = {}
        for position, event in enumerate(self.events):
            for article_id in event.article_ids:
                positions.setdefault(article_id, []).append(position)
        return {
            actor.id: tuple(self.events[p] for p in sorted({p for a in actor.article_ids for p in positions.get(a, ())}))
            for actor in self.actors
        }

    def article(self, article_id: str) -> Article:
        return self._by_id["article"][article_id]

    def actor(self, actor_id: str) -> Actor:
        return self._by_id["actor"][actor_id]

    def event(self, event_id: str) -> Event:
        return self._by_id["event"][event_id]

    def event_of(self, article_id: str) -> Event | None:
        """The (first) event that holds the article, or ``None``."""
        return self._event_by_article.get(article_id)

    def events_of_actor(self, actor_id: str) -> tuple[Event, ...]:
        """The events holding an article that names the actor, in the archive's order."""
        return self._events_by_actor.get(actor_id, ())


@dataclass(frozen=True)
class SeedCopy:
    """A seed published as saved, byte for byte, beside the pages (``Settings.publish_seeds``)."""

    path: str  # posix, relative to the output dir: "data/seeds/<file>"
    source: str  # the file's name in the seeds folder
    sha256: str  # of its bytes when the build read it: a file changed since is not published


@dataclass(frozen=True)
class Page:
    """One generated file: a Markdown page (front matter and body) or, with no front matter, a file's text."""

    path: str  # posix, relative to the output dir, e.g. "articles/foo.md"
    front_matter: tuple[tuple[str, Any], ...]
    body: str
