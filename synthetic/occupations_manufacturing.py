"""Occupations of high-end equipment and new energy/new materials manufacturing."""
from __future__ import annotations

from synthetic import employers as emp
from synthetic.occupation import A, B, M, Occupation, occupation
from app.domain.enums import Industry

EQUIPMENT = Industry.HIGH_END_EQUIPMENT
ENERGY = Industry.NEW_ENERGY_MATERIALS

MANUFACTURING_OCCUPATIONS: tuple[Occupation, ...] = (
    occupation(
        "mechanical_designer", EQUIPMENT,
        titles="机械设计工程师,机械工程师,结构设计工程师,非标设备设计工程师",
        skills="CAD,SolidWorks,机械制图,公差配合,有限元分析,UG,CATIA,模具设计",
        majors="机械设计制造及其自动化,机械工程,机械电子工程,车辆工程,材料成型及控制工程,机械制造及自动化",
        education=(B, B, A), salary=(5500, 8500),
        duties="""
            负责设备及零部件的结构设计，输出二维图纸和三维模型
            进行关键零部件的选型计算和强度校核
            编制BOM清单和技术文件，跟进样机试制
            解决生产装配过程中出现的技术问题
            参与产品标准化和降本改进工作""",
        requirements="""
            具备扎实的机械设计基础知识
            熟悉常用机械加工工艺和材料性能
            有机械创新设计大赛或相关实习经历者优先""",
        employers=(emp.EQUIPMENT,),
    ),
    occupation(
        "electrical_engineer", EQUIPMENT,
        titles="电气工程师,电气自动化工程师,PLC工程师,电气调试工程师",
        skills="PLC,西门子PLC,电气图纸,CAD,变频器调试,组态软件,伺服调试,LabVIEW",
        majors="电气工程及其自动化,自动化,机械电子工程,测控技术与仪器,电气自动化技术,机电一体化技术",
        education=(B, A, A), salary=(5500, 8500),
        duties="""
            负责自动化设备电气原理图设计和元器件选型
            编写PLC程序和触摸屏界面，完成设备联机调试
            到客户现场进行设备安装调试和技术培训
            编写电气调试记录和设备操作说明
            处理设备运行中的电气故障""",
        requirements="""
            能看懂电气原理图和接线图
            能够适应阶段性出差调试
            持有电工证者优先""",
        employers=(emp.EQUIPMENT,),
    ),
    occupation(
        "cnc_technician", EQUIPMENT,
        titles="数控技术员,数控车床操作员,CNC编程员,数控加工技术员",
        skills="数控编程,数控机床操作,机械制图,CAD,公差配合",
        majors="数控技术,机械制造及自动化,机电一体化技术,机械设计制造及其自动化",
        education=(A, A, A, B), salary=(4500, 6500),
        duties="""
            根据图纸编制数控加工程序并完成首件试切
            负责数控车床、加工中心的操作和日常保养
            对加工零件进行自检，保证尺寸精度和表面质量
            优化加工工艺参数，提高加工效率
            做好设备点检和生产记录""",
        requirements="""
            能看懂机械零件图，会使用常用量具
            遵守安全操作规程，有较强的质量意识
            持有数控车工或加工中心操作工职业技能等级证书者优先""",
        employers=(emp.EQUIPMENT,), headcount=(2, 15),
    ),
    occupation(
        "process_quality_engineer", EQUIPMENT,
        titles="工艺工程师,质量工程师,生产工艺员,质量检验员",
        skills="质量管理体系,精益生产,CAD,Excel,MES系统,无损检测,焊接工艺",
        majors="工业工程,机械工程,材料成型及控制工程,焊接技术与工程,飞行器制造工程,机械制造及自动化",
        education=(B, A, A), salary=(5000, 7500),
        duties="""
            编制产品工艺流程、作业指导书和检验规范
            分析生产过程中的质量问题并推动改进
            负责来料、过程和成品的质量检验
            推进精益生产和现场改善项目
            配合做好质量体系内审和客户审核""",
        requirements="""
            了解常用质量工具和统计方法
            熟悉机械加工或焊接工艺者优先""",
        employers=(emp.EQUIPMENT,),
    ),
    occupation(
        "robot_maintenance", EQUIPMENT,
        titles="工业机器人运维工程师,机器人调试工程师,自动化设备维修技术员,设备维修电工",
        skills="工业机器人,PLC,伺服调试,电气图纸,设备维护,电工证,ROS",
        majors="机器人工程,智能制造工程,工业机器人技术,机电一体化技术,自动化",
        education=(A, A, B), salary=(5000, 7500),
        duties="""
            负责工业机器人工作站的安装、示教编程和调试
            对自动化产线设备进行日常点检和预防性维护
            快速排查设备故障，缩短停机时间
            整理设备维修记录和备品备件清单""",
        requirements="""
            具备电工、钳工基础技能
            能够配合生产安排轮班
            持有电工证者优先""",
        employers=(emp.EQUIPMENT,), headcount=(2, 10),
    ),
    occupation(
        "vehicle_engineer", EQUIPMENT,
        titles="整车测试工程师,汽车电控工程师,新能源汽车售后技术员",
        skills="汽车构造,电池管理系统,CATIA,电机控制,质量管理体系,电工证",
        majors="车辆工程,新能源汽车工程,新能源汽车技术,机械电子工程",
        education=(A, B, B), salary=(5500, 8500),
        duties="""
            负责整车或零部件的性能测试和试验数据分析
            参与三电系统的故障诊断与维修
            编写测试报告并跟进问题整改
            为经销商和客户提供技术支持""",
        requirements="""
            熟悉汽车构造和新能源汽车基本原理
            持有机动车驾驶证者优先""",
        employers=(emp.VEHICLE,),
    ),
    occupation(
        "pv_process_engineer", ENERGY,
        titles="光伏工艺工程师,光伏组件工艺技术员,光伏电站运维工程师",
        skills="光伏组件工艺,电气图纸,电工证,储能系统,质量管理体系,光学设计",
        majors="新能源科学与工程,应用物理学,光电信息科学与工程,电气工程及其自动化,光伏工程技术,材料科学与工程",
        education=(B, A, A), salary=(5500, 8000),
        duties="""
            负责光伏组件生产工艺参数的制定与优化
            分析良率数据，推动工艺异常的改善
            参与新材料、新工艺的导入验证
            负责分布式光伏电站的巡检、维护和发电量分析
            编写工艺文件并对一线员工进行工艺培训""",
        requirements="""
            了解光伏电池和组件的基本原理
            具备一定的数据分析能力
            能够适应电站现场工作环境""",
        employers=(emp.PHOTOVOLTAIC,),
    ),
    occupation(
        "battery_material_rd", ENERGY,
        titles="电池材料研发工程师,锂电正极材料研发工程师,新材料研发工程师",
        skills="锂电池,电化学测试,材料表征,XRD,SEM,实验设计,化学分析",
        majors="新能源材料与器件,材料科学与工程,材料化学,应用化学,储能科学与工程,高分子材料与工程",
        education=(B, M, M), salary=(7000, 10000),
        duties="""
            负责锂电池正负极材料的配方设计和小试研究
            开展材料结构表征和电化学性能测试
            整理实验数据，撰写研发报告和专利交底书
            配合中试和量产阶段的工艺放大
            跟踪行业技术动态，提出新产品开发建议""",
        requirements="""
            具有扎实的材料学或电化学专业基础
            能熟练使用常用表征仪器并解析数据
            有科研项目经历或论文发表者优先""",
        employers=(emp.BATTERY, emp.NEW_MATERIAL),
    ),
    occupation(
        "energy_storage_engineer", ENERGY,
        titles="储能系统工程师,BMS测试工程师,储能电站运维员",
        skills="储能系统,电池管理系统,电气图纸,电化学测试,电工证,热力系统",
        majors="储能科学与工程,新能源科学与工程,氢能科学与工程,电气工程及其自动化,能源与动力工程,储能材料技术,电气自动化技术",
        education=(B, A, B), salary=(6000, 8500),
        duties="""
            参与储能系统方案设计和设备选型
            负责电池管理系统的功能测试与问题分析
            开展储能电站设备巡检、运行监控和维护
            编写调试报告和运维记录""",
        requirements="""
            熟悉电池或电力电子基本原理
            能够适应项目现场工作
            有储能或电站相关实习经历者优先""",
        employers=(emp.BATTERY,),
    ),
    occupation(
        "material_test_engineer", ENERGY,
        titles="材料检测工程师,理化检验员,材料工艺工程师",
        skills="材料表征,SEM,XRD,热处理工艺,复合材料成型,实验设计",
        majors="金属材料工程,无机非金属材料工程,复合材料与工程,材料科学与工程,高分子材料与工程,储能材料技术",
        education=(B, A, B), salary=(5000, 7500),
        duties="""
            负责原材料和产品的理化性能检测
            操作和维护扫描电镜、X射线衍射仪等检测设备
            分析材料失效原因并提出工艺改进建议
            建立检测台账，出具检测报告""",
        requirements="""
            熟悉材料组织与性能的关系
            工作严谨，能规范记录实验数据""",
        employers=(emp.NEW_MATERIAL, emp.CHEMICAL),
    ),
)
