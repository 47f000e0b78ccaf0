"""Renaming a seed keeps its permanent link: the real build, twice, with ``mv seeds/X.txt seeds/renamed-X.txt``
between (the sidecar renamed with it). Before, the old address became a "Removed" tombstone and the
identical article reappeared at ``…-2/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.build import run_build
from generator.settings import BuildOptions, Settings

from .conftest import SEEDS

RENAMED = "002_5854f3fa609f6d5e"  # has a sidecar and a name in events.yml: both follow the rename


def _build(project: Path) -> dict:
    settings = Settings(seeds_dir=Path("seeds"), out_dir=Path("site_src"))
    assert run_build(settings, BuildOptions(), report_path=project / "report.json", use_cache=False) == 0
    return yaml.safe_load((project / "site_src" / "permalinks.yml").read_text(encoding="utf-8"))


def test_a_renamed_seed_keeps_its_address_and_its_events(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    before = _build(tmp_path)
    seeds = tmp_path / "seeds"
    (seeds / f"{RENAMED}.txt").rename(seeds / f"renamed-{RENAMED}.txt")
    (seeds / f"{RENAMED}.meta.yml").rename(seeds / f"renamed-{RENAMED}.meta.yml")
    events = seeds / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace(RENAMED, f"renamed-{RENAMED}"), encoding="utf-8")
    after = _build(tmp_path)

    old = next(e for e in before["articles"] if e["key"] == RENAMED)
    new = next(e for e in after["articles"] if e["key"] == f"renamed-{RENAMED}")
    assert new["path"] == old["path"] and new["sha256"] == old["sha256"] and "former" not in new
    assert not [e for kind in ("articles", "actors", "events") for e in after[kind] if e.get("removed")]
    assert sorted(e["path"] for e in after["articles"]) == sorted(e["path"] for e in before["articles"])  # no -2 twin
    assert sorted(e["path"] for e in after["events"]) == sorted(e["path"] for e in before["events"])
    pages = sorted(p.name for p in (tmp_path / "site_src" / "articles").iterdir() if p.name != "index.md")  # the list
    assert pages == sorted(Path(e["path"]).name for e in before["articles"])  # no redirect, no tombstone page


def test_a_seed_saved_anew_under_another_name_keeps_its_address(tmp_path, monkeypatch):
    """Other bytes (CRLF line ends, an ad slot below), the same cleaned text: the
    same article, found again by the hash of its cleaned text."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    before = _build(tmp_path)
    seeds = tmp_path / "seeds"
    text = (seeds / f"{RENAMED}.txt").read_text(encoding="utf-8")
    (seeds / f"{RENAMED}.txt").unlink()
    resaved = text.rstrip("\n") + "\n\nAdvertisement\n"
    (seeds / f"saved-again-{RENAMED}.txt").write_bytes(resaved.replace("\n", "\r\n").encode("utf-8"))
    (seeds / f"{RENAMED}.meta.yml").rename(seeds / f"saved-again-{RENAMED}.meta.yml")
    events = seeds / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace(RENAMED, f"saved-again-{RENAMED}"), encoding="utf-8")
    after = _build(tmp_path)

    old = next(e for e in before["articles"] if e["key"] == RENAMED)
    new = next(e for e in after["articles"] if e["key"] == f"saved-again-{RENAMED}")
    assert new["sha256"] != old["sha256"] and new["text_sha256"] == old["text_sha256"]
    assert new["path"] == old["path"] and "former" not in new
    assert not [e for e in after["articles"] if e.get("removed")]
    assert sorted(e["path"] for e in after["articles"]) == sorted(e["path"] for e in before["articles"])  # no -2 twin
