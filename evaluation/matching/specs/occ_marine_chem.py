"""Occupations of 现代海洋 and 高端化工."""
from __future__ import annotations

from .types import (ASSOC, BACH, CHEM, FT, GRASS, HEALTH, INTERN, MARINE, MASTER, NONE, OTHER, RA,
                    Employer, Occupation)

_RONGCHENG_SEA = Employer("荣成海韵海洋牧场有限公司", "威海", MARINE)
_CHANGDAO_FISH = Employer("烟台长岛蓝湾水产养殖有限公司", "烟台", MARINE)
_RIZHAO_SEA = Employer("日照岚山海珍品育苗有限公司", "日照", MARINE)
_QINGDAO_SHIP = Employer("青岛黄海船舶设计研究有限公司", "青岛", MARINE)
_WEIHAI_SHIP = Employer("威海石岛重工船舶修造有限公司", "威海", MARINE)
_RIZHAO_PORT = Employer("日照港湾国际物流有限公司", "日照", MARINE)
_QINGDAO_PORT = Employer("青岛前湾集装箱码头服务有限公司", "青岛", MARINE)
_YANTAI_MONITOR = Employer("烟台海洋环境监测技术有限公司", "烟台", MARINE)
_DONGYING_CHEM = Employer("东营利津石化科技有限公司", "东营", CHEM)
_ZIBO_CHEM = Employer("淄博齐信精细化工股份有限公司", "淄博", CHEM)
_WEIFANG_CHEM = Employer("潍坊滨海盐化工有限公司", "潍坊", CHEM)
_HEZE_CHEM = Employer("菏泽鲁西南新材料化工有限公司", "菏泽", CHEM)
_LINYI_PHARM = Employer("临沂沂蒙制药有限公司", "临沂", HEALTH)
_JINAN_TEST = Employer("济南华测环境检测有限公司", "济南", OTHER)

MARINE_FISHERY = Occupation(
    code="marine_fishery",
    name="海水养殖技术员",
    titles=("海水养殖技术员", "海参育苗技术员", "海洋牧场养殖技术员", "水产苗种繁育技术员"),
    duties=(
        "负责海参、鲍鱼等海珍品的日常投喂和养殖管理",
        "监测池塘和网箱的水温、盐度、溶解氧等水质指标",
        "做好亲本培育、催产孵化和苗种培育工作",
        "巡查深水网箱和筏架，及时处理病害和设施隐患",
        "记录养殖日志，统计成活率和饵料系数",
        "配合开展病害防控和用药登记",
        "参与工厂化循环水养殖系统的运行管理",
    ),
    requirements=(
        "熟悉常见海水养殖品种的生物学特性",
        "能适应海边和海上作业环境",
        "有育苗场实习经历者优先",
        "吃苦耐劳，服从生产安排",
        "会基本的水质检测操作",
    ),
    skills=("水产养殖", "水质检测", "苗种繁育", "病害防治", "海参养殖", "循环水养殖", "饵料培养"),
    majors=("水产养殖学", "海洋渔业科学与技术", "水产养殖技术", "水族科学与技术"),
    employers=(_RONGCHENG_SEA, _CHANGDAO_FISH, _RIZHAO_SEA),
    education=(ASSOC, BACH, NONE, ASSOC),
    salary=(5000, 9000),
    job_types=(FT, FT, INTERN, GRASS, FT, FT, INTERN, FT, RA),
    related=("marine_monitor", "veterinarian", "agronomist"),
    why_related="养殖离不开水质和海洋环境监测；水生动物病害防治与兽医同理；同属农业生产技术服务，基层农技站常一并招聘。",
    type_employers={GRASS: (Employer("荣成市人和镇渔业服务站", "威海", MARINE),),
                    RA: (Employer("青岛海洋环境研究院", "青岛", MARINE),)},
    type_titles={GRASS: ("镇渔业技术推广员", "渔业服务站技术员"), RA: ("科研助理（水产苗种繁育）",)},
)

