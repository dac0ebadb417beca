"""Negation handling: decide whether a pattern hit is cancelled by the words around it.

Two mechanisms, both data-driven:

* rule negations — a regex of the rule ("男女不限", "租房押金") whose match overlaps the hit;
* shared cues — "无需", "不收取", "公司承担" shortly before the hit, or "：无", "全免", "均可"
  shortly after it, inside the same clause. Clauses end at sentence punctuation, commas and 但,
  so "不收押金，但需交培训费800元" still reports the training fee.
"""
from __future__ import annotations

import re

from app.screening.models import NegationConfig


def clause_bounds(text: str, *, start: int, end: int, config: NegationConfig) -> tuple[int, int]:
    """The [begin, finish) of the clause holding text[start:end]."""
    begin = 0
    for match in config.clause_breaks.finditer(text, 0, start):
        begin = match.end()
    finish_match = config.clause_breaks.search(text, end)
    finish = finish_match.start() if finish_match else len(text)
    return begin, finish


def overlaps_negation(
    text: str, *, start: int, end: int, negations: tuple[re.Pattern[str], ...]
) -> bool:
    for pattern in negations:
        for match in pattern.finditer(text):
            if match.start() < end and start < match.end():
                return True
    return False


def has_negation_cue(text: str, *, start: int, end: int, config: NegationConfig) -> bool:
    begin, finish = clause_bounds(text, start=start, end=end, config=config)
    before = text[max(begin, start - config.pre_window) : start]
    after = text[end : min(finish, end + config.post_window)]
    return bool(config.pre_cues.search(before) or config.post_cues.search(after))


def is_negated(
    text: str,
    *,
    start: int,
    end: int,
    config: NegationConfig,
    negations: tuple[re.Pattern[str], ...],
    use_cues: bool,
) -> bool:
    if overlaps_negation(text, start=start, end=end, negations=negations):
        return True
    return use_cues and has_negation_cue(text, start=start, end=end, config=config)
