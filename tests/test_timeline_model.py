"""TimelineModel: lanes, mask, selection, step, hit testing (real model, Qt signals)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pytest

from desktop.extract.types import KINDS, PRECISIONS, STATUSES
from desktop.viewmodel.timeline_model import DAY_S, TimelineModel


@dataclass
class Columns:
    """Same attributes as the store's TimelineColumns."""

    start_s: np.ndarray
    end_s: np.ndarray
    lane: np.ndarray
    kind: np.ndarray
    status: np.ndarray
    precision: np.ndarray
    id: np.ndarray
    n_mentions: np.ndarray
    lanes: list[str] = field(default_factory=list)


def day_s(iso: str) -> float:
    d = dt.date.fromisoformat(iso)
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC).timestamp()


# (start, end exclusive, actor, kind, status, precision, title, mentions)
EVENTS = [
    ("2024-09-01", "2024-10-01", "Alibaba", "release", "happened", "month", "Qwen 2.5", 1),
    ("2025-01-01", "2026-01-01", "DeepSeek", "release", "happened", "year", "DeepSeek R1", 3),
    ("2025-03-10", "2025-03-11", "Manus", "release", "happened", "day", "Manus agent", 1),
    ("2025-03-16", "2025-03-17", "Baidu", "release", "happened", "day", "Ernie 4.5", 2),
    ("2025-03-20", "2025-03-21", "Alibaba", "release", "reported", "day", "QwQ-32B", 1),
    ("2025-03-25", "2025-03-26", "Alibaba", "announcement", "happened", "day", "Video plans", 1),
    ("2025-03-25", "2025-03-26", "Tencent", "open_source", "happened", "day", "Hunyuan 3D", 1),
    (
        "2025-06-01",
        "2025-07-01",
        "Baidu",
        "open_source",
        "planned",
        "month",
        "<b>Ernie</b> open",
        2,
    ),
    (None, None, "Tencent", "other", "happened", "unknown", "<img src=x> undated", 1),
]


def make_columns(events: list[tuple] = EVENTS) -> tuple[Columns, dict[int, str]]:
    events = sorted(events, key=lambda e: (e[0] is None, e[0] or ""))
    lanes: list[str] = []
    for e in events:
        if e[2] not in lanes:
            lanes.append(e[2])
    cols = Columns(
        start_s=np.array([day_s(e[0]) if e[0] else np.nan for e in events]),
        end_s=np.array([day_s(e[1]) if e[1] else np.nan for e in events]),
        lane=np.array([lanes.index(e[2]) for e in events], dtype=np.int32),
        kind=np.array([KINDS.index(e[3]) for e in events], dtype=np.int8),
        status=np.array([STATUSES.index(e[4]) for e in events], dtype=np.int8),
        precision=np.array([PRECISIONS.index(e[5]) for e in events], dtype=np.int8),
        id=np.arange(1, len(events) + 1, dtype=np.int64) * 10,
        n_mentions=np.array([e[7] for e in events], dtype=np.int32),
        lanes=lanes,
    )
    return cols, {int(i): e[6] for i, e in zip(cols.id, events, strict=True)}


@pytest.fixture
def model(qtbot) -> TimelineModel:
    m = TimelineModel()
    m.set_data(*make_columns())
    return m


def id_of(model: TimelineModel, title: str) -> int:
    return next(i for i, t in model.titles.items() if t == title)


def test_lanes_ordered_by_first_appearance_then_by_count(model: TimelineModel) -> None:
    assert model.lane_names == ["Alibaba", "DeepSeek", "Manus", "Baidu", "Tencent"]
    model.set_lane_order("count")
    assert model.lane_names[0] == "Alibaba"  # 3 events
    assert model.lane_names[1:3] == ["Baidu", "Tencent"]  # 2 each, Baidu first
    row = model.rows[model.index_of(id_of(model, "Ernie 4.5"))]
    assert model.lane_names[row] == "Baidu"


