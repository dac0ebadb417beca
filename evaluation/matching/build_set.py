"""Build the matching quality set: postings, profiles and graded qrels.

Why a script rather than hand-edited files: the grades must follow mechanically
from the rule written in README.md, and anyone must be able to re-run the build
and get the very same bytes (seeded ``random.Random`` with string seeds, fixed
iteration order, ``\\n`` line endings). Nothing here reads ranking code.

    python -m evaluation.matching.build_set [--out DIR] [--occupation-table]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.enums import EDUCATION_RANK, Education, JobType  # noqa: E402
from evaluation.matching.specs import (OCCUPATIONS, PROFILES, Employer, Occupation,  # noqa: E402
                                       Profile)
from evaluation.matching.specs import phrasing  # noqa: E402

HERE = Path(__file__).resolve().parent
# P6 as of 2026: internships are open to those who left school in the last three years.
INTERNSHIP_MIN_GRADUATION_YEAR = 2023
DESCRIPTION_MIN, DESCRIPTION_MAX = 150, 600
ORDER_SEED = "qilu-jobmatch-eval-order-v1"
QRELS_HEADER = "profile_id\tjob_id\tgrade\n"

Row = dict[str, Any]


# --------------------------------------------------------------------------- postings
def _numbered(items: Sequence[str], fmt: str) -> list[str]:
    return [fmt.format(i=i, text=text) for i, text in enumerate(items, start=1)]


def _layout(rng: random.Random, duties: Sequence[str], reqs: Sequence[str]) -> str:
    duty_head, req_head, fmt = rng.choice(phrasing.LAYOUTS)
    if fmt == "prose":
        lead_d, lead_r = rng.choice(phrasing.PROSE_LEADS)
        return f"{lead_d}{'；'.join(duties)}。{lead_r}{'；'.join(reqs)}。"
    if fmt == "inline":
        return f"{duty_head}{'；'.join(duties)}。{req_head}{'；'.join(reqs)}。"
    lines = [duty_head or "", *_numbered(duties, fmt), req_head or "", *_numbered(reqs, fmt)]
    return "\n".join(lines)


def _education_sentence(rng: random.Random, edu: Education, majors: Sequence[str],
                        licensed: bool) -> str:
    text = rng.choice(phrasing.EDUCATION_PHRASES[edu])
    roll = rng.random()
    # Sometimes the majors are spelled out, sometimes not at all: a matcher must
    # not be able to rely on the major name appearing in the text.
    if majors and roll < 0.55:
        return f"{text}，{'、'.join(majors)}{rng.choice(phrasing.MAJOR_SUFFIXES)}"
    if roll < 0.75 and not licensed:
        return f"{text}，专业不限"
    return text


def _salary(rng: random.Random, occ: Occupation, job_type: JobType) -> tuple[int, int]:
    lo, hi = occ.salary
    if job_type is JobType.INTERNSHIP:  # 见习补贴 is near the local minimum wage
        base = rng.choice((1800, 2000, 2200, 2400))
        return base, base + rng.choice((400, 600, 800))
    if job_type is JobType.PUBLIC_WELFARE:
        base = rng.choice((2100, 2200, 2400))
        return base, base + rng.choice((300, 500))
    if job_type is JobType.GRASSROOTS:
        lo, hi = int(lo * 0.75), int(hi * 0.7)
    elif job_type is JobType.FLEXIBLE:
        lo, hi = int(lo * 0.6), int(hi * 0.9)
    # Employers quote round figures; subsidy-level wages above are quoted to the hundred.
    lo = max(2000, (lo + rng.choice((-500, 0, 0, 500))) // 500 * 500)
    hi = max(lo + 1000, (hi + rng.choice((-1000, 0, 500, 1000))) // 500 * 500)
    return lo, hi


def _title(rng: random.Random, occ: Occupation, job_type: JobType) -> str:
    if job_type in occ.type_titles:
        return rng.choice(occ.type_titles[job_type])
    title = rng.choice(occ.titles)
    if job_type is JobType.INTERNSHIP:
        return rng.choice(phrasing.INTERN_TITLE_FORMS).format(title=title)
    if job_type is JobType.FLEXIBLE:
        return rng.choice(phrasing.FLEX_TITLE_FORMS).format(title=title)
    return title


def _description(rng: random.Random, occ: Occupation, job_type: JobType, title: str,
                 employer: Employer, edu: Education, majors: Sequence[str]) -> str:
    # Few sentences from each pool, so two postings of one occupation share few keywords.
    duties = rng.sample(occ.duties, rng.randint(2, min(4, len(occ.duties))))
    reqs = rng.sample(occ.requirements, rng.randint(1, min(3, len(occ.requirements))))
    edu_line = _education_sentence(rng, edu, majors, occ.licensed)
    reqs = [edu_line, *reqs] if rng.random() < 0.7 else [*reqs, edu_line]
    openings = (phrasing.PUBLIC_OPENINGS if job_type in phrasing.PUBLIC_JOB_TYPES
                else phrasing.COMPANY_OPENINGS)
    city = employer.city
    opening = rng.choice(openings).format(title=title, employer=employer.name, city=city)
    public = job_type in phrasing.PUBLIC_JOB_TYPES
    intro = "" if public else rng.choice(phrasing.COMPANY_INTROS[employer.industry])
    notes = phrasing.JOB_TYPE_NOTES[job_type]
    numbers = phrasing.NOTE_NUMBERS.get(job_type, (1,))
    note = rng.choice(notes).format(n=rng.choice(numbers)) if notes else ""
    perks = rng.sample(phrasing.BENEFITS, rng.randint(3, 5))
    benefits = f"{rng.choice(phrasing.BENEFIT_LEADS)}{'、'.join(perks)}。"
    location = rng.choice(phrasing.LOCATION_LINES).format(city=city)
    hours = rng.choice(phrasing.HOURS_LINES)
    # Draw every roll in a fixed order so a change of probability shifts nothing else.
    rolls = [rng.random() for _ in range(7)]
    full_time = job_type is JobType.FULL_TIME
    head = [line for line, keep in ((intro, rolls[6] < 0.45), (opening, rolls[0] < 0.5))
            if keep and line]
    foot = [line for line, keep in (
        (note, True),
        (benefits, full_time and rolls[1] < 0.65),
        (location, rolls[2] < 0.4),
        (hours, job_type is not JobType.FLEXIBLE and rolls[3] < 0.3),
        (phrasing.PROBATION_LINE, full_time and rolls[4] < 0.25),
        (phrasing.RESUME_LINE, rolls[5] < 0.2),
    ) if keep and line]
    layout_seed = rng.getrandbits(32)  # one layout however often we re-render
    spare = [d for d in occ.duties if d not in duties]
    rng.shuffle(spare)

    def render() -> str:
        body = _layout(random.Random(layout_seed), duties, reqs)
        return "\n".join([*head, body, *foot])

    # Pad short postings with framing before more duties, so that padding does
    # not pull every short posting towards the full duty pool.
    pads: list[tuple[list[str], str]] = []
    if intro and intro not in head:
        pads.append((head, intro))
    if opening not in head:
        pads.append((head, opening))
    if full_time and benefits not in foot:
        pads.append((foot, benefits))
    if location not in foot:
        pads.append((foot, location))
    pads += [(duties, d) for d in spare]
    text = render()
    while len(text) < DESCRIPTION_MIN and pads:
        target, line = pads.pop(0)
        target.append(line)
        text = render()
    while len(text) > DESCRIPTION_MAX and len(duties) > 2:
        duties.pop()
        text = render()
    if not DESCRIPTION_MIN <= len(text) <= DESCRIPTION_MAX:
        raise ValueError(f"{occ.code}: description length {len(text)} out of bounds")
    return text


def build_postings() -> list[Row]:
    rows: list[Row] = []
    for occ in OCCUPATIONS:
        used: dict[JobType, int] = {}
        for i, job_type in enumerate(occ.job_types):
            rng = random.Random(f"{occ.code}/{i}")
            pool = occ.type_employers.get(job_type, occ.employers)
            employer = pool[used.get(job_type, 0) % len(pool)]  # cycle so every employer is used
            used[job_type] = used.get(job_type, 0) + 1
            edu = occ.education[i % len(occ.education)]
            if job_type is JobType.RESEARCH_ASSISTANT:  # 科研助理 posts are for degree holders
                edu = max(edu, Education.BACHELOR, key=EDUCATION_RANK.__getitem__)
            majors = rng.sample(occ.majors, rng.choice((0, 1, 2, 2, 3)))
            skills = rng.sample(occ.skills, rng.choice((0, 2, 3, 4, 5)))
            title = _title(rng, occ, job_type)
            description = _description(rng, occ, job_type, title, employer, edu, majors)
            salary_min, salary_max = _salary(rng, occ, job_type)
            rows.append({
                "title": title, "description": description, "employer_name": employer.name,
                "industry": str(employer.industry), "city": employer.city,
                "education_min": str(edu), "majors": majors, "skills": skills,
                "salary_min": salary_min, "salary_max": salary_max, "job_type": str(job_type),
                "_judge": {"occupation": occ.code},
            })
    # Shuffle before numbering so that an id reveals nothing about the occupation.
    random.Random(ORDER_SEED).shuffle(rows)
    return [{"id": f"eval-job-{n:03d}", **row} for n, row in enumerate(rows, start=1)]


# --------------------------------------------------------------------------- profiles
def related_of(profile: Profile) -> list[str]:
    """Union of the targets' related sets, minus the targets, plus the person's extras."""
    by_code = {occ.code: occ for occ in OCCUPATIONS}
    out: list[str] = []
    candidates = [c for t in profile.targets for c in by_code[t].related]
    for code in [*candidates, *profile.extra_related]:
        if code not in profile.targets and code not in out:
            out.append(code)
    return out


def build_profiles() -> list[Row]:
    return [{
        "id": f"eval-grad-{n:02d}", "major": p.major, "education": str(p.education),
        "graduation_year": p.graduation_year, "skills": list(p.skills), "intro": p.intro,
        "preferred_cities": list(p.preferred_cities),
        "preferred_industries": [str(i) for i in p.preferred_industries],
        "preferred_job_types": [str(j) for j in p.preferred_job_types],
        "expected_salary": p.expected_salary, "current_city": p.current_city,
        "_judge": {"target_occupations": list(p.targets), "related_occupations": related_of(p)},
    } for n, p in enumerate(PROFILES, start=1)]


# --------------------------------------------------------------------------- grading
def eligible(profile: Row, posting: Row) -> bool:
    """Hard conditions of README's rule: education at or above the minimum, and P6."""
    has = EDUCATION_RANK[Education(profile["education"])]
    if has < EDUCATION_RANK[Education(posting["education_min"])]:
        return False
    if posting["job_type"] == JobType.INTERNSHIP:
        return profile["graduation_year"] >= INTERNSHIP_MIN_GRADUATION_YEAR
    return True


