"""Occupations of modern high-efficiency agriculture (现代高效农业)."""
from __future__ import annotations

from synthetic import employers as emp
from synthetic.occupation import ANY, FLEX, A, B, M, Occupation, occupation
from app.domain.enums import Industry

AGRICULTURE = Industry.MODERN_AGRICULTURE

AGRICULTURE_OCCUPATIONS: tuple[Occupation, ...] = (
    occupation(
        "agri_technician", AGRICULTURE,
        titles="农业技术员,农技推广员,种植技术员,农业技术指导员",
        skills="作物栽培,病虫害防治,土壤肥料,良种繁育,农机操作,智慧农业系统",
        majors="农学,种子科学与工程,园艺,农业资源与环境,现代农业技术,智慧农业",
        education=(A, A, B), salary=(4500, 6000),
        duties="""
            负责小麦、玉米等作物的栽培管理和田间技术指导
            制定施肥、灌溉和病虫害防控方案
            开展新品种、新技术的示范推广
            为合作社和种植大户提供技术培训和咨询
            采集田间数据，记录作物生长情况""",
        requirements="""
            熟悉主要农作物栽培技术
            愿意扎根一线，能够适应田间工作
            持有机动车驾驶证者优先""",
        employers=(emp.CROPS,),
    ),
    occupation(
        "plant_protection", AGRICULTURE,
        titles="植保员,植保技术员,病虫害防治技术员,植保无人机飞手",
        skills="病虫害防治,农药使用,无人机植保,作物栽培",
        majors="植物保护,农学,植物保护与检疫技术,园艺技术,现代农业技术",
        education=(A, A, B), salary=(4500, 6000),
        duties="""
            开展病虫害田间调查和预测预报
            根据虫情制定科学用药方案，指导安全用药
            操作植保无人机完成统防统治作业
            做好作业记录和药剂台账""",
        requirements="""
            熟悉常见病虫草害识别与防治
            持有植保无人机操作证书者优先""",
        employers=(emp.CROPS,), extra_job_types=FLEX,
    ),
    occupation(
        "veterinarian", AGRICULTURE,
        titles="畜牧兽医,兽医技术员,养殖技术员,畜牧技术员",
        skills="畜禽养殖,动物疫病防治,执业兽医资格,饲料配方",
        majors="动物医学,动物科学,畜牧兽医",
        education=(A, A, B), salary=(5000, 7000),
        duties="""
            负责养殖场畜禽的免疫接种和疫病监测
            诊治常见疾病，规范使用兽药
            指导饲养管理和生物安全防控措施落实
            记录免疫、用药和生产数据""",
        requirements="""
            熟悉畜禽常见疫病的防治
            能够适应养殖场封闭管理
            持有执业兽医资格证书者优先""",
        employers=(emp.LIVESTOCK,),
    ),
    occupation(
        "greenhouse_technician", AGRICULTURE,
        titles="设施蔬菜技术员,温室大棚管理员,园艺技术员",
        skills="设施蔬菜,智慧农业系统,作物栽培,病虫害防治,植物养护",
        majors="园艺,设施农业科学与工程,园艺技术,农学,智慧农业",
        education=(A, A, B), salary=(4500, 6000),
        duties="""
            负责日光温室和连栋温室的蔬菜生产管理
            通过智能环境控制系统调节温湿度和水肥
            制定茬口安排和种植计划
            指导工人规范开展整枝、授粉和采收作业""",
        requirements="""
            熟悉设施蔬菜栽培技术
            会操作温室环境控制系统者优先""",
        employers=(emp.CROPS,),
    ),
    occupation(
        "food_quality", AGRICULTURE,
        titles="食品质检员,农产品质量检测员,食品工艺员",
        skills="食品检验,HACCP,农产品质量检测,质量管理体系,化学分析",
        majors="食品科学与工程,食品质量与安全,农业资源与环境,生物工程",
        education=(A, B, B), salary=(4500, 6500),
        duties="""
            负责农产品及食品的理化和微生物检测
            监督生产过程关键控制点，落实HACCP体系
            处理质量异常并跟踪整改
            整理检测记录，配合迎接客户和监管检查""",
        requirements="""
            熟悉食品安全标准和检测方法
            工作细致，有较强的质量意识""",
        employers=(emp.CROPS, emp.LIVESTOCK),
    ),
    occupation(
        "breeding_assistant", AGRICULTURE,
        titles="育种助理,种子生产技术员,分子育种实验员",
        skills="良种繁育,PCR,作物栽培,实验设计",
        majors="种子科学与工程,农学,生物技术,园艺",
        education=(B, B, M), salary=(5500, 7500),
        duties="""
            参与育种材料的田间种植、观察记载和选择
            开展分子标记检测等实验工作
            负责制种基地的技术管理和质量控制
            整理育种数据和试验报告""",
        requirements="""
            具备遗传育种基础知识
            能够适应南繁等阶段性外地工作""",
        employers=(emp.CROPS,),
    ),
    occupation(
        "agri_ecommerce", AGRICULTURE,
        titles="农产品电商运营,农产品直播运营,助农直播主播",
        skills="电商运营,直播运营,短视频策划,剪映,农业经营",
        majors="电子商务,农林经济管理,网络直播与运营,市场营销",
        education=(ANY, A, A), salary=(4000, 6000),
        duties="""
            负责特色农产品店铺的日常运营和活动策划
            策划并执行助农直播，撰写直播脚本
            拍摄剪辑产地短视频，展示产品种植过程
            分析销售数据，优化选品和定价""",
        requirements="""
            熟悉主流电商和短视频平台规则
            普通话表达流畅，镜头表现自然""",
        employers=(emp.CROPS, emp.CREATIVE), extra_job_types=FLEX,
    ),
    occupation(
        "agri_machinery", AGRICULTURE,
        titles="农机技术员,农机维修技术员,园林绿化技术员",
        skills="农机操作,农机维修,CAD,园林设计,植物养护",
        majors="农业机械化及其自动化,现代农业技术,机电一体化技术,园林,园艺技术",
        education=(A, A, B), salary=(4500, 6000),
        duties="""
            负责拖拉机、收获机等农业机械的操作与保养
            诊断并排除农机常见故障
            参与园林绿化工程的苗木养护和现场管理
            做好机具台账和作业记录""",
        requirements="""
            具备一定的机械或园林专业知识
            持有农机驾驶操作证者优先""",
        employers=(emp.CROPS,),
    ),
)
