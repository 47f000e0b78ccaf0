"""Markdown from seed text: it stays text, dates read well, links are relative paths."""

from __future__ import annotations

import datetime as dt
import html
import re

import markdown
import pytest

from generator.model import DateValue
from generator.publish.markdown import code_span, escape_markdown, format_date, relative_link


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables"])


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "**not bold** and _not italic_",
        "# not a heading",
        "1. not a list",
        "- not a list",
        "> not a quote",
        "`not code`",
        "{{ jinja }} {% block %}",
        "AT&T and &copy; stay literal",
        "a | table | row",
        "![img](x.png)",
    ],
)
def test_seed_text_is_shown_literally(text):
    out = _html(escape_markdown(text))
    assert out.startswith("<p>") and out.endswith("</p>"), out
    assert "<script" not in out and "<a " not in out and "<img" not in out
    assert "<strong>" not in out and "<em>" not in out and "<code>" not in out


@pytest.mark.parametrize(
    "value, expected",
    [
        (DateValue(dt.date(2015, 8, 5)), "5 August 2015"),
        (DateValue(dt.date(2015, 8, 1), "month"), "August 2015"),
        (DateValue(dt.date(2015, 1, 1), "year"), "2015"),
        (None, "Undated"),
    ],
)
def test_format_date(value, expected):
    assert format_date(value) == expected


def _escape_markdown_by_regex(text: str) -> str:
    """The earlier escape_markdown (regex substitutions), which the translate table must equal."""
    import html as _html

    text = _html.escape(text, quote=False)
    text = text.replace("&lt;", "\x00lt;").replace("&gt;", "\x00gt;").replace("&amp;", "\x00amp;")
    text = re.sub(r"([\\`*_\[\]{}|~^=+!#<>])", r"\\\1", text)
    text = text.replace("\x00", "&")
    text = re.sub(r"^(\s*)(\d+)([.)])(\s)", r"\1\2\\\3\4", text)
    return "\\" + text if text.startswith(("-", "+")) else text


def test_escape_markdown_equals_the_regex_version_on_random_text() -> None:
    import random

    alphabet = "\\`*_[]{}|~^=+!#<>&;amplgt \x00\n\t\u2003\u00a01.)-a\"'é²٣"
    rnd = random.Random(7)
    for _ in range(50_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 10)))
        assert escape_markdown(text) == _escape_markdown_by_regex(text), repr(text)


def test_links_equal_posix_relpath() -> None:
    import posixpath
    import random

    parts = ["articles", "actors", "a", "x.md", ".", "..", "", "index.md", "data", "feed.xml"]
    rnd = random.Random(3)
    for _ in range(50_000):
        src = "/".join(rnd.choice(parts) for _ in range(rnd.randint(1, 3)))
        dst = "/".join(rnd.choice(parts) for _ in range(rnd.randint(1, 3)))
        try:
            expected = posixpath.relpath(dst, posixpath.dirname(src) or ".")
        except ValueError:
            with pytest.raises(ValueError):
                relative_link(src, dst)
            continue
        assert relative_link(src, dst) == expected, (src, dst)


@pytest.mark.parametrize(
    "text",
    [
        "seeds/2019-bbc-talks.txt",
        "seeds/x`<img src=x onerror=alert(1)>`.txt",
        "seeds/``two`` and `one`.txt",
        "`starts and ends`",
        "seeds/a|b <script>alert(1)</script> & {: onclick=alert(1) }.txt",
        "seeds/*bold* _it_ [a](javascript:alert(1)) \\ \\`.txt",
    ],
)
def test_a_code_span_shows_any_file_name_literally_in_a_paragraph_and_a_table_cell(text):
    assert code_span("seeds/plain.txt") == "`seeds/plain.txt`"  # ordinary names: as before
    for html_text in (_html(f"Source file {code_span(text)}."), _html(f"| a | b |\n|---|---|\n| {code_span(text)} | x |")):
        codes = re.findall(r"<code>(.*?)</code>", html_text)
        assert [html.unescape(c) for c in codes] == [text], html_text
        assert "<img" not in html_text and "<script" not in html_text and "onclick=" not in html_text.replace("onclick=alert(1) }", "")
