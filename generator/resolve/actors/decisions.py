"""The archivist's decisions on actors (``seeds/actors.yml``): merge, split, rename, retype, describe, drop.

:func:`parse_actor_decisions` reads them; :func:`generator.resolve.actors.resolve_actors`
applies them, and they always win over what resolution found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model import ActorType, Problem
from generator.resolve.actors.gazetteer import ACTOR_TYPES
from generator.resolve.decisions import as_mapping, list_entries, mapping_entries, report_unknown_keys


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


def parse_actor_decisions(data: object, path: str) -> tuple[ActorDecisions, tuple[Problem, ...]]:
    """Read the archivist's actor decisions from the parsed YAML of ``path``.

    Keys: ``merge`` (lists of names), ``split`` or ``never_merge`` (pairs),
    ``rename`` / ``type`` / ``description`` (name -> value) and ``drop`` (names).
    An unknown key or a bad value is a :class:`Problem` naming the path and the
    key; every other decision still applies.
    """
    problems: list[Problem] = []
    top = as_mapping(data, None, path, problems, "a mapping of decisions (merge, split, rename, ...)")
    if top is None:
        return ActorDecisions(), tuple(problems)
    report_unknown_keys(sorted(str(k) for k in top), _DECISION_KEYS, path, problems, "known keys:")
    merge = _parse_groups(top.get("merge"), "merge", path, problems, exact=None)
    split = _parse_groups(top.get("split"), "split", path, problems, exact=2)
    split += _parse_groups(top.get("never_merge"), "never_merge", path, problems, exact=2)
    rename = _parse_mapping(top.get("rename"), "rename", path, problems, _is_name)
    types = _parse_mapping(top.get("type"), "type", path, problems, lambda v: v in ACTOR_TYPES)
    descriptions = _parse_mapping(top.get("description"), "description", path, problems, _is_line)
    drop = _parse_names(top.get("drop"), "drop", path, problems)
    decisions = ActorDecisions(
        merge=tuple(merge),
        split=tuple((a, b) for a, b in split),
        rename=tuple(rename),
        drop=tuple(drop),
        types=tuple(types),  # type: ignore[arg-type]
        descriptions=tuple(descriptions),
    )
    return decisions, tuple(problems)


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value


def _is_line(value: object) -> bool:
    return isinstance(value, str) and "\n" not in value.strip()


def _parse_groups(
    raw: object, key: str, path: str, problems: list[Problem], exact: int | None
) -> list[tuple[str, ...]]:
    """Lists of names: ``exact`` names each, or at least two when ``exact`` is ``None``."""
    out = []
    want = f"exactly {exact}" if exact else "at least 2"
    for where, group in list_entries(raw, key, path, problems, "a list of name lists"):
        ok = isinstance(group, list) and all(_is_name(n) for n in group)
        size_ok = ok and (len(group) == exact if exact else len(group) >= 2)
        if not size_ok:
            problems.append(Problem(path, f"{where}: expected a list of {want} names, got {group!r}"))
            continue
        out.append(tuple(n.strip() for n in group))
    return out


def _parse_mapping(
    raw: object, key: str, path: str, problems: list[Problem], valid: Callable[[object], bool]
) -> list[tuple[str, str]]:
    """``name: value`` pairs whose value passes ``valid``, sorted."""
    out = []
    for name, value in mapping_entries(raw, key, path, problems, "a mapping of name: value"):
        if not _is_name(name) or not valid(value):
            problems.append(Problem(path, f"{key}: bad value for {name!r}: {value!r}"))
            continue
        out.append((str(name).strip(), value.strip()))
    return sorted(out)


def _parse_names(raw: object, key: str, path: str, problems: list[Problem]) -> list[str]:
    out = []
    for where, name in list_entries(raw, key, path, problems, "a list of names"):
        if not _is_name(name):
            problems.append(Problem(path, f"{where}: expected a name, got {name!r}"))
            continue
        out.append(name.strip())
    return out
