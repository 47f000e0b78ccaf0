"""Actors on real pages: the development corpus's labelled articles, and the whole corpus as one archive.

``tests/data/devcorpus_actors.yml`` holds, for 40 pages of ``web/``, the actors a
careful reader finds in the article (names only): per actor its page name, type,
other acceptable page names (``also``) and whether it must be found (``must``) or
is named only in passing. Scored here:

* **precision**: the share of an article's extracted actor pages whose name is a
  labelled actor's (menus and related headlines are not the article);
* **recall**: the share of must-find actors that have a page in their article;
* **split persons**: a labelled person with two pages in one article ("Trump" and
  "Donald Trump"); a bare surname two labelled people of the article share proves none;
* **false merges**: one page whose spellings in an article are two labelled actors
  ("Obama" and "Osama bin Laden" on one page).

``tests/data/web2_actors.yml`` holds the same labels for 40 English news pages of
``web2/`` (the rule that chose them is in the file), labelled before the actor code
was tuned on them (issue 26): scored as one set and by web2's halves (A: even
positions of its sorted labels, B: odd), so a rule tuned on one half is checked on
the other.

The whole corpus, built as one archive, is counted for what a user sees first:
actor pages, bare-surname pages beside a full name of that surname, and pages
whose name carries a role or title ("State Mike Pompeo").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from generator.model import Actor, Archive
from generator.resolve.actors.gazetteer import vocabulary
from generator.resolve.actors.names import core_keys, fold_name, split_name

LABELS = Path(__file__).resolve().parents[2] / "tests" / "data" / "devcorpus_actors.yml"
WEB2_LABELS = LABELS.with_name("web2_actors.yml")


@dataclass(frozen=True)
class LabelledActor:
    """One actor a reader found in one article."""

    name: str
    type: str
    spellings: frozenset[str]  # folded page names that are right
    must: bool


@dataclass(frozen=True)
class ActorFigures:
    """What :func:`score_labelled` counts over the labelled articles."""

    pages: int  # extracted actor pages, summed over the labelled articles
    labelled_pages: int  # of which the name is a labelled actor's
    must: int
    must_found: int
    splits: tuple[str, ...]  # "article: person"
    merges: tuple[str, ...]  # "article: page name (labels)"
    wrong_pages: tuple[str, ...]  # "article: page name"
    missed: tuple[str, ...]  # "article: must-find name"

    @property
    def precision(self) -> float:
        return self.labelled_pages / self.pages if self.pages else 1.0

    @property
    def recall(self) -> float:
        return self.must_found / self.must if self.must else 1.0


@dataclass(frozen=True)
class CorpusFigures:
    """What :func:`count_corpus_pages` counts over the whole corpus as one archive."""

    pages: int
    by_type: Mapping[str, int]
    bare_surname_pages: tuple[str, ...]  # one-word person pages beside a full name with that word last
    one_word_person_pages: int
    role_pages: tuple[str, ...]  # page names holding a role or title word


def parse_labels(data: Mapping[str, Any]) -> dict[str, tuple[LabelledActor, ...]]:
    """The labels file's entries, per page id."""
    out: dict[str, tuple[LabelledActor, ...]] = {}
    for page, entries in sorted(data.items()):
        out[page] = tuple(
            LabelledActor(
                name=e["name"],
                type=e["type"],
                spellings=frozenset(fold_name(s) for s in (e["name"], *(e.get("also") or ()))),
                must=bool(e.get("must")),
            )
            for e in entries
        )
    return out


def _refers(surface: str, label: LabelledActor) -> bool:
    """A spelling that names the labelled actor: one of its names, or for a person part of it ("Mr Obama")."""
    folded = fold_name(surface)
    if folded in label.spellings:
        return True
    if label.type != "person":
        return False
    keys = set(core_keys(surface)) - _title_keys()
    return bool(keys) and any(keys <= set(core_keys(s)) for s in label.spellings)


def _title_keys() -> set[str]:
    vocab = vocabulary()
    return set(vocab.title_words) | {"mr", "mrs", "ms", "dr", "miss", "president", "sir"}


