"""SIGKILL in the middle of `eventline ingest`: the store stays intact, holds no article without
its events, and the same ingest run again completes with the clean run's records."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import sys

import pytest

try:
    import hostile
    import hostile_ingest
    import hostile_stores
except ImportError:  # run as a package
    from tests import hostile, hostile_ingest, hostile_stores

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("articles")
    hostile.write_articles(folder, 24, random.Random(11))
    return folder


def test_kills_leave_whole_articles_and_rerun_completes(articles, tmp_path) -> None:
    report = hostile_ingest.kill_campaign(articles, tmp_path, kills=3, rng=random.Random(2),
                                          rerun_every=3)  # fmt: skip
    assert report.kills == 3
    assert report.corrupt == 0
    assert report.partial == 0
    assert report.reruns >= 1 and report.rerun_failures == 0


def test_partial_article_detector_sees_a_missing_mention(articles, tmp_path) -> None:
    db = tmp_path / "whole.db"
    assert hostile_ingest.run_ingest(db, articles, tmp_path) in (0, 1)
    clean = hostile_ingest.mention_counts(db)
    assert hostile_ingest.partial_documents(db, clean) == 0
    assert sum(clean.values()) > len(clean)  # the articles do produce events
    with contextlib.closing(sqlite3.connect(str(db))) as conn:
        conn.execute("DELETE FROM mentions WHERE id = (SELECT MAX(id) FROM mentions)")
        conn.commit()
    assert hostile_ingest.partial_documents(db, clean) == 1
    assert hostile_ingest.integrity_ok(db)


def test_integrity_check_sees_a_damaged_file(tmp_path) -> None:
    base = hostile_stores.valid_store_bytes(tmp_path)
    db = hostile_stores.make_hostile_store("zeroed_page", base, tmp_path / "z.db", random.Random(1))
    assert not hostile_ingest.integrity_ok(db)
