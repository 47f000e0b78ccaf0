"""files/new_archive.py: an empty archive's files, its title written safely into YAML and TOML."""

from __future__ import annotations

import tomllib

import pytest
import yaml

from generator.files.new_archive import THEME_DIR, NewArchiveError, compose_mkdocs_config, make_new_archive

TEMPLATE = "site_name: News archive\nsite_description: x\ntheme:\n  name: material\n  custom_dir: generator/plugin/theme\n"


@pytest.mark.parametrize(
    "title",
    [
        "Kim Jong Un's summits",
        'Quotes "and" colons: # not a comment',
        "Élysée & Kremlin — 2018–2019",
        "{{ not jinja }} [not, a, list]",
        "back\\slash",
    ],
)
def test_the_title_reads_back_the_same_from_yaml_and_toml(tmp_path, title):
    config = yaml.safe_load(compose_mkdocs_config(TEMPLATE, title))
    assert config["site_name"] == title
    assert config["theme"]["custom_dir"] == THEME_DIR.as_posix()
    make_new_archive(tmp_path / "a", title)
    assert tomllib.loads((tmp_path / "a" / "pyproject.toml").read_text())["tool"]["newsarchive"]["archive_title"] == title


@pytest.mark.parametrize("title", ["", "   ", "two\nlines"])
def test_a_title_must_be_one_non_empty_line(tmp_path, title):
    with pytest.raises(NewArchiveError):
        make_new_archive(tmp_path / "a", title)
    assert not (tmp_path / "a").exists()


def test_an_empty_existing_folder_is_used_and_a_hidden_file_makes_it_not_empty(tmp_path):
    (tmp_path / "empty").mkdir()
    assert (tmp_path / "empty" / "mkdocs.yml") in make_new_archive(tmp_path / "empty", "Mine")
    (tmp_path / "hidden").mkdir()
    (tmp_path / "hidden" / ".git").mkdir()
    with pytest.raises(NewArchiveError, match="not an empty folder"):
        make_new_archive(tmp_path / "hidden", "Mine")