def score_labelled(archive: Archive, labels: Mapping[str, Sequence[LabelledActor]]) -> ActorFigures:
    """Precision, recall, split persons and false merges over the labelled articles of ``archive``."""
    actors = {a.id: a for a in archive.actors}
    articles = {a.id: a for a in archive.articles}
    pages = labelled_pages = must = must_found = 0
    splits: list[str] = []
    merges: list[str] = []
    wrong: list[str] = []
    missed: list[str] = []
    for page_id, labelled in sorted(labels.items()):
        article = articles.get(page_id)
        if article is None:
            continue
        here = [actors[i] for i in article.actor_ids]
        used = {m.surface for m in article.mentions}
        names = {fold_name(a.name) for a in here}
        persons = [lab for lab in labelled if lab.type == "person"]
        for actor in here:
            pages += 1
            if any(fold_name(actor.name) in lab.spellings for lab in labelled):
                labelled_pages += 1
            else:
                wrong.append(f"{page_id}: {actor.name}")
            merged = _labels_on_page(actor, used, labelled)
            if len(merged) > 1:
                merges.append(f"{page_id}: {actor.name} ({', '.join(sorted(merged))})")
        for lab in labelled:
            if lab.must:
                must += 1
                if lab.spellings & names:
                    must_found += 1
                else:
                    missed.append(f"{page_id}: {lab.name}")
            if lab.type == "person":
                # a bare surname two labelled people of the article share ("Obama" beside Barack
                # and Michelle Obama) proves no split: it may be either
                on = [
                    a.name
                    for a in here
                    if any(_refers(s, lab) and sum(_refers(s, other) for other in persons) == 1 for s in set(a.surfaces) & used)
                ]
                if len(on) > 1:
                    splits.append(f"{page_id}: {lab.name} ({' / '.join(sorted(on))})")
    return ActorFigures(pages, labelled_pages, must, must_found, tuple(splits), tuple(merges), tuple(wrong), tuple(missed))


def _labels_on_page(actor: Actor, used: set[str], labelled: Sequence[LabelledActor]) -> set[str]:
    """The labelled actors one page's spellings in an article stand for, when no one label covers them all."""
    spellings = sorted(set(actor.surfaces) & used)
    per_surface = [{lab.name for lab in labelled if _refers(s, lab)} for s in spellings]
    per_surface = [s for s in per_surface if s]
    if not per_surface or set.intersection(*per_surface):
        return set()
    return set.union(*per_surface)


def count_corpus_pages(archive: Archive) -> CorpusFigures:
    """Actor pages of a whole archive, with the bare-surname and role-named ones."""
    by_type: dict[str, int] = defaultdict(int)
    full_surnames: set[str] = set()
    one_word: list[Actor] = []
    roles: list[str] = []
    # "Prince Harry", "King Salman": a regnal title is how the person is named
    titles = _title_keys() - {t.lower() for t in vocabulary().regnal}
    for actor in archive.actors:
        by_type[actor.type] += 1
        if actor.type != "person":
            continue
        keys = core_keys(actor.name)
        if len(split_name(actor.name)) >= 2:
            full_surnames.add(keys[-1])
        else:
            one_word.append(actor)
        if any(fold_name(w) in titles for w in actor.name.split()):
            roles.append(actor.name)
    bare = tuple(sorted(a.name for a in one_word if core_keys(a.name)[0] in full_surnames))
    return CorpusFigures(len(archive.actors), dict(sorted(by_type.items())), bare, len(one_word), tuple(sorted(roles)))


def build_corpus_archive(devcorpus: Path) -> Archive:
    """The whole ``web/`` corpus as one archive, without curation."""
    from generator.build import build_archive
    from generator.files.devcorpus import read_web_corpus
    from generator.files.seeds import ArchiveInputs
    from generator.settings import BuildOptions

    pages = read_web_corpus(devcorpus / "web")
    return build_archive(ArchiveInputs(seeds=tuple(p.as_seed("web") for p in pages)), BuildOptions(use_curation=False))


def build_web2_archive(devcorpus: Path) -> Archive:
    """web2's English pages (labels.json language ``en``) as one archive, without curation."""
    from generator.build import build_archive
    from generator.files.devcorpus import read_web2_corpus
    from generator.files.seeds import ArchiveInputs
    from generator.settings import BuildOptions

    pages = [p for p in read_web2_corpus(devcorpus / "web2") if p.labels.get("language") == "en"]
    return build_archive(ArchiveInputs(seeds=tuple(p.as_seed("web2") for p in pages)), BuildOptions(use_curation=False))


