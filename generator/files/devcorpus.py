"""Reading the development corpus (``../shared/devcorpus``) for ``make eval`` and its floors.

Third-party texts, read where they lie and never copied into the repository:
``web/`` holds page dumps (``<id>.txt``), some with a reference body
(``<id>.body.txt``), and ``labels.json``; ``events/`` holds news texts in labelled
events and its ``labels.json``. See the corpus's README.md.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from generator.model import Seed


@dataclass(frozen=True)
class CorpusText:
    """One text of the corpus with its labels (``None`` values: the source gives no label)."""

    id: str
    text: str
    labels: Mapping[str, Any]
    reference_body: str | None = None  # web/: readability's expected article text, where known

    def as_seed(self, folder: str) -> Seed:
        """The text as the pipeline reads a seed file of that name."""
        return Seed(
            id=self.id,
            path=f"{folder}/{self.id}.txt",
            text=self.text.replace("\r\n", "\n").replace("\r", "\n"),
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
        )


def read_web_corpus(folder: Path) -> tuple[CorpusText, ...]:
    """Every page dump of ``<devcorpus>/web``, in the order of its labels."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    pages = []
    for label in labels:
        body = folder / f"{label['id']}.body.txt"
        pages.append(
            CorpusText(
                id=label["id"],
                text=(folder / f"{label['id']}.txt").read_text(encoding="utf-8"),
                labels=label,
                reference_body=body.read_text(encoding="utf-8") if body.is_file() else None,
            )
        )
    return tuple(pages)


def read_event_corpus(folder: Path) -> tuple[CorpusText, ...]:
    """Every news text of ``<devcorpus>/events``, in the order of its labels."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    return tuple(
        CorpusText(id=label["file"].removesuffix(".txt"), text=(folder / label["file"]).read_text(encoding="utf-8"), labels=label)
        for label in labels
    )


def has_corpus_part(devcorpus: Path, part: str) -> bool:
    """Whether the development corpus holds ``part`` (``"web2"``, ``"events"`` ...): a
    partial copy of it still evaluates what it has."""
    return (devcorpus / part).is_dir()


def read_web2_labels(folder: Path) -> list[dict[str, Any]]:
    """The labels of ``<devcorpus>/web2``, sorted by id (its README: half A is the even
    positions, half B the odd ones)."""
    return json.loads((folder / "labels.json").read_text(encoding="utf-8"))


def read_web2_corpus(folder: Path) -> tuple[CorpusText, ...]:
    """Every page dump of ``<devcorpus>/web2``, in the order of its labels."""
    labels = read_web2_labels(folder)
    return tuple(
        CorpusText(id=label["id"], text=(folder / f"{label['id']}.txt").read_text(encoding="utf-8"), labels=label)
        for label in labels
    )


def half_of(position: int) -> str:
    """web2's halves: ``"A"`` for even positions of its sorted labels, ``"B"`` for odd."""
    return "A" if position % 2 == 0 else "B"


def read_web2_html(folder: Path, label: Mapping[str, Any]) -> bytes:
    """The original HTML bytes of one web2 page (its ``<id>.html.gz``, unpacked)."""
    return gzip.decompress((folder / label["html"]).read_bytes())


# The labels of the mixed event pile, written by reading the pages (data beside the
# evaluation that uses them: generator/evaluate/mixed_events.py).
MIXED_PILE_LABELS = Path(__file__).resolve().parents[1] / "evaluate" / "data" / "mixed_events.yml"


def read_mixed_pile_labels(path: Path = MIXED_PILE_LABELS) -> Mapping[str, Any]:
    """The mixed pile's labels: ``web2_dropped`` (id -> why), ``groups`` and
    ``considered_apart`` (each ``{pages, why}``)."""
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))
