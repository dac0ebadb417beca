"""Major ↔ industry fit: how naturally a graduate of a major supplies an industry.

The table ``data/major_industry_affinity.csv`` (hand-written; provenance and reasoning in
``data/README.md``) scores each 学科门类, each 专业类 of the undergraduate catalogue and each
vocational 专业大类 against the ten strong industries: 1.0 core supply, 0.7 strong, 0.5 related,
0.3 weak, absent = 0.

A free-text major is resolved to one of those entries: exact entry name first ("计算机类",
"工学", "医药卫生大类"), then the keyword table below. Among keywords found in the name, the one
ending last wins (a Chinese major's head noun is at the end: 大数据与*会计* is accounting), then
the longer one. Names that resolve to nothing score 0.0; ``resolve_major`` tells "unknown"
apart from "unrelated". Measured against the 2026 undergraduate catalogue (875 majors, read
from the shared reference data, not copied): see ``data/README.md``.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.domain.enums import INDUSTRY_ALIASES, Industry

AFFINITY_CSV = Path(__file__).with_name("data") / "major_industry_affinity.csv"


@dataclass(frozen=True, slots=True)
class MajorGroup:
    level: str  # discipline | class | vocational
    code: str
    name: str


# Keywords → entry code, written by hand from the catalogues' naming habits. Vocational major
# names mostly end in 技术 and are caught by the same stems.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "0101": ("哲学", "逻辑学", "宗教学", "伦理学"),
    "0201": ("经济学", "经济统计", "国民经济", "数字经济", "能源经济", "经济工程", "低空经济", "资源环境审计"),
    "0202": ("财政", "税收", "税务"),
    "0203": ("金融", "保险", "投资", "信用管理", "精算", "理财", "金融数学", "金融审计"),
    "0204": ("贸易", "国际经济", "国际贸易"),
    "0301": ("法学", "法律", "知识产权", "监狱", "司法", "纪检", "法务", "国际经贸规则", "司法警察", "社区矫正",
             "国际法", "国家安全", "海外利益"),
    "0302": ("政治", "外交", "国际关系", "国际事务", "国际组织", "政治学"),
    "0303": ("社会学", "社会工作", "人类学", "女性学", "家政", "老年学", "社会政策"),
    "0304": ("民族学",),
    "0305": ("马克思", "社会主义", "共产党", "思想政治", "工会", "中国共产党历史"),
    "0306": ("治安", "侦查", "边防", "禁毒", "警犬", "警务", "公安", "犯罪", "警察", "出入境", "消防指挥", "警卫",
             "安全保卫", "海警执法", "公安政治", "移民管理", "消防政治", "森林消防"),
    "0401": ("~教育", "学前", "早期教育", "托育", "教育学", "教育技术", "教育康复", "认知科学", "婴幼儿发展",
             "特殊教育", "小学教育", "学前教育"),
    "0402": ("体育", "运动", "武术", "冰雪", "电子竞技", "运动康复", "体能", "体育旅游", "太极"),
    "0501": ("汉语", "中国语言", "文学", "古典文献", "语言学", "秘书", "中文", "手语", "数字人文", "古典学", "汉学",
             "中国学", "语言科学"),
    "0502": ("英语", "日语", "俄语", "德语", "法语", "韩语", "朝鲜语", "西班牙语", "阿拉伯语", "翻译", "$语"),
    "0503": ("新闻", "广播电视学", "广告", "传播", "编辑出版", "新媒体", "数字出版", "融媒体"),
    "0601": ("历史", "考古", "文物", "博物馆", "世界史", "文化遗产", "古文字", "科学史"),
    "0701": ("数学", "计算科学", "数据计算", "智能计算", "数理"),
    "0702": ("物理", "声学", "量子", "系统科学"),
    "0703": ("化学", "分子科学", "化学测量"),
    "0704": ("天文",),
    "0705": ("地理", "自然地理", "地理信息科学", "自然地理与资源环境", "人文地理与城乡规划"),
    "0706": ("大气", "气象", "地球系统科学"),
    "0707": ("海洋科学", "海洋技术", "海洋资源与环境", "海洋学"),
    "0708": ("地球物理", "空间科学", "防灾减灾", "行星"),
    "0709": ("地质学", "地球化学", "古生物", "地球信息科学"),
    "0710": ("生物科学", "生物技术", "生物信息", "生态学", "神经科学", "整合科学"),
    "0711": ("心理",),
    "0712": ("统计", "数据科学"),
    "0801": ("力学",),
    "0802": ("机械", "机电", "材料成型", "工业设计", "过程装备", "车辆工程", "汽车", "数控", "模具", "智能制造",
             "增材制造", "机械设计制造及其自动化", "农机", "机械电子", "仿生", "智能交互", "应急装备",
             "农林智能装备", "真空"),
    "0803": ("仪器", "测控", "智能感知", "检测技术"),
    "0804": ("材料", "冶金", "金属", "高分子", "复合材料", "粉体", "焊接", "纳米", "稀土", "宝石", "光伏材料",
             "材料物理", "材料化学", "材料设计", "复合材料成型", "软物质"),
    "0805": ("能源与动力", "新能源", "储能", "氢能", "能源服务", "可持续能源", "动力工程", "光伏", "风电", "热能",
             "能源与环境系统", "能源科学"),
    "0806": ("电气", "电网", "照明", "电机", "电缆", "电力", "光源", "供用电", "电气工程及其自动化",
             "电气工程与智能控制", "电机电器", "能源互联网", "智慧能源", "电动载运", "大功率半导体"),
    "0807": ("电子", "通信", "微电子", "光电", "信息工程", "集成电路", "电磁", "电信", "人工智能", "水声",
             "海洋信息", "柔性电子", "嵌入式", "智能硬件", "广播电视工程", "集成电路设计", "天线", "智能视觉",
             "智能视听", "半导体", "智能测控"),
    "0808": ("自动化", "机器人", "轨道交通信号", "邮政工程", "智能装备", "工业智能", "智能控制"),
    "0809": ("计算机", "软件", "网络工程", "信息安全", "物联网", "数字媒体技术", "智能科学", "大数据",
             "网络空间安全", "区块链", "密码", "云计算", "虚拟现实", "网络技术", "信息技术", "数据技术", "移动应用",
             "游戏", "新媒体技术", "保密技术", "空间信息与数字技术", "服务科学"),
    "0810": ("土木", "建筑环境", "给排水", "建筑电气", "地下空间", "道路桥梁", "铁道工程", "智能建造", "建筑工程",
             "建筑施工", "城市水系统", "道路与桥梁", "市政", "土木、水利", "智能建造与智慧交通", "城市更新"),
    "0811": ("水利", "水文", "水资源", "港口航道", "水务", "水电"),
    "0812": ("测绘", "遥感", "导航", "地理国情", "地理空间", "时空信息", "测量", "地理空间信息工程", "时空信息工程"),
    "0813": ("化学工程", "化工", "制药工程", "资源循环", "精细化工", "涂料", "石油化工", "智能分子", "化工安全"),
    "0814": ("地质工程", "勘查", "地下水", "旅游地学", "地球探测", "资源环境大数据"),
    "0815": ("采矿", "石油", "矿物", "油气", "矿业", "矿山", "煤", "碳储", "稀土科学"),
    "0816": ("纺织", "服装设计与工程", "非织造", "丝绸", "纤维", "服装设计与工艺", "染整", "非织造材料", "丝绸设计",
             "纤维科学"),
    "0817": ("轻化", "包装", "印刷", "香料", "化妆品", "生物质能源", "造纸", "轻化工程", "生物质能源与材料",
             "生物质技术"),
    "0818": ("交通运输", "交通工程", "航海", "轮机", "飞行技术", "交通设备", "救助与打捞", "船舶电子", "邮轮工程",
             "智慧交通", "铁道", "城市轨道", "民航", "港口", "船舶电子电气", "轨道交通电气", "智能运输", "交通能源",
             "载运"),
    "0819": ("船舶", "海洋工程", "海洋资源开发", "海洋机器人", "智慧海洋", "海洋装备", "海工", "智慧海洋技术",
             "海洋智能", "无人技术"),
    "0820": ("航空", "航天", "飞行器", "无人驾驶航空器", "无人机", "空天", "飞行器动力", "飞行器环境", "飞行器控制",
             "飞行器设计"),
    "0821": ("武器", "弹药", "装甲", "探测制导", "特种能源", "信息对抗", "装甲车辆", "无人系统"),
    "0822": ("核工程", "核安全", "工程物理", "核化工", "核技术", "核电"),
    "0823": ("农业工程", "农业机械", "农业电气", "农业建筑", "农业水利", "土地整治", "农业机械化及其自动化",
             "农业智能装备", "农业机器人", "农业建筑环境"),
    "0824": ("森林工程", "木材", "林产化工", "家具", "木结构", "家具设计", "木结构建筑"),
    "0825": ("环境", "环保", "水质"),
    "0826": ("生物医学工程", "假肢", "临床工程", "康复工程", "健康科学与技术", "医疗器械", "医疗设备"),
    "0827": ("食品", "粮食", "乳品", "酿酒", "葡萄", "烹饪", "白酒", "营养", "餐饮", "食用菌", "咖啡"),
    "0828": ("建筑学", "城乡规划", "风景园林", "历史建筑", "人居环境", "城市设计", "建筑设计", "智慧建筑", "景观"),
    "0829": ("安全工程", "应急", "职业卫生", "安全生产", "安全技术"),
    "0830": ("生物工程", "生物制药", "合成生物", "生物制造", "发酵"),
    "0831": ("刑事科学", "消防", "安全防范", "公安视听", "抢险救援", "火灾", "网络安全与执法", "海警", "火灾勘查",
             "数据警务", "侦查技术", "低空安全", "交通管理工程"),
    "0901": ("农学", "园艺", "植物保护", "植物科学", "种子", "设施农业", "茶学", "茶艺", "烟草", "智慧农业", "菌物",
             "农药", "生物育种", "作物", "农业技术", "现代农业", "种植", "应用生物科学", "农艺"),
    "0902": ("农业资源与环境", "野生动物", "水土保持", "生物质科学", "土地科学", "湿地", "国家公园", "生态修复",
             "盐碱地"),
    "0903": ("动物科学", "蚕学", "蜂学", "经济动物", "马业", "饲料", "畜牧", "养殖", "牧业"),
    "0904": ("动物医学", "动物药学", "检疫", "实验动物", "兽医", "宠物", "兽医公共卫生"),
    "0905": ("林学", "园林", "森林保护", "经济林", "林业"),
    "0906": ("水产", "渔业", "水族", "水生动物", "水产养殖", "水生动物医学"),
    "0907": ("草业", "草坪"),
    "1001": ("基础医学", "生物医学"),
    "1002": ("临床医学", "麻醉", "医学影像学", "眼视光医学", "精神医学", "放射医学", "儿科学"),
    "1003": ("口腔医学",),
    "1004": ("预防医学", "食品卫生", "妇幼保健", "卫生监督", "全球健康", "公共健康", "公共卫生", "食品卫生与营养"),
    "1005": ("中医", "针灸", "推拿", "藏医", "蒙医", "维医", "壮医", "哈医", "傣医", "回医", "中医康复", "中医儿科"),
    "1006": ("中西医", "中西医临床"),
    "1007": ("药学", "药物", "药事", "药品", "临床药学", "药物化学", "化妆品科学"),
    "1008": ("中药", "藏药", "蒙药", "中草药", "藏药学", "蒙药学"),
    "1009": ("法医",),
    "1010": ("医学检验", "医学实验", "医学影像技术", "眼视光", "康复治疗", "口腔医学技术", "卫生检验", "听力",
             "康复", "呼吸治疗", "医学技术", "放射治疗", "检验技术", "卫生检验与检疫", "康复物理", "医疗保障",
             "老年医学", "核医学"),
    "1011": ("护理", "助产"),
    "1201": ("管理科学", "信息管理与信息系统", "工程管理", "房地产", "工程造价", "保密管理", "邮政管理",
             "大数据管理", "工程审计", "计算金融", "建设工程管理", "造价", "应急管理"),
    "1202": ("工商管理", "市场营销", "会计", "财务", "国际商务", "人力资源", "审计", "资产评估", "物业管理",
             "文化产业管理", "劳动关系", "体育经济", "零售", "创业管理", "营销", "企业管理", "连锁经营", "海关稽查",
             "商业"),
    "1203": ("农林经济", "农村区域", "乡村治理"),
    "1204": ("公共事业管理", "行政管理", "劳动与社会保障", "土地资源管理", "城市管理", "海关", "健康服务与管理",
             "医疗保险", "公共关系", "海事管理", "慈善管理", "社区", "交通管理", "海警后勤", "医疗产品管理",
             "检验检疫", "海外安全", "自然资源登记", "航空安防", "无障碍", "人才发展", "公共治理"),
    "1205": ("图书馆", "档案", "信息资源管理", "数据资源"),
    "1206": ("物流", "采购", "供应链"),
    "1207": ("工业工程", "标准化", "质量管理", "质量工程", "标准化工程"),
    "1208": ("电子商务", "电商", "电子商务及法律"),
    "1209": ("旅游", "酒店", "会展", "邮轮", "文旅", "导游", "民宿", "景区"),
    "1301": ("艺术史论", "艺术管理", "非物质文化遗产", "艺术学"),
    "1302": ("音乐", "舞蹈", "作曲", "声乐", "器乐", "乐器"),
    "1303": ("~表演", "动漫", "戏剧", "电影", "影视", "广播电视编导", "播音", "主持", "动画", "录音", "曲艺",
             "戏曲", "摄影摄像", "戏剧影视文学", "戏剧影视美术", "影视摄影", "演艺", "音乐剧"),
    "1304": ("美术", "绘画", "雕塑", "摄影", "书法", "中国画", "漫画", "陶瓷艺术", "书法学", "实验艺术",
             "跨媒体艺术", "文物保护与修复", "纤维艺术", "科技艺术", "虚拟空间艺术", "艺术治疗", "~艺术"),
    "1305": ("~设计", "环境艺术", "环境设计", "包装设计", "游戏艺术", "视觉传达", "公共艺术", "工艺美术",
             "数字媒体艺术", "艺术与科技", "新媒体艺术", "珠宝"),
    "1400": ("集成电路科学与工程", "未来机器人", "交叉工程", "低空技术", "碳中和", "智慧城市", "生物医药数据",
             "智能影像", "医工", "具身智能", "脑机", "工程互联网", "深地", "智能医学工程", "医疗器械与装备"),
    # Vocational stems with no undergraduate class that fits better.
    "59": ("养老", "健康管理", "婴幼儿"),
}

_BRACKETS = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


def _normalise_major(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).strip()
    name = _BRACKETS.sub("", name)  # "(中外合作办学)", "(师范)"
    return re.sub(r"(专业|方向)$", "", name.replace(" ", ""))


@cache
def _table() -> tuple[dict[str, MajorGroup], dict[str, MajorGroup], dict[tuple[str, str], float]]:
    """(groups by name, groups by code, weight by (code, industry)); loaded once per process."""
    by_name: dict[str, MajorGroup] = {}
    by_code: dict[str, MajorGroup] = {}
    weights: dict[tuple[str, str], float] = {}
    with AFFINITY_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            group = MajorGroup(level=row["level"], code=row["code"], name=row["name"])
            by_code.setdefault(group.code, group)
            by_name.setdefault(group.name, group)
            weights[(group.code, Industry(row["industry"]).value)] = float(row["weight"])
    return by_name, by_code, weights


@dataclass(frozen=True, slots=True)
class _Keyword:
    text: str
    code: str
    weak: bool  # "~": only when no ordinary keyword matches (教育, 设计 are too generic)
    suffix_only: bool  # "$": only at the end of the name (…语 is a language)


@cache
def _keyword_index() -> tuple[_Keyword, ...]:
    return tuple(
        _Keyword(text=kw.lstrip("~$"), code=code, weak=kw.startswith("~"), suffix_only=kw.startswith("$"))
        for code, keywords in _KEYWORDS.items()
        for kw in keywords
    )


@cache
def resolve_major(name: str) -> MajorGroup | None:
    """The catalogue entry a major name belongs to, or None when nothing fits."""
    by_name, by_code, _ = _table()
    key = _normalise_major(name)
    if not key:
        return None
    for candidate in (key, key + "类", key + "大类"):
        group = by_name.get(candidate)
        if group is not None and group.level != "discipline":
            return group
    # 农学, 法学, 哲学 … are majors as well as disciplines: the narrower class wins.
    whole = [kw.code for kw in _keyword_index() if kw.text == key]
    if whole:
        return by_code[whole[0]]
    if key in by_name:
        return by_name[key]
    best: tuple[int, int, int] | None = None
    best_code = ""
    for kw in _keyword_index():
        start = key.rfind(kw.text)
        if start < 0 or (kw.suffix_only and not key.endswith(kw.text)):
            continue
        rank = (0 if kw.weak else 1, start + len(kw.text), len(kw.text))
        if best is None or rank > best:
            best, best_code = rank, kw.code
    return by_code[best_code] if best else None


def _industry_code(industry: str) -> str:
    try:
        return Industry(industry).value
    except ValueError:
        if industry in INDUSTRY_ALIASES:
            return INDUSTRY_ALIASES[industry].value
        raise ValueError(f"unknown industry {industry!r}") from None


def major_industry_affinity(*, major: str, industry: str) -> float:
    """Fit in [0, 1] of a major for an industry (code, Chinese name or alias); 0.0 if unknown."""
    industry_code = _industry_code(industry)
    group = resolve_major(major)
    if group is None:
        return 0.0
    return _table()[2].get((group.code, industry_code), 0.0)
