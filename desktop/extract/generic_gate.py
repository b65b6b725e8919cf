"""Cheap tests the general detector (generic_clause.py) runs on every sentence before any
clause work: a time word or a digit, verb candidates after a subject-like word, one of them an
action; and which sentence is the article's lead (dated by the publication when it has none).
"""

from __future__ import annotations

import re

from desktop.extract.actions import Actions, default_actions, known, past_lemmas, verb_candidates
from desktop.extract.actors import DocState
from desktop.extract.generic_subject import after_subject, agent_follows
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention
from desktop.extract.sentences import Span

Candidate = tuple[int, int, int, str, bool]  # (group start, start, end, word, planned)
# a year ("2024", no digit either side), a quarter or a half ("Q3", "H1"): each alternative opens
# with a literal and asserts what precedes it after it, so a search skips to those characters
_YEARISH = re.compile(
    r"1(?<!\d1)[89]\d\d(?!\d)|2(?<!\d2)0\d\d(?!\d)|Q(?<!\wQ)[1-4]\b|H(?<!\wH)[1-4]\b"
)
_NAMED_TIMES = frozenset(
    (
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday",
    )
)  # fmt: skip


def _token_scan(words: frozenset[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole token of text split at spaces, commas, periods and hyphens.
    Each alternative opens with its first letter and asserts the token start after it, so a
    search skips to those letters (capitals: few in a sentence)."""
    rests: dict[str, list[str]] = {}
    for w in sorted(words):
        rests.setdefault(re.escape(w[0]), []).append(re.escape(w[1:]))
    body = "|".join(f"{c}(?<![^\\s,.-]{c})(?:{'|'.join(r)})" for c, r in rests.items())
    return re.compile(f"(?:{body})(?![^\\s,.-])")


_NAMED_TIME = _token_scan(_NAMED_TIMES)
_PERIOD_WORDS = frozenset(
    (
        "yesterday", "today", "tomorrow", "ago", "year", "years", "month", "months", "week",
        "weeks", "quarter", "half", "spring", "summer", "autumn", "winter", "weekend",
    )
)  # fmt: skip
_LEAD_WITHIN = 5  # sentences (title, date line, byline before the lead)
_LEAD_WORDS = 12
_SENTENCE_END = re.compile(r"[.!][\"'”’)]*$")


def gate(
    lex: Lexicon, sentence: Span, found: list[Mention], lead: bool
) -> tuple[str, list[Candidate]] | None:
    """Cheap tests first (this runs on every sentence): the lower-cased sentence and its verb
    candidates, or None when no clause can be a new event (no action verb after a
    subject-like word)."""
    if found and any(
        m.start <= sentence.start and sentence.end <= m.end and not announces(m) for m in found
    ):
        return None  # one clause, already an event
    text = sentence.text
    low = text.lower()
    if len(low) != len(text) or text.endswith("?") or not (lead or time_hint(text, low)):
        return None
    words = low.split()
    actions = default_actions()
    candidates = verb_candidates(low, actions, words)
    # a plan, a passive with a named agent or a founding of a named organisation may follow any
    # subject ("The new depot is expected to open", "A loan to Beta was approved by Acme",
    # "Two engineers founded Acme"): the clause decides
    if not any(
        (c[4] or after_subject(actions, text, c[0]) or agent_follows(text, c[2], c[3]))
        and _actionable(actions, c)
        for c in candidates
    ):
        return None  # only reporting, stative or measurement verbs, or no subject before
    return None if lex.rx["background"].search(text) else (low, candidates)


def announces(m: Mention) -> bool:
    """An announcement or statement whose announced plan no rule reported as an event."""
    return m.kind in ("announcement", "statement") and m.status != "planned"


def is_lead(state: DocState, index: int, text: str) -> bool:
    """Whether the sentence is the article's lead: the first sentence among the first few that
    ends like a sentence and is long enough (titles, bylines and datelines are not). The index
    found is kept on the document's state."""
    if (
        state.lead is None
        and index <= _LEAD_WITHIN
        and len(text.split()) >= _LEAD_WORDS
        and _SENTENCE_END.search(text)
    ):
        state.lead = index
    return state.lead == index


def _actionable(actions: Actions, candidate: Candidate) -> bool:
    """A candidate that may be an action (a phrasal verb aside: "set up" may still be one)."""
    word = candidate[3]
    lemmas = (word,) if candidate[4] else past_lemmas(word, actions)
    lemma = known(lemmas, actions.kinds) or known(lemmas, actions.excluded) or lemmas[0]
    if lemma in actions.kinds or lemma not in actions.excluded:
        return True
    return (
        lemma in actions.amount_kinds
        or lemma in actions.results_verbs
        or lemma in actions.object_events
        or lemma in actions.phrasal_heads
    )


def time_hint(text: str, low: str) -> bool:
    """A year, a quarter, a month or weekday name, or a period word ("last month", "two weeks
    ago"): a time expression may be there (a cheap test before any clause work)."""
    if _YEARISH.search(text):
        return True
    if _NAMED_TIME.search(text):  # "in July", "mid-July", "on Monday,"
        return True
    return not _PERIOD_WORDS.isdisjoint(low.replace(",", " ").replace(".", " ").split())
