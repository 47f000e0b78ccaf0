"""What every match of a regex holds: texts it needs, the longest text it can match.

Read once from a pattern's parse tree, these let a caller pass over a line without
running the pattern (Python's ``re`` scans an unanchored, case-insensitive alternation
slowly, and most lines are prose no furniture or cue pattern matches): a line lacking
all of a pattern's required texts, or longer than its longest match, cannot match it.
The answer with the shortcut is always the pattern's own (tests/extract/test_clean.py).
"""

from __future__ import annotations

import re
from typing import Sequence


def extract_required_texts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case texts, one of which every line the pattern matches holds, or ``None``.

    Read from the pattern's parse tree: a run of literal characters must be in the
    match, as must one branch of an alternation and the body of a repeat that
    occurs at least once. A line lacking all of the texts (once lowered by
    :func:`lower_for_required_texts`) can be passed over without running the
    pattern: Python's ``re`` scans an unanchored, case-insensitive alternation
    slowly, and most lines are prose. A literal outside ASCII that has a case
    ends a run (case-insensitive matching pairs some letters across scripts);
    so does anything else not understood. With no text found the answer is
    ``None`` (always run the pattern), as it is when the texts are too many to be
    worth looking for. A text holding another of the texts is left out ("share this"
    beside "share"): wherever it stands, so does the shorter one.
    """
    parser = getattr(re, "_parser", None)
    if parser is None:
        return None
    try:
        needs = _sequence_needs(parser.parse(pattern.pattern, pattern.flags), parser)
    except Exception:  # a parser this code does not know: no shortcut, same results
        return None
    return None if needs is None else frozenset(t for t in needs if not any(o != t and o in t for o in needs))


def extract_longest_match(pattern: re.Pattern[str]) -> int | None:
    """The length of the longest line the pattern can match, or ``None`` when unbounded.

    Bounded when every way through the pattern starts at the text's start (``^``) and
    ends at its end (``$``), and the parse tree's widest match is finite: a match is
    then the whole line (``$`` may stand before one final newline, counted too). Most
    furniture rules are such ("^(share|tweet|email)$"): a paragraph is too long for
    them, and is passed over without looking for their texts.
    """
    parser = getattr(re, "_parser", None)
    if parser is None:
        return None
    try:
        tree = parser.parse(pattern.pattern, pattern.flags)
        widest = tree.getwidth()[1]
        anchored = _anchored(list(tree), 0, parser) and _anchored(list(tree), -1, parser)
    except Exception:  # a parser this code does not know: no shortcut, same results
        return None
    return widest + 1 if anchored and widest < parser.MAXREPEAT else None


def _anchored(items: list, end: int, parser) -> bool:  # type: ignore[no-untyped-def]
    """Whether every way through ``items`` starts at the text's start (``end`` 0) or
    finishes at its end (``end`` -1)."""
    if not items:
        return False
    op, arg = items[end]
    if op is parser.AT:
        return arg in ((parser.AT_BEGINNING, parser.AT_BEGINNING_STRING) if end == 0 else (parser.AT_END, parser.AT_END_STRING))
    if op is parser.BRANCH:
        return all(_anchored(list(branch), end, parser) for branch in arg[1])
    if op is parser.SUBPATTERN:
        return _anchored(list(arg[-1]), end, parser)
    return False


# The characters outside ASCII that Python's case-insensitive matching takes for
# ASCII letters (dotted and dotless i, long s, Kelvin sign): a line holding one
# is not lowered for the test (tests/test_clean.py checks the list against re).
ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")


def lower_for_required_texts(line: str) -> str | None:
    """The line lower-cased, to look for :func:`extract_required_texts` in; ``None``
    when it holds a character case-insensitive matching takes for an ASCII letter."""
    if line.isascii():  # most lines: no lookalike possible, and far cheaper to ask than the search
        return line.lower()
    return None if ASCII_LOOKALIKES.search(line) else line.lower()


# More texts than this cost more to look for than the pattern's own search.
_MAX_NEEDED_TEXTS = 16


def _sequence_needs(items: Sequence, parser) -> frozenset[str] | None:  # type: ignore[no-untyped-def]
    """The most selective set of texts the sequence of parse-tree ``items`` requires."""
    factors: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            factors.append(frozenset({"".join(run)}))
            run.clear()

    for op, arg in _flatten_groups(items, parser):
        if op is parser.LITERAL:
            char = chr(arg)
            if char.isascii():
                run.append(char.lower())
                continue
            if char.lower() == char == char.upper():  # no case: matched only as written
                run.append(char)
                continue
        end_run()
        if op is parser.BRANCH:
            branches = [_sequence_needs(branch, parser) for branch in arg[1]]
            if all(b is not None for b in branches):
                factors.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT) and arg[0] >= 1:
            body = _sequence_needs(arg[2], parser)
            if body is not None:
                factors.append(body)
    end_run()
    # The factor whose shortest text is longest says the most.
    worth = [f for f in factors if len(f) <= _MAX_NEEDED_TEXTS]
    return max(worth, key=lambda f: min(len(t) for t in f), default=None)


def _flatten_groups(items: Sequence, parser):  # type: ignore[no-untyped-def]
    """The parse-tree items with each plain group's items in its place (a group consumes nothing)."""
    for op, arg in items:
        if op is parser.SUBPATTERN:
            yield from _flatten_groups(arg[-1], parser)
        else:
            yield op, arg


def match_from_starts(pattern: re.Pattern[str], text: str, starts: set[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match begins at one of
    ``starts``: tried only there, leftmost first, never overlapping, so the same matches
    (``finditer`` tries every position of the page, slowly for a case-insensitive
    alternation). The caller finds the starts with a cheap ``str.find``."""
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            found.append(m)
            end = m.end()
    return found
