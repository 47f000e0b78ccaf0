"""Tests for generator/files/search_index.py: Pagefind's index made byte-stable."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import cbor2
import pytest

from generator.files.search_index import SIGNATURE, UNUSED_BUNDLES, SearchIndexError, remove_unused_bundles, stabilise_search_index


def _chunk(value: object) -> bytes:
    return gzip.compress(SIGNATURE + cbor2.dumps(value))


def _read(path: Path) -> object:
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE) :])


def _index(tmp_path: Path, name: str, year_values: list, filter_order: list[str]) -> Path:
    """A Pagefind-shaped folder: entry file, one language's metadata, two filter chunks."""
    index = tmp_path / name / "pagefind"
    (index / "filter").mkdir(parents=True)
    chunks = {"Year": ["Year", year_values], "Kind": ["Kind", [["article", [0, 1]], ["actor", [2]]]]}
    hashes = {}
    for i, filter_name in enumerate(filter_order):
        hashes[filter_name] = f"en_{name}{i}"
        (index / "filter" / f"{hashes[filter_name]}.pf_filter").write_bytes(_chunk(chunks[filter_name]))
    meta = ["1.5.2", [["en_aaaaaaa", 10]], [["a", "z", "en_bbbbbbb"]], [[f, hashes[f]] for f in filter_order], [], ["title"]]
    (index / f"pagefind.en_{name}meta.pf_meta").write_bytes(_chunk(meta))
    entry = {"version": "1.5.2", "languages": {"en": {"hash": f"en_{name}meta", "wasm": "en", "page_count": 3}}}
    (index / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return index


def _files(index: Path) -> dict[str, bytes]:
    return {str(p.relative_to(index)): p.read_bytes() for p in sorted(index.rglob("*")) if p.is_file()}


def test_two_runs_in_different_orders_give_the_same_bytes(tmp_path: Path) -> None:
    a = _index(tmp_path, "a", [["2015", [1, 0]], ["2012", [2]]], ["Year", "Kind"])
    b = _index(tmp_path, "b", [["2012", [2]], ["2015", [0, 1]]], ["Kind", "Year"])
    assert _files(a) != _files(b)
    stabilise_search_index(a)
    stabilise_search_index(b)
    assert _files(a) == _files(b)


def test_the_rewritten_index_holds_the_same_values_and_is_reachable(tmp_path: Path) -> None:
    index = _index(tmp_path, "a", [["2015", [1, 0]], ["2012", [2]]], ["Year", "Kind"])
    stabilise_search_index(index)
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _read(index / f"pagefind.{entry['languages']['en']['hash']}.pf_meta")
    assert [name for name, _ in meta[3]] == ["Kind", "Year"]
    filters = {name: _read(index / "filter" / f"{chunk}.pf_filter") for name, chunk in meta[3]}
    assert filters["Year"] == ["Year", [["2012", [2]], ["2015", [0, 1]]]]
    assert filters["Kind"] == ["Kind", [["actor", [2]], ["article", [0, 1]]]]
    assert meta[:3] == ["1.5.2", [["en_aaaaaaa", 10]], [["a", "z", "en_bbbbbbb"]]]
    assert len(list((index / "filter").iterdir())) == 2 and len(list(index.glob("*.pf_meta"))) == 1  # old names gone


def test_a_folder_that_is_no_pagefind_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="pagefind-entry.json"):
        stabilise_search_index(tmp_path)


def test_the_ready_made_interfaces_go_and_the_search_api_stays(tmp_path: Path) -> None:
    for name in (*UNUSED_BUNDLES, "pagefind.js", "pagefind-worker.js", "pagefind-entry.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    remove_unused_bundles(tmp_path)
    remove_unused_bundles(tmp_path)  # a second run finds nothing to delete and is no error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagefind-entry.json", "pagefind-worker.js", "pagefind.js"]
