"""The guarded time-expression pattern matches exactly as the plain one; first_class is right."""

from __future__ import annotations

import re

import pytest
from test_extract_speed7_scans import SENTENCES

from desktop.extract.firstchars import first_class
from desktop.extract.timex_patterns import TIMEX_FAST, TIMEX_RE

EDGES = [
    "between March 3 and 5, 2024",
    "on 3-4 May 2025, in Q3 2024, 2Q25, H1 of fiscal 2025, FY2024",
    "in the first half of next year, two weeks ago, in three months' time",
    "the day before yesterday, this past weekend, last Monday morning, the coming months",
    "2025-03-04T10:00Z, 03/04/2025, late-2024, early in 2025, at the end of the month of May",
    "in mid-July 2025 and in the summer of 2024, 2000 employees, $2025, #2024",
]


def _result(m: re.Match[str] | None) -> tuple | None:
    return None if m is None else (m.span(), m.lastgroup, m.groupdict())


def test_guarded_timex_matches_as_the_plain_one_everywhere() -> None:
    matched = 0
    for text in [*SENTENCES, *EDGES]:
        for at in range(len(text) + 1):
            expected = _result(TIMEX_RE.match(text, at))
            assert _result(TIMEX_FAST.match(text, at)) == expected, (text, at)
            matched += expected is not None
    assert matched > 500
    assert TIMEX_FAST.pattern.count("(?=[") > 20  # the alternatives are guarded


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("abc|b", "[ab]"),
        ("(?:the\\s+)?year", "[ty]"),
        ("x?y*\\d", "[\\dxy]"),
        ("(?=a)b", "[b]"),
        ("[a-c_]|-", "[\\-_a-c]"),
        ("a?", None),  # may match empty
        ("[^a]b", None),
        (".x", None),
        ("(a)\\1", "[a]"),
        ("\\1", None),
    ],
)
def test_first_class(source: str, expected: str | None) -> None:
    assert first_class(source) == expected


def test_first_class_admits_every_match_start() -> None:
    sources = ["(?:the\\s+)?(?:first|second)\\s+half", "\\d{1,2}(?:st|nd)?|[Qq][1-4]", "a*b+c"]
    for source in sources:
        guard = first_class(source, re.I)
        assert guard is not None
        first = re.compile(guard, re.I)
        for text in SENTENCES:
            for m in re.finditer(source, text, re.I):
                assert first.match(text, m.start())
