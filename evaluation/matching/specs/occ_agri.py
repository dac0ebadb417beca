"""Occupations of 现代高效农业 (growing, livestock, food, rural e-commerce)."""
from __future__ import annotations

from .types import AGRI, ASSOC, BACH, FLEX, FT, GRASS, INTERN, NONE, RA, Employer, Occupation

_SHOUGUANG_VEG = Employer("寿光绿园设施蔬菜科技有限公司", "潍坊", AGRI)
_YANTAI_APPLE = Employer("栖霞红富士果业合作社联合社", "烟台", AGRI)
_DEZHOU_SEED = Employer("德州禹城丰源种业有限公司", "德州", AGRI)
_LIAOCHENG_FARM = Employer("聊城莘县瓜菜产业园有限公司", "聊城", AGRI)
_LINYI_PIG = Employer("临沂沂蒙牧原养殖有限公司", "临沂", AGRI)
_HEZE_CATTLE = Employer("菏泽曹州肉牛产业发展有限公司", "菏泽", AGRI)
_BINZHOU_FEED = Employer("滨州惠民饲料科技有限公司", "滨州", AGRI)
_ZAOZHUANG_FOOD = Employer("枣庄石榴红食品有限公司", "枣庄", AGRI)
_WEIFANG_FOOD = Employer("潍坊安丘姜蒜食品进出口有限公司", "潍坊", AGRI)
_LINYI_TEST = Employer("临沂农产品质量检测中心有限公司", "临沂", AGRI)
_ECOM = (Employer("临沂沂蒙优品电子商务有限公司", "临沂", AGRI),
         Employer("菏泽曹县乡村电商产业园有限公司", "菏泽", AGRI),
         Employer("烟台福山樱桃电商服务有限公司", "烟台", AGRI))
_TOWNSHIP_AGRI = (Employer("平度市蓼兰镇农业农村服务中心", "青岛", AGRI),
                  Employer("齐河县焦庙镇农业综合服务站", "德州", AGRI),
                  Employer("沂水县院东头镇农技站", "临沂", AGRI))

AGRONOMIST = Occupation(
    code="agronomist",
    name="农艺师/种植技术员",
    titles=("农艺技术员", "种植技术员", "农业技术员", "植保技术员"),
    duties=(
        "负责日光温室蔬菜的育苗、定植和水肥管理",
        "开展田间病虫害调查，制定绿色防控方案",
        "指导农户科学施肥和合理用药",
        "做好品种试验示范和田间记录",
        "负责果园整形修剪、疏花疏果等栽培管理",
        "操作水肥一体化和温室环境控制系统",
        "组织农民技术培训和现场观摩",
    ),
    requirements=(
        "熟悉主要作物的栽培技术和病虫害识别",
        "能长期在基地或乡镇工作",
        "会开车、能下田，吃苦耐劳",
        "有农业合作社或种植基地实习经历者优先",
    ),
    skills=("作物栽培", "病虫害防治", "设施农业", "水肥一体化", "育苗", "植物保护", "田间试验"),
    majors=("农学", "园艺", "植物保护", "设施农业科学与工程", "现代农业技术", "智慧农业"),
    employers=(_SHOUGUANG_VEG, _YANTAI_APPLE, _DEZHOU_SEED, _LIAOCHENG_FARM),
    education=(BACH, ASSOC, ASSOC, BACH, NONE),
    salary=(4500, 8500),
    job_types=(FT, GRASS, FT, GRASS, INTERN, FT, GRASS, RA, FT, INTERN),
    related=("food_quality", "agri_ecommerce", "village_assistant", "research_assistant_bio"),
    why_related="农产品质量安全检测从田间开始；懂产品的人最适合卖农产品；乡镇农技员与乡村振兴协理工作高度重合；育种和植保研究使用生物实验方法。",
    type_employers={GRASS: _TOWNSHIP_AGRI,
                    RA: (Employer("山东省农业科学院作物研究所", "济南", AGRI),)},
    type_titles={GRASS: ("乡镇农技推广员", "基层农业技术服务岗", "农业综合服务站技术员"),
                 RA: ("科研助理（作物栽培方向）",)},
)

