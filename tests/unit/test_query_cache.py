"""The query vector cache (issue 10, item 8): hits skip the encoder, a model change misses, the size
is bounded, and concurrent callers get correct vectors."""
from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from app.matching.encoder import HashingEncoder
from app.matching.query_cache import QueryVectorCache


class CountingEncoder:
    """Wraps an encoder and records every text it is asked to embed as a query."""

    def __init__(self, inner: HashingEncoder, *, model_id: str | None = None) -> None:
        self.inner = inner
        self.model_id = model_id or inner.model_id
        self.dim = inner.dim
        self.queries: list[str] = []
        self._lock = threading.Lock()

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            self.queries.extend(texts)
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode_passages(texts)


def test_a_repeated_text_is_not_encoded_again() -> None:
    encoder = CountingEncoder(HashingEncoder())
    cache = QueryVectorCache(max_entries=10)
    first = cache.encode_queries(encoder, ["护理学 护士执业资格"])
    again = cache.encode_queries(encoder, ["护理学 护士执业资格"])
    assert encoder.queries == ["护理学 护士执业资格"]
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(first, HashingEncoder().encode_queries(["护理学 护士执业资格"]))
    mixed = cache.encode_queries(encoder, ["会计学", "护理学 护士执业资格", "会计学"])
    assert encoder.queries == ["护理学 护士执业资格", "会计学"]  # only the unseen text, once
    assert mixed.shape == (3, encoder.dim)
    np.testing.assert_array_equal(mixed[1], first[0])
    assert (cache.hits, cache.misses) == (3, 2)


def test_a_model_change_misses() -> None:
    cache = QueryVectorCache(max_entries=10)
    old = CountingEncoder(HashingEncoder())
    new = CountingEncoder(HashingEncoder(dim=128), model_id="hashing/other-model@2")
    cache.encode_queries(old, ["电气工程及其自动化"])
    vector = cache.encode_queries(new, ["电气工程及其自动化"])
    assert new.queries == ["电气工程及其自动化"] and vector.shape == (1, 128)
    cache.encode_queries(old, ["电气工程及其自动化"])
    assert old.queries == ["电气工程及其自动化"]  # the old model's entry is still there


def test_size_is_bounded_least_recently_used_first_out() -> None:
    encoder = CountingEncoder(HashingEncoder())
    cache = QueryVectorCache(max_entries=2)
    cache.encode_queries(encoder, ["a"])
    cache.encode_queries(encoder, ["b"])
    cache.encode_queries(encoder, ["a"])  # a is now the most recent
    cache.encode_queries(encoder, ["c"])  # evicts b
    assert len(cache) == 2
    cache.encode_queries(encoder, ["a"])
    cache.encode_queries(encoder, ["b"])
    assert encoder.queries == ["a", "b", "c", "b"]


def test_size_zero_turns_it_off() -> None:
    encoder = CountingEncoder(HashingEncoder())
    cache = QueryVectorCache(max_entries=0)
    cache.encode_queries(encoder, ["a"])
    cache.encode_queries(encoder, ["a"])
    assert encoder.queries == ["a", "a"] and len(cache) == 0


def test_concurrent_callers_get_their_own_vectors() -> None:
    encoder = CountingEncoder(HashingEncoder())
    cache = QueryVectorCache(max_entries=8)
    texts = [f"专业{i}" for i in range(16)]  # twice the capacity: hits, misses and evictions interleave
    expected = {text: HashingEncoder().encode_queries([text])[0] for text in texts}
    errors: list[str] = []

    def work(offset: int) -> None:
        for step in range(200):
            text = texts[(offset + step) % len(texts)]
            if not np.array_equal(cache.encode_queries(encoder, [text])[0], expected[text]):
                errors.append(text)

    threads = [threading.Thread(target=work, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(cache) <= 8
    assert cache.hits + cache.misses == 800 and len(encoder.queries) == cache.misses


def test_the_text_itself_is_not_kept() -> None:
    """An unsaved profile is not stored: the cache keys on a digest of its text, not the text."""
    cache = QueryVectorCache(max_entries=4)
    intro = "张晓梅，临沂市兰山区人，患有听力障碍"
    cache.encode_queries(HashingEncoder(), [intro])
    assert len(cache) == 1
    assert not any(intro in repr(key) or intro.encode() in key[1] for key in cache._vectors)
