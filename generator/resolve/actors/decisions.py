"""The archivist's decisions on actors (``seeds/actors.yml``): merge, split, rename, retype, describe, drop.

:func:`parse_actor_decisions` reads them; :func:`generator.resolve.actors.resolve_actors`
applies them, and they always win over what resolution found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.model import Actor, ActorType, Mention, Problem
from generator.resolve.actors.gazetteer import ACTOR_TYPES
from generator.resolve.actors.names import fold_name
from generator.resolve.decisions import as_mapping, list_entries, mapping_entries, report_unknown_keys
from generator.text import UnionFind, slugify


@dataclass(frozen=True)
class ActorDecisions:
    """The archivist's word on actors (``seeds/actors.yml``); it always wins.

    Names are matched, case- and hyphen-insensitively, against an actor's
    canonical name, its id and every spelling seen.
    """

    merge: tuple[tuple[str, ...], ...] = ()  # each group becomes one actor
    split: tuple[tuple[str, str], ...] = ()  # pairs that must never be merged
    rename: tuple[tuple[str, str], ...] = ()  # name -> new canonical name
    drop: tuple[str, ...] = ()  # not actors at all
    types: tuple[tuple[str, ActorType], ...] = ()  # name -> type
    descriptions: tuple[tuple[str, str], ...] = ()  # name -> one line


_DECISION_KEYS = ("merge", "split", "never_merge", "rename", "drop", "type", "description")


def parse_actor_decisions(
    data: object, path: str, *, max_name_chars: int = 500, max_description_chars: int = 2_000
) -> tuple[ActorDecisions, tuple[Problem, ...]]:
    """Read the archivist's actor decisions from the parsed YAML of ``path``.

    Keys: ``merge`` (lists of names), ``split`` or ``never_merge`` (pairs),
    ``rename`` / ``type`` / ``description`` (name -> value) and ``drop`` (names).
    An unknown key or a bad value is a :class:`Problem` naming the path and the
    key; every other decision still applies. The decisions are then checked as a
    whole (:func:`_leave_out_contradictions`): entries that contradict each other
    are each reported, naming both, and left out. A new name longer than
    ``max_name_chars`` or a description longer than ``max_description_chars`` (the
    settings max_title_chars and max_summary_chars) is reported and left out.
    """
    problems: list[Problem] = []
    top = as_mapping(data, None, path, problems, "a mapping of decisions (merge, split, rename, ...)")
    if top is None:
        return ActorDecisions(), tuple(problems)
    report_unknown_keys(sorted(str(k) for k in top), _DECISION_KEYS, path, problems, "known keys:")
    merge = _parse_groups(top.get("merge"), "merge", path, problems, exact=None)
    split = _parse_groups(top.get("split"), "split", path, problems, exact=2)
    split += _parse_groups(top.get("never_merge"), "never_merge", path, problems, exact=2)
    rename_pairs = _parse_mapping(top.get("rename"), "rename", path, problems, _is_name, max_name_chars, "max_title_chars")
    rename = [(f"rename[{old!r}]", (old, new)) for old, new in rename_pairs]
    types = _parse_mapping(top.get("type"), "type", path, problems, lambda v: v in ACTOR_TYPES)
    descriptions = _parse_mapping(
        top.get("description"), "description", path, problems, _is_line, max_description_chars, "max_summary_chars"
    )
    drop = _parse_names(top.get("drop"), "drop", path, problems)
    left_out = _leave_out_contradictions(merge, split, drop, rename, path, problems)
    decisions = ActorDecisions(
        merge=tuple(g for where, g in merge if where not in left_out),
        split=tuple((p[0], p[1]) for where, p in split if where not in left_out),
        rename=tuple(pair for where, pair in rename if where not in left_out),
        drop=tuple(n for where, n in drop if where not in left_out),
        types=tuple(types),  # type: ignore[arg-type]
        descriptions=tuple(descriptions),
    )
    return decisions, tuple(problems)


def _leave_out_contradictions(
    merge: list[tuple[str, tuple[str, ...]]],
    split: list[tuple[str, tuple[str, ...]]],
    drop: list[tuple[str, str]],
    rename: list[tuple[str, tuple[str, str]]],
    path: str,
    problems: list[Problem],
) -> set[str]:
    """The entries (by where they are: ``"merge[0]"``) that contradict another, each pair reported.

    Names are compared as :func:`~generator.resolve.actors.names.fold_name` folds
    them, as resolution matches them. A ``merge`` (alone or through other merges)
    of a pair that ``split``/``never_merge`` keeps apart says two things of one
    pair; a ``drop`` of a merged name would drop the whole merged actor, the names
    the archivist wanted kept too; renames that lead back to their start (``A: B``
    and ``B: A``, a swap) would hand one actor's page to another. Which of two
    contradicting entries is right only the archivist knows: both are left out,
    and the rest of the file applies.
    """
    left_out: set[str] = set()
    together: UnionFind[str] = UnionFind()
    merged_by: dict[str, list[str]] = {}
    for where, group in merge:
        folded = [fold_name(n) for n in group]
        for name in folded:
            together.union(folded[0], name)
            merged_by.setdefault(name, []).append(where)
    for where, (a, b) in split:
        fa, fb = fold_name(a), fold_name(b)
        if fa in merged_by and fb in merged_by and together.find(fa) == together.find(fb):
            root = together.find(fa)
            merges = sorted({w for name, ws in merged_by.items() if together.find(name) == root for w in ws}, key=_entry_order)
            problems.append(
                Problem(path, f"{where} keeps {a!r} and {b!r} apart, but {' and '.join(merges)} merge them; both left out. Keep one of the two")
            )
            left_out.update([where, *merges])
    for where, name in drop:
        for merge_where in merged_by.get(fold_name(name), []):
            problems.append(
                Problem(
                    path,
                    f"{where} drops {name!r}, which {merge_where} merges with other names (the drop would remove them all); "
                    "both left out. Drop the merged actor by one name only if all of it should go",
                )
            )
            left_out.update([where, merge_where])
    new_name = {fold_name(old): (where, fold_name(new)) for where, (old, new) in rename}
    for where, (old, _) in rename:
        cycle, name = [where], new_name[fold_name(old)][1]
        while name in new_name and new_name[name][0] not in cycle:
            cycle.append(new_name[name][0])
            name = new_name[name][1]
        if name == fold_name(old) and len(cycle) > 1 and where == min(cycle):
            what = "swap two names" if len(cycle) == 2 else "rename in a circle"
            problems.append(
                Problem(path, f"{' and '.join(cycle)} {what}: each actor's page would go to another; all left out. Rename each actor once, to a new name")
            )
            left_out.update(cycle)
    return left_out


def _entry_order(where: str) -> tuple[str, int]:
    key, _, index = where.partition("[")
    return key, int(index.rstrip("]")) if index.rstrip("]").isdigit() else 0


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value


def _is_line(value: object) -> bool:
    return isinstance(value, str) and "\n" not in value.strip()


def _parse_groups(
    raw: object, key: str, path: str, problems: list[Problem], exact: int | None
) -> list[tuple[str, tuple[str, ...]]]:
    """``(where, names)`` for each list of names: ``exact`` names each, or at least two when ``exact`` is ``None``."""
    out = []
    want = f"exactly {exact}" if exact else "at least 2"
    for where, group in list_entries(raw, key, path, problems, "a list of name lists"):
        ok = isinstance(group, list) and all(_is_name(n) for n in group)
        size_ok = ok and (len(group) == exact if exact else len(group) >= 2)
        if not size_ok:
            problems.append(Problem(path, f"{where}: expected a list of {want} names, got {group!r}"))
            continue
        out.append((where, tuple(n.strip() for n in group)))
    return out


def _parse_mapping(
    raw: object,
    key: str,
    path: str,
    problems: list[Problem],
    valid: Callable[[object], bool],
    max_chars: int | None = None,
    setting: str = "",
) -> list[tuple[str, str]]:
    """``name: value`` pairs whose value passes ``valid`` (and is at most ``max_chars`` long), sorted."""
    out = []
    for name, value in mapping_entries(raw, key, path, problems, "a mapping of name: value"):
        if max_chars is not None and isinstance(value, str) and len(value.strip()) > max_chars:
            problems.append(
                Problem(path, f"{key}: the value for {_short(name)} is {len(value.strip()):,} characters, over the limit of {max_chars:,} ({setting}); left out")
            )
            continue
        if not _is_name(name) or not valid(value):
            problems.append(Problem(path, f"{key}: bad value for {_short(name)}: {_short(value)}"))
            continue
        out.append((str(name).strip(), value.strip()))
    return sorted(out)


def _short(value: object) -> str:
    """A value as a message quotes it: its repr, cut (a 10 MB value must not make a 10 MB message)."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _parse_names(raw: object, key: str, path: str, problems: list[Problem]) -> list[tuple[str, str]]:
    """``(where, name)`` for each name of the list."""
    out = []
    for where, name in list_entries(raw, key, path, problems, "a list of names"):
        if not _is_name(name):
            problems.append(Problem(path, f"{where}: expected a name, got {name!r}"))
            continue
        out.append((where, name.strip()))
    return out


