"""Tests for generator/events.py: grouping articles into news events."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest

from generator.resolve.event_decisions import EventOverrides, check_event_overrides, parse_event_overrides
from generator.resolve.events import (
    compose_event_id,
    group_events,
    rank_event_actors,
)
from generator.resolve.evidence import (
    ArchiveEvidence,
    EventThresholds,
    measure_similarity_pairs,
    measure_text_vectors,
    read_written_days,
    select_sharing_pairs,
    select_significant_actors,
)
from generator.model import Article, Block, CleanDoc, DateValue, Field, Provenance

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PROV = Provenance("test", "", 1.0, "extracted")


def date_value(text: str | None) -> DateValue | None:
    """``"2016-10-08"`` (day), ``"2016-10"`` (month), ``"2016"`` (year) or ``None``."""
    if text is None:
        return None
    parts = [int(p) for p in text.split("-")]
    precision = {3: "day", 2: "month", 1: "year"}[len(parts)]
    return DateValue(dt.date(*(parts + [1] * (3 - len(parts)))), precision)  # type: ignore[arg-type]


def make_article(
    article_id: str,
    day: str | None,
    actors: str,
    text: str,
    title: str = "A headline",
    summary: str | None = None,
    curated_event: str | None = None,
) -> Article:
    value = date_value(day)
    return Article(
        id=article_id,
        source_path=f"seeds/{article_id}.txt",
        sha256="0" * 64,
        title=Field(title, PROV),
        doc=CleanDoc(tuple(Block("paragraph", p) for p in text.split("\n") if p.strip()), ()),
        date=Field(value, PROV) if value else None,
        summary=Field(summary, PROV) if summary else None,
        actor_ids=tuple(actors.split()),
        curated_event=curated_event,
    )


def partition(events) -> list[list[str]]:
    return sorted(sorted(e.article_ids) for e in events)


def event_of(events, article_id: str):
    return next(e for e in events if article_id in e.article_ids)


# --- a synthetic archive ---------------------------------------------------------------

VETO_REUTERS = """Russia on Saturday vetoed a United Nations Security Council draft resolution demanding an immediate ceasefire in the Syrian city of Aleppo.
Russian ambassador Vitaly Churkin said the French-drafted text ignored the presence of militants in eastern Aleppo and would only help them regroup.
French foreign minister Jean-Marc Ayrault called the veto a cynical move that would prolong the suffering of civilians.
Eleven members voted in favour of the draft, while China and Angola abstained."""
VETO_AP = """Russia has blocked a French-drafted resolution at the United Nations Security Council calling for a halt to air strikes over Aleppo.
Vitaly Churkin, Moscow's envoy to the United Nations, told the council that the draft was politicised and ignored militants holed up in the city.
Jean-Marc Ayrault, the French foreign minister, said the Russian veto was cynical and blamed Moscow for the suffering of Aleppo's civilians.
China abstained, while eleven council members backed the text."""
VETO_AFP = """A day after Russia vetoed a Security Council resolution on Aleppo, France said it would seek a vote in the General Assembly instead.
Foreign minister Jean-Marc Ayrault said Vitaly Churkin's veto left the civilians of Aleppo without protection from air strikes, and that France would not give up."""
VETO_COPY = VETO_REUTERS.replace("on Saturday ", "").replace("Eleven members", "Eleven of the fifteen members")
VETO_EXPLAINER = """How does a veto work at the Security Council? Five permanent members, among them Russia, China and France, can block any resolution.
Russia has used its veto several times on Syria, most recently over Aleppo, while France has pushed for ceasefire resolutions.
Diplomats such as Vitaly Churkin and Jean-Marc Ayrault often trade accusations in the chamber, but the rules have not changed since 1945."""
LIRA = """The Turkish lira fell to a record low against the dollar on Saturday as investors worried about the independence of the central bank.
President Recep Tayyip Erdogan repeated his call for lower interest rates, saying high borrowing costs cause inflation.
The central bank kept its main rate unchanged at its last meeting, and economists expect it to hold again this month."""
EVACUATION = """Russia and France clashed again at the United Nations Security Council over the evacuation of civilians from eastern Aleppo.
Vitaly Churkin accused Paris of staging a show, while Jean-Marc Ayrault said the evacuation corridors were a trap for the wounded.
The council adjourned without a vote; China called for restraint."""
ANNIVERSARY = """A year after the battle for Aleppo, Russia and France still disagree at the Security Council about who is to blame for the siege.
Vitaly Churkin's successor repeated Moscow's line, and Jean-Marc Ayrault's successor at the foreign ministry repeated France's."""

VETO_ACTORS = "russia united-nations-security-council vitaly-churkin france jean-marc-ayrault china syria"


def archive() -> list[Article]:
    return [
        make_article("010_reuters", "2016-10-08", VETO_ACTORS, VETO_REUTERS, "Russia vetoes UN resolution on Aleppo ceasefire"),
        make_article("011_ap", "2016-10-08", VETO_ACTORS, VETO_AP, "Russia blocks UN Security Council resolution on Aleppo air strikes"),
        make_article("012_afp", "2016-10-09", "france jean-marc-ayrault vitaly-churkin russia", VETO_AFP, "France to seek General Assembly vote after Russian veto"),
        make_article("013_lira", "2016-10-08", "turkey recep-tayyip-erdogan central-bank-of-turkey", LIRA, "Turkish lira hits record low"),
        make_article("014_evac", "2016-10-20", VETO_ACTORS, EVACUATION, "Russia and France clash over Aleppo evacuation"),
        make_article("015_anniv", "2017-10-08", "russia france vitaly-churkin jean-marc-ayrault", ANNIVERSARY, "A year on, Aleppo still divides the council"),
    ]


