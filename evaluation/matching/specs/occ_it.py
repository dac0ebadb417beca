"""Occupations of 新一代信息技术 (and the IT jobs other industries hire for)."""
from __future__ import annotations

from .types import (ASSOC, BACH, EQUIP, FIN, FLEX, FT, GRASS, INTERN, IT, MASTER, OTHER, RA,
                    TOUR, ENERGY, Employer, Occupation)

_YUNZHAN = Employer("齐鲁云栈信息科技有限公司", "济南", IT)
_HAIXIN = Employer("青岛海芯数智软件有限公司", "青岛", IT)
_ZHILIAN = Employer("烟台智链网络科技有限公司", "烟台", IT)
_LUBANK = Employer("鲁通农村商业银行股份有限公司", "潍坊", FIN)
_QUANCHENG_BANK = Employer("泉城汇金银行科技服务有限公司", "济南", FIN)
_WEIGAO_EQUIP = Employer("威海远航数控装备有限公司", "威海", EQUIP)
_TAISHAN_TRAVEL = Employer("泰山文旅数字科技有限公司", "泰安", TOUR)

SOFTWARE_DEV = Occupation(
    code="software_dev",
    name="后端/软件开发工程师",
    titles=("Java开发工程师", "后端开发工程师", "服务端研发工程师", "软件开发工程师（服务端）"),
    duties=(
        "负责公司业务系统服务端模块的设计、编码与单元测试",
        "参与需求评审，把产品需求拆解为可落地的接口和数据表设计",
        "维护订单、结算等核心服务，定位并修复线上问题",
        "编写接口文档，配合前端和测试同事完成联调与上线",
        "对慢查询和高并发场景做性能分析与优化",
        "参与代码评审，沉淀公共组件，提升团队开发效率",
        "开发与第三方系统的数据交换和对接程序",
    ),
    requirements=(
        "熟悉Java语言，了解Spring Boot、MyBatis等常用框架",
        "熟悉MySQL的使用，会写较复杂的SQL，了解索引原理",
        "掌握Python或Go其中一种，有Django、Flask项目经验者优先",
        "了解Redis、消息队列等中间件，有微服务项目经验优先",
        "熟悉Linux常用命令，能使用Git进行版本管理",
        "逻辑清晰，愿意钻研技术，优秀应届毕业生可培养",
    ),
    skills=("Java", "Spring Boot", "MySQL", "Redis", "Python", "Linux", "Git", "微服务"),
    majors=("计算机科学与技术", "软件工程", "软件技术", "网络工程"),
    employers=(_YUNZHAN, _HAIXIN, _ZHILIAN, _QUANCHENG_BANK, _WEIGAO_EQUIP),
    education=(BACH, BACH, ASSOC, BACH, MASTER),
    salary=(7000, 15000),
    job_types=(FT, FT, INTERN, FT, FT, FLEX, FT, INTERN, FT, FT),
    related=("frontend_dev", "software_test", "ops_engineer", "embedded_dev", "data_analyst"),
    why_related="同属软件研发链条，编程、数据库和版本管理能力可直接迁移；数据分析岗位主要用SQL和Python。",
    type_titles={FLEX: ("外包项目Java开发（远程）", "小程序后端开发（按项目结算）")},
)

