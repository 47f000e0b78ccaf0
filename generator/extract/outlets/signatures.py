"""Furniture characteristic of one outlet's pages ("Just Watched" is CNN's video carousel):
a guess at the outlet when nothing names it, so only ever tier ``inferred``.

The signatures are the registry's (``generator/data/outlets.yml``); named.py
passes them with the page's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.model import Field, Provenance

# Between these confidences, by how far the match clears the threshold.
_CONF_SIGNATURE_MIN = 0.5
_CONF_SIGNATURE_MAX = 0.6
_EVIDENCE_MAX_CHARS = 240


@dataclass(frozen=True)
class _Signature:
    """One signature of ``outlets.yml``, ready to match: its exact line or its compiled pattern."""

    text: str | None
    pattern: re.Pattern[str] | None
    weight: float
    distinctive: bool


def prepare_signatures(entries: list[dict[str, Any]]) -> tuple[tuple[dict[str, Any], tuple[_Signature, ...]], ...]:
    """Each registry entry with its signatures (none for most), prepared once by the caller."""
    out = []
    for entry in entries:
        prepared = tuple(
            _Signature(
                " ".join(sig["text"].split()) if "text" in sig else None,
                None if "text" in sig else re.compile(sig["pattern"]),
                float(sig["weight"]),
                bool(sig.get("distinctive")),
            )
            for sig in entry.get("signatures") or []
        )
        out.append((entry, prepared))
    return tuple(out)


def _signature_hit(signature: _Signature, lines: tuple[str, ...], line_set: frozenset[str]) -> str | None:
    """The first of ``lines`` the signature matches whole, or ``None``."""
    pattern = signature.pattern
    if pattern is None:  # an exact line: the hit is the line itself
        return signature.text if signature.text in line_set else None
    return next((line for line in lines if pattern.fullmatch(line)), None)


def _signature_score(
    signatures: tuple[_Signature, ...], lines: tuple[str, ...], line_set: frozenset[str], threshold: float
) -> tuple[float, list[str]] | None:
    score, evidence, distinctive = 0.0, [], False
    for signature in signatures:
        hit = _signature_hit(signature, lines, line_set)
        if hit is not None:
            score += signature.weight
            evidence.append(hit)
            distinctive = distinctive or signature.distinctive
    if not distinctive or score < threshold:
        return None
    return score, evidence


def extract_outlet_from_signature_lines(
    prepared: tuple[tuple[dict[str, Any], tuple[_Signature, ...]], ...], lines: tuple[str, ...], threshold: float
) -> Field[str] | None:
    """The outlet whose characteristic page furniture the document carries (tier ``inferred``).

    Needs at least one distinctive line and enough summed weight; two outlets matching
    equally well give ``None``.
    """
    line_set = frozenset(lines)
    scored = []
    for entry, signatures in prepared:
        if not signatures:
            continue
        found = _signature_score(signatures, lines, line_set, threshold)
        if found:
            scored.append((found[0], entry, found[1]))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    score, entry, evidence = scored[0]
    confidence = _CONF_SIGNATURE_MIN + (_CONF_SIGNATURE_MAX - _CONF_SIGNATURE_MIN) * min(1.0, score - threshold)
    quoted = "; ".join(f'"{line}"' for line in evidence)
    return Field(entry["name"], Provenance("furniture-signature", _clip_quote(quoted), confidence, "inferred"))



def _clip_quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_MAX_CHARS else text[: _EVIDENCE_MAX_CHARS - 1] + "…"
