"""The MkDocs plugin (``plugins: [newsarchive]``): front matter reaches the theme as text,
and a large archive's pages are converted on every core.

Escaping.

MkDocs' templates do not autoescape, and Material prints ``page.meta.title``,
``page.title`` (header, navigation, search index) and tag names into HTML as
they are. Our front matter holds seed text, so a title such as
``</title><script>...`` would run as script. Before any template sees them,
the plugin escapes the values a theme prints: ``title`` and ``description``
become :class:`markupsafe.Markup` (already escaped, so a template's own ``|e``
does not escape them twice), tag names are escaped strings.

It runs on every page, the archivist's hand-written ones included: their
titles too are shown as written, never as HTML.

Parallel conversion. From ``parallel_from`` pages on, Markdown is converted to
HTML in ``jobs`` forked processes (see :mod:`generator.plugin.parallel`), with
the same site as a serial build. Both are options of the plugin in mkdocs.yml::

    plugins:
      - newsarchive:
          parallel_from: 500   # pages; below this, forking costs more than it saves
          jobs: 0              # processes; 0 means one per core
"""

from __future__ import annotations

import html
import logging
import os
import time
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from generator.plugin.config import NewsArchiveConfig
from generator.plugin.minify import minify_html
from generator.plugin.page_cache import PageCache, SkippedPageFilter, link_clean_outputs, open_page_cache, save_page_cache
from generator.plugin.plain_text import PlainTextExtension
from generator.publish.crawler_files import render_crawler_files
from generator.plugin.parallel import (
    STAND_IN_TEMPLATE,
    BuiltPage,
    RenderedPage,
    apply_rendered,
    build_pages_in_parallel,
    hash_markdown,
    log,
    log_warnings,
    render_pages_in_parallel,
)

# Set (by `make site`) to show MkDocs' warnings and errors only (see on_startup).
QUIET_ENV = "NEWSARCHIVE_QUIET"
# Front-matter keys whose text a theme prints as HTML.
ESCAPED_KEYS = ("title", "description")