FRONTEND_DEV = Occupation(
    code="frontend_dev",
    name="前端开发工程师",
    titles=("Web前端开发工程师", "前端工程师（Vue方向）", "H5/小程序开发工程师"),
    duties=(
        "负责管理后台和移动端H5页面的开发与维护",
        "根据设计稿还原页面，保证在主流浏览器和机型上的兼容性",
        "与后端工程师约定接口格式，完成前后端联调",
        "开发微信小程序，跟进用户反馈做体验优化",
        "封装可复用的业务组件，整理前端开发规范",
        "优化首屏加载速度和页面交互性能",
    ),
    requirements=(
        "熟练掌握HTML、CSS、JavaScript，理解ES6语法",
        "熟悉Vue或React其中之一，有实际项目经验",
        "了解Webpack或Vite等构建工具，会用Git协作",
        "对页面细节敏感，能和设计师顺畅沟通",
        "有个人作品或GitHub项目者请附链接",
    ),
    skills=("JavaScript", "Vue", "React", "HTML", "CSS", "TypeScript", "小程序开发", "Webpack"),
    majors=("计算机科学与技术", "软件工程", "数字媒体技术", "软件技术"),
    employers=(_HAIXIN, _ZHILIAN, _TAISHAN_TRAVEL, _YUNZHAN),
    education=(BACH, ASSOC, BACH, ASSOC),
    salary=(6000, 13000),
    job_types=(FT, FT, INTERN, FT, FLEX, INTERN, FT),
    related=("software_dev", "ui_designer", "software_test"),
    why_related="前后端共用编程基础，转后端或测试门槛低；前端要还原设计稿，与UI设计互相理解对方的工作。",
    type_titles={FLEX: ("兼职前端开发（按需求结算）",)},
)

SOFTWARE_TEST = Occupation(
    code="software_test",
    name="软件测试工程师",
    titles=("软件测试工程师", "测试工程师（功能/接口）", "自动化测试工程师", "QA测试专员"),
    duties=(
        "根据需求文档编写测试用例，执行功能测试和回归测试",
        "使用Postman或JMeter开展接口测试与简单的性能测试",
        "在缺陷管理平台提交并跟踪问题，推动开发修复",
        "编写测试报告，对版本质量给出上线建议",
        "参与搭建自动化测试脚本，减少重复的人工验证",
        "参与需求评审，从可测性角度提出意见",
    ),
    requirements=(
        "了解软件测试基本理论和常用测试方法",
        "会使用数据库查询语句核对数据",
        "有Python或Java基础，能编写简单的自动化脚本者优先",
        "工作细致耐心，有较强的责任心和沟通能力",
    ),
    skills=("功能测试", "接口测试", "JMeter", "Postman", "Selenium", "SQL", "Python", "禅道"),
    majors=("软件工程", "计算机科学与技术", "软件技术", "信息管理与信息系统"),
    employers=(_YUNZHAN, _HAIXIN, _QUANCHENG_BANK, _ZHILIAN),
    education=(ASSOC, BACH, ASSOC, BACH),
    salary=(5500, 11000),
    job_types=(FT, INTERN, FT, FT, INTERN, FT, INTERN),
    related=("software_dev", "quality_inspector"),
    why_related="测试人员懂代码，可转开发；质量检验同样是按标准找缺陷、出报告，思路相通。",
)

DATA_ANALYST = Occupation(
    code="data_analyst",
    name="数据分析师",
    titles=("数据分析师", "数据分析专员", "商业分析（BI）专员", "运营数据分析岗"),
    duties=(
        "搭建业务指标体系，定期输出经营分析周报和月报",
        "用SQL从数据仓库中提取数据，完成专题分析",
        "制作BI看板，让业务部门能自助查看关键指标",
        "对营销活动做效果评估和A/B测试分析",
        "分析用户来源、客单价和复购等数据，为产品定价提供依据",
        "清洗和整理原始数据，保证报表口径一致",
        "针对异常波动做归因分析并提出改进建议",
    ),
    requirements=(
        "熟练使用SQL，熟悉Excel函数与数据透视表",
        "掌握Python或R中的一种，会用pandas做数据处理",
        "了解常用统计方法，如假设检验、回归分析",
        "会使用Power BI、Tableau或FineBI等工具",
        "对数字敏感，表达清楚，能把结论讲给业务听",
    ),
    skills=("SQL", "Python", "Excel", "Tableau", "Power BI", "pandas", "统计分析", "数据可视化"),
    majors=("统计学", "应用统计学", "数据科学与大数据技术", "经济学", "大数据技术"),
    employers=(_YUNZHAN, _QUANCHENG_BANK, _TAISHAN_TRAVEL, _LUBANK, _HAIXIN),
    education=(BACH, BACH, ASSOC, MASTER, BACH),
    salary=(6000, 13000),
    job_types=(FT, FT, INTERN, FT, FLEX, FT, INTERN, FT),
    related=("software_dev", "credit_risk", "research_assistant_data", "new_media_ops"),
    why_related="取数和编程与开发重叠；风控建模和科研数据处理都是统计分析的延伸；新媒体运营日常要看数据复盘。",
    type_titles={FLEX: ("兼职数据分析（项目制）",)},
)

