"""Hostile search strings: anything typed in the search box or given to --query searches or
finds nothing; it never raises and never reaches SQL or FTS5 as syntax."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import EventStore
from desktop.store.search_query import parse

try:
    import hostile
except ImportError:  # run as a package
    from tests import hostile

QUERIES = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from(hostile.QUERY_ALPHABET), max_size=60),
    st.lists(st.sampled_from(hostile.QUERY_WORDS), max_size=12).map(" ".join),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = hostile.make_hostile_text_store(tmp_path_factory.mktemp("q") / "q.db", 5000)
    with EventStore.open(path) as opened:
        yield opened


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERIES)
def test_any_query_searches_without_error(store, query) -> None:
    ids = store.search(query)
    assert ids == sorted(set(ids))
    assert set(ids) <= {r.id for r in store.list_events()}
    assert isinstance(store.search_documents(query), list)


def test_random_long_and_operator_queries(store) -> None:
    rng = random.Random(5)
    for _ in range(200):
        store.search(hostile.random_query(rng))
    assert store.search("x" * 10_000) == []
    assert store.search("NEAR(" * 2000) == []


@pytest.mark.parametrize(
    "query",
    ['"<b>', "<script>", "^hostile", "hostile OR evil", "( hostile"],
)
def test_markup_and_operators_are_searched_as_text(store, query) -> None:
    found = store.search(query)
    key_ids = [r.id for r in store.list_events() if r.key == hostile.HOSTILE_KEY]
    assert parse(query).include is not None
    assert key_ids and key_ids[0] in found


def test_injection_text_leaves_the_store_intact(store) -> None:
    before = store.count_events()
    assert store.search("'; DROP TABLE events; --") == []
    assert store.search('") OR 1=1 --') == store.search("1=1")
    assert store.count_events() == before