VETERINARIAN = Occupation(
    code="veterinarian",
    licensed=True,
    name="畜牧兽医",
    titles=("兽医技术员", "养殖场兽医", "畜牧技术员", "动物防疫员"),
    duties=(
        "负责养殖场免疫程序制定和疫苗接种",
        "开展畜群健康巡查，诊断和治疗常见疾病",
        "做好生物安全防控，落实消毒和隔离制度",
        "采集血样送检，跟踪抗体监测结果",
        "指导饲养员科学饲喂，做好生产记录",
        "为养殖户提供繁殖配种技术服务",
    ),
    requirements=(
        "熟悉常见畜禽疫病的诊断与防治",
        "能接受封闭驻场管理",
        "持有执业兽医资格证者优先",
        "吃苦耐劳，服从安排",
    ),
    skills=("动物防疫", "疾病诊断", "生物安全", "疫苗接种", "养殖场管理", "人工授精", "饲养管理"),
    majors=("动物医学", "动物科学", "畜牧兽医", "动物药学"),
    employers=(_LINYI_PIG, _HEZE_CATTLE, _BINZHOU_FEED),
    education=(ASSOC, BACH, NONE),
    salary=(5500, 10000),
    job_types=(FT, FT, INTERN, GRASS, FT, FT, FT),
    related=("marine_fishery", "food_quality", "agronomist"),
    why_related="水产病害防治与畜禽疫病防控同理；屠宰和肉品检疫属于食品质量环节；基层畜牧站与农技站常合署。",
    type_employers={GRASS: (Employer("曹县畜牧兽医服务站", "菏泽", AGRI),)},
    type_titles={GRASS: ("乡镇动物防疫员",)},
)

FOOD_QUALITY = Occupation(
    code="food_quality",
    name="食品质量检测",
    titles=("食品检验员", "食品质量管理专员", "品控专员", "农产品质量检测员"),
    duties=(
        "负责原料、半成品和成品的微生物与理化检测",
        "执行HACCP体系，监控关键控制点",
        "开展农药残留和兽药残留快速检测",
        "审核生产记录，处理客户质量投诉",
        "配合出口企业完成备案和官方抽检",
        "维护检验仪器，管理留样",
    ),
    requirements=(
        "熟悉食品安全国家标准和检验方法",
        "了解HACCP、ISO22000体系",
        "会操作液相色谱或原子吸收者优先",
        "工作细致，原则性强",
    ),
    skills=("食品检验", "HACCP", "微生物检测", "农残检测", "ISO22000", "品控", "理化分析"),
    majors=("食品质量与安全", "食品科学与工程", "食品检验检测技术", "食品营养与检验教育"),
    employers=(_ZAOZHUANG_FOOD, _WEIFANG_FOOD, _LINYI_TEST),
    education=(ASSOC, BACH, ASSOC),
    salary=(4500, 8000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT, RA),
    related=("chem_analyst", "medical_lab", "agronomist"),
    why_related="理化检验与化学分析相同；微生物检测与检验科方法相通；农残超标问题要回到种植环节解决。",
    type_employers={RA: (Employer("山东省农业科学院农产品质量安全研究所", "济南", AGRI),)},
    type_titles={RA: ("科研助理（农产品质量安全方向）",)},
)

AGRI_ECOMMERCE = Occupation(
    code="agri_ecommerce",
    name="农产品电商运营",
    titles=("农产品电商运营", "淘宝/拼多多店铺运营", "生鲜电商运营专员", "乡村电商服务专员"),
    duties=(
        "负责农产品网店的商品上架、详情页和活动报名",
        "策划直播带货选品，配合主播完成直播",
        "分析店铺流量和转化数据，优化推广投放",
        "对接合作社和农户，把控货源品质和发货时效",
        "处理售后和客户评价",
        "帮助村民开设网店，培训电商基础操作",
    ),
    requirements=(
        "熟悉淘宝、拼多多、抖音小店等平台规则",
        "会基础的图片处理和数据表格",
        "了解农产品供应链者优先",
        "愿意到县乡一线工作",
    ),
    skills=("电商运营", "拼多多", "抖音小店", "直播带货", "数据分析", "客服", "供应链"),
    majors=("电子商务", "农村区域发展", "市场营销", "农林经济管理", "农村电子商务"),
    employers=_ECOM,
    education=(ASSOC, NONE, BACH),
    salary=(4500, 9000),
    job_types=(FT, FLEX, GRASS, FT, INTERN, FLEX, FT),
    related=("new_media_ops", "livestream_host", "village_assistant", "agronomist"),
    why_related="电商运营与新媒体运营、直播带货同属内容和流量工作；乡村电商服务是乡村振兴工作的一部分；懂产品种植利于选品。",
    type_employers={GRASS: (Employer("曹县大集镇电商服务站", "菏泽", AGRI),)},
    type_titles={GRASS: ("镇电商服务站专员",), FLEX: ("农产品带货运营（兼职）", "网店代运营（按件结算）")},
)

OCCUPATIONS = (AGRONOMIST, VETERINARIAN, FOOD_QUALITY, AGRI_ECOMMERCE)
