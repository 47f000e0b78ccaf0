"""Limits on what one input may hold, as settings: over one is an error naming the file and the setting.

A 10 MB curated summary once wrote 268 MB of feeds, a 10 MB title a page no
browser could open, and 100,000 one-letter lines a 1.2 MB page without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import run_build
from generator.files.seeds import read_archive_inputs
from generator.settings import BuildOptions, InputLimits, Settings, SettingsError, load_settings

ARTICLE = "Ferry strike ends in Dover\n\n" + "The ferry crews of Dover went back to work on Monday after a week on strike. " * 5 + "\n"


def _seed(tmp_path: Path, text: str = ARTICLE, name: str = "a.txt", sidecar: str | None = None) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / name).write_text(text, encoding="utf-8")
    if sidecar is not None:
        (seeds / (Path(name).stem + ".meta.yml")).write_text(sidecar, encoding="utf-8")
    return seeds


# sidecar key -> (longest value accepted, setting named in the error)
VALUE_LIMITS = {
    "title": (500, "max_title_chars"),
    "outlet": (500, "max_title_chars"),
    "authors": (500, "max_title_chars"),
    "summary": (2_000, "max_summary_chars"),
    "source_url": (2_000, "max_summary_chars"),
}


def _value(key: str, length: int) -> str:
    return "https://example.org/" + "a" * (length - 20) if key == "source_url" else "A" * length


@pytest.mark.parametrize("key, limit, setting", [(k, n, s) for k, (n, s) in sorted(VALUE_LIMITS.items())])
def test_a_curated_value_over_its_limit_is_an_error_and_ignored(tmp_path, key, limit, setting):
    seeds = _seed(tmp_path, sidecar=f"{key}: {_value(key, limit + 1)}\n")
    inputs = read_archive_inputs(seeds)
    (seed,) = inputs.seeds
    assert key not in dict(seed.curated)
    (problem,) = inputs.problems
    assert problem.path.endswith("a.meta.yml") and problem.severity == "error"
    assert f"{limit + 1:,} characters, over the limit of {limit:,}" in problem.message and setting in problem.message


@pytest.mark.parametrize("key, limit", [(k, n) for k, (n, _) in sorted(VALUE_LIMITS.items())])
def test_a_curated_value_at_its_limit_is_kept(tmp_path, key, limit):
    seeds = _seed(tmp_path, sidecar=f"{key}: {_value(key, limit)}\n")
    inputs = read_archive_inputs(seeds)
    assert inputs.problems == () and dict(inputs.seeds[0].curated)[key] == _value(key, limit)


def test_front_matter_values_keep_the_same_limits(tmp_path):
    seeds = _seed(tmp_path, text=f"---\ntitle: {'T' * 501}\noutlet: CNN\n---\n{ARTICLE}", name="a.md")
    inputs = read_archive_inputs(seeds)
    assert dict(inputs.seeds[0].curated) == {"outlet": "CNN"}
    (problem,) = inputs.problems
    assert "front matter" in problem.path and "over the limit of 500" in problem.message


def test_a_sidecar_over_its_size_limit_is_not_read(tmp_path):
    seeds = _seed(tmp_path, sidecar="outlet: CNN\nsummary: " + "word " * 2_000_000 + "\n")  # 10 MB
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["a"] and inputs.seeds[0].curated == ()
    (problem,) = inputs.problems
    assert "over the limit of 100,000" in problem.message and "max_sidecar_bytes" in problem.message


def test_a_seed_of_too_many_lines_is_skipped(tmp_path):
    seeds = _seed(tmp_path, text="Ferry strike\n\n" + "a\n" * 100_000, name="lines.txt")
    (seeds / "b.txt").write_text(ARTICLE, encoding="utf-8")
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["b"]
    (problem,) = inputs.problems
    assert problem.path.endswith("lines.txt") and "100,003 lines long, over the limit of 20,000" in problem.message
    assert "max_seed_lines" in problem.message


def test_each_limit_is_a_setting(tmp_path):
    settings = load_settings(
        {"max_seed_lines": 10, "max_sidecar_bytes": 200, "max_title_chars": 30, "max_summary_chars": 40}
    )
    assert settings.input_limits() == InputLimits(seed_lines=10, sidecar_bytes=200, title_chars=30, summary_chars=40)
    assert load_settings({}).input_limits() == InputLimits()
    with pytest.raises(SettingsError) as err:
        load_settings({"max_title_chars": 0, "max_seed_lines": "many"})
    assert len(err.value.errors) == 2
    seeds = _seed(tmp_path, sidecar=f"title: {'T' * 31}\n")
    inputs = read_archive_inputs(seeds, limits=settings.input_limits())
    assert "over the limit of 30" in inputs.problems[0].message


def test_a_huge_curated_summary_costs_the_site_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _seed(tmp_path, sidecar=f"date: 2019-06-03\nsummary: {'S' * 10_000_000}\n")
    report = tmp_path / "report.json"
    status = run_build(Settings(seeds_dir=Path("seeds"), out_dir=Path("site_src")), BuildOptions(), report_path=report, use_cache=False)
    assert status == 0
    assert sum(p.stat().st_size for p in (tmp_path / "site_src").rglob("*") if p.is_file()) < 200_000
    assert any("max_sidecar_bytes" in p["message"] for p in json.loads(report.read_text(encoding="utf-8"))["problems"])
