"""Years of work experience a posting asks for, read from its title, description and tags.

Pure (no DB, no HTTP). A new graduate has no work experience, and about a third of real postings
ask for years of it, so the ranker needs the number; the API's ``experience_min_years`` wins when a
caller gives it, this module fills it in when they do not.

What counts as *asked* (decisions, each measured on hand-labelled real postings by
``scripts/eval_experience.py``):

- A year count tied to experience: "3年以上相关工作经验", "从事本岗位工作3年以上", "工作年限：3-5年",
  tags such as "5年及以上", "1-3年", "2年". A range counts by its lower end ("3-5年" → 3), an upper
  bound alone by 0 ("1年以下", "一年以内"); Chinese numerals and "半年" (0.5) are read.
- When several counts are stated the largest is kept ("5年以上工作经验，其中3年以上管理经验" asks 5).
- A count followed by 优先 ("3年以上经验者优先") is a preference, not a requirement: a graduate may
  still apply, so it is not counted. "有相关经验" without a count is not counted either.
- **Driving years (驾龄) are not work experience.** 驾龄 counts years since the licence was issued;
  many students take their licence at school, so a 2026 graduate may well hold three years of 驾龄
  without any job. The number is returned apart (``driving_years``) for callers that want a
  driving-post rule, and never read as ``min_years``.
- **Certificate/licence years count** ("取得执业证3年以上", "中级职称满3年"): practice licences and
  titles are earned after graduation, so N years of holding one is N years in the profession, which
  a new graduate cannot meet.
- Not experience, never read: ages ("18-35岁"), company history ("成立10年", "10年历史"), contract,
  service and probation terms ("合同期3年", "服务期满2年", "试用期3个月", "试用期半年"), rewards for
  tenure ("工作满3年…补贴"), calendar years ("2025年"), graduation windows ("毕业3年内").
- *Open to new graduates*: an explicit statement — "经验不限", "无需经验", "接受无经验", "有无经验均可",
  "应届生可投", "接受应届毕业生", "零基础", tags "无需经验"/"在校/应届" ("不接受应届生" and "非应届" are
  read as closed). Such a statement is a no-experience route: it wins over a count stated beside it
  ("3年以上经验或优秀应届毕业生" → no years asked, open).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_NUM = r"(?:\d{1,2}(?:\.\d)?|[一二两三四五六七八九十]{1,3}|半)"
# "3年以上", "3-5年", "三至五年", "1年以下", "半年以上", "3年及以上", "满3年" — the unit 年 is required.
_YEARS = re.compile(
    rf"(?P<low>{_NUM})\s*(?:年)?\s*(?:-|~|～|—|–|至|到)\s*(?P<high>{_NUM})\s*年"
    rf"|(?P<one>{_NUM})\s*(?:个)?\s*年\s*(?P<bound>及以上|或以上|以上|以下|以内|内|之内|之上)?"
)
# Words that make a clause about work experience.
_EXPERIENCE_WORDS = re.compile(r"经验|经历|工龄|年资|工作年限|从业|从事|相关工作|工作\d|工作[一二两三四五六七八九十]"
                               r"|同岗位|同行业|岗位工作|年以上工作|执业|职称|资格证|证书")
# A count next to one of these is not experience asked (see the module docstring).
_NOT_EXPERIENCE_BEFORE = re.compile(r"(成立|创立|创办|历史|深耕|专注|合同|服务期|试用|毕业|届|质保|保修|工作满|满足"
                                    r"|连续|签订|每|近|驾龄|驾驶)[^，。；]{0,4}$")
# Right after a bare count ("3年制", "3年期", "5年质保", "10年老店"); after a bounded count ("3年以上")
# only an age unit can follow, or "以上制造业" would be lost.
_NOT_EXPERIENCE_AFTER = re.compile(r"^\s*(?:的)?\s*(?:岁|周岁|级|制|历史|品牌|老店|期|合同|服务期|后|薪|终|假|龄|月|日|号|届|质保|度)")
_AGE_AFTER = re.compile(r"^\s*(?:的)?\s*(?:岁|周岁)")
# List numbering glued to a count: "6.2年以上" is item 6, two years (a real "1.5年" is rarer).
_LIST_NUMBER = re.compile(r"^\s*[(（]?\d{1,2}\s*[.．、)）]\s*(?=[\d一二两三四五六七八九十半])")
_RANGE_TAIL = rf"(?:\s*(?:-|~|～|至|到)\s*{_NUM})?"
_DRIVING = re.compile(rf"驾龄\s*(?:在|需|要求|须)?\s*(?P<n>{_NUM}){_RANGE_TAIL}\s*年"
                      rf"|(?P<m>{_NUM}){_RANGE_TAIL}\s*年\s*(?:以上|及以上)?\s*(?:的)?驾龄")
_PREFERENCE = re.compile(r"优先|者佳|更佳|较佳|为佳|最好|加分")
_OPEN = re.compile(r"经验不限|不限经验|不限工作经验|经验\s*[:：]?\s*不限|无需经验|不需要经验|无经验要求|无需工作经验"
                   r"|接受无经验|无经验(?:者)?(?:亦|也|均)?可|(?:有无|没有|无)[^，。；]{0,6}经验[^，。；]{0,3}(?:均可|都可|皆可|也可|亦可|没关系|可以)"
                   r"|零经验|零基础|小白|应届|在校/应届|毕业生可|欢迎[^，。；]{0,6}毕业生|接受[^，。；]{0,6}毕业生|\d{2,4}届")
_CLOSED = re.compile(r"不接受应届|非应届|应届生?勿|不要应届|无经验(?:者)?勿|拒绝应届")
_CLAUSE = re.compile(r"[，,。；;！!？?\n]")
# A tag is a whole experience statement on its own ("5年及以上", "1-3年", "2年", "经验不限").
_TAG = re.compile(rf"^(?:经验)?\s*(?:{_YEARS.pattern})\s*(?:[\u4e00-\u9fff]{{0,8}}经验)?$")


@dataclass(frozen=True, slots=True)
class ExperienceAsked:
    min_years: float | None  # None: no count of years is required
    open_to_new_grads: bool
    driving_years: float | None = None  # 驾龄, kept apart: not work experience (see docstring)


def _number(token: str) -> float:
    if token == "半":
        return 0.5
    if token[0].isdigit():
        return float(token)
    if "十" in token:  # 十 = 10, 十五 = 15, 二十 = 20
        tens, _, units = token.partition("十")
        return float((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0))
    return float(_CN_DIGITS[token]) if len(token) == 1 else float("nan")


def _years_of(match: re.Match[str]) -> float | None:
    if match.group("low"):
        value = _number(match.group("low"))
    else:
        value = _number(match.group("one"))
        if match.group("bound") in ("以下", "以内", "内", "之内"):
            value = 0.0  # an upper bound alone asks for nothing
    # Counts above 30 are not years of experience (ages, history); NaN = an unreadable numeral.
    return value if 0 <= value <= 30 else None


def _counts_in(clause: str, *, tag: bool) -> list[float]:
    found: list[float] = []
    for match in _YEARS.finditer(clause):
        before, after = clause[: match.start()], clause[match.end():]
        bounded = match.group("bound") or match.group("low")
        if _NOT_EXPERIENCE_BEFORE.search(before) or (_AGE_AFTER if bounded else _NOT_EXPERIENCE_AFTER).match(after):
            continue
        if match.start() > 0 and (clause[match.start() - 1].isdigit() or clause[match.start() - 1] == "."):
            continue  # part of a longer number ("2025年")
        if not tag and not _EXPERIENCE_WORDS.search(clause):
            continue
        years = _years_of(match)
        if years is not None:
            found.append(years)
    return found


def _normalise(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "")


def extract_experience(*, title: str | None = None, description: str | None = None,
                       tags: Iterable[str] = ()) -> ExperienceAsked:
    """The minimum years of work experience asked, whether new graduates are invited, and 驾龄."""
    counts: list[float] = []
    opened = closed = False
    driving: list[float] = []
    for raw_tag in tags:
        tag = _normalise(raw_tag).strip()
        for drive in _DRIVING.finditer(tag):
            value = _years_of_driving(drive.group("n") or drive.group("m"))
            if value is not None:
                driving.append(value)
        if _TAG.match(tag):
            counts += _counts_in(tag, tag=True)
        elif _OPEN.search(tag):
            opened = True
    text = _normalise(title) + "\n" + _normalise(description)
    for clause in (_LIST_NUMBER.sub("", c) for c in _CLAUSE.split(text)):
        for drive in _DRIVING.finditer(clause):
            value = _years_of_driving(drive.group("n") or drive.group("m"))
            if value is not None:
                driving.append(value)
        if _CLOSED.search(clause):
            closed = True
        elif _OPEN.search(clause):
            opened = True
        if _PREFERENCE.search(clause):
            continue
        counts += _counts_in(_DRIVING.sub(" ", clause), tag=False)
    min_years = max(counts) if counts else None
    if opened and not closed:
        # An explicit no-experience route ("3年以上经验或优秀应届毕业生", "社招1-3年" in a 校招 post)
        # means a graduate without experience may apply: the count is an alternative, not a bar.
        return ExperienceAsked(min_years=None, open_to_new_grads=True,
                               driving_years=max(driving) if driving else None)
    return ExperienceAsked(min_years=min_years, open_to_new_grads=False,
                           driving_years=max(driving) if driving else None)


def _years_of_driving(token: str) -> float | None:
    value = _number(token)
    return value if 0 <= value <= 50 else None
