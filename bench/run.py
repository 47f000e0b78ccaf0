"""Benchmark the whole build on a synthetic archive: ``make bench N=1000``.

Makes N seeds with ``bench/make_archive.py`` in a throwaway project under
``.newsarchive/bench/N/``, then measures, each as a user would run it:

* extraction CPU per article (ms): ``extract_seed`` (cleaning and fields, no spaCy)
  over the archive's seeds, one process, after a warm-up; issue 13's target is 5 ms;
* the generator, cold (no extraction cache), stage by stage: read, clean and
  extract, furniture, mentions, actors, story dates, events, Markdown (render, write);
* the generator again with nothing changed, and after adding one seed;
* ``mkdocs build`` and the search index (Pagefind's, run on the built site, as
  ``make site`` does);
* the site's size, bytes per article page, and the bytes a first search downloads
  (measured in Chromium when ``--browser`` is given).

For every stage: wall and CPU seconds and peak resident memory (the main
process's high-water mark, reset per stage through /proc/self/clear_refs;
extraction workers from their rusage; MkDocs and Pagefind as the peak summed PSS
of their process tree, since MkDocs' workers run at once). ``--results FILE`` appends
a Markdown section with the machine and library versions.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_archive import make_archive  # noqa: E402

SEARCH = "pagefind"  # the only search since issue 17 (the report's heading names it)
OWNED = ("articles", "actors", "events", "outlets", "index.md", "review.md")
# Debian's Chromium, never a downloaded one, with the flags of tests/test_browser.py
# (without them, on a machine with no internet, it keeps calling Google's services).
CHROMIUM = "/usr/bin/chromium"
# Issue 13's target: extracting an article (cleaning and fields) costs at most this much CPU.
EXTRACTION_TARGET_MS = 5.0
# Issue 23's target: a saved web page (an .html seed) read and extracted in at most this much CPU.
HTML_PAGE_TARGET_MS = 40.0
# Articles extracted before the clock starts: rules compiled, word lists and dateparser loaded.
EXTRACTION_WARM_UP = 20
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass
class Stage:
    """One measured stage."""

    name: str
    wall: float
    cpu: float
    peak_mb: float
    note: str = ""


@dataclass
class Meter:
    """Wall, CPU and peak memory between two marks, for this process and its finished children."""

    stages: list[Stage] = field(default_factory=list)
    _wall: float = 0.0
    _cpu: float = 0.0

    def start(self) -> None:
        _reset_peak()
        self._wall = time.perf_counter()
        self._cpu = _cpu_seconds()

    def mark(self, name: str, note: str = "") -> None:
        now, cpu = time.perf_counter(), _cpu_seconds()
        self.stages.append(Stage(name, now - self._wall, cpu - self._cpu, _peak_mb(), note))
        _reset_peak()
        self._wall, self._cpu = now, cpu


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_generator(project: Path, meter: Meter, extra: list[str]) -> str:
    """``newsarchive build`` in-process, its stages timed through the pipeline's ``on_stage`` hook."""
    from generator import build, cli

    patched: dict[str, Any] = {}

    def timed(name: str, label: str) -> None:
        original = getattr(build, name)
        patched[name] = original

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if name == "build_archive":
                kwargs["on_stage"] = meter.mark
            result = original(*args, **kwargs)
            meter.mark(label)
            return result

        setattr(build, name, wrapper)

    timed("read_archive_inputs", "read")
    timed("build_archive", "assemble")  # the archive object itself: near zero
    timed("render_publication", "render Markdown")
    timed("write_pages", "write Markdown")
    cwd = os.getcwd()
    os.chdir(project)
    try:
        meter.start()
        code = cli.main(["build", *extra])
        meter.mark("summary and report")
    finally:
        os.chdir(cwd)
        for name, original in patched.items():
            setattr(build, name, original)
    if code != 0:
        raise SystemExit(f"generator failed with {code}")
    return ""


def measure_extraction(seeds: Path) -> dict[str, float]:
    """Extraction CPU per article: ``extract_seed`` over every seed in ``seeds``, timed
    with ``process_time`` in one process after a warm-up of ``EXTRACTION_WARM_UP`` seeds.

    Run in a forked child of this process: no interpreter start or imports counted, and
    neither this figure nor the cold build warms the other's in-memory caches.
    """
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(_extraction_cpu, (seeds,))


