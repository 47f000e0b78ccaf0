"""A seed's file name is data: names that could act as markup, hide or cannot exist are refused.

Each hostile name is one error naming the file with its characters escaped (one
line, no markup), and every other seed still builds; a hidden seed is warned
about; a name whose sidecar could not exist on disk never crashes the build.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator import build as build_module
from generator.build import run_build
from generator.files.seeds import PATH_MAX_BYTES, check_seed_name, printable_path, read_archive_inputs
from generator.settings import BuildOptions, Settings

ARTICLE = "Ferry strike ends in Dover\n\n" + "The ferry crews of Dover went back to work on Monday after a week on strike. " * 5 + "\n"

# name (the part before .txt) -> what its error must show of it, escaped
UNSAFE_NAMES = {
    "z\n<img src=x onerror=alert(document.domain)>\n": "z\\n<img src=x onerror=alert(document.domain)>\\n",
    "tab\there": "tab\\there",
    "carriage\rreturn": "carriage\\rreturn",
    "escape\x1b[31mred": "escape\\x1b[31mred",
    "delete\x7f": "delete\\x7f",
    "c1\x85next-line": "c1\\x85next-line",
    "evil\u202etxt.exe": "evil\\u202etxt.exe",
    "isolate\u2066x\u2069": "isolate\\u2066x\\u2069",
    "embed\u202ax\u202c": "embed\\u202ax\\u202c",
    "line\u2028separator": "line\\u2028separator",
    "mark\u200fx": "mark\\u200fx",
}


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return seeds


@pytest.mark.parametrize("stem, shown", sorted(UNSAFE_NAMES.items()))
def test_a_name_with_a_control_or_bidi_character_is_refused_and_the_rest_is_read(tmp_path, stem, shown):
    seeds = _seeds(tmp_path)
    (seeds / f"{stem}.txt").write_text(ARTICLE.replace("Dover", "Calais"), encoding="utf-8")
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["good"]
    assert len(inputs.problems) == 1, inputs.problems
    problem = inputs.problems[0]
    assert problem.severity == "error" and problem.path == f"{seeds}/{shown}.txt"
    assert "its name holds" in problem.message and "Rename" in problem.message
    assert str(problem).isprintable(), repr(str(problem))


def test_a_name_that_is_not_utf8_is_refused_and_named_escaped(tmp_path):
    seeds = _seeds(tmp_path)
    with open(os.path.join(os.fsencode(seeds), b"caf\xe9.txt"), "wb") as fh:
        fh.write(ARTICLE.encode())
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["good"]
    (problem,) = inputs.problems
    assert problem.path == f"{seeds}/caf\\udce9.txt" and "not UTF-8" in problem.message
    assert str(problem).encode("utf-8")  # printable, and writable into any page or report


@pytest.mark.parametrize("stem", ["spaces and, commas (2019)", "Caf\u00e9 \u00e0 Z\u00fcrich", "\u0645\u0648\u0633\u0643\u0648", "back\\slash"])
def test_an_ordinary_name_is_read_and_shown_as_it_is(tmp_path, stem):
    seeds = _seeds(tmp_path)
    (seeds / f"{stem}.txt").write_text(ARTICLE.replace("Dover", "Calais"), encoding="utf-8")
    inputs = read_archive_inputs(seeds)
    assert sorted(s.id for s in inputs.seeds) == sorted(["good", stem]) and inputs.problems == ()
    assert printable_path(f"seeds/{stem}.txt") == f"seeds/{stem}.txt"


@pytest.mark.parametrize(
    "stem, words",
    [
        ("a" * 247, "256 bytes, over the file system's limit of 255"),  # the seed name fits, its sidecar's does not
        ("\u00e9" * 124, "257 bytes"),  # 248 bytes of two-byte letters: the limit counts bytes, not letters
    ],
)
def test_a_name_whose_sidecar_would_be_too_long_is_refused_and_the_rest_is_read(tmp_path, stem, words):
    seeds = _seeds(tmp_path)
    (seeds / f"{stem}.txt").write_text(ARTICLE.replace("Dover", "Calais"), encoding="utf-8")
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["good"]
    (problem,) = inputs.problems
    assert problem.severity == "error" and "too long" in problem.message and words in problem.message


def test_a_path_over_the_system_limit_is_refused_before_anything_is_opened(tmp_path):
    deep = tmp_path.joinpath(*["d" * 200] * (PATH_MAX_BYTES // 200 + 1))  # never created: the check is on the name
    problem = check_seed_name(deep / "a.txt")
    assert problem is not None and "path is too long" in problem.message


@pytest.mark.parametrize("name", [".draft.txt", ".notes.md", ".page.html", ".draft.meta.yml"])
def test_a_hidden_seed_is_not_read_and_is_warned_about(tmp_path, name):
    seeds = _seeds(tmp_path)
    (seeds / name).write_text(ARTICLE, encoding="utf-8")
    (seeds / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # the system's: no word about it
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["good"]
    (problem,) = inputs.problems
    assert problem.path == f"{seeds}/{name}" and problem.severity == "warning" and "hidden" in problem.message


def _settings(tmp_path: Path) -> Settings:
    return Settings(seeds_dir=Path("seeds"), out_dir=Path("site_src"))  # relative, as make runs it


def test_a_long_name_never_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seeds = _seeds(tmp_path)
    (seeds / ("b" * 247 + ".txt")).write_text(ARTICLE.replace("Dover", "Calais"), encoding="utf-8")
    report = tmp_path / "report.json"
    status = run_build(_settings(tmp_path), BuildOptions(), report_path=report, use_cache=False)
    written = json.loads(report.read_text(encoding="utf-8"))
    assert status == 0 and written["built"] == ["seeds/good.txt"]
    assert [p["severity"] for p in written["problems"] if "too long" in p["message"]] == ["error"]


def test_the_build_report_is_rewritten_when_the_build_fails(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _seeds(tmp_path)
    report = tmp_path / "report.json"
    assert run_build(_settings(tmp_path), BuildOptions(), report_path=report, use_cache=False) == 0
    assert json.loads(report.read_text(encoding="utf-8"))["exit_status"] == 0

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in a stage")

    monkeypatch.setattr(build_module, "build_archive", broken)
    with pytest.raises(RuntimeError):
        run_build(_settings(tmp_path), BuildOptions(), report_path=report, use_cache=False)
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["exit_status"] == 1 and written["built"] == []
    assert "a bug in a stage" in written["problems"][0]["message"]
