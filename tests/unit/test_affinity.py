"""Major ↔ industry affinity: table values and free-text major resolution."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.domain.enums import Industry
from app.matching.affinity import AFFINITY_CSV, major_industry_affinity, resolve_major

CATALOGUE = Path(__file__).resolve().parents[3] / "shared/data/taxonomies/undergrad_majors_flat.csv"


@pytest.mark.parametrize(
    ("major", "industry", "low", "high"),
    [
        ("护理", "medical_health", 0.9, 1.0),
        ("护理学", "medical_health", 0.9, 1.0),
        ("老年护理", "医养健康", 0.9, 1.0),  # unknown name, resolved by its ending
        ("计算机科学与技术", "new_gen_it", 0.9, 1.0),
        ("软件技术", "new_gen_it", 0.9, 1.0),  # vocational name
        ("农学", "modern_agriculture", 0.9, 1.0),
        ("农学", "modern_finance", 0.0, 0.0),
        ("机电一体化技术", "high_end_equipment", 0.9, 1.0),
        ("大数据与会计", "modern_finance", 0.5, 1.0),
        ("水产养殖技术", "智慧海洋", 0.9, 1.0),  # industry alias accepted
        ("医药卫生大类", "medical_health", 0.9, 1.0),
        ("不存在的专业", "new_gen_it", 0.0, 0.0),
    ],
)
def test_affinity(major: str, industry: str, low: float, high: float) -> None:
    assert low <= major_industry_affinity(major=major, industry=industry) <= high


def test_resolution_prefers_the_narrow_class_and_cleans_names() -> None:
    assert resolve_major("农学").code == "0901"  # type: ignore[union-attr]
    assert resolve_major("工学").level == "discipline"  # type: ignore[union-attr]
    assert resolve_major("英语（师范）").code == "0502"  # type: ignore[union-attr]
    assert resolve_major("葡萄牙语").code == "0502"  # type: ignore[union-attr]  (not 葡萄 → food)
    assert resolve_major("") is None


def test_unknown_industry_is_an_error() -> None:
    with pytest.raises(ValueError):
        major_industry_affinity(major="护理", industry="shipping")


def test_table_is_well_formed() -> None:
    with AFFINITY_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    keys = [(r["code"], r["industry"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(0.0 < float(r["weight"]) <= 1.0 and r["reason"] for r in rows)
    assert {r["industry"] for r in rows} <= {i.value for i in Industry}
    assert len({r["code"] for r in rows if r["level"] == "class"}) == 93
    assert len({r["code"] for r in rows if r["level"] == "vocational"}) == 19


@pytest.mark.skipif(not CATALOGUE.is_file(), reason=f"reference catalogue not present at {CATALOGUE}")
def test_catalogue_majors_resolve_to_their_class() -> None:
    with CATALOGUE.open(encoding="utf-8", newline="") as handle:
        majors = list(csv.DictReader(handle))
    hits = sum(
        1 for m in majors if (group := resolve_major(m["专业名称"])) is not None and group.code == m["专业类代码"]
    )
    assert hits / len(majors) >= 0.95