def check_decision_names(
    decisions: ActorDecisions, actors: Sequence[Actor], mentions_by_article: Mapping[str, Iterable[Mention]], path: str
) -> tuple[Problem, ...]:
    """A warning for each name in the decisions that no actor or mention of the archive bears.

    Such an entry does nothing (a misspelling, or an actor whose articles are
    gone): the archivist should know. Known are, folded as resolution matches
    them, every actor's name, id and spellings, every mention's surface and
    gazetteer name (a dropped actor's too), and a renamed actor's former name.
    """
    known = {fold_name(n) for a in actors for n in (a.name, a.id.replace("-", " "), *a.surfaces)}
    known |= {fold_name(n) for ms in mentions_by_article.values() for m in ms for n in (m.surface, m.canonical_hint or "")}
    names = {fold_name(a.name) for a in actors}
    known |= {fold_name(old) for old, new in decisions.rename if fold_name(new) in names}
    entries = [
        *(("merge", n) for group in decisions.merge for n in group),
        *(("split", n) for pair in decisions.split for n in pair),
        *(("rename", old) for old, _ in decisions.rename),
        *(("drop", n) for n in decisions.drop),
        *(("type", n) for n, _ in decisions.types),
        *(("description", n) for n, _ in decisions.descriptions),
    ]
    return tuple(
        Problem(path, f"{key}: {name!r} names no actor of the archive, so this entry does nothing; check its spelling", "warning")
        for key, name in dict.fromkeys(entries)
        if fold_name(name) not in known and slugify(name).replace("-", " ") not in known
    )
