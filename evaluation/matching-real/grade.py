"""Grade every (profile, real posting) pair 0/1/2 by the written rule in this folder's README.

Independent of ``app/``: the occupation table is ``occupations.py`` beside this file, and the
experience rule below is the grader's own (deliberately not the service's extractor). Postings are
read from ../shared at run time; without them this prints why and exits 0.

    /work/main/.venv/bin/python evaluation/matching-real/grade.py           # write qrels.tsv, splits.tsv
    /work/main/.venv/bin/python evaluation/matching-real/grade.py --check   # verify the committed files
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from occupations import OCCUPATION_NAMES, RELATED, occupation_of  # noqa: E402

PROFILES_PATH = HERE / "profiles.jsonl"
QRELS_PATH = HERE / "qrels.tsv"
SPLITS_PATH = HERE / "splits.tsv"
POSTINGS_NAME = Path("shared") / "data" / "postings" / "real_postings_3499.json"
LABEL_YEAR = 2026  # P6's three-year window is counted from the year the labels were fixed

EDUCATION_RANK = {"none": 0, "associate": 1, "bachelor": 2, "master": 3, "doctor": 4}
INTERNSHIP = re.compile(r"实习|见习|实训")
FLEXIBLE = re.compile(r"兼职|日结|小时工|寒假工|暑假工|临时工")
EXECUTIVE = re.compile(r"总监|总经理|副总|首席|cfo|cto|ceo|coo|合伙人|部长|厂长|院长|董事|vp|director")
SENIOR = re.compile(r"高级|资深|专家|架构师|主管|负责人|主任|店长|护士长|组长|senior")
OPEN = re.compile(r"应届|经验不限|不限经验|无需经验|无经验|有无经验|零基础|小白|新手")
CLOSED = re.compile(r"不接受应届|非应届")
SENTENCE = re.compile(r"[，,。；;！!？?\n]")
EXPERIENCE_WORDS = re.compile(r"经验|经历|从业|工作")
SKIP_SENTENCE = re.compile(r"优先|岁|驾龄|成立|试用")
_N = r"(\d{1,2}|[一二两三四五六七八九十]|半)"
COUNT = re.compile(rf"{_N}\s*(?:年\s*(?:及|或)?\s*以上|(?:-|~|至|到)\s*{_N}\s*年)")
TAG_COUNT = re.compile(rf"^{_N}\s*(?:年|年及以上|年以上|(?:-|~)\s*{_N}\s*年)$")
CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "半": 0.5}
SENIOR_YEARS = 3.0
EXECUTIVE_MIN_HELD = 5.0


def _value(token: str) -> float:
    return float(token) if token.isdigit() else float(CN[token])


def _norm(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def job_type_of(title: str) -> str:
    """The shared postings carry no job type; the title says 实习 or 兼职 when it is one."""
    text = _norm(title)
    if INTERNSHIP.search(text):
        return "internship"
    return "flexible" if FLEXIBLE.search(text) else "full_time"


def experience_asked(title: str, description: str, tags: Iterable[str]) -> float:
    """Years asked by the grader's rule (README): 0 when open or silent, 3 for a silent senior title."""
    tags = [_norm(t).strip() for t in tags]
    whole = " ".join([_norm(title), _norm(description), *tags])
    if OPEN.search(whole) and not CLOSED.search(whole):
        return 0.0
    counts = [_value(m.group(1)) for t in tags if (m := TAG_COUNT.match(t))]
    for sentence in SENTENCE.split(_norm(title) + "\n" + _norm(description)):
        if EXPERIENCE_WORDS.search(sentence) and not SKIP_SENTENCE.search(sentence):
            counts += [_value(m.group(1)) for m in COUNT.finditer(sentence)]
    counts = [c for c in counts if c <= 30]
    if counts:
        return max(counts)
    return SENIOR_YEARS if SENIOR.search(_norm(title)) else 0.0


@dataclass(frozen=True)
class JudgedPosting:
    id: str
    occupation: str | None
    education_min: str
    job_type: str
    executive: bool
    asked: float


@dataclass(frozen=True)
class JudgedProfile:
    id: str
    education: str
    graduation_year: int
    held: float
    job_types: frozenset[str]
    targets: frozenset[str]
    related: frozenset[str]
    excluded: frozenset[str]


def judge_posting(raw: Mapping[str, Any]) -> JudgedPosting:
    title = str(raw["title"])
    return JudgedPosting(
        id=str(raw["id"]), occupation=occupation_of(title), education_min=str(raw["education_min"]),
        job_type=job_type_of(title), executive=bool(EXECUTIVE.search(_norm(title))),
        asked=experience_asked(title, str(raw.get("description") or ""), raw.get("skills") or ()),
    )


def judge_profile(raw: Mapping[str, Any]) -> JudgedProfile:
    judge = raw["_judge"]
    targets = frozenset(judge["target_occupations"])
    related = {r for t in targets for r in RELATED[t]} | set(judge.get("extra_related", ()))
    for code in (*targets, *related, *judge.get("exclude_occupations", ())):
        assert code in OCCUPATION_NAMES, f"{raw['id']}: unknown occupation {code}"
    return JudgedProfile(
        id=str(raw["id"]), education=str(raw["education"]), graduation_year=int(raw["graduation_year"]),
        held=float(raw.get("work_experience_years") or 0), job_types=frozenset(raw["preferred_job_types"]),
        targets=targets, related=frozenset(related - targets),
        excluded=frozenset(judge.get("exclude_occupations", ())),
    )


