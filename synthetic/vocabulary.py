"""Word lists for the synthetic provincial dataset: people, places, schools, employers.

Everything here is hand-written for the demo; nothing is copied from real postings or
registries. Tuples (not sets) everywhere so that a seeded ``random.Random`` walks them in
the same order on every run.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import SHANDONG_CITIES

# --- people -------------------------------------------------------------------------------

# Common surnames, most frequent first; Shandong-typical ones (于, 姜, 曲, 隋, 孔) included.
SURNAMES: tuple[str, ...] = (
    "王", "李", "张", "刘", "孙", "赵", "杨", "陈", "高", "徐", "马", "于", "郭", "姜", "宋",
    "韩", "董", "周", "吴", "朱", "胡", "崔", "田", "曹", "吕", "林", "许", "何", "孔", "石",
    "袁", "冯", "邢", "曲", "隋", "范", "苏", "程", "秦", "尹", "魏", "丁", "贾", "侯", "薛",
)
# Relative weights for SURNAMES: the big five cover about a third of the population.
SURNAME_WEIGHTS: tuple[int, ...] = (
    12, 11, 10, 8, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 3,
    3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
)
MALE_NAME_CHARS: tuple[str, ...] = (
    "浩", "宇", "轩", "博", "文", "杰", "俊", "涛", "鹏", "磊", "强", "伟", "晨", "昊", "然",
    "哲", "凯", "航", "子", "泽", "明", "辉", "瑞", "洋", "帅", "亮", "飞", "鑫", "志", "远",
)
FEMALE_NAME_CHARS: tuple[str, ...] = (
    "欣", "怡", "婷", "雪", "静", "丽", "娜", "佳", "琪", "悦", "雨", "萱", "晴", "璐", "瑶",
    "颖", "诗", "梦", "慧", "婧", "涵", "嘉", "文", "玉", "倩", "月", "晓", "彤", "宁", "玲",
)

# Mobile prefixes of the three carriers (virtual-operator 170/171 left out on purpose).
PHONE_PREFIXES: tuple[str, ...] = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "173", "176", "177", "178", "180", "181",
    "182", "183", "185", "186", "187", "188", "189", "191", "195", "198", "199",
)

# --- places -------------------------------------------------------------------------------

# Relative share of postings and residents per city: the two big labour markets dominate.
CITY_WEIGHTS: dict[str, int] = {
    "济南": 16, "青岛": 18, "淄博": 6, "枣庄": 4, "东营": 5, "烟台": 9, "潍坊": 8, "济宁": 6,
    "泰安": 5, "威海": 5, "日照": 4, "临沂": 7, "德州": 4, "聊城": 4, "滨州": 4, "菏泽": 5,
}
# Cities whose wage level sits above (济南, 青岛) or below the provincial middle.
CITY_SALARY_FACTOR: dict[str, float] = {
    "济南": 1.12, "青岛": 1.15, "烟台": 1.03, "威海": 1.0, "东营": 1.02, "淄博": 0.98,
    "潍坊": 0.98,
}
DEFAULT_CITY_SALARY_FACTOR = 0.92

# A few districts/counties per city, for work addresses and grassroots employers.
COUNTIES: dict[str, tuple[str, ...]] = {
    "济南": ("历下区", "历城区", "槐荫区", "章丘区", "平阴县", "商河县"),
    "青岛": ("市南区", "黄岛区", "城阳区", "即墨区", "胶州市", "平度市"),
    "淄博": ("张店区", "临淄区", "博山区", "桓台县", "沂源县"),
    "枣庄": ("市中区", "薛城区", "山亭区", "滕州市"),
    "东营": ("东营区", "河口区", "垦利区", "广饶县", "利津县"),
    "烟台": ("芝罘区", "福山区", "莱山区", "蓬莱区", "龙口市", "招远市"),
    "潍坊": ("奎文区", "潍城区", "寿光市", "青州市", "诸城市", "高密市"),
    "济宁": ("任城区", "兖州区", "曲阜市", "邹城市", "微山县"),
    "泰安": ("泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县"),
    "威海": ("环翠区", "文登区", "荣成市", "乳山市"),
    "日照": ("东港区", "岚山区", "五莲县", "莒县"),
    "临沂": ("兰山区", "河东区", "沂南县", "沂水县", "费县", "兰陵县"),
    "德州": ("德城区", "陵城区", "禹城市", "乐陵市", "齐河县"),
    "聊城": ("东昌府区", "茌平区", "临清市", "阳谷县", "冠县"),
    "滨州": ("滨城区", "沾化区", "邹平市", "博兴县", "惠民县"),
    "菏泽": ("牡丹区", "定陶区", "曹县", "单县", "郓城县"),
}

# GB/T 2260 county codes (as printed on ids of people born around 2000) per Shandong city.
SHANDONG_REGION_CODES: dict[str, tuple[str, ...]] = {
    "济南": ("370102", "370103", "370104", "370112", "370181"),
    "青岛": ("370202", "370203", "370211", "370214", "370281"),
    "淄博": ("370302", "370303", "370305", "370321"),
    "枣庄": ("370402", "370403", "370481"),
    "东营": ("370502", "370522", "370523"),
    "烟台": ("370602", "370611", "370681", "370685"),
    "潍坊": ("370702", "370705", "370781", "370783"),
    "济宁": ("370802", "370881", "370883", "370826"),
    "泰安": ("370902", "370911", "370982", "370983"),
    "威海": ("371002", "371081", "371082"),
    "日照": ("371102", "371121", "371122"),
    "临沂": ("371302", "371311", "371321", "371323"),
    "德州": ("371402", "371481", "371482"),
    "聊城": ("371502", "371581", "371521"),
    "滨州": ("371602", "371621", "371626"),
    "菏泽": ("371702", "371721", "371722"),
}


@dataclass(frozen=True, slots=True)
class OtherProvince:
    """A province that sends graduates to Shandong: name as written in hukou, id codes, a city."""

    name: str
    region_codes: tuple[str, ...]
    capital: str


OTHER_PROVINCES: tuple[OtherProvince, ...] = (
    OtherProvince("河南", ("410102", "410105", "410302", "411502"), "郑州"),
    OtherProvince("河北", ("130102", "130202", "130602", "131102"), "石家庄"),
    OtherProvince("江苏", ("320102", "320302", "320702", "321302"), "南京"),
    OtherProvince("安徽", ("340102", "340302", "341202", "341302"), "合肥"),
    OtherProvince("山西", ("140105", "140202", "140702"), "太原"),
    OtherProvince("黑龙江", ("230102", "230202", "231002"), "哈尔滨"),
    OtherProvince("辽宁", ("210102", "210202", "210302"), "沈阳"),
    OtherProvince("内蒙古", ("150102", "150202", "150402"), "呼和浩特"),
    OtherProvince("四川", ("510104", "510302", "511302"), "成都"),
    OtherProvince("甘肃", ("620102", "620402", "620502"), "兰州"),
)
# Neighbouring provinces send most of Shandong's out-of-province job seekers.
OTHER_PROVINCE_WEIGHTS: tuple[int, ...] = (30, 20, 12, 10, 6, 6, 5, 4, 4, 3)

# --- schools ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class School:
    """A college a graduate may come from.

    ``kinds`` says which majors it plausibly teaches ("综合" = any); ``province`` is None for
    Shandong schools; ``top_level`` is the highest degree it plausibly awards.
    """

    name: str
    city: str
    kinds: tuple[str, ...]
    vocational: bool
    top_level: str = "bachelor"
    province: str | None = None


def _u(name: str, city: str, kinds: str, top: str = "master", province: str | None = None) -> School:
    return School(name, city, tuple(kinds.split(",")), False, top, province)


def _v(name: str, city: str, kinds: str, province: str | None = None) -> School:
    return School(name, city, tuple(kinds.split(",")), True, "associate", province)


SCHOOLS: tuple[School, ...] = (
    _u("山东大学", "济南", "综合", "doctor"),
    _u("中国海洋大学", "青岛", "marine,science,engineering,finance,humanities,agriculture", "doctor"),
    _u("中国石油大学（华东）", "青岛", "engineering,chemical,science,finance", "doctor"),
    _u("山东师范大学", "济南", "normal,humanities,science,arts,finance", "doctor"),
    _u("青岛大学", "青岛", "综合", "doctor"),
    _u("山东科技大学", "青岛", "engineering,science,finance,marine", "doctor"),
    _u("山东农业大学", "泰安", "agriculture,engineering,science,finance", "doctor"),
    _u("青岛农业大学", "青岛", "agriculture,marine,finance,arts"),
    _u("山东理工大学", "淄博", "engineering,chemical,science,finance"),
    _u("济南大学", "济南", "综合", "doctor"),
    _u("烟台大学", "烟台", "engineering,chemical,humanities,finance,science,marine"),
    _u("齐鲁工业大学", "济南", "engineering,chemical,science,arts", "doctor"),
    _u("山东第一医科大学", "济南", "medical", "doctor"),
    _u("山东第二医科大学", "潍坊", "medical"),
    _u("滨州医学院", "烟台", "medical"),
    _u("山东中医药大学", "济南", "medical", "doctor"),
    _u("山东财经大学", "济南", "finance,humanities,tourism", "doctor"),
    _u("山东工商学院", "烟台", "finance,engineering,tourism"),
    _u("曲阜师范大学", "济宁", "normal,humanities,science,engineering,tourism", "doctor"),
    _u("聊城大学", "聊城", "normal,humanities,science,chemical,engineering"),
    _u("鲁东大学", "烟台", "normal,humanities,science,marine,agriculture"),
    _u("临沂大学", "临沂", "normal,humanities,engineering,finance,tourism"),
    _u("山东建筑大学", "济南", "engineering,arts,finance"),
    _u("青岛科技大学", "青岛", "chemical,engineering,arts,science", "doctor"),
    _u("青岛理工大学", "青岛", "engineering,arts,finance"),
    _u("山东交通学院", "济南", "engineering,marine,finance", "bachelor"),
    _u("潍坊学院", "潍坊", "normal,engineering,agriculture,finance", "bachelor"),
    _u("德州学院", "德州", "normal,engineering,science,finance", "bachelor"),
    _u("菏泽学院", "菏泽", "normal,agriculture,humanities", "bachelor"),
    _u("枣庄学院", "枣庄", "normal,engineering,humanities", "bachelor"),
    _u("泰山学院", "泰安", "normal,tourism,humanities,arts", "bachelor"),
    _u("齐鲁医药学院", "淄博", "medical", "bachelor"),
    _u("山东艺术学院", "济南", "arts", "master"),
    _u("山东工艺美术学院", "济南", "arts", "master"),
    _v("山东职业学院", "济南", "engineering,it,finance"),
    _v("济南职业学院", "济南", "engineering,it,finance,tourism,arts,normal"),
    _v("日照职业技术学院", "日照", "engineering,marine,it,finance"),
    _v("淄博职业学院", "淄博", "engineering,chemical,it,finance,medical"),
    _v("潍坊职业学院", "潍坊", "engineering,agriculture,it,finance"),
    _v("威海职业学院", "威海", "engineering,marine,tourism,it"),
    _v("东营职业学院", "东营", "chemical,engineering,finance"),
    _v("青岛职业技术学院", "青岛", "engineering,it,tourism,finance,arts"),
    _v("山东商业职业技术学院", "济南", "finance,it,tourism,agriculture"),
    _v("山东医学高等专科学校", "临沂", "medical"),
    _v("菏泽医学专科学校", "菏泽", "medical"),
    _v("山东畜牧兽医职业学院", "潍坊", "agriculture"),
    _v("烟台职业学院", "烟台", "engineering,it,chemical,finance"),
    _v("滨州职业学院", "滨州", "marine,engineering,medical,finance"),
    _v("聊城职业技术学院", "聊城", "agriculture,medical,engineering,finance,normal"),
    _v("临沂职业学院", "临沂", "engineering,it,finance,arts"),
    _v("山东旅游职业学院", "济南", "tourism,arts"),
    _v("山东化工职业学院", "潍坊", "chemical,engineering"),
    _v("山东电子职业技术学院", "济南", "it,engineering,arts"),
    _v("青岛港湾职业技术学院", "青岛", "marine,engineering,finance"),
    _v("山东劳动职业技术学院", "济南", "engineering,finance,public"),
    _v("德州职业技术学院", "德州", "engineering,energy,it,finance"),
    _v("淄博师范高等专科学校", "淄博", "normal,public,arts"),
    _u("郑州大学", "郑州", "综合", "doctor", "河南"),
    _u("河南农业大学", "郑州", "agriculture,finance", "master", "河南"),
    _u("河北工业大学", "天津", "engineering,energy,finance", "doctor", "河北"),
    _u("江苏大学", "镇江", "engineering,medical,agriculture,finance", "doctor", "江苏"),
    _u("合肥工业大学", "合肥", "engineering,energy,finance", "doctor", "安徽"),
    _u("太原理工大学", "太原", "engineering,chemical,energy", "doctor", "山西"),
    _u("东北农业大学", "哈尔滨", "agriculture,finance", "doctor", "黑龙江"),
    _u("大连海事大学", "大连", "marine,engineering,finance", "doctor", "辽宁"),
    _u("内蒙古大学", "呼和浩特", "综合", "doctor", "内蒙古"),
    _u("西南交通大学", "成都", "engineering,finance,arts", "doctor", "四川"),
    _u("兰州大学", "兰州", "综合", "doctor", "甘肃"),
    _v("河南职业技术学院", "郑州", "engineering,it,tourism,finance,normal", "河南"),
    _v("石家庄职业技术学院", "石家庄", "engineering,it,finance", "河北"),
    _v("江苏农牧科技职业学院", "泰州", "agriculture,medical", "江苏"),
    _v("安徽商贸职业技术学院", "芜湖", "finance,it,tourism", "安徽"),
    _v("山西职业技术学院", "太原", "engineering,chemical,it", "山西"),
    _v("辽宁农业职业技术学院", "营口", "agriculture", "辽宁"),
    _v("四川卫生康复职业学院", "自贡", "medical", "四川"),
)

# --- employers ----------------------------------------------------------------------------

# Two-character trade names (字号); combined with a city and a suffix they make employer
# names. Well-known real brands are avoided so no posting reads as coming from them.
TRADE_NAMES: tuple[str, ...] = (
    "华拓", "齐航", "海润", "泰和", "瑞丰", "金诺", "博远", "恒信", "德润", "中晟", "蓝海",
    "利民", "鑫源", "宏达", "昌盛", "汇通", "启明", "正源", "新元", "天诚", "众联", "远航",
    "佳和", "安泰", "康宁", "明德", "聚成", "盛泰", "沂蒙", "琴岛", "泉城", "渤洋", "岱宗",
    "鸢都", "东鲁", "青禾", "弘毅", "润丰", "卓越", "华晟", "坤元", "海之韵", "瀚宇", "嘉禾",
    "立信", "尚德", "鲁源", "科睿", "晨阳", "泓泰",
)

BENEFITS: tuple[str, ...] = (
    "五险一金", "带薪年休假", "节日福利", "工作餐", "员工宿舍", "年度健康体检", "绩效奖金",
    "年终奖", "岗前培训", "技能提升计划", "交通补贴", "通讯补贴", "清晰的晋升通道", "双休",
)

# Soft requirements any posting may add; deliberately free of age, gender, looks or hukou.
SOFT_REQUIREMENTS: tuple[str, ...] = (
    "具备良好的沟通表达能力和团队协作意识",
    "工作认真细致，责任心强，有较强的学习能力",
    "能够按计划推进工作，具备一定的抗压能力",
    "具有良好的职业道德和服务意识",
    "逻辑清晰，善于发现并解决问题",
    "积极主动，乐于接受新任务和新挑战",
)

CITY_NAMES: tuple[str, ...] = SHANDONG_CITIES