def test_counts_mask_and_shown_ids(model: TimelineModel, qtbot) -> None:
    assert (model.total_count, model.visible_count) == (9, 9)
    wanted = [id_of(model, "Ernie 4.5"), id_of(model, "Hunyuan 3D")]
    with qtbot.waitSignal(model.mask_changed):
        model.set_mask_from_ids(wanted)
    assert model.visible_count == 2
    assert sorted(model.shown_ids().tolist()) == sorted(wanted)
    in_range = model.shown_ids(day_s("2025-03-20"), day_s("2025-03-31"))
    assert in_range.tolist() == [id_of(model, "Hunyuan 3D")]
    model.set_mask(None)
    assert model.visible_count == 9
    with pytest.raises(ValueError):
        model.set_mask(np.ones(3, dtype=bool))


def test_range_overlap_includes_intervals_that_started_before(model: TimelineModel) -> None:
    ids = model.shown_ids(day_s("2025-05-01"), day_s("2025-05-02")).tolist()
    assert ids == [id_of(model, "DeepSeek R1")]  # the 2025 bar covers May
    assert id_of(model, "DeepSeek R1") in model.ids[model.visible_indices(
        day_s("2025-08-01"), day_s("2025-08-02"))]  # fmt: skip


def test_select_emits_and_unknown_ids_clear(model: TimelineModel, qtbot) -> None:
    ernie = id_of(model, "Ernie 4.5")
    with qtbot.waitSignal(model.selection_changed) as blocker:
        model.select(ernie)
    assert blocker.args == [ernie] and model.selected_id == ernie
    with qtbot.waitSignal(model.selection_changed) as blocker:
        model.select(999999)
    assert blocker.args == [-1] and model.selected_id is None


def test_step_walks_time_order_among_shown(model: TimelineModel) -> None:
    assert model.step(1) == id_of(model, "Qwen 2.5")  # nothing selected: first
    assert model.step(1) == id_of(model, "DeepSeek R1")
    assert model.step(-1) == id_of(model, "Qwen 2.5")
    assert model.step(-1) == id_of(model, "Qwen 2.5")  # stays at the start
    model.set_mask_from_ids([id_of(model, "Manus agent"), id_of(model, "<b>Ernie</b> open")])
    model.select(id_of(model, "Manus agent"))
    assert model.step(1) == id_of(model, "<b>Ernie</b> open")  # hidden events are skipped
    assert model.step(1) == id_of(model, "<b>Ernie</b> open")  # stays at the end


def test_step_never_selects_undated(model: TimelineModel) -> None:
    model.select(id_of(model, "<b>Ernie</b> open"))
    assert model.step(1) == id_of(model, "<b>Ernie</b> open")


def test_hit_test_finds_glyphs_and_bars(model: TimelineModel) -> None:
    ernie = id_of(model, "Ernie 4.5")
    row = int(model.rows[model.index_of(ernie)])
    assert model.hit_test(day_s("2025-03-16") + 3600, row, DAY_S) == ernie
    assert model.hit_test(day_s("2025-03-19"), row, DAY_S) is None
    deepseek = id_of(model, "DeepSeek R1")
    ds_row = int(model.rows[model.index_of(deepseek)])
    assert model.hit_test(day_s("2025-08-15"), ds_row, DAY_S) == deepseek
    model.set_mask_from_ids([ernie])
    assert model.hit_test(day_s("2025-08-15"), ds_row, DAY_S) is None  # filtered out


def test_undated_and_descriptions(model: TimelineModel) -> None:
    undated = model.undated_indices()
    assert [model.titles[int(model.ids[i])] for i in undated] == ["<img src=x> undated"]
    assert model.describe(id_of(model, "Ernie 4.5")) == "Ernie 4.5\n16 Mar 2025"
    planned = model.describe(id_of(model, "<b>Ernie</b> open"))
    assert planned == "<b>Ernie</b> open\nJun 2025 (planned)"
    assert model.describe(int(model.ids[undated[0]])).endswith("undated")


def test_data_range_covers_shown_events(model: TimelineModel) -> None:
    lo, hi = model.data_range()
    assert lo < day_s("2024-09-01") and hi > day_s("2025-12-31")
    model.set_mask_from_ids([id_of(model, "Ernie 4.5")])
    lo, hi = model.data_range()
    assert day_s("2025-03-01") < lo < day_s("2025-03-16") < hi < day_s("2025-04-01")


