"""EventStore behaviour on real SQLite files: writing, merging, reading, columns, exchange."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from desktop.extract.types import ANCHORS, KINDS, PRECISIONS, STATUSES
from desktop.store import APPLICATION_ID, SCHEMA_VERSION, EventStore, StoreError

try:
    from tests import store_fixtures as fx
except ImportError:  # tests/ is not a package
    import store_fixtures as fx


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return fx.make_sample_store(tmp_path / "sample.eventline")


def test_create_marks_file_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with EventStore.create_or_open(path) as store:
        assert not store.readonly
        result = store.add_document(fx.doc_a(), fx.events_a())
        uuid = store.uuid
    assert result.added and result.events_new == 6 and result.mentions == 6
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with EventStore.open(path) as store:
        assert store.readonly and store.uuid == uuid
        assert store.count_events() == 6
        assert store.has_document(fx.doc_a().id)
        doc = store.get_document(fx.doc_a().id)
        assert doc is not None and doc.text == fx.TEXT_A and doc.published == "2025-03-25"


def test_checkpoint_on_close_leaves_a_complete_file(tmp_path: Path) -> None:
    path = fx.make_sample_store(tmp_path / "s.db")
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())
    with EventStore.open(copy) as store:
        assert store.count_events() == fx.SAMPLE_EVENT_COUNT


def test_add_is_idempotent_and_writes_nothing_twice(store_path: Path) -> None:
    with EventStore.create_or_open(store_path) as store:
        generation = store.generation
        again = store.add_document(fx.doc_b(), fx.events_b())
        assert again.added is False and again.mentions == 0
        assert again.document_id == fx.doc_b().id
        assert store.generation == generation
        assert store.count_events() == fx.SAMPLE_EVENT_COUNT


def test_generation_bumps_once_per_write(tmp_path: Path) -> None:
    with EventStore.create_or_open(tmp_path / "g.db") as store:
        assert store.generation == 0
        store.add_document(fx.doc_a(), fx.events_a())
        assert store.generation == 1
        store.add_document(fx.doc_b(), fx.events_b())
        assert store.generation == 2
        store.update_event(1, title="edited")
        assert store.generation == 3


def test_reader_sees_generation_of_a_concurrent_writer(store_path: Path) -> None:
    with EventStore.open(store_path) as reader, EventStore.create_or_open(store_path) as w:
        before = reader.generation
        w.update_event(1, summary="changed")
        assert reader.generation == before + 1


def test_merge_across_documents(store_path: Path) -> None:
    with EventStore.open(store_path) as store:
        detail = store.get_event_by_key("baidu-ernie-4.5-release")
        assert detail is not None
        assert detail.event.n_mentions == 2
        assert {m.doc_file_name for m in detail.mentions} == {"a_labs.txt", "b_baidu.txt"}
        # the reconciled date is the most precise claim (day beats "this month")
        assert (detail.event.start, detail.event.precision) == ("2025-03-16", "day")
        assert {m.precision for m in detail.mentions} == {"day", "month"}
        assert set(detail.documents) == {fx.doc_a().id, fx.doc_b().id}
        assert all(d.text for d in detail.documents.values())


def test_merge_counts_and_reconciles_when_precise_claim_comes_second(tmp_path: Path) -> None:
    with EventStore.create_or_open(tmp_path / "m.db") as store:
        first = store.add_document(fx.doc_b(), fx.events_b())
        second = store.add_document(fx.doc_a(), fx.events_a())
        assert (first.events_new, first.events_merged) == (5, 0)
        assert (second.events_new, second.events_merged) == (5, 1)
        event = store.get_event_by_key("baidu-ernie-4.5-release").event
        assert (event.start, event.end, event.precision) == ("2025-03-16", "2025-03-16", "day")
        assert event.subject == "Ernie 4.5; Ernie X1"


def test_different_events_with_same_slug_get_distinct_keys(tmp_path: Path) -> None:
    text = "Baidu released Ernie Bot in 2023. Baidu released Ernie Bot in 2019."
    doc = fx.Document(text, "x.txt", published=fx.PUBLISHED_A)
    evs = [
        fx.event(
            text,
            "Baidu released Ernie Bot in 2023.",
            fx.iv("2023-01-01", "2023-12-31", "year"),
            actor="Baidu",
            subject="Ernie Bot",
        ),
        fx.event(
            text,
            "Baidu released Ernie Bot in 2019.",
            fx.iv("2019-01-01", "2019-12-31", "year"),
            actor="Baidu",
            subject="Ernie Bot",
        ),
    ]
    with EventStore.create_or_open(tmp_path / "k.db") as store:
        result = store.add_document(doc, evs)
        keys = [e.key for e in store.list_events()]
    assert result.events_new == 2
    assert keys == ["baidu-ernie-bot-release-2", "baidu-ernie-bot-release"]


def test_user_events_are_never_overwritten(tmp_path: Path) -> None:
    with EventStore.create_or_open(tmp_path / "u.db") as store:
        store.add_document(fx.doc_b(), fx.events_b())
        ernie = store.get_event_by_key("baidu-ernie-4.5-release").event
        edited = store.update_event(
            ernie.id, title="My title", start="2025-03-01", end="2025-03-31", precision="month"
        )
        assert edited.origin == "user" and edited.title == "My title"
        store.add_document(fx.doc_a(), fx.events_a())
        after = store.get_event(ernie.id)
    assert after is not None and after.event == dataclasses.replace(edited, n_mentions=2)


def test_update_event_rejects_bad_fields(store_path: Path) -> None:
    with EventStore.create_or_open(store_path) as store:
        for bad in ({"origin": "x"}, {"kind": "party"}, {"start": "March"}):
            with pytest.raises(StoreError):
                store.update_event(1, **bad)
        with pytest.raises(StoreError):
            store.update_event(999, title="x")


def test_evidence_must_match_document_text(tmp_path: Path) -> None:
    bad = dataclasses.replace(fx.events_a()[0], start=3)
    with EventStore.create_or_open(tmp_path / "e.db") as store:
        with pytest.raises(StoreError, match=r"a_labs\.txt"):
            store.add_document(fx.doc_a(), [bad])
        assert not store.has_document(fx.doc_a().id)  # the transaction rolled back whole
        assert store.generation == 0


def test_readonly_store_refuses_writes(store_path: Path) -> None:
    with EventStore.open(store_path) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add_document(fx.Document("new text", "n.txt"), [])
        with pytest.raises(StoreError, match="read-only"):
            store.update_event(1, title="x")


def test_list_events_order_and_subsets(store_path: Path) -> None:
    with EventStore.open(store_path) as store:
        events = store.list_events()
        assert len(events) == fx.SAMPLE_EVENT_COUNT
        dated = [e.start for e in events if e.start]
        assert dated == sorted(dated) and events[-1].start is None
        some = [events[5].id, events[0].id, events[-1].id]
        assert [e.id for e in store.list_events(some)] == [
            events[0].id,
            events[5].id,
            events[-1].id,
        ]
        assert store.list_events([]) == []
        assert store.get_event(123456) is None and store.get_event_by_key("nope") is None


def test_sample_store_has_the_promised_variety(store_path: Path) -> None:
    with EventStore.open(store_path) as store:
        events = store.list_events()
        assert {e.actor for e in events} == {"Baidu", "Alibaba", "Tencent"}
        assert {"day", "month", "season", "year", "unknown"} <= {e.precision for e in events}
        assert {"planned", "reported", "happened"} == {e.status for e in events}
        assert any("<b>bold</b>" in e.title for e in events)
        assert store.actors() == ["Alibaba", "Baidu", "Tencent"]
        assert len(store.documents()) == 2 and store.documents()[0].text is None
        assert store.documents(include_text=True)[0].text == fx.TEXT_A


def test_mentions_of_document(store_path: Path) -> None:
    with EventStore.open(store_path) as store:
        mentions = store.mentions_of_document(fx.doc_b().id)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert len(mentions) == 5
    for m in mentions:
        assert fx.TEXT_B[m.start : m.end] == m.evidence


def test_columns_sorted_and_consistent_with_list_events(store_path: Path) -> None:
    with EventStore.open(store_path) as store:
        cols = store.columns()
        events = store.list_events()
    assert len(cols) == len(events)
    assert cols.id.dtype == np.int64 and cols.start_s.dtype == np.float64
    assert cols.lane.dtype == np.int32 and cols.kind.dtype == np.int8
    assert list(cols.id) == [e.id for e in events]
    dated = cols.start_s[~np.isnan(cols.start_s)]
    assert np.all(np.diff(dated) >= 0) and np.isnan(cols.start_s[-1])
    assert cols.lanes == ["Baidu", "Alibaba", "Tencent"]  # 4, 3, 3 events; Alibaba came first
    for i, e in enumerate(events):
        assert cols.lanes[cols.lane[i]] == e.actor
        assert KINDS[cols.kind[i]] == e.kind and STATUSES[cols.status[i]] == e.status
        assert PRECISIONS[cols.precision[i]] == e.precision
        assert cols.n_mentions[i] == e.n_mentions
    ernie = events.index(next(e for e in events if e.key == "baidu-ernie-4.5-release"))
    assert cols.start_s[ernie] == 1742083200.0  # 2025-03-16T00:00Z
    assert cols.end_s[ernie] - cols.start_s[ernie] == 86400.0
    summer = next(i for i, e in enumerate(events) if e.key.startswith("tencent-hunyuan"))
    assert cols.start_s[summer] == 1748736000.0  # 2025-06-01T00:00Z
    assert cols.end_s[summer] - cols.start_s[summer] == 92 * 86400.0  # June to August


def test_columns_of_empty_store(tmp_path: Path) -> None:
    with EventStore.create_or_open(tmp_path / "empty.db") as store:
        cols = store.columns()
    assert len(cols) == 0 and cols.start_s.shape == (0,) and cols.lanes == []


def test_exchange_records_are_deterministic_and_exact(store_path: Path, tmp_path: Path) -> None:
    with EventStore.open(store_path) as store:
        records = store.exchange_records()
        texts = {d.id: d.text for d in store.documents(include_text=True)}
    assert len(records) == 11
    for r in records:
        assert texts[r["doc_id"]][r["start"] : r["end"]] == r["evidence"]
        assert "ingested_at" not in r
    keys = [
        (r["date"] is None, r["date"] or "", r["event_key"], r["doc"], r["start"]) for r in records
    ]
    assert keys == sorted(keys) and records[-1]["date"] is None
    season = next(r for r in records if r["precision"] == "season" and r["status"] == "planned")
    assert (season["date"], season["date_end"]) == ("2025-06", "2025-08")
    assert "date_end" not in next(r for r in records if r["precision"] == "month")
    # the same documents added in the other order give the same records
    other = tmp_path / "other.db"
    with EventStore.create_or_open(other) as store:
        store.add_document(fx.doc_b(), fx.events_b())
        store.add_document(fx.doc_a(), fx.events_a())
        assert store.exchange_records() == records


def test_exchange_records_alt_evidence_and_subset(tmp_path: Path) -> None:
    text = fx.TEXT_A
    ev = fx.event(
        text,
        "Alibaba released Qwen2.5-Max in January.",
        fx.iv("2025-01-01", "2025-01-31", "month"),
        actor="Alibaba",
        subject="Qwen2.5-Max",
        alt=("Chinese AI labs race ahead",),
    )
    with EventStore.create_or_open(tmp_path / "alt.db") as store:
        store.add_document(fx.doc_a(), [ev, fx.events_a()[0]])
        ids = [e.id for e in store.list_events() if e.actor == "Alibaba"]
        records = store.exchange_records(ids)
    assert len(records) == 1
    assert records[0]["alt_evidence"] == ["Chinese AI labs race ahead"]
    assert records[0]["event_key"] == "alibaba-qwen2.5-max-release"


def test_add_documents_is_one_transaction(tmp_path: Path) -> None:
    with EventStore.create_or_open(tmp_path / "bulk.db") as store:
        results = store.add_documents([(fx.doc_a(), fx.events_a()), (fx.doc_b(), fx.events_b())])
        assert [r.added for r in results] == [True, True]
        assert store.generation == 1 and store.count_events() == fx.SAMPLE_EVENT_COUNT
        bad = dataclasses.replace(fx.events_b()[0], end=0)
        other = fx.Document("Other text.", "o.txt")
        with pytest.raises(StoreError):
            store.add_documents([(other, []), (fx.Document("x y", "x.txt"), [bad])])
        assert not store.has_document(other.id) and store.generation == 1


def test_columns_anchor_codes(store_path: Path) -> None:
    with EventStore.open(store_path) as store:
        cols, events = store.columns(), store.list_events()
    assert cols.anchor is not None and cols.anchor.dtype == np.int8
    assert [ANCHORS[a] for a in cols.anchor] == [e.anchor for e in events]


def test_update_event_keeps_a_valid_interval(store_path: Path) -> None:
    with EventStore.create_or_open(store_path) as store:
        event = store.get_event_by_key("baidu-ernie-4.5-release").event
        with pytest.raises(StoreError, match="interval"):
            store.update_event(event.id, start="2025-04-01")  # after its end
        with pytest.raises(StoreError, match="interval"):
            store.update_event(event.id, end=None)
        assert store.get_event(event.id).event == event


def test_two_writers_on_one_file_take_turns(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    with EventStore.create_or_open(path) as one, EventStore.create_or_open(path) as two:
        assert one.uuid == two.uuid
        one.add_document(fx.doc_a(), fx.events_a())
        result = two.add_document(fx.doc_b(), fx.events_b())
        assert result.events_merged == 1  # two saw what one wrote
        assert one.add_document(fx.doc_b(), fx.events_b()).added is False
        assert one.generation == two.generation == 2


def test_store_usable_from_another_thread(store_path: Path) -> None:
    import threading

    with EventStore.open(store_path) as store:
        found: list[int] = []
        worker = threading.Thread(target=lambda: found.extend(store.search("ernie")))
        worker.start()
        worker.join(10)
        assert found == store.search("ernie") != []


def test_bulk_load_rows(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from desktop.store.bulk import DOCUMENT_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS

    text = "Acme Labs shipped Rocket 1.0."
    doc = dict(
        zip(DOCUMENT_COLUMNS, ["d1", "d.txt", None, "", None, "none", text, "t"], strict=True)
    )
    ev = dict(
        zip(
            EVENT_COLUMNS,
            [
                7,
                "synth-7",
                "2024-05-01",
                "2024-05-31",
                "month",
                "explicit",
                "happened",
                "release",
                "Acme Labs",
                "acme-labs",
                "Rocket 1.0",
                "Acme ships Rocket",
                "",
                0.9,
                "extracted",
                "t",
            ],
            strict=True,
        )
    )
    mention = {
        **{c: ev.get(c) for c in MENTION_COLUMNS},
        "event_id": 7,
        "document_id": "d1",
        "start": 0,
        "end": len(text),
        "date_start": "2024-05-01",
        "date_end": "2024-05-31",
        "resolution": "",
        "actor_text": "Acme Labs",
        "subject_text": "Rocket 1.0",
        "evidence": text,
    }
    chunk = SimpleNamespace(
        documents=[tuple(doc.values())],
        events=[tuple(ev.values())],
        mentions=[tuple(mention[c] for c in MENTION_COLUMNS)],
    )
    with EventStore.create_or_open(tmp_path / "bulk.db") as store:
        assert store.bulk_load([chunk]) == 1
        assert store.generation == 1 and store.actors() == ["Acme Labs"]
        assert store.search("rocket 1.0") == [7]
        assert store.exchange_records()[0]["evidence"] == text
        assert store.columns().n_mentions.tolist() == [1]
