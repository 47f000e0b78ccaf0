"""Reading: seeds in any state, sidecars checked key by key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.files.curation import read_sidecar
from generator.files.seeds import read_archive_inputs, read_seed


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


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Caf\u00e9 au lait, na\u00efve fa\u00e7ade\n".encode("latin-1"), "latin-1"),
        ("Caf\u00e9 talks\n".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
        ("Russia invites the opposition for talks in Moscow.\n".encode("utf-16-le"), "utf-16-le"),
        ("\u0420\u043e\u0441\u0441\u0438\u044f \u043f\u0440\u0438\u0433\u043b\u0430\u0441\u0438\u043b\u0430 \u043e\u043f\u043f\u043e\u0437\u0438\u0446\u0438\u044e \u043d\u0430 \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0432 \u041c\u043e\u0441\u043a\u0432\u0443.\n".encode("cp1251"), "cp1251"),
    ],
)
def test_other_encodings_are_detected_and_warned_about(tmp_path, data, encoding):
    seed, problems = read_seed(_write(tmp_path / "a.txt", data))
    assert seed.encoding == encoding
    assert [p.severity for p in problems] == ["warning"] and f"read as {encoding}" in problems[0].message


def test_stray_nul_bytes_are_removed_with_a_warning(tmp_path):
    seed, problems = read_seed(_write(tmp_path / "a.txt", b"Talks\x00 in Moscow\n\nBody text.\n"))
    assert seed.text.startswith("Talks in Moscow")
    assert len(problems) == 1 and "control character" in problems[0].message


def test_mixed_line_ends_are_normalised(tmp_path):
    seed, _ = read_seed(_write(tmp_path / "a.txt", b"Title\r\n\rOne\n\r\nTwo\r"))
    assert seed.text == "Title\n\nOne\n\nTwo\n"


@pytest.mark.parametrize(
    "text, curated, message",
    [
        ("---\ntitle: 'A: b'\ndate: 2015-08\n---\nBody\n", {"title": "A: b", "date": (dt.date(2015, 8, 1), "month")}, None),
        ("---\ntitle: T\nlayout: post\n---\nBody\n", {"title": "T"}, "keys ignored: layout"),
        ("---\ndate: 2015-02-30\n---\nBody\n", {}, "is not a date"),
        ("---\ntitle: [unclosed\n---\nBody\n", {}, "not valid YAML"),
        ("---\nJust a rule, then text\n---\nBody\n", {}, None),  # not a mapping: Markdown rules
        ("---\ntitle: never closed\nBody\n", {}, None),
    ],
)
def test_front_matter_in_a_seed_is_curated_like_a_sidecar(tmp_path, text, curated, message):
    seed, problems = read_seed(_write(tmp_path / "a.md", text.encode()))
    assert dict(seed.curated) == curated
    assert set(seed.front_matter_keys) == set(curated)
    assert [p.message for p in problems if message and message in p.message] or not message and not problems
    if curated or message:
        assert seed.text.count("\n") >= text.count("\n") - 1  # the block became blank lines
        assert "---" not in seed.text.split("Body")[0]


def test_a_sidecar_wins_over_front_matter(tmp_path):
    _write(tmp_path / "a.meta.yml", b"title: From the sidecar\n")
    seed, _ = read_seed(_write(tmp_path / "a.md", b"---\ntitle: From the file\noutlet: CNN\n---\nBody\n"))
    assert dict(seed.curated) == {"title": "From the sidecar", "outlet": "CNN"}
    assert seed.front_matter_keys == ("outlet",)


@pytest.mark.parametrize(
    "line, message",
    [
        ("event: ../../etc", "not an event id"),
        ("event: Moscow Talks", "not an event id"),
        ("source_url: javascript:alert(1)", "not a web address"),
        ("source_url: 'https://example.com/a b'", "not a web address"),
        ("title: '   '", "is empty"),
        ("title: true", "expected text"),
    ],
)
def test_curated_values_that_could_escape_are_refused(tmp_path, line, message):
    path = tmp_path / "a.meta.yml"
    path.write_text(line + "\n", encoding="utf-8")
    curated, problems = read_sidecar(path)
    assert curated == () and len(problems) == 1 and message in problems[0].message


def test_curated_text_is_kept_on_one_line(tmp_path):
    path = tmp_path / "a.meta.yml"
    path.write_text('title: "A\\n---\\ninjected: true"\nevent: moscow-talks-2015\n', encoding="utf-8")
    curated, problems = read_sidecar(path)
    assert dict(curated) == {"title": "A --- injected: true", "event": "moscow-talks-2015"} and not problems


def test_duplicates_and_stray_files_are_reported_once(tmp_path):
    _write(tmp_path / "a.txt", b"A title\n\nA body paragraph.\n")
    _write(tmp_path / "b.txt", b"A title\n\nA body paragraph.\n")
    _write(tmp_path / "scan.pdf", b"%PDF-1.4")
    inputs = read_archive_inputs(tmp_path)
    assert [s.id for s in inputs.seeds] == ["a"]
    assert sorted((Path(p.path).name, p.severity) for p in inputs.problems) == [("b.txt", "warning"), ("scan.pdf", "warning")]


def test_an_html_seed_is_read_as_its_article(tmp_path):
    page = (
        "<html><head><title>Talks | Site</title><meta property='og:title' content='Talks in Moscow'>"
        "<link rel='canonical' href='https://example.com/talks'><script>alert(1)</script></head><body>"
        "<article><p>Russia invited the opposition for talks in Moscow next week, the ministry said on Monday.</p>"
        "<p>The coalition said it would decide whether to go after a meeting of its leaders.</p></article></body></html>"
    )
    seed, problems = read_seed(_write(tmp_path / "a.html", page.encode()))
    assert not problems
    assert seed.text.startswith("Talks in Moscow\n\nRussia invited")
    assert "alert" not in seed.text and "<" not in seed.text
    assert [k for k, _, _ in seed.stated] == ["title", "source_url"]
