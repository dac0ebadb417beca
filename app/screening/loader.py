"""Load, validate and compile a rule file (TOML).

Staff edit the rule file, not the code, so the loader is strict: an unknown key, a bad severity or
a regex that does not compile fails loudly with the rule id, instead of silently screening less.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from app.screening.age import AgeConfig, AgeExemption
from app.screening.models import (
    CATEGORIES,
    SEVERITIES,
    Category,
    Context,
    ContextSeverity,
    NegationConfig,
    Rule,
    RuleSet,
    Severity,
)
from app.screening.probation import ProbationConfig, ProbationLimit
from app.screening.quality import QualityConfig
from app.screening.salary import SalaryConfig

DEFAULT_RULES_PATH = Path(__file__).parent / "rules" / "rules_v1.toml"

_FLAGS = re.IGNORECASE | re.MULTILINE
_MACRO = re.compile(r"\{([A-Z][A-Z_]*)\}")
# \s* and \s+ backtrack badly on the long whitespace runs real postings contain.
_UNBOUNDED_SPACE = re.compile(r"\\s[*+]")
_RULE_KEYS = {
    "id", "category", "code", "severity", "explanation", "patterns", "synonyms", "negations",
    "negation_cues", "contexts", "requires", "requires_absent", "requires_missing_duties",
    "salary_min_at_least",
}
_CONTEXT_KEYS = {"patterns", "job_types", "severity", "note"}


class RuleFileError(ValueError):
    """The rule file is malformed; the message names the rule and the problem."""


def load_ruleset(path: Path | None = None) -> RuleSet:
    """Load the rule file at ``path`` (default: the bundled rules), cached per file version.

    The cache key includes the file's modification time, so an edited rule file is picked up by
    the next call without a restart.
    """
    resolved = (path or DEFAULT_RULES_PATH).resolve()
    return _load_cached(str(resolved), resolved.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime_ns: int) -> RuleSet:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return build_ruleset(data, source=path)


def build_ruleset(data: dict[str, Any], *, source: str) -> RuleSet:
    version = str(data.get("version") or "").strip()
    if not version:
        raise RuleFileError(f"{source}: missing `version`")
    compiler = _Compiler(macros=dict(data.get("macros", {})))
    rules = tuple(compiler.rule(raw) for raw in data.get("rules", []))
    duplicate_ids = {rule.id for rule in rules if sum(r.id == rule.id for r in rules) > 1}
    if duplicate_ids:
        raise RuleFileError(f"{source}: duplicate rule ids {sorted(duplicate_ids)}")
    checks = data.get("checks", {})
    try:
        probation = compiler.probation(checks["probation"])
        salary = compiler.salary(checks["salary_range"])
        age = compiler.age(checks["age_limit"])
        quality = compiler.quality(checks["quality"])
    except KeyError as error:
        raise RuleFileError(f"{source}: missing key {error} in [checks]") from error
    codes: dict[str, set[str]] = {category: set() for category in CATEGORIES}
    for rule in rules:
        codes[rule.category].add(rule.code)
    codes[probation.category].add(probation.code)
    codes[salary.category].add(salary.code)
    codes[age.category].add(age.code)
    codes[quality.category].update({"too_short", "missing_duties", "missing_requirements"})
    return RuleSet(
        version=version,
        source=source,
        rules=rules,
        negation=compiler.negation(data.get("negation", {})),
        probation=probation,
        salary=salary,
        age=age,
        quality=quality,
        codes={category: frozenset(found) for category, found in codes.items()},
    )


class _Compiler:
    def __init__(self, *, macros: dict[str, str]) -> None:
        self._macros = macros

    def regex(self, source: str, *, where: str) -> re.Pattern[str]:
        def expand(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self._macros:
                raise RuleFileError(f"{where}: unknown macro {{{name}}}")
            return self._macros[name]

        expanded = _MACRO.sub(expand, source)
        if _UNBOUNDED_SPACE.search(expanded):
            raise RuleFileError(f"{where}: use bounded whitespace such as \\s{{0,3}}, not \\s* or \\s+: {source!r}")
        try:
            return re.compile(expanded, _FLAGS)
        except re.error as error:
            raise RuleFileError(f"{where}: bad regex {source!r}: {error}") from error

    def regexes(self, sources: list[str], *, where: str) -> tuple[re.Pattern[str], ...]:
        return tuple(self.regex(source, where=where) for source in sources)

    def rule(self, raw: dict[str, Any]) -> Rule:
        rule_id = str(raw.get("id") or "<rule without id>")
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise RuleFileError(f"rule {rule_id}: unknown keys {sorted(unknown)}")
        for key in ("id", "category", "code", "severity", "explanation"):
            if not raw.get(key):
                raise RuleFileError(f"rule {rule_id}: missing `{key}`")
        patterns = list(raw.get("patterns", [])) + [re.escape(s) for s in raw.get("synonyms", [])]
        if not patterns:
            raise RuleFileError(f"rule {rule_id}: needs `patterns` or `synonyms`")
        minimum = raw.get("salary_min_at_least")
        return Rule(
            id=rule_id,
            category=_category(raw["category"], where=f"rule {rule_id}"),
            code=str(raw["code"]),
            severity=_severity(raw["severity"], where=f"rule {rule_id}"),
            explanation=str(raw["explanation"]),
            patterns=self.regexes(patterns, where=f"rule {rule_id}"),
            negations=self.regexes(raw.get("negations", []), where=f"rule {rule_id} negations"),
            use_negation_cues=bool(raw.get("negation_cues", True)),
            contexts=tuple(self.context(c, rule_id=rule_id) for c in raw.get("contexts", [])),
            requires=self.regexes(raw.get("requires", []), where=f"rule {rule_id} requires"),
            requires_absent=self.regexes(
                raw.get("requires_absent", []), where=f"rule {rule_id} requires_absent"
            ),
            requires_missing_duties=bool(raw.get("requires_missing_duties", False)),
            salary_min_at_least=int(minimum) if minimum is not None else None,
        )

    def context(self, raw: dict[str, Any], *, rule_id: str) -> Context:
        where = f"rule {rule_id} context"
        unknown = set(raw) - _CONTEXT_KEYS
        if unknown:
            raise RuleFileError(f"{where}: unknown keys {sorted(unknown)}")
        severity = raw.get("severity")
        if severity not in (*SEVERITIES, "ignore"):
            raise RuleFileError(f"{where}: bad severity {severity!r}")
        return Context(
            patterns=self.regexes(raw.get("patterns", []), where=where),
            job_types=frozenset(raw.get("job_types", [])),
            severity=cast(ContextSeverity, severity),
            note=str(raw.get("note", "")),
        )

    def negation(self, raw: dict[str, Any]) -> NegationConfig:
        def alternation(sources: list[str]) -> re.Pattern[str]:
            # An empty list must never match, not match everywhere.
            joined = "|".join(f"(?:{s})" for s in sources) or r"(?!x)x"
            return self.regex(joined, where="negation cues")

        return NegationConfig(
            clause_breaks=self.regex(raw.get("clause_breaks", r"[。；;！!？?\n，,]"), where="negation"),
            pre_cues=alternation(list(raw.get("pre_cues", []))),
            post_cues=alternation(list(raw.get("post_cues", []))),
            pre_window=int(raw.get("pre_window", 10)),
            post_window=int(raw.get("post_window", 8)),
        )

    def probation(self, raw: dict[str, Any]) -> ProbationConfig:
        where = "checks.probation"
        return ProbationConfig(
            category=_category(raw["category"], where=where),
            code=str(raw["code"]),
            mention_patterns=self.regexes(raw["mention_patterns"], where=where),
            contract_patterns=self.regexes(raw["contract_patterns"], where=where),
            open_ended_patterns=self.regexes(raw.get("open_ended_patterns", []), where=where),
            task_based_patterns=self.regexes(raw.get("task_based_patterns", []), where=where),
            limits=tuple(
                ProbationLimit(
                    contract_below_months=float(item["contract_below_months"]),
                    max_probation_months=float(item["max_probation_months"]),
                )
                for item in sorted(raw["limits"], key=lambda item: item["contract_below_months"])
            ),
            absolute_max_months=float(raw["absolute_max_months"]),
            absolute_severity=_severity(raw["absolute_severity"], where=where),
            contract_severity=_severity(raw["contract_severity"], where=where),
            exemption_patterns=self.regexes(raw.get("exemption_patterns", []), where=where),
            explanation_absolute=str(raw["explanation_absolute"]),
            explanation_contract=str(raw["explanation_contract"]),
        )

    def salary(self, raw: dict[str, Any]) -> SalaryConfig:
        where = "checks.salary_range"
        return SalaryConfig(
            category=_category(raw["category"], where=where),
            code=str(raw["code"]),
            severity=_severity(raw["severity"], where=where),
            max_ratio=float(raw["max_ratio"]),
            min_plausible=int(raw["min_plausible"]),
            text_patterns=self.regexes(raw.get("text_patterns", []), where=where),
            explanation=str(raw["explanation"]),
        )

    def age(self, raw: dict[str, Any]) -> AgeConfig:
        where = "checks.age_limit"
        exemptions = tuple(
            AgeExemption(
                pattern=self.regex(item["pattern"], where=where) if item.get("pattern") else None,
                job_types=frozenset(item.get("job_types", [])),
                within=(int(item["within"][0]), int(item["within"][1])),
                note=str(item.get("note", "")),
            )
            for item in raw.get("exemptions", [])
        )
        return AgeConfig(
            category=_category(raw["category"], where=where),
            code=str(raw["code"]),
            severity=_severity(raw["severity"], where=where),
            ceiling_below=int(raw["ceiling_below"]),
            min_worker_age=int(raw["min_worker_age"]),
            band_patterns=self.regexes(raw.get("band_patterns", []), where=where),
            ceiling_patterns=self.regexes(raw.get("ceiling_patterns", []), where=where),
            exclusion_patterns=self.regexes(raw.get("exclusion_patterns", []), where=where),
            exemptions=exemptions,
            explanation=str(raw["explanation"]),
        )

    def quality(self, raw: dict[str, Any]) -> QualityConfig:
        where = "checks.quality"
        return QualityConfig(
            category=_category(raw["category"], where=where),
            min_chars=int(raw["min_chars"]),
            too_short_severity=_severity(raw["too_short_severity"], where=where),
            missing_severity=_severity(raw["missing_severity"], where=where),
            duty_markers=self.regexes(raw["duty_markers"], where=where),
            requirement_markers=self.regexes(raw["requirement_markers"], where=where),
            explanation_too_short=str(raw["explanation_too_short"]),
            explanation_missing_duties=str(raw["explanation_missing_duties"]),
            explanation_missing_requirements=str(raw["explanation_missing_requirements"]),
        )


def _severity(value: object, *, where: str) -> Severity:
    if value not in SEVERITIES:
        raise RuleFileError(f"{where}: severity must be one of {SEVERITIES}, not {value!r}")
    return cast(Severity, value)


def _category(value: object, *, where: str) -> Category:
    if value not in CATEGORIES:
        raise RuleFileError(f"{where}: category must be one of {CATEGORIES}, not {value!r}")
    return cast(Category, value)
