"""find_trigger's shortcuts (relative spans only after a comma, admitted triggers sorted once
per stem set) give the same triggers as the full computation."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from desktop.extract import triggers
from desktop.extract.lexicon import default_lexicon

SENTENCES = [
    "Acme, which launched its first model in 2021, released Atlas 2 on Monday.",
    "Acme released Atlas 2 on Monday, which developers welcomed.",
    "Mistral, the Paris start-up that released Le Chat last year, raised €600 million.",
    "Globex, founded in 2019 by two engineers, announced a partnership with Initech.",
    "The company said on Tuesday it would open-source the model in June.",
    "OpenAI launched GPT-5 on Thursday; Google released Gemini 3 a week later.",
    "Shares of Acme rose 5% after the launch.",
    "No trigger word here at all",
    "Zhipu AI, backed by Alibaba, unveiled GLM-5, which it plans to release in May.",
]


def _full(lex, text, roles=()):
    """find_trigger as it was: every admitted trigger in index order, spans always checked."""
    low = triggers.lowered(text)
    twins = triggers._twins(lex)
    relatives = triggers.relative_spans(lex, text, appositives=True, low=low)
    best, hit = None, None
    for index in sorted(triggers.admitted_triggers(lex, text, low)):
        trig = lex.triggers[index]
        if (roles and trig.role not in roles) or (best and trig.weak and not best[0]):
            continue
        twin = twins[index] if low is not None else None
        for m in twin.finditer(low) if twin is not None else trig.pattern.finditer(text):
            if best is not None and (trig.weak, m.start()) > best[:2]:
                break
            if any(a <= m.start() < b for a, b in relatives):
                continue
            s, e = m.span()
            if not (
                triggers._satisfied(lex, trig, text, s, e)
                and triggers._acceptable(lex, trig, text, s, e)
            ):
                continue
            rank = (trig.weak, s, trig.priority, -(e - s))
            if best is None or rank < best:
                best, hit = rank, triggers.Hit(trig.kind, trig.role, trig.needs, s, e, text[s:e])
            break
    return hit


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("roles", [(), ("action",), ("report",)])
def test_find_trigger_matches_the_full_computation(text: str, roles: tuple[str, ...]) -> None:
    lex = default_lexicon()
    assert triggers.find_trigger(lex, text, roles=roles) == _full(lex, text, roles)


def test_a_trigger_inside_a_relative_clause_is_skipped() -> None:
    lex = default_lexicon()
    hit = triggers.find_trigger(lex, SENTENCES[0])
    assert hit is not None and hit.text == "released"


def test_shipped_span_patterns_open_with_a_comma() -> None:
    assert triggers._spans_open_with_comma(default_lexicon())


def test_a_span_pattern_without_a_leading_comma_disables_the_shortcut() -> None:
    lex = default_lexicon()
    rx = dict(lex.rx)
    rx["appositive"] = re.compile(r",\s*the\s[^,]+,|\(\s*the\s[^)]+\)", re.I)
    other = replace(lex, rx=rx)
    assert not triggers._spans_open_with_comma(other)
    rx["appositive"] = re.compile(r"\s*the\s[^,]+,", re.I)
    assert not triggers._spans_open_with_comma(replace(lex, rx=rx))


def test_admitted_triggers_are_a_set_in_any_order() -> None:
    lex = default_lexicon()
    text = "Acme released and launched a model, then raised funding."
    admitted = triggers.admitted_triggers(lex, text)
    assert admitted == set(triggers._admitted(lex, text, text.lower()))
    assert list(triggers._admitted(lex, text, None)) == sorted(admitted)
    assert admitted  # 'released', 'launched', 'raised' stems


def test_clause_times_resolves_future_only_where_a_plan_cue_governs() -> None:
    import datetime as dt

    from desktop.extract.mentions import clause_times, times_in

    lex = default_lexicon()
    published = dt.date(2025, 3, 25)
    plan = "Acme will release the model in January."
    cue = plan.index("will")
    (t,) = clause_times(lex, plan, 0, published, cue)
    assert t.interval.start.year == 2026  # the next January
    reported = "Acme announced in January that it will release the model."
    (r,) = clause_times(lex, reported, 0, published, reported.index("will"))
    assert r.interval.start.year == 2025  # January of the report, in the past
    assert clause_times(lex, "Acme will release the model.", 0, published, 5) == []
    assert clause_times(lex, plan, 0, published, None) == times_in(plan, 0, published, False)
