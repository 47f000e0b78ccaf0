"""The pipeline's own decisions: which seeds make an article at all."""

from __future__ import annotations

from pathlib import Path

from generator.build import build_archive, select_distinct_articles
from generator.extract.clean import clean_seed_text
from generator.extract.fields import extract_article
from generator.files.seeds import read_archive_inputs
from generator.model import Seed

# Made up for these tests. Long enough to tell one article from another
# (data/duplicates.yml: min_body_words); a one-sentence text is only a teaser.
BODY = (
    "Russia invited the Syrian opposition for talks in Moscow, the ministry said on Friday.\n\n"
    "The invitation was handed to the coalition's envoy in Istanbul, a spokesman said, and names no date for the "
    "meeting, which would be the first in the Russian capital since the winter.\n\n"
    "Opposition leaders said they would answer after consulting their members, and that any talks must begin with "
    "the release of detainees and an end to the shelling of the northern suburbs.\n"
)
OTHER_BODY = (
    "Egypt will host a meeting of Syrian opposition groups in Cairo next month, its foreign ministry said.\n\n"
    "About two hundred delegates are expected, among them members of local councils from the north and the south, "
    "who have not met since the last conference broke up without a joint statement.\n\n"
    "Diplomats in Cairo said the meeting was meant to agree on a single delegation before the next round of "
    "negotiations, a step the groups have put off for more than a year.\n"
)


def _article(name: str, text: str):
    seed = Seed(id=name, path=f"seeds/{name}.txt", text=text, sha256=name)
    return extract_article(seed, clean_seed_text(text))


def test_the_same_text_under_two_names_is_one_article():
    first = _article("a", f"Talks in Moscow\n\n{BODY}")
    again = _article("b", f"Advertisement\n\nTALKS IN MOSCOW\n\n{BODY.replace(',', '')}\nShare this article\n")
    other = _article("c", f"Talks in Cairo\n\n{OTHER_BODY}")
    kept, problems = select_distinct_articles([again, other, first])
    assert [a.id for a in kept] == ["c", "a"]
    assert [(p.path, p.severity) for p in problems] == [("seeds/b.txt", "warning")]
    assert "seeds/a.txt" in problems[0].message


def test_a_seed_of_only_furniture_is_an_error():
    kept, problems = select_distinct_articles([_article("x", "Advertisement\n\nShare this article\n\nRead more\n")])
    assert kept == [] and len(problems) == 1
    assert problems[0].severity == "error" and "page furniture" in problems[0].message


def test_a_page_saved_as_html_and_as_text_builds_one_article(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    (seeds / "moscow-talks.html").write_text(
        "<html><head><title>Talks in Moscow</title>"
        "<link rel='canonical' href='https://wire.example/2015/moscow-talks'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Talks in Moscow</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    (seeds / "moscow-talks-dump.txt").write_text(f"Home\nWorld\n\nTalks in Moscow\n\n{BODY}\nShare this article\n", encoding="utf-8")
    (seeds / "cairo-meeting.txt").write_text(f"Meeting in Cairo\n\n{OTHER_BODY}", encoding="utf-8")
    archive = build_archive(read_archive_inputs(seeds))
    assert [a.id for a in archive.articles] == ["cairo-meeting", "moscow-talks"]
    [problem] = archive.problems
    assert (problem.path, problem.severity) == ("seeds/moscow-talks-dump.txt", "warning")
    assert "is the same article as seeds/moscow-talks.html (100% of its text is in it)" in problem.message
