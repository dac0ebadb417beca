"""Policy posts (P8): grassroots posts, research assistants and public-welfare posts.

They are posted by district agencies and research institutes rather than companies, so their
employers are named after a county or an institute (see EmployerKind.naming).
"""
from __future__ import annotations

from dataclasses import dataclass

from synthetic.occupation import ANY, A, B, M, EmployerKind, Occupation, occupation
from app.domain.enums import Industry

_INSTITUTE = EmployerKind(
    suffixes=(),
    blurbs=(
        "保障国家重点研发计划项目顺利实施",
        "做好在研省自然科学基金和重大科技创新工程项目的科研辅助工作",
        "加强科研团队建设，吸纳高校毕业生参与科学研究",
    ),
    naming="institute",
)


def _agency(suffixes: str, *blurbs: str) -> EmployerKind:
    return EmployerKind(tuple(suffixes.split(",")), blurbs, naming="county")


_CIVIL_AFFAIRS = _agency("民政局", "加强城乡社区工作者队伍建设", "提升基层社区治理和服务能力")
_AGRICULTURE_BUREAU = _agency(
    "农业农村局,农业技术推广中心", "推进乡村振兴，充实基层农业技术推广力量",
    "引导高校毕业生到农村基层服务",
)
_HEALTH_BUREAU = _agency("卫生健康局", "充实乡镇卫生院和村卫生室人才队伍", "提升基层医疗卫生服务能力")
_HR_BUREAU = _agency(
    "人力资源和社会保障局", "做好基层劳动就业和社会保障公共服务",
    "托底安置就业困难人员，开发公益性岗位",
)
_CITY_SERVICES = _agency(
    "城市管理局,环境卫生服务中心", "开发公益性岗位帮扶就业困难人员", "提升城市精细化管理水平",
)
_CULTURE_SERVICES = _agency(
    "图书馆,文化馆", "开发公益性岗位帮扶就业困难人员", "提升公共文化服务水平",
)

_RESEARCH_DUTIES = """
    协助课题组开展实验、测试和数据采集工作
    整理实验记录和科研数据，做好仪器设备的日常管理
    协助撰写项目申报书、进展报告和结题材料
    检索和整理国内外文献资料
    承担课题组财务报销、采购等科研辅助事务"""
_RESEARCH_REQUIREMENTS = """
    具有良好的科研素养和文献阅读能力
    做事严谨，能够按计划完成实验任务
    有科研训练或论文发表经历者优先"""


def _research(key: str, industry: Industry, directions: str, skills: str, majors: str) -> Occupation:
    titles = ",".join(f"科研助理（{direction}方向）" for direction in directions.split(","))
    return occupation(
        key, industry, titles=titles, skills=skills + ",文献检索", majors=majors,
        education=(B, M, M), salary=(4500, 6500), duties=_RESEARCH_DUTIES,
        requirements=_RESEARCH_REQUIREMENTS, employers=(_INSTITUTE,), headcount=(1, 3),
    )


RESEARCH_OCCUPATIONS: tuple[Occupation, ...] = (
    _research("ra_it", Industry.NEW_GEN_IT, "人工智能,大数据,网络安全",
              "Python,机器学习,数据分析,Linux", "计算机科学与技术,人工智能,数据科学与大数据技术,软件工程"),
    _research("ra_energy", Industry.NEW_ENERGY_MATERIALS, "新能源材料,储能,光伏",
              "材料表征,电化学测试,XRD,实验设计", "新能源材料与器件,材料科学与工程,材料化学,储能科学与工程"),
    _research("ra_health", Industry.MEDICAL_HEALTH, "临床研究,药物研发,公共卫生",
              "PCR,细胞培养,SPSS,液相色谱", "临床医学,药学,预防医学,生物技术,护理学"),
    _research("ra_equipment", Industry.HIGH_END_EQUIPMENT, "智能制造,机器人",
              "CAD,SolidWorks,PLC,MATLAB", "机械工程,机器人工程,自动化,智能制造工程"),
    _research("ra_marine", Industry.MODERN_MARINE, "海洋生态,海洋渔业,海洋装备",
              "海洋调查,水质检测,数据分析,渔业资源调查", "海洋科学,海洋技术,水产养殖学,船舶与海洋工程"),
    _research("ra_chemical", Industry.HIGH_END_CHEMICAL, "精细化工,催化材料",
              "有机合成,化学分析,气相色谱,液相色谱", "化学,应用化学,化学工程与工艺,精细化工"),
    _research("ra_agriculture", Industry.MODERN_AGRICULTURE, "作物育种,设施农业,畜牧兽医",
              "良种繁育,PCR,作物栽培,畜禽养殖", "农学,种子科学与工程,园艺,动物医学,植物保护"),
)


