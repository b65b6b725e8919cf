"""Generators of hostile input for the reliability tests and ``benches/reliability.py``.

Everything is driven by a ``random.Random`` so a failure can be replayed from its seed:
hostile strings (markup, escapes, controls), search-box queries, damaged or foreign store
files, stores made of hostile text, and articles for the kill-during-ingest runs.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from desktop.extract.types import ExtractedEvent, TimeInterval
from desktop.sources.document import Document
from desktop.store import EventStore

# -- hostile strings ----------------------------------------------------------------------------

MARKUP = (
    "<b>bold</b>",
    "<script>alert('x')</script>",
    '<img src="file:///etc/passwd">',
    "<img src=http://127.0.0.1:9/x.png>",
    '<a href="https://evil.example/">click</a>',
    "<qt><font color=red size=7>BIG</font></qt>",
    "<h1>heading</h1><table><tr><td>cell</td></tr></table>",
    "<style>*{display:none}</style>",
    "&lt;escaped&gt; &amp; &#x41;",
    '<html><body background="http://evil.example/bg.png">x</body></html>',
    '<span style="background-image:url(http://evil.example/p.png)">s</span>',
)
ESCAPES = (
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x1b[2J\x1b[H",
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e\u2066isolate\u2069",
    "zero\u200bwidth",
    "a\u0301\u0302\u0303\u0304\u0305",  # stacked combining marks
    "\ufeffbom",
    "tab\there\vvt\fff",
    "emoji 🚀👩‍💻",
    "中文 Ερμής עברית العربية",
)
NUL_TEXT = "before\x00after"
# Characters a search box user (or a script) may throw at FTS5.
QUERY_ALPHABET = (
    "\"()*:^-+{}[]<>.,;!?@#$%&|\\/'`~= \t\n\x00" + "ANDORNOTNEARandornotnear" + "abcxyz0123éß中"
)
QUERY_WORDS = (
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(a b, 2)",
    "title:",
    "actor:baidu",
    "{title summary}:",
    "^",
    "*",
    '"',
    '""',
    "-",
    "--",
    "(",
    ")",
    "ernie",
    "baidu",
    "4.5",
    "-ernie",
    "'; DROP TABLE events; --",
    "rowid",
    "events_fts",
    "\x00",
)


def hostile_string(rng: random.Random, max_len: int = 200) -> str:
    """A short string mixing markup, escapes and plain words."""
    parts = [rng.choice(MARKUP + ESCAPES + ("plain words", NUL_TEXT)) for _ in range(3)]
    return " ".join(parts)[:max_len]


def random_query(rng: random.Random) -> str:
    """A search-box string: operators, unbalanced quotes, column filters, controls, long text."""
    mode = rng.random()
    if mode < 0.4:
        return " ".join(rng.choice(QUERY_WORDS) for _ in range(rng.randint(1, 8)))
    if mode < 0.8:
        return "".join(rng.choice(QUERY_ALPHABET) for _ in range(rng.randint(0, 40)))
    if mode < 0.95:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 30)))
    return " ".join(rng.choice(QUERY_WORDS) for _ in range(rng.randint(500, 1500)))[:10_000]


# -- stores made of hostile text ------------------------------------------------------------------

HOSTILE_TITLE = '<img src="http://evil.example/x.png"><b>Hostile</b> <script>alert(1)</script>'
HOSTILE_ACTOR = "<i>Evil</i> \u202eCorp\u202c"
HOSTILE_KEY = "hostile-markup-event"


def _event(text: str, evidence: str, actor: str, subject: str, title: str, **kw) -> ExtractedEvent:
    start = text.index(evidence)
    day = kw.pop("day", "2025-03-16")
    when = dt.date.fromisoformat(day)
    return ExtractedEvent(
        start=start,
        end=start + len(evidence),
        evidence=evidence,
        interval=TimeInterval(when, when, "day"),
        anchor="explicit",
        resolution=f"{subject} -> {day}",
        status=kw.pop("status", "happened"),
        kind=kw.pop("kind", "release"),
        actor=actor,
        subject=subject,
        title=title,
        summary=kw.pop("summary", subject),
        confidence=0.9,
        event_key=kw.pop("key", ""),
    )


def hostile_text_documents(long_line_bytes: int = 1_000_000) -> list[tuple[Document, list]]:
    """Documents whose text, titles, actors and evidence are markup, escapes, NULs, RTL text,
    and a ``long_line_bytes`` line with no break, each with events pointing into them."""
    lead = f"{HOSTILE_ACTOR} released {HOSTILE_TITLE} on March 16."
    body = "\n".join(
        [
            lead,
            "<qt><a href='https://evil.example/'>Qt rich text link</a></qt> was announced too.",
            f"ANSI {ESCAPES[0]} {ESCAPES[2]} and a NUL {NUL_TEXT} and {ESCAPES[3]} here.",
            "x" * long_line_bytes,
            "<style>body{background:url(http://evil.example/bg.png)}</style> end.",
        ]
    )
    doc = Document(
        body,
        "<b>file</b>\u202e.txt",
        "<a href=x>source</a>",
        HOSTILE_TITLE,
        dt.date(2025, 3, 25),
        "front_matter",
    )
    events = [
        _event(body, lead, HOSTILE_ACTOR, HOSTILE_TITLE, HOSTILE_TITLE, key=HOSTILE_KEY),
        _event(
            body,
            body.splitlines()[1],
            "<u>Qt</u>",
            "<a href='x'>link</a>",
            "<qt><font size=7 color=red>HUGE</font></qt>",
            kind="announcement",
            day="2025-02-10",
        ),
        _event(
            body,
            body.splitlines()[2],
            ESCAPES[0],
            NUL_TEXT,
            f"ANSI {ESCAPES[0]} {NUL_TEXT}",
            day="2025-01-05",
            status="planned",
        ),
        _event(
            body,
            body.splitlines()[4],
            "&amp; Co",
            "<style>",
            "&lt;not an entity&gt; &amp;",
            kind="statement",
            day="2024-11-20",
        ),
    ]
    tail = "Plain <b>text</b> article. " * 20
    plain = Document(tail, "plain.txt", "", "<h1>Heading</h1>", None, "none")
    return [(doc, events), (plain, [_event(tail, tail[:26], "Plain Co", "text", "<b>x</b>")])]


def make_hostile_text_store(path: Path, long_line_bytes: int = 1_000_000) -> Path:
    with EventStore.create_or_open(path) as store:
        for doc, events in hostile_text_documents(long_line_bytes):
            store.add_document(doc, events)
    return path


# -- articles for ingest runs ---------------------------------------------------------------------

_ACTORS = (
    "Baidu",
    "Alibaba",
    "Tencent",
    "DeepSeek",
    "Zhipu AI",
    "Moonshot AI",
    "ByteDance",
    "Meta",
    "Google",
    "Mistral AI",
    "Anthropic",
    "OpenAI",
)
_PRODUCTS = ("Ernie", "Qwen", "Hunyuan", "Kimi", "GLM", "Doubao", "Llama", "Gemma", "Codestral")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_TEMPLATES = (
    "On {month} {day}, {actor} released {product} {version}, its newest model.",
    "{actor} open-sourced {product} {version} on {month} {day}.",
    "{actor} announced plans to open-source {product} in {month}.",
    "{actor} will release {product} {version} in the summer.",
    "{actor} raised $300 million in a funding round in {month} {year}.",
    "In {month}, {actor} launched {product} {version} for enterprise customers.",
    "According to media reports, {actor} is preparing {product} {version} for {month}.",
    "{actor} said in {year} that open source is the future of AI.",
)
_FILLER = (
    "Analysts said the market remained competitive.",
    "The company did not comment further.",
    "Shares rose 3% in early trading.",
    "The model is available through an API.",
)


def article_text(rng: random.Random, n_sentences: int = 8, hostile: bool = False) -> str:
    """An article of template news sentences (each likely an event) plus filler."""
    published = dt.date(2025, rng.randint(1, 12), rng.randint(1, 28))
    lines = [
        "---",
        f"title: {rng.choice(_ACTORS)} news {rng.randint(1, 10**9)}",
        f"published: {published.isoformat()}",
        "---",
        "",
    ]
    for _ in range(n_sentences):
        template = rng.choice(_TEMPLATES + _FILLER)
        sentence = template.format(
            actor=rng.choice(_ACTORS),
            product=rng.choice(_PRODUCTS),
            version=f"{rng.randint(1, 5)}.{rng.randint(0, 9)}",
            month=rng.choice(_MONTHS),
            day=rng.randint(1, 28),
            year=rng.randint(2020, 2025),
        )
        if hostile and rng.random() < 0.3:
            sentence += " " + hostile_string(rng).replace("\x00", " ")
        lines.append(sentence)
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, n: int, rng: random.Random, hostile: bool = True) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"article_{i:04d}.txt"
        path.write_text(article_text(rng, rng.randint(4, 12), hostile), encoding="utf-8")
        paths.append(path)
    return paths


# -- using a store the way the viewer and the CLI do ---------------------------------------


def read_everything(store: EventStore, queries: tuple[str, ...] = ("ernie", '"<b>', "-x")) -> int:
    """Every read the viewer and `eventline events` make; returns the number of events."""
    records = store.list_events()
    store.columns()
    store.exchange_records()
    store.actors()
    _ = store.generation
    for doc in store.documents():
        store.get_document(doc.id)
        store.mentions_of_document(doc.id)
    for record in records[:50]:
        store.get_event(record.id)
        store.get_event_by_key(record.key)
    for query in queries:
        store.search(query)
        store.search_documents(query)
    return len(records)
