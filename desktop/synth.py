"""A realistic synthetic store for scale tests (``eventline synth``).

~200 actors with a Zipf spread of sizes, bursts of activity over ten years, every precision and
status, titles and summaries made of real-looking words, and documents whose text contains each
event's evidence sentence, so search and highlighting work as on a real store. Rows are made in
chunks with numpy so memory stays flat in N.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from desktop.extract.types import KINDS

_SYLLABLES = ("ar", "lo", "vi", "ne", "ta", "ko", "ra", "mi", "zen", "qu", "de", "sa", "po", "li")
_SUFFIXES = ("AI", "Labs", "Tech", "Systems", "Cloud", "Robotics", "Group", "Research", "Data")
_PRODUCTS = (
    "Atlas",
    "Nova",
    "Orion",
    "Pulse",
    "Vega",
    "Quill",
    "Helix",
    "Ember",
    "Lumen",
    "Sage",
    "Cirrus",
    "Falcon",
    "Mosaic",
    "Nimbus",
    "Prism",
    "Zephyr",
    "Ernie",
    "Qwen",
)
_VERBS = {
    "release": "released",
    "open_source": "open-sourced",
    "announcement": "announced",
    "funding": "raised funding for",
    "statement": "commented on",
    "partnership": "partnered on",
    "other": "reported results for",
}
_TOPICS = (
    "reasoning",
    "video generation",
    "speech",
    "robotics",
    "search",
    "coding",
    "translation",
    "3D visuals",
    "chips",
    "cloud services",
    "agents",
    "healthcare",
)
_PRECISION_P = {
    "day": 0.6,
    "month": 0.2,
    "quarter": 0.04,
    "season": 0.03,
    "half": 0.03,
    "year": 0.07,
    "unknown": 0.03,
}
_STATUS_P = {"happened": 0.75, "planned": 0.15, "reported": 0.10}
_PRECISION_NAMES = tuple(_PRECISION_P)
_STATUS_NAMES = tuple(_STATUS_P)
_SEASON_START = {0: 12, 1: 3, 2: 6, 3: 9}  # winter starts in December of the year before
_EVENTS_PER_DOC = 10
_EPOCH = dt.date(1970, 1, 1)


def actor_names(n: int, rng: np.random.Generator) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        stem = "".join(rng.choice(_SYLLABLES, size=int(rng.integers(2, 4))))
        names.add(f"{stem.capitalize()} {rng.choice(_SUFFIXES)}")
    return sorted(names)


@dataclass(frozen=True)
class SynthChunk:
    """Rows in the column order of desktop.store.bulk."""

    documents: list[tuple]
    events: list[tuple]
    mentions: list[tuple]


def _interval(day: int, precision: str) -> tuple[str | None, str | None]:
    """(start, end) ISO strings of the interval of ``precision`` around epoch day ``day``."""
    d = _EPOCH + dt.timedelta(days=day)
    if precision == "unknown":
        return None, None
    if precision == "day":
        return d.isoformat(), d.isoformat()
    if precision == "year":
        return f"{d.year}-01-01", f"{d.year}-12-31"
    first, months = d.month, 1
    if precision == "quarter":
        first, months = (d.month - 1) // 3 * 3 + 1, 3
    elif precision == "half":
        first, months = (1 if d.month <= 6 else 7), 6
    elif precision == "season":
        first, months = _SEASON_START[(d.month % 12) // 3], 3
    year = d.year - (1 if precision == "season" and first == 12 and d.month != 12 else 0)
    start = dt.date(year, first, 1)
    last_month = first + months - 1
    end_year, end_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    next_first = dt.date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return start.isoformat(), (next_first - dt.timedelta(days=1)).isoformat()


def _draw_days(n: int, rng: np.random.Generator, first: int, span: int) -> np.ndarray:
    """Days with a uniform background plus bursts (launch weeks, conferences)."""
    days = rng.integers(first, first + span, size=n)
    bursty = rng.random(n) < 0.4
    centres = rng.integers(first, first + span, size=40)
    picked = centres[rng.integers(0, len(centres), size=int(bursty.sum()))]
    days[bursty] = np.clip(
        picked + rng.normal(0, 6, size=picked.shape).astype(int), first, first + span - 1
    )
    return days


def generate(
    n_events: int, seed: int = 7, n_actors: int = 200, chunk: int = 50_000
) -> Iterator[SynthChunk]:
    """Yield the synthetic store's rows in chunks of about ``chunk`` events."""
    rng = np.random.default_rng(seed)
    actors = actor_names(n_actors, rng)
    weights = 1.0 / np.arange(1, n_actors + 1) ** 1.1
    weights /= weights.sum()
    first_day = (dt.date(2016, 1, 1) - _EPOCH).days
    span = (dt.date(2026, 1, 1) - _EPOCH).days - first_day
    p_prec = np.array(list(_PRECISION_P.values()))
    p_stat = np.array(list(_STATUS_P.values()))
    now = "2026-01-01T00:00:00+00:00"
    for base in range(0, n_events, chunk):
        size = min(chunk, n_events - base)
        lane = rng.choice(n_actors, size=size, p=weights)
        days = np.sort(_draw_days(size, rng, first_day, span))
        prec = rng.choice(len(_PRECISION_NAMES), size=size, p=p_prec / p_prec.sum())
        stat = rng.choice(len(_STATUS_NAMES), size=size, p=p_stat / p_stat.sum())
        kind = rng.integers(0, len(KINDS), size=size)
        product = rng.integers(0, len(_PRODUCTS), size=size)
        version = rng.integers(1, 60, size=size)
        topic = rng.integers(0, len(_TOPICS), size=size)
        yield _chunk(base, size, actors, lane, days, prec, stat, kind, product, version, topic, now)