@dataclass(frozen=True, slots=True)
class ResearchInstitute:
    name: str
    city: str
    industries: tuple[Industry, ...]


def _institute(name: str, city: str, *industries: Industry) -> ResearchInstitute:
    return ResearchInstitute(name, city, industries)


_I = Industry
RESEARCH_INSTITUTES: tuple[ResearchInstitute, ...] = (
    _institute("山东大学", "济南", _I.NEW_GEN_IT, _I.NEW_ENERGY_MATERIALS, _I.MEDICAL_HEALTH,
               _I.HIGH_END_EQUIPMENT),
    _institute("中国海洋大学", "青岛", _I.MODERN_MARINE),
    _institute("中国石油大学（华东）", "青岛", _I.HIGH_END_CHEMICAL, _I.NEW_ENERGY_MATERIALS),
    _institute("山东农业大学", "泰安", _I.MODERN_AGRICULTURE),
    _institute("青岛农业大学", "青岛", _I.MODERN_AGRICULTURE, _I.MODERN_MARINE),
    _institute("山东第一医科大学", "济南", _I.MEDICAL_HEALTH),
    _institute("齐鲁工业大学（山东省科学院）", "济南", _I.NEW_GEN_IT, _I.HIGH_END_CHEMICAL),
    _institute("山东省农业科学院", "济南", _I.MODERN_AGRICULTURE),
    _institute("中国科学院青岛生物能源与过程研究所", "青岛", _I.NEW_ENERGY_MATERIALS),
    _institute("中国科学院烟台海岸带研究所", "烟台", _I.MODERN_MARINE),
    _institute("烟台大学", "烟台", _I.HIGH_END_CHEMICAL, _I.MEDICAL_HEALTH),
    _institute("山东理工大学", "淄博", _I.HIGH_END_EQUIPMENT, _I.NEW_ENERGY_MATERIALS),
    _institute("青岛科技大学", "青岛", _I.HIGH_END_CHEMICAL, _I.NEW_ENERGY_MATERIALS),
    _institute("曲阜师范大学", "济宁", _I.NEW_GEN_IT),
    _institute("临沂大学", "临沂", _I.NEW_GEN_IT, _I.MODERN_AGRICULTURE),
    _institute("聊城大学", "聊城", _I.NEW_ENERGY_MATERIALS, _I.HIGH_END_CHEMICAL),
    _institute("潍坊学院", "潍坊", _I.MODERN_AGRICULTURE, _I.HIGH_END_EQUIPMENT),
    _institute("德州学院", "德州", _I.NEW_ENERGY_MATERIALS),
    _institute("菏泽学院", "菏泽", _I.MODERN_AGRICULTURE),
    _institute("山东科技大学", "青岛", _I.HIGH_END_EQUIPMENT, _I.NEW_GEN_IT),
    _institute("哈尔滨工业大学（威海）", "威海", _I.MODERN_MARINE, _I.HIGH_END_EQUIPMENT),
    _institute("山东第二医科大学", "潍坊", _I.MEDICAL_HEALTH),
    _institute("山东石油化工学院", "东营", _I.HIGH_END_CHEMICAL),
    _institute("滨州学院", "滨州", _I.HIGH_END_EQUIPMENT, _I.MODERN_MARINE),
    _institute("枣庄学院", "枣庄", _I.NEW_GEN_IT),
)