OPS_ENGINEER = Occupation(
    code="ops_engineer",
    name="运维/网络工程师",
    titles=("运维工程师", "网络工程师", "系统运维专员", "IT技术支持工程师"),
    duties=(
        "负责服务器、网络设备的日常巡检和故障处理",
        "部署和维护Linux服务器，编写Shell脚本实现自动化运维",
        "配置交换机、路由器和防火墙策略，保障内网稳定",
        "负责机房和云平台资源的监控告警与容量规划",
        "处理办公电脑、打印机等终端的报修",
        "做好数据备份和网络安全等级保护相关工作",
    ),
    requirements=(
        "熟悉TCP/IP协议，能独立完成常见网络设备配置",
        "熟悉Linux系统管理，了解Docker容器技术",
        "持有HCIA、CCNA或RHCE证书者优先",
        "能适应值班和应急响应",
        "服务意识强，能耐心解答同事的问题",
    ),
    skills=("Linux", "Shell", "TCP/IP", "Docker", "华为交换机", "防火墙", "Zabbix", "Nginx"),
    majors=("网络工程", "计算机科学与技术", "计算机网络技术", "通信工程"),
    employers=(_ZHILIAN, _LUBANK, _HAIXIN, _WEIGAO_EQUIP),
    education=(ASSOC, BACH, ASSOC, ASSOC),
    salary=(5000, 11000),
    job_types=(FT, FT, INTERN, GRASS, FT, INTERN, FT),
    related=("software_dev", "embedded_dev"),
    why_related="运维要写脚本、懂部署，是转开发最常见的起点；网络和嵌入式设备调试都要懂通信协议与硬件。",
    type_employers={GRASS: (Employer("沂南县大数据中心", "临沂", OTHER),)},
    type_titles={GRASS: ("县级政务信息化专员", "乡镇便民服务中心网络管理员")},
)

EMBEDDED_DEV = Occupation(
    code="embedded_dev",
    name="嵌入式软件工程师",
    titles=("嵌入式软件工程师", "单片机开发工程师", "嵌入式Linux驱动工程师"),
    duties=(
        "负责STM32等单片机平台的固件开发与调试",
        "编写传感器、电机驱动程序，完成板级联调",
        "参与控制器软件架构设计和通信协议制定",
        "使用示波器、逻辑分析仪定位软硬件问题",
        "为工业控制器、储能等产品开发嵌入式控制程序",
        "编写软件设计文档，配合测试完成产品认证",
    ),
    requirements=(
        "熟练掌握C语言，了解ARM体系结构",
        "熟悉UART、SPI、I2C、CAN等常用接口",
        "有FreeRTOS或嵌入式Linux开发经验者优先",
        "能看懂电路原理图，动手能力强",
        "参加过电子设计竞赛或机器人比赛者优先",
    ),
    skills=("C语言", "STM32", "FreeRTOS", "CAN总线", "嵌入式Linux", "Keil", "电路原理图", "单片机"),
    majors=("电子信息工程", "自动化", "通信工程", "物联网工程", "电子信息工程技术"),
    employers=(_WEIGAO_EQUIP, Employer("潍坊华储能源科技有限公司", "潍坊", ENERGY), _ZHILIAN,
               Employer("淄博芯途电子有限公司", "淄博", IT)),
    education=(BACH, BACH, ASSOC, MASTER),
    salary=(7000, 14000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT),
    related=("electrical_automation", "software_dev", "ai_algorithm"),
    why_related="嵌入式与电气自动化都围绕控制器和电路；C语言功底可转一般软件开发；端侧算法部署需要嵌入式经验。",
)

