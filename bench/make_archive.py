"""A deterministic synthetic news archive, for benchmarks at any size.

``python bench/make_archive.py --n 1000 --out /tmp/seeds`` writes 1,000 seed files
that look like the real ones: page furniture (cookie banners, ad slots, newsletter
and donation boxes, share bars), dates written in several styles, written without
a year, only in the URL or not at all, bylines and wire datelines of real outlets
(from ``generator/data/outlets.yml``), people whose names are spelled several ways
("Mouaz Al-Hadid", "Moaz al-Hadid", "al-Hadid"), states and organisations of the
gazetteer, and happenings reported by one to four outlets on the same or the next
day, so actor resolution and event grouping have real work to do.

Everything comes from one seeded :class:`random.Random`: the same ``--n`` and
``--seed`` give byte-identical files, and the first N files of a larger archive
are not the same as a smaller archive's (each size is drawn whole).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "generator" / "data"

# Syllables of the made-up personal names: enough for thousands of distinct people,
# and shaped like the transliterated Arabic and Russian names of the real seeds.
_GIVEN_PARTS = ["Mo", "Ah", "Kha", "Ri", "Ser", "Mik", "Fai", "Ba", "Yu", "Ha", "Sa", "Na", "Ta", "Ra", "Dmi", "Al"]
_GIVEN_ENDS = ["az", "med", "led", "yad", "gei", "hail", "sal", "dr", "ri", "san", "mir", "dim", "rek", "tri", "lan"]
_SUR_PARTS = ["Kha", "Ja", "Na", "Ma", "Ha", "Za", "Bo", "Lav", "Sho", "Pe", "Kar", "Vol", "Ta", "Du", "Ri", "Se"]
_SUR_ENDS = ["tib", "mus", "san", "kdad", "did", "rov", "igu", "kov", "bir", "lani", "din", "mani", "shev", "rin"]
# One letter swapped the way transliterations differ (Mouaz/Moaz, Sergei/Sergey).
_TRANSLITERATIONS = [("o", "ou"), ("ei", "ey"), ("i", "y"), ("a", "aa"), ("kh", "h")]
_TITLES = ["Foreign Minister", "President", "Defence Minister", "spokesman", "envoy", "opposition leader", "Prime Minister"]

_VERBS = ["invited", "met", "criticised", "welcomed", "rejected", "urged", "warned", "hosted", "called on", "accused"]
_NOUNS = [
    "talks", "ceasefire", "delegation", "proposal", "sanctions", "agreement", "conference", "resolution",
    "offensive", "aid convoy", "truce", "negotiations", "statement", "summit", "plan", "investigation",
]
_TOPICS = [
    "humanitarian corridors", "prisoner exchange", "constitutional committee", "chemical weapons inspectors",
    "refugee returns", "reconstruction funds", "border crossings", "air strikes", "de-escalation zones",
    "oil exports", "grain shipments", "election monitors", "peace conference", "local ceasefires",
    "detainee releases", "evacuation of civilians", "military observers", "gas pipeline", "arms deliveries",
    "monitoring mission", "safe zone", "political transition", "water supplies", "airport reopening",
]
_PLACES = ["Moscow", "Geneva", "Astana", "Doha", "Cairo", "Damascus", "Ankara", "Tehran", "Riyadh", "Vienna", "Sochi"]

_FURNITURE_TOP = [
    ["Cookie consent", "", "We use cookies to improve your experience on this website. By continuing to browse our site you agree to our use of cookies."],
    ["Advertisement"],
    ["Enjoying ad-free content?", "Since July 1, 2024, we have disabled all ads to improve your reading experience."],
    ["Last updated:", "3 MIN READ"],
    ["Share", "Tweet", "Email"],
]
_FURNITURE_BOTTOM = [
    ["Sign up for the Daily Briefing", "", "Get the latest news and updates straight to your inbox"],
    ["Read more"],
    ["Up Next"],
    ["We have a small favour to ask. Your support, no matter how small, makes a world of difference.", "Support us", "Not ready to support today?", "Remind me later."],
    ["Advertisement"],
]


@dataclass(frozen=True)
class Person:
    """A made-up person: the canonical spelling and the ways outlets write it."""

    given: str
    particle: str  # "" or "al"
    surname: str
    title: str

    def spellings(self) -> list[str]:
        """Full-name spellings that actor resolution should merge into one actor."""
        sur = [self.surname] if not self.particle else [f"Al-{self.surname}", f"al-{self.surname}", f"Al {self.surname}"]
        givens = [self.given]
        for old, new in _TRANSLITERATIONS:
            if old in self.given.lower():
                givens.append(self.given.replace(old, new, 1).replace(old.capitalize(), new.capitalize(), 1))
                break
        return [f"{g} {s}" for g in givens for s in sur]

    def bare(self) -> str:
        return f"al-{self.surname}" if self.particle else self.surname


@dataclass(frozen=True)
class Happening:
    """One news event: a day, who took part, what it was about."""

    day: dt.date
    people: tuple[Person, ...]
    bodies: tuple[str, ...]  # states and organisations (gazetteer names)
    verb: str
    noun: str
    topic: str
    place: str
    details: tuple[str, ...]  # made-up local names: the long tail of an archive's vocabulary


def _load_outlets() -> list[dict]:
    data = yaml.safe_load((DATA / "outlets.yml").read_text(encoding="utf-8"))
    return [o for o in data["outlets"] if o.get("hosts")]


def _load_gazetteer() -> tuple[list[str], list[str]]:
    data = yaml.safe_load((DATA / "gazetteer.yml").read_text(encoding="utf-8"))
    states = [s["name"] for s in data["states"]]
    orgs = [o["name"] for o in data["organisations"] + data["armed_groups"]]
    return states, orgs


def _make_people(rng: random.Random, count: int) -> list[Person]:
    seen: set[tuple[str, str]] = set()
    people: list[Person] = []
    while len(people) < count:
        given = rng.choice(_GIVEN_PARTS) + rng.choice(_GIVEN_ENDS)
        surname = rng.choice(_SUR_PARTS) + rng.choice(_SUR_ENDS) + rng.choice(["", "a", "i", "ov", "en"])
        if (given, surname) in seen:
            continue
        seen.add((given, surname))
        people.append(Person(given, "al" if rng.random() < 0.35 else "", surname, rng.choice(_TITLES)))
    return people


def _make_happenings(rng: random.Random, n_articles: int) -> list[tuple[Happening, int]]:
    """Happenings and how many articles report each, adding up to ``n_articles``."""
    states, orgs = _load_gazetteer()
    # a few states and bodies dominate the story, as Russia and Syria do the seeds
    core_states = ["Russia", "Syria", "United States", "Turkey", "Iran"]
    people = _make_people(rng, max(12, n_articles // 6))
    start = dt.date(2011, 3, 1)
    span = (dt.date(2024, 12, 31) - start).days
    out: list[tuple[Happening, int]] = []
    total = 0
    while total < n_articles:
        k = min(rng.choice([1, 1, 2, 2, 2, 3, 3, 4]), n_articles - total)
        # people recur: a small cast is in most of the story, the rest come and go
        cast = rng.sample(people[: max(4, len(people) // 10)], 1) + rng.sample(people, rng.randint(1, 3))
        bodies = rng.sample(core_states, 2) + rng.sample(states, 1) + rng.sample(orgs, rng.randint(0, 2))
        out.append(
            (
                Happening(
                    day=start + dt.timedelta(days=rng.randrange(span)),
                    people=tuple(dict.fromkeys(cast)),
                    bodies=tuple(dict.fromkeys(bodies)),
                    verb=rng.choice(_VERBS),
                    noun=rng.choice(_NOUNS),
                    topic=rng.choice(_TOPICS),
                    place=rng.choice(_PLACES),
                    details=tuple(_make_word(rng) for _ in range(8)),
                ),
                k,
            )
        )
        total += k
    return out


def _make_word(rng: random.Random) -> str:
    """A made-up word: real archives name thousands of villages, units and streets."""
    syllables = ["ba", "ka", "ri", "do", "mu", "sel", "tan", "vor", "zi", "he", "qu", "lo", "ne", "sha", "gor", "bi"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def _written_date(rng: random.Random, day: dt.date) -> tuple[str | None, str]:
    """A date line (or None) and the phrase the lead uses for the day."""
    weekday = day.strftime("%A")
    roll = rng.random()
    if roll < 0.25:
        return day.strftime("%B %d, %Y"), f"on {weekday}"
    if roll < 0.45:
        return f"{day.day} {day.strftime('%B %Y')}", f"on {weekday}"
    if roll < 0.55:
        return day.isoformat(), "on " + weekday
    if roll < 0.62:
        return f"Published {day.strftime('%b')}. {day.day}, {day.year} at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} pm", f"on {weekday}"
    if roll < 0.75:  # the year is not written: only "Aug. 13" in a caption and the weekday
        return None, f"on {weekday}, {day.strftime('%b')}. {day.day}"
    return None, f"on {weekday}"  # no date at all: an undated seed


def _sentence(rng: random.Random, h: Happening, person: str, who: str, lead_day: str) -> str:
    body = rng.choice(h.bodies)
    d = rng.sample(h.details, 7)
    forms = [
        f"{person} {h.verb} the {h.noun} on {h.topic} in {h.place}, according to officials in {body}.",
        f'"We will not accept any {h.noun} that ignores the {h.topic}," {who} said.',
        f"The {h.noun} follows weeks of pressure from {body} over the {h.topic}.",
        f"{who} told reporters in {h.place} that {body} was ready to discuss the {h.topic}.",
        f"Diplomats said the {h.topic} would top the agenda when delegations meet again in {h.place}.",
        f"Officials from {body} did not respond to a request for comment {lead_day}.",
        f"Critics in {body} said the {h.noun} came too late for the {h.topic} to make a difference.",
        f"Residents of {d[0].capitalize()} and {d[1].capitalize()} reported {d[2]} near the {d[3]} road.",
        f"Near {d[4].capitalize()}, witnesses described the {d[5]} and {d[6]} as the {h.noun} began.",
    ]
    return rng.choice(forms)


_BACKGROUND = [
    "The conflict has killed hundreds of thousands of people and displaced millions since 2011.",
    "Several rounds of talks have failed to produce a lasting settlement.",
    "Moscow has long been a key backer of the government in Damascus.",
    "Western governments have called for a political transition under United Nations auspices.",
    "Aid agencies warned that winter would worsen conditions in the camps.",
    "The opposition has repeatedly accused the government of violating earlier agreements.",
    "Turkey hosts millions of refugees and has pushed for a safe zone along its border.",
    "Analysts said the move was aimed at strengthening Moscow's hand before the next round of talks.",
]


def compose_seed(rng: random.Random, h: Happening, outlet: dict, copy: int) -> str:
    """The text of one seed reporting ``h`` as ``outlet`` would have published it."""
    day = h.day + dt.timedelta(days=1 if copy and rng.random() < 0.3 else 0)
    date_line, lead_day = _written_date(rng, day)
    main = h.people[0]
    full = rng.choice(main.spellings())
    lines: list[str] = []
    for block in rng.sample(_FURNITURE_TOP, rng.randint(0, 2)):
        lines += block + [""]
    title = f"{main.title.capitalize() if main.title[0].islower() else main.title} {full} {h.verb} {h.noun} on {h.topic}"
    lines += [f"# {title}" if rng.random() < 0.4 else title, ""]
    standfirst = f"{h.bodies[0]} and {h.bodies[1]} at odds over {h.topic} as {h.noun} looms"
    if rng.random() < 0.6:
        lines += [standfirst, ""]
    if rng.random() < 0.6:
        lines += [f"By [{outlet['name']}](#)" if rng.random() < 0.5 else f"By {rng.choice(_GIVEN_PARTS)}n {rng.choice(_SUR_PARTS)}ley, {outlet['name']}", ""]
    if date_line:
        lines += [date_line, "", ""]
    if "Aug" not in lead_day and date_line is None and rng.random() < 0.5:
        lines += [f"{full} in {h.place}, {day.strftime('%b')}. {day.day}.", ""]
    dateline = f"{h.place.upper()} ({outlet['name']}) - " if outlet.get("kind") == "agency" and rng.random() < 0.7 else ""
    lines += [f"{dateline}{main.title.capitalize()} {full} {h.verb} the {h.noun} {lead_day}, a move that {h.bodies[0]} said could change the {h.topic}.", ""]
    others = [rng.choice(p.spellings()) for p in h.people[1:]]
    for _ in range(rng.randint(6, 12)):
        person = rng.choice([full, *others]) if others else full
        who = rng.choice([main.bare(), person, main.bare()])
        para = [_sentence(rng, h, person, who, lead_day) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.35:
            para.append(rng.choice(_BACKGROUND))
        lines += [" ".join(para), ""]
        if rng.random() < 0.1:
            lines += ["Advertisement", ""]
    for block in rng.sample(_FURNITURE_BOTTOM, rng.randint(0, 2)):
        lines += block + [""]
    if rng.random() < 0.7:
        host = outlet["hosts"][0]
        slug = "-".join(title.lower().replace(",", "").split()[:8])
        path = f"{day:%Y/%m/%d}/{slug}" if rng.random() < 0.5 else f"news/{slug}-{rng.randint(10000, 99999)}"
        lines += ["Original url:", "", f"<https://www.{host}/{path}>"]
    return "\n".join(lines).rstrip() + "\n"


def make_archive(n: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` seed files into ``out_dir`` (created); return their paths, sorted."""
    rng = random.Random(f"newsarchive-bench-{seed}-{n}")
    outlets = _load_outlets()
    texts: list[str] = []
    for happening, k in _make_happenings(rng, n):
        for copy, outlet in enumerate(rng.sample(outlets, k)):
            texts.append(compose_seed(rng, happening, outlet, copy))
    rng.shuffle(texts)  # archivists add articles in no particular order
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    width = max(3, len(str(n - 1)))
    for i, text in enumerate(texts[:n]):
        path = out_dir / f"{i:0{width}d}_{rng.getrandbits(64):016x}.txt"
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: ``make_archive.py --n N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="how many seed files")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    paths = make_archive(args.n, args.out, args.seed)
    print(f"{len(paths)} seeds -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
