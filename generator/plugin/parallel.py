"""Markdown pages converted and laid out in parallel processes, for the MkDocs plugin.

MkDocs converts every page on one core: at 10,000 articles that is most of a
three-minute build, on a machine with two cores. Before MkDocs' own loop over
the pages starts (the ``on_nav`` event), :func:`render_pages_in_parallel` forks
worker processes that each run, for a share of the pages, exactly what MkDocs
would run: ``on_pre_page``, ``read_source``, ``on_page_markdown``, then
``Page.render``. What a worker hands back (:class:`RenderedPage`) is the page's
HTML, table of contents, title, anchors, links to anchors and any warnings.

Then MkDocs' loop runs as always, and the plugin's last ``on_page_markdown``
hook compares the Markdown the main process now holds with the Markdown the
worker converted. Only when they are the same (they are, unless some plugin's
hook depends on state built up page by page) is the worker's result used in
place of ``Page.render``; otherwise the page is converted here as usual. So the
site is byte-identical to a serial build; ``tests/site/test_plugin.py``
checks it, and that a broken link found in a worker still fails ``--strict``.

The theme's templates are filled in the same way: once every page is
converted (the ``on_env`` event), :func:`build_pages_in_parallel` forks workers
that run MkDocs' ``_build_page`` steps up to ``template.render`` for a share of
the pages, with the navigation and pages of that moment. MkDocs' own loop then
renders a one-character stand-in template for those pages (it still runs every
plugin's ``on_page_context``, so the search index is complete), and the plugin's
first ``on_post_page`` hook swaps in the worker's HTML.

Workers are forked (POSIX), so they start with the configuration, the files
and the plugins already loaded; where fork is unavailable nothing runs in
parallel.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import zlib
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from mkdocs.commands.build import get_context
from mkdocs.structure.pages import Page

from generator.plugin.minify import minify_html

log = logging.getLogger("mkdocs.plugins.newsarchive")

# Pages sent to a worker at once: few enough round trips, and both workers
# finish close together.
CHUNK = 64


@dataclass(frozen=True)
class LoggedWarning:
    """A log record at WARNING or above, emitted in a worker while converting a page."""

    logger: str
    level: int
    message: str


@dataclass(frozen=True)
class RenderedPage:
    """What ``Page.render`` left on one page, computed in a worker."""

    src_uri: str
    markdown_sha: str  # of the Markdown converted: the main process's must match
    content: str
    toc: Any  # mkdocs.structure.toc.TableOfContents (plain objects, picklable)
    title_from_render: str | None
    present_anchor_ids: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # target's src_uri -> {anchor: link}
    warnings: tuple[LoggedWarning, ...]


def hash_markdown(markdown: str) -> str:
    """The key that ties a worker's HTML to the Markdown it came from."""
    return hashlib.sha256(markdown.encode("utf-8", "surrogatepass")).hexdigest()


# Set in the main process just before forking; the workers read it.
_shared: dict[str, Any] = {}


def render_pages_in_parallel(config: Any, files: Any, jobs: int, skip: Any = frozenset()) -> dict[str, RenderedPage]:
    """Every documentation page of ``files`` converted in ``jobs`` forked processes, by ``src_uri``.

    Pages in ``skip`` (the page cache's clean ones) are left out. Returns an empty
    dict when fork is not available. A page whose conversion
    raised in a worker is left out: MkDocs converts it again, and reports the
    error as usual.
    """
    uris = [f.src_uri for f in files.documentation_pages() if f.src_uri not in skip]
    return _run_in_workers(_render_chunk, uris, jobs, config=config, files=files)


def _run_in_workers(task: Callable[[Sequence[str]], list[Any]], uris: Sequence[str], jobs: int, **shared: Any) -> dict[str, Any]:
    """``task`` over ``uris``, a chunk at a time, in ``jobs`` forked processes that
    find ``shared`` in :data:`_shared`; its results by ``src_uri`` ({} without fork)."""
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return {}
    chunks = [uris[i : i + CHUNK] for i in range(0, len(uris), CHUNK)]
    _shared.update(shared)
    try:
        with context.Pool(processes=jobs) as pool:
            done: dict[str, Any] = {}
            for results in pool.imap_unordered(task, chunks):
                done.update((r.src_uri, r) for r in results)
    finally:
        _shared.clear()
    return done


def _render_chunk(uris: Sequence[str]) -> list[RenderedPage]:
    config, files = _shared["config"], _shared["files"]
    out = []
    for uri in uris:
        rendered = _render_one(files.get_file_from_path(uri), config, files)
        if rendered is not None:
            out.append(rendered)
    return out


