"""P9 bounded priority and protected-attribute invariance, as properties."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.matching.scorer import Scored, apply_priority

BAND = 0.05

items_strategy = st.lists(
    st.tuples(st.floats(min_value=0.0, max_value=1.0, allow_nan=False), st.booleans()),
    min_size=1, max_size=40,
)


def _rank(raw: list[tuple[float, bool]]) -> list[Scored]:
    return apply_priority([Scored(item_id=i, components={}, relevance=rel, priority=prio)
                           for i, (rel, prio) in enumerate(raw)], band=BAND)


@given(items_strategy)
@settings(max_examples=300)
def test_a_priority_item_never_passes_a_clearly_better_one(raw: list[tuple[float, bool]]) -> None:
    ranked = _rank(raw)
    for above_index, above in enumerate(ranked):
        for below in ranked[above_index + 1:]:
            if above.priority and not below.priority:
                # Lifted over `below` only if `below` was less than a band better.
                assert below.relevance - above.relevance < BAND + 1e-12


@given(items_strategy)
@settings(max_examples=300)
def test_within_the_band_the_priority_item_goes_first(raw: list[tuple[float, bool]]) -> None:
    ranked = _rank(raw)
    position = {item.item_id: index for index, item in enumerate(ranked)}
    for a in ranked:
        for b in ranked:
            if a.priority and not b.priority and b.relevance - a.relevance < BAND - 1e-9:
                assert position[a.item_id] < position[b.item_id]


@given(items_strategy)
def test_non_priority_items_keep_their_relevance_order(raw: list[tuple[float, bool]]) -> None:
    plain = [item for item in _rank(raw) if not item.priority]
    assert [item.relevance for item in plain] == sorted((item.relevance for item in plain), reverse=True)
