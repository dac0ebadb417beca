"""Probation periods against 《劳动合同法》第十九条.

Article 19: contract under 3 months → no probation; 3 months to under 1 year → at most 1 month;
1 to under 3 years → at most 2 months; 3 years or more, or open-ended → at most 6 months. A
contract "to complete a task" allows none. Anything over 6 months is illegal whatever the contract.
The limits and wording come from the rule file; this module only reads numbers and compares.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.screening.models import Finding, Severity
from app.screening.text import parse_number

_DAYS_PER_MONTH = 30.0
_MONTHS_PER_UNIT = {
    "年": 12.0, "个月": 1.0, "个月份": 1.0, "月": 1.0,
    "周": 7 / _DAYS_PER_MONTH, "星期": 7 / _DAYS_PER_MONTH,
    "天": 1 / _DAYS_PER_MONTH, "日": 1 / _DAYS_PER_MONTH,
}
# Open-ended contracts allow the same maximum as contracts of 3+ years.
_OPEN_ENDED_MONTHS = float("inf")


@dataclass(frozen=True)
class ProbationLimit:
    contract_below_months: float
    max_probation_months: float


@dataclass(frozen=True)
class ProbationConfig:
    category: str
    code: str
    mention_patterns: tuple[re.Pattern[str], ...]
    contract_patterns: tuple[re.Pattern[str], ...]
    open_ended_patterns: tuple[re.Pattern[str], ...]
    task_based_patterns: tuple[re.Pattern[str], ...]
    limits: tuple[ProbationLimit, ...]
    absolute_max_months: float
    absolute_severity: Severity
    contract_severity: Severity
    exemption_patterns: tuple[re.Pattern[str], ...]
    explanation_absolute: str
    explanation_contract: str


@dataclass(frozen=True)
class ProbationMention:
    months: float
    start: int
    end: int


def find_probation(text: str, *, config: ProbationConfig) -> ProbationMention | None:
    """The longest probation stated; for a range ("3-6个月") its upper end counts."""
    longest: ProbationMention | None = None
    for pattern in config.mention_patterns:
        for match in pattern.finditer(text):
            months = _mention_months(match)
            if months is not None and (longest is None or months > longest.months):
                longest = ProbationMention(months=months, start=match.start(), end=match.end())
    return longest


def find_contract_months(text: str, *, config: ProbationConfig) -> float | None:
    if any(p.search(text) for p in config.task_based_patterns):
        return 0.0
    if any(p.search(text) for p in config.open_ended_patterns):
        return _OPEN_ENDED_MONTHS
    for pattern in config.contract_patterns:
        match = pattern.search(text)
        if match:
            count = parse_number(match.group("n"))
            if count is not None and count > 0:
                return count * _MONTHS_PER_UNIT[match.group("unit")]
    return None


def max_probation_for(contract_months: float, *, config: ProbationConfig) -> float:
    for limit in config.limits:
        if contract_months < limit.contract_below_months:
            return limit.max_probation_months
    return config.absolute_max_months


def describe_months(months: float) -> str:
    if months == _OPEN_ENDED_MONTHS:
        return "无固定期限"
    if months >= 12 and months % 12 == 0:
        return f"{int(months // 12)}年"
    if months < 1:
        return f"{round(months * _DAYS_PER_MONTH)}天"
    return f"{months:g}个月"


def check_probation(text: str, *, config: ProbationConfig, version: str) -> list[Finding]:
    mention = find_probation(text, config=config)
    if mention is None or any(p.search(text) for p in config.exemption_patterns):
        return []
    span = text[mention.start : mention.end]
    probation = describe_months(mention.months)
    if mention.months > config.absolute_max_months:
        severity = config.absolute_severity
        explanation = config.explanation_absolute.format(probation=probation)
    else:
        contract_months = find_contract_months(text, config=config)
        if contract_months is None:
            return []
        limit = max_probation_for(contract_months, config=config)
        # Half a day of slack: "60天" is two months, not 2.0000001.
        if mention.months <= limit + 0.5 / _DAYS_PER_MONTH:
            return []
        severity = config.contract_severity
        explanation = config.explanation_contract.format(
            contract=describe_months(contract_months),
            limit="不得约定试用期" if limit == 0 else describe_months(limit),
            probation=probation,
        )
    return [
        Finding(
            code=config.code,
            category=config.category,
            severity=severity,
            span=span,
            start=mention.start,
            end=mention.end,
            explanation=explanation,
            rule_version=version,
        )
    ]


def _mention_months(match: re.Match[str]) -> float | None:
    groups = match.groupdict()
    if groups.get("half"):
        return 6.0
    first = parse_number(groups.get("a") or "")
    if first is None:
        return None
    second = parse_number(groups.get("b") or "")
    count = max(first, second) if second is not None else first
    return count * _MONTHS_PER_UNIT[groups["unit"]]