SHIP_ENGINEER = Occupation(
    code="ship_engineer",
    name="船舶设计/轮机工程师",
    titles=("船舶设计工程师", "船舶工程师", "船体设计员", "船舶修造技术员"),
    duties=(
        "负责散货船、渔政船等船型的船体结构详细设计",
        "绘制船体分段图和生产设计图纸",
        "进行船舶总纵强度和稳性计算",
        "负责轮机系统布置设计和设备选型",
        "跟进船舶修造现场，解决施工中的技术问题",
        "配合船级社审图和检验",
    ),
    requirements=(
        "熟悉船舶设计规范和船级社规范",
        "会使用AutoCAD、Tribon或AVEVA Marine",
        "能适应船厂现场工作环境",
        "持有轮机相关适任证书者优先",
    ),
    skills=("船体结构", "AutoCAD", "Tribon", "稳性计算", "轮机系统", "船级社规范", "生产设计"),
    majors=("船舶与海洋工程", "轮机工程", "船舶工程技术", "机械设计制造及其自动化"),
    employers=(_QINGDAO_SHIP, _WEIHAI_SHIP),
    education=(BACH, ASSOC, BACH),
    salary=(6500, 13000),
    job_types=(FT, FT, INTERN, FT, FT, FT),
    related=("mech_designer", "maintenance_tech"),
    why_related="船体和轮机设计与一般机械设计共用力学和制图能力；轮机管理与设备维修相通。",
)

PORT_LOGISTICS = Occupation(
    code="port_logistics",
    name="港口物流/调度专员",
    titles=("港口调度员", "集装箱物流专员", "货代操作专员", "港口生产计划员"),
    duties=(
        "负责船舶靠离泊计划的编排与动态调整",
        "跟踪集装箱进出港和堆场作业，协调车船衔接",
        "办理订舱、报关报检等单证手续",
        "统计吞吐量和作业效率数据，编制生产日报",
        "与船公司、货主和车队保持沟通，处理异常",
        "维护码头操作系统中的作业数据",
    ),
    requirements=(
        "熟悉国际物流或港口作业流程",
        "熟练使用Excel等办公软件",
        "英语四级以上，能阅读英文单证者优先",
        "能适应倒班，抗压能力强",
    ),
    skills=("港口调度", "集装箱", "报关", "订舱", "物流管理", "Excel", "英语", "单证操作"),
    majors=("物流管理", "交通运输", "港口与航运管理", "国际经济与贸易", "航海技术"),
    employers=(_RIZHAO_PORT, _QINGDAO_PORT),
    education=(ASSOC, BACH, ASSOC),
    salary=(5000, 9500),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT),
    related=("hr_admin",),
    why_related="调度和单证工作以协调、文书和数据统计为主，与行政事务岗能力相近。",
)

MARINE_MONITOR = Occupation(
    code="marine_monitor",
    name="海洋环境监测员",
    titles=("海洋环境监测工程师", "海洋调查技术员", "海洋生态监测员"),
    duties=(
        "参与近岸海域水质、沉积物和生物样品的采集",
        "在实验室完成营养盐、叶绿素等指标的分析测定",
        "随调查船出海开展海洋水文和生态调查",
        "整理监测数据，编写海洋环境监测报告",
        "维护CTD、多参数水质仪等海洋仪器",
        "协助开展赤潮、绿潮的应急监测",
    ),
    requirements=(
        "了解海洋调查规范和常见监测方法",
        "能适应出海作业，无晕船史者优先",
        "会使用ArcGIS或Surfer绘制分布图者优先",
        "工作严谨，数据记录规范",
    ),
    skills=("海洋调查", "水质分析", "CTD", "采样", "ArcGIS", "监测报告", "分光光度法"),
    majors=("海洋科学", "海洋技术", "海洋资源与环境", "环境科学", "海洋渔业科学与技术"),
    employers=(_YANTAI_MONITOR, Employer("青岛蓝海生态环境科技有限公司", "青岛", MARINE)),
    education=(BACH, BACH, MASTER),
    salary=(6000, 10000),
    job_types=(FT, FT, GRASS, RA, FT, FT),
    related=("chem_analyst", "marine_fishery", "research_assistant_bio"),
    why_related="监测实验室分析与化学检验方法相同；熟悉海洋环境可服务养殖；生物样品处理与生物科研助理相通。",
    type_employers={GRASS: (Employer("日照市岚山区海洋发展服务中心", "日照", MARINE),),
                    RA: (Employer("青岛海洋环境研究院", "青岛", MARINE),)},
    type_titles={GRASS: ("区海洋发展服务中心监测员",), RA: ("科研助理（海洋生态监测）",)},
)

