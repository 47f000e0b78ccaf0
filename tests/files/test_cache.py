"""The extraction cache (generator/files/cache.py) and the cached, parallel extraction of build.extract_articles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import shutil

import pytest

from generator import build as pipeline
from generator.files.cache import PACKAGE_DIR, ExtractionCache, compute_fingerprint, list_fingerprinted_files
from generator.model import Removed, Seed
from generator.settings import BuildOptions
from generator.files.seeds import read_archive_inputs

from ..conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> tuple[Seed, ...]:
    return read_archive_inputs(SEEDS).seeds


def test_fingerprint_is_stable_and_short() -> None:
    assert compute_fingerprint() == compute_fingerprint()
    assert len(compute_fingerprint()) == 20


def test_the_fingerprint_covers_every_subpackage() -> None:
    hashed = {p.relative_to(PACKAGE_DIR).as_posix() for p in list_fingerprinted_files()}
    assert {"build.py", "extract/clean.py", "extract/dates/choose.py", "resolve/events.py", "publish/pages.py"} <= hashed
    actors = {p.relative_to(PACKAGE_DIR).as_posix() for p in (PACKAGE_DIR / "resolve" / "actors").glob("*.py")}
    assert actors and actors <= hashed
    assert {p.relative_to(PACKAGE_DIR).as_posix() for p in (PACKAGE_DIR / "data").glob("*.yml")} <= hashed


def test_the_mkdocs_plugin_is_not_fingerprinted() -> None:
    """It shapes only site/ (whose own stamps hash it): editing it must not extract everything again."""
    hashed = {p.relative_to(PACKAGE_DIR).as_posix() for p in list_fingerprinted_files()}
    assert "plugin/plugin.py" not in hashed and "files/cache.py" in hashed


@pytest.mark.parametrize("module", ["extract/clean.py", "resolve/actors/names.py", "data/outlets.yml"])
def test_changing_a_module_of_a_subpackage_changes_the_fingerprint(tmp_path: Path, module: str) -> None:
    copy = tmp_path / "generator"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = compute_fingerprint(copy)
    assert before == compute_fingerprint(PACKAGE_DIR)  # a copy elsewhere is the same code
    with (copy / module).open("a", encoding="utf-8") as fh:
        fh.write("\n# changed\n")
    assert compute_fingerprint(copy) != before


def test_entries_survive_a_save_and_a_new_cache(tmp_path: Path, seeds) -> None:
    article = pipeline.extract_seed(seeds[0])
    first = ExtractionCache(tmp_path, "one")
    first.put("ab12", article)
    assert first.save() == 1
    again = ExtractionCache(tmp_path, "one")
    assert again.get("ab12") == article
    assert (again.hits, again.misses) == (1, 0)


def test_another_fingerprint_sees_nothing_and_drops_the_old_entries(tmp_path: Path) -> None:
    old = ExtractionCache(tmp_path, "old")
    old.put("ab12", "value")
    old.save()
    new = ExtractionCache(tmp_path, "new")
    assert new.get("ab12") is None
    new.put("cd34", "other")
    new.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new"]


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05\x95"])
def test_an_unreadable_entry_is_a_miss(tmp_path: Path, content: bytes) -> None:
    cache = ExtractionCache(tmp_path, "fp")
    (tmp_path / "fp" / "ab").mkdir(parents=True)
    (tmp_path / "fp" / "ab" / "ab12").write_bytes(content)
    assert cache.get("ab12") is None
    assert cache.misses == 1


def _changed(seed: Seed, what: str) -> Seed:
    return {
        "text": replace(seed, text=seed.text + "\nOne more line."),
        "path": replace(seed, path="elsewhere/" + seed.path),
        "sidecar": replace(seed, curated=(("outlet", "Another Outlet"),)),
    }[what]


@pytest.mark.parametrize("what", ["text", "path", "sidecar"])
def test_the_key_changes_with_what_extraction_reads(seeds, what: str) -> None:
    seed = seeds[0]
    assert pipeline.compose_cache_key(_changed(seed, what), True) != pipeline.compose_cache_key(seed, True)


def test_the_key_changes_with_the_options(seeds) -> None:
    assert pipeline.compose_cache_key(seeds[0], False) != pipeline.compose_cache_key(seeds[0], True)
    article = pipeline.extract_seed(seeds[0])
    key = pipeline.compose_mentions_key(article, None)
    assert pipeline.compose_mentions_key(article, "en_core_web_sm") != key
    assert pipeline.compose_mentions_key(pipeline.extract_seed(seeds[1]), None) != key
    # recurring furniture taken out of the text: other text, other mentions
    recurring = Removed(3, "Read more from our bureau", "recurring-line")
    trimmed = replace(article, doc=replace(article.doc, removed=(*article.doc.removed, recurring)))
    assert pipeline.compose_mentions_key(trimmed, None) != key


def test_a_rebuild_extracts_only_the_changed_seed(tmp_path: Path, seeds) -> None:
    cold = ExtractionCache(tmp_path, "fp")
    first = pipeline.extract_articles(seeds, cache=cold)
    cold.save()
    edited = list(seeds)
    edited[2] = _changed(seeds[2], "text")
    warm = ExtractionCache(tmp_path, "fp")
    second = pipeline.extract_articles(edited, cache=warm)
    assert (warm.hits, warm.misses) == (len(seeds) - 1, 1)
    assert [a for i, a in enumerate(second) if i != 2] == [a for i, a in enumerate(first) if i != 2]
    assert second[2] == pipeline.extract_seed(edited[2])


def test_cached_articles_equal_fresh_ones(tmp_path: Path, seeds) -> None:
    cache = ExtractionCache(tmp_path, "fp")
    pipeline.extract_articles(seeds, cache=cache)
    cache.save()
    assert pipeline.extract_articles(seeds, cache=ExtractionCache(tmp_path, "fp")) == pipeline.extract_articles(seeds)


def test_parallel_extraction_gives_the_serial_result_in_order(monkeypatch, seeds) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_SEEDS_PER_JOB", 1)
    monkeypatch.setattr(pipeline, "PARALLEL_CHUNK", 2)
    ticks: list[int] = []
    parallel = pipeline.extract_articles(seeds, BuildOptions(jobs=2), progress=ticks.append)
    assert parallel == pipeline.extract_articles(seeds, BuildOptions(jobs=1))
    assert [a.id for a in parallel] == [s.id for s in seeds]
    assert sum(ticks) == len(seeds)


def test_the_whole_archive_is_the_same_with_jobs_and_cache(tmp_path: Path, monkeypatch, archive) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_SEEDS_PER_JOB", 1)
    inputs = read_archive_inputs(SEEDS)
    cache = ExtractionCache(tmp_path, "fp")
    assert pipeline.build_archive(inputs, BuildOptions(jobs=2), cache=cache) == archive
    cache.save()
    stages: list[str] = []
    assert pipeline.build_archive(inputs, cache=ExtractionCache(tmp_path, "fp"), on_stage=stages.append) == archive
    assert stages == ["extract", "furniture", "mentions", "actors", "story dates", "events"]


def test_a_table_keeps_the_values_a_build_used(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path, "fp")
    table = cache.table("derived")
    table["a"], table["b"] = 1, 2
    cache.save()
    again = ExtractionCache(tmp_path, "fp").table("derived")
    assert again.get("a") == 1 and "c" not in again
    again_cache = ExtractionCache(tmp_path, "fp")
    used = again_cache.table("derived")
    assert used.get("b") == 2 and used.get("c") is None
    again_cache.save()  # "a" was not used: dropped
    assert dict(ExtractionCache(tmp_path, "fp").table("derived").data) == {"b": 2}


def test_an_unchanged_table_is_not_written_again(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path, "fp")
    cache.table("derived")["a"] = 1
    cache.save()
    path = tmp_path / "fp" / "derived.table"
    before = path.stat().st_mtime_ns, path.stat().st_ino
    reread = ExtractionCache(tmp_path, "fp")
    assert "a" in reread.table("derived")
    reread.save()
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05\x95", b"\x80\x05N."])
def test_an_unreadable_table_is_empty(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "fp").mkdir()
    (tmp_path / "fp" / "derived.table").write_bytes(content)
    assert len(ExtractionCache(tmp_path, "fp").table("derived")) == 0


def test_story_dates_and_events_are_the_same_with_the_derived_table(tmp_path: Path, monkeypatch, archive) -> None:
    inputs = read_archive_inputs(SEEDS)
    cache = ExtractionCache(tmp_path, "fp")
    assert pipeline.build_archive(inputs, cache=cache) == archive
    cache.save()
    assert len(cache.table(pipeline.DERIVED_TABLE)) > 0
    # every retried date and every text's terms now come from the table
    monkeypatch.setattr("generator.resolve.story.resolve_date_with_anchors", lambda *a: pytest.fail("date not cached"))
    monkeypatch.setattr("generator.resolve.actors.extract_mentions", lambda *a, **k: pytest.fail("mentions not cached"))
    monkeypatch.setattr("generator.resolve.tfidf._build_analyzer", lambda: pytest.fail("terms not cached"))
    assert pipeline.build_archive(inputs, cache=ExtractionCache(tmp_path, "fp")) == archive


def test_a_second_save_writes_only_the_tables_changed_since(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path, "fp")
    cache.table("derived")["a"] = 1
    cache.save()
    path = tmp_path / "fp" / "derived.table"
    first = path.stat().st_ino
    cache.save()
    assert path.stat().st_ino == first
    cache.table("written")["p"] = 2
    cache.save()
    assert path.stat().st_ino == first and (tmp_path / "fp" / "written.table").is_file()
