"""How much of one article a page may hold: an article that would make a page too large is published cut.

A seed within its limits (``max_seed_bytes``, ``max_seed_lines``) can still make a
page no browser opens: its text is on the page once in the body and again, line by
line, in the cleaning record, and its headline and standfirst are repeated in the
page's head (title, description, JSON-LD, Open Graph, citation, BibTeX). So the body
and the cleaning record share a budget of ``max_page_bytes``, and an extracted
headline or standfirst is cut at the curated values' limits. Every cut is said on
the page (a note where the text stops) and reported, naming the seed; the whole
text stays in the seed file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from generator.model import Article, Block, Problem

T = TypeVar("T")

# The body's share of the page budget; the cleaning record (furniture, a table row
# per line) gets the rest. Escaping and the page's frame add little beyond them.
BODY_SHARE = 0.7
CUT_MARK = "…"


def cut_oversize_article(
    article: Article, max_page_bytes: int, max_title_chars: int, max_summary_chars: int
) -> tuple[Article, tuple[Problem, ...]]:
    """The article as its page may hold it, and a warning for each part that was cut."""
    problems: list[Problem] = []
    label = article.source_path
    if len(article.title.value) > max_title_chars:
        article = replace(article, title=replace(article.title, value=article.title.value[:max_title_chars] + CUT_MARK))
        problems.append(Problem(label, f"its headline is over {max_title_chars:,} characters; published cut (check the title, or set one in its sidecar)", "warning"))
    if article.summary is not None and len(article.summary.value) > max_summary_chars:
        article = replace(article, summary=replace(article.summary, value=article.summary.value[:max_summary_chars] + CUT_MARK))
        problems.append(Problem(label, f"its standfirst is over {max_summary_chars:,} characters; published cut", "warning"))
    body_budget = int(max_page_bytes * BODY_SHARE)
    blocks, dropped = _fit(article.doc.blocks, body_budget, lambda b: len(b.plain().encode("utf-8")))
    # a row of the cleaning record: the line, its number, rule and the rule's reason
    removed, dropped_lines = _fit(article.doc.removed, max_page_bytes - body_budget, lambda r: len(r.text.encode("utf-8")) + 80)
    if not dropped and not dropped_lines:
        return article, tuple(problems)
    said = []
    if dropped:
        said.append(f"{dropped:,} more block(s) of its text")
    if dropped_lines:
        said.append(f"{dropped_lines:,} more line(s) of its cleaning record")
    note = Block(
        "paragraph",
        f"[This page is cut: {' and '.join(said)} would make it larger than {max_page_bytes:,} bytes. "
        f"The whole text is in {article.source_path}.]",
    )
    article = replace(article, doc=replace(article.doc, blocks=(*blocks, note), removed=removed))
    problems.append(
        Problem(
            label,
            f"would make a page over {max_page_bytes:,} bytes; published cut ({', '.join(said)} left out). "
            "Keep only the article's text in the seed, or raise max_page_bytes in [tool.newsarchive] of pyproject.toml",
            "warning",
        )
    )
    return article, tuple(problems)


def cut_oversize_articles(
    articles: Sequence[Article], max_page_bytes: int, max_title_chars: int, max_summary_chars: int
) -> tuple[list[Article], list[Problem]]:
    """:func:`cut_oversize_article` for each article, in order, with all the warnings."""
    out: list[Article] = []
    problems: list[Problem] = []
    for article in articles:
        cut, found = cut_oversize_article(article, max_page_bytes, max_title_chars, max_summary_chars)
        out.append(cut)
        problems.extend(found)
    return out, problems


def _fit(items: Sequence[T], budget: int, size: Callable[[T], int]) -> tuple[tuple[T, ...], int]:
    """The leading items whose sizes fit in ``budget``, and how many were left out."""
    total = 0
    for i, item in enumerate(items):
        total += size(item)
        if total > budget:
            return tuple(items[:i]), len(items) - i
    return tuple(items), 0
