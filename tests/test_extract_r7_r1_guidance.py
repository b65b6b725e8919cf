"""Round 7: an organisation changing its own forecast, guidance, outlook or target ("raised its
full-year profit forecast last month") reports financials: an event of kind other (DESIGN.md's
"reported financials"); raising prices or analysts' forecasts are none. Sentences written for
these tests, in several domains (not taken from any evaluation set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 10, 8)


@pytest.mark.parametrize(
    ("text", "actor", "date"),
    [
        ("Volvo Cars lowered its full-year sales outlook on Tuesday.", "Volvo Cars", "2025-10-07"),
        ("Tesco Group raised its annual profit guidance in April.", "Tesco Group", "2025-04"),
        ("Halvard Biotech trimmed its 2025 revenue target last week.", "Halvard", "2025-09-29"),
        ("Lloyds Banking Group lifted its margin forecast in July.", "Lloyds", "2025-07"),
    ],
)
def test_an_organisation_changing_its_guidance_is_an_event(
    text: str, actor: str, date: str
) -> None:
    found = [(e.actor, e.kind, e.interval.date_str()) for e in extract_events(text, PUBLISHED)]
    assert len(found) == 1 and actor in found[0][0] and found[0][1:] == ("other", date), found


@pytest.mark.parametrize(
    "text",
    [
        "Volvo Cars raised prices in April.",
        "Analysts raised their forecasts for Tesco Group in April.",
        "Halvard Biotech raised the stakes in April.",
    ],
)
def test_raising_something_else_is_no_event(text: str) -> None:
    assert extract_events(text, PUBLISHED) == []