CHEMICAL_PROCESS = Occupation(
    code="chemical_process",
    name="化工工艺工程师",
    titles=("化工工艺工程师", "工艺技术员", "化工操作工（DCS内操）", "生产工艺主管"),
    duties=(
        "负责装置的工艺操作规程编制和工艺指标监控",
        "在DCS上监控反应釜、精馏塔等设备运行参数",
        "分析装置物料平衡和能耗，提出节能降耗措施",
        "参与开停车方案制定和现场开车指挥",
        "配合开展HAZOP分析和工艺安全管理",
        "跟踪新产品中试，完成工艺放大",
        "处理生产过程中的工艺异常",
    ),
    requirements=(
        "熟悉化工单元操作和化工原理",
        "会使用Aspen Plus进行流程模拟者优先",
        "了解危险化学品安全管理要求",
        "能适应倒班和化工园区工作环境",
        "持有化工总控工证书者优先",
    ),
    skills=("化工工艺", "DCS", "Aspen Plus", "精馏", "反应工程", "HAZOP", "工艺包", "物料衡算"),
    majors=("化学工程与工艺", "应用化工技术", "能源化学工程", "精细化工技术", "制药工程"),
    employers=(_DONGYING_CHEM, _ZIBO_CHEM, _WEIFANG_CHEM, _HEZE_CHEM),
    education=(BACH, ASSOC, BACH, ASSOC),
    salary=(6000, 12000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT, FT),
    related=("chem_analyst", "hse_engineer", "battery_process"),
    why_related="工艺人员要看懂分析数据；化工安全环保是工艺管理的另一面；锂电浆料与化成工序借用化工原理。",
)

CHEM_ANALYST = Occupation(
    code="chem_analyst",
    name="化学分析/化验员",
    titles=("化验员", "分析检验员", "QC化学检验员", "实验室分析工程师"),
    duties=(
        "负责原料、中间品和成品的理化指标检测",
        "使用液相色谱、气相色谱完成样品含量分析",
        "配制和标定标准溶液，做好试剂管理",
        "填写检验原始记录，出具检验报告",
        "维护分析仪器，参与仪器校准和期间核查",
        "参与分析方法的建立与验证",
        "配合做好实验室CNAS认可相关工作",
    ),
    requirements=(
        "熟悉化学分析基本操作",
        "会操作HPLC或GC者优先",
        "了解GMP或实验室质量管理体系",
        "认真细致，责任心强",
    ),
    skills=("HPLC", "GC", "滴定分析", "化学分析", "GMP", "CNAS", "紫外分光光度计", "标准溶液"),
    majors=("应用化学", "化学", "分析检验技术", "药物分析", "化学工程与工艺"),
    employers=(_ZIBO_CHEM, _LINYI_PHARM, _JINAN_TEST, _HEZE_CHEM, _DONGYING_CHEM),
    education=(ASSOC, BACH, ASSOC, NONE, BACH),
    salary=(4500, 8500),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT, FT),
    related=("food_quality", "pharmacist", "quality_inspector", "research_assistant_materials",
             "marine_monitor"),
    why_related="食品和药品检验使用同样的色谱分析；制造业质检同属检验岗位；材料科研助理和海洋监测的实验室工作与化验相通。",
)

HSE_ENGINEER = Occupation(
    code="hse_engineer",
    name="安全环保工程师",
    titles=("安全工程师", "EHS专员", "环保工程师", "安全环保管理员"),
    duties=(
        "负责安全生产责任制和管理制度的落实",
        "组织开展隐患排查治理和安全检查",
        "负责危险作业许可审批和现场监护",
        "管理废水、废气、固废的合规处置，对接环保部门",
        "组织员工安全教育培训和应急演练",
        "编制安全评价、环评相关材料",
    ),
    requirements=(
        "熟悉安全生产法和环保相关法规",
        "持有注册安全工程师证书者优先",
        "有化工企业安全管理经验者优先",
        "沟通协调能力强，敢于坚持原则",
    ),
    skills=("安全管理", "隐患排查", "应急演练", "环保合规", "危险化学品", "职业卫生", "EHS"),
    majors=("安全工程", "环境工程", "化学工程与工艺", "应急技术与管理", "安全技术与管理"),
    employers=(_DONGYING_CHEM, _WEIFANG_CHEM, _ZIBO_CHEM),
    education=(BACH, ASSOC, BACH),
    salary=(6000, 11000),
    job_types=(FT, FT, INTERN, FT, GRASS, FT, FT),
    related=("chemical_process", "chem_analyst"),
    why_related="化工安全管理要懂工艺流程；环境监测和检验是环保工作的技术基础。",
    type_employers={GRASS: (Employer("东营市河口区仙河镇应急管理办公室", "东营", OTHER),)},
    type_titles={GRASS: ("镇应急管理站安全监管员",)},
)

OCCUPATIONS = (MARINE_FISHERY, SHIP_ENGINEER, PORT_LOGISTICS, MARINE_MONITOR,
               CHEMICAL_PROCESS, CHEM_ANALYST, HSE_ENGINEER)
