"""Quality checks: is there enough text, does it say what the job is and what it asks for.

A posting that hides its duties is hard to verify, which is why 四(八)'s fight against fake
postings starts here; these findings are advisory (info/review), never blocking.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.screening.models import NO_POSITION, Finding, Severity


@dataclass(frozen=True)
class QualityConfig:
    category: str
    min_chars: int
    too_short_severity: Severity
    missing_severity: Severity
    duty_markers: tuple[re.Pattern[str], ...]
    requirement_markers: tuple[re.Pattern[str], ...]
    explanation_too_short: str
    explanation_missing_duties: str
    explanation_missing_requirements: str


def visible_length(text: str) -> int:
    return len("".join(text.split()))


def states_duties(description: str, *, config: QualityConfig) -> bool:
    return any(marker.search(description) for marker in config.duty_markers)


def states_requirements(description: str, *, config: QualityConfig) -> bool:
    return any(marker.search(description) for marker in config.requirement_markers)


def check_quality(
    *, description: str, education_min: str | None, config: QualityConfig, version: str
) -> list[Finding]:
    def finding(code: str, severity: Severity, explanation: str) -> Finding:
        return Finding(
            code=code,
            category=config.category,
            severity=severity,
            span="",
            start=NO_POSITION,
            end=NO_POSITION,
            explanation=explanation,
            rule_version=version,
        )

    if visible_length(description) < config.min_chars:
        # Too short to judge: "missing duties/requirements" would only repeat the same point.
        explanation = config.explanation_too_short.format(min_chars=config.min_chars)
        return [finding("too_short", config.too_short_severity, explanation)]
    findings: list[Finding] = []
    if not states_duties(description, config=config):
        findings.append(
            finding("missing_duties", config.missing_severity, config.explanation_missing_duties)
        )
    # A structured education requirement is a stated requirement even if the text says nothing.
    if education_min is None and not states_requirements(description, config=config):
        findings.append(
            finding(
                "missing_requirements",
                config.missing_severity,
                config.explanation_missing_requirements,
            )
        )
    return findings
