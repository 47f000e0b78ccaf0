"""The site map and permanent links: addresses follow titles and names, and every recorded address keeps working."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator.model import Actor, Archive, Article, Block, CleanDoc, DateValue, Event, Field, Provenance
from generator.publish.sitemap import (
    Permalink,
    absolute_url,
    assign_permalinks,
    page_url,
    parse_permalink_lock,
    render_permalink_lock,
    select_locked_event_ids,
)

PROV = Provenance("test", "", 1.0)


def _article(
    article_id: str, title: str, day: str | None = "2015-08-05", actors: tuple[str, ...] = (), sha256: str = "ab" * 32
) -> Article:
    date = Field(DateValue(dt.date.fromisoformat(day)), PROV) if day else None
    return Article(
        id=article_id,
        source_path=f"seeds/{article_id}.txt",
        sha256=sha256,
        title=Field(title, PROV),
        doc=CleanDoc((Block("paragraph", f"Text {sha256[:8]}."),), ()),  # the same bytes, the same text
        date=date,
        actor_ids=actors,
    )


def _actor(actor_id: str, name: str, surfaces: tuple[str, ...], articles: tuple[str, ...] = ("001",)) -> Actor:
    return Actor(actor_id, name, "person", surfaces, articles)


def _archive(articles=(), actors=(), events=()) -> Archive:
    return Archive(tuple(articles), tuple(actors), tuple(events))


def _assign(archive: Archive, lock=()):
    return assign_permalinks(archive, lock)


def _rebuild(before: Archive, after: Archive):
    """Build ``before`` with no lock, then ``after`` with the lock the first build wrote."""
    first = _assign(before)
    lock, problems = parse_permalink_lock(yaml.safe_load(render_permalink_lock(first.lock)), "permalinks.yml")
    assert not problems
    return first, _assign(after, lock)


KHATIB = _actor("moaz-al-khatib", "Moaz al-Khatib", ("Moaz al-Khatib", "Mouaz Al Khatib"))
KHATIB_SHORT = _actor("al-khatib", "al-Khatib", ("al-Khatib",))
KHATIB_MERGED = _actor("moaz-al-khatib", "Moaz al-Khatib", ("Moaz al-Khatib", "Mouaz Al Khatib", "al-Khatib"))
KHATIB_RENAMED = _actor("mouaz-al-khatib", "Mouaz al-Khatib", ("Moaz al-Khatib", "Mouaz Al Khatib"))
EVENT_A = Event("2015-08-05-talks", "Talks", DateValue(dt.date(2015, 8, 5)), ("001", "002"))


@pytest.mark.parametrize(
    "before, after, moved",
    [
        pytest.param(
            _archive([_article("001", "Russia invites opposition")]),
            _archive([_article("001", "Moscow invites the opposition")]),
            {"articles/2015-08-05-russia-invites-opposition.md": "articles/2015-08-05-moscow-invites-the-opposition.md"},
            id="new title",
        ),
        pytest.param(
            _archive([_article("001", "Talks", day=None)]),
            _archive([_article("001", "Talks", day="2012-12-28")]),
            {"articles/undated-talks.md": "articles/2012-12-28-talks.md"},
            id="curated date",
        ),
        pytest.param(
            _archive(actors=[KHATIB, KHATIB_SHORT]),
            _archive(actors=[KHATIB_MERGED]),
            {"actors/al-khatib.md": "actors/moaz-al-khatib.md"},
            id="two actors merged",
        ),
        pytest.param(
            _archive(actors=[KHATIB]),
            _archive(actors=[KHATIB_RENAMED]),
            {"actors/moaz-al-khatib.md": "actors/mouaz-al-khatib.md"},
            id="actor renamed, found by spellings",
        ),
        pytest.param(
            _archive(events=[EVENT_A, Event("2015-08-06-visit", "Visit", None, ("003",))]),
            _archive(events=[Event("2015-08-05-talks", "Talks", None, ("001", "002", "003"))]),
            {"events/2015-08-06-visit.md": "events/2015-08-05-talks.md"},
            id="two events merged",
        ),
        pytest.param(
            _archive([_article("001", "Talks")], actors=[KHATIB], events=[EVENT_A]),
            _archive([_article("001", "Talks")], actors=[KHATIB], events=[EVENT_A]),
            {},
            id="nothing changed",
        ),
    ],
)
def test_an_old_address_redirects_to_the_page_it_became(before, after, moved):
    first, second = _rebuild(before, after)
    assert dict(second.redirects) == moved
    current = {*second.sitemap.articles.values(), *second.sitemap.actors.values(), *second.sitemap.events.values()}
    assert set(moved.values()) <= current
    recorded = {p for e in second.lock for p in (e.path, *e.former)}
    assert {p for e in first.lock for p in (e.path, *e.former)} <= recorded, "an address was forgotten"


def test_a_removed_article_leaves_a_tombstone_that_survives_the_next_build():
    first, second = _rebuild(_archive([_article("001", "Talks"), _article("002", "Visit")]), _archive([_article("002", "Visit")]))
    assert [t.path for t in second.tombstones] == ["articles/2015-08-05-talks.md"]
    lock, _ = parse_permalink_lock(yaml.safe_load(render_permalink_lock(second.lock)), "x")
    third = _assign(_archive([_article("002", "Visit")]), lock)
    assert [t.path for t in third.tombstones] == ["articles/2015-08-05-talks.md"]
    back = _assign(_archive([_article("001", "Talks"), _article("002", "Visit")]), lock)
    assert back.sitemap.article("001") == "articles/2015-08-05-talks.md" and not back.tombstones


def test_an_address_once_given_is_never_given_to_another_page():
    # 001 moves away from "talks"; a new article titled "Talks" must not take the old address
    _, second = _rebuild(
        _archive([_article("001", "Talks")]),
        _archive([_article("001", "Moscow talks"), _article("002", "Talks")]),
    )
    assert second.sitemap.article("002") == "articles/2015-08-05-talks-2.md"
    assert dict(second.redirects) == {"articles/2015-08-05-talks.md": "articles/2015-08-05-moscow-talks.md"}


@pytest.mark.parametrize(
    "after, path, tombstones",
    [
        # renamed, the same bytes: the same article, at its address, with no tombstone and no -2 twin
        ([_article("renamed-001", "Talks", sha256="1" * 64)], {"renamed-001": "articles/2015-08-05-talks.md"}, []),
        # renamed, and a sidecar changed its title: the old address redirects to the new one
        ([_article("renamed-001", "Moscow talks", sha256="1" * 64)], {"renamed-001": "articles/2015-08-05-moscow-talks.md"}, []),
        # another text under a new name: a new article; the old one is gone
        ([_article("002", "Talks", sha256="2" * 64)], {"002": "articles/2015-08-05-talks-2.md"}, ["articles/2015-08-05-talks.md"]),
        # two new seeds with the old bytes cannot both be it: neither takes its address
        (
            [_article("x", "Talks", sha256="1" * 64), _article("y", "Talks", sha256="1" * 64)],
            {"x": "articles/2015-08-05-talks-2.md", "y": "articles/2015-08-05-talks-y.md"},
            ["articles/2015-08-05-talks.md"],
        ),
    ],
    ids=["renamed", "renamed and retitled", "replaced", "ambiguous"],
)
def test_a_renamed_seed_keeps_its_address(after, path, tombstones):
    _, second = _rebuild(_archive([_article("001", "Talks", sha256="1" * 64)]), _archive(after))
    assert dict(second.sitemap.articles) == path
    assert [t.path for t in second.tombstones] == tombstones
    if not tombstones:
        (entry,) = [e for e in second.lock if e.kind == "article"]
        assert entry.key == after[0].id and entry.sha256 == "1" * 64
        assert {old for old, _ in second.redirects} == set(entry.former)


def test_a_renamed_seed_keeps_its_events_id():
    lock = (
        Permalink("article", "001", "articles/2015-08-05-talks.md", sha256="1" * 64),
        Permalink("event", "2015-08-05-talks", "events/2015-08-05-talks.md", articles=("001",)),
    )
    assert select_locked_event_ids(lock, {"renamed-001": "1" * 64}) == {"renamed-001": "2015-08-05-talks"}
    assert select_locked_event_ids(lock, {"renamed-001": "2" * 64}) == {"001": "2015-08-05-talks"}


def test_event_ids_are_locked_by_every_article_of_the_event():
    lock = (Permalink("event", "2015-08-05-talks", "events/2015-08-05-talks.md", articles=("001", "002")),)
    assert select_locked_event_ids(lock) == {"001": "2015-08-05-talks", "002": "2015-08-05-talks"}


@pytest.mark.parametrize(
    "data, problem",
    [
        (None, None),
        ("text", "expected a mapping"),
        ({"articles": "x"}, "expected a list"),
        ({"articles": [{"key": "001", "path": "../../etc/passwd.md"}]}, "articles[0]"),
        ({"articles": [{"key": "001", "path": "actors/x.md"}]}, "articles[0]"),
        ({"actors": [{"key": "X", "path": "actors/x.md", "former": ["actors/a/b.md"]}]}, "actors[0]"),
        ({"events": [{"key": "e", "path": "events/e.md", "articles": [1]}]}, "events[0]"),
        ({"version": 9}, "version"),
    ],
)
def test_a_broken_lock_is_reported_and_never_stops_the_build(data, problem):
    entries, problems = parse_permalink_lock(data, "seeds/permalinks.yml")
    if problem is None:
        assert problems == ()
    else:
        assert any(problem in p.message for p in problems), problems
        assert all(p.path == "seeds/permalinks.yml" for p in problems)


def test_the_lock_round_trips_and_is_sorted():
    archive = _archive([_article("002", "B"), _article("001", "A")], actors=[KHATIB], events=[EVENT_A])
    text = render_permalink_lock(_assign(archive).lock)
    assert text.startswith("# ")
    entries, problems = parse_permalink_lock(yaml.safe_load(text), "x")
    assert not problems
    assert render_permalink_lock(entries) == text
    assert [e.path for e in entries if e.kind == "article"] == ["articles/2015-08-05-a.md", "articles/2015-08-05-b.md"]


@pytest.mark.parametrize(
    "path, url",
    [
        ("articles/2015-08-05-talks.md", "articles/2015-08-05-talks/"),
        ("actors/index.md", "actors/"),
        ("index.md", ""),
    ],
)
def test_page_urls_follow_mkdocs_directory_urls(path, url):
    assert page_url(path) == url
    assert absolute_url("https://me.github.io/repo", path) == "https://me.github.io/repo/" + url