GRASSROOTS_OCCUPATIONS: tuple[Occupation, ...] = (
    occupation(
        "community_worker", Industry.OTHER,
        titles="社区工作者,城市社区专职工作者,社区网格员",
        skills="社区服务,群众工作,公文写作,社会工作者职业资格,Office办公,个案工作",
        majors="社会工作,行政管理,社区管理与服务,汉语言文学,法学",
        education=(A, B, B), salary=(3500, 4500),
        duties="""
            负责社区居民信息采集、网格巡查和矛盾纠纷排查
            为居民办理社会保障、养老助残等公共服务事项
            组织开展社区志愿服务和文化活动
            关心关爱困难群众，协助落实帮扶政策
            完成社区党建和日常事务性工作""",
        requirements="""
            热爱社区工作，服务意识强
            持有社会工作者职业资格证书者优先""",
        employers=(_CIVIL_AFFAIRS,), headcount=(5, 50),
    ),
    occupation(
        "village_assistant", Industry.MODERN_AGRICULTURE,
        titles="村级助理,乡村振兴协理员,乡村振兴专干",
        skills="农业经营,群众工作,公文写作,电商运营,作物栽培",
        majors="农学,农林经济管理,现代农业技术,电子商务,行政管理",
        education=(A, B, B), salary=(3500, 4500),
        duties="""
            协助村两委做好产业发展、集体经济和人居环境整治工作
            帮助农户对接农业技术服务和农产品销售渠道
            协助做好防止返贫动态监测和帮扶政策落实
            整理村级档案和各类统计报表""",
        requirements="""
            愿意扎根农村基层，熟悉农村工作
            具备一定的文字和组织协调能力""",
        employers=(_AGRICULTURE_BUREAU,), headcount=(3, 30),
    ),
    occupation(
        "township_agri_extension", Industry.MODERN_AGRICULTURE,
        titles="乡镇农技推广员,基层农技员,特聘农技员",
        skills="作物栽培,病虫害防治,土壤肥料,畜禽养殖,农机操作",
        majors="农学,植物保护,园艺,动物科学,现代农业技术,畜牧兽医",
        education=(A, A, B), salary=(3800, 4800),
        duties="""
            开展农业新技术、新品种的试验示范和推广
            深入田间地头开展技术指导和农民培训
            做好病虫害和动物疫病监测报告
            建立农技服务台账""",
        requirements="""
            具备扎实的农业专业知识
            能够长期在乡镇一线工作""",
        employers=(_AGRICULTURE_BUREAU,), headcount=(2, 20),
    ),
    occupation(
        "township_health", Industry.MEDICAL_HEALTH,
        titles="乡镇卫生院护士,乡镇卫生院临床医生,基层公共卫生专干",
        skills="护士执业资格,急救技能,健康宣教,执业医师资格,临床诊疗,健康评估",
        majors="护理,护理学,临床医学,预防医学,助产",
        education=(A, A, B), salary=(3800, 5000),
        duties="""
            承担乡镇卫生院门诊、住院的医疗护理工作
            开展家庭医生签约、慢病随访和健康体检
            做好预防接种和基本公共卫生服务
            协助开展健康教育和卫生应急工作""",
        requirements="""
            取得相应执业资格证书者优先
            愿意到乡镇基层医疗卫生机构服务""",
        employers=(_HEALTH_BUREAU,), headcount=(2, 20),
    ),
    occupation(
        "labour_security_assistant", Industry.OTHER,
        titles="基层劳动保障协理员,就业服务专干,基层人社服务专员",
        skills="公文写作,Office办公,群众工作,劳动法,社区服务",
        majors="人力资源管理,行政管理,社会工作,法学,社区管理与服务",
        education=(A, B, B), salary=(3500, 4500),
        duties="""
            为辖区群众办理就业登记、社保参保等业务
            收集岗位信息，开展就业创业政策宣传
            走访离校未就业高校毕业生，提供就业服务
            整理业务档案，报送统计数据""",
        requirements="""
            熟悉办公软件，服务意识强
            了解就业和社会保障政策者优先""",
        employers=(_HR_BUREAU,), headcount=(2, 15),
    ),
)

WELFARE_OCCUPATIONS: tuple[Occupation, ...] = (
    occupation(
        "welfare_cleaning", Industry.OTHER,
        titles="公益性岗位（保洁员）,城市保洁公益岗,公共区域保洁员,绿化养护公益岗",
        skills="环境卫生,植物养护",
        majors="", education=(ANY,), salary=(2100, 2400),
        duties="""
            负责责任区域道路、广场和公共设施的日常保洁
            做好垃圾分类引导和清运配合工作
            负责公共绿地的浇水、修剪等日常养护
            发现设施损坏及时上报""",
        requirements="""
            能够按时到岗，服从工作安排""",
        employers=(_CITY_SERVICES,), headcount=(2, 20),
    ),
    occupation(
        "welfare_community", Industry.OTHER,
        titles="公益性岗位（社区服务）,社区协管员,养老服务协管员,就业服务协管员",
        skills="社区服务,群众工作,Office办公",
        majors="", education=(ANY, ANY, A), salary=(2100, 2600),
        duties="""
            协助社区开展便民服务和政策宣传
            走访空巢、独居老人，提供关爱服务
            协助维护社区公共秩序和环境卫生
            做好服务记录和信息录入""",
        requirements="""
            热心公益，有耐心
            会使用电脑者优先""",
        employers=(_HR_BUREAU,), headcount=(2, 20),
    ),
    occupation(
        "welfare_library", Industry.OTHER,
        titles="公益性岗位（图书管理）,图书管理协管员,文化站协管员",
        skills="档案管理,Office办公,读者服务",
        majors="", education=(ANY, A), salary=(2100, 2600),
        duties="""
            负责图书借还、整理上架和阅览室秩序维护
            协助开展读书分享和公益文化活动
            做好读者咨询和借阅登记
            配合完成馆藏清点和档案整理""",
        requirements="""
            做事细心，服务热情
            会使用电脑者优先""",
        employers=(_CULTURE_SERVICES,), headcount=(1, 6),
    ),
)
