"""Reading: seeds in any state, sidecars checked key by key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.read import read_archive_inputs, read_seed, read_sidecar


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Caf\u00e9 talks\n".encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "Caf\u00e9 talks\n".encode("utf-8"), "utf-8-sig"),
        ("Caf\u00e9 talks\n".encode("utf-16"), "utf-16"),
        ("Caf\u00e9 talks \u201cquoted\u201d\n".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_decoded_and_recorded(tmp_path, data, encoding):
    seed, _ = read_seed(_write(tmp_path / "a.txt", data))
    assert seed is not None and seed.encoding == encoding
    assert seed.text.startswith("Caf\u00e9 talks")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"x" * 50, "over the limit"),
    ],
)
def test_unusable_seeds_are_reported_with_their_file(tmp_path, data, message):
    path = _write(tmp_path / "bad.txt", data)
    seed, problems = read_seed(path, max_bytes=40)
    assert seed is None
    assert len(problems) == 1 and message in problems[0].message and problems[0].path == str(path)


def test_crlf_line_ends_are_normalised(tmp_path):
    seed, _ = read_seed(_write(tmp_path / "a.txt", b"Title\r\n\r\nBody.\r\n"))
    assert seed.text == "Title\n\nBody.\n"


def test_sidecar_values_and_errors(tmp_path):
    path = tmp_path / "a.meta.yml"
    path.write_text("date: 2012-12-28\noutlet: CNN\ncolour: red\nsummary: [1, 2]\n", encoding="utf-8")
    curated, problems = read_sidecar(path)
    assert dict(curated) == {"date": (dt.date(2012, 12, 28), "day"), "outlet": "CNN"}
    messages = sorted(p.message for p in problems)
    assert any("'colour'" in m for m in messages) and any("'summary'" in m for m in messages)
    assert all(p.path == str(path) for p in problems)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("date: 2015-08", (dt.date(2015, 8, 1), "month")),
        ("date: '2015'", (dt.date(2015, 1, 1), "year")),
        ("date: 2015", (dt.date(2015, 1, 1), "year")),
        ("date: 2015-02-30", None),
        ("date: yesterday", None),
    ],
)
def test_sidecar_dates(tmp_path, text, expected):
    path = tmp_path / "a.meta.yml"
    path.write_text(text + "\n", encoding="utf-8")
    curated, problems = read_sidecar(path)
    if expected is None:
        assert not curated and "date" in problems[0].message
    else:
        assert dict(curated)["date"] == expected and not problems


def test_broken_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "a.meta.yml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    _, problems = read_sidecar(path)
    assert problems and "not valid YAML" in problems[0].message and "line" in problems[0].message


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    _write(tmp_path / "good.txt", b"A title\n\nA body paragraph.\n")
    _write(tmp_path / "empty.txt", b"")
    inputs = read_archive_inputs(tmp_path)
    assert [s.id for s in inputs.seeds] == ["good"]
    assert [Path(p.path).name for p in inputs.problems] == ["empty.txt"]
