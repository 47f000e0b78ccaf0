"""An article as recognition reads it: segments of words, and candidate spans.

A segment is one block, or one item of a bullet list, tokenised by spaCy's blank
English tokenizer; its words are runs of tokens written without a space
("Al-Khatib"), with the sentences split by the rule of spaCy's sentencizer. A
candidate is a span of a segment some rule takes for an actor.
"""

from __future__ import annotations

from collections.abc import Sequence
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.attrs import IDX, IS_PUNCT, LENGTH, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from generator.model import ActorType, CleanDoc

# Which rule wins when two candidates cover the same words and are equally long:
# a listed name beats anything inferred from the words around it.
METHOD_PRIORITY = {
    "gazetteer": 0,
    "demonym": 1,
    "acronym-definition": 2,
    "acronym-initials": 2,
    "org-head": 3,
    "title": 4,
    "particle": 5,
    "speech": 6,
    "model": 7,
    "given-name": 7,
    "completion": 7,
    "cue": 7,  # context typed it (cues.py): an age in commas, a company word, five mentions
    "earlier-name": 7,  # "Ellen Gille, née Fetter": the earlier name, given names restored
    "repeat": 8,
}
# A line ending on one of these is a sentence, never a Title Case headline.
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", ":")


class Word(NamedTuple):
    """A run of tokens written without a space, joined by hyphens ("Al-Khatib").

    A named tuple, not a frozen dataclass: every word of every article is one,
    and a tuple is built several times faster.
    """

    text: str
    start: int  # character offsets in the segment
    end: int
    sent_start: bool


@dataclass(frozen=True)
class Segment:
    """One piece of text read on its own: a block, or one item of a bullet list."""

    doc: Doc
    words: tuple[Word, ...]
    word_at_token: tuple[int, ...]
    headline: bool  # Title Case: capitals say nothing about names
    text: str = ""  # doc.text, read once (spaCy rebuilds it on every access)
    token_starts: tuple[int, ...] = ()  # character offsets of each token (Token.idx)
    token_ends: tuple[int, ...] = ()  # and of each token's end
    token_texts: tuple[str, ...] = ()  # each token as written (Token.text, its ORTH)
    heading: bool = False  # the article's title or a subheading: not prose to quote
    item: bool = False  # one item of a bullet list (the article's own highlights, often)


@dataclass(frozen=True)
class Candidate:
    """A span of a segment that one rule (``method``) takes for an actor; ``hint`` is the name it stands for."""

    segment: int
    start: int
    end: int
    surface: str
    type: ActorType
    method: str
    hint: str | None = None
    role: str | None = None  # the title or role written before a person's name ("Fed Chair")

    @property
    def rank(self) -> tuple[int, int, int]:
        return (-(self.end - self.start), METHOD_PRIORITY[self.method], self.start)


# Markdown a converter (html2text) leaves in the text: an image says nothing of the
# article's actors, a link's words are the article's words, emphasis marks are no words.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_MARKDOWN_EMPHASIS = re.compile(r"\*\*|__")
# A word bold on both sides of its apostrophe: html2text writes "<b>Nyong</b>'<b>o</b>" as
# "**Nyong** '**o**", a space inside the name ("Nyong'o", "O'Brien", "D’Souza").
_MARKDOWN_SPLIT_APOSTROPHE = re.compile(r"(?<=\w)\*\* ?(['’])\*\*(?=\w)")


def read_text(text: str) -> str:
    """A block's words as a reader reads them: Markdown images dropped, links reduced to their words."""
    if "[" in text:
        text = _MARKDOWN_LINK.sub(r"\1", _MARKDOWN_IMAGE.sub("", text))
    if "**" in text or "__" in text:
        text = _MARKDOWN_EMPHASIS.sub("", _MARKDOWN_SPLIT_APOSTROPHE.sub(r"\1", text))
    return text


# A name with an apostrophe ("Nyong'o", "O’Brien") and the same name split there by a
# converter that dropped the bold around it ("Nyong 'o").
_APOSTROPHE_NAME = re.compile(r"\b[A-Z]\w*['’](?!s\b)[a-z]\w*")
_SPLIT_APOSTROPHE_NAME = re.compile(r"\b([A-Z]\w*) (['’])([a-z]\w*)")


def _rejoin_split_names(texts: Sequence[str]) -> list[str]:
    """``texts`` with "Nyong 'o" written "Nyong'o" where the article writes it so elsewhere
    (a headline, another paragraph): the split is the converter's, the name is one word."""
    joined = {m.group(0).replace("’", "'") for t in texts if "'" in t or "’" in t for m in _APOSTROPHE_NAME.finditer(t)}
    if not joined:
        return list(texts)

    def rejoin(m: re.Match[str]) -> str:
        word = m.group(1) + m.group(2) + m.group(3)
        return word if word.replace("’", "'") in joined else m.group(0)

    return [_SPLIT_APOSTROPHE_NAME.sub(rejoin, t) if " '" in t or " ’" in t else t for t in texts]


