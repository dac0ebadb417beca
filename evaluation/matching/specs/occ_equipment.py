"""Occupations of 高端装备 and 新能源新材料."""
from __future__ import annotations

from .types import (ASSOC, BACH, CHEM, ENERGY, EQUIP, FT, INTERN, MASTER, NONE, RA, DOCTOR,
                    Employer, Occupation)

_WEIHAI_CNC = Employer("威海远航数控装备有限公司", "威海", EQUIP)
_JINING_HYD = Employer("济宁恒力液压机械有限公司", "济宁", EQUIP)
_ZAOZHUANG_TOOL = Employer("枣庄鲁南精密机床有限公司", "枣庄", EQUIP)
_YANTAI_ROBOT = Employer("烟台蓝鲸智能机器人有限公司", "烟台", EQUIP)
_DEZHOU_RAIL = Employer("德州华轨交通装备有限公司", "德州", EQUIP)
_LIAOCHENG_BEAR = Employer("聊城东昌精工轴承有限公司", "聊城", EQUIP)
_RIZHAO_PV = Employer("日照阳光海岸新能源科技有限公司", "日照", ENERGY)
_HEZE_PV = Employer("菏泽晶耀光伏材料有限公司", "菏泽", ENERGY)
_ZAOZHUANG_LI = Employer("枣庄锂源动力电池有限公司", "枣庄", ENERGY)
_DONGYING_CELL = Employer("东营储能电芯科技有限公司", "东营", ENERGY)
_ZIBO_MAT = Employer("淄博新瓷先进材料股份有限公司", "淄博", ENERGY)
_BINZHOU_AL = Employer("滨州轻合金新材料有限公司", "滨州", ENERGY)

CNC_OPERATOR = Occupation(
    code="cnc_operator",
    name="数控加工/编程技术员",
    titles=("数控车床操作工", "CNC加工中心操作员", "数控编程技术员", "数控机床调试员"),
    duties=(
        "按照图纸和工艺卡操作数控车床完成零件加工",
        "根据零件图纸编制加工程序，合理选择刀具和切削参数",
        "负责加工中心的对刀、装夹和首件自检",
        "使用卡尺、千分尺等量具检测零件尺寸，做好记录",
        "日常保养机床，发现异常及时报修",
        "配合工艺员优化加工程序，提高单件效率",
    ),
    requirements=(
        "能看懂机械图纸，了解公差配合",
        "熟悉FANUC或西门子数控系统，会手工编程",
        "会使用Mastercam或UG编程者优先",
        "持有数控车工或铣工职业资格证书者优先",
        "能适应两班倒，吃苦耐劳",
    ),
    skills=("数控编程", "FANUC", "西门子系统", "Mastercam", "UG", "机械制图", "加工中心", "量具使用"),
    majors=("数控技术", "机械制造及自动化", "机械设计制造及其自动化", "模具设计与制造"),
    employers=(_WEIHAI_CNC, _ZAOZHUANG_TOOL, _JINING_HYD, _LIAOCHENG_BEAR),
    education=(ASSOC, NONE, ASSOC, ASSOC),
    salary=(5000, 9000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT, FT),
    related=("maintenance_tech", "quality_inspector", "mech_designer"),
    why_related="数控操作懂机床和图纸，转设备维修、零件检验顺理成章；编程熟练的可向机械设计发展。",
)