def grade(profile: JudgedProfile, posting: JudgedPosting) -> int:
    """The README's rule, step for step."""
    occupation = posting.occupation
    if occupation is None or occupation in profile.excluded:
        return 0
    if EDUCATION_RANK[profile.education] < EDUCATION_RANK[posting.education_min]:
        return 0
    if posting.job_type == "internship" and LABEL_YEAR - profile.graduation_year > 3:
        return 0
    if posting.executive and profile.held < EXECUTIVE_MIN_HELD:
        return 0
    value = 2 if occupation in profile.targets else 1 if occupation in profile.related else 0
    gap = posting.asked - profile.held
    if gap > 1:
        return 0
    if gap > 0:
        value = min(value, 1)
    if posting.job_type not in profile.job_types:
        value = min(value, 1)
    return value


def split_profiles(profiles: Sequence[JudgedProfile]) -> dict[str, str]:
    """Dev/test by profile, stratified by education: alternate within each level in id order."""
    out: dict[str, str] = {}
    for level in EDUCATION_RANK:
        members = sorted(p.id for p in profiles if p.education == level)
        out.update({pid: ("dev" if i % 2 == 0 else "test") for i, pid in enumerate(members)})
    return out


def load_profiles(path: Path = PROFILES_PATH) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def postings_path() -> Path | None:
    """../shared seen from a worktree (/work/wt/x) or from the main checkout (/work/main)."""
    repo = HERE.parents[1]
    for base in (repo.parent, repo.parent.parent):
        if (base / POSTINGS_NAME).is_file():
            return base / POSTINGS_NAME
    return None


def load_postings() -> list[dict[str, Any]] | None:
    path = postings_path()
    return None if path is None else json.loads(path.read_text(encoding="utf-8"))


def grade_all(profiles: Sequence[JudgedProfile], postings: Sequence[JudgedPosting]) -> list[tuple[str, str, int]]:
    rows = []
    for profile in profiles:
        for posting in postings:
            value = grade(profile, posting)
            if value:
                rows.append((profile.id, posting.id, value))
    return rows


def qrels_text(rows: Sequence[tuple[str, str, int]]) -> str:
    return "profile_id\tposting_id\tgrade\n" + "".join(f"{p}\t{j}\t{g}\n" for p, j, g in rows)


def splits_text(splits: Mapping[str, str]) -> str:
    return "profile_id\tsplit\n" + "".join(f"{p}\t{s}\n" for p, s in sorted(splits.items()))


def statistics_lines(profiles: Sequence[JudgedProfile], postings: Sequence[JudgedPosting],
                     rows: Sequence[tuple[str, str, int]], splits: Mapping[str, str]) -> list[str]:
    twos = Counter(p for p, _, g in rows if g == 2)
    ones = Counter(p for p, _, g in rows if g == 1)
    per = sorted(twos.get(p.id, 0) for p in profiles)
    unmapped = sum(1 for j in postings if j.occupation is None)
    lines = [
        f"profiles {len(profiles)} (dev {sum(s == 'dev' for s in splits.values())}, "
        f"test {sum(s == 'test' for s in splits.values())}); postings {len(postings)}; "
        f"pairs {len(profiles) * len(postings)}",
        f"grades: 2 → {sum(twos.values())}, 1 → {sum(ones.values())}, "
        f"0 → {len(profiles) * len(postings) - len(rows)}",
        f"grade-2 per profile: min {per[0]}, median {statistics.median(per):g}, max {per[-1]}; "
        f"profiles with < 3: {sum(1 for n in per if n < 3)}",
        f"postings without an occupation: {unmapped} ({unmapped / len(postings):.1%})",
        f"postings asking (grader's rule) >= 2 years: {sum(1 for j in postings if j.asked >= 2)}; "
        f"job types: {dict(Counter(j.job_type for j in postings))}; executive titles: "
        f"{sum(j.executive for j in postings)}",
        "grade-2 / grade-1 per profile: " + ", ".join(
            f"{p.id[-2:]}:{twos.get(p.id, 0)}/{ones.get(p.id, 0)}" for p in profiles),
    ]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify the committed qrels/splits, write nothing")
    args = parser.parse_args()
    raw_postings = load_postings()
    if raw_postings is None:
        print("skipped: ../shared/data/postings/real_postings_3499.json is absent; the real set cannot be graded")
        return 0
    profiles = [judge_profile(p) for p in load_profiles()]
    postings = [judge_posting(p) for p in raw_postings]
    rows = grade_all(profiles, postings)
    splits = split_profiles(profiles)
    print("\n".join(statistics_lines(profiles, postings, rows, splits)))
    missing = [p.id for p in profiles if not any(r[0] == p.id and r[2] == 2 for r in rows)]
    if missing:
        print(f"ERROR: profiles without a grade-2 posting: {missing}")
        return 1
    if args.check:
        same = (QRELS_PATH.read_text(encoding="utf-8") == qrels_text(rows)
                and SPLITS_PATH.read_text(encoding="utf-8") == splits_text(splits))
        print("committed qrels.tsv and splits.tsv match the rule" if same else "MISMATCH: regenerate and review")
        return 0 if same else 1
    QRELS_PATH.write_text(qrels_text(rows), encoding="utf-8")
    SPLITS_PATH.write_text(splits_text(splits), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