def grade(profile: Row, posting: Row) -> int:
    """README's judging rule, applied to the written rows."""
    if not eligible(profile, posting):
        return 0
    occupation = posting["_judge"]["occupation"]
    judge = profile["_judge"]
    if occupation in judge["target_occupations"]:
        return 2 if posting["job_type"] in profile["preferred_job_types"] else 1
    return 1 if occupation in judge["related_occupations"] else 0


def build_qrels(profiles: Sequence[Row], postings: Sequence[Row]) -> list[tuple[str, str, int]]:
    return [(p["id"], j["id"], grade(p, j)) for p in profiles for j in postings]


# --------------------------------------------------------------------------- output
def _jsonl(rows: Iterable[Row]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _check(profiles: Sequence[Row], qrels: Sequence[tuple[str, str, int]]) -> None:
    """Refuse to write a set that breaks README's promises."""
    known = {occ.code for occ in OCCUPATIONS}
    for p in profiles:
        judge = p["_judge"]
        unknown = set(judge["target_occupations"] + judge["related_occupations"]) - known
        if unknown:
            raise ValueError(f"{p['id']}: unknown occupations {sorted(unknown)}")
        n2 = sum(1 for pid, _, g in qrels if pid == p["id"] and g == 2)
        if n2 < 3:
            raise ValueError(f"{p['id']}: only {n2} grade-2 postings; README promises at least 3")


def write_set(out: Path) -> dict[str, str]:
    """Write the three files into ``out``; return their sha256 digests."""
    postings, profiles = build_postings(), build_profiles()
    qrels = build_qrels(profiles, postings)
    _check(profiles, qrels)
    texts = {
        "postings.jsonl": _jsonl(postings),
        "profiles.jsonl": _jsonl(profiles),
        "qrels.tsv": QRELS_HEADER + "".join(f"{p}\t{j}\t{g}\n" for p, j, g in qrels),
    }
    out.mkdir(parents=True, exist_ok=True)
    digests = {}
    for name, text in texts.items():
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        digests[name] = hashlib.sha256(data).hexdigest()
    return digests


def occupation_table() -> str:
    """The README table of occupations and related sets, generated so the two cannot drift."""
    lines = ["| occupation | 名称 | related (grade 1) | why |", "|---|---|---|---|"]
    lines += [f"| `{o.code}` | {o.name} | {', '.join(o.related)} | {o.why_related} |"
              for o in OCCUPATIONS]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="directory to write into")
    parser.add_argument("--occupation-table", action="store_true",
                        help="print the README occupation table instead of building")
    args = parser.parse_args(argv)
    if args.occupation_table:
        print(occupation_table())
        return
    for name, digest in write_set(args.out).items():
        print(f"{digest}  {name}")


if __name__ == "__main__":
    main()
