"""Small helpers shared by the synthetic generators; all randomness goes through a seeded rng."""
from __future__ import annotations

import random
from typing import TypeVar

T = TypeVar("T")


def weighted_choice(rng: random.Random, weighted: tuple[tuple[T, int], ...]) -> T:
    """Pick one item from (item, weight) pairs; order of pairs is fixed so runs repeat."""
    return rng.choices([item for item, _ in weighted], weights=[weight for _, weight in weighted])[0]


def round_to(value: float, step: int) -> int:
    return int(round(value / step)) * step
