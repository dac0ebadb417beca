"""Benchmark: import a 10,000-row GBK CSV of graduates with some bad rows.

Why: staff import the real-name registry from Excel exports (P1); the target is under 30 s for
10,000 rows on a 2-core machine. The file is written the way Excel on Chinese Windows writes
"CSV (逗号分隔)": GBK, Chinese headers. About 2% of rows are made bad (wrong id check digit,
graduation year out of range, unknown education word) and must be reported, not stored.

    .venv/bin/python scripts/bench_import.py --rows 10000 [--database-url URL]

Runs the real `jobmatch import graduates` command in a subprocess against a fresh database
(a temporary SQLite file unless --database-url names another) and prints a markdown table.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from synthetic.generate import generate_graduates  # noqa: E402

HEADERS = {
    "external_id": "编号", "name": "姓名", "national_id": "身份证号", "phone": "手机号", "birth_date": "出生日期",
    "gender": "性别", "school": "毕业院校", "major": "专业", "education": "学历", "graduation_year": "毕业年份",
    "hukou_province": "户籍省份", "current_city": "现居城市", "preferred_cities": "意向城市",
    "expected_salary": "期望月薪", "skills": "技能", "intro": "个人简介", "hardship": "困难类别",
    "registration_channel": "登记渠道",
}
EDUCATION_WORDS = {"associate": "大专", "bachelor": "本科", "master": "硕士", "doctor": "博士"}
GENDER_WORDS = {"male": "男", "female": "女"}
HARDSHIP_WORDS = {"poverty_registered": "建档立卡", "minimum_living": "低保", "disabled": "残疾",
                  "zero_employment_family": "零就业家庭"}
CHANNEL_WORDS = {"mini_program": "小程序", "walk_in": "现场", "school": "学校", "import": "导入"}


def _row(graduate: dict) -> list[str]:  # type: ignore[type-arg]
    cells = dict(graduate)
    cells["education"] = EDUCATION_WORDS[graduate["education"]]
    cells["gender"] = GENDER_WORDS[graduate["gender"]]
    cells["hardship"] = "、".join(HARDSHIP_WORDS[h] for h in graduate["hardship"])
    cells["registration_channel"] = CHANNEL_WORDS[graduate["registration_channel"]]
    cells["preferred_cities"] = "、".join(graduate["preferred_cities"])
    cells["skills"] = "、".join(graduate["skills"])
    return ["" if cells.get(field) is None else str(cells[field]) for field in HEADERS]


def _spoil(row: list[str], rng: random.Random) -> list[str]:
    fields = list(HEADERS)
    kind = rng.choice(["id", "year", "education"])
    if kind == "id":
        index = fields.index("national_id")
        last = row[index][-1]
        row[index] = row[index][:-1] + ("0" if last != "0" else "1")
    elif kind == "year":
        row[fields.index("graduation_year")] = "1975"
    else:
        row[fields.index("education")] = "博士后"
    return row


def write_csv(path: Path, rows: int, bad_share: float, seed: int) -> int:
    rng = random.Random(seed)
    bad = 0
    with path.open("w", encoding="gbk", errors="replace", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS.values())
        for graduate in generate_graduates(seed=seed, count=rows):
            row = _row(graduate)
            if rng.random() < bad_share:
                row = _spoil(row, rng)
                bad += 1
            writer.writerow(row)
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--bad-share", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graduates_gbk.csv"
        bad = write_csv(path, args.rows, args.bad_share, args.seed)
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.db'}"
        env = {**os.environ, "JOBMATCH_DATABASE_URL": url, "JOBMATCH_LOG_LEVEL": "WARNING"}
        subprocess.run([sys.executable, "-m", "app.cli", "migrate"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        timings = []
        for label in ("first import", "rerun (no change)"):
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "app.cli", "import", "graduates", str(path)], cwd=ROOT,
                                    env=env, check=True, capture_output=True, text=True)
            timings.append((label, time.perf_counter() - started, result.stdout.strip().splitlines()[0]))
        report = path.with_name("graduates_gbk.rejected.csv")
        reported_rows = len({line.split(",", 1)[0] for line in report.read_text(encoding="utf-8-sig").splitlines()[1:]})
    backend = url.split(":", 1)[0]
    print(f"rows={args.rows} spoiled={bad} backend={backend}\n")
    print("| run | seconds | rows/s | summary |")
    print("|---|---|---|---|")
    for label, seconds, summary in timings:
        print(f"| {label} | {seconds:.1f} | {args.rows / seconds:.0f} | {summary} |")
    print(f"\nrows in the rejection report: {reported_rows} (spoiled on purpose: {bad})")


if __name__ == "__main__":
    main()
