"""Scoring extracted events against gold annotations (both in the exchange format).

Matching, within one document and one-to-one: a predicted row matches a gold row when its
evidence overlaps the gold ``evidence`` or any ``alt_evidence`` (strings located in the
document text; a predicted row's own ``start``/``end`` offsets are used when present), and the
actors agree (one contains the other, case-insensitively, or they share a word other than
"the", "ai", "inc", "group", …). Without the document text, evidence strings overlap when one
contains the other or they share a run of 25 characters.

Link F1 is pairwise: over the matched mentions (all documents), pairs sharing a gold
``event_key`` vs pairs sharing a predicted one. With no pair on either side it is 1.0. The
report lists the pairs linked on one side only, with the predicted facts that decided it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import combinations

_ACTOR_STOP = frozenset(
    "the ai inc group cloud of and co ltd company corp media".split()  # noqa: SIM905
)
_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*")
_MIN_COMMON = 25

Spans = list[tuple[int, int]]


@dataclass
class EvalReport:
    n_gold: int
    n_predicted: int
    matches: list[tuple[dict, dict]]  # (gold, predicted)
    misses: list[dict]
    false_positives: list[dict]
    precision: float
    recall: float
    f1: float
    date_accuracy: float
    status_accuracy: float
    kind_accuracy: float
    link_precision: float
    link_recall: float
    link_f1: float
    confusions: list[str] = field(default_factory=list)
    link_disagreements: list[str] = field(default_factory=list)  # pairs linked on one side only


def actors_agree(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return bool((set(_WORD.findall(a)) & set(_WORD.findall(b))) - _ACTOR_STOP)


def _locate(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle) if needle else -1
    return (at, at + len(needle)) if at >= 0 else None


def _gold_spans(row: dict, text: str) -> Spans:
    found = [_locate(text, s) for s in [row.get("evidence", ""), *row.get("alt_evidence", [])]]
    return [s for s in found if s is not None]


def _pred_spans(row: dict, text: str) -> Spans:
    if isinstance(row.get("start"), int) and isinstance(row.get("end"), int):
        spans = [(row["start"], row["end"])]
    else:
        spans = [s for s in [_locate(text, row.get("evidence", ""))] if s]
    spans += [s for s in (_locate(text, a) for a in row.get("alt_evidence", [])) if s]
    return spans


def _overlap(a: Spans, b: Spans) -> int:
    return max((min(x[1], y[1]) - max(x[0], y[0]) for x in a for y in b), default=0)


def _string_overlap(gold: dict, pred: dict) -> int:
    best = 0
    for g in [gold.get("evidence", ""), *gold.get("alt_evidence", [])]:
        p = pred.get("evidence", "")
        if g and p and (g in p or p in g):
            best = max(best, min(len(g), len(p)))
            continue
        m = SequenceMatcher(None, g, p, autojunk=False).find_longest_match(0, len(g), 0, len(p))
        best = max(best, m.size if m.size >= _MIN_COMMON else 0)
    return best


def _candidates(gold: list[dict], pred: list[dict], text: str | None) -> list[list[int]]:
    """For each gold row, the predicted rows it may match: same kind first, then same date
    (two events of one sentence overlap both gold spans: pair them by what they say), then
    by overlap."""
    out = []
    for g in gold:
        scored = []
        for j, p in enumerate(pred):
            if not actors_agree(g.get("actor", ""), p.get("actor", "")):
                continue
            if text is None:
                size = _string_overlap(g, p)
            else:
                size = _overlap(_gold_spans(g, text), _pred_spans(p, text))
            if size > 0:
                same_kind = p.get("kind") == g.get("kind")
                same_date = p.get("date") == g.get("date")
                scored.append((-int(same_kind), -int(same_date), -size, j))
        out.append([j for *_r, j in sorted(scored)])
    return out


def _match_doc(gold: list[dict], pred: list[dict], text: str | None) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (augmenting paths), preferring better candidates."""
    cands = _candidates(gold, pred, text)
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in cands[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        assign(i, set())
    return sorted((i, j) for j, i in owner.items())


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _link_pairs(matches: list[tuple[dict, dict]]) -> tuple[set, set]:
    gold_pairs, pred_pairs = set(), set()
    for (i, (g1, p1)), (j, (g2, p2)) in combinations(enumerate(matches), 2):
        if g1.get("event_key") and g1.get("event_key") == g2.get("event_key"):
            gold_pairs.add((i, j))
        if p1.get("event_key") and p1.get("event_key") == p2.get("event_key"):
            pred_pairs.add((i, j))
    return gold_pairs, pred_pairs


def _link_scores(gold_pairs: set, pred_pairs: set) -> tuple[float, float, float]:
    if not gold_pairs and not pred_pairs:
        return 1.0, 1.0, 1.0
    both = len(gold_pairs & pred_pairs)
    p, r = _ratio(both, len(pred_pairs)), _ratio(both, len(gold_pairs))
    return p, r, _f1(p, r)


def _link_disagreements(
    matches: list[tuple[dict, dict]], gold_pairs: set, pred_pairs: set
) -> list[str]:
    """One line per pair of matched mentions linked on one side only, with what the
    predicted rows say (actor | subject | kind | date), so a failed merge can be traced."""

    def side(row: dict) -> str:
        facts = (row.get(k) or "" for k in ("actor", "subject", "kind", "date"))
        return f"{row.get('doc')}: " + " | ".join(facts)

    lines = []
    for (i, j), what in [
        *((pair, "not linked") for pair in sorted(gold_pairs - pred_pairs)),
        *((pair, "wrongly linked") for pair in sorted(pred_pairs - gold_pairs)),
    ]:
        key = matches[i][0].get("event_key") if what == "not linked" else ""
        label = f"{what} ({key})" if key else what
        lines.append(f"{label}: {side(matches[i][1])}  <->  {side(matches[j][1])}")
    return lines


def _by_doc(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row.get("doc", ""), []).append(row)
    return out


def evaluate(
    gold: list[dict], predicted: list[dict], texts: Mapping[str, str] | None = None
) -> EvalReport:
    """Score ``predicted`` against ``gold``; ``texts`` maps ``doc`` to the document text."""
    gold_docs, pred_docs = _by_doc(gold), _by_doc(predicted)
    matches: list[tuple[dict, dict]] = []
    misses: list[dict] = []
    false_pos: list[dict] = []
    for doc in sorted(set(gold_docs) | set(pred_docs)):
        g, p = gold_docs.get(doc, []), pred_docs.get(doc, [])
        pairs = _match_doc(g, p, texts.get(doc) if texts is not None else None)
        matches += [(g[i], p[j]) for i, j in pairs]
        misses += [row for i, row in enumerate(g) if i not in {i for i, _ in pairs}]
        false_pos += [row for j, row in enumerate(p) if j not in {j for _, j in pairs}]
    n = len(matches)
    precision, recall = _ratio(n, len(predicted)), _ratio(n, len(gold))
    gold_pairs, pred_pairs = _link_pairs(matches)
    link_p, link_r, link_f = _link_scores(gold_pairs, pred_pairs)
    same = {k: sum(g.get(k) == p.get(k) for g, p in matches) for k in ("date", "status", "kind")}
    confusions = [
        f"{g.get('doc')}: {k} gold={g.get(k)!r} predicted={p.get(k)!r} ({g.get('event_key')})"
        for g, p in matches
        for k in ("date", "status", "kind")
        if g.get(k) != p.get(k)
    ]
    return EvalReport(
        n_gold=len(gold),
        n_predicted=len(predicted),
        matches=matches,
        misses=misses,
        false_positives=false_pos,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        date_accuracy=_ratio(same["date"], n),
        status_accuracy=_ratio(same["status"], n),
        kind_accuracy=_ratio(same["kind"], n),
        link_precision=link_p,
        link_recall=link_r,
        link_f1=link_f,
        confusions=confusions,
        link_disagreements=_link_disagreements(matches, gold_pairs, pred_pairs),
    )


def format_report(report: EvalReport) -> str:
    """A plain-text report: the scores, then disagreements, misses and false positives."""
    r = report
    lines = [
        f"events: gold {r.n_gold}, predicted {r.n_predicted}, matched {len(r.matches)}",
        f"precision {r.precision:.3f}  recall {r.recall:.3f}  F1 {r.f1:.3f}",
        f"on matched events: date {r.date_accuracy:.3f}  status {r.status_accuracy:.3f}"
        f"  kind {r.kind_accuracy:.3f}",
        f"pairwise links: precision {r.link_precision:.3f}  recall {r.link_recall:.3f}"
        f"  F1 {r.link_f1:.3f}",
    ]
    if r.confusions:
        lines += ["", "disagreements on matched events:", *(f"  {c}" for c in r.confusions)]
    if r.link_disagreements:
        lines += ["", "link disagreements:", *(f"  {c}" for c in r.link_disagreements)]
    for title, rows in (("misses", r.misses), ("false positives", r.false_positives)):
        if rows:
            lines += ["", f"{title}:"]
            lines += [
                f"  {row.get('doc')}: [{row.get('actor')}] {row.get('kind')}"
                f" {row.get('date')}: {row.get('evidence', '')}"
                for row in rows
            ]
    return "\n".join(lines)
