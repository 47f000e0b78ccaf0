"""Property tests: the cleaner, the extractors, slugs and the front-matter writer take any text.

Example counts come from a Hypothesis settings profile: ``ci`` (the default) keeps
the suite fast; ``HYPOTHESIS_PROFILE=thorough`` runs many more examples locally.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.resolve.actors import extract_mentions
from generator.extract.clean import clean_seed_text
from generator.extract.dates import extract_date
from generator.model import TIERS, DateValue
from generator.extract.outlets import extract_outlet
from generator.files.seeds import decode_seed_bytes, split_front_matter
from generator.publish.markdown import escape_markdown
from generator.settings import OWNED_DIRS, OWNED_PAGES
from generator.text import slugify
from generator.files.output import UnsafePathError, check_page_path, render_front_matter

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Text that looks like a seed: news words and dates mixed with every kind of hostile
# character (YAML and Markdown specials, HTML, Jinja, control and RTL characters).
NEWSY = st.sampled_from(
    [
        "Russia", "invited", "Moaz al-Khatib", "on Friday", "Aug. 13", "5 August 2015", "2015-08-05",
        "(Reuters)", "MOSCOW", "By Jane Doe, CNN", "Advertisement", "Share this", "Original url:",
        "https://www.bbc.com/news/world-1", "© 2015 Reuters", "Story highlights", "•", "-", "1.",
        "Syrian National Coalition", "Lavrov", "said", "talks", "\n", "\n\n", "\r\n", "\r",
        "---", ": #", '"', "'", "|", ">", "[a](javascript:x)", "{{ x }}", "{% y %}", "*", "<script>",
        "\u202e", "\u200b", "\x00", "\ufeff", "مرحبا", "🔥",
    ]
)  # fmt: skip
SEED_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=60).map(" ".join),
)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@given(SEED_TEXT)
def test_the_cleaner_keeps_or_records_every_line(text):
    doc = clean_seed_text(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for removed in doc.removed:
        assert 1 <= removed.line_no <= len(lines)
        assert removed.rule
    for block in doc.blocks:
        assert block.kind in ("title", "summary", "paragraph", "bullets", "caption", "heading", "meta")
        assert block.plain().strip(), block
        assert 1 <= block.line_no <= len(lines)
    assert clean_seed_text(text) == doc  # deterministic


@given(SEED_TEXT)
def test_the_extractors_never_fail_and_give_well_formed_fields(text):
    doc = clean_seed_text(text)
    date = extract_date(doc)
    if date is not None:
        assert isinstance(date.value, DateValue) and 1800 <= date.value.date.year <= dt.date.today().year + 1
        assert 0 <= date.provenance.confidence <= 1 and date.provenance.tier in TIERS
    outlet = extract_outlet(doc)
    if outlet is not None:
        assert outlet.value.strip() and "\n" not in outlet.value
        assert 0 <= outlet.provenance.confidence <= 1
    for mention in extract_mentions(doc):
        assert mention.surface.strip() and mention.count >= 1
        assert mention.type in ("person", "organisation", "state", "other")


@given(st.text(max_size=200), st.integers(min_value=8, max_value=120))
def test_slugs_are_safe_path_segments(text, max_length):
    slug = slugify(text, max_length)
    assert SLUG.match(slug), slug
    assert len(slug) <= max(max_length, len("untitled"))
    assert slugify(slug, max_length) == slug
    assert check_page_path(f"articles/{slug}.md").parts == ("articles", f"{slug}.md")


META_TEXT = st.one_of(st.text(max_size=80), st.lists(NEWSY, max_size=12).map("".join))
META = st.lists(
    st.tuples(
        st.sampled_from(["title", "date", "outlet", "actors", "tags", "description", "source_url", "curated"]),
        st.one_of(st.none(), META_TEXT, st.lists(META_TEXT, max_size=4), st.integers(), st.booleans()),
    ),
    max_size=8,
    unique_by=lambda kv: kv[0],
)


@given(META, SEED_TEXT)
@example([("title", ["\x85"])], "")  # NEL: read back as a space before the fix
@example([("description", "a\u2028b\u2029")], "---\n")
def test_front_matter_is_valid_yaml_that_round_trips(meta, body):
    text = render_front_matter(meta, body)
    assert text.startswith("---\n")
    head, sep, rest = text[4:].partition("\n---\n")
    assert sep, "front matter is closed"
    assert (yaml.safe_load(head) or {}) == dict(meta)
    assert rest == "\n" + body.rstrip() + "\n"


@given(st.text(max_size=120))
def test_page_paths_never_leave_the_owned_folders(path):
    try:
        rel = check_page_path(path)
    except UnsafePathError:
        return
    norm = posixpath.normpath(str(rel))
    assert not norm.startswith(("/", "..")) and norm.endswith(".md")
    assert norm in OWNED_PAGES or norm.split("/")[0] in OWNED_DIRS


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_called_binary(raw):
    decoded = decode_seed_bytes(raw)
    if decoded is not None:
        text, encoding, _ = decoded
        assert encoding and not any(ch in text for ch in "\x00\x01\x1b")


@given(META_TEXT, SEED_TEXT)
def test_front_matter_seeds_never_fail(title, body):
    text = f"---\ntitle: {title}\n---\n{body}"
    rest, curated, problems = split_front_matter(text, "x.md")
    assert rest.count("\n") >= 2 or curated == () and problems
    for key, value in curated:
        assert key == "title" and (value is None or "\n" not in value)


@given(SEED_TEXT)
def test_escaped_text_holds_no_markup(text):
    escaped = escape_markdown(text)
    assert "<" not in escaped and ">" not in escaped