def web2_halves(devcorpus: Path) -> dict[str, str]:
    """Each web2 page id's half (``"A"``/``"B"``), by its position in the sorted labels."""
    from generator.files.devcorpus import half_of, read_web2_labels

    return {label["id"]: half_of(i) for i, label in enumerate(read_web2_labels(devcorpus / "web2"))}


def split_by_half(
    labels: Mapping[str, Sequence[LabelledActor]], halves: Mapping[str, str]
) -> dict[str, dict[str, Sequence[LabelledActor]]]:
    """The labels per web2 half."""
    out: dict[str, dict[str, Sequence[LabelledActor]]] = {"A": {}, "B": {}}
    for page, labelled in labels.items():
        out[halves[page]][page] = labelled
    return out


def read_labels(path: Path = LABELS) -> dict[str, tuple[LabelledActor, ...]]:
    """The labelled actors of ``tests/data/devcorpus_actors.yml``."""
    from generator.files.curation import read_yaml

    data, problems = read_yaml(path)
    if data is None:
        raise ValueError("; ".join(str(p) for p in problems))
    return parse_labels(data)


def report(devcorpus: Path, examples: int = 15) -> str:
    """``make eval``'s actor figures on the development corpus: web/'s labelled set, then web2's
    English set as a whole and by half."""
    archive = build_corpus_archive(devcorpus)
    lines = ["web/ (41 labelled articles; the whole web/ corpus as one archive):", render(score_labelled(archive, read_labels()), count_corpus_pages(archive), examples)]
    from generator.files.devcorpus import has_corpus_part

    if has_corpus_part(devcorpus, "web2"):
        web2 = build_web2_archive(devcorpus)
        labels = read_labels(WEB2_LABELS)
        corpus = count_corpus_pages(web2)
        lines += ["", "web2/ English news (labelled before tuning; web2's English pages as one archive):", render(score_labelled(web2, labels), corpus, examples)]
        for half, part in split_by_half(labels, web2_halves(devcorpus)).items():
            lines += [f"web2/ half {half} ({len(part)} articles):", render_labelled(score_labelled(web2, part))]
    return "\n".join(lines)


def render_labelled(figures: ActorFigures) -> str:
    """The labelled figures alone, one line."""
    return (
        f"- precision {figures.precision:.1%} ({figures.labelled_pages}/{figures.pages}), recall {figures.recall:.1%}"
        f" ({figures.must_found}/{figures.must}); split persons {len(figures.splits)}; false merges {len(figures.merges)}"
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m generator.evaluate.actors [-v] [devcorpus]``: this report alone (``-v``: every error)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    devcorpus = Path(args[0]) if args else Path(__file__).resolve().parents[2] / ".." / "shared" / "devcorpus"
    print(report(devcorpus, examples=10_000 if verbose else 15))
    return 0



def render(figures: ActorFigures, corpus: CorpusFigures, examples: int = 15) -> str:
    """The figures as Markdown lines, with the first ``examples`` errors of each kind."""
    lines = [
        f"- labelled articles: precision {figures.precision:.1%} ({figures.labelled_pages}/{figures.pages} pages),"
        f" recall {figures.recall:.1%} ({figures.must_found}/{figures.must} must-find)",
        f"- split persons: {len(figures.splits)}; false merges: {len(figures.merges)}",
        f"- whole corpus: {corpus.pages} actor pages ({', '.join(f'{k} {v}' for k, v in corpus.by_type.items())});"
        f" {len(corpus.bare_surname_pages)} bare-surname pages beside a full name"
        f" ({corpus.one_word_person_pages} one-word person pages); {len(corpus.role_pages)} page names with a role or title",
    ]
    for title, items in (
        ("split", figures.splits),
        ("merged", figures.merges),
        ("not labelled", figures.wrong_pages),
        ("missed", figures.missed),
        ("bare surname", corpus.bare_surname_pages),
        ("role in name", corpus.role_pages),
    ):
        if items:
            shown = "; ".join(items[:examples]) + (f"; ... ({len(items)})" if len(items) > examples else "")
            lines.append(f"  - {title}: {shown}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
