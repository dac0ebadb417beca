"""Value types of the screening engine: findings and the compiled rule set.

Everything here is immutable so that one cached ``RuleSet`` can be shared by every request and
thread of a process without locking.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from app.screening.age import AgeConfig
    from app.screening.probation import ProbationConfig
    from app.screening.quality import QualityConfig
    from app.screening.salary import SalaryConfig

Severity = Literal["block", "review", "info"]
# "ignore" only appears in contexts: a legitimate-use context that drops the finding.
ContextSeverity = Literal["block", "review", "info", "ignore"]
Category = Literal["discrimination", "fraud", "quality"]

SEVERITIES: tuple[Severity, ...] = ("block", "review", "info")
CATEGORIES: tuple[Category, ...] = ("discrimination", "fraud", "quality")
SEVERITY_RANK: dict[str, int] = {"info": 0, "review": 1, "block": 2}

# Findings about the posting as a whole or about structured fields have no text position.
NO_POSITION = -1


@dataclass(frozen=True)
class Finding:
    """One problem found in a posting.

    ``start``/``end`` index into :func:`app.screening.posting_text` (title, newline, description),
    so ``posting_text(...)[start:end] == span``; both are -1 when the finding is about structured
    fields (salary) or the posting as a whole (quality).
    """

    code: str
    category: str
    severity: Severity
    span: str
    start: int
    end: int
    explanation: str
    rule_version: str


@dataclass(frozen=True)
class Context:
    """A legitimate-use context that changes a rule's severity when present in the posting."""

    patterns: tuple[re.Pattern[str], ...]
    job_types: frozenset[str]
    severity: ContextSeverity
    note: str


@dataclass(frozen=True)
class Rule:
    """A data-defined pattern rule, compiled."""

    id: str
    category: Category
    code: str
    severity: Severity
    explanation: str
    patterns: tuple[re.Pattern[str], ...]
    negations: tuple[re.Pattern[str], ...] = ()
    use_negation_cues: bool = True
    contexts: tuple[Context, ...] = ()
    requires: tuple[re.Pattern[str], ...] = ()
    requires_absent: tuple[re.Pattern[str], ...] = ()
    requires_missing_duties: bool = False
    salary_min_at_least: int | None = None


@dataclass(frozen=True)
class NegationConfig:
    """Shared negation cues: "无需押金", "押金：无", "不限户籍" cancel the hit they govern."""

    clause_breaks: re.Pattern[str]
    pre_cues: re.Pattern[str]
    post_cues: re.Pattern[str]
    pre_window: int
    post_window: int


@dataclass(frozen=True)
class RuleSet:
    version: str
    source: str
    rules: tuple[Rule, ...]
    negation: NegationConfig
    probation: ProbationConfig
    salary: SalaryConfig
    age: AgeConfig
    quality: QualityConfig
    # Codes per category, for reports and for validating labelled data.
    codes: dict[str, frozenset[str]] = field(default_factory=dict)
