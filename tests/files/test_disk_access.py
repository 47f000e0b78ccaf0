"""Only ``generator/files/`` (and ``generator/plugin/``, which MkDocs drives) touch the disk.

Every other module is pure: it takes what ``files/`` read and returns values.
Each module is parsed with :mod:`ast` and every call or import that opens,
reads, writes, lists, globs, moves or deletes files is reported. The checker is
itself tested on planted snippets, so a blind checker cannot pass.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ..conftest import ROOT

PACKAGE = ROOT / "generator"
# Folders whose modules may touch the disk.
DISK_ROOMS = ("files", "plugin")
# Modules outside DISK_ROOMS allowed to touch the disk, as "path:line": none.
ALLOWED: frozenset[str] = frozenset()

# Methods that reach the file system whatever object they are called on (Path,
# a file object, an importlib resource...): a pure module has no reason to call them.
DISK_METHODS = frozenset(
    {
        "open", "read_text", "read_bytes", "write_text", "write_bytes", "glob", "rglob", "iterdir", "walk",
        "mkdir", "rmdir", "unlink", "touch", "exists", "is_file", "is_dir", "is_symlink", "is_fifo",
        "is_socket", "is_block_device", "is_char_device", "stat", "lstat", "readlink", "symlink_to",
        "hardlink_to", "samefile", "chmod", "rename",
    }
)  # fmt: skip
# Functions of the os module that touch files (os.path's too).
OS_FUNCTIONS = frozenset(
    {
        "open", "fdopen", "listdir", "scandir", "walk", "remove", "unlink", "rename", "renames", "replace",
        "mkdir", "makedirs", "rmdir", "removedirs", "link", "symlink", "readlink", "stat", "lstat", "chmod",
        "chown", "truncate", "exists", "isfile", "isdir", "islink", "getsize", "getmtime", "realpath",
    }
)  # fmt: skip
# Modules every function of which touches files.
DISK_MODULES = frozenset({"shutil", "tempfile", "glob", "fileinput"})
# Module functions that read or write files.
MODULE_FUNCTIONS = frozenset({("pickle", "load"), ("pickle", "dump"), ("io", "open"), ("codecs", "open")})


def _dotted(node: ast.AST) -> str:
    """``os.path.exists`` for the expression ``os.path.exists``; ``""`` when not a plain name chain."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def find_disk_access(source: str) -> list[tuple[int, str]]:
    """(line, what) for each call or import in ``source`` that touches the disk."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, f"import {a.name}") for a in node.names if a.name.split(".")[0] in DISK_MODULES]
        elif isinstance(node, ast.ImportFrom):
            module = (node.module or "").split(".")[0]
            for alias in node.names:
                if (
                    module in DISK_MODULES
                    or (module == "os" and alias.name in OS_FUNCTIONS | {"path"})
                    or (module, alias.name) in MODULE_FUNCTIONS
                    or (module == "builtins" and alias.name == "open")
                ):
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
        elif isinstance(node, ast.Call):
            func = node.func
            name = _dotted(func)
            head = name.split(".")[0]
            if isinstance(func, ast.Name) and func.id == "open":
                found.append((node.lineno, "open()"))
            elif head in DISK_MODULES:
                found.append((node.lineno, f"{name}()"))
            elif head == "os" and name.split(".")[-1] in OS_FUNCTIONS:
                found.append((node.lineno, f"{name}()"))
            elif tuple(name.split(".")[-2:]) in MODULE_FUNCTIONS:
                found.append((node.lineno, f"{name}()"))
            elif isinstance(func, ast.Attribute) and func.attr in DISK_METHODS:
                found.append((node.lineno, f".{func.attr}()"))
    return sorted(found)


def _pure_modules() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in DISK_ROOMS
    )


@pytest.mark.parametrize(
    "snippet",
    [
        "open('x')",
        "with open(path, 'rb') as fh: pass",
        "path.read_text(encoding='utf-8')",
        "path.read_bytes()",
        "out.write_text(text)",
        "out.write_bytes(b'')",
        "path.open('rb')",
        "folder.glob('*.txt')",
        "folder.rglob('*.py')",
        "list(folder.iterdir())",
        "os.listdir(folder)",
        "os.scandir(folder)",
        "os.walk(folder)",
        "os.remove(path)",
        "os.rename(a, b)",
        "os.replace(a, b)",
        "os.path.exists(path)",
        "shutil.rmtree(folder)",
        "shutil.copy(a, b)",
        "import shutil",
        "from shutil import rmtree",
        "from os import listdir",
        "folder.mkdir(parents=True)",
        "path.unlink()",
        "path.exists()",
        "path.is_file()",
        "path.is_dir()",
        "tempfile.mkdtemp()",
        "import tempfile",
        "pickle.load(fh)",
        "resources.files('generator.data').joinpath('x.yml').read_text()",
    ],
)
def test_the_checker_finds_planted_disk_access(snippet):
    assert find_disk_access(snippet), snippet


@pytest.mark.parametrize(
    "snippet",
    [
        "text.replace('a', 'b')",
        "Path('seeds') / 'a.txt'",
        "path.name, path.stem, path.suffix, path.parent",
        "re.compile('x').match(text)",
        "from pathlib import Path",
        "import os\nos.environ.get('SITE_URL')",
        "json.dumps(record)",
        "pickle.dumps(value)",
    ],
)
def test_the_checker_leaves_pure_code_alone(snippet):
    assert find_disk_access(snippet) == [], snippet


def test_the_checker_sees_every_pure_module():
    names = {p.relative_to(PACKAGE).as_posix() for p in _pure_modules()}
    assert {"cli.py", "build.py", "evaluate/seeds.py", "extract/clean.py", "resolve/actors/recognise.py", "publish/pages.py"} <= names
    assert not any(n.startswith(("files/", "plugin/")) for n in names)


def test_only_files_and_plugin_touch_the_disk():
    found = [
        f"{path.relative_to(PACKAGE).as_posix()}:{line}: {what}"
        for path in _pure_modules()
        for line, what in find_disk_access(path.read_text(encoding="utf-8"))
    ]
    unexpected = [f for f in found if f.split(": ")[0] not in ALLOWED]
    assert not unexpected, "disk access outside generator/files/ and generator/plugin/:\n" + "\n".join(unexpected)
