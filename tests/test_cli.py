"""The command line as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

KEYS = {"id", "title", "date", "outlet", "actors", "body", "summary", "provenance", "removed", "event"}


def _inspect(*args: str) -> subprocess.CompletedProcess[str]:
    seeds = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))
    return subprocess.run(
        [sys.executable, "-m", "generator", "inspect", *seeds, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )


def test_inspect_json_has_every_public_key_for_every_seed(truth):
    records = json.loads(_inspect("--json").stdout)
    assert [r["id"] for r in records] == sorted(truth["articles"])
    for record in records:
        assert KEYS <= set(record), record["id"]
        assert set(record["provenance"]) >= {"title", "date", "outlet"}
        for actor in record["actors"]:
            assert set(actor) == {"name", "type", "mentions"} and actor["type"] in ("person", "organisation", "state", "other")
        assert record["event"] is None or set(record["event"]) == {"id", "title", "title_article", "title_provenance", "date", "related"}
        for removed in record["removed"]:
            assert removed["rule"] and removed["text"]


def test_inspect_without_curation_never_invents_a_date_or_outlet(truth):
    records = {r["id"]: r for r in json.loads(_inspect("--json", "--no-curation").stdout)}
    for stem, expected in truth["articles"].items():
        got = records[stem]
        if expected["outlet"] is None:
            assert got["outlet"] is None, stem
        if got["date"] is not None and got["date"] != str(expected["date"]):
            accepted = [str(d) for d in expected.get("date_accept", [])]
            assert got["date"] in accepted or got["provenance"]["date"]["confidence"] <= 0.5, stem


def test_inspect_report_is_readable():
    out = _inspect().stdout
    assert "== 000_fd73cf28fdfb5874" in out and "title:" in out


def test_build_exits_non_zero_when_nothing_can_be_built(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--out", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "is empty" in result.stderr


def test_build_writes_a_report_of_every_problem(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text("Talks in Moscow\n\nRussia invited the opposition for talks, the ministry said.\n", encoding="utf-8")
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    args = [sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--out", "out"]
    env = {**os.environ, "SITE_URL": "https://news.example.org/"}  # a published address: no site_url warning
    result = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, env=env)
    report = json.loads((tmp_path / ".newsarchive" / "build-report.json").read_text(encoding="utf-8"))
    assert result.returncode == 0 and report["exit_status"] == 0
    assert report["built"] == ["seeds/good.txt"] and report["errors"] == 1
    assert report["problems"] == [{"file": "seeds/empty.txt", "severity": "error", "message": report["problems"][0]["message"]}]
    assert result.stderr.count("empty.txt") == 1
    strict = subprocess.run([*args, "--strict", "--report", "r.json"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert strict.returncode == 1 and json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["exit_status"] == 1


def test_a_build_without_site_url_warns_once_that_citations_name_a_local_address(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("one", "two"):
        # two different articles (the same short text twice would be warned about as a shared teaser)
        (seeds / f"{name}.txt").write_text(f"Talks in {name}\n\nRussia invited the opposition to talks in {name}, the ministry said.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    args = [sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--out", "out"]
    result = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("http://127.0.0.1:8000/") == 1 and "SITE_URL" in result.stderr
    report = json.loads((tmp_path / ".newsarchive" / "build-report.json").read_text(encoding="utf-8"))
    warnings = [p for p in report["problems"] if "site_url" in p["message"]]
    assert report["warnings"] == 1 and [w["severity"] for w in warnings] == ["warning"]


@pytest.mark.parametrize("enabled", [True, False])
def test_a_build_leaves_the_cycle_collector_as_it_found_it(monkeypatch, tmp_path, enabled) -> None:
    import gc

    from generator import build
    from generator.settings import Settings

    seen = []
    monkeypatch.setattr(build, "_run_build", lambda *args: (seen.append(gc.isenabled()) or 0, []))
    (gc.enable if enabled else gc.disable)()
    try:
        # an output folder of its own: run_build holds its lock
        assert build.run_build(Settings(out_dir=tmp_path / "site_src"), None, report_path=None) == 0
        assert seen == [False] and gc.isenabled() is enabled
    finally:
        gc.enable()


# --- `new`: an empty archive of one's own -------------------------------------------------


def _new(folder, title: str = "Kim Jong Un's summits") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "new", str(folder), "--title", title], cwd=ROOT, capture_output=True, text=True
    )


def test_new_makes_an_empty_archive_with_its_own_title_and_nothing_of_the_demo(tmp_path):
    import tomllib

    import yaml

    from generator.files.project import read_settings_table
    from generator.settings import load_settings

    title = 'Kim & "the" summits: an archive'
    result = _new(tmp_path / "mine", title)
    assert result.returncode == 0, result.stderr
    mine = tmp_path / "mine"
    names = sorted(p.relative_to(mine).as_posix() for p in mine.rglob("*") if p.is_file())
    assert names == [
        ".gitignore", "Makefile", "mkdocs.yml", "pagefind.yml", "pyproject.toml", "seeds/.gitkeep", "site_src/about.md", "site_src/assets/archive.css",
    ], "no seeds, no decision files, no permalinks.yml of the demo"
    config = yaml.load((mine / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # BaseLoader: reads !ENV as text
    assert config["site_name"] == title
    assert config["theme"]["custom_dir"] == (ROOT / "generator" / "plugin" / "theme").as_posix()
    assert tomllib.loads((mine / "pyproject.toml").read_text())["tool"]["newsarchive"]["archive_title"] == title
    assert load_settings(read_settings_table(mine)).archive_title == title
    assert f"NEWSARCHIVE ?= {ROOT.as_posix()}" in (mine / "Makefile").read_text()
    assert "Russia" not in "".join((mine / n).read_text() for n in names)


@pytest.mark.parametrize("what", ["a file in it", "a file"])
def test_new_refuses_a_folder_that_is_not_empty(tmp_path, what):
    target = tmp_path / "mine"
    if what == "a file":
        target.write_text("x")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    result = _new(target)
    assert result.returncode == 2 and "not an empty folder" in result.stderr
    assert not (tmp_path / "mine" / "mkdocs.yml").exists()


def test_build_prints_the_first_problems_and_points_to_the_rest(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Talks in Geneva\n\n" + "Ministers met in Geneva on Monday to talk about the truce. " * 10)
    for i in range(14):
        (seeds / f"n{i:02d}.bin").write_bytes(b"x")  # another kind of file: a warning each
    run = lambda *flags: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), *flags],
        cwd=tmp_path, capture_output=True, text=True,
    )
    quiet, verbose = run(), run("-v")
    assert quiet.returncode == verbose.returncode == 0, quiet.stderr
    assert len(quiet.stderr.splitlines()) == 11 and "... and 5 more problems" in quiet.stderr  # 14 files + site_url
    assert len(verbose.stderr.splitlines()) == 15 and "more problems" not in verbose.stderr