def _extraction_cpu(seeds: Path) -> dict[str, float]:
    from generator.build import extract_seed
    from generator.files.seeds import list_seed_paths, read_seed

    found = [s for s in (read_seed(p)[0] for p in list_seed_paths(seeds)) if s is not None]
    start = time.process_time()
    _load_lazy_models()
    one_off = time.process_time() - start
    for seed in found[:EXTRACTION_WARM_UP]:
        extract_seed(seed)
    gc.collect()
    start = time.process_time()
    for seed in found:
        extract_seed(seed)
    cpu = time.process_time() - start
    return {
        "ms_per_article": 1000 * cpu / max(1, len(found)),
        "articles": len(found),
        "target_ms": EXTRACTION_TARGET_MS,
        "one_off_s": one_off,
    }


def measure_html_pages(web2: Path, n: int) -> dict[str, float]:
    """CPU per saved web page: the first ``n`` pages of the dev corpus's ``web2/`` (real
    pages of many sites and languages), each read as an ``.html`` seed is read
    (``files/html.py``: trafilatura's article and metadata) and extracted
    (``extract_seed``), in a forked child after a warm-up, as :func:`measure_extraction`."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(_html_cpu, (web2, n))


def _html_cpu(web2: Path, n: int) -> dict[str, float]:
    import hashlib

    from generator.build import extract_seed
    from generator.files.devcorpus import read_web2_html, read_web2_labels
    from generator.files.html import extract_html_article
    from generator.model import Seed

    pages = [(label["id"], read_web2_html(web2, label).decode("utf-8", "replace")) for label in read_web2_labels(web2)[:n]]

    def read_and_extract(page_id: str, html: str) -> None:
        page = extract_html_article(html)
        if page is not None:
            sha = hashlib.sha256(html.encode("utf-8")).hexdigest()
            extract_seed(Seed(id=page_id, path=f"{page_id}.html", text=page.text, sha256=sha, stated=page.stated))

    _load_lazy_models()
    for page_id, html in pages[:EXTRACTION_WARM_UP]:
        read_and_extract(page_id, html)
    gc.collect()
    times = []
    for page_id, html in pages:
        start = time.process_time()
        read_and_extract(page_id, html)
        times.append(time.process_time() - start)
    times.sort()
    return {
        "ms_per_page": 1000 * sum(times) / max(1, len(times)),
        "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))] if times else 0.0,
        "pages": len(times),
        "target_ms": HTML_PAGE_TARGET_MS,
    }


def render_html_pages(h: dict[str, float]) -> str:
    """The saved-web-page figure against its target, one line of the report."""
    verdict = "met" if h["ms_per_page"] <= h["target_ms"] else "not met"
    return (
        f"Saved web page (.html seed) CPU per page (ms): **{h['ms_per_page']:.1f}** (target ≤ {h['target_ms']:g} ms: {verdict}),"
        f" 95th percentile {h['p95_ms']:.1f} ms; read (trafilatura: article and metadata) and extracted, over the first"
        f" {h['pages']:,} pages of the dev corpus's web2/ in one process after {EXTRACTION_WARM_UP} warm-up pages."
    )


def _load_lazy_models() -> None:
    """What extraction loads on first use, once per worker process: py3langid's model
    (asked only of pages not plainly English) and dateparser's data (asked only of date
    spellings the plain reader does not know). A few warm-up articles need not touch
    either, and loading them (about 1.6 s) inside the timed loop would count a start-up
    cost as a per-article one; the report gives it apart."""
    from generator.extract.page_language import detect_language
    from generator.extract.dates import parse_date_span
    from generator.extract.page_lines import read_lines

    detect_language(read_lines(["Le gouvernement a annoncé mardi une nouvelle série de mesures pour les familles."] * 2))
    parse_date_span("the 5th of August in 2015")


def run_child(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Stage:
    """A command's wall and CPU seconds (its workers included) and its peak memory.

    Peak memory is the larger of the biggest single process (rusage) and the
    highest sum over the command's process tree, sampled every quarter second:
    MkDocs forks workers, and they are in memory at the same time.
    """
    start = time.perf_counter()
    log = (cwd / ".bench-child.log").open("wb")
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT)
    sampler = _TreeMemory(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    log.close()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{(cwd / '.bench-child.log').read_text()[-3000:]}")
    name = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd[:4]))
    return Stage(name, wall, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss / 1024, sampler.peak_mb))


class _TreeMemory:
    """The peak, over time, of the summed proportional set size (PSS) of a process and its descendants.

    PSS shares each page among the processes mapping it, so forked workers'
    copy-on-write memory is not counted twice.
    """

    def __init__(self, pid: int, every: float = 0.25):
        import threading

        self.pid, self.every, self.peak_mb = pid, every, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(self.every):
            self.peak_mb = max(self.peak_mb, sum(_pss_kb(p) for p in _tree(self.pid)) / 1024)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def prepare_project(n: int, work: Path) -> Path:
    """A throwaway project: N synthetic seeds, the hand-written pages, mkdocs.yml, pyproject.toml, pagefind.yml."""
    if work.exists():
        shutil.rmtree(work)
    make_archive(n, work / "seeds")
    shutil.copytree(ROOT / "site_src", work / "site_src", ignore=shutil.ignore_patterns(*OWNED))
    for name in ("mkdocs.yml", "pyproject.toml", "pagefind.yml"):
        shutil.copy(ROOT / name, work / name)
    (work / "generator").symlink_to(ROOT / "generator")  # mkdocs.yml's theme custom_dir
    return work


def measure_site(site: Path, n_articles: int) -> dict[str, Any]:
    """Bytes of site/, of the article pages, and of each search index."""
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    pages = [p for p in (site / "articles").rglob("index.html")]
    page_bytes = sum(p.stat().st_size for p in pages)
    material = site / "search" / "search_index.json"
    pagefind = site / "pagefind"
    return {
        "site_bytes": total,
        "files": sum(1 for p in site.rglob("*") if p.is_file()),
        "bytes_per_article": total / max(1, n_articles),
        "article_page_bytes": page_bytes / max(1, len(pages)),
        "material_index_bytes": material.stat().st_size if material.is_file() else 0,  # 0 since Pagefind only
        "pagefind_bytes": sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file()) if pagefind.is_dir() else 0,
    }


def add_one_seed(project: Path, n: int) -> None:
    """One new article, as an archivist adds one: a seed from another draw of the maker."""
    extra = project / ".bench-extra"
    make_archive(1, extra, seed=n + 7)
    src = next(extra.iterdir())
    shutil.copy(src, project / "seeds" / f"{n:05d}_added{src.name.split('_', 1)[1]}")
    shutil.rmtree(extra)


def first_search_bytes(site: Path, query: str) -> dict[str, Any]:
    """Serve ``site`` on localhost, type ``query`` in the header's search, count the bytes fetched for it."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    fetched: list[tuple[str, int]] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
            page = browser.new_page()
            # from the start: Material's search fetches its whole index as the page loads
            page.on("requestfinished", lambda r: fetched.append((r.url, (r.sizes() or {}).get("responseBodySize", 0))))
            page.goto(url, wait_until="networkidle")
            before_search = len(fetched)
            start = time.perf_counter()
            page.click(".na-search-box")
            # typed key by key, as a reader types: the UI searches once the typing pauses
            page.locator(".na-search__input").press_sequentially(query, delay=30)
            typed = time.perf_counter()
            page.wait_for_selector(".na-search__link", timeout=60_000)
            elapsed = time.perf_counter() - start
            after_typing = time.perf_counter() - typed
            page.wait_for_load_state("networkidle")
            results = page.locator(".na-search__message").inner_text()
            first_search = len(fetched)
            # then the reader opens the biggest filter: what that one costs
            page.locator(".na-search__filter[data-filter=Actor] summary").click()
            page.wait_for_selector(".na-search__filter[data-filter=Actor] .na-search__value", timeout=60_000)
            page.wait_for_load_state("networkidle")
            # the actors index's filter box: from each keystroke to the frame after it is drawn
            page.goto(url + "actors/", wait_until="networkidle")
            filter_ms = [page.evaluate(_FILTER_KEYSTROKE_JS, q) for q in ("a", "al", "", "m", "mo", "")]
            browser.close()
    finally:
        httpd.shutdown()
    searching = [(u, b) for u, b in fetched[:first_search] if any(mark in u for mark in _SEARCH_FILES)]
    by_part: dict[str, list[int]] = {}
    for u, b in searching:
        part = _search_part(u)
        by_part[part] = [by_part.get(part, [0, 0])[0] + b, by_part.get(part, [0, 0])[1] + 1]
    return {
        # a page view without a search: the search files it fetched (none expected)
        "bytes_before_search": sum(b for u, b in fetched[:before_search] if any(mark in u for mark in _SEARCH_FILES)),
        "bytes": sum(b for _, b in searching),
        "requests": len(searching),
        "by_part": by_part,
        "page_bytes": sum(b for _, b in fetched[:first_search]),
        "seconds": elapsed,
        "seconds_after_typing": after_typing,
        "results": results,
        "actor_filter_bytes": sum(b for u, b in fetched[first_search:] if "/pagefind/" in u),
        "actors_filter_ms": max(filter_ms),
    }


