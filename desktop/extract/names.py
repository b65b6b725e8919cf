"""Model and product names in text: known products of the gazetteer and name+version shapes
("Ernie 4.5", "GPT-4o", "Qwen 2.5", "R1", "Hunyuan3D", "Claude 3.7 Sonnet")."""

from __future__ import annotations

import re

from desktop.extract.lexicon import Lexicon


def _candidates(lex: Lexicon, rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Matches of ``rx``; a match with a stop word ("Monday Gemini 2.0", "In 2024") is retried
    from its next word, so "Gemini 2.0" is still found."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        words = m.group(0).split()
        if any(w.split("-")[0] in lex.not_product_words for w in words):
            pos = m.start() + len(words[0]) + 1
            continue
        if not lex.orgs.fullmatch(m.group(0)):
            spans.append((m.start(), m.end()))
        pos = m.end()
    return spans


def product_names(lex: Lexicon, text: str) -> list[str]:
    """Model/product names in ``text``, in order, the longest form of overlapping ones."""
    spans = _candidates(lex, lex.rx["product_name"], text)
    if lex.products is not None:
        spans += _candidates(lex, lex.products, text)
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for s in spans:
        if kept and s[0] < kept[-1][1]:
            continue
        kept.append(s)
    names: list[str] = []
    for a, b in kept:
        if text[a:b] not in names:
            names.append(text[a:b])
    return names
