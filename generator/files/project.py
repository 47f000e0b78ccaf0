"""Reading the project's own settings: ``pyproject.toml`` and ``mkdocs.yml`` at its root."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml

from generator.files.regular import RefusedFileError, read_regular_file


def read_settings_table(project_dir: Path) -> dict[str, Any]:
    """``[tool.newsarchive]`` of ``pyproject.toml`` in ``project_dir``, or ``{}``.

    ``{}`` too when it is not a regular file (a FIFO must not stop the build).
    """
    try:
        raw = read_regular_file(project_dir / "pyproject.toml")
    except (FileNotFoundError, RefusedFileError):  # absent, or not a regular file (see files/regular.py)
        return {}
    return tomllib.loads(raw.decode("utf-8")).get("tool", {}).get("newsarchive", {})


def read_site_url(project_dir: Path) -> str | None:
    """``site_url`` of ``mkdocs.yml`` in ``project_dir``, resolving ``!ENV`` exactly as MkDocs does.

    So the generator and MkDocs always agree on where the site lives. ``None``
    when there is no readable mkdocs.yml or it sets no site_url.
    """
    from yaml_env_tag import construct_env_tag  # MkDocs' own !ENV resolver (pyyaml_env_tag)

    class _MkDocsLoader(yaml.SafeLoader):
        """SafeLoader that resolves !ENV and reads any other tag (!!python/name ...) as null."""

    _MkDocsLoader.add_constructor("!ENV", construct_env_tag)
    _MkDocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        text = read_regular_file(project_dir / "mkdocs.yml").decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        config = yaml.load(text, Loader=_MkDocsLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    value = config.get("site_url") if isinstance(config, dict) else None
    return value if isinstance(value, str) and value else None