def test_wire_copies_of_one_story_are_one_event() -> None:
    events = group_events(archive())
    assert event_of(events, "010_reuters").article_ids == ("010_reuters", "011_ap", "012_afp")
    assert event_of(events, "013_lira").article_ids == ("013_lira",)


def test_same_actors_on_other_days_are_separate_events_of_one_story() -> None:
    events = group_events(archive())
    veto, evac, anniv = (event_of(events, a) for a in ("010_reuters", "014_evac", "015_anniv"))
    assert len({veto.id, evac.id, anniv.id}) == 3
    assert veto.related == (evac.id,)  # twelve days apart: one story
    assert evac.related == (veto.id,)
    assert anniv.related == ()  # a year later: a new story
    assert event_of(events, "013_lira").related == ()  # same day, nobody in common


def test_daily_follow_ups_do_not_chain_into_one_event() -> None:
    # reports a few days apart may be one happening; a group never spans more than far_days (7)
    days = ["2016-10-08", "2016-10-12", "2016-10-16"]
    articles = [make_article(f"02{i}_day", d, VETO_ACTORS, VETO_REUTERS) for i, d in enumerate(days)]
    assert partition(group_events(articles)) == [["020_day", "021_day"], ["022_day"]]


def test_event_fields() -> None:
    events = group_events(archive())
    veto = event_of(events, "010_reuters")
    assert veto.id == "2016-10-08-russia-vetoes-un-resolution-on-aleppo-ceasefire"
    assert veto.title == "Russia vetoes UN resolution on Aleppo ceasefire"  # shortest headline of the day-dated ones
    assert veto.date == DateValue(dt.date(2016, 10, 8))
    # named by all three first (by their best place in an article), then by two, then the rest
    assert veto.actor_ids[:4] == ("russia", "france", "jean-marc-ayrault", "vitaly-churkin")
    assert veto.actor_ids[4:] == ("united-nations-security-council", "china", "syria")
    assert set(veto.actor_ids) == set(VETO_ACTORS.split())
    assert [e.date.iso() if e.date else None for e in events] == sorted(e.date.iso() for e in events)


@pytest.mark.parametrize(
    ("extra", "joins_veto"),
    [
        # a syndicated copy, undated, with the same actors: strong text and actor evidence
        (make_article("030_copy", None, VETO_ACTORS, VETO_COPY, "Russia vetoes Aleppo resolution"), True),
        # the same actors but an explainer, not a report of the vote: text too weak
        pytest.param(
            make_article("031_explainer", None, VETO_ACTORS, VETO_EXPLAINER, "How the veto works"),
            False,
            marks=pytest.mark.xfail(
                strict=True,
                reason="known false merge: in this seven-text archive the explainer names every actor of the "
                "vote and pairs first with AFP's follow-up (0.40), then the pair averages 0.26 with the wire "
                "reports, above the cut (0.23); no written day or date tells it apart",
            ),
        ),
        # the very text, though nothing is known about who is in it: the words are evidence enough
        (make_article("032_bare", None, "", VETO_COPY, "Russia vetoes Aleppo resolution"), True),
        # a month date compatible with the vote, strong evidence: joins
        (make_article("033_month", "2016-10", VETO_ACTORS, VETO_COPY, "Russia vetoes Aleppo resolution"), True),
        # a month date that cannot be the vote's: never, whatever the text
        (make_article("034_month", "2016-12", VETO_ACTORS, VETO_COPY, "Russia vetoes Aleppo resolution"), False),
    ],
)
def test_undated_article_joins_only_on_strong_evidence(extra: Article, joins_veto: bool) -> None:
    events = group_events([*archive(), extra])
    own = event_of(events, extra.id)
    assert (own is event_of(events, "010_reuters")) == joins_veto
    if not joins_veto:
        assert own.article_ids == (extra.id,)
        if extra.date is None:
            assert own.id.startswith("undated-") and own.date is None
            assert own.related == ()


def test_undated_articles_sort_last_in_an_event() -> None:
    extra = make_article("005_copy", None, VETO_ACTORS, VETO_COPY, "Russia vetoes Aleppo resolution")
    veto = event_of(group_events([*archive(), extra]), "010_reuters")
    assert veto.article_ids == ("010_reuters", "011_ap", "012_afp", "005_copy")
    # the copy's headline is the one closest to what the reports share (centrality first)
    assert veto.title == "Russia vetoes Aleppo resolution"


def test_adding_an_article_keeps_existing_event_ids() -> None:
    before = group_events(archive())
    locks = {article_id: e.id for e in before for article_id in e.article_ids}  # as the permalink lock records them
    assert locks["010_reuters"] == "2016-10-08-russia-vetoes-un-resolution-on-aleppo-ceasefire"
    # a later report with a shorter headline would retitle the event, and a new event
    # with the same date and title as an existing one would take its id
    added = [
        make_article("040_bbc", "2016-10-08", VETO_ACTORS, VETO_COPY, "Russia vetoes Aleppo text"),
        make_article("041_lira", "2016-10-08", "turkey", "A different happening entirely.", "Russia vetoes Aleppo text"),
    ]
    unlocked = group_events([*archive(), *added])
    assert event_of(unlocked, "010_reuters").id == "2016-10-08-russia-vetoes-aleppo-text"
    after = group_events([*archive(), *added], locked_ids=locks)
    for event in before:
        assert event_of(after, event.article_ids[0]).id == event.id
    assert event_of(after, "040_bbc").title == "Russia vetoes Aleppo text"  # the title may change, the id not
    assert event_of(after, "041_lira").id == "2016-10-08-russia-vetoes-aleppo-text"
    assert len({e.id for e in after}) == len(after)


