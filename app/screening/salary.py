"""Salary-range plausibility: "3000-50000" is a lure, not a pay scale.

The structured fields are trusted first; a range written only in the text ("薪资4k-40k") is read
when they are absent, so a platform that leaves the fields empty is still screened.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.screening.models import NO_POSITION, Finding, Severity

_UNIT = {"k": 1000, "千": 1000, "万": 10000, "w": 10000}


@dataclass(frozen=True)
class SalaryConfig:
    category: str
    code: str
    severity: Severity
    max_ratio: float
    min_plausible: int
    text_patterns: tuple[re.Pattern[str], ...]
    explanation: str


@dataclass(frozen=True)
class SalaryRange:
    low: float
    high: float
    span: str
    start: int
    end: int


def range_from_text(text: str, *, config: SalaryConfig) -> SalaryRange | None:
    for pattern in config.text_patterns:
        for match in pattern.finditer(text):
            high_unit = _UNIT.get((match.group("hiu") or "").lower(), 1)
            # "4-40k": an unmarked low end shares the high end's unit.
            low_unit = _UNIT.get((match.group("lou") or "").lower(), high_unit)
            low = float(match.group("lo")) * low_unit
            high = float(match.group("hi")) * high_unit
            if low >= config.min_plausible:
                start, end = match.start("lo"), match.end()
                return SalaryRange(low=low, high=high, span=text[start:end], start=start, end=end)
    return None


def check_salary_range(
    *,
    text: str,
    salary_min: int | None,
    salary_max: int | None,
    config: SalaryConfig,
    version: str,
) -> list[Finding]:
    if salary_min is not None and salary_max is not None:
        salary = SalaryRange(
            low=float(salary_min),
            high=float(salary_max),
            span=f"salary_min={salary_min}, salary_max={salary_max}",
            start=NO_POSITION,
            end=NO_POSITION,
        )
    elif salary_min is None and salary_max is None:
        found = range_from_text(text, config=config)
        if found is None:
            return []
        salary = found
    else:
        return []
    if salary.low < config.min_plausible or salary.high <= salary.low * config.max_ratio:
        return []
    explanation = config.explanation.format(
        lo=f"{salary.low:g}",
        hi=f"{salary.high:g}",
        ratio=salary.high / salary.low,
        max_ratio=config.max_ratio,
    )
    return [
        Finding(
            code=config.code,
            category=config.category,
            severity=config.severity,
            span=salary.span,
            start=salary.start,
            end=salary.end,
            explanation=explanation,
            rule_version=version,
        )
    ]
