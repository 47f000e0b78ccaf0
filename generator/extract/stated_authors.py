"""The authors a saved web page gives beside its article text: its metadata's (trafilatura's
reading of JSON-LD, ``<meta name="author">`` and byline classes), tidied, and the byline of its
own lines around the headline (``files/html.py`` reads them as a text dump would give them),
read as a dump's byline is (``bylines.py``)."""

from __future__ import annotations

import re

from generator.extract.dates import date_rules
from generator.extract.author_fallbacks import extract_author_box
from generator.extract.bylines import extract_authors, is_person, is_single_name, names_after_cue, strip_byline_part
from generator.files.rules import load_rules
from generator.lexicon import is_common_word_in_any_language, is_given_name
from generator.model import Block, CleanDoc, Field, Provenance

MAX_NAME_WORDS = 5  # a longer "name" is a sentence a template put in the author tag


def extract_page_authors(lines: str, headline: str) -> Field[tuple[str, ...]] | None:
    """The authors a saved web page's byline names, read from its lines around the headline
    (``files/html.py`` reads the page's body as a text dump would give it) as a dump's byline
    is read; ``None`` when none, or when the headline is not among the lines."""
    key = fold_name(headline)
    title_no = next((no for no, line in enumerate(lines.splitlines(), start=1) if fold_name(line) == key), 0)
    if not title_no:
        return None
    found = extract_authors(lines, CleanDoc(blocks=(Block(kind="title", text=headline, line_no=title_no),), removed=()))
    found = found or extract_author_box(lines)
    if found is None:
        return None
    prov = found.provenance
    return Field(found.value, Provenance(prov.method, f"the page's text near its headline, {prov.evidence}", prov.confidence))


def clean_stated_authors(names: tuple[str, ...], outlet: str | None) -> tuple[tuple[str, ...], bool]:
    """The authors a page's metadata names (trafilatura's reading of JSON-LD, ``<meta
    name="author">`` and byline classes), tidied, and whether they are people.

    A cue or label before a name is taken off ("Auteur Jane Doe", "Zeige alle Beiträge von
    Jane Doe"); a domain read as words ("Example De"), a template's word ("Follow", "Posted",
    "Name") and a sentence are left out. Where people remain, the site's own name and other
    parts that read as no person's go ("El Espectador; Jane Doe" is Jane Doe). Where none
    does, the page's metadata names a desk, an organisation or a user name as the author
    ("Redaktion", "Example Foundation", "jdoe"): kept as stated, and said so (``False``),
    since the page's text may name the person."""
    site = fold_name(outlet) if outlet else None
    parts: list[str] = []
    for name in names:
        name = " ".join(name.split())
        name = names_after_cue(name)
        label = _LABEL_BEFORE_CUE.match(name)
        if label and any(w[:1].islower() for w in label.group("label").split()):
            name = name[label.end():]
        name = strip_byline_part(name)
        words = name.split()
        if not name or _DOMAIN_WORDS.search(name) or len(words) > MAX_NAME_WORDS or any(ch.isdigit() for ch in name) and len(words) > 1:
            continue
        name = _without_label_words(name)
        words = name.split()
        if len(words) == 1 and not is_given_name(name) and is_common_word_in_any_language(name.casefold()) and not name.isupper():
            continue  # "Follow", "Posted", "Name": a template's word
        parts.append(name)
    # one word is a person's only as a first name ("Lynn"): "Examplecourage" is a site's or a
    # desk's as often as a pen name, weaker than a byline the page's text gives
    people = [p for p in parts if fold_name(p) != site and (is_person(p) or len(p.split()) == 1 and is_single_name(p) and is_given_name(p))]
    if people:
        return tuple(dict.fromkeys(people)), True
    return tuple(dict.fromkeys(parts)), False


def fold_name(text: str) -> str:
    """A name or a line folded for comparison: case and spacing."""
    return " ".join(text.split()).casefold()


# Lower-case words before a cue: a link's label ("Zeige alle Beiträge von Jane Doe", "Zum
# Profil von jdoe"), never a name ("Walter von Aachen" opens with a capitalised name).
_LABEL_BEFORE_CUE = re.compile(r"^(?P<label>(?:\S+\s+){1,5}?)(?:von|by|par|por)\s+(?=\S)")
# A site's domain trafilatura turned into words ("Example De", "Example Com").
_DOMAIN_ENDINGS = frozenset(str(w).casefold() for w in load_rules("bylines")["domain_words"])
_DOMAIN_WORDS = re.compile(r"\s(?:" + "|".join(load_rules("bylines")["domain_words"]) + r")$")


# Words a template writes before the name in the author tag: the piece's kind or the writer's
# role ("Interview Jane Roe", "FOCUS-Online-Experte Jane Roe"; data/bylines.yml).
_NAME_PREFIX_WORDS = frozenset(
    str(w).casefold() for w in (*load_rules("bylines")["roles"], *load_rules("bylines")["stated_name_prefixes"])
)


def _without_label_words(name: str) -> str:
    """A stated name without the words a template put around it: the piece's kind or a role
    before it ("Interview Jane Roe", "Online-Experte Jane Roe"), and after it lower-case words
    or a date's label ("Jane Roe vor" of "vor 3 Jahren", "Jane Roe Stand" of "Stand: 12.05.2022").
    Two words always stay: "Redaktion Nord" is left to the checks that follow."""
    words = name.split()
    while len(words) > 2 and words[0].casefold().split("-")[-1] in _NAME_PREFIX_WORDS:
        words = words[1:]
    rules = date_rules()
    while len(words) > 2 and (
        # a word of the page's text ("vor" of "vor 3 Jahren"); not a domain's ("Example info-x de"), nor
        # a user name ("Zum Profil von jdoe jdoe")
        words[-1][:1].islower() and words[-1].casefold() not in _DOMAIN_ENDINGS and is_common_word_in_any_language(words[-1].casefold())
        or rules.published.fullmatch(words[-1]) or rules.updated.fullmatch(words[-1])
    ):
        words = words[:-1]
    return " ".join(words)
