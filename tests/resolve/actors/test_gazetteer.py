"""Tests for generator/resolve/actors/gazetteer.py: data/gazetteer.yml as recognition reads it."""

from __future__ import annotations

from generator.files.rules import load_rules
from generator.resolve.actors import gazetteer_entries


def test_gazetteer_is_well_formed() -> None:
    entries = gazetteer_entries()
    names = [e.name for e in entries]
    assert len(names) == len(set(names))
    assert sum(e.type == "state" for e in entries) >= 190
    data = load_rules("gazetteer")
    for key in ("titles", "speech_verbs", "particles", "org_heads", "institution_nouns", "never", "places"):
        assert data[key], key
