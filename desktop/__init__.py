"""Eventline: news articles → an explorable timeline of events linked to their evidence."""

__version__ = "0.1.0"
