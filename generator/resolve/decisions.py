"""Reading the archivist's decision files: the checks ``actors.yml`` and ``events.yml`` share.

A decision file is hand-written YAML. Nothing in it may stop a build: a malformed
entry becomes a :class:`Problem` naming the file and where in it, and every other
entry still applies. These helpers check the shape (a mapping at the top, lists
and mappings under its keys), report what is wrong in one wording for both files,
and hand the readers of each file (:mod:`generator.resolve.actors.decisions`,
:mod:`generator.resolve.event_decisions`) only the entries worth reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from generator.model import Problem


def as_mapping(value: object, key: str | None, path: str, problems: list[Problem], expected: str) -> Mapping[Any, Any] | None:
    """``value`` if it is a mapping; ``None`` when it is absent or is not one.

    A present non-mapping adds ``"<key>: expected <expected>"`` (``"expected
    <expected>"`` for the file itself, ``key=None``) to ``problems``.
    """
    if value is None:
        return None
    if not isinstance(value, Mapping):
        problems.append(Problem(path, f"{key}: expected {expected}" if key is not None else f"expected {expected}"))
        return None
    return value


def report_unknown_keys(
    keys: Iterable[object], known: Sequence[str], path: str, problems: list[Problem], listing: str
) -> None:
    """One problem per key of ``keys`` (in their order) that is not ``known``:
    ``"unknown key 'x'; <listing> <known, comma-separated>"``."""
    for key in keys:
        if key not in known:
            problems.append(Problem(path, f"unknown key {key!r}; {listing} {', '.join(known)}"))


def list_entries(
    value: object, key: str, path: str, problems: list[Problem], expected: str = "a list"
) -> Iterator[tuple[str, Any]]:
    """Each entry of the list under ``key``, with where it is (``"merge[2]"``) for its problems.

    Nothing when the key is absent; a non-list adds ``"<key>: expected <expected>"``.
    """
    if value is None:
        return
    if not isinstance(value, list):
        problems.append(Problem(path, f"{key}: expected {expected}"))
        return
    for i, entry in enumerate(value):
        yield f"{key}[{i}]", entry


def mapping_entries(
    value: object, key: str, path: str, problems: list[Problem], expected: str
) -> Iterator[tuple[Any, Any]]:
    """Each ``(name, value)`` of the mapping under ``key``, in the file's order.

    Nothing when the key is absent; a non-mapping adds ``"<key>: expected <expected>"``.
    """
    mapping = as_mapping(value, key, path, problems, expected)
    if mapping is not None:
        yield from mapping.items()
