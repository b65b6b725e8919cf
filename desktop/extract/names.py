"""Model and product names in text: known products of the gazetteer and name+version shapes
("Ernie 4.5", "GPT-4o", "Qwen 2.5", "R1", "Hunyuan3D", "Claude 3.7 Sonnet")."""

from __future__ import annotations

from desktop.extract.lexicon import Lexicon


def product_names(lex: Lexicon, text: str) -> list[str]:
    """Model/product names in ``text``, in order, the longest form of overlapping ones."""
    spans: list[tuple[int, int]] = []
    for rx in (lex.rx["product_name"], lex.products):
        if rx is None:
            continue
        for m in rx.finditer(text):
            if any(w.split("-")[0] in lex.not_product_words for w in m.group(0).split()):
                continue
            if lex.orgs.fullmatch(m.group(0)):
                continue
            spans.append((m.start(), m.end()))
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