def test_locked_id_claimed_by_two_events_stays_with_the_first_article() -> None:
    locks = {"010_reuters": "old-veto", "011_ap": "old-veto"}
    overrides = EventOverrides(split=(("010_reuters", "011_ap"),))
    events = group_events(archive(), overrides, locks)
    assert event_of(events, "010_reuters").id == "old-veto"
    assert event_of(events, "011_ap").id != "old-veto"


def test_colliding_ids_get_suffixes() -> None:
    articles = [
        make_article("050_a", "2016-10-08", "", "Apples are red.", "Same headline"),
        make_article("051_b", "2016-10-08", "", "Trains run late.", "Same headline"),
        make_article("052_c", "2016-10-08", "", "Snow fell.", "Same headline"),
    ]
    ids = [e.id for e in group_events(articles)]
    assert ids == ["2016-10-08-same-headline", "2016-10-08-same-headline-2", "2016-10-08-same-headline-3"]


def test_curated_event_keeps_its_articles_together_under_its_id() -> None:
    articles = [replace(a, curated_event="aleppo-lira") if a.id in ("013_lira", "015_anniv") else a for a in archive()]
    event = event_of(group_events(articles), "013_lira")
    assert event.id == "aleppo-lira"
    assert event.article_ids == ("013_lira", "015_anniv")


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_shuffled_input_gives_identical_output(seed: int) -> None:
    articles = archive() + [make_article("030_copy", None, VETO_ACTORS, VETO_COPY, "Russia vetoes Aleppo resolution")]
    overrides = EventOverrides(related=(("013_lira", "015_anniv"),))
    expected = group_events(articles, overrides)
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    assert group_events(shuffled, overrides) == expected


def test_empty_archive() -> None:
    assert group_events([]) == ()


def test_articles_without_any_words() -> None:
    articles = [make_article("060_a", "2016-10-08", "a b", ""), make_article("061_b", "2016-10-08", "a b", "")]
    assert partition(group_events([replace(a, title=Field("", PROV)) for a in articles])) == [["060_a"], ["061_b"]]


# --- overrides --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected_partition"),
    [
        # merge: the lira story and the evacuation are declared one event (with the lira's companions, none)
        (
            {"merge": [["013_lira", "014_evac"]]},
            [["010_reuters", "011_ap", "012_afp"], ["013_lira", "014_evac"], ["015_anniv"]],
        ),
        # split: the wire copies are declared different happenings; AFP still joins the closer
        # report (Reuters': words 0.21 and shared facts, Churkin, Ayrault, Aleppo; AP's 0.16)
        (
            {"split": [["010_reuters", "011_ap"]]},
            [["010_reuters", "012_afp"], ["011_ap"], ["013_lira"], ["014_evac"], ["015_anniv"]],
        ),
        # move to another article's event: AFP leaves the veto for the evacuation (days apart: overrides win)
        (
            {"move": {"012_afp": "014_evac"}},
            [["010_reuters", "011_ap"], ["012_afp", "014_evac"], ["013_lira"], ["015_anniv"]],
        ),
        # move alone, written as null or as "alone"
        ({"move": {"011_ap": None}}, [["010_reuters", "012_afp"], ["011_ap"], ["013_lira"], ["014_evac"], ["015_anniv"]]),
        ({"move": {"011_ap": "alone"}}, [["010_reuters", "012_afp"], ["011_ap"], ["013_lira"], ["014_evac"], ["015_anniv"]]),
        # "together" wins over "apart"
        (
            {"merge": [["010_reuters", "011_ap"]], "split": [["010_reuters", "011_ap"]]},
            [["010_reuters", "011_ap", "012_afp"], ["013_lira"], ["014_evac"], ["015_anniv"]],
        ),
        # unknown ids are ignored; the rest of the entry applies
        (
            {"merge": [["013_lira", "014_evac", "999_missing"]]},
            [["010_reuters", "011_ap", "012_afp"], ["013_lira", "014_evac"], ["015_anniv"]],
        ),
        # a move to an unknown article is ignored altogether
        (
            {"move": {"011_ap": "999_missing"}},
            [["010_reuters", "011_ap", "012_afp"], ["013_lira"], ["014_evac"], ["015_anniv"]],
        ),
    ],
)
def test_grouping_overrides(data: dict, expected_partition: list[list[str]]) -> None:
    overrides, problems = parse_event_overrides(data, "seeds/events.yml")
    assert problems == ()
    assert partition(group_events(archive(), overrides)) == expected_partition


def test_name_override_by_article_sets_title_and_new_id() -> None:
    data = {"name": [{"article": "011_ap", "title": "Russia vetoes Aleppo ceasefire"}]}
    overrides, _ = parse_event_overrides(data, "e.yml")
    event = event_of(group_events(archive(), overrides), "010_reuters")
    assert (event.title, event.id) == ("Russia vetoes Aleppo ceasefire", "2016-10-08-russia-vetoes-aleppo-ceasefire")


