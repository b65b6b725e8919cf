"""A realistic synthetic store for scale tests (``eventline synth``).

~200 actors with a Zipf spread of sizes, bursts of activity over ten years, every precision and
status, titles and summaries made of real-looking words, and documents whose text contains each
event's evidence sentence, so search and highlighting work as on a real store. Rows are made in
chunks with numpy so memory stays flat in N.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
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


@dataclass(frozen=True)
class _Vocabulary:
    """Every string a row is made of, precomputed once so a row is a few list look-ups."""

    actors: list[str]
    actor_keys: list[str]
    subjects: list[str]  # product * 59 + (version - 1)
    verbs: list[str]  # kind index; the last entry is the planned verb
    topics: list[str]
    tails: list[str]
    first_day: int
    starts: list[list[str | None]]  # [precision][day - first_day]
    ends: list[list[str | None]]


def _vocabulary(actors: list[str], first_day: int, span: int) -> _Vocabulary:
    starts: list[list[str | None]] = []
    ends: list[list[str | None]] = []
    for precision in _PRECISION_NAMES:
        pairs = [_interval(day, precision) for day in range(first_day, first_day + span)]
        starts.append([s for s, _ in pairs])
        ends.append([e for _, e in pairs])
    return _Vocabulary(
        actors=actors,
        actor_keys=[a.lower().replace(" ", "-") for a in actors],
        subjects=[f"{p} {v / 10:.1f}" for p in _PRODUCTS for v in range(1, 60)],
        verbs=[_VERBS[k] for k in KINDS] + ["plans to ship"],
        topics=list(_TOPICS),
        tails=list(_TAILS),
        first_day=first_day,
        starts=starts,
        ends=ends,
    )


def generate(
    n_events: int, seed: int = 7, n_actors: int = 200, chunk: int = 50_000
) -> Iterator[SynthChunk]:
    """Yield the synthetic store's rows in chunks of about ``chunk`` events.

    Events come in time order within a chunk; each chunk spans the whole ten years.
    """
    rng = np.random.default_rng(seed)
    first_day = (dt.date(2016, 1, 1) - _EPOCH).days
    span = (dt.date(2026, 1, 1) - _EPOCH).days - first_day
    names = actor_names(n_actors, rng)
    names = [names[i] for i in rng.permutation(n_actors)]  # sizes unrelated to the alphabet
    vocab = _vocabulary(names, first_day, span)
    weights = 1.0 / np.arange(1, n_actors + 1) ** 1.1
    weights /= weights.sum()
    p_prec = np.array(list(_PRECISION_P.values()))
    p_stat = np.array(list(_STATUS_P.values()))
    p_tail = np.array(_TAIL_P)
    for base in range(0, n_events, chunk):
        size = min(chunk, n_events - base)
        draws = {
            "lane": rng.choice(n_actors, size=size, p=weights),
            "day": np.sort(_draw_days(size, rng, first_day, span)),
            "prec": rng.choice(len(_PRECISION_NAMES), size=size, p=p_prec / p_prec.sum()),
            "stat": rng.choice(len(_STATUS_NAMES), size=size, p=p_stat / p_stat.sum()),
            "kind": rng.integers(0, len(KINDS), size=size),
            "subject": rng.integers(0, len(vocab.subjects), size=size),
            "topic": rng.integers(0, len(_TOPICS), size=size),
            "tail": rng.choice(len(_TAILS), size=size, p=p_tail / p_tail.sum()),
        }
        yield _chunk(base, vocab, draws)


_TAILS = (
    "according to people familiar with the matter",
    "the company said in a statement",
    "as reported by local media",
    "in a post on its official blog",
)
_TAIL_P = (0.85, 0.09, 0.04, 0.02)
_NOW = "2026-01-01T00:00:00+00:00"


def _pick(table: list, codes: np.ndarray) -> list:
    return [table[c] for c in codes.tolist()]


def _chunk(base: int, vocab: _Vocabulary, draws: dict[str, np.ndarray]) -> SynthChunk:
    size = int(draws["day"].shape[0])
    planned = _STATUS_NAMES.index("planned")
    verb_code = np.where(draws["stat"] == planned, len(vocab.verbs) - 1, draws["kind"])
    actors = _pick(vocab.actors, draws["lane"])
    subjects = _pick(vocab.subjects, draws["subject"])
    verbs = _pick(vocab.verbs, verb_code)
    topics = _pick(vocab.topics, draws["topic"])
    titles = [f"{a} {v} {s}" for a, v, s in zip(actors, verbs, subjects, strict=True)]
    summaries = [f"{s} for {t}" for s, t in zip(subjects, topics, strict=True)]
    sentences = [
        f"{title}, a system for {t}, {tail}."
        for title, t, tail in zip(titles, topics, _pick(vocab.tails, draws["tail"]), strict=True)
    ]
    day_off = (draws["day"] - vocab.first_day).tolist()
    prec = draws["prec"].tolist()
    starts = [vocab.starts[p][d] for p, d in zip(prec, day_off, strict=True)]
    ends = [vocab.ends[p][d] for p, d in zip(prec, day_off, strict=True)]
    ids = list(range(base + 1, base + size + 1))
    precisions = _pick(list(_PRECISION_NAMES), draws["prec"])
    statuses = _pick(list(_STATUS_NAMES), draws["stat"])
    kinds = _pick(list(KINDS), draws["kind"])
    documents, doc_ids, offsets = _documents(base, sentences, draws["day"])
    lengths = [len(s) for s in sentences]
    rep = [[value] * size for value in ("explicit", 0.5, "extracted", _NOW, "synthetic")]
    events = list(
        zip(
            ids,
            [f"synth-{i:09d}" for i in ids],
            starts,
            ends,
            precisions,
            rep[0],
            statuses,
            kinds,
            actors,
            _pick(vocab.actor_keys, draws["lane"]),
            subjects,
            titles,
            summaries,
            rep[1],
            rep[2],
            rep[3],
            strict=True,
        )
    )
    ends_off = [o + n for o, n in zip(offsets, lengths, strict=True)]
    mentions = list(
        zip(
            ids,
            doc_ids,
            offsets,
            ends_off,
            starts,
            ends,
            precisions,
            rep[0],
            rep[4],
            statuses,
            kinds,
            actors,
            subjects,
            sentences,
            titles,
            summaries,
            rep[1],
            strict=True,
        )
    )
    return SynthChunk(documents, events, mentions)


def _documents(
    base: int, sentences: list[str], days: np.ndarray
) -> tuple[list[tuple], list[str], list[int]]:
    """Documents of _EVENTS_PER_DOC consecutive sentences; each event's doc id and offset."""
    documents: list[tuple] = []
    doc_ids: list[str] = []
    offsets: list[int] = []
    for lo in range(0, len(sentences), _EVENTS_PER_DOC):
        part = sentences[lo : lo + _EVENTS_PER_DOC]
        text = "\n".join(part)
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        published = _EPOCH + dt.timedelta(days=int(days[lo + len(part) - 1]))
        documents.append(
            (
                doc_id,
                f"synth-{base + lo:08d}.txt",
                f"Synthetic report {base + lo}",
                "synth",
                published.isoformat(),
                "meta",
                text,
                _NOW,
            )
        )
        doc_ids.extend(itertools.repeat(doc_id, len(part)))
        offset = 0
        for sentence in part:
            offsets.append(offset)
            offset += len(sentence) + 1
    return documents, doc_ids, offsets
