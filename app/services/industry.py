"""Suggest a ten-strong-industry code for a posting saved without one (P5).

The trained classifier (``app.matching.industry_model``) answers when its model file is present
and loads: it recognises far more phrasings than a word list (accuracy on held-out postings in
``models/industry_classifier.metrics.json``). Without it — a fresh checkout without the artefact,
or a scikit-learn upgrade that makes the pickle unusable — a transparent keyword vote answers:
each industry has words typical of its postings and the share of hits is the confidence.
Postings with no hit get ``other`` at a low confidence so staff see they need a look.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.domain.enums import Industry
from app.matching import industry_model

_KEYWORDS: dict[Industry, tuple[str, ...]] = {
    Industry.NEW_GEN_IT: ("软件", "开发", "Java", "Python", "前端", "后端", "测试工程师", "运维", "算法",
                          "数据", "网络", "嵌入式", "芯片", "集成电路", "互联网", "程序", "云计算", "人工智能"),
    Industry.HIGH_END_EQUIPMENT: ("机械", "PLC", "CAD", "数控", "电气", "自动化", "装配", "机床", "SolidWorks",
                                  "模具", "焊接", "机器人", "设备维修", "轨道交通", "液压"),
    Industry.NEW_ENERGY_MATERIALS: ("光伏", "锂电", "电池", "储能", "新能源", "材料", "风电", "氢能",
                                    "半导体材料", "复合材料", "充电桩"),
    Industry.MODERN_MARINE: ("海洋", "船舶", "港口", "渔业", "航运", "海水", "水产", "海工", "码头", "船员"),
    Industry.MEDICAL_HEALTH: ("护士", "护理", "医生", "医院", "康复", "药剂", "药品", "医疗", "养老", "临床",
                              "执业", "医药", "诊所", "健康管理", "检验科"),
    Industry.HIGH_END_CHEMICAL: ("化工", "化验", "化学", "工艺工程师", "石化", "炼化", "聚合", "涂料",
                                 "精细化工", "安全员", "危化品"),
    Industry.MODERN_AGRICULTURE: ("农业", "农技", "种植", "植保", "畜牧", "兽医", "养殖", "农产品", "农学",
                                  "果蔬", "蔬菜", "大棚", "育种", "饲料", "农机"),
    Industry.CULTURAL_CREATIVE: ("设计", "UI", "新媒体", "剪辑", "文案", "动画", "影视", "直播", "广告",
                                 "策划", "出版", "美工", "短视频", "摄影"),
    Industry.BOUTIQUE_TOURISM: ("旅游", "导游", "酒店", "景区", "民宿", "旅行社", "前厅", "餐饮", "研学", "会展"),
    Industry.MODERN_FINANCE: ("金融", "银行", "保险", "证券", "会计", "财务", "风控", "信贷", "理财",
                              "客户经理", "审计", "出纳", "基金"),
}


@dataclass(frozen=True)
class IndustrySuggestion:
    industry: Industry
    confidence: float
    # Which method answered, so logs and evaluations can tell the model from the fallback.
    source: Literal["model", "keywords"] = "keywords"


def suggest_industry(*, title: str, description: str, skills: Sequence[str] = ()) -> IndustrySuggestion:
    """The model's suggestion when a usable model file exists, else the keyword vote."""
    predicted = industry_model.predict(title, description, skills)
    if predicted is None:
        return keyword_vote(title=title, description=description, skills=skills)
    industry, confidence = predicted
    return IndustrySuggestion(industry, round(confidence, 3), source="model")


def keyword_vote(*, title: str, description: str, skills: Sequence[str] = ()) -> IndustrySuggestion:
    """The fallback, public so that ``scripts/train_industry.py`` can report it beside the model."""
    # The title says most about a posting, so its hits count three times.
    title_text = title.lower()
    body_text = (description + " " + " ".join(skills)).lower()
    votes: dict[Industry, float] = {}
    for industry, words in _KEYWORDS.items():
        score = sum(3.0 for word in words if word.lower() in title_text)
        score += sum(1.0 for word in words if word.lower() in body_text)
        if score:
            votes[industry] = score
    if not votes:
        return IndustrySuggestion(Industry.OTHER, 0.2)
    best = max(votes, key=lambda industry: (votes[industry], industry.value))
    return IndustrySuggestion(best, round(votes[best] / sum(votes.values()), 3))
