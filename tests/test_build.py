"""The pipeline's own decisions: which seeds make an article at all."""

from __future__ import annotations

from generator.extract.clean import clean_seed_text
from generator.extract.fields import extract_article
from generator.model import Seed
from generator.build import select_distinct_articles

BODY = "Russia invited the Syrian opposition for talks in Moscow, the ministry said on Friday.\n"


def _article(name: str, text: str):
    seed = Seed(id=name, path=f"seeds/{name}.txt", text=text, sha256=name)
    return extract_article(seed, clean_seed_text(text))


def test_the_same_text_under_two_names_is_one_article():
    first = _article("a", f"Talks in Moscow\n\n{BODY}")
    again = _article("b", f"Advertisement\n\nTALKS IN MOSCOW\n\n{BODY.replace(',', '')}\nShare this article\n")
    other = _article("c", f"Talks in Cairo\n\n{BODY}")
    kept, problems = select_distinct_articles([again, other, first])
    assert [a.id for a in kept] == ["c", "a"]
    assert [(p.path, p.severity) for p in problems] == [("seeds/b.txt", "warning")]
    assert "seeds/a.txt" in problems[0].message


def test_a_seed_of_only_furniture_is_an_error():
    kept, problems = select_distinct_articles([_article("x", "Advertisement\n\nShare this article\n\nRead more\n")])
    assert kept == [] and len(problems) == 1
    assert problems[0].severity == "error" and "page furniture" in problems[0].message
