"""Extraction throughput: articles of ~1,000 words per second on one core, and peak memory.

    .venv/bin/python benches/extract_throughput.py [N_ARTICLES]

Articles are built by cycling the sentences of the shipped demo articles (real news prose) to
~1,000 words each, with small per-article variations so no two are identical. Peak memory is
the process's peak RSS at N/4, N/2 and N articles, and the Python heap's peak (tracemalloc) over
N/8 and N/2 articles: both should stay flat.
"""

from __future__ import annotations

import datetime as dt
import itertools
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.extract import extract_events  # noqa: E402
from desktop.extract.sentences import split_sentences  # noqa: E402
from desktop.paths import resource_path  # noqa: E402

PUBLISHED = dt.date(2025, 3, 25)
WORDS = 1000


def _sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(resource_path("demo").glob("*.txt")):
        out.extend(s.text for s in split_sentences(path.read_text(encoding="utf-8")))
    return out


def make_articles(n: int) -> list[str]:
    pool = _sentences()
    cycle = itertools.cycle(pool)
    articles = []
    for i in range(n):
        parts, words = [f"Article {i}."], 0
        while words < WORDS:
            s = next(cycle)
            parts.append(s)
            words += len(s.split())
        articles.append(" ".join(parts))
    return articles


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main(n: int = 400) -> None:
    articles = make_articles(n)
    extract_events(articles[0], PUBLISHED)  # warm-up: lexicons loaded, patterns compiled
    checkpoints = {max(1, n // 4), max(1, n // 2), n}
    rss: list[str] = []
    events = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for i, text in enumerate(articles, 1):
        events += len(extract_events(text, PUBLISHED))
        if i in checkpoints:
            rss.append(f"{i}: {_peak_rss_mb():.1f} MB")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    words = sum(len(a.split()) for a in articles) / n
    print(f"articles: {n} (~{words:.0f} words each), events: {events}")
    print(f"throughput: {n / cpu:.1f} articles/s of CPU time on one core ({cpu:.2f} s CPU)")
    print(f"wall clock: {n / elapsed:.1f} articles/s ({elapsed:.2f} s; lower on a busy machine)")
    print("peak RSS after N articles: " + ", ".join(rss))
    print("Python heap peak (tracemalloc) after N articles: " + _heap_peaks(articles[: n // 2]))


def _heap_peaks(articles: list[str]) -> str:
    """Peak traced allocations while extracting the first k articles, for growing k."""
    out = []
    for k in (len(articles) // 4, len(articles)):
        tracemalloc.start()
        for text in articles[:k]:
            extract_events(text, PUBLISHED)
        out.append(f"{k}: {tracemalloc.get_traced_memory()[1] / 1e6:.2f} MB")
        tracemalloc.stop()
    return ", ".join(out)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
