"""Only regular files inside their folder are read: links out, FIFOs, devices, folders are refused.

Every test here that could block on a FIFO runs under an alarm, so a regression
fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import signal
import socket
import tempfile
from pathlib import Path

import pytest

from generator.files.curation import read_sidecar, read_yaml
from generator.files.regular import OversizeFileError, RefusedFileError, check_regular_file, read_regular_file
from generator.files.seeds import check_seed_args, read_archive_inputs, read_seed

# Seconds a test may take before it counts as blocked (a FIFO opened for reading waits forever).
BLOCKED_AFTER_SECONDS = 10
ARTICLE = b"Talks in Moscow\n\nRussia invited the opposition for talks in Moscow, the ministry said.\n"
SECRET = b"SECRET-CANARY line\n\nThe password of the archive server is hunter2, said the admin.\n"


@pytest.fixture(autouse=True)
def never_blocks():
    """Fail (instead of hanging) a test that blocks, e.g. on opening a FIFO."""

    def blocked(signum, frame):
        raise TimeoutError(f"blocked for {BLOCKED_AFTER_SECONDS} s: a FIFO was opened?")

    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(BLOCKED_AFTER_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def archive(tmp_path):
    """``seeds/`` with one good article, and ``outside/`` with a secret beside it."""
    seeds, outside = tmp_path / "seeds", tmp_path / "outside"
    seeds.mkdir()
    outside.mkdir()
    (seeds / "good.txt").write_bytes(ARTICLE)
    (outside / "secret.txt").write_bytes(SECRET)
    (outside / "secret.meta.yml").write_text("title: SECRET-CANARY\n", encoding="utf-8")
    return seeds, outside


def _plant(kind: str, at: Path, outside: Path) -> None:
    """Put a thing of ``kind`` at ``at``."""
    if kind == "link to a file outside":
        at.symlink_to(outside / "secret.txt")
    elif kind == "relative link outside":
        at.symlink_to(os.path.relpath(outside / "secret.txt", at.parent))
    elif kind == "link to a folder outside":
        at.symlink_to(outside, target_is_directory=True)
    elif kind == "link to a device":
        at.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(at)
    elif kind == "folder":
        at.mkdir()
        (at / "inner.txt").write_bytes(SECRET)
    elif kind == "dangling link":
        at.symlink_to(at.parent / "gone.txt")
    else:
        raise AssertionError(kind)


# kind -> words the one error must contain
REFUSED = {
    "link to a file outside": "outside",
    "relative link outside": "outside",
    "link to a folder outside": "outside",
    "link to a device": "outside",
    "fifo": "FIFO",
    "folder": "a folder",
    "dangling link": "does not exist",
}


@pytest.mark.parametrize("kind, words", sorted(REFUSED.items()))
def test_a_seed_that_is_not_a_regular_file_inside_is_one_error_and_never_read(archive, kind, words):
    seeds, outside = archive
    _plant(kind, seeds / "bad.txt", outside)
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["good"]
    assert len(inputs.problems) == 1, inputs.problems
    problem = inputs.problems[0]
    assert problem.path == str(seeds / "bad.txt") and problem.severity == "error"
    assert words in problem.message and "not read" in problem.message or "does not exist" in problem.message
    assert not any("SECRET" in s.text for s in inputs.seeds)


@pytest.mark.parametrize("kind, words", sorted(REFUSED.items()))
def test_a_sidecar_that_is_not_a_regular_file_inside_is_one_error_and_the_seed_still_builds(archive, kind, words):
    seeds, outside = archive
    target = seeds / "good.meta.yml"
    if kind == "link to a file outside":
        target.symlink_to(outside / "secret.meta.yml")
    else:
        _plant(kind, target, outside)
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["good"] and inputs.seeds[0].curated == ()
    assert [(p.path, p.severity) for p in inputs.problems] == [(str(target), "error")]
    assert words in inputs.problems[0].message


@pytest.mark.parametrize("name", ["actors.yml", "events.yml"])
@pytest.mark.parametrize("kind, words", sorted(REFUSED.items()))
def test_a_decision_file_that_is_not_a_regular_file_inside_is_one_error(archive, name, kind, words):
    seeds, outside = archive
    (outside / "secret.txt").write_text("SECRET-CANARY: [1]\n", encoding="utf-8")
    _plant(kind, seeds / name, outside)
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["good"]
    assert inputs.actor_decisions is None and inputs.event_overrides is None
    assert [(p.path, p.severity) for p in inputs.problems] == [(str(seeds / name), "error")]
    assert words in inputs.problems[0].message


def test_a_link_to_a_file_inside_the_seeds_folder_is_read(archive):
    seeds, _ = archive
    (seeds / "originals").mkdir()
    (seeds / "originals" / "kept.txt").write_bytes(ARTICLE.replace(b"Moscow", b"Kyiv"))
    (seeds / "kept.txt").symlink_to(Path("originals") / "kept.txt")
    (seeds / "kept.meta.yml").symlink_to(seeds / "good.txt")  # inside, though not YAML mapping: read, then refused as such
    inputs = read_archive_inputs(seeds)
    assert [s.id for s in inputs.seeds] == ["good", "kept"]
    assert "Kyiv" in inputs.seeds[1].text
    assert [p.message for p in inputs.problems] == ["must be a mapping of field: value"]


def test_a_link_inside_a_linked_seeds_folder_is_inside(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_bytes(ARTICLE)
    (real / "b.txt").symlink_to(real / "a.txt")
    (tmp_path / "seeds").symlink_to(real, target_is_directory=True)
    inputs = read_archive_inputs(tmp_path / "seeds")
    assert [s.id for s in inputs.seeds] == ["a"]  # b is a's copy, warned about as such
    assert [p.severity for p in inputs.problems] == ["warning"] and "copy" in inputs.problems[0].message


def test_a_socket_is_refused():
    # sockets' paths are short (108 bytes): a folder of its own under /tmp
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        path = Path(folder) / "s.txt"
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))
            seed, problems = read_seed(path)
    assert seed is None and len(problems) == 1 and "socket" in problems[0].message


@pytest.mark.parametrize("path, words", [("/dev/null", "a device"), ("/dev/zero", "a device"), ("/", "a folder")])
def test_files_named_on_the_command_line_must_be_regular(path, words):
    with pytest.raises(RefusedFileError, match=words):
        read_regular_file(Path(path))
    (problem,) = check_seed_args([Path(path)])
    assert problem.path == path and words in problem.message


def test_command_line_files_may_be_anywhere_but_not_a_fifo(archive):
    seeds, outside = archive
    os.mkfifo(outside / "pipe.txt")
    assert check_seed_args([outside / "secret.txt", seeds / "good.txt"]) == ()
    assert [p.message for p in check_seed_args([outside / "missing.txt"])] == ["no such file"]
    (problem,) = check_seed_args([outside / "pipe.txt"])
    assert "FIFO" in problem.message
    inputs = read_archive_inputs(seeds, paths=[outside / "secret.txt", outside / "pipe.txt"])
    assert [s.id for s in inputs.seeds] == ["secret"]  # named by the user: read from anywhere
    assert [p.path for p in inputs.problems] == [str(outside / "pipe.txt")]


def test_a_yaml_file_named_on_the_command_line_may_not_be_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "truth.yml")
    data, problems = read_yaml(tmp_path / "truth.yml")
    assert data is None and "FIFO" in problems[0].message


def test_no_sidecar_is_no_problem(tmp_path):
    assert read_sidecar(tmp_path / "a.meta.yml") == ((), ())


def test_an_oversize_file_is_not_read_whole(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 100)
    with pytest.raises(OversizeFileError) as caught:
        read_regular_file(tmp_path / "big.txt", tmp_path, max_bytes=10)
    assert caught.value.size == 100


def test_the_resolved_path_is_what_is_checked(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "b.txt").symlink_to("a.txt")
    assert check_regular_file(tmp_path / "b.txt", tmp_path) == (tmp_path / "a.txt").resolve()
    with pytest.raises(FileNotFoundError):
        check_regular_file(tmp_path / "none.txt", tmp_path)