MECH_DESIGNER = Occupation(
    code="mech_designer",
    name="机械设计工程师",
    titles=("机械设计工程师", "结构工程师", "非标设备设计工程师", "机械工艺工程师"),
    duties=(
        "负责非标自动化设备的方案设计和三维建模",
        "绘制零部件二维工程图，编制BOM清单",
        "进行关键零件的强度校核和选型计算",
        "跟进样机装配与调试，解决现场结构问题",
        "编制装配工艺文件，指导车间生产",
        "参与液压系统和传动机构的改进设计",
        "与供应商沟通外协件的加工要求",
    ),
    requirements=(
        "熟练使用SolidWorks或Creo进行三维设计",
        "熟悉AutoCAD，制图符合国家标准",
        "掌握机械原理、材料力学等专业知识",
        "了解气动、液压元件选型者优先",
        "能接受短期出差到客户现场",
    ),
    skills=("SolidWorks", "AutoCAD", "Creo", "机械设计", "有限元分析", "BOM", "液压传动", "公差分析"),
    majors=("机械设计制造及其自动化", "机械电子工程", "车辆工程", "智能制造工程", "机械工程"),
    employers=(_JINING_HYD, _YANTAI_ROBOT, _DEZHOU_RAIL, _ZAOZHUANG_TOOL, _WEIHAI_CNC),
    education=(BACH, BACH, ASSOC, BACH, MASTER),
    salary=(6500, 13000),
    job_types=(FT, FT, INTERN, FT, FT, FT, INTERN, FT),
    related=("cnc_operator", "electrical_automation", "ship_engineer", "quality_inspector"),
    why_related="设计要懂加工工艺；自动化设备设计离不开电气配合；船舶结构设计使用同样的三维工具和力学基础；质量工程要读懂设计图。",
)

ELECTRICAL_AUTOMATION = Occupation(
    code="electrical_automation",
    name="电气自动化工程师",
    titles=("电气工程师", "PLC编程工程师", "自动化调试工程师", "电气设计工程师"),
    duties=(
        "负责生产线PLC程序编写与现场调试",
        "绘制电气原理图和接线图，完成元器件选型",
        "调试伺服电机、变频器和触摸屏人机界面",
        "处理设备电气故障，编写故障排查手册",
        "配合机械工程师完成整机联调和客户验收",
        "参与工业机器人工作站的集成调试",
    ),
    requirements=(
        "熟悉西门子S7-1200/1500或三菱PLC编程",
        "会用EPLAN或AutoCAD Electrical绘制电气图纸",
        "了解Profinet、Modbus等工业通信协议",
        "持有低压电工证者优先",
        "能适应出差调试",
    ),
    skills=("PLC", "西门子S7", "三菱PLC", "EPLAN", "变频器", "伺服调试", "WinCC", "工业机器人"),
    majors=("电气工程及其自动化", "自动化", "机械电子工程", "电气自动化技术", "工业机器人技术"),
    employers=(_YANTAI_ROBOT, _DEZHOU_RAIL, _WEIHAI_CNC, _RIZHAO_PV),
    education=(BACH, ASSOC, BACH, ASSOC),
    salary=(6000, 12000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT, FT),
    related=("embedded_dev", "maintenance_tech", "pv_process", "mech_designer"),
    why_related="控制逻辑与嵌入式相通；设备维修的核心是电气排故；光伏产线工艺大量涉及自动化设备；整机设计需要机电配合。",
)

QUALITY_INSPECTOR = Occupation(
    code="quality_inspector",
    name="质量检验/品质工程师",
    titles=("品质工程师", "质量检验员", "QC检验员", "质量工程师"),
    duties=(
        "负责原材料、外购件的进厂检验和不合格品处理",
        "按检验规程完成过程巡检和成品终检",
        "使用三坐标测量仪、高度规等设备进行尺寸检测",
        "统计质量数据，用SPC分析工序能力",
        "组织质量问题的8D分析，跟进纠正措施落实",
        "配合做好ISO9001和IATF16949体系审核",
    ),
    requirements=(
        "能读懂机械图纸和形位公差",
        "了解常用质量工具如鱼骨图、FMEA",
        "会操作三坐标测量仪者优先",
        "原则性强，工作认真细致",
    ),
    skills=("三坐标测量", "SPC", "8D报告", "FMEA", "ISO9001", "IATF16949", "机械制图", "来料检验"),
    majors=("质量管理工程", "机械设计制造及其自动化", "测控技术与仪器", "数控技术"),
    employers=(_LIAOCHENG_BEAR, _DEZHOU_RAIL, _JINING_HYD, _ZAOZHUANG_LI),
    education=(ASSOC, BACH, NONE, ASSOC),
    salary=(4500, 9000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT),
    related=("cnc_operator", "chem_analyst", "software_test"),
    why_related="检验员懂加工；化学检验同样按标准取样出报告；软件测试与质量检验都是对照规范找缺陷。",
)

