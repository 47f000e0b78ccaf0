"""newsarchive: turn a pile of news articles into a searchable, linkable static archive."""

__version__ = "0.1.0"
