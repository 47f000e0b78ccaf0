"""data/dates.yml's typed schema, checked once at load (extract/dates/rules.py)."""

from __future__ import annotations

import copy

import pytest

from generator.extract.dates.rules import SCHEMA, check_schema, date_rules
from generator.files.rules import load_rules


def test_the_shipped_rules_fit_their_schema():
    check_schema(load_rules("dates"), SCHEMA)
    rules = date_rules()
    assert sorted(rules.month_names) == list(range(1, 13)) and sorted(rules.weekday_names) == list(range(7))
    assert rules.weekday_names[0][0] == "Monday"


def _broken(path: tuple, value: object) -> dict:
    data = copy.deepcopy(load_rules("dates"))
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    "path, value, where",
    [
        (("months", 1), "January", "dates.yml.months.1"),  # a name, not a list of names
        (("months", 1), [], "dates.yml.months.1"),
        (("weekdays",), {"0": ["Monday"]}, "dates.yml.weekdays key '0'"),  # a key must be a number
        (("date_line", "max_chars"), "120", "dates.yml.date_line.max_chars"),
        (("date_line", "max_chars"), True, "dates.yml.date_line.max_chars"),
        (("stamp_window", "filler", 0), 3, "dates.yml.stamp_window.filler[0]"),
        (("sentence_break",), KeyError, "dates.yml: keys"),  # a missing entry
        (("spans", 0, "regex"), None, "dates.yml.spans[0].regex"),
        (("anchors", "year_span"), 1.5, "dates.yml.anchors.year_span"),
    ],
)
def test_a_rule_of_the_wrong_type_is_named_at_load(path, value, where):
    with pytest.raises(ValueError, match="^" + __import__("re").escape(where)):
        check_schema(_broken(path, value), SCHEMA)


def test_an_unknown_entry_is_refused():
    data = copy.deepcopy(load_rules("dates"))
    data["month"] = {}
    with pytest.raises(ValueError, match="keys"):
        check_schema(data, SCHEMA)
