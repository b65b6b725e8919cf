"""Pure tick/label maths of the timeline's date axis (no Qt)."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from desktop.viewmodel import time_axis as ta


def secs(*args: int) -> float:
    return ta.to_seconds(dt.datetime(*args, tzinfo=dt.UTC))


def labels_for(start: float, end: float, width: float = 1200.0) -> tuple[list[str], list[str]]:
    major, minor = ta.choose_levels(start, end, width)
    majors, minors = ta.level_ticks(major, minor, start, end)
    return (
        [ta.tick_label(v, major, True) for v in majors],
        [ta.tick_label(v, minor) for v in minors],
    )


def test_decades_show_round_years() -> None:
    majors, minors = labels_for(secs(1900, 1, 1), secs(2030, 1, 1))
    assert majors[:3] == ["1900", "1920", "1940"]
    assert all(label.isdigit() and int(label) % 5 == 0 for label in minors)


def test_years_show_months_with_year_at_january() -> None:
    majors, minors = labels_for(secs(2024, 1, 1), secs(2026, 1, 1))
    assert majors == ["2024", "2025", "2026"]
    assert minors[:3] == ["Feb", "Mar", "Apr"]
    assert "Jan" not in minors  # January is labelled by its year


def test_months_show_days_with_month_and_year() -> None:
    majors, minors = labels_for(secs(2025, 3, 1), secs(2025, 3, 20))
    assert majors == ["Mar 2025"]
    assert minors[:2] == ["2 Mar", "3 Mar"]


def test_hours_show_times_and_the_date_in_context() -> None:
    start, end = secs(2025, 3, 1, 0), secs(2025, 3, 1, 20)
    _major, minor = ta.choose_levels(start, end, 1200.0)
    assert minor.name == "hour"
    _, minors = labels_for(start, end)
    assert all(len(x) == 5 and x[2] == ":" for x in minors)
    assert ta.context_label(start, end, minor) == "1 Mar 2025"


def test_context_spans_two_days_and_is_empty_for_years() -> None:
    hour = ta.TickUnit("hour", 1)
    assert ta.context_label(secs(2025, 3, 1, 20), secs(2025, 3, 2, 4), hour) == (
        "1 Mar 2025 – 2 Mar 2025"
    )
    assert ta.context_label(secs(2020, 1, 1), secs(2025, 1, 1), ta.TickUnit("year", 1)) == ""
    month = ta.TickUnit("month", 1)
    assert ta.context_label(secs(2025, 1, 1), secs(2025, 9, 1), month) == "2025"
    assert ta.context_label(secs(2024, 11, 1), secs(2025, 2, 1), month) == "2024 – 2025"


def test_day_ticks_never_closer_than_their_step() -> None:
    for step in (2, 5, 10, 15):
        ticks = ta.tick_values(ta.TickUnit("day", step), secs(2024, 1, 1), secs(2025, 1, 1))
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        assert min(gaps) >= step * ta.DAY_S
        assert max(gaps) < 2 * step * ta.DAY_S


def test_ticks_are_utc_midnights_inside_the_range() -> None:
    start, end = secs(2025, 1, 5, 13), secs(2025, 7, 3)
    ticks = ta.tick_values(ta.TickUnit("month", 1), start, end)
    assert ticks[0] == secs(2025, 2, 1)
    assert all(start <= t <= end and t % ta.DAY_S == 0 for t in ticks)


def test_ticks_are_capped_and_survive_absurd_ranges() -> None:
    ticks = ta.tick_values(ta.TickUnit("minute", 1), secs(1990, 1, 1), secs(2020, 1, 1))
    assert len(ticks) == ta.MAX_TICKS
    assert ta.tick_values(ta.TickUnit("year", 1), -1e30, 1e30)
    assert ta.choose_levels(0.0, 0.0, 500.0)  # empty span does not raise


@given(
    start=st.floats(min_value=-2e9, max_value=4e9),
    span=st.floats(min_value=4000.0, max_value=3e9),
    width=st.floats(min_value=200.0, max_value=4000.0),
)
def test_chosen_labels_never_overlap(start: float, span: float, width: float) -> None:
    measure = lambda s: 7.0 * len(s)  # noqa: E731
    major, minor = ta.choose_levels(start, start + span, width, measure)
    majors, minors = ta.level_ticks(major, minor, start, start + span)
    px = width / span
    spans = sorted(
        [((v - start) * px, measure(ta.tick_label(v, major, True))) for v in majors]
        + [((v - start) * px, measure(ta.tick_label(v, minor))) for v in minors]
    )
    if len(spans) > ta.MAX_TICKS:  # capped ranges are never drawn
        return
    for (x0, w0), (x1, w1) in itertools.pairwise(spans):
        assert x0 + w0 / 2 <= x1 - w1 / 2 + 1e-6


@given(
    st.lists(
        st.tuples(st.floats(-1e4, 1e4), st.floats(0.0, 500.0), st.floats(0.0, 10.0)),
        max_size=60,
    ),
    st.floats(0.0, 20.0),
)
def test_placed_labels_never_overlap(items: list[tuple[float, float, float]], gap: float) -> None:
    extents = [(x, x + w) for x, w, _ in items]
    kept = ta.place_labels(extents, [p for _, _, p in items], gap=gap)
    chosen = sorted(extents[i] for i in kept)
    for (_, end), (start, _) in itertools.pairwise(chosen):
        assert end + gap <= start
    # greedy is maximal: every dropped label collides with a kept one
    for i in set(range(len(extents))) - set(kept):
        lo, hi = extents[i]
        assert any(lo < k_hi + gap and k_lo < hi + gap for k_lo, k_hi in chosen)


def test_place_labels_prefers_higher_priority() -> None:
    kept = ta.place_labels([(0, 100), (50, 150), (120, 200)], [1.0, 5.0, 1.0])
    assert kept == [1]
    assert ta.place_labels([(0, 10), (20, 30)]) == [0, 1]
