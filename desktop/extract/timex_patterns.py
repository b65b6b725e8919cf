"""The lexicon and the one combined regular expression that finds time expressions.

Alternatives are ordered so that, at a given start position, the most specific (longest) form
is tried first; the regex engine's leftmost-first scan then yields non-overlapping matches.
Each alternative is a named group (``form``) whose inner groups are prefixed with the form name;
``match.lastgroup`` tells which form matched. Month and weekday names are case-sensitive
(capitalised), everything else is case-insensitive.
"""

from __future__ import annotations

import re

from desktop.extract.firstchars import first_class

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Full month names that are rarely anything else: allowed without a day, year or preposition.
# March (verb), May (modal), April/June/August (given names) need date context.
BARE_MONTHS = frozenset({"january", "february", "july", "september", "october", "november",
                         "december"})  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS: dict[str, str] = {
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
    "winter": "winter",
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4, "last": 4, "latter": 2, "back": 2, "front": 1,
}  # fmt: skip
# Words after a number that make it a quantity, not a year ("2000 employees", "2048 tokens").
_UNITS = (
    "%|percent|per|million|billion|trillion|thousand|hundred|people|employees|workers|users|"
    "units|gpus?|chips|tokens|parameters|params|km|miles|kg|tons|times|x|yuan|rmb|dollars|"
    "euros|yen|won|rupees|points|members|companies|firms|stores|cars|vehicles|jobs|customers|"
    "staff|gb|mb|tb|pixels|px|mw|gw|kw|hours|minutes|seconds|models|pages|words|lines|ml"
)

_MON = (
    r"(?-i:Jan(?:uary\b|\.|\b)|Feb(?:ruary\b|\.|\b)|Mar(?:ch\b|\.|\b)|Apr(?:il\b|\.|\b)|May\b"
    r"|Jun(?:e\b|\.|\b)|Jul(?:y\b|\.|\b)|Aug(?:ust\b|\.|\b)|Sep(?:tember\b|t\.|t\b|\.|\b)"
    r"|Oct(?:ober\b|\.|\b)|Nov(?:ember\b|\.|\b)|Dec(?:ember\b|\.|\b))"
)
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_CONN = r"\s*(?:-|–|—|to|through|thru|until|till)\s*"
_REL_YEAR = r"(?:this|next|last|the\s+current|current|the|the\s+coming|coming)\s+year"


def _mon(p: str) -> str:
    return rf"(?P<{p}>{_MON})"


def _day(p: str) -> str:
    return rf"(?P<{p}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"


def _year(p: str, dated: bool = False) -> str:
    """A plausible year, not part of a number, a figure or (unless ``dated``) a numeric date."""
    tail = "" if dated else r"|[.,]\d|[-/]\d"
    return rf"(?P<{p}>(?:19|20)\d\d|2100)(?![\d%]{tail}|\s*(?:{_UNITS})\b)"


def _conn_or_and(p: str) -> str:
    """A range connector; "and" only after a leading "between"."""
    return rf"(?:(?({p})\s+and\s+|{_CONN}))"


_MOD = (
    r"(?:(?:at\s+)?(?:the\s+)?(?:very\s+)?(?P<{p}_of>end|beginning|start|middle|close|turn)"
    r"\s+of\s+(?:the\s+month\s+of\s+)?|(?P<{p}_adj>early|mid|late|earlier|later)"
    r"(?:\s+in)?(?:\s*-\s*|\s+))"
)


def _mod(p: str) -> str:
    return _MOD.replace("{p}", p)


def _yearpart(p: str) -> str:
    """What may follow "quarter of" / "half of": a year, a relative year, "the year"."""
    return (
        rf"(?:(?:fiscal\s+(?:year\s+)?|FY\s*)?{_year(p + '_y')}"
        rf"|(?P<{p}_rel>{_REL_YEAR}))"
    )