def _render_one(file: Any, config: Any, files: Any) -> RenderedPage | None:
    # The steps of mkdocs.commands.build._populate_page up to Page.render.
    page = file.page if file.page is not None else Page(None, file, config)
    config._current_page = page
    warnings: list[LoggedWarning] = []
    with _captured_warnings(warnings.append):
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)
        except Exception:  # noqa: BLE001 - MkDocs converts it again and reports the error itself
            return None
        finally:
            config._current_page = None
    links = page.links_to_anchors
    return RenderedPage(
        src_uri=file.src_uri,
        markdown_sha=hash_markdown(page.markdown),
        content=page.content,
        toc=page.toc,
        title_from_render=page._title_from_render,
        present_anchor_ids=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
        warnings=tuple(warnings),
    )


class _Capture(logging.Handler):
    def __init__(self, keep: Callable[[LoggedWarning], None]):
        super().__init__(logging.WARNING)
        self.keep = keep

    def emit(self, record: logging.LogRecord) -> None:
        self.keep(LoggedWarning(record.name, record.levelno, record.getMessage()))


class _captured_warnings:
    """Route the worker's MkDocs warnings into a list instead of the terminal (the main process logs them)."""

    def __init__(self, keep: Callable[[LoggedWarning], None]):
        self.logger = logging.getLogger("mkdocs")
        self.capture = _Capture(keep)

    def __enter__(self) -> None:
        self.saved = list(self.logger.handlers)
        for handler in self.saved:
            self.logger.removeHandler(handler)
        self.logger.addHandler(self.capture)

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.capture)
        for handler in self.saved:
            self.logger.addHandler(handler)


def apply_rendered(page: Any, rendered: RenderedPage, files: Any) -> None:
    """Put a worker's result on ``page`` as ``Page.render`` would have, and log its warnings here."""
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title_from_render
    page.present_anchor_ids = set(rendered.present_anchor_ids)
    if rendered.links_to_anchors is not None:
        page.links_to_anchors = {
            files.get_file_from_path(uri): dict(links) for uri, links in rendered.links_to_anchors.items()
        }
    log_warnings(rendered.warnings)


# The stand-in template the main process renders for a page built by a worker.
STAND_IN_TEMPLATE = "newsarchive-built-in-worker.html"


@dataclass(frozen=True)
class BuiltPage:
    """A page's HTML as the theme's template gave it in a worker (before ``on_post_page``),
    minified (:mod:`generator.plugin.minify`) and kept compressed: the main process holds
    every page's until MkDocs writes it (about a sixth of the text's size)."""

    src_uri: str
    html_zlib: bytes
    warnings: tuple[LoggedWarning, ...]

    @property
    def html(self) -> str:
        return zlib.decompress(self.html_zlib).decode("utf-8", "surrogatepass")


def build_pages_in_parallel(config: Any, files: Any, nav: Any, env: Any, jobs: int, skip: Any = frozenset()) -> dict[str, BuiltPage]:
    """Every documentation page's template output, rendered in ``jobs`` forked processes, by ``src_uri``.

    Empty when fork is not available; a page whose template raised is left out
    (MkDocs renders it again and reports the error).
    """
    doc_files = files.documentation_pages()
    uris = [f.src_uri for f in doc_files if f.page is not None and f.src_uri not in skip]
    return _run_in_workers(_build_chunk, uris, jobs, config=config, files=files, nav=nav, env=env, doc_files=doc_files)


def _build_chunk(uris: Sequence[str]) -> list[BuiltPage]:
    s = _shared
    out = []
    for uri in uris:
        built = _build_one(s["files"].get_file_from_path(uri).page, s["config"], s["doc_files"], s["nav"], s["env"])
        if built is not None:
            out.append(built)
    return out


def _build_one(page: Any, config: Any, doc_files: Any, nav: Any, env: Any) -> BuiltPage | None:
    # The steps of mkdocs.commands.build._build_page up to template.render.
    config._current_page = page
    warnings: list[LoggedWarning] = []
    with _captured_warnings(warnings.append):
        try:
            page.active = True
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            html = minify_html(template.render(context))
        except Exception:  # noqa: BLE001 - MkDocs builds it again and reports the error itself
            return None
        finally:
            page.active = False
            config._current_page = None
    # level 1: nearly the best ratio on HTML at a fraction of the default's time
    return BuiltPage(page.file.src_uri, zlib.compress(html.encode("utf-8", "surrogatepass"), 1), tuple(warnings))


def log_warnings(warnings: Sequence[LoggedWarning]) -> None:
    """Log, in the main process, what a worker logged (``--strict`` counts it here)."""
    for warning in warnings:
        logging.getLogger(warning.logger).log(warning.level, warning.message)
