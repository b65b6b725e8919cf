"""Search ids become a mask over the columns: the id flags give exactly np.isin's answer."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from desktop.viewmodel.search_controller import Filters, IdPositions, filter_mask


@pytest.mark.parametrize("spread", [1, 10**9])  # dense ids (a table) and sparse ids (isin)
def test_mask_of_matches_isin(spread: int) -> None:
    rng = np.random.default_rng(4)
    ids = rng.permutation(5000).astype(np.int64) * spread + 1  # columns are in time order
    wanted = np.concatenate([rng.choice(ids, 700), [-5, 0, 10**15, ids[3]]])  # unknown ids
    positions = IdPositions(ids)
    assert (positions._top is None) == (spread > 1)
    np.testing.assert_array_equal(positions.mask_of(wanted), np.isin(ids, wanted))
    assert not positions.mask_of(np.zeros(0, dtype=np.int64)).any()


def test_filter_mask_with_and_without_positions_agree() -> None:
    ids = np.array([7, 3, 9, 1, 4], dtype=np.int64)
    columns = SimpleNamespace(
        id=ids,
        lanes=["A", "B"],
        lane=np.array([0, 1, 0, 1, 0]),
        kind=np.zeros(5, dtype=np.int8),
        status=np.zeros(5, dtype=np.int8),
        start_s=np.arange(5, dtype=np.float64),
        end_s=np.arange(5, dtype=np.float64) + 1,
    )
    text = np.array([9, 4, 1, 100])
    plain = filter_mask(columns, Filters(), text)
    assert plain.tolist() == [False, False, True, True, True]
    fast = filter_mask(columns, Filters(actor="A"), text, IdPositions(columns.id))
    assert fast.tolist() == [False, False, True, False, True]


def test_filter_mask_takes_a_kept_text_mask() -> None:
    columns = SimpleNamespace(
        id=np.array([5, 6, 7]),
        lanes=["A"],
        lane=np.zeros(3, dtype=np.int32),
        kind=np.zeros(3, dtype=np.int8),
        status=np.zeros(3, dtype=np.int8),
        start_s=np.zeros(3),
        end_s=np.ones(3),
    )
    kept = IdPositions(columns.id).mask_of(np.array([7, 5]))
    assert filter_mask(columns, Filters(), kept).tolist() == [True, False, True]
    with pytest.raises(ValueError):
        filter_mask(columns, Filters(), np.ones(4, dtype=bool))  # a mask of other columns


class _FakeStore:
    """What SearchController reads from a store model: columns and a search job."""

    def __init__(self, ids: np.ndarray) -> None:
        self.columns = _columns(ids)
        self.answer = np.zeros(0, dtype=np.int64)
        self.on_job = lambda: None

    def search_job(self, query: str):
        def job():
            self.on_job()  # e.g. the store changes while the query runs
            return query, self.answer

        return job


class _FakeTimeline:
    def __init__(self) -> None:
        self.masks: list[np.ndarray | None] = []

    def set_mask(self, mask: np.ndarray | None) -> None:
        self.masks.append(mask)


def _columns(ids: np.ndarray) -> SimpleNamespace:
    n = ids.size
    return SimpleNamespace(
        id=ids,
        lanes=["A"],
        lane=np.zeros(n, dtype=np.int32),
        kind=np.zeros(n, dtype=np.int8),
        status=np.zeros(n, dtype=np.int8),
        start_s=np.arange(n, dtype=np.float64),
        end_s=np.arange(n, dtype=np.float64) + 1,
    )


def test_controller_mask_made_by_the_worker_follows_new_columns(qapp) -> None:
    from desktop.viewmodel.search_controller import SearchController

    rng = np.random.default_rng(8)
    store, timeline = _FakeStore(rng.permutation(300).astype(np.int64) + 1), _FakeTimeline()
    controller = SearchController(store, timeline)
    store.answer = np.sort(rng.choice(store.columns.id, 120, replace=False))
    controller.set_query("x")
    assert controller.flush()
    np.testing.assert_array_equal(timeline.masks[-1], np.isin(store.columns.id, store.answer))

    newer = rng.permutation(400).astype(np.int64) + 1  # the store was refreshed meanwhile

    def refresh() -> None:
        store.columns = _columns(newer)

    store.on_job = refresh
    controller.set_query("y")
    assert controller.flush()
    np.testing.assert_array_equal(timeline.masks[-1], np.isin(newer, store.answer))


def test_a_search_superseded_before_it_starts_does_not_run(qapp) -> None:
    from desktop.viewmodel.search_controller import SearchController

    store, timeline = _FakeStore(np.arange(1, 50, dtype=np.int64)), _FakeTimeline()
    store.answer = np.array([3, 4], dtype=np.int64)
    controller = SearchController(store, timeline)
    queued: list = []
    controller._runner.run = queued.append  # hold the jobs, as a busy thread pool would
    ran: list[int] = []
    store.on_job = lambda: ran.append(1)
    controller.query = "old"
    controller._on_timer_timeout()
    controller.set_query("new")  # typed before the pool got to the "old" job
    shown = len(timeline.masks)
    controller._on_runner_finished(queued[0]())
    assert ran == [] and len(timeline.masks) == shown  # it skipped out, nothing applied
    controller._on_timer_timeout()
    controller._on_runner_finished(queued[1]())
    assert ran == [1]
    np.testing.assert_array_equal(timeline.masks[-1], np.isin(store.columns.id, [3, 4]))


def test_a_search_superseded_while_it_runs_makes_no_mask(qapp) -> None:
    from desktop.viewmodel.search_controller import SearchController

    store, timeline = _FakeStore(np.arange(1, 50, dtype=np.int64)), _FakeTimeline()
    store.answer = np.array([3, 4], dtype=np.int32)  # int32 ids, as id_search gives them
    controller = SearchController(store, timeline)
    queued: list = []
    controller._runner.run = queued.append
    controller.query = "old"
    controller._on_timer_timeout()
    store.on_job = lambda: controller.set_query("new")  # typed while "old" runs
    assert queued[0]() == ("old", None, None, None)  # nothing made, nothing kept
    store.on_job = lambda: None
    controller._on_timer_timeout()
    query, ids, _, mask = queued[1]()
    assert query == "new" and ids is None  # the mask stands for the ids, which are let go
    np.testing.assert_array_equal(mask, np.isin(store.columns.id, [3, 4]))
    controller._on_runner_finished((query, ids, _, mask))
    np.testing.assert_array_equal(timeline.masks[-1], mask)


def test_a_query_ending_in_one_letter_waits_longer(qapp) -> None:
    from desktop.viewmodel import search_controller as sc

    for text, one in (("s", True), ("nova h", True), ('"x', True), ("-k*", True), ("7", True)):
        assert sc.ends_in_one_letter(text) is one, text
    for text in ("", "  ", "sp", "nova", "s nova", "-", "*", "é1"):
        assert not sc.ends_in_one_letter(text), text
    store, timeline = _FakeStore(np.arange(1, 50, dtype=np.int64)), _FakeTimeline()
    controller = sc.SearchController(store, timeline)
    controller.set_query("s")
    assert controller._timer.interval() == sc.ONE_LETTER_DEBOUNCE_MS
    controller.set_query("sp")  # the next key: the short pause again, the "s" search never ran
    assert controller._timer.interval() == sc.DEBOUNCE_MS and controller._timer.isActive()
    store.answer = np.array([3], dtype=np.int64)
    assert controller.flush()
    np.testing.assert_array_equal(timeline.masks[-1], np.isin(store.columns.id, [3]))
