"""Screening of job postings for discrimination, fraud and poor quality (policy P10).

Usage::

    from app.screening import screen_posting, is_blocked

    findings = screen_posting(title="行政助理", description="限女性，22-30岁……")
    if is_blocked(findings):
        ...  # hold the posting back from matching

Rules live in ``app/screening/rules/rules_v1.toml`` (data, versioned); every finding carries the
rule-file version that produced it.
"""
from __future__ import annotations

from app.screening.screener import is_blocked, screen_posting
from app.screening.loader import DEFAULT_RULES_PATH, RuleFileError, load_ruleset
from app.screening.models import CATEGORIES, SEVERITIES, Finding, RuleSet
from app.screening.text import posting_text

__all__ = [
    "CATEGORIES",
    "DEFAULT_RULES_PATH",
    "RULESET_VERSION",
    "SEVERITIES",
    "Finding",
    "RuleFileError",
    "RuleSet",
    "is_blocked",
    "load_ruleset",
    "posting_text",
    "screen_posting",
]


def __getattr__(name: str) -> str:
    # RULESET_VERSION is read lazily so that importing the package does no file I/O.
    if name == "RULESET_VERSION":
        return load_ruleset().version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
