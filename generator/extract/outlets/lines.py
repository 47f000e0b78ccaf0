"""The lines of one cleaned document that the outlet's text evidence reads
(decide.py, named.py): its furniture lines and its blocks' lines.

Bylines, copyright lines, self-references, credit lines and signatures all read them, so
the last document's lines are kept rather than split five times over.
"""

from __future__ import annotations

from typing import Any, Callable

from generator.model import CleanDoc

# Five kinds of evidence read the same lines of one document: the last document's lines
# are kept (one tuple, replaced whole, so a reader never sees another document's lines).
_last_lines: tuple[object, tuple[str, ...] | None, dict[tuple[str, ...] | None, tuple[str, ...]]] = (None, None, {})


def _document_lines(doc: CleanDoc) -> tuple[tuple[str, ...], dict[tuple[str, ...] | None, tuple[str, ...]]]:
    global _last_lines
    last = _last_lines
    if last[0] is doc and last[1] is not None:
        return last[1], last[2]
    furniture = tuple(line.strip() for r in doc.removed for line in r.text.splitlines() if line.strip())
    _last_lines = last = (doc, furniture, {})
    return furniture, last[2]


def furniture_lines(doc: CleanDoc) -> tuple[str, ...]:
    """The non-empty lines the cleaner set aside as furniture, stripped."""
    return _document_lines(doc)[0]


def block_lines(doc: CleanDoc, kinds: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The non-empty lines of the document's blocks (of ``kinds`` only, when given), stripped."""
    by_kinds = _document_lines(doc)[1]
    lines = by_kinds.get(kinds)
    if lines is None:
        lines = by_kinds[kinds] = _read_block_lines(doc, kinds)
    return lines


def remember(doc: CleanDoc, key: object, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept for the document while it is the last one read (for answers
    several kinds of evidence share, such as the registry forms its lines write)."""
    kept = _document_lines(doc)[1]
    if key not in kept:
        kept[key] = compute()  # type: ignore[index]
    return kept[key]  # type: ignore[index]


def _read_block_lines(doc: CleanDoc, kinds: tuple[str, ...] | None) -> tuple[str, ...]:
    lines: list[str] = []
    for block in doc.blocks:
        if kinds is not None and block.kind not in kinds:
            continue
        texts = block.items if block.kind == "bullets" else (block.text,)
        lines.extend(line.strip() for t in texts for line in t.splitlines() if line.strip())
    return tuple(lines)