_ALTERNATIVES: list[tuple[str, str]] = [
    (
        "range_md",
        rf"(?P<range_md_btw>between\s+)?{_mon('range_md_m1')}\s*{_day('range_md_d1')}"
        rf"{_conn_or_and('range_md_btw')}(?:{_mon('range_md_m2')}\s*)?{_day('range_md_d2')}"
        rf"(?:,?\s+{_year('range_md_y')})?",
    ),
    (
        "range_dm",
        rf"(?P<range_dm_btw>between\s+)?{_day('range_dm_d1')}{_conn_or_and('range_dm_btw')}"
        rf"{_day('range_dm_d2')}\s+(?:of\s+)?{_mon('range_dm_m2')}(?:,?\s+{_year('range_dm_y')})?",
    ),
    (
        "range_m",
        rf"(?P<range_m_btw>between\s+)?{_mon('range_m_m1')}(?:,?\s+{_year('range_m_y1')})?"
        rf"{_conn_or_and('range_m_btw')}{_mon('range_m_m2')}(?:,?\s+{_year('range_m_y2')})?",
    ),
    (
        "range_y",
        rf"(?P<range_y_btw>between\s+)?{_year('range_y_y1', dated=True)}"
        rf"{_conn_or_and('range_y_btw')}{_year('range_y_y2')}",
    ),
    (
        "iso",
        rf"{_year('iso_y', dated=True)}(?P<iso_sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_sep)"
        rf"(?P<iso_d>3[01]|[12]\d|0?[1-9])(?!\d)"
        r"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
    ),
    (
        "num",
        r"(?P<num_a>\d{1,2})(?P<num_sep>[-/.])(?P<num_b>\d{1,2})(?P=num_sep)"
        r"(?P<num_y>(?:19|20)\d\d|2100)(?!\d)",
    ),
    (
        "mdy",
        rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_mon('mdy_m')}\s*{_day('mdy_d')}"
        rf"(?:,?\s+{_year('mdy_y')})?",
    ),
    (
        "dmy",
        rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_day('dmy_d')}(?:\s+of)?\s+{_mon('dmy_m')}"
        rf"(?:,?\s+{_year('dmy_y')})?",
    ),
    ("my", rf"{_mon('my_m')},?\s+(?:of\s+)?{_year('my_y')}"),
    ("mod_month", rf"{_mod('mm')}{_mon('mm_m')}(?:,?\s+(?:of\s+)?{_year('mm_y')})?"),
    ("mod_year", rf"{_mod('my2')}(?:the\s+year\s+)?{_year('my2_y')}"),
    (
        "mod_rel",
        rf"{_mod('mr')}(?:(?P<mr_which>this|next|last|the\s+current|current|the)\s+)"
        rf"(?P<mr_unit>year|month|week|quarter)",
    ),
    ("year_end", rf"(?:the\s+)?year[-\s]end(?:\s+(?:of\s+)?{_year('ye_y')})?"),
    (
        "quarter",
        rf"(?:fiscal\s+|FY\s*)?(?:Q(?P<q_n>[1-4])|(?P<q_n2>[1-4])Q)"
        rf"(?:\s*(?:of\s+)?(?:'(?P<q_yy>\d\d)\b|{_yearpart('q')}))?",
    ),
    (
        "quarter_w",
        rf"(?:the\s+)?(?P<qw_ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"(?:\s+|-)(?:fiscal\s+)?quarter(?:\s+of\s+{_yearpart('qw')}|(?!\s+of\b))",
    ),
    (
        "half",
        rf"(?:H(?P<h_n>[12])|(?P<h_n2>[12])H)"
        rf"(?:\s*(?:of\s+)?(?:'(?P<h_yy>\d\d)\b|{_yearpart('h')}))?",
    ),
    (
        "half_w",
        rf"(?:the\s+)?(?P<hw_ord>first|second|latter|back|1st|2nd|front)(?:\s+|-)half"
        rf"(?:\s+of\s+{_yearpart('hw')}|(?!\s+of\b))",
    ),
    (
        "season",
        rf"(?:(?P<s_adj>early|mid|late)(?:\s*-\s*|\s+))?"
        rf"(?:(?P<s_det>this\s+past|this\s+coming|the\s+coming|the\s+upcoming|upcoming|this|last"
        rf"|next|coming|the)\s+)?(?:(?P<s_adj2>early|mid|late)(?:\s*-\s*|\s+))?"
        rf"(?P<s_name>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?{_year('s_y')}|(?!\s+of\b))"
        r"(?!\s+(?:festival|olympics|games|solstice|equinox|collection|camp|school|palace)\b)",
    ),
    (
        "ago",
        r"(?P<ago_n>\d{1,3}|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine"
        r"|ten|eleven|twelve)\s+(?P<ago_unit>day|week|month|year)s?\s+ago",
    ),
    (
        "hence",
        r"(?P<in_n>\d{1,2}|a\s+couple\s+of|a\s+few|an?|one|two|three|four|five|six|seven|eight"
        r"|nine|ten|eleven|twelve)\s+(?P<in_unit>day|week|month)s?(?:[’']\s*time)?"
        r"(?!\s+(?:of|ago|later|earlier|after|before)\b)",
    ),
    (
        "coming",
        r"(?:the\s+)?(?:(?:coming|next\s+few|next\s+several|upcoming|next\s+couple\s+of)\s+"
        r"(?P<co_unit>day|week|month)s|(?P<co_unit2>day|week|month)s\s+ahead)",
    ),
    (
        "day_word",
        r"(?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday"
        r"|today|tomorrow|tonight|last\s+night|(?:earlier|later)\s+today"
        r"|this\s+(?:morning|afternoon|evening))",
    ),
    (
        "weekend",
        r"(?:(?P<we_which>this\s+past|this\s+coming|last|next|this|past|coming|the)\s+)?"
        r"weekend(?!\s+(?:of|edition|update|reading|read|box\s+office)\b)",
    ),
    (
        "weekday",
        rf"(?:(?P<w_which>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?"
        rf"(?P<w_day>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?",
    ),
    (
        "rel",
        r"(?:the\s+)?(?P<r_which>this|last|next|current|coming)\s+"
        r"(?P<r_unit>week|month|year|quarter)",
    ),
    (
        "month",
        rf"(?:(?P<m_which>this|last|next|this\s+past|this\s+coming|coming)\s+)?{_mon('m_m')}",
    ),
    (
        "year",
        r"(?:(?P<y_the>the\s+(?:calendar\s+|fiscal\s+)?year\s+)|(?P<y_fy>fiscal\s+(?:year\s+)?"
        rf"|FY\s*))?{_year('y_y')}",
    ),
]

