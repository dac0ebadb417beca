"""Posting screening (P10): categories, negations, legitimate uses, probation law, salary ranges,
rule-file extension and span positions."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from app.screening import (
    DEFAULT_RULES_PATH,
    Finding,
    RuleFileError,
    RuleSet,
    is_blocked,
    load_ruleset,
    posting_text,
    screen_posting,
)
from app.screening.text import parse_number

LABELLED = Path(__file__).resolve().parents[2] / "evaluation" / "screening" / "labelled.jsonl"
# A complete, clean body: duties and requirements, so only the phrase under test can fire.
BODY = "负责仓库出入库登记和库存盘点。要求：高中以上学历，会使用Excel。"


def screen(description: str, *, title: str = "仓库管理员", **fields: object) -> list[Finding]:
    return screen_posting(title=title, description=description, **fields)  # type: ignore[arg-type]


def codes(findings: list[Finding]) -> set[str]:
    return {finding.code for finding in findings}


def severity_of(findings: list[Finding], code: str) -> str | None:
    ranked = {"info": 0, "review": 1, "block": 2}
    found = [f.severity for f in findings if f.code == code]
    return max(found, key=ranked.__getitem__) if found else None


# ── each category ────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize(
    ("phrase", "code", "severity"),
    [
        ("限男性，", "gender", "block"),
        ("仅招女生，", "gender", "block"),
        ("男性优先，", "gender", "block"),
        ("女性优先，", "gender", "block"),
        ("性别：男，", "gender", "block"),
        ("女士勿扰。", "gender", "block"),
        ("限汉族，", "ethnicity", "block"),
        ("少数民族勿扰。", "ethnicity", "block"),
        ("无宗教信仰，", "religion", "block"),
        ("限本地户籍，", "hukou", "block"),
        ("本地户口优先，", "hukou", "review"),
        ("已婚已育优先，", "marital", "block"),
        ("限未婚，", "marital", "block"),
        ("孕妇勿扰。", "pregnancy", "block"),
        ("入职三年内不生育。", "pregnancy", "block"),
        ("35岁以下，", "age", "review"),
        ("年龄18-30，", "age", "review"),
        ("年龄不超过三十五周岁，", "age", "review"),
        ("残疾人勿扰。", "disability", "block"),
        ("乙肝携带者勿扰。", "hepatitis_b", "block"),
        ("仅限985/211院校，", "school_tier", "review"),
        ("第一学历为统招本科，", "school_tier", "review"),
        ("需交押金500元。", "applicant_fee", "block"),
        ("岗前培训费1980元。", "applicant_fee", "block"),
        ("服装费200元。", "applicant_fee", "block"),
        ("体检费由求职者承担。", "applicant_fee", "block"),
        ("入职费300元。", "applicant_fee", "block"),
        ("可办理培训贷。", "training_loan", "block"),
        ("学费可分期，先培训后上岗。", "training_loan", "block"),
        ("入职需押身份证原件。", "document_retention", "block"),
        ("手机刷单，需先垫付。", "task_scam", "block"),
        ("试用期8个月。", "probation", "block"),
        ("试用期无工资。", "probation", "block"),
    ],
)
def test_each_category_is_found_with_its_severity(phrase: str, code: str, severity: str) -> None:
    findings = screen(BODY + phrase)
    assert severity_of(findings, code) == severity


def test_private_chat_only_contact_is_flagged_for_review() -> None:
    findings = screen("负责软文撰写，按篇计费。要求文笔好。有意者加QQ详谈。")
    assert severity_of(findings, "private_contact_only") == "review"
    # An address or phone makes WeChat just one channel among others.
    offered = screen("负责软文撰写。要求文笔好。面试地址：临沂市兰山区，也可加微信咨询。")
    assert "private_contact_only" not in codes(offered)


def test_unrealistic_pay_needs_no_experience_and_vague_duties() -> None:
    lure = screen("月薪2万起，无需经验，工作轻松，包吃住，有手就行，名额有限。")
    assert severity_of(lure, "unrealistic_pay") == "review"
    senior = screen("负责推荐算法研发。要求5年经验。", salary_min=25000, salary_max=45000)
    assert "unrealistic_pay" not in codes(senior)


# ── negations and legitimate uses ────────────────────────────────────────────────────────────

@pytest.mark.parametrize(
    "phrase",
    [
        "不限性别，",
        "男女不限，",
        "性别不限，婚否不限，",
        "无需押金，",
        "不收取任何费用，",
        "公司承担体检费，",
        "体检费用由公司承担，",
        "免费培训，",
        "没有押金、没有培训费、无任何费用。",
        "本工作无任何报名费，入会费，保证金等，完全免费。",
        "不限户籍，不限民族，",
        "985、211及普通院校毕业生一视同仁。",
        "第一学历不限，",
        "欢迎持残疾人证者应聘，",
        "年满18周岁，",
        "年龄18-60周岁，",
    ],
)
def test_negated_or_harmless_phrases_raise_nothing(phrase: str) -> None:
    assert screen(BODY + phrase) == []


@pytest.mark.parametrize(
    "description",
    [
        "负责孕期及哺乳期妈妈的营养咨询。要求：营养学本科。",
        "负责乙肝疫苗等预防接种。要求：持护士执业证书。",
        "负责客户保证金账户的监控与划转。要求：具有期货从业资格。",
        "负责租房带看，协助租客办理租房押金缴纳。要求：大专以上学历。",
        "负责向学员收取培训费并开具发票。要求：持教练员证。",
        "负责投标保证金的申请及退还工作。要求：大专以上学历。",
        "负责女装门店的陈列与销售。要求：有服装零售经验。",
        "负责3-12岁少儿英语授课。要求：英语专业本科。",
    ],
)
def test_protected_words_describing_the_work_are_not_findings(description: str) -> None:
    assert screen(description) == []


def test_a_negation_does_not_cover_the_next_clause() -> None:
    findings = screen(BODY + "本公司不收押金，但需交培训费800元。")
    fee_spans = [f.span for f in findings if f.code == "applicant_fee"]
    assert fee_spans == ["培训费"]


@pytest.mark.parametrize(
    "description",
    [
        "妇产医院招聘产房助产士，负责分娩助产。要求：助产专业，限女性。",
        "本会所服务对象均为女性顾客，招女技师，负责面部护理。要求：有按摩证书。",
        "负责井下采掘作业。要求：限男性，持特种作业证。",
    ],
)
def test_gender_limit_required_by_the_work_goes_to_review_not_block(description: str) -> None:
    findings = screen(description)
    assert severity_of(findings, "gender") == "review"
    assert not is_blocked(findings)


def test_same_gender_limit_without_that_context_blocks() -> None:
    findings = screen("负责外科病房护理。要求：护理专业，限女性。")
    assert severity_of(findings, "gender") == "block"
    assert is_blocked(findings)


def test_internship_age_band_is_exempt_but_not_other_bands() -> None:
    band = "见习内容：协助整理档案。要求：16-24周岁青年，熟练使用电脑。"
    assert "age" not in codes(screen(band, job_type="internship"))
    other = "见习内容：协助整理档案。要求：18-30周岁，熟练使用电脑。"
    assert "age" in codes(screen(other, job_type="internship"))


# ── probation: 《劳动合同法》第十九条 boundaries ─────────────────────────────────────────────

@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ("合同期2个月，试用期1个月。", "review"),  # under 3 months: none allowed
        ("合同期限3个月，试用期1个月。", None),
        ("合同期限3个月，试用期2个月。", "review"),
        ("合同期限11个月，试用期1个月。", None),
        ("签订一年合同，试用期2个月。", None),
        ("签订一年合同，试用期3个月。", "review"),
        ("劳动合同期限2年，试用期2个月。", None),
        ("劳动合同期限2年，试用期3个月。", "review"),
        ("签订三年劳动合同，试用期六个月。", None),
        ("签订无固定期限劳动合同，试用期半年。", None),
        ("试用期六十天，合同期两年。", None),
        ("试用期3-6个月，合同一年一签。", "review"),
        ("以完成一定工作任务为期限，试用期1个月。", "review"),
        ("试用期6个月。", None),  # contract unknown: lawful for 3+ years
        ("试用期7个月。", "block"),  # over 6 months: always illegal
        ("签订三年劳动合同，试用期一年。", "block"),
    ],
)
def test_probation_limits(terms: str, expected: str | None) -> None:
    assert severity_of(screen(BODY + terms), "probation") == expected


def test_public_institution_first_hire_probation_is_exempt() -> None:
    text = "负责实验室检测。要求：本科。事业单位聘用合同期限3年，初次就业人员试用期为12个月。"
    assert "probation" not in codes(screen(text))


@pytest.mark.parametrize(
    ("token", "value"),
    [("35", 35), ("三十五", 35), ("十二", 12), ("两", 2), ("一百八十", 180), ("六十", 60), ("x", None)],
)
def test_parse_number(token: str, value: int | None) -> None:
    assert parse_number(token) == value


# ── salary range ─────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize(
    ("low", "high", "flagged"),
    [(3000, 50000, True), (2000, 20000, True), (4000, 20000, False), (4000, 20001, True), (3000, 12000, False)],
)
def test_salary_range_over_five_times(low: int, high: int, flagged: bool) -> None:
    findings = screen(BODY, salary_min=low, salary_max=high)
    assert ("salary_range" in codes(findings)) is flagged


def test_salary_range_in_text_with_units() -> None:
    assert severity_of(screen(BODY + "薪资4k-40k。"), "salary_range") == "review"
    assert "salary_range" not in codes(screen(BODY + "薪资8k-15k。"))


# ── quality ──────────────────────────────────────────────────────────────────────────────────

def test_quality_findings() -> None:
    assert severity_of(screen("急招，待遇优厚。"), "too_short") == "review"
    duties_only = screen("负责生产线设备的日常巡检与保养，记录设备运行数据，配合维修人员处理故障。")
    assert codes(duties_only) == {"missing_requirements"}
    assert severity_of(duties_only, "missing_requirements") == "info"
    # A structured education requirement counts as a stated requirement.
    assert screen("负责生产线设备的日常巡检与保养，记录设备运行数据，配合维修。", education_min="associate") == []


# ── spans ────────────────────────────────────────────────────────────────────────────────────

def test_spans_point_at_the_offending_text() -> None:
    title = "招聘女文员"
    description = "负责资料整理。要求：中专以上，35岁以下，需交押金300元，试用期８个月。"
    findings = screen(description, title=title)
    text = posting_text(title=title, description=description)
    by_code = {f.code: f for f in findings}
    assert set(by_code) >= {"gender", "age", "applicant_fee", "probation"}
    for finding in findings:
        assert text[finding.start : finding.end] == finding.span
    assert by_code["gender"].span == "女文员" and by_code["gender"].end <= len(title)
    assert by_code["age"].span == "35岁以下"
    assert by_code["applicant_fee"].span == "押金"
    # Full-width digits are read as numbers but the span keeps the employer's characters.
    assert by_code["probation"].span == "试用期８个月"


def test_findings_carry_version_and_plain_chinese_explanation() -> None:
    findings = screen(BODY + "限男性，需交押金500元。")
    version = load_ruleset().version
    assert {f.rule_version for f in findings} == {version}
    assert any("就业促进法" in f.explanation for f in findings if f.code == "gender")
    assert any("劳动合同法》第九条" in f.explanation for f in findings if f.code == "applicant_fee")
    with pytest.raises(dataclasses.FrozenInstanceError):
        findings[0].severity = "info"  # type: ignore[misc]


def test_ruleset_version_is_exported() -> None:
    import app.screening as screening

    assert screening.RULESET_VERSION == load_ruleset().version != ""


# ── the rule file is data that staff extend ──────────────────────────────────────────────────

NEW_RULE = """
[[rules]]
id = "disc.zodiac"
category = "discrimination"
code = "zodiac"
severity = "block"
explanation = "以生肖为录用条件属于与岗位无关的歧视性条件（《就业促进法》第三条）。"
patterns = ['属(?:龙|虎|蛇)(?:的)?\\s{0,3}(?:优先|勿扰)']
synonyms = ["只招属马的"]
negations = ['取消[^，。；]{0,4}属(?:龙|虎|蛇)']
"""


def _extended_rules(tmp_path: Path, extra: str, *, version: str = "test-ext") -> RuleSet:
    source = DEFAULT_RULES_PATH.read_text(encoding="utf-8")
    source = source.replace('version = "', f'version = "{version}" # was "', 1)
    path = tmp_path / "rules_ext.toml"
    path.write_text(source + extra, encoding="utf-8")
    return load_ruleset(path)


def test_a_new_rule_in_a_temp_file_is_honoured(tmp_path: Path) -> None:
    extended = _extended_rules(tmp_path, NEW_RULE)
    text = BODY + "属龙优先，只招属马的。"
    findings = screen(text, ruleset=extended)
    zodiac = [f for f in findings if f.code == "zodiac"]
    assert [f.span for f in zodiac] == ["属龙优先", "只招属马的"]
    assert {f.rule_version for f in zodiac} == {"test-ext"}
    assert is_blocked(findings)
    assert "zodiac" not in codes(screen(text))  # the bundled rules are untouched
    # The new rule's own negation is honoured too.
    assert "zodiac" not in codes(screen(BODY + "公司已取消属龙优先的规定。", ruleset=extended))


def _rule_table(**overrides: str) -> str:
    fields = {"id": '"x"', "category": '"fraud"', "code": '"x"', "severity": '"block"',
              "explanation": '"e"', "patterns": "['a']"}
    fields.update(overrides)
    return "\n[[rules]]\n" + "".join(f"{key} = {value}\n" for key, value in fields.items())


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (_rule_table(patterns="['(']"), "bad regex"),
        (_rule_table(severity='"fatal"'), "severity"),
        (_rule_table(patern="['a']"), "unknown keys"),
        (_rule_table(patterns="['a\\s*b']"), "bounded whitespace"),
    ],
)
def test_malformed_rule_files_fail_loudly(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(RuleFileError, match=message):
        _extended_rules(tmp_path, extra)


def test_edited_rule_file_is_reloaded(tmp_path: Path) -> None:
    first = _extended_rules(tmp_path, "")
    assert first.version == "test-ext"
    path = tmp_path / "rules_ext.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"test-ext"', '"test-ext-2"'), encoding="utf-8")
    import os

    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_ruleset(path).version == "test-ext-2"


# ── the evaluation set stays consistent with the rules ───────────────────────────────────────

def test_labelled_set_uses_known_categories_codes_and_severities() -> None:
    ruleset = load_ruleset()
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 220
    assert sum(1 for row in rows if not row["labels"]) >= 80
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["reason"]
        for label in row["labels"]:
            assert label["code"] in ruleset.codes[label["category"]], row["id"]
            assert label["severity"] in ("block", "review", "info"), row["id"]
