"""The compact (array) BM25 index scores exactly as the earlier per-posting Counter index did, and an
index changed by upserts and removes scores as one built fresh from the final postings."""
from __future__ import annotations

import random

import numpy as np
import pytest

from app.matching.lexical import LexicalIndex
from tests.unit.lexical_reference import ReferenceLexicalIndex

_WORDS = ["电气", "工程师", "护士", "护理", "会计", "销售", "数控车床", "焊工", "PLC", "CAD", "Java", "Python",
          "Excel", "养老护理员", "叉车证", "图纸", "调试", "客户", "维护", "财务", "纳税申报", "直播带货", "跨境电商",
          "研发", "实验", "化工", "海洋", "旅游", "导游", "教师资格证", "幼儿", "驾照", "前台", "接待", "物流"]


def _corpus(seed: int, n: int) -> dict[int, str]:
    rng = random.Random(seed)
    return {doc_id: "，".join(rng.choices(_WORDS, k=rng.randint(1, 25))) for doc_id in rng.sample(range(1, 10 * n), n)}


_QUERIES = ["PLC 电气 调试", "护士执业资格 护理", "会计 Excel 财务", "数控", "完全无关", "java python 研发",
            "跨境电商 直播带货 客户维护", "教师资格证 幼儿", "图纸"]


def _assert_same(compact: LexicalIndex, reference: ReferenceLexicalIndex) -> None:
    assert len(compact) == len(reference)
    for query in _QUERIES:
        ids, raw, mass = compact._raw_arrays(query)
        ref_ids, ref_raw, ref_mass = reference._raw_arrays(query)
        assert mass == pytest.approx(ref_mass, rel=1e-9)
        assert dict(zip(ids.tolist(), raw.tolist())) == pytest.approx(
            dict(zip(ref_ids.tolist(), ref_raw.tolist())), rel=1e-5)
        assert compact.scores(query) == pytest.approx(reference.scores(query), rel=1e-5)


@pytest.mark.parametrize("rebuild_after", [0, 7, 10_000])
def test_scores_equal_the_counter_index_through_upserts_and_removes(rebuild_after: int) -> None:
    compact, reference = LexicalIndex(rebuild_after=rebuild_after), ReferenceLexicalIndex(rebuild_after=rebuild_after)
    corpus = _corpus(1, 300)
    for index in (compact, reference):
        index.upsert_many(corpus.items())
    _assert_same(compact, reference)
    rng = random.Random(2)
    ids = sorted(corpus)
    for step in range(40):  # interleaved rewrites, removals and new postings, as the change feed brings them
        rewrites = {doc_id: "，".join(rng.choices(_WORDS, k=rng.randint(1, 20))) for doc_id in rng.sample(ids, 5)}
        gone = rng.sample(ids, 3) + [10**9]  # an unknown id is ignored
        fresh = {10**6 + step * 10 + i: "，".join(rng.choices(_WORDS, k=8)) for i in range(2)}
        for index in (compact, reference):
            index.upsert_many({**rewrites, **fresh}.items())
            index.remove(gone)
        ids = sorted((set(ids) | set(fresh)) - set(gone))
        if step % 10 == 9:
            _assert_same(compact, reference)
    for index in (compact, reference):
        index.compact()
    _assert_same(compact, reference)


def test_incremental_changes_equal_a_fresh_build() -> None:
    first, final = _corpus(3, 200), _corpus(4, 200)
    incremental = LexicalIndex(rebuild_after=25)
    incremental.upsert_many(first.items())
    incremental.compact()
    incremental.remove([doc_id for doc_id in first if doc_id not in final])
    incremental.upsert_many(final.items())
    fresh = LexicalIndex()
    fresh.upsert_many(sorted(final.items()))
    for index in (incremental, fresh):
        index.compact()
    assert len(incremental) == len(fresh) == len(final)
    for query in _QUERIES:
        assert incremental.scores(query) == pytest.approx(fresh.scores(query), rel=1e-6)
    # Pruned vocabulary: terms only the removed postings had are gone from the matrix.
    assert sorted(incremental.export_arrays().terms) == sorted(fresh.export_arrays().terms)


def test_arrays_round_trip_without_retokenising(monkeypatch: pytest.MonkeyPatch) -> None:
    built = LexicalIndex()
    built.upsert_many(_corpus(5, 150).items())
    arrays = built.export_arrays()
    loaded = LexicalIndex.from_arrays(arrays)
    assert len(loaded) == len(built)
    for query in _QUERIES:
        assert loaded.scores(query) == pytest.approx(built.scores(query), rel=1e-6)
    # The loaded base keeps the saved arrays themselves (a memory-mapped snapshot stays shared).
    assert np.shares_memory(loaded.export_arrays().data, arrays.data)
    # And changes on top of a loaded base behave as on a built one.
    for index in (loaded, built):
        index.upsert_many([(42, "PLC 电气 调试 工程师"), (7, "会计")])
        index.remove([next(iter(_corpus(5, 150)))])
    for query in _QUERIES:
        assert loaded.scores(query) == pytest.approx(built.scores(query), rel=1e-6)


def test_membership_and_length_follow_writes() -> None:
    index = LexicalIndex(rebuild_after=1)
    index.upsert_many([(1, "护士"), (2, "会计"), (3, "电气")])
    index.compact()
    index.upsert(2, "会计 财务")
    index.remove([3])
    assert 1 in index and 2 in index and 3 not in index and "1" not in index
    assert len(index) == 2
    assert set(index.scores("财务")) == {2}
