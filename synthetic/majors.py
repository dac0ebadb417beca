"""Curated majors for synthetic graduates, each tied to the industries it naturally feeds.

Undergraduate names are from the national undergraduate catalogue (普通高等学校本科专业目录)
with their 学科门类; vocational names from the 高职专科 catalogue with their 专业大类. Skills
use the same words as the job occupations so that matching has something real to find.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import Industry


@dataclass(frozen=True, slots=True)
class MajorProfile:
    name: str
    # 学科门类 for catalogue majors; 专业大类 for vocational-only majors.
    discipline: str
    # School kind that teaches it (matched against School.kinds).
    kind: str
    industries: tuple[Industry, ...]
    # The work a graduate of this major typically looks for, used in self-introductions.
    career: str
    skills: tuple[str, ...]
    vocational: bool


# name | 学科门类 | kind | industries | career | skills
_UNDERGRADUATE = """
计算机科学与技术|工学|it|new_gen_it|软件开发|Java,Python,MySQL,Linux,数据结构,Git
软件工程|工学|it|new_gen_it|软件开发与测试|Java,Spring Boot,MySQL,Redis,软件测试,Git,Vue
网络工程|工学|it|new_gen_it|网络与系统运维|网络配置,Linux,Shell,网络安全,Docker
信息安全|工学|it|new_gen_it,modern_finance|网络安全|网络安全,Linux,Python,渗透测试
网络空间安全|工学|it|new_gen_it|网络安全|网络安全,渗透测试,Linux,Python
物联网工程|工学|it|new_gen_it,high_end_equipment|物联网应用开发|嵌入式开发,C语言,单片机,Python
数据科学与大数据技术|工学|it|new_gen_it,modern_finance|数据分析与开发|Python,SQL,数据分析,Hadoop,机器学习
人工智能|工学|it|new_gen_it|算法开发|Python,机器学习,深度学习,数据分析
智能科学与技术|工学|it|new_gen_it|智能系统开发|Python,机器学习,C++,嵌入式开发
电子信息工程|工学|engineering|new_gen_it,high_end_equipment|电子与嵌入式开发|嵌入式开发,C语言,单片机,电路设计
通信工程|工学|engineering|new_gen_it|通信与网络|网络配置,通信原理,Linux,5G网络优化
微电子科学与工程|工学|engineering|new_gen_it,new_energy_materials|芯片与器件|电路设计,半导体工艺,Verilog
集成电路设计与集成系统|工学|engineering|new_gen_it|集成电路设计|Verilog,电路设计,半导体工艺
电子科学与技术|工学|engineering|new_gen_it|电子技术|电路设计,单片机,C语言
光电信息科学与工程|工学|engineering|new_gen_it,new_energy_materials|光电器件|光学设计,电路设计,材料表征
数字媒体技术|工学|it|cultural_creative,new_gen_it|数字内容制作|Photoshop,Premiere,Unity,UI设计
信息管理与信息系统|管理学|finance|new_gen_it,modern_finance|信息化管理|SQL,数据分析,Excel,项目管理
大数据管理与应用|管理学|finance|new_gen_it,modern_finance|数据运营|SQL,Python,数据分析,Excel
数学与应用数学|理学|science|new_gen_it,modern_finance|数据建模|数学建模,Python,数据分析,MATLAB
信息与计算科学|理学|science|new_gen_it|算法与计算|Python,C++,数学建模,数据分析
统计学|理学|science|modern_finance,new_gen_it|统计分析|数据分析,SPSS,Python,SQL,Tableau
应用统计学|理学|science|modern_finance,new_gen_it|统计分析|数据分析,SPSS,SQL,Excel
机械设计制造及其自动化|工学|engineering|high_end_equipment|机械设计|CAD,SolidWorks,UG,机械制图,公差配合
机械工程|工学|engineering|high_end_equipment|机械研发|CAD,SolidWorks,机械制图,有限元分析
机械电子工程|工学|engineering|high_end_equipment|机电设备调试|PLC,CAD,伺服调试,单片机
材料成型及控制工程|工学|engineering|high_end_equipment,new_energy_materials|成型工艺|CAD,模具设计,焊接工艺,材料表征
车辆工程|工学|engineering|high_end_equipment|汽车研发|CAD,CATIA,汽车构造,质量管理体系
新能源汽车工程|工学|engineering|high_end_equipment,new_energy_materials|新能源汽车研发|电池管理系统,CAD,电机控制,汽车构造
智能制造工程|工学|engineering|high_end_equipment|智能产线|PLC,工业机器人,MES系统,CAD
工业设计|工学|engineering|high_end_equipment,cultural_creative|产品设计|Rhino,SolidWorks,Photoshop,KeyShot
过程装备与控制工程|工学|engineering|high_end_chemical,high_end_equipment|化工装备|CAD,压力容器设计,化工原理,DCS操作
测控技术与仪器|工学|engineering|high_end_equipment|测控与仪器|LabVIEW,传感器技术,单片机,PLC
自动化|工学|engineering|high_end_equipment|自动化控制|PLC,西门子PLC,电气图纸,组态软件
电气工程及其自动化|工学|engineering|high_end_equipment,new_energy_materials|电气设计|PLC,电气图纸,CAD,变频器调试
机器人工程|工学|engineering|high_end_equipment|机器人应用|工业机器人,PLC,C++,ROS
工业工程|管理学|engineering|high_end_equipment|生产管理|精益生产,质量管理体系,Excel,MES系统
焊接技术与工程|工学|engineering|high_end_equipment,modern_marine|焊接工艺|焊接工艺,CAD,无损检测
飞行器制造工程|工学|engineering|high_end_equipment|航空制造|CATIA,CAD,数控编程,质量管理体系
材料科学与工程|工学|engineering|new_energy_materials|材料研发|材料表征,XRD,SEM,实验设计
新能源科学与工程|工学|energy|new_energy_materials|新能源技术|光伏组件工艺,储能系统,CAD,电气图纸
新能源材料与器件|工学|energy|new_energy_materials|新能源材料研发|锂电池,电化学测试,材料表征,XRD
储能科学与工程|工学|energy|new_energy_materials|储能系统|储能系统,电池管理系统,电化学测试
氢能科学与工程|工学|energy|new_energy_materials|氢能技术|电化学测试,化工原理,安全生产管理
能源与动力工程|工学|energy|new_energy_materials,high_end_equipment|热能与动力|CAD,热力系统,储能系统
高分子材料与工程|工学|chemical|new_energy_materials,high_end_chemical|高分子材料|材料表征,高分子合成,化学分析
金属材料工程|工学|engineering|new_energy_materials,high_end_equipment|金属材料|材料表征,SEM,热处理工艺
无机非金属材料工程|工学|engineering|new_energy_materials|无机材料|材料表征,XRD,实验设计
复合材料与工程|工学|engineering|new_energy_materials|复合材料|材料表征,复合材料成型,CAD
材料化学|工学|chemical|new_energy_materials,high_end_chemical|材料合成|材料表征,化学分析,锂电池
应用物理学|理学|science|new_energy_materials,new_gen_it|物理与器件|光伏组件工艺,MATLAB,实验设计
船舶与海洋工程|工学|marine|modern_marine,high_end_equipment|船舶设计|船舶设计,CAD,船舶结构,有限元分析
轮机工程|工学|marine|modern_marine|船舶轮机|轮机管理,船员适任证书,设备维护
航海技术|工学|marine|modern_marine|船舶驾驶|船员适任证书,船舶驾驶,海事法规
港口航道与海岸工程|工学|marine|modern_marine|港口工程|CAD,港口工程,工程测量
海洋科学|理学|marine|modern_marine|海洋调查|海洋调查,水质检测,Python,数据分析
海洋技术|理学|marine|modern_marine|海洋监测|海洋调查,水质检测,传感器技术
海洋资源与环境|理学|marine|modern_marine|海洋环境保护|水质检测,环境监测,海洋调查
水产养殖学|农学|marine|modern_marine,modern_agriculture|水产养殖|水产养殖,水质检测,鱼病防治,饲料配方
海洋渔业科学与技术|农学|marine|modern_marine|海洋渔业|渔业资源调查,水产养殖,海事法规
交通运输|工学|engineering|modern_marine,other|运输组织|港口调度,物流调度,Excel
物流管理|管理学|finance|modern_marine,other|物流管理|物流调度,仓储管理,集装箱业务,Excel
海事管理|管理学|marine|modern_marine|海事管理|海事法规,港口调度,集装箱业务
护理学|医学|medical|medical_health|临床护理|护士执业资格,静脉输液,护理评估,急救技能,健康宣教
助产学|医学|medical|medical_health|助产与母婴护理|护士执业资格,母婴护理,急救技能,健康宣教
临床医学|医学|medical|medical_health|临床诊疗|执业医师资格,病历书写,急救技能,临床诊疗
药学|医学|medical|medical_health|药学服务|药学专业知识,处方审核,药品管理,执业药师资格
中药学|医学|medical|medical_health,modern_agriculture|中药调剂|中药鉴定,药品管理,处方审核
药物制剂|医学|medical|medical_health,high_end_chemical|制剂研发|药物制剂,GMP,液相色谱,化学分析
康复治疗学|医学|medical|medical_health|康复治疗|康复评定,运动疗法,作业治疗
医学检验技术|医学|medical|medical_health|临床检验|临床检验,生化检验,实验室管理
医学影像技术|医学|medical|medical_health|影像技术|医学影像,放射防护,设备维护
预防医学|医学|medical|medical_health|疾病预防|流行病学调查,健康宣教,SPSS
中医学|医学|medical|medical_health|中医诊疗|中医诊疗,针灸推拿,病历书写
针灸推拿学|医学|medical|medical_health,boutique_tourism|针灸推拿|针灸推拿,康复评定,中医诊疗
口腔医学|医学|medical|medical_health|口腔诊疗|口腔诊疗,执业医师资格,病历书写
健康服务与管理|管理学|medical|medical_health|健康管理|健康评估,健康宣教,养老护理,Excel
养老服务管理|管理学|medical|medical_health|养老服务|养老护理,健康评估,社区服务
生物医学工程|工学|medical|medical_health,high_end_equipment|医疗器械|医疗器械注册,电路设计,设备维护
制药工程|工学|chemical|medical_health,high_end_chemical|药品生产|GMP,化工工艺,液相色谱
生物技术|理学|science|medical_health,modern_agriculture|生物实验|PCR,细胞培养,实验设计
生物工程|工学|science|medical_health,modern_agriculture|生物发酵|发酵工艺,PCR,GMP
化学工程与工艺|工学|chemical|high_end_chemical|化工工艺|化工工艺,化工原理,DCS操作,Aspen Plus,HAZOP
应用化学|理学|chemical|high_end_chemical,new_energy_materials|化学分析|化学分析,气相色谱,液相色谱,实验室管理
化学|理学|chemical|high_end_chemical|化学研发|化学分析,有机合成,气相色谱
安全工程|工学|chemical|high_end_chemical,other|安全管理|安全生产管理,HAZOP,应急预案,注册安全工程师
化工安全工程|工学|chemical|high_end_chemical|化工安全|安全生产管理,危化品管理,HAZOP,应急预案
环境工程|工学|chemical|high_end_chemical,other|环保治理|环境监测,污水处理,环评报告,化学分析
精细化工|工学|chemical|high_end_chemical|精细化学品|有机合成,化工工艺,化学分析
能源化学工程|工学|chemical|high_end_chemical,new_energy_materials|能源化工|化工工艺,化工原理,DCS操作
石油工程|工学|chemical|high_end_chemical|油气开采|油气开采,CAD,安全生产管理
油气储运工程|工学|chemical|high_end_chemical|油气储运|油气储运,安全生产管理,CAD
农学|农学|agriculture|modern_agriculture|农业技术推广|作物栽培,病虫害防治,土壤肥料,良种繁育
园艺|农学|agriculture|modern_agriculture|园艺生产|设施蔬菜,作物栽培,病虫害防治
植物保护|农学|agriculture|modern_agriculture|植物保护|病虫害防治,农药使用,无人机植保
种子科学与工程|农学|agriculture|modern_agriculture|种子生产|良种繁育,作物栽培,PCR
设施农业科学与工程|农学|agriculture|modern_agriculture|设施农业|设施蔬菜,智慧农业系统,土壤肥料
智慧农业|农学|agriculture|modern_agriculture,new_gen_it|智慧农业|智慧农业系统,无人机植保,数据分析
动物科学|农学|agriculture|modern_agriculture|畜禽养殖|畜禽养殖,饲料配方,动物疫病防治
动物医学|农学|agriculture|modern_agriculture|兽医诊疗|执业兽医资格,动物疫病防治,畜禽养殖
农业资源与环境|农学|agriculture|modern_agriculture|耕地与环境|土壤肥料,环境监测,农产品质量检测
农林经济管理|管理学|agriculture|modern_agriculture,modern_finance|农业经营管理|农业经营,市场调研,Excel
食品科学与工程|工学|agriculture|modern_agriculture,high_end_chemical|食品生产|食品检验,HACCP,质量管理体系
食品质量与安全|工学|agriculture|modern_agriculture|食品质量|食品检验,HACCP,农产品质量检测
农业机械化及其自动化|工学|agriculture|modern_agriculture,high_end_equipment|农机技术|农机操作,CAD,农机维修
园林|农学|agriculture|modern_agriculture,boutique_tourism|园林绿化|园林设计,CAD,植物养护
视觉传达设计|艺术学|arts|cultural_creative|视觉设计|Photoshop,Illustrator,品牌设计,UI设计,Figma
数字媒体艺术|艺术学|arts|cultural_creative|数字艺术创作|After Effects,Premiere,Blender,Photoshop,交互设计
动画|艺术学|arts|cultural_creative|动画制作|Maya,After Effects,分镜设计,Blender
环境设计|艺术学|arts|cultural_creative,other|空间设计|CAD,SketchUp,3ds Max,Photoshop
产品设计|艺术学|arts|cultural_creative,high_end_equipment|产品设计|Rhino,KeyShot,Photoshop,手绘
网络与新媒体|文学|humanities|cultural_creative|新媒体运营|新媒体运营,短视频策划,文案写作,数据分析
广告学|文学|humanities|cultural_creative|广告策划|品牌策划,文案写作,Photoshop,市场调研
新闻学|文学|humanities|cultural_creative,other|采编写作|新闻采编,文案写作,新媒体运营
广播电视编导|艺术学|arts|cultural_creative|视频编导|短视频策划,Premiere,摄影摄像,文案写作
汉语言文学|文学|humanities|cultural_creative,other|文字与编辑|文案写作,公文写作,普通话
文化产业管理|管理学|humanities|cultural_creative,boutique_tourism|文化项目运营|活动策划,品牌策划,新媒体运营
美术学|艺术学|arts|cultural_creative|美术创作|手绘,Photoshop,美术教学
旅游管理|管理学|tourism|boutique_tourism|旅游策划|旅游线路设计,研学旅行,导游证,活动策划,客户服务
酒店管理|管理学|tourism|boutique_tourism|酒店运营|前台接待,客户服务,酒店管理系统,英语口语
会展经济与管理|管理学|tourism|boutique_tourism,cultural_creative|会展策划|活动策划,品牌策划,客户服务
英语|文学|humanities|boutique_tourism,other|英语翻译|英语口语,翻译,英语六级
日语|文学|humanities|boutique_tourism,other|日语翻译|日语,翻译,客户服务
朝鲜语|文学|humanities|boutique_tourism,other|韩语翻译|韩语,翻译,客户服务
历史学|历史学|humanities|boutique_tourism,cultural_creative|文史研究|讲解服务,文案写作,档案管理
金融学|经济学|finance|modern_finance|金融服务|金融产品销售,风险评估,征信分析,信贷审批,银行从业资格,Excel
金融工程|经济学|finance|modern_finance|金融量化|Python,风险评估,数据分析,证券从业资格
金融科技|经济学|finance|modern_finance,new_gen_it|金融科技|Python,SQL,风险评估,数据分析
保险学|经济学|finance|modern_finance|保险服务|保险业务,客户开发,风险评估
投资学|经济学|finance|modern_finance|投资分析|证券从业资格,基金从业资格,财务报表,风险评估
经济学|经济学|finance|modern_finance,other|经济分析|数据分析,市场调研,Excel,财务报表
国际经济与贸易|经济学|finance|modern_finance,other|国际贸易|外贸单证,英语口语,客户开发
会计学|管理学|finance|modern_finance|会计核算|会计核算,财务报表,初级会计职称,用友,金蝶
财务管理|管理学|finance|modern_finance|财务管理|财务报表,会计核算,税务申报,Excel
审计学|管理学|finance|modern_finance|审计|审计实务,财务报表,会计核算,Excel
税收学|经济学|finance|modern_finance|税务|税务申报,财务报表,会计核算
市场营销|管理学|finance|modern_finance,other|市场营销|客户开发,市场调研,品牌策划,Office办公
工商管理|管理学|finance|other,modern_finance|企业管理|项目管理,Office办公,市场调研
人力资源管理|管理学|finance|other|人力资源|招聘,劳动法,薪酬核算,Office办公
行政管理|管理学|humanities|other|行政管理|公文写作,Office办公,档案管理
社会工作|法学|humanities|other,medical_health|社会工作|社区服务,个案工作,群众工作,社会工作者职业资格
法学|法学|humanities|other,modern_finance|法务|法律事务,合同审核,法律职业资格
学前教育|教育学|normal|other|幼儿教育|幼儿教师资格,普通话,手工制作
电子商务|管理学|finance|other,modern_agriculture|电商运营|电商运营,直播运营,数据分析,Photoshop
土木工程|工学|engineering|other|土建施工|CAD,工程测量,施工管理,BIM
工程造价|管理学|engineering|other|工程造价|工程计价,广联达,CAD,Excel
"""

# name | 专业大类 | kind | industries | career | skills
_VOCATIONAL = """
护理|医药卫生大类|medical|medical_health|临床护理|护士执业资格,静脉输液,护理评估,急救技能,健康宣教
助产|医药卫生大类|medical|medical_health|母婴护理|护士执业资格,母婴护理,急救技能
药品经营与管理|医药卫生大类|medical|medical_health|药店药学服务|药品管理,药学专业知识,客户服务
康复治疗技术|医药卫生大类|medical|medical_health|康复治疗|康复评定,运动疗法,针灸推拿
智慧健康养老服务与管理|公共管理与服务大类|medical|medical_health|养老服务|养老护理,健康评估,社区服务
计算机应用技术|电子与信息大类|it|new_gen_it|软件开发|Java,MySQL,Vue,Office办公
软件技术|电子与信息大类|it|new_gen_it|软件开发|Java,Spring Boot,MySQL,JavaScript,自动化测试,Selenium
大数据技术|电子与信息大类|it|new_gen_it,modern_finance|数据处理|Python,SQL,Hadoop,数据分析
计算机网络技术|电子与信息大类|it|new_gen_it|网络运维|网络配置,Linux,Shell,网络安全
云计算技术应用|电子与信息大类|it|new_gen_it|云平台运维|Linux,Docker,Kubernetes,Shell
机电一体化技术|装备制造大类|engineering|high_end_equipment|设备调试|PLC,电气图纸,CAD,设备维护
数控技术|装备制造大类|engineering|high_end_equipment|数控加工|数控编程,数控机床操作,机械制图,CAD
电气自动化技术|装备制造大类|engineering|high_end_equipment,new_energy_materials|电气控制|PLC,电气图纸,变频器调试,电工证
工业机器人技术|装备制造大类|engineering|high_end_equipment|机器人运维|工业机器人,PLC,伺服调试
机械制造及自动化|装备制造大类|engineering|high_end_equipment|机械加工|机械制图,CAD,数控机床操作,公差配合
新能源汽车技术|装备制造大类|engineering|high_end_equipment,new_energy_materials|新能源汽车维修|电池管理系统,汽车构造,电工证
船舶工程技术|装备制造大类|marine|modern_marine,high_end_equipment|船舶建造|船舶结构,CAD,焊接工艺
光伏工程技术|能源动力与材料大类|energy|new_energy_materials|光伏运维|光伏组件工艺,电气图纸,电工证
储能材料技术|能源动力与材料大类|energy|new_energy_materials|电池材料生产|锂电池,电化学测试,化学分析
应用化工技术|生物与化工大类|chemical|high_end_chemical|化工生产|化工工艺,DCS操作,化学分析,安全生产管理
工业分析技术|生物与化工大类|chemical|high_end_chemical|化学检验|化学分析,气相色谱,滴定分析,实验室管理
石油化工技术|生物与化工大类|chemical|high_end_chemical|石化生产|化工工艺,DCS操作,危化品管理
现代农业技术|农林牧渔大类|agriculture|modern_agriculture|农业生产|作物栽培,病虫害防治,农机操作,智慧农业系统
园艺技术|农林牧渔大类|agriculture|modern_agriculture|园艺生产|设施蔬菜,作物栽培,植物养护
植物保护与检疫技术|农林牧渔大类|agriculture|modern_agriculture|植保|病虫害防治,农药使用,无人机植保
畜牧兽医|农林牧渔大类|agriculture|modern_agriculture|畜牧兽医|畜禽养殖,动物疫病防治,执业兽医资格
水产养殖技术|农林牧渔大类|marine|modern_marine,modern_agriculture|水产养殖|水产养殖,水质检测,鱼病防治
港口与航运管理|交通运输大类|marine|modern_marine|港口业务|港口调度,集装箱业务,物流调度
国际邮轮乘务管理|交通运输大类|marine|modern_marine,boutique_tourism|邮轮服务|客户服务,英语口语,前台接待
大数据与会计|财经商贸大类|finance|modern_finance|会计|会计核算,财务报表,初级会计职称,金蝶
会计信息管理|财经商贸大类|finance|modern_finance|会计|会计核算,用友,Excel,税务申报
金融服务与管理|财经商贸大类|finance|modern_finance|金融服务|金融产品销售,客户开发,银行从业资格
现代物流管理|财经商贸大类|finance|other,modern_marine|物流|仓储管理,物流调度,Excel
导游|旅游大类|tourism|boutique_tourism|导游|导游证,讲解服务,普通话,客户服务
酒店管理与数字化运营|旅游大类|tourism|boutique_tourism|酒店服务|前台接待,酒店管理系统,客户服务
广告艺术设计|文化艺术大类|arts|cultural_creative|广告设计|Photoshop,Illustrator,文案写作
融媒体技术与运营|新闻传播大类|arts|cultural_creative|融媒体运营|短视频策划,Premiere,新媒体运营,剪映
网络直播与运营|新闻传播大类|arts|cultural_creative,modern_agriculture|直播运营|直播运营,短视频策划,剪映,电商运营
社区管理与服务|公共管理与服务大类|public|other|社区服务|社区服务,群众工作,公文写作
婴幼儿托育服务与管理|医药卫生大类|normal|other,medical_health|托育服务|婴幼儿照护,健康宣教,普通话
"""

# Both catalogues also list these under the same name; they are taught at both levels.
_SHARED_WITH_VOCATIONAL: tuple[str, ...] = (
    "电子商务", "旅游管理", "市场营销", "学前教育", "医学影像技术", "视觉传达设计",
)


def _parse(table: str, *, vocational: bool) -> list[MajorProfile]:
    profiles = []
    for line in table.strip().splitlines():
        name, discipline, kind, industries, career, skills = line.split("|")
        profiles.append(
            MajorProfile(
                name=name,
                discipline=discipline,
                kind=kind,
                industries=tuple(Industry(code) for code in industries.split(",")),
                career=career,
                skills=tuple(skills.split(",")),
                vocational=vocational,
            )
        )
    return profiles


UNDERGRADUATE_MAJORS: tuple[MajorProfile, ...] = tuple(_parse(_UNDERGRADUATE, vocational=False))
VOCATIONAL_MAJORS: tuple[MajorProfile, ...] = tuple(
    _parse(_VOCATIONAL, vocational=True)
    + [
        MajorProfile(p.name, p.discipline, p.kind, p.industries, p.career, p.skills, True)
        for p in UNDERGRADUATE_MAJORS
        if p.name in _SHARED_WITH_VOCATIONAL
    ]
)

MAJORS_BY_NAME: dict[str, MajorProfile] = {
    **{p.name: p for p in VOCATIONAL_MAJORS},
    # Undergraduate entries win for names taught at both levels: the 学科门类 is the
    # better-known label.
    **{p.name: p for p in UNDERGRADUATE_MAJORS},
}

# Major name → 学科门类 (undergraduate catalogue) or 专业大类 (vocational catalogue).
MAJOR_DISCIPLINES: dict[str, str] = {name: p.discipline for name, p in MAJORS_BY_NAME.items()}


def majors_feeding(industry: Industry, *, vocational: bool) -> tuple[str, ...]:
    """Names of majors whose graduates naturally work in ``industry``, in catalogue order."""
    pool = VOCATIONAL_MAJORS if vocational else UNDERGRADUATE_MAJORS
    return tuple(p.name for p in pool if industry in p.industries)
