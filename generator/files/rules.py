"""Rules kept as data: the YAML files under ``generator/data/``.

This is the one place that reads them. They ship inside the package, so
reading them is part of importing the generator, not of reading the user's
archive; each file is parsed once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load_rules(name: str) -> Any:
    """Parse ``generator/data/<name>.yml`` and return its content."""
    text = resources.files("generator.data").joinpath(f"{name}.yml").read_text(encoding="utf-8")
    # libyaml's parser when PyYAML has it: the same data, ten times faster (the
    # gazetteer alone took 0.8 s to parse in pure Python, in every process)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def load_confidence(name: str) -> float:
    """The confidence of one way of finding a value (``data/confidence.yml``, where each has its why)."""
    return float(load_rules("confidence")[name]["value"])


def write_rules(name: str, text: str) -> Path:
    """Write ``generator/data/<name>.yml`` (only ``make train`` does: rebuilt weights); return its path."""
    path = Path(str(resources.files("generator.data").joinpath(f"{name}.yml")))
    path.write_text(text, encoding="utf-8")
    return path