def test_name_override_by_event_id_sets_title_only() -> None:
    veto_id = "2016-10-08-russia-vetoes-un-resolution-on-aleppo-ceasefire"
    overrides, _ = parse_event_overrides({"name": [{"event": veto_id, "title": "The Aleppo veto"}]}, "e.yml")
    event = event_of(group_events(archive(), overrides), "010_reuters")
    assert (event.title, event.id) == ("The Aleppo veto", veto_id)


@pytest.mark.parametrize(
    ("data", "related_of_lira", "related_of_veto"),
    [
        ({"related": [["013_lira", "015_anniv"]]}, ["015_anniv"], ["014_evac"]),
        ({"unrelated": [["011_ap", "014_evac"]]}, [], []),
        # related wins over unrelated
        ({"related": [["010_reuters", "014_evac"]], "unrelated": [["010_reuters", "014_evac"]]}, [], ["014_evac"]),
        # a pair inside one event relates nothing
        ({"related": [["010_reuters", "011_ap"]]}, [], ["014_evac"]),
    ],
)
def test_related_overrides(data: dict, related_of_lira: list[str], related_of_veto: list[str]) -> None:
    overrides, problems = parse_event_overrides(data, "e.yml")
    assert problems == ()
    events = group_events(archive(), overrides)
    assert event_of(events, "013_lira").related == tuple(event_of(events, a).id for a in related_of_lira)
    assert event_of(events, "010_reuters").related == tuple(event_of(events, a).id for a in related_of_veto)


@pytest.mark.parametrize(
    ("data", "expected_messages"),
    [
        (None, []),
        ({}, []),
        (["merge"], ["expected a mapping"]),
        ({"merge": [["a", "b"]], "rename": {}}, ["unknown key 'rename'"]),
        ({"merge": "a b"}, ["merge: expected a list"]),
        ({"merge": [["a"]]}, ["merge[0]: list at least two"]),
        ({"split": [["a", 1]]}, ["split[0]: expected a list of article ids"]),
        ({"move": ["a", "b"]}, ["move: expected a mapping"]),
        ({"move": {"a": 3}}, ["move[a]: target 3"]),
        ({"move": {"a": "a"}}, ["move[a]: an article cannot move to its own event"]),
        ({"related": [["a", "b", "c"]]}, ["related[0]: expected a pair"]),
        ({"name": [{"article": "a"}]}, ["name[0]: 'title' must be non-empty"]),
        ({"name": [{"article": "a", "event": "e", "title": "T"}]}, ["name[0]: give exactly one"]),
        ({"name": [{"article": "a", "title": "T", "colour": "red"}]}, ["name[0]: unknown key(s) colour"]),
        ({"name": ["a"]}, ["name[0]: expected"]),
    ],
)
def test_parse_event_overrides_reports_problems(data: object, expected_messages: list[str]) -> None:
    _, problems = parse_event_overrides(data, "seeds/events.yml")
    assert len(problems) == len(expected_messages)
    for problem, expected in zip(problems, expected_messages):
        assert problem.path == "seeds/events.yml"
        assert expected in problem.message


@pytest.mark.parametrize(
    ("moves", "named", "kept"),
    [
        ({"a": "b", "b": "a", "c": "d"}, ["move[a] -> b and move[b] -> a"], (("c", "d"),)),
        ({"a": "b", "b": "c", "c": "a", "d": None}, ["move[a] -> b and move[b] -> c and move[c] -> a"], (("d", None),)),
        ({"x": "a", "a": "b", "b": "a"}, ["move[a] -> b and move[b] -> a"], (("x", "a"),)),  # x leads into it: kept
        ({"a": "b", "b": "c"}, [], (("a", "b"), ("b", "c"))),  # a chain ends: no circle
        ({"a": "b", "b": None}, [], (("a", "b"), ("b", None))),
    ],
)
def test_moves_in_a_circle_are_one_error_naming_each_and_left_out(moves: dict, named: list[str], kept: tuple) -> None:
    overrides, problems = parse_event_overrides({"move": moves}, "seeds/events.yml")
    assert overrides.move == kept
    assert [p.message.split(" move in a circle")[0] for p in problems] == named
    assert all(p.severity == "error" and "left out" in p.message for p in problems)


def test_an_event_title_over_its_limit_is_reported_and_left_out() -> None:
    data = {"name": [{"article": "a", "title": "T" * 501}, {"article": "b", "title": "T" * 500}]}
    overrides, problems = parse_event_overrides(data, "seeds/events.yml")
    assert overrides.titles_by_article == (("b", "T" * 500),)
    assert [p.message for p in problems] == ["name[0]: 'title' is 501 characters, over the limit of 500 (max_title_chars); left out"]
    overrides, problems = parse_event_overrides(data, "seeds/events.yml", max_title_chars=1_000)
    assert len(overrides.titles_by_article) == 2 and problems == ()