def first_visit_bytes(site: Path, paths: dict[str, str]) -> dict[str, Any]:
    """Serve ``site`` on localhost; for each named path, a cold first visit (a new browser
    context: empty cache) and every response it fetched, uncompressed: total bytes,
    requests and the largest file (no file that grows with the archive may be fetched)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    out: dict[str, Any] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
            for name, path in paths.items():
                context = browser.new_context()
                page = context.new_page()
                fetched: list[tuple[str, int]] = []

                def record(request: Any, fetched: list[tuple[str, int]] = fetched) -> None:
                    response = request.response()
                    fetched.append((request.url[len(url) - 1 :], len(response.body()) if response else 0))

                page.on("requestfinished", record)
                page.goto(url + path, wait_until="networkidle")
                page.wait_for_timeout(300)
                context.close()
                largest = max(fetched, key=lambda f: f[1], default=("", 0))
                out[name] = {"bytes": sum(b for _, b in fetched), "requests": len(fetched), "largest": largest}
            browser.close()
    finally:
        httpd.shutdown()
    return out


# Types a query into the actors index's filter box and waits two animation frames: the
# time until the table is drawn again (indexes.js changes the rows the screen shows first).
_FILTER_KEYSTROKE_JS = """async (query) => {
  const input = document.querySelector('.na-index__filter');
  const start = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - start;
}"""


def _search_part(url: str) -> str:
    """Which part of Pagefind's bundle a fetched URL is: what grows with the archive, what does not."""
    for mark, part in (("/index/", "index chunks"), ("/fragment/", "result fragments"), ("/filter/", "filters"),
                       (".pf_meta", "metadata"), ("wasm.", "wasm"), ("pagefind-entry", "metadata")):
        if mark in url:
            return part
    return "scripts"


