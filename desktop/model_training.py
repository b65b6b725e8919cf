"""Train the event-sentence model (``desktop.extract.sentence_model``) from annotated sets.

    python -m desktop.model_training --out resources/models/event_sentences.json \\
        resources/demo=tests/data/seed-events.jsonl tests/data/heldout ...

Each argument is a folder of articles, optionally ``=GOLD`` (default ``FOLDER/gold.jsonl``) in
the exchange format. A sentence is an event sentence when a gold event's evidence (or
alt_evidence) overlaps it; the kind model learns from the gold evidence strings. Training is
full-batch gradient descent on L2-regularised logistic (and softmax) loss over sparse binary
features: deterministic, a few seconds, numpy only. A developer tool: the app only reads the
JSON it writes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop.extract.sentence_model import FEATURES_VERSION, sentence_features
from desktop.extract.sentences import split_sentences
from desktop.extract.types import KINDS
from desktop.ingest import expand_paths, read_with_date

STEPS = 300
LEARNING_RATE = 1.0
L2 = 1e-3
MIN_COUNT = 2  # a feature must occur in this many training sentences
THRESHOLD = 0.7  # chosen on two held-out sets (heldout5, heldout6) before training on them
DIGITS = 5


@dataclass(frozen=True)
class Examples:
    sentences: list[frozenset[str]]
    is_event: list[bool]
    evidence: list[frozenset[str]]  # gold evidence strings' features, for the kind model
    kinds: list[int]


def _spans(text: str, rows: list[dict]) -> list[tuple[int, int]]:
    out = []
    for row in rows:
        for evidence in [row["evidence"], *row.get("alt_evidence", [])]:
            at = text.find(evidence)
            if at >= 0:
                out.append((at, at + len(evidence)))
    return out


def read_examples(sets: list[tuple[Path, Path]]) -> Examples:
    """Labelled sentences and evidence strings of every article of ``sets`` (folder, gold)."""
    found = Examples([], [], [], [])
    for folder, gold_path in sets:
        gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
        for path in expand_paths([folder]):
            doc = read_with_date(path, None, override=False)
            rows = [r for r in gold if r["doc"] == doc.file_name]
            spans = _spans(doc.text, rows)
            for sent in split_sentences(doc.text):
                found.sentences.append(sentence_features(sent.text))
                found.is_event.append(any(a < sent.end and sent.start < b for a, b in spans))
            for row in rows:
                found.evidence.append(sentence_features(row["evidence"]))
                found.kinds.append(KINDS.index(row["kind"]))
    return found


def _design(rows: list[frozenset[str]], vocabulary: dict[str, int]) -> tuple[np.ndarray, ...]:
    """Sparse binary matrix as (row, column) index arrays; the last column is the bias."""
    r, c = [], []
    for i, features in enumerate(rows):
        for j in sorted(vocabulary[f] for f in features if f in vocabulary):
            r.append(i)
            c.append(j)
        r.append(i)
        c.append(len(vocabulary))
    return np.array(r, dtype=np.int64), np.array(c, dtype=np.int64)


def _fit(rows: np.ndarray, cols: np.ndarray, n: int, targets: np.ndarray, width: int) -> np.ndarray:
    """Weights (width x classes) minimising softmax (classes > 1) or logistic loss."""
    classes = targets.shape[1]
    w = np.zeros((width, classes))
    for _ in range(STEPS):
        z = np.stack([np.bincount(rows, w[cols, k], minlength=n) for k in range(classes)], 1)
        if classes == 1:
            p = 1.0 / (1.0 + np.exp(-z))
        else:
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
        g = p - targets
        grad = np.stack([np.bincount(cols, g[rows, k], minlength=width) for k in range(classes)])
        w -= LEARNING_RATE * (grad.T / n + L2 * w)
    return w


def train(examples: Examples, threshold: float = THRESHOLD, sets: tuple[str, ...] = ()) -> dict:
    """The model's JSON form."""
    counts = Counter(f for features in examples.sentences for f in features)
    vocabulary = {
        f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))
    }
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    rows, cols = _design(examples.sentences, vocabulary)
    y = np.array(examples.is_event, dtype=float)[:, None]
    w = _fit(rows, cols, len(examples.sentences), y, len(vocabulary) + 1)[:, 0]
    k_rows, k_cols = _design(examples.evidence, vocabulary)
    k_targets = np.eye(len(KINDS))[examples.kinds]
    kw = _fit(k_rows, k_cols, len(examples.evidence), k_targets, len(vocabulary) + 1)
    return {
        "features_version": FEATURES_VERSION,
        "kinds": list(KINDS),
        "threshold": threshold,
        "trained_on": {
            "sets": list(sets),
            "sentences": len(examples.sentences),
            "event_sentences": int(y.sum()),
            "events": len(examples.kinds),
        },
        "event": {
            "bias": round(float(w[-1]), DIGITS),
            "weights": {f: round(float(w[i]), DIGITS) for i, f in enumerate(names) if w[i]},
        },
        "kind": {
            "bias": [round(float(v), DIGITS) for v in kw[-1]],
            "weights": {f: [round(float(v), DIGITS) for v in kw[i]] for i, f in enumerate(names)},
        },
    }


_NUMBER_LIST = re.compile(r"\[([-0-9.e,\s]*)\]")


def to_json(model: dict) -> str:
    """One weight per line (readable diffs when the model is retrained), lists on one line."""
    text = json.dumps(model, sort_keys=True, indent=0)
    return _NUMBER_LIST.sub(_one_line, text) + "\n"


def _one_line(numbers: re.Match[str]) -> str:
    return "[" + ",".join(v.strip() for v in numbers.group(1).split(",")) + "]"


def parse_set(argument: str) -> tuple[Path, Path]:
    folder, _, gold = argument.partition("=")
    return Path(folder), Path(gold) if gold else Path(folder) / "gold.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.model_training", description=__doc__)
    parser.add_argument("sets", nargs="+", help="FOLDER[=GOLD.jsonl]")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args(argv)
    examples = read_examples([parse_set(a) for a in args.sets])
    model = train(examples, args.threshold, tuple(args.sets))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(to_json(model), "utf-8")
    done = model["trained_on"]
    print(
        f"{done['sentences']} sentences ({done['event_sentences']} with events), "
        f"{done['events']} events -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