def test_parse_event_overrides_keeps_the_valid_rest() -> None:
    data = {
        "name": [{"article": "a", "title": " Title A "}, {"event": "ev-1", "title": "Title E"}, {"bad": 1}],
        "merge": [["a", "b", "a"], ["c"]],
        "split": [["c", "d"]],
        "move": {"e": "a", "f": None, "g": "alone"},
        "related": [["a", "c"]],
        "unrelated": [["b", "d"]],
        "colour": "red",
    }
    overrides, problems = parse_event_overrides(data, "p.yml")
    assert overrides == EventOverrides(
        path="p.yml",
        titles_by_article=(("a", "Title A"),),
        titles_by_event=(("ev-1", "Title E"),),
        merge=(("a", "b"),),
        split=(("c", "d"),),
        move=(("e", "a"), ("f", None), ("g", None)),
        related=(("a", "c"),),
        unrelated=(("b", "d"),),
    )
    assert len(problems) == 4  # colour; name[2]: unknown key and no title; merge[1]


@pytest.mark.parametrize(
    ("data", "expected_messages"),
    [
        ({"merge": [["010_reuters", "011_ap"]]}, []),
        ({"merge": [["010_reuters", "999_x"]]}, ["merge: unknown article id '999_x'"]),
        ({"move": {"998_y": "997_z"}}, ["move: unknown article id '998_y'", "move: unknown article id '997_z'"]),
        ({"name": [{"article": "996_w", "title": "T"}]}, ["name: unknown article id '996_w'"]),
        ({"related": [["010_reuters", "995_v"]]}, ["related: unknown article id '995_v'"]),
        ({"name": [{"event": "no-such-event", "title": "T"}]}, ["name: unknown event id 'no-such-event'"]),
        (
            {"merge": [["010_reuters", "011_ap"]], "split": [["011_ap", "010_reuters"]]},
            ["split: '011_ap' and '010_reuters' are also put together"],
        ),
        ({"merge": [["010_reuters", "011_ap"]], "move": {"011_ap": None}}, ["move: '011_ap' is moved alone"]),
        ({"related": [["010_reuters", "014_evac"]], "unrelated": [["014_evac", "010_reuters"]]}, ["related: '010_reuters' and '014_evac'"]),
    ],
)
def test_check_event_overrides(data: dict, expected_messages: list[str]) -> None:
    overrides, _ = parse_event_overrides(data, "seeds/events.yml")
    article_ids = [a.id for a in archive()]
    event_ids = [e.id for e in group_events(archive())]
    problems = check_event_overrides(overrides, article_ids, event_ids)
    assert [p.path for p in problems] == ["seeds/events.yml"] * len(expected_messages)
    assert len(problems) == len(expected_messages)
    for problem, expected in zip(problems, expected_messages):
        assert expected in problem.message


# --- the parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor_lists", "expected"),
    [
        (["a b c"], "a b c"),
        (["a b c", "c b"], "c b a"),  # shared first; c leads an article, b is never better than second
        (["x a b", "b a", "a y"], "a b x y"),
        (["a a b"], "a b"),
    ],
)
def test_rank_event_actors(actor_lists: list[str], expected: str) -> None:
    articles = [make_article(f"{i}", "2016-10-08", actors, "") for i, actors in enumerate(actor_lists)]
    assert rank_event_actors(articles) == tuple(expected.split())


@pytest.mark.parametrize(
    ("title", "date", "expected"),
    [
        ("Russia Invites Syria's Opposition — Again", "2015-08-05", "2015-08-05-russia-invites-syrias-opposition-again"),
        ("Moaz al-Khatib déclines", None, "undated-moaz-al-khatib-declines"),
        ("Talks", "2015-08", "2015-08-talks"),
        ("", None, "undated-untitled"),
    ],
)
def test_compose_event_id(title: str, date: str | None, expected: str) -> None:
    assert compose_event_id(title, date_value(date)) == expected


@pytest.mark.parametrize(
    ("actor_lists", "expected"),
    [
        # too small an archive to call anything background
        (["bg a", "bg b", "bg c", "bg"], "a b bg c"),
        # below ten articles: background only when named in every article
        (["bg a", "bg a", "bg a", "bg a b", "bg b"], "a b"),
        (["bg a", "bg a", "bg a", "bg a b", "b"], "a b bg"),
        (["bg a"] * 8 + ["b"], "a b bg"),  # eight of nine is not every one
        # from ten on: background when missing from fewer than one in five
        (["bg a"] * 9 + ["b"], "b"),
        (["bg a"] * 8 + ["b", "b"], "a b bg"),
    ],
)
def test_select_significant_actors(actor_lists: list[str], expected: str) -> None:
    articles = [make_article(f"{i}", None, actors, "") for i, actors in enumerate(actor_lists)]
    assert select_significant_actors(articles) == set(expected.split())


def test_text_similarity_orders_copies_rewrites_and_strangers() -> None:
    sim = measure_text_similarity([VETO_REUTERS, VETO_COPY, VETO_AP, LIRA])
    assert sim[0, 1] > 0.8  # a syndicated copy
    assert 0.2 < sim[0, 2] < 0.8  # another outlet's rewrite
    assert sim[0, 3] < 0.1  # another happening


# --- the seed archive ----------------------------------------------------------------------

