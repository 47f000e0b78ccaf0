"""Actors: who the archive's articles name, one page per real-world person, organisation or state."""

from generator.resolve.actors.recognise import extract_mentions, load_recognizer, parse_actor_decisions, resolve_actors

__all__ = ["extract_mentions", "load_recognizer", "parse_actor_decisions", "resolve_actors"]
