"""Actors: who an article names (recognition), and who that is across the archive (resolution).

``from generator.resolve import actors`` then:

* :func:`extract_mentions` (per article, :mod:`.recognise`) finds the names an
  article's text gives, by the gazetteer (:mod:`.gazetteer`) and rules;
  :func:`load_recognizer` builds its matchers ahead of forking workers;
* :func:`resolve_actors` (:mod:`.resolve`) merges the mentions of the whole
  archive into one :class:`~generator.model.Actor` per real-world entity,
  applying the archivist's :class:`ActorDecisions` read by
  :func:`parse_actor_decisions` (:mod:`.decisions`) from ``seeds/actors.yml``.
"""

from generator.resolve.actors.decisions import ActorDecisions, check_decision_names, parse_actor_decisions
from generator.resolve.actors.gazetteer import ACTOR_TYPES, GazetteerEntry, gazetteer_entries, load_recognizer
from generator.resolve.actors.recognise import extract_mentions
from generator.resolve.actors.resolve import resolve_actors

__all__ = [
    "ACTOR_TYPES",
    "ActorDecisions",
    "GazetteerEntry",
    "check_decision_names",
    "extract_mentions",
    "gazetteer_entries",
    "load_recognizer",
    "parse_actor_decisions",
    "resolve_actors",
]
