"""generator/plugin/plain_text.py: the same HTML as Python-Markdown's own inline processor."""

import markdown
import pytest
from markdown.inlinepatterns import SimpleTagInlineProcessor

from generator.plugin.plain_text import PATTERN_NEEDS, PlainTextExtension, PlainTextInlineProcessor, _needs_pattern

# mkdocs.yml's extensions
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details"]
CONFIGS = {"toc": {"permalink": True}}

TEXTS = [
    "Plain prose, with quotes \"like this\" and an apostrophe's, and 3.5 % of a sum.",
    "A [link](../x/) and ![an image](a.png) and [a reference][r].\n\n[r]: https://example.org/",
    "`code` and \\*escaped\\* and *em* and **strong** and _under_ and __double__ and snake_case_name",
    "An <https://example.org/> autolink, <a@b.org>, <span>raw html</span>, &amp; &#169; entities",
    "Two spaces at a line's end  \nmake a break.",
    "| Line | Rule | Text |\n|---:|---|---|\n| 1 | `share-bar` | Share |\n| 2 | plain | A cell & more |",
    "!!! note \"Title\"\n    Inside an *admonition*.\n\n??? info \"Details\"\n    | a | b |\n    |---|---|\n    | c | [d](e) |",
    "<div markdown>\n*emphasis* inside HTML and plain text\n</div>\n\n# Heading {: #custom-id }",
    "> a quote with no markup\n\n- a list item\n- another, with a * star alone",
    "",
]


def convert(text, fast):
    extensions = EXTENSIONS + ([PlainTextExtension()] if fast else [])
    return markdown.Markdown(extensions=extensions, extension_configs=CONFIGS).convert(text)


@pytest.mark.parametrize("text", TEXTS)
def test_same_html_as_python_markdown(text):
    assert convert(text, fast=True) == convert(text, fast=False)


def test_the_extension_replaces_the_inline_processor():
    md = markdown.Markdown(extensions=EXTENSIONS + [PlainTextExtension()])
    assert isinstance(md.treeprocessors["inline"], PlainTextInlineProcessor)


@pytest.mark.parametrize(
    ("names", "text", "may_match"),
    [
        (["link"], "no bracket here", False),
        (["link"], "a [bracket", True),
        (["em_strong"], "an_underscore", True),
        (["linebreak"], "one space \n", False),
        (["linebreak"], "two spaces  \n", True),
        (list(PATTERN_NEEDS), "nothing at all", False),
    ],
)
def test_needs_pattern(names, text, may_match):
    assert bool(_needs_pattern(names).search(text)) is may_match


def test_an_unknown_pattern_turns_the_shortcut_off():
    # an extension's pattern the table does not know (here ~~strike~~): every text is tried
    class Strike(markdown.extensions.Extension):
        def extendMarkdown(self, md):
            md.inlinePatterns.register(SimpleTagInlineProcessor(r"(~~)(.+?)~~", "del"), "strike", 55)

    assert _needs_pattern(["link", "strike"]) is None
    html = markdown.Markdown(extensions=[Strike(), PlainTextExtension()]).convert("some ~~gone~~ text")
    assert html == "<p>some <del>gone</del> text</p>"