# The curated facts of the five seeds (see the archive's truth file); actor ids as an
# actor resolver would give them, in a plausible order of prominence.
SEED_FACTS = {
    "000_fd73cf28fdfb5874": (
        "Russia Invites Main Syrian Opposition Group for Talks",
        "2015-08-05",
        "sergei-lavrov russia syrian-national-coalition moaz-al-khatib bashar-al-assad syria interfax badr-jamus "
        "sputnik qatar john-kerry adel-al-jubeir saudi-arabia united-states islamic-state vladimir-putin "
        "mohammed-bin-salman iraq",
    ),
    "001_b3644d8a320e78a4": (
        "Russian Foreign Minister Hosts Syria's Main Opposition Group for Talks",
        "2015-08-13",
        "sergei-lavrov syrian-national-coalition russia khaled-khoja bashar-al-assad vladimir-putin mohammed-bin-salman "
        "saudi-arabia adel-al-jubeir islamic-state interfax syria united-nations iraq",
    ),
    "002_5854f3fa609f6d5e": (
        "Russia reaches out to Syrian opposition",
        "2012-12-28",
        "sergei-lavrov syria russia lakhdar-brahimi mikhail-bogdanov syrian-national-coalition moaz-al-khatib "
        "bashar-al-assad vladimir-putin faisal-makdad mohammad-kamel-amr egypt william-burns united-states arab-league "
        "syrian-observatory-for-human-rights ria-novosti",
    ),
    "003_94fa457a95864067": (
        "Key opposition leaders decline talks with Russian PM",
        "2017-01-26",
        "sergei-lavrov high-negotiations-committee russia syria syrian-national-coalition riyad-hijab riyad-naasan "
        "ahmad-ramadan turkey iran kazakhstan",
    ),
    "004_208d8fdeb8cb703d": (
        "Official: Russia invites head of Syrian opposition for talks",
        "2012-12-28",
        "syria russia bashar-al-assad sergei-lavrov lakhdar-brahimi syrian-national-coalition moaz-al-khatib "
        "mikhail-bogdanov ria-novosti united-states china recep-tayyip-erdogan turkey free-syrian-army arab-league "
        "united-nations-security-council",
    ),
}


def seed_articles(dated: bool = True) -> list[Article]:
    """The seeds with their whole text as paragraphs (furniture included: a harder test)."""
    articles = []
    for article_id, (title, day, actors) in SEED_FACTS.items():
        raw = (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")
        lines = [line.strip().lstrip("# ") for line in raw.splitlines()]
        body = "\n".join(line for line in lines if line and line != title)
        articles.append(make_article(article_id, day if dated else None, actors, body, title))
    return articles


def test_seeds_form_the_four_events_of_the_truth_file() -> None:
    events = group_events(seed_articles())
    assert partition(events) == [
        ["000_fd73cf28fdfb5874"],
        ["001_b3644d8a320e78a4"],
        ["002_5854f3fa609f6d5e", "004_208d8fdeb8cb703d"],
        ["003_94fa457a95864067"],
    ]
    by_article = {a: e for e in events for a in e.article_ids}
    assert by_article["002_5854f3fa609f6d5e"].date == DateValue(dt.date(2012, 12, 28))
    assert by_article["000_fd73cf28fdfb5874"].related == (by_article["001_b3644d8a320e78a4"].id,)
    assert by_article["001_b3644d8a320e78a4"].related == (by_article["000_fd73cf28fdfb5874"].id,)
    assert by_article["002_5854f3fa609f6d5e"].related == ()
    assert by_article["003_94fa457a95864067"].related == ()
    assert [e.id for e in events] == [
        "2012-12-28-russia-reaches-out-to-syrian-opposition",
        "2015-08-05-russia-invites-main-syrian-opposition-group-for-talks",
        "2015-08-13-russian-foreign-minister-hosts-syrias-main-opposition-group-for-talks",
        "2017-01-26-key-opposition-leaders-decline-talks-with-russian-pm",
    ]


def test_undated_seeds_are_grouped_on_what_their_texts_say() -> None:
    # Without dates the texts decide. Two outlets' reports of the 2012 happening (002,
    # 004) are one event on their words; the invitation (000: "Wednesday", "August 05,
    # 2015") and the visit (001: "Thursday", "Aug. 13") are one story's two happenings,
    # kept apart by the days they name though their words are close (0.33).
    events = group_events(seed_articles(dated=False))
    assert partition(events) == [
        ["000_fd73cf28fdfb5874"],
        ["001_b3644d8a320e78a4"],
        ["002_5854f3fa609f6d5e", "004_208d8fdeb8cb703d"],
        ["003_94fa457a95864067"],
    ]
    assert all(e.id.startswith("undated-") and e.related == () for e in events)


def measure_text_similarity(texts: list[str]):
    """The full n x n cosine matrix, the reference the pair-wise products must equal."""
    vectors = measure_text_vectors(texts)
    return (vectors @ vectors.T).toarray()


@pytest.mark.parametrize("at_least", [1, 2, 3])
def test_sharing_pairs_are_the_pairs_a_loop_finds(at_least: int) -> None:
    sets = [{"a", "b", "c"}, {"a", "b"}, {"b", "c", "d"}, set(), {"a", "b", "c", "d"}]
    found = select_sharing_pairs(sets, range(len(sets)), at_least)
    for i, mine in enumerate(sets):
        expected = {j: len(mine & other) for j, other in enumerate(sets) if j != i and len(mine & other) >= at_least}
        cols, counts = found[i]
        assert dict(zip(cols.tolist(), counts.tolist())) == expected


def test_similarity_pairs_are_the_full_matrix_entries_bit_for_bit() -> None:
    texts = [VETO_REUTERS, VETO_COPY, VETO_AP, LIRA]
    full = measure_text_similarity(texts)
    wanted = {3: [0, 2], 0: [1, 2, 3], 1: [1]}
    found = dict(measure_similarity_pairs(measure_text_vectors(texts), wanted))
    assert list(found) == [3, 0, 1]
    assert found == {i: {j: full[i, j].item() for j in js} for i, js in wanted.items()}


def test_similarity_pairs_of_texts_without_words_are_zero() -> None:
    assert dict(measure_similarity_pairs(None, {0: [1], 1: []})) == {0: {1: 0.0}, 1: {}}


def test_grouping_with_known_term_counts_is_the_same() -> None:
    known: dict = {}
    articles = seed_articles()
    first = group_events(articles, evidence=ArchiveEvidence.of(articles, known))
    assert known, "the texts' term counts were kept"
    again = ArchiveEvidence.of(list(reversed(articles)), known)
    assert group_events(list(reversed(articles)), evidence=again) == first == group_events(articles)


@pytest.mark.parametrize("block_entries", [1, 3, 8, 65_536])
def test_similarity_pairs_do_not_depend_on_the_blocks(monkeypatch, block_entries: int) -> None:
    from generator.resolve import evidence as events_module

    texts = [VETO_REUTERS, VETO_COPY, VETO_AP, LIRA]
    full = measure_text_similarity(texts)
    wanted = {0: [1, 2, 3], 2: [0], 3: [1, 2], 1: [3, 0]}
    monkeypatch.setattr(events_module, "PAIR_BLOCK_ENTRIES", block_entries)
    found = dict(events_module.measure_similarity_pairs(events_module.measure_text_vectors(texts), wanted))
    assert found == {i: {j: full[i, j].item() for j in js} for i, js in wanted.items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lavrov met Kerry on August 05, 2015 in Doha.", {(8, 5, 2015)}),
        ("a photo taken in Moscow, Aug. 13. Then on 3rd May 2012 and Sept. 1", {(8, 13, 0), (5, 3, 2012), (9, 1, 0)}),
        ("He may 40 times; the 13 August talks", {(8, 13, 0)}),
        ("No day of the year here, only Thursday.", set()),
    ],
)
def test_read_written_days(text: str, expected: set) -> None:
    assert read_written_days(text) == expected


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        # other weekdays and days of the year more than a week apart: two happenings
        ("An invitation on Wednesday, August 5, 2015.", "The visit on Thursday, Aug. 13.", True),
        # a shared weekday: one happening told with background dates
        ("The vote on Saturday, October 8.", "On Saturday, as on October 20, the council met.", False),
        # other weekdays but days of the year within a week (a report the next day)
        ("The quake on Sunday, May 3.", "Rescuers on Monday, May 4, dug on.", False),
        # a day of the year without a weekday: not enough to tell
        ("The invitation of August 5.", "The visit on Thursday, Aug. 13.", False),
        # across the new year, without years: three days apart
        ("A storm on Friday, Dec. 30.", "The storm's toll on Monday, Jan. 2.", False),
    ],
)
def test_undated_texts_naming_other_days_stay_apart(first: str, second: str, apart: bool) -> None:
    words = "Parliament voted on the Aleppo resolution with Churkin and Ayrault present in the chamber."
    articles = [make_article("040_a", None, "", f"{words}\nLater, {first}"), make_article("041_b", None, "", f"{words}\nLater, {second}")]
    assert (len(group_events(articles)) == 2) == apart


