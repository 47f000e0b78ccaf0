"""Add each pinned file's sha256 to a pip pin list: ``make lock`` writes requirements.lock with it.

Usage: ``python .ci/lock_hashes.py PINS REPORT > requirements.lock``, where PINS
is ``pip freeze`` output (``name==version``, optionally ``; marker``; comment lines
kept) and REPORT the JSON of ``pip install --dry-run --ignore-installed --report
REPORT -r PINS``, which names the very file pip chose for each pin and its hash.

With a hash on every line, ``pip install --require-hashes`` (the Makefile) installs
exactly the files that were locked: a release replaced on the index, or a
look-alike on another index, is refused instead of installed. Only the standard
library is used, so it runs with any Python before a venv exists.
"""

from __future__ import annotations

import json
import re
import sys


def canonical(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def add_hashes(pins: str, report: dict) -> str:
    """``pins`` with ``--hash=sha256:…`` under each requirement; an error when one has none."""
    hashes: dict[tuple[str, str], list[str]] = {}
    for item in report["install"]:
        meta = item["metadata"]
        info = item.get("download_info", {}).get("archive_info", {})
        found = info.get("hashes") or dict([info["hash"].split("=", 1)] if "hash" in info else [])
        if "sha256" in found:
            hashes[(canonical(meta["name"]), meta["version"])] = [found["sha256"]]
    out = []
    for line in pins.splitlines():
        requirement = line.split(";")[0].strip()
        if not requirement or line.lstrip().startswith("#"):
            out.append(line)
            continue
        name, _, version = requirement.partition("==")
        digests = hashes.get((canonical(name), version.strip()))
        if not digests:
            raise SystemExit(f"no sha256 for {requirement!r} in the pip report: is it pinned with ==?")
        out.append(line.rstrip() + " \\")
        out += [f"    --hash=sha256:{d}" + (" \\" if i < len(digests) - 1 else "") for i, d in enumerate(digests)]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    pins_path, report_path = sys.argv[1:3]
    with open(pins_path, encoding="utf-8") as pins, open(report_path, encoding="utf-8") as report:
        sys.stdout.write(add_hashes(pins.read(), json.load(report)))