def read_segments(doc: CleanDoc, nlp: Language) -> tuple[Segment, ...]:
    """The pieces of an article's blocks that are read on their own, tokenised by ``nlp``."""
    pieces: list[tuple[str, bool, bool]] = []
    items: set[int] = set()  # indices of pieces that are a bullet list's items
    block_texts = _rejoin_split_names([b.text for b in doc.blocks if b.kind != "bullets"])
    at = 0
    for block in doc.blocks:
        if block.kind == "bullets":
            texts = tuple(map(read_text, block.items))
        else:
            texts = (read_text(block_texts[at]),)
            at += 1
        # A Title Case line is a headline whatever block it landed in, unless it ends a sentence.
        may_be_headline = block.kind in ("title", "heading") or not block.text.rstrip().endswith(_SENTENCE_ENDS)
        headline = block.kind != "bullets" and may_be_headline and _is_headline(block.text)
        heading = block.kind in ("title", "heading")
        if block.kind == "bullets":
            items.update(range(len(pieces), len(pieces) + sum(1 for t in texts if t.strip())))
        pieces.extend((t, headline, heading) for t in texts if t.strip())
    # Only the tokenizer runs: sentence starts are found by _sentence_starts (the
    # sentencizer's rule) on arrays read from the Doc in one call each.
    segments = (_segment(nlp.make_doc(t), t, headline) for t, headline, _ in pieces)
    return tuple(
        replace(seg, heading=heading, item=k in items) if heading or k in items else seg
        for k, (seg, (_, _, heading)) in enumerate(zip(segments, pieces))
    )


def _is_headline(text: str) -> bool:
    """Title Case: most content words capitalised, so capitals mark no names."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3 and w.lower() not in STOP_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


# The characters ending a sentence for spaCy's rule-based sentencizer.
_SENTENCE_PUNCT = frozenset(Sentencizer.default_punct_chars)


def _sentence_starts(texts: Sequence[str], punct: Sequence[int]) -> list[bool]:
    """Which tokens open a sentence, by spaCy's ``sentencizer`` rule (``Sentencizer.predict``).

    A sentence ends after a run of tokens in its punctuation characters; the next
    token that is neither such a character nor punctuation opens the next one.
    Done here on plain lists because the pipe builds a Token object per token.
    """
    n = len(texts)
    starts = [False] * n
    if n:
        starts[0] = True
        start = 0
        seen_period = False
        for i in range(n):
            in_chars = texts[i] in _SENTENCE_PUNCT
            if seen_period and not punct[i] and not in_chars:
                starts[start] = True
                start = i
                seen_period = False
            elif in_chars:
                seen_period = True
        starts[start] = True
    return starts


def _segment(doc: Doc, text: str, headline: bool) -> Segment:
    """The words of one tokenised piece; ``text`` is the piece, which is ``doc.text``
    (spaCy's tokenizer loses no character)."""
    n = len(doc)
    if not n:
        return Segment(doc, (), (), headline, text)
    # Token attributes come as arrays in one call: spaCy builds a new Token object
    # on every doc[i] and joins every token on every doc.text.
    offsets, lengths, spaced, punct = doc.to_array([IDX, LENGTH, SPACY, IS_PUNCT]).T.tolist()
    ends = [start + length for start, length in zip(offsets, lengths)]
    texts = [text[start:end] for start, end in zip(offsets, ends)]
    sent_starts = _sentence_starts(texts, punct)
    if "-" not in texts:  # no hyphenated words (most pieces): one word per token
        opens: list[bool] = []
        seen_alpha_in_sentence = False
        for token, sent_start in zip(texts, sent_starts):
            if sent_start:
                seen_alpha_in_sentence = False
            is_alpha = token[:1].isalpha()
            opens.append(is_alpha and not seen_alpha_in_sentence)
            seen_alpha_in_sentence = seen_alpha_in_sentence or is_alpha
        one_per_token = tuple(map(Word, texts, offsets, ends, opens))
        return Segment(doc, one_per_token, tuple(range(n)), headline, text, tuple(offsets), tuple(ends), tuple(texts))
    words: list[Word] = []
    word_at_token = [0] * n
    i = 0
    seen_alpha_in_sentence = False
    while i < n:
        j = i
        # "Al-Khatib" is three tokens and one word
        while not spaced[j] and j + 2 < n and texts[j + 1] == "-" and not spaced[j + 1] and texts[j + 2][:1].isalpha():
            j += 2
        if sent_starts[i]:
            seen_alpha_in_sentence = False
        is_alpha = texts[i][:1].isalpha()
        start, end = offsets[i], ends[j]
        surface = texts[i] if i == j else text[start:end]
        words.append(Word(surface, start, end, is_alpha and not seen_alpha_in_sentence))
        seen_alpha_in_sentence = seen_alpha_in_sentence or is_alpha
        if i == j:
            word_at_token[i] = len(words) - 1
        else:
            word_at_token[i : j + 1] = [len(words) - 1] * (j + 1 - i)
        i = j + 1
    return Segment(doc, tuple(words), tuple(word_at_token), headline, text, tuple(offsets), tuple(ends), tuple(texts))
