"""generator/plugin/minify.py: whitespace runs with a line break become one; kept elements and attributes untouched."""

import pytest

from generator.plugin.minify import minify_html

CASES = [
    # (html, minified, why)
    ("<p>\n    a\n\n    b\n</p>", "<p>\na\nb\n</p>\n", "indentation and blank lines: one line break each"),
    ("<a>x</a>\n   \n  <b>y</b>", "<a>x</a>\n<b>y</b>\n", "between tags the run stays one character, so inline elements keep their space"),
    ("<p>a  b</p>", "<p>a  b</p>\n", "a run with no line break is left (it may be an attribute's value)"),
    ('<meta content="a  \n  b">', '<meta content="a\nb">\n', "a value's line break is whitespace to HTML too"),
    ("<pre><code>x\n    y\n\n</code></pre>\n  <p>z</p>", "<pre><code>x\n    y\n\n</code></pre>\n<p>z</p>\n", "pre keeps its text byte for byte"),
    ("<code>a\n    b</code>", "<code>a\n    b</code>\n", "code kept (a table cell's code may be nowrap or pre)"),
    ("<script>\n  var a = 1;\n\n  b()\n</script>", "<script>\n  var a = 1;\n\n  b()\n</script>\n", "script kept"),
    ("<TEXTAREA>\n  x\n</TEXTAREA>\n\n<style>\n a{}\n</style>", "<TEXTAREA>\n  x\n</TEXTAREA>\n<style>\n a{}\n</style>\n", "textarea and style kept, any case"),
    ("\n\n  <!doctype html>\n<html>  \n</html>\n\n", "<!doctype html>\n<html>\n</html>\n", "leading and trailing whitespace gone, one final line break"),
]


@pytest.mark.parametrize(("html", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_minify_html(html, expected, why):
    assert minify_html(html) == expected, why


@pytest.mark.parametrize(("html", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_minifying_twice_changes_nothing(html, expected, why):
    assert minify_html(minify_html(html)) == minify_html(html)
