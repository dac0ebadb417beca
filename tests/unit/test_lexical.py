"""Lexical matching: exact terms survive, bigram fallback, scores in [0, 1], skills overlap."""
from __future__ import annotations

import pytest

from app.matching.lexical import LexicalIndex, canonical_term, term_overlap, tokenize

POSTINGS = {
    1: "岗位：电气工程师；熟悉PLC编程与调试，西门子S7-1200，会看电气图纸",
    2: "岗位：机械设计；熟练使用CAD、SolidWorks绘制零件图",
    3: "岗位：病区护士；持有护士执业资格证书，熟悉静脉输液等基础护理操作",
    4: "岗位：会计；负责账务处理、纳税申报，熟练使用Excel",
    5: "岗位：销售代表；负责客户开发与维护，有驾照优先",
    6: "岗位：数控车床操作工；能看懂图纸，会调试数控车床",
    7: "岗位：Java开发；熟悉Spring Boot、MySQL，了解Redis",
}


@pytest.fixture
def index() -> LexicalIndex:
    lexical = LexicalIndex()
    lexical.upsert_many(POSTINGS.items())
    return lexical


@pytest.mark.parametrize(
    ("query", "expected"),
    [("PLC", 1), ("plc 编程", 1), ("CAD", 2), ("护士执业资格", 3), ("护理专业 护士执业资格", 3), ("数控", 6)],
)
def test_exact_term_finds_its_posting(index: LexicalIndex, query: str, expected: int) -> None:
    assert index.top(query, 1)[0][0] == expected


def test_bigrams_catch_words_the_dictionary_does_not_know() -> None:
    tokens = tokenize("熟悉氢燃料堆栈")
    assert "燃料" in tokens and "堆栈" in tokens and "料堆" in tokens
    lexical = LexicalIndex()
    lexical.upsert_many([(1, "从事氢燃料堆栈研发"), (2, "从事锂电池研发"), (3, "行政文员")])
    assert lexical.top("燃料堆栈", 1)[0][0] == 1


def test_ascii_terms_are_whole_lowercase_and_synonyms_fold() -> None:
    tokens = tokenize("熟悉C++、C#和Node.js，会用ＰＳ")
    assert {"c++", "c#", "node.js", "photoshop"} <= set(tokens)
    assert "2024" not in tokenize("2024年招聘")


def test_scores_are_normalised(index: LexicalIndex) -> None:
    scores = index.scores("护士执业资格 静脉输液 护理")
    assert scores and all(0.0 <= s <= 1.0 for s in scores.values())
    assert max(scores, key=scores.__getitem__) == 3
    assert index.scores("完全无关的词汇组合呜呜") == {}
    restricted = index.scores("PLC", [1, 2, 99])
    assert set(restricted) == {1, 2, 99} and restricted[2] == 0.0 and restricted[1] > 0


def test_upsert_replaces_and_remove_drops(index: LexicalIndex) -> None:
    index.upsert(1, "岗位：前台接待")
    assert index.top("PLC", 3) == []
    index.remove([3])
    assert 3 not in index and all(doc != 3 for doc, _ in index.top("护士", 5))


def test_snapshot_and_pending_changes_score_alike() -> None:
    pending = LexicalIndex(rebuild_after=10_000)
    rebuilt = LexicalIndex(rebuild_after=0)  # every write rebuilds the snapshot
    for lexical in (pending, rebuilt):
        lexical.upsert_many(POSTINGS.items())
    for query in ("PLC 电气", "护士执业资格", "图纸"):
        assert pending.scores(query) == pytest.approx(rebuilt.scores(query))


def test_term_overlap_normalises_case_width_and_synonyms() -> None:
    matched, missing = term_overlap(
        ["PLC", "C++", "Photoshop", "护士执业资格", "Java", "CAD"],
        ["ｐｌｃ", "cpp", "PS", "护士执业资格证书", "JavaScript", "AutoCAD"],
    )
    assert matched == ["PLC", "C++", "Photoshop", "护士执业资格", "CAD"]
    assert missing == ["Java"]  # JavaScript is not Java
    assert term_overlap(["护理", "护理"], ["护理学"]) == (["护理"], [])
    assert canonical_term(" Node.JS ") == "node.js"
