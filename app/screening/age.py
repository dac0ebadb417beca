"""Age limits: a ceiling or band with no legal basis ("35岁以下", "年龄18-30").

No statute forbids age limits outright, so these are *review* findings. A minimum age (年满18周岁)
is lawful protection of minors and is never flagged; a ceiling at or above retirement age is not
flagged; bands with a legal basis (就业见习 16–24, civil-service 18–35) are exempt when the
posting shows that basis.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.screening.models import Finding, Severity
from app.screening.text import parse_number


@dataclass(frozen=True)
class AgeExemption:
    pattern: re.Pattern[str] | None
    job_types: frozenset[str]
    within: tuple[int, int]
    note: str


@dataclass(frozen=True)
class AgeConfig:
    category: str
    code: str
    severity: Severity
    ceiling_below: int
    min_worker_age: int
    band_patterns: tuple[re.Pattern[str], ...]
    ceiling_patterns: tuple[re.Pattern[str], ...]
    exclusion_patterns: tuple[re.Pattern[str], ...]
    exemptions: tuple[AgeExemption, ...]
    explanation: str


@dataclass(frozen=True)
class AgeLimit:
    low: int | None
    high: int
    start: int
    end: int


def find_age_limits(text: str, *, config: AgeConfig) -> list[AgeLimit]:
    """Every age ceiling or band stated for the worker, without overlaps, in text order."""
    limits: list[AgeLimit] = []
    for pattern in config.band_patterns:
        for match in pattern.finditer(text):
            low, high = parse_number(match.group("lo")), parse_number(match.group("hi"))
            # "3-12岁少儿英语" describes the pupils, not the teacher.
            if low is not None and high is not None and config.min_worker_age <= low < high:
                limits.append(AgeLimit(low, high, match.start(), match.end()))
    for pattern in config.ceiling_patterns:
        for match in pattern.finditer(text):
            high = parse_number(match.group("hi"))
            if high is not None and high >= config.min_worker_age:
                limits.append(AgeLimit(None, high, match.start(), match.end()))
    for pattern in config.exclusion_patterns:
        for match in pattern.finditer(text):
            excluded_from = parse_number(match.group("excl"))
            if excluded_from is not None:
                limits.append(AgeLimit(None, excluded_from, match.start(), match.end()))
    return _without_overlaps(limits)


def is_exempt(
    limit: AgeLimit, *, text: str, job_type: str | None, config: AgeConfig
) -> bool:
    for exemption in config.exemptions:
        applies = job_type in exemption.job_types or (
            exemption.pattern is not None and exemption.pattern.search(text) is not None
        )
        low_ok = limit.low is None or limit.low >= exemption.within[0]
        if applies and low_ok and limit.high <= exemption.within[1]:
            return True
    return False


def check_age(
    text: str, *, job_type: str | None, config: AgeConfig, version: str
) -> list[Finding]:
    findings: list[Finding] = []
    for limit in find_age_limits(text, config=config):
        if limit.high >= config.ceiling_below:
            continue
        if is_exempt(limit, text=text, job_type=job_type, config=config):
            continue
        span = text[limit.start : limit.end]
        described = (
            f"{limit.low}–{limit.high}岁的年龄区间"
            if limit.low is not None
            else f"{limit.high}岁的年龄上限"
        )
        findings.append(
            Finding(
                code=config.code,
                category=config.category,
                severity=config.severity,
                span=span,
                start=limit.start,
                end=limit.end,
                explanation=config.explanation.format(span=span, limit=described),
                rule_version=version,
            )
        )
    return findings


def _without_overlaps(limits: list[AgeLimit]) -> list[AgeLimit]:
    # Longer statements first, so "年龄18-30岁" wins over a ceiling read inside it.
    kept: list[AgeLimit] = []
    for limit in sorted(limits, key=lambda item: (item.start - item.end, item.start)):
        if all(limit.end <= other.start or other.end <= limit.start for other in kept):
            kept.append(limit)
    return sorted(kept, key=lambda item: item.start)
