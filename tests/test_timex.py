"""Time expressions: every supported form, the must-not-match list, tense, refine, properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.extract.timex import find_time_expressions, refine
from desktop.extract.timex_patterns import words
from desktop.extract.types import PRECISIONS

PUB = dt.date(2025, 3, 25)  # a Tuesday


def one(text: str, tense: str = "past", pub: dt.date | None = PUB):
    found = find_time_expressions(text, pub, tense)  # type: ignore[arg-type]
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def dates(text: str, tense: str = "past") -> list[tuple[str, str | None, str | None, str]]:
    return [
        (f.text, f.interval.date_str(), f.interval.date_end_str(), f.interval.precision)
        for f in find_time_expressions(text, PUB, tense)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("text", "expr", "date", "precision"),
    [
        ("On March 16, it unveiled", "On March 16", "2025-03-16", "day"),
        ("seen Mar. 16 in Beijing", "Mar. 16", "2025-03-16", "day"),
        ("seen Mar 16 in Beijing", "Mar 16", "2025-03-16", "day"),
        ("on 16 March it", "on 16 March", "2025-03-16", "day"),
        ("on 16 March 2024 it", "on 16 March 2024", "2024-03-16", "day"),
        ("on March 16, 2024, it", "on March 16, 2024", "2024-03-16", "day"),
        ("on March 16th it", "on March 16th", "2025-03-16", "day"),
        ("on the 16th of March it", "on the 16th of March", "2025-03-16", "day"),
        ("filed 2024-03-16 by", "2024-03-16", "2024-03-16", "day"),
        ("filed 03/16/2024 by", "03/16/2024", "2024-03-16", "day"),
        ("filed 16/03/2024 by", "16/03/2024", "2024-03-16", "day"),
        ("filed 16.03.2024 by", "16.03.2024", "2024-03-16", "day"),
        ("at 2024-03-16T10:00:00Z it", "at 2024-03-16T10:00:00Z", "2024-03-16", "day"),
        ("on Tuesday, March 11, 2025 it", "on Tuesday, March 11, 2025", "2025-03-11", "day"),
        ("It grew in March 2024.", "in March 2024", "2024-03", "month"),
        ("It grew March 2024.", "March 2024", "2024-03", "month"),
        ("debut in November 2022 was", "in November 2022", "2022-11", "month"),
        ("founded in 2015 as", "in 2015", "2015", "year"),
        ("founded in the year 2015 as", "in the year 2015", "2015", "year"),
        ("active since 2019 in", "since 2019", "2019", "year"),
        ("2025 will be the year of open source", "2025", "2025", "year"),
        ("results for fiscal 2024 were", "fiscal 2024", "2024", "year"),
    ],
)
def test_absolute_forms(text: str, expr: str, date: str, precision: str) -> None:
    found = one(text)
    assert (found.text, found.interval.date_str(), found.interval.precision) == (
        expr,
        date,
        precision,
    )
    assert found.anchor == "explicit"
    assert text[found.start : found.end] == found.text


def test_ambiguous_numeric_date_keeps_only_the_year() -> None:
    found = one("filed 03/04/2024 by")
    assert (found.interval.date_str(), found.interval.precision) == ("2024", "year")
    assert "ambiguous" in found.resolution


@pytest.mark.parametrize(
    ("text", "tense", "date"),
    [
        ("In March, it", "past", "2025-03"),
        ("In September, it", "past", "2024-09"),
        ("In February, DeepSeek held", "past", "2025-02"),
        ("in September it will", "future", "2025-09"),
        ("in March it will", "future", "2025-03"),  # the current month is included
        ("in February it will", "future", "2026-02"),
        ("in September it is", "present", "2025-09"),
        ("on March 3 it will", "future", "2026-03-03"),
        ("on March 30 it", "past", "2024-03-30"),
        ("on March 25 it", "past", "2025-03-25"),  # same day counts as on or before
    ],
)
def test_month_and_day_without_year_follow_tense(text: str, tense: str, date: str) -> None:
    found = one(text, tense)
    assert found.interval.date_str() == date
    assert found.anchor == "explicit"
    assert "publication" in found.resolution


def test_gold_style_resolutions() -> None:
    assert one("In February, DeepSeek held").resolution.endswith("-> 2025-02")
    assert one("said last month that").resolution == (
        "last month (relative to 2025-03-25) -> 2025-02"
    )
    assert one("released earlier this year").resolution == (
        "earlier this year -> 2025 (before 2025-03-25)"
    )


@pytest.mark.parametrize(
    ("text", "tense", "date", "date_end", "anchor"),
    [
        ("to release it in the summer.", "future", "2025-06", "2025-08", "relative"),
        ("released it in the summer.", "past", "2024-06", "2024-08", "relative"),
        ("to ship this summer", "future", "2025-06", "2025-08", "relative"),
        ("to ship in summer 2026", "future", "2026-06", "2026-08", "explicit"),
        ("as it did last winter", "past", "2024-12", "2025-02", "relative"),
        ("to ship next summer", "future", "2025-06", "2025-08", "relative"),
        ("shipped in the fall", "past", "2024-09", "2024-11", "relative"),
        ("to ship in the winter", "future", "2025-12", "2026-02", "relative"),
        ("in the spring it will", "future", "2025-03", "2025-05", "relative"),  # current season
    ],
)
def test_seasons(text: str, tense: str, date: str, date_end: str, anchor: str) -> None:
    found = one(text, tense)
    assert found.interval.precision == "season"
    assert (found.interval.date_str(), found.interval.date_end_str()) == (date, date_end)
    assert found.anchor == anchor


def test_late_summer_is_its_last_month() -> None:
    found = one("ships in late summer 2025")
    assert (found.interval.date_str(), found.interval.precision) == ("2025-08", "month")
    found = one("shipped in early summer")
    assert (found.interval.date_str(), found.interval.precision) == ("2024-06", "month")
    assert found.resolution.endswith("-> 2024-06")


@pytest.mark.parametrize(
    ("text", "tense", "date", "date_end", "precision"),
    [
        ("revenue in Q3 rose", "past", "2024-07", "2024-09", "quarter"),
        ("revenue in Q3 will", "future", "2025-07", "2025-09", "quarter"),
        ("revenue in Q3 2025", "past", "2025-07", "2025-09", "quarter"),
        ("in the third quarter it", "past", "2024-07", "2024-09", "quarter"),
        ("in the third quarter of 2024 it", "past", "2024-07", "2024-09", "quarter"),
        ("the fourth quarter of last year", "past", "2024-10", "2024-12", "quarter"),
        ("the final quarter of 2023", "past", "2023-10", "2023-12", "quarter"),
        ("in the last quarter it", "past", "2024-10", "2024-12", "quarter"),  # previous quarter
        ("it will ship in H2", "future", "2025-07", "2025-12", "half"),
        ("in the second half of the year", "future", "2025-07", "2025-12", "half"),
        ("the first half of 2026", "future", "2026-01", "2026-06", "half"),
        ("1H 2025 sales", "past", "2025-01", "2025-06", "half"),
        ("H2 2024 sales", "past", "2024-07", "2024-12", "half"),
    ],
)
def test_quarters_and_halves(
    text: str, tense: str, date: str, date_end: str, precision: str
) -> None:
    found = one(text, tense)
    assert found.interval.precision == precision
    assert (found.interval.date_str(), found.interval.date_end_str()) == (date, date_end)


@pytest.mark.parametrize(
    ("text", "tense", "date", "precision"),
    [
        ("at the end of June", "future", "2025-06", "month"),
        ("by the end of June", "past", "2024-06", "month"),
        ("end of June 2025", "past", "2025-06", "month"),
        ("in early June", "future", "2025-06", "month"),
        ("in mid-June", "future", "2025-06", "month"),
        ("in late June", "future", "2025-06", "month"),
        ("in early 2024", "past", "2024", "year"),
        ("by mid-2024", "past", "2024", "year"),
        ("in late 2024", "past", "2024", "year"),
        ("by the end of 2025", "future", "2025", "year"),
        ("by the end of the year", "future", "2025", "year"),
        ("by year-end", "future", "2025", "year"),
        ("early next year", "future", "2026", "year"),
        ("late last year", "past", "2024", "year"),
    ],
)
def test_part_of_period_modifiers(text: str, tense: str, date: str, precision: str) -> None:
    found = one(text, tense)
    assert found.text == text
    assert (found.interval.date_str(), found.interval.precision) == (date, precision)


def test_end_of_june_narrows_the_interval() -> None:
    found = one("at the end of June", "future")
    assert (found.interval.start, found.interval.end) == (
        dt.date(2025, 6, 21),
        dt.date(2025, 6, 30),
    )


@pytest.mark.parametrize(
    ("text", "tense", "date", "precision"),
    [
        ("said this month that", "past", "2025-03", "month"),
        ("In the current month, Baidu released", "past", "2025-03", "month"),
        ("in the current year", "past", "2025", "year"),
        ("the current year", "future", "2025", "year"),
        ("said last month that", "past", "2025-02", "month"),
        ("will ship next month", "future", "2025-04", "month"),
        ("released earlier this year", "past", "2025", "year"),
        ("will ship later this year", "future", "2025", "year"),
        ("Later in the current year, it", "future", "2025", "year"),
        ("released earlier this month", "past", "2025-03", "month"),
        ("raised last year", "past", "2024", "year"),
        ("will raise next year", "future", "2026", "year"),
        ("raised a year ago", "past", "2024", "year"),
        ("raised two weeks ago", "past", "2025-03-11", "day"),
        ("raised 3 days ago", "past", "2025-03-22", "day"),
        ("raised six months ago", "past", "2024-09", "month"),
        ("said yesterday that", "past", "2025-03-24", "day"),
        ("said today that", "past", "2025-03-25", "day"),
        ("will say tomorrow that", "future", "2025-03-26", "day"),
        ("said last week that", "past", "2025-03-17", "day"),
        ("said this week that", "past", "2025-03-24", "day"),
        ("in the coming months", "future", "2025-03", "month"),
        ("in the coming weeks", "future", "2025-03-26", "day"),
        ("said on Tuesday that", "past", "2025-03-25", "day"),
        ("said Friday that", "past", "2025-03-21", "day"),
        ("said last Friday that", "past", "2025-03-21", "day"),
        ("will launch next Monday", "future", "2025-03-31", "day"),
        ("will launch on Tuesday", "future", "2025-04-01", "day"),
        ("will launch on Friday", "future", "2025-03-28", "day"),
        ("raised this quarter", "present", "2025-01", "quarter"),
    ],
)
def test_relative_forms(text: str, tense: str, date: str, precision: str) -> None:
    found = one(text, tense)
    assert (found.interval.date_str(), found.interval.precision) == (date, precision)
    assert found.anchor == "relative"


def test_last_week_is_a_run_of_days() -> None:
    found = one("said last week that")
    assert found.interval.date_end_str() == "2025-03-23"


def test_earlier_this_year_stops_at_publication() -> None:
    found = one("released earlier this year")
    assert (found.interval.start, found.interval.end) == (dt.date(2025, 1, 1), PUB)


@pytest.mark.parametrize(
    ("text", "date", "date_end", "end", "precision"),
    [
        ("from January to March it", "2025-01", None, dt.date(2025, 3, 31), "month"),
        ("from November 2024 to February 2025", "2024-11", None, dt.date(2025, 2, 28), "month"),
        ("between 2019 and 2021 it", "2019", None, dt.date(2021, 12, 31), "year"),
        ("in 2019–2021 it", "2019", None, dt.date(2021, 12, 31), "year"),
        ("on March 3–5 it", "2025-03-03", "2025-03-05", dt.date(2025, 3, 5), "day"),
        ("between March 3 and 5 it", "2025-03-03", "2025-03-05", dt.date(2025, 3, 5), "day"),
        ("March 30 - April 2, 2024", "2024-03-30", "2024-04-02", dt.date(2024, 4, 2), "day"),
        ("from 10 to 12 March it", "2025-03-10", "2025-03-12", dt.date(2025, 3, 12), "day"),
        ("on 10-12 March 2024 it", "2024-03-10", "2024-03-12", dt.date(2024, 3, 12), "day"),
    ],
)
def test_ranges(text: str, date: str, date_end: str | None, end: dt.date, precision: str) -> None:
    found = one(text)
    iv = found.interval
    assert (iv.date_str(), iv.date_end_str(), iv.end, iv.precision) == (
        date,
        date_end,
        end,
        precision,
    )


@pytest.mark.parametrize(
    "text",
    [
        "it is 12-24 months away from the US industry",
        "the gap is from three to six months",
        "it ran for two years",
        "a 10-year plan",
        "DeepSeek spent $5.6 million to train R1",
        "losses of about $ 5 billion and $2025 in fees",
        "Ernie 4.5 and GPT-4 and Qwen 2.5 and R1 and Llama 3.1 405B",
        "adoption rose 45% and 2025% (sic)",
        "it may be better; May I ask?",
        "the march of progress. March on, they said.",
        "at 4:05 am and at 10:30",
        "it has 2000 employees and more than 1999 users",
        "the 1990s were different",
        "prices fall in the fall of Rome",
        "the Spring Festival and the Winter Olympics",
        "an H100 or H20 cluster; H2 fuel cells",
        "the second half of the match",
        "it happened recently and will happen soon",
        "June Smith and April Jones",
    ],
)
def test_must_not_match(text: str) -> None:
    assert find_time_expressions(text, PUB, "past") == []


def test_may_is_a_month_only_with_date_context() -> None:
    assert [d[0] for d in dates("in May, since May, by May, May 5, May 2025")] == [
        "in May",
        "since May",
        "by May",
        "May 5",
        "May 2025",
    ]


def test_unresolvable_without_publication_date() -> None:
    found = one("said last month that", pub=None)
    assert found.interval.precision == "unknown" and found.interval.date_str() is None
    assert found.resolution == "last month: no publication date"
    assert one("In February, DeepSeek held", pub=None).interval.is_resolved is False
    assert one("in November 2022", pub=None).interval.date_str() == "2022-11"


def test_offsets_base_order_and_longest_match() -> None:
    text = "In the summer of 2024 and then on March 16, 2025, it shipped."
    found = find_time_expressions(text, PUB, "past", base=100)
    assert [f.text for f in found] == ["In the summer of 2024", "on March 16, 2025"]
    for f in found:
        assert text[f.start - 100 : f.end - 100] == f.text
    assert found[0].end <= found[1].start


def test_seed_article_paragraph() -> None:
    text = (
        "The company also intends to release Ernie 4.5 model series open-source in the summer. "
        "It is expected that this debut will take place at the end of June."
    )
    found = find_time_expressions(text, PUB, "future")
    assert [f.text for f in found] == ["in the summer", "at the end of June"]
    combined = refine(found[0], found[1])
    assert combined is not None
    assert (combined.interval.date_str(), combined.interval.precision) == ("2025-06", "month")
    assert combined.anchor == "relative"
    assert "in the summer" in combined.resolution and "end of June" in combined.resolution


def test_refine_moves_a_yearless_inner_into_the_outer_year() -> None:
    outer = one("in 2024 it")
    inner = one("in March it")  # past → 2025-03, outside 2024
    combined = refine(outer, inner)
    assert combined is not None and combined.interval.date_str() == "2024-03"
    assert refine(outer, one("in March 2023")) is None  # an explicit other year does not nest
    assert refine(inner, outer) is None  # broader inside narrower
    assert refine(one("in March it"), one("in early March")) is None  # same precision


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[dt.date, str]:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    name = day.strftime("%B")
    forms = [
        f"{name} {day.day}, {day.year}",
        f"{day.day} {name} {day.year}",
        f"the {day.day}th of {name} {day.year}",
        day.isoformat(),
        f"{day.strftime('%b')}. {day.day}, {day.year}" if day.month != 5 else f"May {day.day}",
    ]
    if day.day > 12:
        forms += [f"{day.month:02d}/{day.day:02d}/{day.year}", f"{day.day}/{day.month}/{day.year}"]
    return day, draw(st.sampled_from(forms))


@settings(max_examples=300, deadline=None)
@given(written_dates(), st.sampled_from(["past", "present", "future"]))
def test_written_dates_parse_back(sample: tuple[dt.date, str], tense: str) -> None:
    day, written = sample
    found = find_time_expressions(f"It happened on {written} in Beijing.", day, tense)  # type: ignore[arg-type]
    assert len(found) == 1
    assert found[0].interval.start == day == found[0].interval.end
    assert found[0].interval.date_str() == day.isoformat()


_WORDS = st.sampled_from(
    words(
        "in on the of last next this early late mid end summer winter Q3 H2 March May June "
        "Tuesday 2025 1999 16 3 - – , . $ % year month week quarter half ago two from to between "
        "and coming days yesterday fiscal FY 03/16/2025 2025-02-30 31 Feb 29th"
    )
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_WORDS, max_size=14).map(" ".join) | st.text(max_size=60),
    st.one_of(st.none(), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 1, 1))),
    st.sampled_from(["past", "present", "future"]),
)
def test_no_input_raises_and_intervals_are_sane(text: str, pub: dt.date | None, tense: str) -> None:
    found = find_time_expressions(text, pub, tense)  # type: ignore[arg-type]
    last_end = 0
    for f in found:
        assert text[f.start : f.end] == f.text and f.start >= last_end
        last_end = f.end
        iv = f.interval
        assert iv.precision in PRECISIONS and f.anchor in ("explicit", "relative")
        if iv.is_resolved:
            assert iv.start is not None and iv.end is not None and iv.start <= iv.end
            written = iv.date_str()
            assert written is not None and iv.start.isoformat().startswith(written)
        else:
            assert iv.date_str() is None and f.resolution


@pytest.mark.parametrize(
    "text",
    [
        "The newsletter is published every Friday.",
        "The board meets each Tuesday.",
        "Trains run every other Sunday.",
        "Sales are counted every single March.",
    ],
)
def test_a_recurrence_names_no_date(text: str) -> None:
    assert find_time_expressions(text, dt.date(2025, 6, 12), "past") == []


def test_a_weekday_after_other_words_still_dates() -> None:
    found = find_time_expressions("Everyone left on Friday.", dt.date(2025, 6, 12), "past")
    assert [(t.text, t.interval.date_str()) for t in found] == [("on Friday", "2025-06-06")]
