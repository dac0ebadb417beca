"""Occupations of the marine and high-end chemical industries."""
from __future__ import annotations

from synthetic import employers as emp
from synthetic.occupation import A, B, M, Occupation, occupation
from app.domain.enums import Industry

MARINE = Industry.MODERN_MARINE
CHEMICAL = Industry.HIGH_END_CHEMICAL

MARINE_CHEMICAL_OCCUPATIONS: tuple[Occupation, ...] = (
    occupation(
        "ship_designer", MARINE,
        titles="船舶设计工程师,船体结构设计师,船舶舾装设计员",
        skills="船舶设计,CAD,船舶结构,有限元分析,SolidWorks,港口工程",
        majors="船舶与海洋工程,港口航道与海岸工程,轮机工程,船舶工程技术,焊接技术与工程",
        education=(B, B, A), salary=(6000, 8500),
        duties="""
            负责船体结构或舾装的详细设计和生产设计
            完成结构强度计算和图纸绘制
            配合船厂解决建造过程中的技术问题
            参与船级社送审图纸的整理与修改""",
        requirements="""
            熟悉船舶建造规范和常用设计软件
            能够适应船厂现场工作环境""",
        employers=(emp.SHIPBUILDING,),
    ),
    occupation(
        "fishery_technician", MARINE,
        titles="海洋渔业技术员,渔业资源调查员,海洋牧场技术员",
        skills="渔业资源调查,水产养殖,水质检测,海洋调查,海事法规",
        majors="海洋渔业科学与技术,水产养殖学,海洋科学,海洋资源与环境,水产养殖技术",
        education=(B, A, A), salary=(4500, 6500),
        duties="""
            参与海洋牧场人工鱼礁区的日常监测和管护
            开展渔业资源调查和渔获物统计分析
            负责海上设施巡检和水质数据采集
            配合完成增殖放流等项目的技术工作""",
        requirements="""
            了解海洋生物和渔业资源基础知识
            能够适应出海作业
            持有船员相关证书者优先""",
        employers=(emp.FISHERY,),
    ),
    occupation(
        "aquaculture_technician", MARINE,
        titles="水产养殖技术员,海水育苗技术员,养殖基地技术员",
        skills="水产养殖,水质检测,鱼病防治,饲料配方",
        majors="水产养殖学,水产养殖技术,海洋渔业科学与技术,动物科学",
        education=(A, A, B), salary=(4500, 6000),
        duties="""
            负责海参、对虾或鱼类的育苗和养成管理
            定期检测水质指标并调整投喂和换水方案
            观察养殖生物生长情况，预防和处置病害
            做好生产记录和养殖档案""",
        requirements="""
            熟悉常见水产品的养殖技术
            能够适应养殖基地工作，基地提供食宿""",
        employers=(emp.FISHERY,), headcount=(1, 6),
    ),
    occupation(
        "port_dispatcher", MARINE,
        titles="港口调度员,集装箱调度员,港口业务员,船务操作员",
        skills="港口调度,集装箱业务,物流调度,Excel,海事法规",
        majors="港口与航运管理,交通运输,物流管理,海事管理,现代物流管理",
        education=(A, B, B), salary=(5000, 7000),
        duties="""
            根据船期和作业计划编排泊位与装卸作业
            协调码头、堆场和车队，保障作业顺畅
            跟踪集装箱进出港动态，处理单证和系统录入
            统计作业数据，编写生产日报""",
        requirements="""
            熟悉港口作业流程和集装箱业务
            能够适应倒班工作
            英语读写能力较好者优先""",
        employers=(emp.PORT,), headcount=(2, 8),
    ),
    occupation(
        "marine_monitoring", MARINE,
        titles="海洋环境监测员,海洋调查技术员,海洋数据处理工程师",
        skills="海洋调查,水质检测,环境监测,Python,数据分析",
        majors="海洋科学,海洋技术,海洋资源与环境,环境工程",
        education=(B, B, M), salary=(5500, 7500),
        duties="""
            参与海洋水文、水质和生态调查的外业工作
            负责样品采集、预处理和实验室分析
            整理调查数据，绘制图件并编写监测报告
            维护海洋观测仪器设备""",
        requirements="""
            熟悉海洋调查规范
            能够适应出海调查""",
        employers=(emp.FISHERY,),
    ),
    occupation(
        "ship_officer", MARINE,
        titles="船舶驾驶员,轮机员,三副,三管轮",
        skills="船员适任证书,船舶驾驶,轮机管理,海事法规,设备维护",
        majors="航海技术,轮机工程",
        education=(A, B, B), salary=(8000, 12000),
        duties="""
            按照值班制度履行航行或机舱值班职责
            负责分管设备的日常检查、保养和记录
            配合船长或轮机长完成安全检查和应急演练
            遵守海事法规和公司安全管理体系""",
        requirements="""
            持有相应的船员适任证书
            能够适应远洋或沿海航线工作""",
        employers=(emp.PORT,),
    ),
    occupation(
        "chemical_process_engineer", CHEMICAL,
        titles="化工工艺工程师,工艺技术员,化工工艺员",
        skills="化工工艺,化工原理,DCS操作,Aspen Plus,HAZOP,压力容器设计",
        majors="化学工程与工艺,能源化学工程,精细化工,过程装备与控制工程,应用化工技术,石油化工技术",
        education=(B, B, A), salary=(6000, 8500),
        duties="""
            负责装置工艺参数的监控、优化和技术管理
            编制和修订工艺操作规程及工艺卡片
            分析工艺异常原因并制定处置措施
            参与技改项目和新装置的开车准备
            配合开展HAZOP分析和工艺安全管理""",
        requirements="""
            掌握化工原理和化工热力学等专业知识
            能够适应装置现场和倒班工作
            有化工企业实习经历者优先""",
        employers=(emp.CHEMICAL,),
    ),
    occupation(
        "safety_officer", CHEMICAL,
        titles="安全员,安全工程师,EHS专员,安全环保专员",
        skills="安全生产管理,HAZOP,应急预案,危化品管理,注册安全工程师",
        majors="安全工程,化工安全工程,化学工程与工艺,环境工程,应用化工技术",
        education=(B, A, B), salary=(5500, 8000),
        duties="""
            负责车间和装置的日常安全巡检与隐患排查
            组织员工安全教育培训和应急演练
            监督特殊作业票证办理和现场安全措施落实
            编制和更新应急预案、安全操作规程
            统计安全数据，配合迎接各级安全检查""",
        requirements="""
            熟悉安全生产法律法规和化工安全管理要求
            原则性强，敢于制止违章行为
            持有注册安全工程师或安全管理人员证书者优先""",
        employers=(emp.CHEMICAL,),
    ),
    occupation(
        "lab_analyst", CHEMICAL,
        titles="化验员,质检化验员,分析检测员,QC检验员",
        skills="化学分析,气相色谱,液相色谱,滴定分析,实验室管理",
        majors="应用化学,化学,工业分析技术,化学工程与工艺,药物制剂,食品质量与安全",
        education=(A, A, B), salary=(4500, 6000),
        duties="""
            负责原料、中间品和成品的取样与化验分析
            操作气相色谱、液相色谱等分析仪器并做好维护
            及时出具检验报告，异常结果按程序上报
            管理化学试剂和标准溶液，保持实验室整洁规范""",
        requirements="""
            掌握常用化学分析方法
            工作细致，数据记录真实准确
            能够适应倒班工作""",
        employers=(emp.CHEMICAL,), headcount=(1, 6),
    ),
    occupation(
        "dcs_operator", CHEMICAL,
        titles="DCS操作员,化工中控操作员,化工外操员",
        skills="DCS操作,化工工艺,危化品管理,安全生产管理",
        majors="应用化工技术,石油化工技术,化学工程与工艺,化工安全工程",
        education=(A, A, A), salary=(5000, 6500),
        duties="""
            通过DCS系统监控装置运行参数，及时调整操作
            按规程完成装置开停车和切换操作
            进行现场巡检，发现异常及时汇报处理
            认真填写操作记录和交接班记录""",
        requirements="""
            了解化工生产基本流程
            能够适应四班三倒工作制""",
        employers=(emp.CHEMICAL,), headcount=(3, 20),
    ),
    occupation(
        "environmental_engineer", CHEMICAL,
        titles="环保工程师,污水处理工程师,环境检测员",
        skills="环境监测,污水处理,环评报告,化学分析",
        majors="环境工程,应用化学,化学,农业资源与环境,海洋资源与环境",
        education=(B, A, B), salary=(5000, 7500),
        duties="""
            负责污水处理站和废气治理设施的运行管理
            组织开展环境监测，确保排放达标
            编制环保台账、排污许可执行报告等材料
            配合环评、验收和环保检查工作""",
        requirements="""
            熟悉环保法律法规和污染治理工艺
            有环境监测或污水处理实习经历者优先""",
        employers=(emp.CHEMICAL,),
    ),
    occupation(
        "chemical_rd", CHEMICAL,
        titles="有机合成研发员,化工研发工程师,高分子材料研发工程师",
        skills="有机合成,化学分析,液相色谱,高分子合成,实验设计",
        majors="化学,应用化学,精细化工,高分子材料与工程,化学工程与工艺",
        education=(B, M, M), salary=(6500, 9500),
        duties="""
            负责新产品的合成路线设计和小试研究
            完成样品结构确证和性能测试
            撰写实验记录、研发报告和技术文件
            配合中试放大和生产工艺转移""",
        requirements="""
            具备扎实的有机化学或高分子化学基础
            熟悉实验室安全规范""",
        employers=(emp.CHEMICAL,),
    ),
    occupation(
        "oilfield_engineer", CHEMICAL,
        titles="油气储运工程师,采油技术员,油田工艺技术员",
        skills="油气开采,油气储运,安全生产管理,CAD",
        majors="石油工程,油气储运工程,石油化工技术,化学工程与工艺",
        education=(B, A, B), salary=(6000, 8500),
        duties="""
            负责油井生产动态分析和采油工艺优化
            参与油气集输和储运设施的运行管理
            编写生产报表和技术总结
            落实现场安全管理要求""",
        requirements="""
            熟悉油气田开发或储运基础知识
            能够适应野外和现场工作""",
        employers=(emp.CHEMICAL,),
    ),
)
