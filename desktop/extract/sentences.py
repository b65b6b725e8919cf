"""Sentence and clause splitting with exact character offsets.

A sentence ends at ``.``, ``!`` or ``?`` (plus closing quotes/brackets) followed by whitespace and
an upper-case letter, digit or opening quote, and always at a line break. It does not end after
titles and company suffixes ("Mr.", "Inc.", "Corp."), inside numbers ("4.5", "$5.6") or names
("01.AI"), nor after an initialism ("U.S.") unless the next word clearly starts a new sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NO_SPLIT_AFTER = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "inc",
        "corp",
        "ltd",
        "co",
        "no",
        "vs",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
    ]
)
# Capitalised words that start a sentence after an initialism ("... and the U.S. Some experts").
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "at",
        "as",
        "but",
        "however",
        "some",
        "many",
        "most",
        "other",
        "also",
        "and",
        "or",
        "so",
        "yet",
        "he",
        "she",
        "they",
        "we",
        "i",
        "there",
        "while",
        "according",
        "after",
        "before",
        "since",
        "when",
        "what",
        "why",
        "how",
        "meanwhile",
        "moreover",
        "still",
    ]
)

# "[.!?][.!?]*" rather than "[.!?]+" (same matches): every branch then opens with a character
# set, which lets the scan skip to the next candidate character (several times faster).
# Markdown emphasis closes and opens around sentences too ("… big news.** Acme said").
_END = re.compile(
    r"[.!?][.!?]*[\"'”’)\]*_]*(?=\s+[\"“‘(\[*_]{0,2}(?:[A-Z0-9]|[a-z]{1,2}[A-Z]))|\n\n*"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_NEXT_WORD = re.compile(r"\s+[\"“‘(\[*_]{0,2}([A-Za-z]+)")
# "…, while Tencent …", "…; Baidu …", and "…, and London-based Synthesia closed …" / "…, and in
# February it rolled out …" (a coordinated clause with its own subject or time).
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:while|whereas)\s)"
    r"|,\s+(?:and|but)\s+(?=(?:[A-Z]|it\b|they\b|the\s+company\b|(?:in|on|last|earlier|later)\s))"
)


@dataclass(frozen=True)
class Span:
    """A piece of a document: ``text == document[start:end]``."""

    start: int
    end: int
    text: str


def _is_false_end(text: str, dot: int, match_end: int) -> bool:
    """True when the period at ``dot`` belongs to an abbreviation, not a sentence end."""
    head = text[max(0, dot - 12) : dot + 1]
    initialism = _INITIALISM.search(head)
    if initialism:
        nxt = _NEXT_WORD.match(text, match_end)
        return not (nxt and nxt.group(1).lower() in _STARTERS)
    word = _WORD_BEFORE.search(head)
    return bool(word and word.group(1).lower() in _NO_SPLIT_AFTER)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # Markdown emphasis around a whole sentence ("**Beta raised $5m.**") is not part of it
    marks = start
    while marks < end and marks - start < 2 and text[marks] in "*_":
        marks += 1
    if marks > start and marks < end and text[marks].isalnum():
        start = marks
    marks = end
    while marks > start and end - marks < 2 and text[marks - 1] in "*_":
        marks -= 1
    if marks < end and marks > start and text[marks - 1] in ".!?\"'”’)":
        end = marks
    return Span(start, end, text[start:end]) if end > start else None


def split_sentences(text: str, base: int = 0) -> list[Span]:
    """Sentences of ``text``; offsets are ``base`` + position in ``text``."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] != "\n" and _is_false_end(text, m.start(), m.end()):
            continue
        cut = m.start() if m.group(0)[0] == "\n" else m.end()
        span = _trimmed(text, start, cut)
        if span:
            spans.append(span)
        start = m.end()
    span = _trimmed(text, start, len(text))
    if span:
        spans.append(span)
    if base:
        spans = [Span(s.start + base, s.end + base, s.text) for s in spans]
    return spans


def split_clauses(sentence: Span) -> list[Span]:
    """Coordinated main clauses of a sentence (split at ``;`` and ``, while`` / ``, whereas``)."""
    global _last_split
    last = _last_split  # the pipeline and the generic detector split each sentence in turn
    if last[0] is sentence:
        return list(last[1])
    clauses = _split_clauses(sentence)
    _last_split = (sentence, tuple(clauses))
    return clauses


_last_split: tuple[Span | None, tuple[Span, ...]] = (None, ())


def _split_clauses(sentence: Span) -> list[Span]:
    text = sentence.text
    if not _CLAUSE_BREAK.search(text):
        return _unbroken(sentence)
    parts: list[Span] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(text):
        span = _trimmed(text, start, m.start())
        if span:
            parts.append(span)
        start = m.end()
        rest = text[start:]
        for word in ("while ", "whereas "):
            if rest.startswith(word):
                start += len(word)
    span = _trimmed(text, start, len(text))
    if span:
        parts.append(span)
    return [Span(p.start + sentence.start, p.end + sentence.start, p.text) for p in parts]


def _unbroken(sentence: Span) -> list[Span]:
    """A sentence without a clause break: itself, trimmed (as the general path would)."""
    text = sentence.text
    if text and not text[0].isspace() and not text[-1].isspace():
        return [sentence]
    span = _trimmed(text, 0, len(text))
    return [Span(span.start + sentence.start, span.end + sentence.start, span.text)] if span else []
