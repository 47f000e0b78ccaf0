"""``newsarchive inspect``: what extraction makes of some seeds, as a record per article.

The JSON keys of :func:`inspect_record` are an interface (scripts read them): add
keys, never rename or drop one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Sequence

from generator.build import build_archive, read_locked_event_ids
from generator.files.seeds import check_seed_args, read_archive_inputs
from generator.model import Archive, Article, Field
from generator.publish.markdown import render_body_markdown
from generator.settings import BuildOptions, Settings


def run_inspect(files: Sequence[Path], settings: Settings, *, as_json: bool = False, use_curation: bool = True) -> int:
    """Print the extraction of the given seeds, taken together as one archive, as JSON or as a readable report."""
    unreadable = check_seed_args(files)  # must be regular files: a FIFO would block
    if unreadable:
        for problem in unreadable:
            print(problem, file=sys.stderr)
        return 2
    inputs = read_archive_inputs(
        files[0].parent, paths=files, max_bytes=settings.max_seed_bytes, limits=settings.input_limits()
    )
    options = BuildOptions(
        use_curation=use_curation,
        spacy_model=settings.spacy_model,
        locked_event_ids=read_locked_event_ids(settings),
        max_page_bytes=settings.max_page_bytes,  # what the site would show of each article
        max_title_chars=settings.max_title_chars,
        max_summary_chars=settings.max_summary_chars,
    )
    archive = build_archive(inputs, options)
    for problem in archive.problems:
        print(problem, file=sys.stderr)
    records = [inspect_record(a, archive) for a in _in_given_order(archive, files)]
    if as_json:
        print(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        print("\n\n".join(_report(r) for r in records))
    return 0


def _in_given_order(archive: Archive, files: Sequence[Path]) -> list[Article]:
    by_id = {a.id: a for a in archive.articles}
    return [by_id[p.stem] for p in files if p.stem in by_id]


def inspect_record(article: Article, archive: Archive) -> dict[str, Any]:
    """The public JSON record of one article (keys are an interface: add, never rename)."""
    event = archive.event_of(article.id)
    return {
        "id": article.id,
        "title": article.title.value,
        "date": article.date.value.date.isoformat() if article.date else None,
        "date_precision": article.date.value.precision if article.date else None,
        "outlet": article.outlet.value if article.outlet else None,
        "authors": list(article.authors.value) if article.authors else [],
        "source_url": article.source_url.value if article.source_url else None,
        "dateline": article.doc.dateline,
        "actors": [
            {"name": a.name, "type": a.type, "mentions": _surfaces_in(article, a.surfaces)}
            for a in (archive.actor(i) for i in article.actor_ids)
        ],
        "body": render_body_markdown(article.doc),
        "summary": article.summary.value if article.summary else None,
        "captions": [b.text for b in article.doc.of_kind("caption")],
        "provenance": {
            "title": _provenance(article.title),
            "date": _provenance(article.date),
            "outlet": _provenance(article.outlet),
            "authors": _provenance(article.authors),
            "source_url": _provenance(article.source_url),
            "summary": _provenance(article.summary),
        },
        "removed": [{"line": r.line_no, "text": r.text, "rule": r.rule} for r in article.doc.removed],
        "event": (
            {
                "id": event.id,
                "title": event.title,
                "title_article": event.title_article,  # the report the title came from
                "title_provenance": event.title_provenance.as_dict() if event.title_provenance else None,
                "date": event.date.date.isoformat() if event.date else None,
                "related": list(event.related),
            }
            if event
            else None
        ),
        "sha256": article.sha256,
        "language": article.doc.language,
        "source_file": article.source_path,
    }


def _surfaces_in(article: Article, surfaces: Sequence[str]) -> list[str]:
    mine = {m.surface for m in article.mentions}
    found = [s for s in surfaces if s in mine]
    return found or list(surfaces)


def _provenance(field: Field[Any] | None) -> dict[str, Any] | None:
    return field.provenance.as_dict() if field is not None else None


def _report(record: dict[str, Any]) -> str:
    prov = record["provenance"]

    def how(key: str) -> str:
        p = prov.get(key)
        return f"  [{p['tier']}: {p['method']}, {p['confidence']}]" if p else ""

    lines = [
        f"== {record['id']}",
        f"title:   {record['title']}{how('title')}",
        f"date:    {record['date'] or '-'}{how('date')}",
        f"outlet:  {record['outlet'] or '-'}{how('outlet')}",
        f"summary: {record['summary'] or '-'}",
        f"event:   {_event_line(record['event'])}",
        "actors:  " + ", ".join(f"{a['name']} ({a['type']})" for a in record["actors"]),
        f"removed: {len(record['removed'])} line(s)",
    ]
    lines += [f"   - line {r['line']} [{r['rule']}] {r['text'][:70]}" for r in record["removed"]]
    return "\n".join(lines)


def _event_line(event: dict[str, Any] | None) -> str:
    """The event's title and where it came from: ``title  [report-headline of 003_x]``."""
    if event is None:
        return "-"
    provenance = event["title_provenance"]
    if provenance is None:
        return event["title"]
    source = f" of {event['title_article']}" if event["title_article"] else ""
    return f"{event['title']}  [{provenance['tier']}: {provenance['method']}{source}]"
