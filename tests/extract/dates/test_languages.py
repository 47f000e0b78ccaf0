"""Dates and bylines in the corpus's languages (issue 23, item 3): month and weekday names,
labels and cue words of data/dates.yml and data/bylines.yml, day-first numeric dates, and
what never dates an article (an embedded post, a list of dates, another page's address).

Every text here is made up for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.bylines import authors_in_line, extract_authors
from generator.extract.dates.spans import extract_date_clues, extract_date_evidence, extract_date_spans, is_rejected_date
from generator.extract.dates.stamps import extract_stamp_clues, numeric_spans, plain_line
from generator.extract.dates import choose_date
from generator.model import Block, CleanDoc, Removed


def _doc(*blocks: str | tuple[str, str], url: str | None = None, removed: tuple[Removed, ...] = (), language: str | None = None) -> CleanDoc:
    built = []
    for i, b in enumerate(blocks, start=1):
        kind, text = b if isinstance(b, tuple) else ("paragraph", b)
        built.append(Block(kind=kind, text=text, line_no=i))  # type: ignore[arg-type]
    return CleanDoc(blocks=tuple(built), removed=removed, source_url=url, language=language)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("13.08.2015", (2015, 8, 13)),
        ("4. 2. 2022", (2022, 2, 4)),
        ("13. August 2015", (2015, 8, 13)),
        ("01. Dez. 2022", (2022, 12, 1)),
        ("13 août 2015", (2015, 8, 13)),
        ("1er mars 2019", (2019, 3, 1)),
        ("13 de agosto de 2015", (2015, 8, 13)),
        ("4 de mayo del 2022", (2022, 5, 4)),
        ("13 sierpnia 2015", (2015, 8, 13)),
        ("13 agosto 2015", (2015, 8, 13)),
        ("13 augustus 2015", (2015, 8, 13)),
        ("Jänner 2020", (2020, 1, None)),
        ("29\\. Juni 2017", (2017, 6, 29)),  # html2text's escaped dot
        ("Datum:26. Januar 2022", (2022, 1, 26)),  # a label glued to the day
        ("August 13, 2015", (2015, 8, 13)),  # English as before
    ],
)
def test_a_date_in_the_corpus_languages_is_read(text, expected):
    spans = extract_date_spans(text)
    assert spans, text
    assert (spans[0].year, spans[0].month, spans[0].day) == expected


@pytest.mark.parametrize(
    "text",
    [
        "macuser28.09.1912:44",  # "28.09.19" glued to a time: no year 1912
        "version 1.2.2019.3",  # a version number
        "Sie mag 5 Äpfel",  # no month
        "I may 13 times",  # the verb "may" is never May
    ],
)
def test_no_date_is_read_where_none_is_written(text):
    assert not any(s.year and s.day for s in extract_date_spans(text))


def test_a_weekday_before_a_date_in_german_is_read():
    (span,) = extract_date_spans("Freitag, 4. Februar 2022")
    assert span.weekday == 4


@pytest.mark.parametrize(
    "line, role",
    [
        ("Veröffentlicht am 13.08.2015", "published"),
        ("Erschienen am 3. März 2021", "published"),
        ("Aktualisiert am 19.02.2020", "updated"),
        ("Zuletzt geändert am 06.11.2023", "updated"),
        ("Stand: 26.10.2021 10:05 Uhr", "updated"),
        ("Publié le 3 mars 2020 à 10h30", "published"),
        ("Mis à jour le 4 mars 2020", "updated"),
        ("Publicado el 4 de mayo de 2022", "published"),
        ("Actualizado el 5 de mayo de 2022 a las 10:00 hs", "updated"),
        ("Pubblicato il 13 agosto 2015", "published"),
        ("Gepubliceerd op 13 augustus 2015", "published"),
        ("Veröffentlichung: 04.02.2022", "published"),
        ("Eingetragen am 3. Januar 2020", "published"),
        ("Dienstag, 01. Februar 2022 12:10", "date-line"),
    ],
)
def test_a_date_line_label_gives_its_role_in_every_language(line, role):
    clues = extract_date_clues(_doc(("title", "Eine Überschrift"), line))
    assert [c.role for c in clues] == [role]


@pytest.mark.parametrize(
    "text",
    [
        # "Stand" in a sentence is "as of", not a revision stamp
        "Der Preis gilt mit Stand September 2022 für alle Kunden der Stadtwerke.",
        # an embedded social post's own date
        "— Erika Beispiel (@erikabsp) November 18, 2019",
        # a forum member's joining day, an event's date
        "Registriert: 18.09.2008, 05:56",
        "Termin: 27.03.2020, 18:30 Uhr",
        # ranges and "since"
        "seit 1. Januar 2020",
        "depuis le 3 mars 2020",
        "desde el 4 de mayo de 2022",
        # a range's first day
        "vom 3. Februar 2022 bis 5. März 2022",
        "WoB 31. Dezember 2021-06. Januar",
    ],
)
def test_a_date_that_is_not_the_articles_gives_no_clue(text):
    assert not [c for c in extract_date_clues(_doc(("title", "Eine Überschrift"), text)) if c.role != "photo"]


@pytest.mark.parametrize(
    "text, rejected",
    [
        ("— Erika Beispiel (@erikabsp) November 18, 2019", True),  # an embedded post signs off so
        ("By Jane Doe @janedoe Dec 10, 2016", False),  # a byline's own handle: the article's stamp
    ],
)
def test_a_social_posts_date_is_rejected_not_a_bylines(text, rejected):
    (span,) = extract_date_spans(text)
    assert is_rejected_date(text, span) == rejected


@pytest.mark.parametrize(
    "language, dated",
    [("de", False), ("en", True)],  # a German page's month alone is a calendar's heading
)
def test_a_month_alone_on_a_line(language, dated):
    doc = _doc(("title", "Eine Überschrift"), "Januar 2022", "Text des Artikels.", language=language)
    assert bool(extract_date_clues(doc)) == dated


def test_lines_of_a_month_each_are_an_archive():
    doc = _doc(("title", "A headline"), "October 2019", "September 2019", "Text.", language="en")
    assert extract_date_clues(doc) == ()


def test_a_list_of_dates_is_no_date_line():
    doc = _doc(("title", "Archiv"), "Oktober 2020 September 2020 August 2020 Juli 2020")
    assert extract_date_clues(doc) == ()


@pytest.mark.parametrize(
    "text, day_first, expected",
    [
        ("Le 17/02/2020", True, (2020, 2, 17)),
        ("05/08/2015", True, (2015, 8, 5)),  # the day first where the language writes it so
        ("05/08/2015", False, None),  # an English page: May or August, no date
        ("10/17/2022", False, (2022, 10, 17)),
    ],
)
def test_a_numeric_date_reads_day_first_only_in_a_day_first_language(text, day_first, expected):
    spans = numeric_spans(text, day_first)
    assert ((spans[0].year, spans[0].month, spans[0].day) if spans else None) == expected


def _url_removed(url: str, line: int, rule: str = "source-url") -> Removed:
    return Removed(line_no=line, text=url, rule=rule)


@pytest.mark.parametrize(
    "removed, dated",
    [
        ((), True),  # given by the caller (an HTML page's metadata, a test)
        ((_url_removed("https://example.org/2013/02/05/story", 1),), True),  # on the seed's first line
        ((_url_removed("Original url:", 40, "source-url-label"), _url_removed("https://example.org/2013/02/05/story", 41)), True),
        ((_url_removed("https://example.org/2013/02/05/story", 40),), False),  # a bare link deep in the page
    ],
)
def test_a_url_dates_the_article_only_when_it_is_the_pages_own(removed, dated):
    doc = _doc(("title", "A headline"), "Body text of the story.", url="https://example.org/2013/02/05/story", removed=removed)
    assert (extract_date_evidence(doc).url is not None) == dated


def test_a_files_url_gives_no_date():
    doc = _doc(("title", "A headline"), "Body.", url="https://example.org/wp-content/uploads/2019/12/episode.mp3")
    assert extract_date_evidence(doc).url is None


def test_an_updated_stamp_in_a_later_year_stands_on_a_german_page():
    # "Stand:" beside the headline is the article's own revision, whatever years its body writes
    doc = _doc(("title", "Eine Überschrift"), "Stand: 26.10.2021", "Im Jahr 2009 begann es. 2009 war ein gutes Jahr.", language="de")
    assert choose_date(extract_date_evidence(doc)).value.date == dt.date(2021, 10, 26)


def _page(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize(
    "text, title, expected",
    [
        # the stamp nearest the headline, above it, beats a related story's further down
        (_page("Menü", "Nachricht 19. November 2021", "", "Eine Überschrift", *["Text."] * 20, "16. November 2021"), 4, (2021, 11, 19)),
        # a "Veröffentlicht" stamp beats an unlabelled date nearer the headline
        (_page("Veröffentlicht am 16.08.2019", *["Text."] * 8, "Eine Überschrift", "24. August 2019 um 03:36 Uhr"), 10, (2019, 8, 16)),
        # the headline found is a kicker holding the stamp
        (_page("Menü", "RUBRIK 20. Juni 2019", "Text."), 2, (2019, 6, 20)),
        # a year glued to the next stamp's day
        (_page("Eine Überschrift", "Veröffentlicht am 19. Juni 201619. Juni 2016 von Erika Beispiel"), 1, (2016, 6, 19)),
        # a share bar beside the stamp
        (_page("Eine Überschrift", "12.11.2021 Artikel: Download PDF Drucken Teilen"), 1, (2021, 11, 12)),
    ],
)
def test_the_pages_own_stamp_in_german(text, title, expected):
    clues, _window = extract_stamp_clues(text, title, None, (), "de")
    assert (clues[0].span.year, clues[0].span.month, clues[0].span.day) == expected


@pytest.mark.parametrize(
    "gap, byline, expected",
    [
        (40, None, [("far-stamp", 2021, 10, 11)]),  # nothing next to the headline: the stamp further down
        (70, None, []),  # beyond even that
        (40, 2, []),  # a byline is known: its stamp window decides
    ],
)
def test_a_stamp_further_under_the_headline(gap, byline, expected):
    text = _page("Eine Überschrift", "Erika Probe", *["Ein langer Absatz des Artikels."] * gap, "Bonn, 11.10.2021", "Mehr.")
    clues, _window = extract_stamp_clues(text, 1, byline, (), "de")
    assert [(c.role, c.span.year, c.span.month, c.span.day) for c in clues] == expected


def test_plain_line_splits_a_year_glued_to_a_day():
    assert plain_line("20 janvier 202020 janvier 2020") == "20 janvier 2020 20 janvier 2020"


@pytest.mark.parametrize(
    "line, names",
    [
        ("Von Erika Beispiel", ("Erika Beispiel",)),
        ("von Max Mustermann | 20. Mai 2007 | Sport", ("Max Mustermann",)),
        ("VON [ERIKA BEISPIEL](/autoren/beispiel) am 21. April 2020", ("Erika Beispiel",)),
        ("Von Anna Probe und Otto Test", ("Anna Probe", "Otto Test")),
        ("01. Dez. 2022 | 14:08 Uhr | von Jonas Probe", ("Jonas Probe",)),
        ("Von: Adrian Muster", ("Adrian Muster",)),
        ("Text von Clara Probe Illustration von Paul Test", ("Clara Probe",)),
        ("Text: Klara Muster / beispiel.de", ("Klara Muster",)),
        ("Erstellt von Fabian am Dienstag 6. Mai 2014", ("Fabian",)),  # one word, a stamp beside it
        ("Par Jeanne Exemple", ("Jeanne Exemple",)),
        ("Auteur : Kofi Exemple", ("Kofi Exemple",)),
        ("Par [[Jean Test](/node/jean-test)](/node/x) le 07 Mai 2020", ("Jean Test",)),
        ("por Raúl Ejemplo 4 mayo, 2022", ("Raúl Ejemplo",)),
        ("Por Ana Prueba y Luis Prueba", ("Ana Prueba", "Luis Prueba")),
        ("Di Mario Esempio", ("Mario Esempio",)),
        ("Door Jan Voorbeeld", ("Jan Voorbeeld",)),
        ("Autorka: Anna Przykład", ("Anna Przykład",)),
        ("von Mia Probe, Online-Redaktion Veröffentlicht: 26.12.2022", ("Mia Probe",)),
        ("By Marine Le Test", ("Marine Le Test",)),  # "Le" inside a name is no stamp word
        ("Ein Artikel von **Paula Probe** | 27.01.2022 - 12:45", ("Paula Probe",)),
        ("Eine Kolumne von Nils Probe", ("Nils Probe",)),
        ("Text & Fotos: Ivan Probe 0 337", ("Ivan Probe",)),
        ("By Cat Probe/June 12, 2020 9:49 am EST", ("Cat Probe",)),
        ("Par Nicolas Exemple C. le 14.09.2020 à 11h46", ("Nicolas Exemple C.",)),  # the initial keeps its dot
        ("1. Januar 2016 von GrueneProbe Ein Kommentar", ("GrueneProbe",)),
        ("Publié par Inconnu à 08:00", ("Inconnu",)),
        ("Artikel von Alexa von Probe", ("Alexa von Probe",)),
        ("von Sonia Probe Erstellt am 01.01.23 um 08:35", ("Sonia Probe",)),
        ("Autor: Rechtsanwalt Sebastian Probe", ("Sebastian Probe",)),  # a job title before the name
        ("Autorin: Uta Probe, Projektleiterin der Stiftung", ("Uta Probe",)),  # and after it
        ("By [Perry Probe Jr.](https://example.org/contributors/p/)", ("Perry Probe Jr.",)),
        ("Kommentar von Georg77", ()),  # a reader's comment
        ("Redaktion Beispiel Zeitung", ()),  # a desk: what follows is the outlet
        ("Text: Klausdieter Friedrich", ("Klausdieter Friedrich",)),  # "Fri..." is no Friday
        # never a desk, an outlet, a sentence
        ("Von Redaktion am 3. Mai 2020", ()),
        ("Por Redacción", ()),
        ("Von der Leyen sagte am Montag", ()),
        ("Par ailleurs, il a dit", ()),
        ("Text Mining Tools", ()),  # "Text" without its colon is no cue
        ("seit dem 18. August 2015 wird den Anwendern von Windows 7 geraten", ()),
    ],
)
def test_a_byline_in_the_corpus_languages(line, names):
    assert authors_in_line(line) == names


def _article(*lines: str) -> tuple[str, CleanDoc]:
    text = "\n".join(lines)
    blocks = (Block(kind="title", text=lines[0], line_no=1), Block(kind="paragraph", text=lines[-1], line_no=len(lines)))
    return text, CleanDoc(blocks=blocks, removed=())


@pytest.mark.parametrize(
    "lines, names",
    [
        # a name right before its date or the date's label
        (("Eine Überschrift", "Erika Beispiel Zuletzt geändert am 06.11.2023", "Text des Artikels."), ("Erika Beispiel",)),
        # a name right after the stamp the line opens with
        (("Eine Überschrift", "21. Jan 2022 // Dominik Probe", "Text des Artikels."), ("Dominik Probe",)),
        (("Eine Überschrift", "26. September 2019 Ulrike Probe Schreibe einen Kommentar", "Text."), ("Ulrike Probe",)),
        # the headline found is itself the byline and stamp line
        (("Nina Probe – 14.09.2022 – Kolumne, Alltag", "Text des Artikels."), ("Nina Probe",)),
        # a headline opening with a date is no byline
        (("Eine Überschrift", "23.01.2022 - Dorothea Probe darf jubeln", "Text."), None),
    ],
)
def test_a_byline_without_a_cue_next_to_the_headline(lines, names):
    text, doc = _article(*lines)
    found = extract_authors(text, doc)
    assert (found.value if found else None) == names


@pytest.mark.parametrize(
    "lead, dated",
    [
        # a lead opening with its day, German press style
        ("27.1.2022 - Bei der Erinnerung an die Verfolgten waren queere Opfer oft unsichtbar.", (2022, 1, 27)),
        ("31. Oktober 2023. Dragqueens sind Kunstfiguren aus Make-Up und Glitter.", (2023, 10, 31)),
        ("01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet“, sagte sie.", (2022, 2, 1)),
        # prose mentioning a day first, without a dash, stop or quote after it, is the news's history
        ("27.1.2022 war ein kalter Tag in der Stadt, sagte sie.", None),
    ],
)
def test_a_lead_opening_with_its_day_dates_the_article(lead, dated):
    clues = extract_date_clues(_doc(("title", "Eine Überschrift"), lead))
    got = [(c.span.year, c.span.month, c.span.day) for c in clues if c.role == "dateline-prefix"]
    assert got == ([dated] if dated else [])


@pytest.mark.parametrize(
    "line, role",
    [
        # German blog and press footers: the label before the day
        ("Dieser Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und unter Allgemein abgelegt.", "published"),
        ("Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige Zusammenarbeit stand im Mittelpunkt eines Gesprächs.", "published"),
    ],
)
def test_a_label_in_prose_gives_its_role(line, role):
    clues = extract_date_clues(_doc(("title", "Eine Überschrift"), line))
    assert [c.role for c in clues] == [role]
