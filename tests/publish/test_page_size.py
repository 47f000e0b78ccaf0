"""An article that would make a page too large is published cut, with a note, and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import run_build
from generator.model import Article, Block, CleanDoc, Field, Provenance, Removed
from generator.publish.page_size import cut_oversize_article
from generator.settings import BuildOptions, Settings

PROV = Provenance("test", "", 1.0)


def _article(blocks: int, removed: int = 0, title: str = "Talks", summary: str | None = None) -> Article:
    doc = CleanDoc(
        tuple(Block("paragraph", f"{i:04d} " + "word " * 199) for i in range(blocks)),  # 1,000 bytes each
        tuple(Removed(i, "Advertisement " * 10, "advert") for i in range(removed)),
    )
    return Article(
        id="a", source_path="seeds/a.txt", sha256="0" * 64, title=Field(title, PROV), doc=doc,
        summary=Field(summary, PROV) if summary else None,
    )  # fmt: skip


@pytest.mark.parametrize(
    "blocks, removed, kept_blocks, kept_removed, words",
    [
        (10, 0, 10, 0, None),  # fits: unchanged
        (100, 0, 70, 0, "30 more block(s) of its text"),  # 70% of 100,000 bytes for the body (1,000 each)
        (10, 1_000, 10, 136, "864 more line(s) of its cleaning record"),  # the rest for the cleaning record
    ],
)
def test_what_does_not_fit_is_cut_with_a_note(blocks, removed, kept_blocks, kept_removed, words):
    article, problems = cut_oversize_article(_article(blocks, removed), 100_000, 500, 2_000)
    if words is None:
        assert article == _article(blocks, removed) and problems == ()
        return
    body = [b for b in article.doc.blocks if not b.text.startswith("[This page is cut")]
    assert (len(body), len(article.doc.removed)) == (kept_blocks, kept_removed)
    note = article.doc.blocks[-1].text
    assert words in note and "seeds/a.txt" in note and "100,000 bytes" in note
    (problem,) = problems
    assert problem.path == "seeds/a.txt" and problem.severity == "warning" and "max_page_bytes" in problem.message


def test_an_extracted_headline_or_standfirst_is_cut_at_the_curated_limits():
    article, problems = cut_oversize_article(_article(1, title="T" * 5_000, summary="S" * 5_000), 2_000_000, 500, 2_000)
    assert article.title.value == "T" * 500 + "…" and article.summary.value == "S" * 2_000 + "…"
    assert len(problems) == 2 and all(p.severity == "warning" for p in problems)


def test_a_built_page_stays_near_its_limit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    text = "Ferry strike ends in Dover\n\n" + "".join(f"Paragraph {i}: the ferry crews of Dover met the port again on Monday.\n\n" for i in range(3_000))
    (tmp_path / "seeds" / "long.txt").write_text(text, encoding="utf-8")
    report = tmp_path / "report.json"
    options = BuildOptions(max_page_bytes=50_000)
    assert run_build(Settings(seeds_dir=Path("seeds"), out_dir=Path("site_src")), options, report_path=report, use_cache=False) == 0
    (page,) = [p for p in (tmp_path / "site_src" / "articles").glob("*.md") if p.name != "index.md"]  # not the Articles page
    assert 35_000 < page.stat().st_size < 80_000  # the body's share, the head and the frame
    assert "[This page is cut" in page.read_text(encoding="utf-8")
    assert any("published cut" in p["message"] for p in json.loads(report.read_text(encoding="utf-8"))["problems"])
