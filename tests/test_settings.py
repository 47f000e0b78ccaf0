from __future__ import annotations

from pathlib import Path

import pytest

from generator.settings import SettingsError, load_settings


def test_defaults():
    s = load_settings({})
    assert s.seeds_dir == Path("seeds") and s.out_dir == Path("site_src")


def test_overrides_win_over_the_file():
    s = load_settings({"seeds_dir": "a"}, seeds_dir=Path("b"))
    assert s.seeds_dir == Path("b")


def test_every_error_is_reported_together():
    with pytest.raises(SettingsError) as err:
        load_settings({"max_seed_bytes": -1, "colour": "red", "archive_title": ""})
    assert len(err.value.errors) == 3
    text = str(err.value)
    assert "max_seed_bytes" in text and "colour" in text and "archive_title" in text


@pytest.mark.parametrize(("value", "ok"), [(True, True), (False, True), ("yes", False), (1, False)])
def test_publishing_the_seeds_is_a_true_or_false_choice_off_by_default(value, ok):
    assert load_settings({}).publish_seeds is False
    if ok:
        assert load_settings({"publish_seeds": value}).publish_seeds is value
    else:
        with pytest.raises(SettingsError, match="publish_seeds"):
            load_settings({"publish_seeds": value})