# What a search downloads: Pagefind's script, styles, wasm, index and filter chunks
# and result fragments (and Material's index and worker, were its search ever on again).
_SEARCH_FILES = ("/pagefind/", "search/search_index.json", "/workers/search")


def machine() -> dict[str, str]:
    """nproc, memory, CPU model, Python and the libraries that matter here."""
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = next((l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")), "0")
    versions = []
    for name in ("mkdocs", "mkdocs-material", "spacy", "scikit-learn", "pagefind", "mkdocs-minify-plugin"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return {
        "nproc": str(os.cpu_count()),
        "memory": f"{int(mem) / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "python": platform.python_version(),
        "versions": ", ".join(versions),
        "load": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
    }


def bench_search(n: int, project: Path, browser: bool) -> dict[str, Any]:
    """MkDocs, the search index and a first search, on a project whose Markdown is generated."""
    report: dict[str, Any] = {"n": n, "machine": machine(), "search": SEARCH}
    report["mkdocs"] = run_child([sys.executable, "-m", "mkdocs", "build", "--strict"], project, {"SITE_URL": "http://127.0.0.1/"})
    report["pagefind"] = run_child([sys.executable, "-m", "generator", "search-index"], project)
    report["site"] = measure_site(project / "site", n)
    report["actors_index_bytes"] = (project / "site" / "actors" / "index.html").stat().st_size
    if browser:
        actor = _busiest_actor(project)
        report["first_search"] = first_search_bytes(project / "site", actor)
        report["first_search"]["query"] = actor
        article = sorted((project / "site" / "articles").glob("*/index.html"))[0].parent.name
        actor_page = sorted((project / "site" / "actors").glob("*/index.html"))[0].parent.name
        report["first_visits"] = first_visit_bytes(
            project / "site", {"home page": "", "article page": f"articles/{article}/", "actor page": f"actors/{actor_page}/"}
        )
    return report


def bench(n: int, work: Path, browser: bool, jobs: int) -> dict[str, Any]:
    """Every measurement for one archive size."""
    project = prepare_project(n, work)
    cache = project / ".newsarchive"
    report: dict[str, Any] = {"n": n, "machine": machine(), "search": SEARCH}
    report["extraction"] = measure_extraction(project / "seeds")

    cold = Meter()
    run_generator(project, cold, ["--jobs", str(jobs)])
    report["cold"] = cold.stages
    report["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    again = Meter()
    run_generator(project, again, ["--jobs", str(jobs)])
    report["unchanged"] = again.stages

    add_one_seed(project, n)
    added = Meter()
    run_generator(project, added, ["--jobs", str(jobs)])
    report["added_one"] = added.stages
    report["added_one_cli"] = run_child(
        [sys.executable, "-m", "generator", "build", "--jobs", str(jobs)], project
    )  # the same rebuild as a user runs it: a fresh process, imports included
    report["cache_bytes"] = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())

    report.update({k: v for k, v in bench_search(n + 1, project, browser).items() if k not in report})
    return report


def _busiest_actor(project: Path) -> str:
    """The name of the person linked from most article lines of their actor page: a search a reader would make."""
    import frontmatter

    best = ("", -1)
    for page in sorted((project / "site_src" / "actors").glob("*.md")):
        post = frontmatter.load(str(page))
        count = post.content.count("articles/")
        if post.metadata.get("actor_type") == "person" and count > best[1]:
            best = (str(post.metadata.get("title", page.stem)), count)
    return best[0] or "Russia"


def render_report(r: dict[str, Any]) -> str:
    """A Markdown section of results/md."""
    m = r["machine"]
    lines = [
        f"## {r['n']:,} articles, search: {r['search']}",
        "",
        f"Machine: {m['nproc']} cores, {m['memory']}, {m['cpu']}; Python {m['python']}; load average at start {m['load']}.",
        f"Versions: {m['versions']}.",
        "",
        "| run | stage | wall s | CPU s | peak MB |",
        "|---|---|---:|---:|---:|",
    ]
    for run in ("cold", "unchanged", "added_one"):
        if run not in r:
            continue
        stages: list[Stage] = r[run]
        for s in stages:
            lines.append(f"| {run} | {s.name} | {s.wall:.2f} | {s.cpu:.2f} | {s.peak_mb:.0f} |")
        lines.append(f"| {run} | **total** | **{sum(s.wall for s in stages):.2f}** | {sum(s.cpu for s in stages):.2f} | {max(s.peak_mb for s in stages):.0f} |")
    for key in ("added_one_cli", "mkdocs", "pagefind"):
        if key in r:
            s = r[key]
            lines.append(f"| {key} | {s.name} | {s.wall:.2f} | {s.cpu:.2f} | {s.peak_mb:.0f} |")
    if "extraction" in r:
        lines += ["", render_extraction(r["extraction"])]
    site = r["site"]
    if "worker_peak_mb" in r:
        lines += ["", f"Extraction workers' peak: {r['worker_peak_mb']:.0f} MB each. Extraction cache: {r['cache_bytes'] / 1e6:.1f} MB."]
    lines += [
        "",
        f"site/: {site['site_bytes'] / 1e6:.1f} MB in {site['files']:,} files, {site['bytes_per_article'] / 1e3:.1f} KB per article;"
        f" an article page {site['article_page_bytes'] / 1e3:.1f} KB;"
        f" Pagefind {site['pagefind_bytes'] / 1e6:.2f} MB; the actors index {r.get('actors_index_bytes', 0) / 1e3:.0f} KB"
        + (f", its filter drawn {r['first_search']['actors_filter_ms']:.0f} ms after a keystroke at most." if "first_search" in r else "."),
    ]
    if "first_search" in r:
        fs = r["first_search"]
        lines.append(
            f"First search for {fs['query']!r}: {fs['bytes'] / 1e3:.0f} KB of search files in {fs['requests']} requests"
            f" ({fs['page_bytes'] / 1e3:.0f} KB with the page itself; {fs['bytes_before_search'] / 1e3:.0f} KB before searching),"
            f" {fs['seconds']:.1f} s from the click to the first results, {fs.get('seconds_after_typing', 0):.2f} s after the last key"
            f" ({fs['results'].strip()})."
        )
        if "by_part" in fs:
            parts = "; ".join(f"{name} {b / 1e3:.0f} KB in {n}" for name, (b, n) in sorted(fs["by_part"].items()))
            lines.append(f"By part: {parts}. Opening the Actor filter then: {fs['actor_filter_bytes'] / 1e3:.0f} KB.")
    if "first_visits" in r:
        visits = "; ".join(
            f"{name} {v['bytes'] / 1024:.0f} KB in {v['requests']} requests (largest {v['largest'][0]}, {v['largest'][1] / 1024:.0f} KB)"
            for name, v in r["first_visits"].items()
        )
        lines.append(f"First visits, cold cache, uncompressed: {visits}.")
    return "\n".join(lines) + "\n"


def render_extraction(e: dict[str, float]) -> str:
    """The extraction figure against its target, one line of the report."""
    verdict = "met" if e["ms_per_article"] <= e["target_ms"] else "not met"
    return (
        f"Extraction CPU per article (ms): **{e['ms_per_article']:.2f}** (target ≤ {e['target_ms']:g} ms: {verdict});"
        f" extract_seed over the {e['articles']:,} seeds in one process after {EXTRACTION_WARM_UP} warm-up articles;"
        f" once per worker process before them, {e['one_off_s']:.2f} s CPU loading the language identifier and dateparser's data."
    )


def main(argv: list[str] | None = None) -> int:
    """``python bench/run.py --n N [--browser] [--results FILE]``."""
    parser = argparse.ArgumentParser(description="Benchmark the build on N synthetic articles.")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--browser", action="store_true", help="measure a first search in Chromium")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, help="project folder (default .newsarchive/bench/N)")
    parser.add_argument("--results", type=Path, help="append the Markdown section to this file")
    parser.add_argument("--json", type=Path, help="write every figure as JSON")
    parser.add_argument("--search-only", type=Path, metavar="PROJECT", help="only MkDocs and search, on a project already generated")
    parser.add_argument("--extraction-only", action="store_true", help="only the extraction CPU per article, on N synthetic seeds")
    parser.add_argument("--vs-hugo", action="store_true", help="cold make site beside Hugo on the same Markdown, in turn (bench/vs_hugo.py)")
    parser.add_argument("--pairs", type=int, default=3, help="--vs-hugo: builds of each, in turn; ratios are medians")
    parser.add_argument("--html-pages", type=Path, metavar="WEB2", help="only the CPU per saved web page, on the first N pages of this web2/ folder")
    args = parser.parse_args(argv)
    work = args.work or ROOT / ".newsarchive" / "bench" / str(args.n)
    if args.extraction_only:
        if work.exists():
            shutil.rmtree(work)
        make_archive(args.n, work / "seeds")
        print(render_extraction(measure_extraction(work / "seeds")))
        return 0
    if args.html_pages:
        text = render_html_pages(measure_html_pages(args.html_pages, args.n))
        print(text)
        if args.results:
            with args.results.open("a", encoding="utf-8") as fh:
                fh.write("\n" + text + "\n")
        return 0
    if args.vs_hugo:
        from vs_hugo import render_vs_hugo, run_pairs

        project = work if (work / "site_src" / "articles").is_dir() else prepare_project(args.n, work)
        load = machine()["load"]
        text = render_vs_hugo(args.n, run_pairs(project, ROOT / ".newsarchive" / "bench" / "hugo-venv", args.pairs, run_child), load)
        # the last pair's site: its bytes, and (--browser) what a first search downloads
        report = {"machine": machine(), "search": SEARCH, "n": args.n, "site": measure_site(project / "site", args.n)}
        if args.browser:
            report["first_search"] = first_search_bytes(project / "site", _busiest_actor(project))
            report["first_search"]["query"] = _busiest_actor(project)
        text += "\n" + "\n".join(line for line in render_report(report).splitlines() if line.startswith(("site/", "First search", "By part")))
        print(text)
        if args.results:
            with args.results.open("a", encoding="utf-8") as fh:
                fh.write("\n" + text)
        return 0
    if args.search_only:
        report = bench_search(args.n, args.search_only, args.browser)
    else:
        report = bench(args.n, work, args.browser, args.jobs)
    text = render_report(report)
    print(text)
    if args.results:
        with args.results.open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    if args.json:
        args.json.write_text(json.dumps(report, default=lambda o: o.__dict__, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
