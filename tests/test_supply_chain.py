"""What the build installs and runs is pinned to its content, not to a name that can be moved.

Every requirement of requirements.lock is an exact version with the sha256 of its
file, installed with ``--require-hashes`` by the Makefile; every action of the
workflows is pinned by a full commit SHA, with its release tag in a comment.
"""

from __future__ import annotations

import importlib.util
import re

import pytest
import yaml

from .conftest import ROOT

LOCK = ROOT / "requirements.lock"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
_PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*==[^\s;\\]+(\s*;\s*[^\\]+?)?$")
_HASH = re.compile(r"^--hash=sha256:[0-9a-f]{64}$")
_USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)(?:\s+#\s*(\S+))?\s*$")


def _requirements(text: str) -> list[tuple[str, list[str]]]:
    """``(requirement, options)`` for each logical line (backslash continuations joined)."""
    joined = re.sub(r"\\\n", " ", text)
    out = []
    for line in joined.splitlines():
        line = line.split(" #")[0].strip() if not line.lstrip().startswith("#") else ""
        if not line:
            continue
        requirement, *options = re.split(r"\s+(?=--)", line)
        out.append((requirement.strip(), [o.strip() for o in options]))
    return out


def test_every_locked_requirement_is_an_exact_version_with_a_hash():
    requirements = _requirements(LOCK.read_text(encoding="utf-8"))
    assert len(requirements) > 50
    for requirement, options in requirements:
        assert _PIN.match(requirement), requirement
        assert options and all(_HASH.match(o) for o in options), (requirement, options)


def test_the_makefile_installs_the_lock_with_require_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and "-r requirements.lock" in line]
    assert installs and all("--require-hashes" in line for line in installs), installs
    lock_target = makefile.split("\nlock:", 1)[1].split("\n\n", 1)[0]
    assert ".ci/lock_hashes.py" in lock_target and "> requirements.lock" in lock_target  # make lock writes hashes


@pytest.mark.parametrize(
    "text, ok",
    [
        ("a==1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n", True),
        ('a==1.0 ; platform_machine == "x86_64" \\\n    --hash=sha256:' + "f" * 64 + "\n", True),
        ("a==1.0\n", False),  # no hash
        ("a>=1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n", False),  # not exact
        ("a==1.0 \\\n    --hash=md5:" + "0" * 32 + "\n", False),
    ],
)
def test_the_lock_check_tells_pinned_from_unpinned(text, ok):
    results = [bool(_PIN.match(r)) and bool(o) and all(_HASH.match(x) for x in o) for r, o in _requirements(text)]
    assert all(results) == ok


def _uses(path) -> list[tuple[str, str, str | None]]:
    return [(m[1], m[2], m[3]) for line in path.read_text(encoding="utf-8").splitlines() if (m := _USES.match(line))]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_sha_with_its_tag(workflow):
    uses = _uses(workflow)
    steps = [s for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values() for s in job.get("steps", [])]
    assert len(uses) == sum("uses" in s for s in steps) > 0  # the line pattern saw every step's action
    for action, ref, tag in uses:
        if action.startswith("./"):
            continue  # an action of this repository: pinned by the commit itself
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action}@{ref}: pin the full commit SHA"
        assert tag and re.fullmatch(r"v\d+(\.\d+)*", tag), f"{action}@{ref}: name its release tag in a comment"


def test_the_hash_writer_adds_each_files_hash():
    spec = importlib.util.spec_from_file_location("lock_hashes", ROOT / ".ci" / "lock_hashes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    report = {
        "install": [
            {"metadata": {"name": "Jinja2", "version": "3.1.6"}, "download_info": {"archive_info": {"hashes": {"sha256": "a" * 64}}}},
            {"metadata": {"name": "lxml_html_clean", "version": "0.4.6"}, "download_info": {"archive_info": {"hash": "sha256=" + "b" * 64}}},
        ]
    }
    pins = "# header\nJinja2==3.1.6\nlxml-html-clean==0.4.6 ; python_version >= \"3.9\"\n"
    written = module.add_hashes(pins, report)
    assert written == (
        "# header\nJinja2==3.1.6 \\\n    --hash=sha256:" + "a" * 64
        + "\nlxml-html-clean==0.4.6 ; python_version >= \"3.9\" \\\n    --hash=sha256:" + "b" * 64 + "\n"
    )
    with pytest.raises(SystemExit):
        module.add_hashes("missing==1.0\n", report)