def test_undated_reports_take_their_events_date() -> None:
    from generator.extract.dates import extract_date_evidence
    from generator.resolve.story import date_articles_from_events

    copy = make_article("030_copy", None, VETO_ACTORS, VETO_COPY, "Russia vetoes Aleppo resolution")
    friday = make_article("031_friday", None, VETO_ACTORS, VETO_COPY.replace("vetoed", "on Friday vetoed"), "Russia vetoed")
    friday = replace(friday, date_evidence=extract_date_evidence(friday.doc))
    articles = [*archive(), copy, friday]
    events = group_events(articles)
    veto = event_of(events, "010_reuters")
    assert {"030_copy", "031_friday"} <= set(veto.article_ids)
    dated = {a.id: a for a in date_articles_from_events(articles, events)}
    assert dated["030_copy"].date == Field(
        DateValue(dt.date(2016, 10, 8)), Provenance("event-date", f"event {veto.id}: 3 dated reports", 0.25, "inferred")
    )
    # "on Friday" placed against the event's Saturday: the day before, never extracted
    assert dated["031_friday"].date.value == DateValue(dt.date(2016, 10, 7))
    assert (dated["031_friday"].date.provenance.method, dated["031_friday"].date.provenance.tier) == ("weekday+anchor", "inferred")
    assert dated["010_reuters"] is articles[0] and dated["013_lira"] is articles[3]


MORE_NEWS = (
    "Fort Worth police release video of kidnapping suspect at gas station",
    "Impeachment hearing: ambassador testifies on Ukraine call and aid freeze",
    "Wildfire near Santa Clarita forces thousands of evacuations overnight",
    "Deadly tornado outbreak sweeps across Alabama and Georgia towns",
    "Stock markets close at record highs as trade talks resume in Beijing",
)


def _site_page(article_id: str, story: str, outlet: str) -> Article:
    article = make_article(article_id, "2019-11-20", "", story, title=story.split(".")[0])
    blocks = article.doc.blocks + (Block("bullets", "", items=MORE_NEWS),)
    return replace(article, doc=replace(article.doc, blocks=blocks), outlet=Field(outlet, PROV))