MAINTENANCE_TECH = Occupation(
    code="maintenance_tech",
    name="设备维修技术员",
    titles=("设备维修技术员", "机电维修工", "设备工程师（维保）"),
    duties=(
        "负责车间生产设备的点检、保养和故障维修",
        "维护液压站、空压机等公用设备，保证正常运行",
        "处理设备电气和机械故障，记录维修台账",
        "制定预防性维护计划并组织实施",
        "管理备品备件，提出采购需求",
        "参与新设备安装调试与验收",
    ),
    requirements=(
        "熟悉机械传动和电气控制原理",
        "持有电工证或焊工证者优先",
        "能看懂电气图纸，会使用万用表等工具",
        "能适应倒班和应急抢修",
    ),
    skills=("设备维修", "电工", "液压", "PLC", "钳工", "万用表", "设备点检"),
    majors=("机电一体化技术", "机械设计制造及其自动化", "电气自动化技术", "机械电子工程"),
    employers=(_JINING_HYD, _BINZHOU_AL, _LIAOCHENG_BEAR, _DONGYING_CELL),
    education=(ASSOC, NONE, ASSOC, ASSOC),
    salary=(5000, 8500),
    job_types=(FT, FT, FT, INTERN, FT, FT),
    related=("electrical_automation", "cnc_operator"),
    why_related="维修中电气排故与自动化调试相通；熟悉机床结构的维修工可直接上手数控操作。",
)

PV_PROCESS = Occupation(
    code="pv_process",
    name="光伏工艺工程师",
    titles=("光伏电池工艺工程师", "组件工艺工程师", "光伏工艺技术员"),
    duties=(
        "负责TOPCon电池片制绒、扩散、镀膜等工序的工艺维护",
        "跟踪产线转换效率和良率，分析异常并提出改善方案",
        "组织新材料、新工艺的导入验证",
        "编写工艺文件和作业指导书，培训一线员工",
        "负责组件层压、串焊工序的参数优化",
        "配合设备部门完成机台改造后的工艺确认",
    ),
    requirements=(
        "了解半导体物理或光伏电池基本原理",
        "熟悉PERC、TOPCon或HJT工艺者优先",
        "会用Minitab等工具做实验设计和数据分析",
        "能适应无尘车间和倒班",
    ),
    skills=("TOPCon", "PERC", "HJT", "良率分析", "DOE", "Minitab", "PECVD", "光伏组件"),
    majors=("新能源材料与器件", "光电信息科学与工程", "材料物理", "光伏工程技术", "应用物理学"),
    employers=(_RIZHAO_PV, _HEZE_PV),
    education=(BACH, ASSOC, BACH),
    salary=(6500, 12000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT),
    related=("battery_process", "materials_rd", "electrical_automation"),
    why_related="光伏与锂电同属新能源制造，都是镀膜、涂布类连续工艺；材料研发支撑工艺改进；产线高度自动化。",
)

BATTERY_PROCESS = Occupation(
    code="battery_process",
    name="锂电池工艺工程师",
    titles=("锂电工艺工程师", "电芯工艺工程师", "电池制造工艺技术员", "储能电池PE工程师"),
    duties=(
        "负责电芯涂布、辊压、分切、卷绕等工序的工艺管控",
        "分析电芯容量、内阻等一致性问题并推动改善",
        "参与化成分容工艺参数的制定与优化",
        "编制工艺流程和过程控制计划",
        "协助新产品从试制到量产的工艺转移",
        "处理制程异常，组织跨部门问题分析",
    ),
    requirements=(
        "了解锂离子电池结构和电化学基础",
        "有电芯制造或储能电池项目经验者优先",
        "会用Excel和JMP等软件做数据分析",
        "有较强的现场问题解决能力",
    ),
    skills=("锂电池", "涂布", "卷绕", "化成分容", "电化学", "PFMEA", "储能", "过程控制"),
    majors=("新能源材料与器件", "储能科学与工程", "材料科学与工程", "应用化学", "化学工程与工艺"),
    employers=(_ZAOZHUANG_LI, _DONGYING_CELL),
    education=(BACH, ASSOC, BACH, MASTER),
    salary=(6500, 13000),
    job_types=(FT, FT, INTERN, FT, FT, FT, INTERN),
    related=("pv_process", "materials_rd", "chemical_process"),
    why_related="锂电与光伏工艺管理方法一致；电极材料研发是上游；浆料配制、化成等环节与化工工艺相近。",
)