def test_request_range_emits_and_ignores_nonsense(model: TimelineModel, qtbot) -> None:
    with qtbot.waitSignal(model.range_changed) as blocker:
        model.request_range(1.0e9, 1.1e9)
    assert blocker.args == [1.0e9, 1.1e9]
    with qtbot.assertNotEmitted(model.range_changed):
        model.request_range(5.0, 1.0)
        model.request_range(float("nan"), 1.0)


def test_new_data_keeps_existing_selection_and_drops_missing(model: TimelineModel) -> None:
    ernie = id_of(model, "Ernie 4.5")
    model.select(ernie)
    model.set_data(*make_columns())
    assert model.selected_id == ernie
    model.set_data(*make_columns(EVENTS[:2]))
    assert model.selected_id is None


def test_index_of_by_table_and_by_search_agree(model: TimelineModel) -> None:
    ids = model.ids.copy()
    expected = {int(i): k for k, i in enumerate(ids.tolist())}
    assert model._id_table() is not None  # store ids are small: a table
    for event_id, pos in expected.items():
        assert model.index_of(event_id) == pos
    assert model.index_of(-1) is None and model.index_of(int(ids.max()) + 10**6) is None
    model.ids = ids * 10**9 + 7  # far apart: no table, a binary search
    model._id_order_cache = None
    assert model._id_table() is None
    for event_id, pos in expected.items():
        assert model.index_of(event_id * 10**9 + 7) == pos
    assert model.index_of(8) is None


def test_missing_end_is_a_day_after_start_and_columns_stay_untouched(qtbot) -> None:
    cols, titles = make_columns()
    m = TimelineModel()
    m.set_data(cols, titles)
    assert np.shares_memory(m.end_s, cols.end_s)  # nothing to fill: the columns' own array
    cols.end_s[2] = np.nan  # a dated event without an end
    before = cols.end_s.copy()
    m.set_data(cols, titles)
    assert m.end_s[2] == m.start_s[2] + DAY_S
    assert np.isnan(m.end_s[-1]) and not m.dated[-1]  # undated: still no end
    np.testing.assert_array_equal(cols.end_s, before)  # the columns were not written to
    keep = np.arange(len(before)) != 2
    np.testing.assert_array_equal(m.end_s[keep], before[keep])


@pytest.mark.parametrize("share", [0.05, 0.3, 0.9])  # built afresh, cut, all minus the rest
def test_lane_index_of_a_mask_counts_exactly_the_shown_events(qtbot, share: float) -> None:
    from desktop.viewmodel import density

    rng = np.random.default_rng(int(share * 100))
    n = 600
    start = np.sort(rng.integers(0, 300, n)).astype(float) * DAY_S + day_s("2024-01-01")
    start[-20:] = np.nan  # undated last, as the store keeps them
    cols = Columns(
        start_s=start,
        end_s=start + rng.integers(1, 40, n) * DAY_S,
        lane=rng.integers(0, 5, n).astype(np.int32),
        kind=np.zeros(n, dtype=np.int8),
        status=np.zeros(n, dtype=np.int8),
        precision=np.full(n, PRECISIONS.index("day"), dtype=np.int8),
        id=np.arange(1, n + 1, dtype=np.int64),
        n_mentions=np.ones(n, dtype=np.int32),
        lanes=list("ABCDE"),
    )
    m = TimelineModel()
    m.set_data(cols, {})
    mask = rng.random(n) < share
    m.set_mask(mask)
    index, codes = m.lane_index(), np.arange(m._n_codes)
    edges = density.pixel_edges(day_s("2023-12-01"), day_s("2025-03-01"), 333)
    shown = np.flatnonzero(mask)
    want = density.naive_column_counts(
        m.start_s[shown], m.end_s[shown], m.dated[shown], m._codes[shown], m._n_codes, edges
    )
    np.testing.assert_array_equal(density.column_counts(index, codes, edges), want)
