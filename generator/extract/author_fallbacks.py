"""Authors where no byline names them: the person under an author box's heading, or named
alone on the line over or under the article's own date stamp. Each is read only after
:func:`generator.extract.bylines.extract_authors` found no byline, and with a lower
confidence (data/confidence.yml), since neither is where a page states its writer."""

from __future__ import annotations

import re

from generator.extract.bylines import LEAD_MARKS, bare_name, is_person, opens_with_given_name, page_lines_of, plain_text
from generator.extract.bylines import strip_byline_part, tidy_name
from generator.extract.page_lines import MD_IMAGE
from generator.files.rules import load_confidence, load_rules
from generator.model import Field, Provenance


# An author box's heading, alone on its line (a heading's or bold marks around it, never a
# menu's list item): "## Author", "About The Author", "Über den Autor", "**Autoren**",
# "Autor", "À propos de l'auteur", "Sobre el autor" (data/bylines.yml, author_box_headings).
_AUTHOR_BOX_HEADING = re.compile(
    r"^(?:#{1,6}\s*|\*\*_*\s*|__\s*)?(?:" + "|".join(load_rules("bylines")["author_box_headings"]) + r")\s*:?\s*(?:_*\*\*|__)?$", re.I
)
_AUTHOR_BOX_LOOK = 2  # the name is on the heading's next line, or the one after (a photo, "Recent Posts")


def extract_author_box(text: str) -> Field[tuple[str, ...]] | None:
    """Where no byline names the writer: the person an author box names under its heading
    ("## Author" / "Jake Goulding", "Über den Autor" / "Meike Neitz", "Autor" / "Jane Doe,
    Online-Redaktion"): the first line after it (pictures aside) that is a name opening with a
    first name, maybe with a role after a comma; else ``None``."""
    lines = page_lines_of(text)
    for k, (no, line) in enumerate(lines):
        if not _AUTHOR_BOX_HEADING.match(line):
            continue
        following = [(n, t) for n, t in lines[k + 1 :] if plain_text(MD_IMAGE.sub(" ", t)).strip(" *#_[]()")]
        for n, text in following[:_AUTHOR_BOX_LOOK]:
            plain = LEAD_MARKS.sub("", plain_text(text)).strip(" #*_")
            name = strip_byline_part(plain.split(",")[0])
            if is_person(name) and opens_with_given_name(name):
                # quoted without the "line N:" a byline's evidence opens with: the box stands apart from
                # the article's date stamp, which is looked for next to the byline (dates.byline_line_of)
                evidence = f"author box at line {n}: {text[:160]}"
                return Field((tidy_name(name),), Provenance("author-box", evidence, load_confidence("authors-author-box")))
    return None


def extract_name_beside_stamp(text: str, stamp_lines: tuple[int, ...]) -> Field[tuple[str, ...]] | None:
    """Where no byline was found: the person named alone on the line right over or under the
    article's own date stamp (seed lines ``stamp_lines``, where the date chosen was read):
    "Jane Doe" / "19. Oktober 2019", "Jane Doe" / "miércoles, 4 de mayo de 2022 00:00 hs". A name
    opening with a first name only; ``None`` when there is none."""
    if not stamp_lines:
        return None
    lines = page_lines_of(text)
    at = {no: k for k, (no, _) in enumerate(lines)}
    for stamp in sorted(stamp_lines):
        k = at.get(stamp)
        if k is None:
            continue
        for j in (k - 1, k + 1):
            if not 0 <= j < len(lines):
                continue
            no, line = lines[j]
            plain = plain_text(line)
            name = bare_name(plain)
            if not name or not opens_with_given_name(name) or _is_mixed_capitals(name):
                continue
            if _CLOSING_INITIAL.search(name) and plain.rstrip().endswith(name + "."):
                name += "."  # "Juan Carlos Muñoz C.": a closing initial keeps its dot
            evidence = f"line {no}: {line[:160]} (beside the date stamp on line {stamp})"
            return Field((tidy_name(name),), Provenance("byline-beside-stamp", evidence, load_confidence("authors-byline-beside-stamp")))
    return None


_CLOSING_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]$")


def _is_mixed_capitals(name: str) -> bool:
    """Some words in capitals, others not: a shouted headline ("FINA Weltmeisterschaften
    VERSCHOBEN"), never a name, which is written all in capitals ("JOE WEE") or none."""
    shouted = [w.isupper() and len(w) >= 3 for w in name.split()]
    return any(shouted) and not all(w.isupper() for w in name.split())
