"""Occupations of the new-generation information technology industry (新一代信息技术)."""
from __future__ import annotations

from synthetic import employers as emp
from synthetic.occupation import FLEX, A, B, M, Occupation, occupation
from app.domain.enums import Industry

IT = Industry.NEW_GEN_IT

IT_OCCUPATIONS: tuple[Occupation, ...] = (
    occupation(
        "java_developer", IT,
        titles="Java开发工程师,Java后端开发工程师,初级Java工程师,Java软件工程师",
        skills="Java,Spring Boot,MySQL,Redis,Linux,Git,数据结构,Vue",
        majors="计算机科学与技术,软件工程,信息管理与信息系统,计算机应用技术,软件技术",
        education=(B, B, A), salary=(6000, 9000),
        duties="""
            负责业务系统后端模块的设计、编码与单元测试
            参与需求评审，编写接口文档和技术设计文档
            根据产品需求完成数据库表结构设计与SQL优化
            配合前端和测试同事完成联调，及时修复线上问题
            参与代码评审和性能调优，持续改进代码质量
            负责已上线系统的日常维护与功能迭代""",
        requirements="""
            理解面向对象编程思想，具备良好的编码习惯
            了解常用设计模式和微服务的基本概念
            有完整的课程设计、毕业设计或实习项目经历者优先
            能够阅读英文技术文档""",
        employers=(emp.SOFTWARE,), headcount=(1, 8),
    ),
    occupation(
        "frontend_developer", IT,
        titles="前端开发工程师,Web前端工程师,前端开发工程师（Vue方向）",
        skills="JavaScript,Vue,Git,UI设计,Photoshop",
        majors="计算机科学与技术,软件工程,数字媒体技术,计算机应用技术,软件技术",
        education=(B, A, A), salary=(5500, 8500),
        duties="""
            根据设计稿完成PC端和移动端页面的开发与适配
            与后端工程师协作完成接口对接和数据展示
            优化页面加载性能，提升用户交互体验
            参与前端组件库的建设与维护
            配合测试定位并修复前端缺陷""",
        requirements="""
            熟悉页面布局与浏览器兼容性处理
            对交互体验有一定理解，有作品或项目链接者优先
            具备良好的代码规范意识""",
        employers=(emp.SOFTWARE, emp.CREATIVE), extra_job_types=FLEX,
    ),
    occupation(
        "software_tester", IT,
        titles="软件测试工程师,测试工程师,自动化测试工程师,软件测试专员",
        skills="软件测试,自动化测试,Python,SQL,Linux,Selenium",
        majors="软件工程,计算机科学与技术,信息管理与信息系统,软件技术,计算机应用技术",
        education=(B, A, A), salary=(5000, 8000),
        duties="""
            根据需求文档编写测试计划和测试用例
            执行功能测试、接口测试和回归测试，跟踪缺陷直至关闭
            搭建和维护自动化测试脚本，提高测试效率
            输出测试报告，对产品质量给出评估意见
            参与需求评审，从测试角度提出改进建议""",
        requirements="""
            了解软件测试流程和常用测试方法
            有耐心，对细节敏感，善于发现问题
            了解数据库基本操作和常用Linux命令""",
        employers=(emp.SOFTWARE,),
    ),
    occupation(
        "ops_engineer", IT,
        titles="运维工程师,系统运维工程师,云平台运维工程师,网络运维工程师,通信网络优化工程师",
        skills="Linux,Shell,Docker,Kubernetes,网络配置,网络安全,MySQL,通信原理,5G网络优化",
        majors="网络工程,计算机科学与技术,通信工程,计算机网络技术,云计算技术应用",
        education=(A, A, B), salary=(5000, 8000),
        duties="""
            负责服务器、网络设备和云平台的日常巡检与维护
            部署和升级业务系统，编写运维脚本实现自动化
            监控系统运行状态，处理告警并做好故障记录
            配合完成等保测评和安全加固工作
            维护机房设备台账和运维文档""",
        requirements="""
            熟悉常见网络协议和服务器配置
            能够配合值班安排，对突发故障及时响应
            持有网络或云计算相关认证者优先""",
        employers=(emp.SOFTWARE,),
    ),
    occupation(
        "data_analyst", IT,
        titles="数据分析师,数据分析专员,大数据开发工程师,BI数据分析师",
        skills="Python,SQL,数据分析,Excel,Hadoop,Tableau,机器学习,SPSS,数学建模",
        majors=(
            "数据科学与大数据技术,统计学,应用统计学,数学与应用数学,信息与计算科学,"
            "大数据管理与应用,大数据技术"
        ),
        education=(B, B, M), salary=(6500, 9500),
        duties="""
            负责业务数据的采集、清洗和建模分析
            搭建数据报表和可视化看板，跟踪核心指标变化
            针对业务问题开展专题分析，输出分析报告和改进建议
            参与数据仓库建设和数据质量治理
            支持市场、运营等部门的数据需求""",
        requirements="""
            具备扎实的统计学基础和数据敏感度
            能够清晰地用图表和文字表达分析结论
            有数学建模竞赛或数据分析项目经历者优先""",
        employers=(emp.SOFTWARE,),
    ),
    occupation(
        "embedded_engineer", IT,
        titles="嵌入式软件工程师,单片机开发工程师,物联网开发工程师,FPGA开发工程师",
        skills="C语言,嵌入式开发,单片机,电路设计,Linux,C++,Verilog,传感器技术,半导体工艺",
        majors=(
            "电子信息工程,物联网工程,电子科学与技术,通信工程,微电子科学与工程,"
            "集成电路设计与集成系统,智能科学与技术"
        ),
        education=(B, B, M), salary=(6500, 9500),
        duties="""
            负责嵌入式设备底层驱动和应用程序的开发与调试
            参与硬件方案选型、原理图评审和样机联调
            编写软件设计文档和测试记录
            配合生产解决量产阶段的软硬件问题
            跟进物联网终端与云平台的通信联调""",
        requirements="""
            能够使用示波器、万用表等常用仪器进行调试
            熟悉常见通信接口和传感器应用
            参加过电子设计竞赛者优先""",
        employers=(emp.SOFTWARE, emp.EQUIPMENT),
    ),
    occupation(
        "security_engineer", IT,
        titles="网络安全工程师,安全运维工程师,渗透测试工程师",
        skills="网络安全,渗透测试,Linux,Python,网络配置",
        majors="信息安全,网络空间安全,网络工程,计算机网络技术,计算机科学与技术",
        education=(B, B, A), salary=(6500, 9500),
        duties="""
            负责客户信息系统的安全评估和漏洞扫描
            开展渗透测试，输出风险报告和整改建议
            参与安全事件的应急响应和溯源分析
            协助客户完成网络安全等级保护测评""",
        requirements="""
            了解常见Web漏洞原理和防护方法
            遵守网络安全法律法规，具有良好的职业操守
            参加过网络安全竞赛者优先""",
        employers=(emp.SOFTWARE,),
    ),
    occupation(
        "algorithm_engineer", IT,
        titles="算法工程师,机器学习工程师,AI应用开发工程师",
        skills="Python,机器学习,深度学习,数据分析,C++",
        majors="人工智能,智能科学与技术,计算机科学与技术,数据科学与大数据技术,信息与计算科学",
        education=(B, M, M), salary=(9000, 13000),
        duties="""
            负责视觉、语音或自然语言处理相关算法的研发与优化
            跟踪前沿技术，完成模型训练、评估和部署
            与工程团队协作，将算法集成到产品中
            整理数据集并设计实验验证方案""",
        requirements="""
            具备扎实的数学基础和编程能力
            有论文发表或算法竞赛获奖经历者优先""",
        employers=(emp.SOFTWARE,),
    ),
)
