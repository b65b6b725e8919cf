"""Source layout: spans in shown-text coordinates, innermost hit, window around the evidence."""

from __future__ import annotations

from types import SimpleNamespace

from desktop.viewmodel.source_model import ALT, EVIDENCE, TIME, TINT, layout_source


def _mention(event_id, start, end, time=None, alt=()):
    t0, t1 = time if time else (None, None)
    return SimpleNamespace(
        event_id=event_id, start=start, end=end, time_start=t0, time_end=t1, alt_spans=alt
    )


def test_roles_and_click_targets():
    text = "On March 16 Baidu shipped. Alibaba raised money. Baidu said more."
    layout = layout_source(
        "d",
        text,
        [_mention(1, 0, 26, time=(3, 11), alt=((49, 65),)), _mention(2, 27, 48)],
        selected_event_id=1,
        header="a.txt",
    )
    roles = {span.role: (span.start, span.end) for span in layout.spans}
    assert roles == {EVIDENCE: (0, 26), TIME: (3, 11), ALT: (49, 65), TINT: (27, 48)}
    assert layout.event_at(30) == 2
    assert layout.event_at(5) == 1  # the time mark is not a click target; its evidence is
    assert layout.event_at(26) is None
    assert layout.focus == 0 and layout.header == "a.txt"


def test_huge_article_shows_a_window_around_the_evidence():
    text = "x" * 500_000
    evidence = 300_000
    layout = layout_source(
        "d", text, [_mention(1, evidence, evidence + 10), _mention(2, 10, 20)], 1, window=1000
    )
    assert layout.offset == evidence - 1000
    assert len(layout.text) == 2000
    (span,) = layout.spans  # the far-away tint is outside the window
    assert (span.start + layout.offset, span.end + layout.offset) == (evidence, evidence + 10)
    assert layout.focus == 1000
    assert "characters" in layout.header
