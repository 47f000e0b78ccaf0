"""publish/charts.py: counts per period, and SVG bar charts that carry no markup from a seed."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from generator.publish.charts import count_by_period, render_bar_chart

D = dt.date


@pytest.mark.parametrize(
    "days, expected",
    [
        ([], []),
        ([D(2015, 8, 5)], [("2015-08", 1)]),
        ([D(2015, 8, 5), D(2015, 8, 13), D(2015, 10, 1)], [("2015-08", 2), ("2015-09", 0), ("2015-10", 1)]),
        ([D(2015, 12, 31), D(2016, 1, 1)], [("2015-12", 1), ("2016-01", 1)]),
        ([D(2012, 12, 28), D(2017, 1, 26), D(2015, 8, 5)], [("2012", 1), ("2013", 0), ("2014", 0), ("2015", 1), ("2016", 0), ("2017", 1)]),
    ],
)
def test_count_by_period(days, expected):
    assert count_by_period(days) == expected


def test_chart_is_valid_svg_with_one_bar_per_period_and_escaped_labels():
    svg = render_bar_chart([("2015-08", 2), ("2015-09", 0), ("<b>", 1)], 'Mentions of "A & B"')
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}rect")) == 3
    assert root.find(f"{ns}title").text == 'Mentions of "A & B"'
    assert "<b>" not in svg


def test_no_data_no_chart():
    assert render_bar_chart([], "x") == ""


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0 events"), (1, "1 event"), (2, "2 events"), (1234, "1,234 events")],
)
def test_counts_name_their_noun_in_the_right_number(n, expected):
    from generator.publish.charts import count_noun

    assert count_noun(n, "event") == expected


@pytest.mark.parametrize(
    ("undated", "expected"),
    [(0, ""), (1, "1 undated event is not in this chart."), (176, "176 undated events are not in this chart.")],
)
def test_a_chart_says_how_many_undated_items_it_leaves_out(undated, expected):
    from generator.publish.charts import describe_left_out

    assert describe_left_out(undated, "event") == expected


def test_a_bar_of_one_says_one_event():
    svg = render_bar_chart([("2015-08", 1), ("2015-09", 2)], "Events", "events")
    assert "2015-08: 1 event<" in svg and "2015-09: 2 events<" in svg