AI_ALGORITHM = Occupation(
    code="ai_algorithm",
    name="算法工程师",
    titles=("算法工程师", "AI算法工程师", "深度学习算法工程师", "AI应用开发工程师"),
    duties=(
        "负责工业质检场景下的图像检测与分割算法研发",
        "跟踪深度学习前沿论文，复现并改进模型效果",
        "构建训练数据集，设计标注规范和评测指标",
        "把模型部署到边缘设备，完成推理加速",
        "基于大模型开发智能客服和文档问答应用",
        "与工程团队协作，把算法封装成稳定的服务",
    ),
    requirements=(
        "熟悉PyTorch或TensorFlow，有完整的模型训练经验",
        "扎实的数学基础，熟悉机器学习常用算法",
        "熟练使用Python，了解C++者优先",
        "有CV或NLP相关竞赛、论文或项目经历者优先",
    ),
    skills=("PyTorch", "深度学习", "Python", "OpenCV", "机器学习", "Transformer", "C++", "模型部署"),
    majors=("人工智能", "计算机科学与技术", "数据科学与大数据技术", "自动化"),
    employers=(_HAIXIN, _YUNZHAN, _WEIGAO_EQUIP),
    education=(MASTER, BACH, MASTER),
    salary=(12000, 25000),
    job_types=(FT, FT, FT, INTERN, FT, FT),
    related=("software_dev", "data_analyst", "research_assistant_data"),
    why_related="算法岗离不开工程开发和数据处理；科研助理的数据建模工作内容与算法研究相同。",
)

RESEARCH_ASSISTANT_DATA = Occupation(
    code="research_assistant_data",
    name="科研助理（数据与信息方向）",
    titles=("科研助理（数据处理方向）", "科研助理（信息化方向）", "课题组科研助理（数据科学）"),
    duties=(
        "协助课题组完成科研数据的采集、清洗和统计分析",
        "维护实验室计算服务器和数据库",
        "编写数据处理脚本，整理图表供论文写作使用",
        "参与科研项目申报书和结题材料的整理",
        "协助开展模型实验并记录实验结果",
        "负责课题组文献检索与资料归档",
    ),
    requirements=(
        "熟悉Python或R，能独立完成数据处理流程",
        "具备一定英文文献阅读能力",
        "有参与科研项目或发表论文经历者优先",
        "做事严谨，能长期稳定工作",
    ),
    skills=("Python", "R语言", "数据清洗", "统计分析", "Linux", "文献检索", "LaTeX"),
    majors=("数据科学与大数据技术", "统计学", "计算机科学与技术", "地理信息科学"),
    employers=(Employer("山东理工智能计算研究院", "淄博", IT),),
    education=(BACH, MASTER, BACH, MASTER, BACH),
    salary=(5000, 8000),
    job_types=(RA, RA, RA, RA, RA, RA),
    related=("data_analyst", "ai_algorithm"),
    why_related="科研数据处理与企业数据分析、算法实验使用同一套工具和方法。",
    type_employers={RA: (Employer("济南齐鲁大数据研究院", "济南", IT),
                         Employer("青岛滨海大学计算机学院", "青岛", IT),
                         Employer("山东理工智能计算研究院", "淄博", IT))},
)

OCCUPATIONS = (SOFTWARE_DEV, FRONTEND_DEV, SOFTWARE_TEST, DATA_ANALYST, OPS_ENGINEER,
               EMBEDDED_DEV, AI_ALGORITHM, RESEARCH_ASSISTANT_DATA)
