"""Screen one posting: run the data rules and the computed checks, return findings.

Pure and in-process (no I/O after the rule file is cached): the caller decides what a finding
means for the posting — P10 holds back blocked postings from matching and queues review ones.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import cast

from app.screening.age import check_age
from app.screening.loader import load_ruleset
from app.screening.models import NO_POSITION, SEVERITY_RANK, Finding, Rule, RuleSet, Severity
from app.screening.negation import is_negated
from app.screening.probation import check_probation
from app.screening.quality import check_quality, states_duties
from app.screening.salary import check_salary_range
from app.screening.text import fold_width, posting_text


def screen_posting(
    *,
    title: str,
    description: str,
    salary_min: int | None = None,
    salary_max: int | None = None,
    job_type: str | None = None,
    education_min: str | None = None,
    ruleset: RuleSet | None = None,
) -> list[Finding]:
    """All findings for one posting, most severe first, then in text order.

    Offsets index into ``posting_text(title=..., description=...)``.
    """
    rules = ruleset or load_ruleset()
    original = posting_text(title=title, description=description)
    # Folding is one character for one, so offsets found in `text` are valid in `original`.
    text = fold_width(original)
    folded_description = fold_width(description)
    duties_stated = states_duties(folded_description, config=rules.quality)

    findings: list[Finding] = []
    for rule in rules.rules:
        findings.extend(
            _apply_rule(
                rule,
                text=text,
                ruleset=rules,
                job_type=job_type,
                salary_min=salary_min,
                duties_stated=duties_stated,
            )
        )
    findings.extend(check_probation(text, config=rules.probation, version=rules.version))
    findings.extend(
        check_salary_range(
            text=text,
            salary_min=salary_min,
            salary_max=salary_max,
            config=rules.salary,
            version=rules.version,
        )
    )
    findings.extend(check_age(text, job_type=job_type, config=rules.age, version=rules.version))
    findings.extend(
        check_quality(
            description=folded_description,
            education_min=education_min,
            config=rules.quality,
            version=rules.version,
        )
    )
    # Spans are re-cut from the original so callers see exactly what the employer wrote.
    findings = [
        replace(f, span=original[f.start : f.end]) if f.start != NO_POSITION else f
        for f in findings
    ]
    return _sorted(_merge_overlaps(findings))


def is_blocked(findings: Iterable[Finding]) -> bool:
    """True when any finding must keep the posting out of matching (P10)."""
    return any(finding.severity == "block" for finding in findings)


def _apply_rule(
    rule: Rule,
    *,
    text: str,
    ruleset: RuleSet,
    job_type: str | None,
    salary_min: int | None,
    duties_stated: bool,
) -> list[Finding]:
    if rule.requires_missing_duties and duties_stated:
        return []
    if not all(p.search(text) for p in rule.requires):
        return []
    if any(p.search(text) for p in rule.requires_absent):
        return []
    spans = _unnegated_hits(rule, text=text, ruleset=ruleset)
    if not spans and rule.salary_min_at_least is not None and salary_min is not None:
        if salary_min >= rule.salary_min_at_least:
            spans = [(f"salary_min={salary_min}", NO_POSITION, NO_POSITION)]
    if not spans:
        return []
    severity, explanation = _severity_in_context(rule, text=text, job_type=job_type)
    if severity is None:
        return []
    return [
        Finding(
            code=rule.code,
            category=rule.category,
            severity=severity,
            span=span,
            start=start,
            end=end,
            explanation=explanation,
            rule_version=ruleset.version,
        )
        for span, start, end in spans
    ]


def _unnegated_hits(rule: Rule, *, text: str, ruleset: RuleSet) -> list[tuple[str, int, int]]:
    hits: list[tuple[str, int, int]] = []
    for pattern in rule.patterns:
        for match in pattern.finditer(text):
            # A named group `hit` narrows the span to the offending words inside the context.
            group = "hit" if "hit" in pattern.groupindex and match.group("hit") else 0
            start, end = match.span(group)
            if start == end:
                continue
            negated = is_negated(
                text,
                start=start,
                end=end,
                config=ruleset.negation,
                negations=rule.negations,
                use_cues=rule.use_negation_cues,
            )
            if not negated:
                hits.append((text[start:end], start, end))
    return hits


def _severity_in_context(
    rule: Rule, *, text: str, job_type: str | None
) -> tuple[Severity | None, str]:
    """The rule's severity, or the first matching legitimate-use context's (None = ignore)."""
    for context in rule.contexts:
        in_context = (job_type is not None and job_type in context.job_types) or any(
            p.search(text) for p in context.patterns
        )
        if in_context:
            explanation = f"{rule.explanation}{context.note}"
            if context.severity == "ignore":
                return None, explanation
            return cast(Severity, context.severity), explanation
    return rule.severity, rule.explanation


def _merge_overlaps(findings: list[Finding]) -> list[Finding]:
    """One finding per offending stretch of text and code: the most severe, then the longest."""
    ranked = sorted(
        findings, key=lambda f: (-SEVERITY_RANK[f.severity], -(f.end - f.start), f.start)
    )
    kept: list[Finding] = []
    for candidate in ranked:
        duplicate = any(
            other.code == candidate.code
            and (
                (candidate.start == NO_POSITION and other.start == NO_POSITION)
                or (candidate.start < other.end and other.start < candidate.end)
            )
            for other in kept
        )
        if not duplicate:
            kept.append(candidate)
    return kept


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.start, f.code))
