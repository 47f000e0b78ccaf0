"""Floors under the article-text figures on web2 (``make eval``), per half: a change
that loses ground on pages from sites no one tuned on fails here. The scoring itself
is checked on a small page of our own. Skipped when ``../shared/devcorpus`` is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.evaluate.web2 import figures, groups, read_site_names, score_page, site_name_matches
from generator.evaluate.web2 import evaluate as evaluate_web2
from generator.extract.clean import clean_seed_text
from generator.files.devcorpus import CorpusText, read_web2_corpus

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "devcorpus" / "web2"

# Floors just under the figures reached in each half (see `make eval`). Headline, session 8:
# A 69.8% (291/417), B 74.3%; the retrain with the "More from <X>" rule moved one page each way.
FLOORS = {
    "title_exact": 0.695,
    "with_recall": 0.86,
    "without_accuracy": 0.81,
}


@pytest.fixture(scope="module")
def scores():
    if not (CORPUS / "labels.json").is_file():
        pytest.skip(f"no dev corpus at {CORPUS}")
    return evaluate_web2(read_web2_corpus(CORPUS), site_names=read_site_names(CORPUS))


@pytest.mark.parametrize("half", ["half A", "half B"])
@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_web2_floors_hold_in_each_half(scores, half, measure):
    fig = dict(groups(scores))[half]
    assert getattr(fig, measure) >= FLOORS[measure], (half, measure, getattr(fig, measure))


PAGE = """Home | News | Sport

# The council votes to rebuild the old bridge

The town council voted on Tuesday to rebuild the old stone bridge over the river, ending a dispute that had lasted for years.
The work will start in spring and is expected to take two years, the mayor said at a press conference after the vote.
Residents who had campaigned for the bridge welcomed the decision and said they would watch the costs closely.

Related: Another story about the weather
"""


@pytest.mark.parametrize(
    ("labels", "title_ok", "with_found", "without_out"),
    [
        ({"title": "The council votes to rebuild the old bridge", "with": ["voted on  Tuesday"], "without": ["Home | News"]}, True, 1, 1),
        ({"title": "the COUNCIL votes to rebuild the old bridge", "with": ["press conference"], "without": []}, True, 1, 0),
        ({"title": "Another title", "with": ["not on the page"], "without": ["the old stone bridge"]}, False, 0, 0),
        ({"title": None, "with": [], "without": []}, None, 0, 0),
    ],
)
def test_score_page_folds_case_and_spacing(labels, title_ok, with_found, without_out):
    page = CorpusText("p", PAGE, {"dump_style": "browser", "language": "en", **labels})
    score = score_page(page, 3, clean_seed_text(PAGE))
    assert (score.title_ok, score.with_found, score.without_out, score.half) == (title_ok, with_found, without_out, "B")
    fig = figures([score])
    assert fig.titles == (title_ok is not None)


# Dates and authors on the text dumps (make eval's web2 table), per half: read in the
# corpus's languages, never dated by what the page quotes or embeds.
# Dates per half, a little under the figures measured (session 8: right A 82.8%, B 79.2%;
# wrong A 20 of 360, B 22 of 341; the page's own share links gave B two more).
DATE_FLOORS = {"half A": {"right": 0.825, "wrong_at_most": 0.06}, "half B": {"right": 0.785, "wrong_at_most": 0.07}}
# Authors per half (bylines in the corpus's languages, user names, author boxes, a name beside
# the date stamp): 59.5% on half A and 50.6% on half B (session 8).
AUTHOR_FLOORS = {"half A": 0.585, "half B": 0.50}


@pytest.mark.parametrize("half", ["half A", "half B"])
def test_web2_dates_and_authors_hold_in_each_half(scores, half):
    fig = dict(groups(scores))[half]
    assert fig.dates_right / fig.dates >= DATE_FLOORS[half]["right"], (fig.dates_right, fig.dates)
    assert fig.dates_wrong / fig.dates <= DATE_FLOORS[half]["wrong_at_most"], (fig.dates_wrong, fig.dates)
    assert fig.authors_right / fig.authors >= AUTHOR_FLOORS[half], (fig.authors_right, fig.authors)


# Outlets on the text dumps, of the pages whose HTML names the site (og:site_name or the
# JSON-LD publisher: the labels), per half.
# Measured 24.8% (A), 24.4% (B) when the measure was added; 39.4% (A), 33.8% (B) with the
# learned outlet weights (fitted on half A: B is the held-out figure); 44.2% (A), 37.6% (B)
# with names compared by their letters and digits, fuller copyright holders, more prompts and
# the agreeing / all-common features (session 8).
OUTLET_FLOORS = {"half A": 0.43, "half B": 0.36}


@pytest.mark.parametrize("half", ["half A", "half B"])
def test_web2_outlets_hold_in_each_half(scores, half):
    fig = dict(groups(scores))[half]
    assert fig.outlets > 300, fig.outlets  # most pages state their site's name
    assert fig.outlets_right / fig.outlets >= OUTLET_FLOORS[half], (fig.outlets_right, fig.outlets)


@pytest.mark.parametrize(
    ("given", "label", "right"),
    [
        ("Tages-Anzeiger", "tages-anzeiger", True),  # folded
        ("PC Gamer", "pcgamer", True),  # spaces and marks are spelling, not another name
        ("bewusster-leben.de", "bewusster leben", True),
        ("JOBS&HIRE", "Jobs & Hire", True),
        ("amazedmag.de", "amazed", False),  # more letters: another name
        ("Utopia", "Utopia.de", True),  # the site's host spelled as its name
        ("watson.ch", "watson", True),
        ("Tamedia", "Tamedia AG", True),  # a legal form is no part of the name
        ("BioBioChile", "BioBioChile - La Red de Prensa Más Grande de Chile", True),  # a tagline after the name
        ("DealDoktor", "Schnäppchen Blog mit Doktortitel • DealDoktor", True),
        ("La Red de Prensa", "BioBioChile - La Red de Prensa Más Grande de Chile", False),
        ("Schnäppchen Blog", "Schnäppchen Blog mit Doktortitel • DealDoktor", False),
        ("Intercept", "The Intercept", False),  # not the name the site gives itself
        ("ABC", "ABC13 Houston", False),
        ("heise.de", "heise online", False),
        ("Der Spiegel", "SPIEGEL ONLINE", True),  # the registry lists both as one outlet's names
        ("Süddeutsche", "Süddeutsche Zeitung", False),  # a shorter name is another name
        ("Reuters", "Reuters.com", True),
        ("NYT", "The New York Times", True),  # one registry outlet's alias
        ("Vox Media", "Vox", False),  # the parent company is another name
    ],
)
def test_site_name_matches(given, label, right):
    assert site_name_matches(given, label) is right
