"""Kill the whole site build at random moments: the served site is always old or new, whole.

``python bench/kills.py --n 500 --kills 10`` (``make kills``): a project of N synthetic
seeds is built once (the *old* site); then seeds change (one removed, one added, one
retitled) and the full build of ``make site`` (generator, MkDocs into a staging folder,
Pagefind, the swap into ``site/``) is started from the old project and killed, with
SIGKILL to its whole process group, at a random moment of its run (drawn with a fixed
seed, so a run is repeatable); after each kill ``site/`` must be, byte for byte, either
the old site or the site an uninterrupted build of the new seeds gives, never a mix and
never missing. After the last kill the build is run to its end and must give the new
site. Timing is not what is measured (tests keep no timed checks), only wholeness;
``tests/test_kills.py`` does the same at five seeds in ``make test``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from make_archive import make_archive  # noqa: E402
from run import add_one_seed, prepare_project  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": "https://bench.example.org/archive/"}
# The steps of `make site` after the set-up, as one shell process group (so one kill stops every step).
SITE_BUILD = (
    f"{BIN}/python -m generator build --jobs 1 && {BIN}/python -m generator site --staging .site-staging --site site"
)


def digest(site: Path) -> dict[str, str] | None:
    """Each file of ``site`` by relative path: its sha256 (``None`` when the folder is missing)."""
    if not site.is_dir():
        return None
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def run_site_build(project: Path) -> subprocess.Popen:
    """Start the full site build in ``project``, in a process group of its own."""
    return subprocess.Popen(["bash", "-c", SITE_BUILD], cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def change_seeds(seeds: Path, n: int) -> None:
    """The archivist's change: a seed gone, one added, one retitled."""
    paths = sorted(seeds.glob("*.txt"))
    paths[0].unlink()
    text = paths[1].read_text(encoding="utf-8")
    paths[1].write_text("Retitled: " + text, encoding="utf-8")
    add_one_seed(seeds.parent, n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=ROOT / ".newsarchive" / "bench-kills")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    old = prepare_project(args.n, args.work / "old")
    assert run_site_build(old).wait() == 0, "the old site did not build"
    new = args.work / "new"
    if new.exists():
        shutil.rmtree(new)
    shutil.copytree(old, new, symlinks=True)
    change_seeds(new / "seeds", args.n)
    started = time.monotonic()
    assert run_site_build(new).wait() == 0, "the new site did not build"
    seconds = time.monotonic() - started
    old_site, new_site = digest(old / "site"), digest(new / "site")
    assert old_site and new_site and old_site != new_site
    print(f"{args.n} seeds; an uninterrupted rebuild takes {seconds:.1f} s; {len(new_site)} files in the site")
    project = args.work / "killed"
    failures = 0
    for k in range(args.kills):
        if project.exists():
            shutil.rmtree(project)
        shutil.copytree(old, project, symlinks=True)
        shutil.rmtree(project / "seeds")
        shutil.copytree(new / "seeds", project / "seeds")
        # half the kills anywhere, half in the last fifth (MkDocs, Pagefind and the swap of site/)
        at = (rng.uniform(0.05, 0.8) if k % 2 == 0 else rng.uniform(0.8, 1.05)) * seconds
        build = run_site_build(project)
        time.sleep(at)
        finished = build.poll() is not None
        if not finished:
            os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        stage = "after the build ended" if finished else "during MkDocs or Pagefind" if (project / ".site-staging").exists() else "during the generator"
        site = digest(project / "site")
        verdict = "old" if site == old_site else "new" if site == new_site else "MIXED" if site else "MISSING"
        failures += verdict in ("MIXED", "MISSING")
        print(f"kill {k + 1} at {at:5.1f} s ({stage}): site/ is the {verdict} site")
    assert run_site_build(project).wait() == 0
    finished_ok = digest(project / "site") == new_site
    print(f"the build after the last kill gives the new site: {'yes' if finished_ok else 'NO'}")
    print(f"{'PASS' if not failures and finished_ok else 'FAIL'}: {failures} of {args.kills} kills left a mixed or missing site")
    return 0 if not failures and finished_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