def escape_page_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``meta`` with every value a theme prints escaped once."""
    out = dict(meta)
    for key in ESCAPED_KEYS:
        value = out.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            out[key] = Markup(html.escape(value, quote=True))  # noqa: S704 - escaped on this line
    tags = out.get("tags")
    if isinstance(tags, list):
        out["tags"] = [html.escape(t, quote=True) if isinstance(t, str) else t for t in tags]
    return out


_UNSET = object()


class NewsArchivePlugin(BasePlugin[NewsArchiveConfig]):
    """Escape the printed front-matter values of every page; convert pages in parallel."""

    def __init__(self) -> None:
        super().__init__()
        self.rendered: dict[str, RenderedPage] = {}
        self.built: dict[str, tuple[BuiltPage, Any]] = {}
        self.nav: Any = None
        self.cache: PageCache | None = None
        self.clean: frozenset[str] = frozenset()
        self.files: Any = None
        self.serving = False

    def _jobs(self, files: Any) -> int:
        jobs = self.config.jobs or os.cpu_count() or 1
        return jobs if jobs > 1 and len(files.documentation_pages()) - len(self.clean) >= self.config.parallel_from else 1

    # --- incremental build: the clean pages' previous HTML is reused (plugin/page_cache.py) ---

    def on_files(self, files: Any, *, config: Any) -> Any:
        self.files = files
        self.cache = None if self.serving else open_page_cache(config, files, self.config.previous_site)
        self.clean = frozenset(self.cache.clean) if self.cache is not None else frozenset()
        for file in files:
            if file.src_uri in self.clean and not file.is_documentation_page():
                file.copy_file = lambda dirty=False: None  # linked in on_post_build
        if self.clean:
            logging.getLogger("mkdocs.commands.build").addFilter(SkippedPageFilter(self.clean))
            log.info("newsarchive: %d of %d files unchanged since the last build, reused", len(self.clean), len(files))
        return files

    def on_page_read_source(self, *, page: Any, config: Any) -> str | None:
        uri = page.file.src_uri  # a clean page is not read, unless the menu prints its meta
        return "" if uri in self.clean and self.cache is not None and uri not in self.cache.nav else None

    def _skip_clean(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if page.file.src_uri in self.clean:
            page.render = lambda config, files: setattr(page, "content", "")  # not converted
            page.meta["template"] = STAND_IN_TEMPLATE  # nor laid out; on_post_page leaves it unwritten
        return markdown

    def on_config(self, config: Any) -> Any:
        config.markdown_extensions.append(PlainTextExtension())  # the same HTML, sooner (plain_text.py)
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `make site` sets NEWSARCHIVE_QUIET unless VERBOSE=1: MkDocs' INFO lines (one per page
        # left out of the nav: 1,787 at 286 articles) hide the one warning that matters.
        # Warnings and errors still print, and `mkdocs build -v` (DEBUG) is left alone.
        self.serving = command == "serve"  # a preview's temporary folder: no page cache
        mkdocs_log = logging.getLogger("mkdocs")
        if os.environ.get(QUIET_ENV) and mkdocs_log.getEffectiveLevel() == logging.INFO:
            mkdocs_log.setLevel(logging.WARNING)

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        # The last event before MkDocs reads and converts the pages one by one.
        self.rendered, self.built, self.nav = {}, {}, nav
        if (jobs := self._jobs(files)) > 1:
            start = time.perf_counter()
            self.rendered = render_pages_in_parallel(config, files, jobs, self.clean)
            log.info("newsarchive: %d pages converted in %d processes (%.1f s)", len(self.rendered), jobs, time.perf_counter() - start)
        return nav

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        # The last event before MkDocs fills the theme's template page by page.
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({STAND_IN_TEMPLATE: "-"}), env.loader])
        if (jobs := self._jobs(files)) == 1 or self.nav is None:
            return env
        start = time.perf_counter()
        built = build_pages_in_parallel(config, files, self.nav, env, jobs, self.clean)
        for file in files.documentation_pages():
            if file.src_uri in built:
                self.built[file.src_uri] = (built[file.src_uri], file.page.meta.get("template", _UNSET))
                file.page.meta["template"] = STAND_IN_TEMPLATE
        log.info("newsarchive: %d pages laid out in %d processes (%.1f s)", len(built), jobs, time.perf_counter() - start)
        return env

    @event_priority(100)  # before any other plugin sees the page's HTML
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        if page.file.src_uri in self.clean:
            return ""  # MkDocs writes nothing; on_post_build links the previous HTML
        found = self.built.pop(page.file.src_uri, None)
        if found is None:
            return minify_html(output)  # a worker's page comes minified
        built, template = found
        if template is _UNSET:
            del page.meta["template"]
        else:
            page.meta["template"] = template
        log_warnings(built.warnings)
        return built.html

    @event_priority(50)  # before Material's tags plugin (priority -50) reads the tags
    def _escape_meta(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        page.meta = escape_page_meta(page.meta)
        return markdown

    @event_priority(-100)  # after every other plugin: the Markdown is final
    def _use_rendered(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        rendered = self.rendered.pop(page.file.src_uri, None)
        if rendered is not None and rendered.markdown_sha == hash_markdown(markdown):

            def render(config: Any, files: Any) -> None:
                del page.render  # the method again, should MkDocs convert the page twice
                apply_rendered(page, rendered, files)

            page.render = render
        return markdown

    on_page_markdown = CombinedEvent(_escape_meta, _use_rendered, _skip_clean)

    def on_post_build(self, *, config: Any) -> None:
        if self.cache is not None:
            link_clean_outputs(self.cache, Path(config["site_dir"]))
            save_page_cache(self.cache, self.files, Path(config["site_dir"]))
            for hidden in [f for f in logging.getLogger("mkdocs.commands.build").filters if isinstance(f, SkippedPageFilter)]:
                logging.getLogger("mkdocs.commands.build").removeFilter(hidden)
        # MkDocs' one sitemap.xml becomes a sitemap index with parts of at most
        # sitemap_part_urls URLs (the protocol's cap), and robots.txt names it; an
        # archivist's own robots.txt (copied from docs_dir) is left as written.
        # sitemap.xml.gz, MkDocs' gzip of the whole list, would contradict the index: gone.
        site = Path(config["site_dir"])
        urlset = site / "sitemap.xml"
        if not urlset.is_file():
            return
        own_robots = (Path(config["docs_dir"]) / "robots.txt").is_file()
        files = render_crawler_files(urlset.read_text(encoding="utf-8"), config["site_url"] or "/", own_robots, self.config.sitemap_part_urls)
        for name, text in files.items():
            (site / name).write_text(text, encoding="utf-8")
        (site / "sitemap.xml.gz").unlink(missing_ok=True)