MATERIALS_RD = Occupation(
    code="materials_rd",
    name="材料研发工程师",
    titles=("材料研发工程师", "新材料研发技术员", "材料测试工程师"),
    duties=(
        "开展先进陶瓷、轻合金等新材料的配方和工艺研究",
        "使用XRD、SEM等设备表征材料结构与性能",
        "设计实验方案，整理实验数据并撰写研究报告",
        "跟进小试、中试样品的制备和性能测试",
        "查阅文献和专利，跟踪行业技术进展",
        "配合生产部门解决批量生产中的材料问题",
    ),
    requirements=(
        "熟悉材料科学基础，了解常用表征手段",
        "有实验室研究经历，动手能力强",
        "能阅读英文文献",
        "有专利或论文者优先",
    ),
    skills=("XRD", "SEM", "材料表征", "热处理", "实验设计", "粉体制备", "Origin", "文献检索"),
    majors=("材料科学与工程", "无机非金属材料工程", "金属材料工程", "高分子材料与工程", "新能源材料与器件"),
    employers=(_ZIBO_MAT, _BINZHOU_AL, _ZAOZHUANG_LI),
    education=(MASTER, BACH, MASTER),
    salary=(7000, 14000),
    job_types=(FT, FT, FT, INTERN, FT, FT),
    related=("research_assistant_materials", "battery_process", "pv_process", "chem_analyst"),
    why_related="研发内容与材料方向科研助理相同；新能源工艺岗要懂材料；分析表征与化学检验共用仪器方法。",
)

RESEARCH_ASSISTANT_MATERIALS = Occupation(
    code="research_assistant_materials",
    name="科研助理（材料与化学方向）",
    titles=("科研助理（新材料方向）", "课题组科研助理（化学方向）", "实验室科研助理（材料表征）"),
    duties=(
        "协助课题组完成样品合成、制备和性能测试",
        "负责XRD、SEM等大型仪器的预约、操作和日常维护",
        "整理实验记录和测试数据，绘制论文图表",
        "管理实验室化学品和耗材，落实安全规定",
        "协助撰写项目申报书、专利和结题报告",
        "参与课题组学术交流和会议组织",
    ),
    requirements=(
        "具备化学或材料实验基本操作技能",
        "熟悉Origin等数据处理软件",
        "有一定英文文献阅读能力",
        "认真负责，具备良好的实验室安全意识",
    ),
    skills=("样品制备", "XRD", "SEM", "Origin", "实验室安全", "文献检索", "化学合成"),
    majors=("材料科学与工程", "化学", "应用化学", "高分子材料与工程", "新能源材料与器件"),
    employers=(Employer("山东省新材料产业技术研究院", "济南", ENERGY),),
    education=(BACH, MASTER, BACH, MASTER, DOCTOR),
    salary=(5000, 8500),
    job_types=(RA, RA, RA, RA, RA),
    related=("materials_rd", "chem_analyst", "research_assistant_bio"),
    why_related="科研助理做的正是材料研发的实验工作；表征测试与化学分析相通；生物实验室助理同为实验室管理和实验支撑岗位。",
    type_employers={RA: (Employer("山东省新材料产业技术研究院", "济南", ENERGY),
                         Employer("青岛能源化工研究所", "青岛", CHEM),
                         Employer("淄博齐鲁化工学院材料学院", "淄博", CHEM))},
)

OCCUPATIONS = (CNC_OPERATOR, MECH_DESIGNER, ELECTRICAL_AUTOMATION, QUALITY_INSPECTOR,
               MAINTENANCE_TECH, PV_PROCESS, BATTERY_PROCESS, MATERIALS_RD,
               RESEARCH_ASSISTANT_MATERIALS)