_PREP = (
    r"(?:(?P<prep>in|on|during|since|by|until|till|before|after|throughout|from|at"
    r"|as\s+of|as\s+early\s+as|no\s+later\s+than|not\s+until)\s+)?"
)


def _timex_re(guarded: bool) -> re.Pattern[str]:
    """The combined pattern; ``guarded``: each alternative opens with a lookahead for its first
    characters (same matches: the engine drops the alternatives that cannot start there)."""
    forms = []
    for name, body in _ALTERNATIVES:
        first = first_class(body, re.IGNORECASE) if guarded else None
        forms.append(f"(?P<{name}>{f'(?={first})' if first else ''}{body})")
    return re.compile(
        r"(?<![\w$€£¥.,/#\-])(?<!\$\s)" + _PREP + "(?:" + "|".join(forms) + r")(?![\w])",
        re.IGNORECASE,
    )


TIMEX_RE = _timex_re(guarded=False)
TIMEX_FAST = _timex_re(guarded=True)  # what the extractor runs: TIMEX_RE's matches, sooner

FORMS: tuple[str, ...] = tuple(name for name, _ in _ALTERNATIVES)


def words(text: str, sep: str | None = None) -> list[str]:
    """A word list written as one string (keeps long lexicons compact)."""
    return text.split(sep)


def month_number(name: str) -> int:
    """``March`` / ``Mar.`` / ``Sept`` → 3 / 3 / 9."""
    return MONTHS[name[:3].lower()]


def number_value(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)