def _chunk(
    base, size, actors, lane, days, prec, stat, kind, product, version, topic, now
) -> SynthChunk:
    documents, events, mentions = [], [], []
    for doc_start in range(0, size, _EVENTS_PER_DOC):
        sentences, spans = [], []
        offset = 0
        doc_rows = range(doc_start, min(doc_start + _EVENTS_PER_DOC, size))
        for i in doc_rows:
            precision = _PRECISION_NAMES[int(prec[i])]
            status = _STATUS_NAMES[int(stat[i])]
            kind_name = KINDS[int(kind[i])]
            actor = actors[int(lane[i])]
            subject = f"{_PRODUCTS[int(product[i])]} {int(version[i]) / 10:.1f}"
            verb = _VERBS[kind_name] if status != "planned" else "plans to ship"
            sentence = (
                f"{actor} {verb} {subject}, a system for {_TOPICS[int(topic[i])]}, "
                f"according to people familiar with the matter."
            )
            sentences.append(sentence)
            spans.append((offset, offset + len(sentence)))
            offset += len(sentence) + 1
            start, end = _interval(int(days[i]), precision)
            event_id = base + i + 1
            title = f"{actor} {verb} {subject}"
            summary = f"{subject} for {_TOPICS[int(topic[i])]}"
            events.append(
                (
                    event_id,
                    f"synth-{event_id}",
                    start,
                    end,
                    precision,
                    "explicit",
                    status,
                    kind_name,
                    actor,
                    actor.lower().replace(" ", "-"),
                    subject,
                    title,
                    summary,
                    0.5,
                    "extracted",
                    now,
                )
            )
            mentions.append(
                [
                    event_id,
                    None,
                    spans[-1][0],
                    spans[-1][1],
                    start,
                    end,
                    precision,
                    "explicit",
                    "synthetic",
                    status,
                    kind_name,
                    actor,
                    subject,
                    sentence,
                    title,
                    summary,
                    0.5,
                ]
            )
        text = "\n".join(sentences)
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        published = _EPOCH + dt.timedelta(days=int(days[doc_rows[-1]]))
        documents.append(
            (
                doc_id,
                f"synth-{base + doc_start:08d}.txt",
                f"Synthetic report {base + doc_start}",
                "synth",
                published.isoformat(),
                "meta",
                text,
                now,
            )
        )
        for row in mentions[-len(doc_rows) :]:
            row[1] = doc_id
    return SynthChunk(documents, events, [tuple(m) for m in mentions])