def test_a_sites_more_news_list_weighs_nothing() -> None:
    kidnapping = "Police in Fort Worth arrested a man seen on video forcing a woman into a car. The woman was found safe in Arlington."
    boeing = "Emirates ordered thirty Boeing 787 jets worth nine billion dollars at the Dubai Airshow. Deliveries begin in 2023."
    pages = [_site_page("1", kidnapping, "CBS News"), _site_page("2", boeing, "CBS News")]
    assert partition(group_events(pages)) == [["1"], ["2"]]
    # the same two pages from two sites: the shared list is then what both chose to print
    evidence = ArchiveEvidence.of([pages[0], replace(pages[1], outlet=Field("NBC News", PROV))])
    assert float((evidence.vectors[0] @ evidence.vectors[1].T).toarray()[0, 0]) > 0.3


def test_same_day_dates_lift_only_reports_whose_words_already_agree() -> None:
    # two reports of one day sharing a topic's words: the same-day bonus would
    # carry them over the bar; near_text_min keeps it for pairs whose words agree
    pages = [
        make_article(
            "1", "2016-12-12", "",
            "President-elect Donald Trump skipped most intelligence briefings. The daily summary goes to Mike Pence, "
            "who reads it with analysts from Langley in a secure room at the transition office.",
        ),
        make_article(
            "2", "2016-12-12", "",
            "President-elect Donald Trump dropped Rudy Giuliani from the race for secretary of state. The former "
            "New York mayor withdrew his name on Friday, citing his consulting business abroad.",
        ),
    ]
    # (near_text_beyond_topic_min, which would hold it back too, is tested below)
    base = replace(EventThresholds.from_rules(), near_text_beyond_topic_min=0.0)
    evidence = ArchiveEvidence.of(pages, thresholds=base)
    text = float((evidence.vectors[0] @ evidence.vectors[1].T).toarray()[0, 0])
    assert text < base.pair_cut <= text + base.near_bonus  # the bonus alone decides
    lifted = replace(base, near_text_min=text - 0.01)
    held = replace(base, near_text_min=text + 0.01)
    assert partition(group_events(pages, thresholds=lifted)) == [["1", "2"]]
    assert partition(group_events(pages, thresholds=held)) == [["1"], ["2"]]


def test_near_dates_lift_no_pair_that_shares_one_topic_name_only() -> None:
    # two posts three days apart on one language, no actor in common: "Python" is most
    # of what they share, so the near-date bonus needs near_text_beyond_topic_min without it
    pages = [
        make_article(
            "1", "2020-01-13", "",
            "Mercurial moved its code base to Python 3 after ten years of work. Python 3 broke the byte strings "
            "Mercurial used, and Python tooling for porting came late, its maintainer writes.",
        ),
        make_article(
            "2", "2020-01-10", "",
            "Python environments keep each project's packages apart. With Python you create one per project; "
            "Python ships venv, and pyenv installs several Python versions side by side.",
        ),
    ]
    evidence = ArchiveEvidence.of(pages)
    text = float((evidence.vectors[0] @ evidence.vectors[1].T).toarray()[0, 0])
    heaviest = float(evidence.vectors[0].multiply(evidence.vectors[1]).max())
    assert heaviest > text / 2  # one name is most of what they share
    # two documents make every word rare: the bars are set so that the bonus alone decides
    bar = text + EventThresholds.from_rules().near_bonus / 2
    base = replace(EventThresholds.from_rules(), near_text_min=0.0, cut=bar, pair_cut=bar)
    lifted = replace(base, near_text_beyond_topic_min=text - heaviest - 0.01)
    held = replace(base, near_text_beyond_topic_min=text - heaviest + 0.01)
    assert partition(group_events(pages, thresholds=lifted)) == [["1", "2"]]
    assert partition(group_events(pages, thresholds=held)) == [["1"], ["2"]]
    # a key actor in common is enough: the bonus is not held back then
    sharing = [replace(p, actor_ids=("guido-van-rossum",)) for p in pages]
    assert partition(group_events(sharing, thresholds=held)) == [["1", "2"]]


@pytest.mark.parametrize(
    "written, joins",
    [
        ("on Nov. 10", True),  # the dated report's day: near, as two dated reports are
        ("on Nov. 12", True),  # within near_days
        ("on Nov. 20", False),  # ten days off: unknown, no bonus
        ("on Thursday", False),  # a day of the week alone is not enough
    ],
)
def test_an_undated_report_writing_a_day_near_the_others_date_is_near_it(written: str, joins: bool) -> None:
    dated = make_article(
        "1", "2011-11-10", "",
        "Warplanes bombed the Yida refugee camp in South Sudan, near the border, killing two refugees.",
    )
    undated = make_article(
        "2", None, "", f"Aid workers said bombs fell on the Yida camp {written}, where twenty thousand refugees from Sudan live."
    )
    pages = [dated, undated]
    evidence = ArchiveEvidence.of(pages)
    text = float((evidence.vectors[0] @ evidence.vectors[1].T).toarray()[0, 0])
    bar = text + EventThresholds.from_rules().near_bonus / 2  # the bonus alone decides
    thresholds = replace(
        EventThresholds.from_rules(), near_text_min=0.0, near_text_beyond_topic_min=0.0, cut=bar, pair_cut=bar, dating_cut=bar
    )
    expected = [["1", "2"]] if joins else [["1"], ["2"]]
    assert partition(group_events(pages, thresholds=thresholds)) == expected
