"""Occupations of cultural creative and tourism industries, plus common posts outside the ten."""
from __future__ import annotations

from synthetic import employers as emp
from synthetic.occupation import ANY, FLEX, A, B, Occupation, occupation
from app.domain.enums import Industry

CULTURE = Industry.CULTURAL_CREATIVE
TOURISM = Industry.BOUTIQUE_TOURISM
OTHER = Industry.OTHER

CULTURE_OCCUPATIONS: tuple[Occupation, ...] = (
    occupation(
        "ui_designer", CULTURE,
        titles="UI设计师,UI/UX设计师,交互设计师,视觉设计师",
        skills="UI设计,Photoshop,Figma,Illustrator,交互设计",
        majors="视觉传达设计,数字媒体艺术,数字媒体技术,产品设计,工业设计",
        education=(B, A, A), salary=(5000, 8000),
        duties="""
            负责App、小程序和网站的界面视觉设计
            参与产品需求讨论，输出交互原型和设计规范
            与开发人员沟通，跟进设计效果的还原
            维护和迭代设计组件库""",
        requirements="""
            具备良好的审美和版式能力，请附作品集
            了解用户体验设计的基本方法""",
        employers=(emp.CREATIVE, emp.SOFTWARE), extra_job_types=FLEX,
    ),
    occupation(
        "new_media_operator", CULTURE,
        titles="新媒体运营,新媒体运营专员,内容运营,短视频运营",
        skills="新媒体运营,短视频策划,文案写作,数据分析,直播运营,新闻采编",
        majors="网络与新媒体,广告学,新闻学,汉语言文学,融媒体技术与运营,电子商务",
        education=(A, B, B), salary=(4500, 7000),
        duties="""
            负责微信公众号、视频号、抖音等平台账号的日常运营
            策划选题并撰写图文和短视频脚本
            跟踪粉丝增长和内容数据，优化运营策略
            策划线上活动，提升账号活跃度
            收集用户反馈，维护社群关系""",
        requirements="""
            文字功底扎实，熟悉主流新媒体平台规则
            有个人账号运营经验者优先""",
        employers=(emp.CREATIVE,), extra_job_types=FLEX,
    ),
    occupation(
        "video_editor", CULTURE,
        titles="视频剪辑师,短视频剪辑,后期剪辑师,视频编导",
        skills="Premiere,After Effects,剪映,短视频策划,摄影摄像,分镜设计",
        majors="广播电视编导,数字媒体艺术,动画,融媒体技术与运营,数字媒体技术",
        education=(A, A, B), salary=(4500, 7000),
        duties="""
            负责宣传片、短视频的剪辑、调色和包装
            参与前期拍摄，协助完成脚本分镜
            制作字幕、特效和片头片尾
            整理素材库，按时交付成片""",
        requirements="""
            有一定的镜头语言和节奏感，请附作品
            能够按项目节点推进工作""",
        employers=(emp.CREATIVE,), extra_job_types=FLEX,
    ),
    occupation(
        "graphic_designer", CULTURE,
        titles="平面设计师,广告设计师,品牌设计师,动画设计师,三维建模师,产品外观设计师",
        skills="Photoshop,Illustrator,品牌设计,手绘,Maya,Blender,3ds Max,Rhino,KeyShot,Unity",
        majors="视觉传达设计,广告艺术设计,美术学,广告学,动画,数字媒体艺术,产品设计",
        education=(A, A, B), salary=(4500, 7000),
        duties="""
            负责品牌视觉、海报、包装和宣传物料设计
            根据项目需求完成插画、三维模型或动画制作
            配合策划人员完成提案视觉呈现
            跟进印刷和制作环节，把控成品质量""",
        requirements="""
            熟练使用常用设计软件，请附作品集
            有文创产品设计经验者优先""",
        employers=(emp.CREATIVE,), extra_job_types=FLEX,
    ),
    occupation(
        "brand_planner", CULTURE,
        titles="文案策划,品牌策划专员,活动策划专员,室内设计师",
        skills="文案写作,品牌策划,活动策划,市场调研,新媒体运营,项目管理,CAD,SketchUp",
        majors="广告学,汉语言文学,新闻学,文化产业管理,市场营销,环境设计",
        education=(B, B, A), salary=(4500, 7000),
        duties="""
            撰写品牌宣传文案、活动方案和提案材料
            开展市场调研，分析竞品和目标用户
            统筹线下活动执行，协调供应商和场地
            配合设计团队完成空间和展陈方案""",
        requirements="""
            思路清晰，文字表达能力强
            有广告公司或文化企业实习经历者优先""",
        employers=(emp.CREATIVE,),
    ),
    occupation(
        "tour_guide", TOURISM,
        titles="导游,地接导游,景区讲解员,研学导师",
        skills="导游证,讲解服务,普通话,英语口语,客户服务,研学旅行",
        majors="旅游管理,导游,历史学,英语,文化产业管理",
        education=(A, A, ANY), salary=(4000, 6000),
        duties="""
            负责旅游团队的接待、讲解和行程安排
            向游客介绍齐鲁文化和景区历史
            处理行程中的突发情况，保障游客安全
            带领研学团队开展课程化的研学活动""",
        requirements="""
            持有导游证者优先
            普通话标准，熟悉山东主要景区
            能够适应旅游旺季的工作节奏""",
        employers=(emp.TRAVEL_AGENCY, emp.SCENIC_AREA), extra_job_types=FLEX,
    ),
    occupation(
        "hotel_front_desk", TOURISM,
        titles="酒店前厅接待,前台接待员,酒店前台,礼宾接待,客房主管",
        skills="前台接待,酒店管理系统,客户服务,英语口语,日语,韩语",
        majors="酒店管理,酒店管理与数字化运营,旅游管理,国际邮轮乘务管理,英语,朝鲜语",
        education=(ANY, A, A), salary=(3500, 4800),
        duties="""
            负责宾客入住、退房登记和账务结算
            解答宾客咨询，处理预订和特殊需求
            协调客房、餐饮等部门，提升宾客满意度
            做好交接班记录和前台区域管理""",
        requirements="""
            服务意识强，善于沟通
            会日语或韩语者优先
            能够适应轮班工作""",
        employers=(emp.HOTEL,), headcount=(2, 8),
    ),
    occupation(
        "travel_planner", TOURISM,
        titles="旅游策划,旅游产品经理,研学产品策划,文旅项目策划,会展策划专员",
        skills="旅游线路设计,活动策划,文案写作,新媒体运营,品牌策划",
        majors="旅游管理,会展经济与管理,文化产业管理,历史学,酒店管理",
        education=(B, B, A), salary=(4500, 7000),
        duties="""
            设计精品旅游线路和研学旅行产品
            策划节庆活动和文旅推广方案
            对接景区、酒店和交通资源，核算产品成本
            撰写宣传文案，配合新媒体推广""",
        requirements="""
            热爱旅游行业，熟悉省内文旅资源
            具备较好的文字和策划能力""",
        employers=(emp.TRAVEL_AGENCY, emp.SCENIC_AREA),
    ),
    occupation(
        "tourism_translator", TOURISM,
        titles="外联专员（日韩方向）,旅游翻译,入境游计调",
        skills="日语,韩语,英语口语,翻译,客户服务,英语六级",
        majors="日语,朝鲜语,英语,旅游管理",
        education=(B, B, A), salary=(4500, 6500),
        duties="""
            负责与境外旅行商的业务联络和报价
            制作入境团行程并安排接待资源
            承担团队陪同翻译和资料翻译工作""",
        requirements="""
            外语听说读写流利
            有跨文化沟通意识""",
        employers=(emp.TRAVEL_AGENCY,),
    ),
    occupation(
        "office_admin", OTHER,
        titles="行政专员,行政文员,综合办公室文员,人力资源专员,招聘专员",
        skills="公文写作,Office办公,档案管理,招聘,劳动法,薪酬核算",
        majors="行政管理,人力资源管理,汉语言文学,工商管理,社会工作",
        education=(A, A, B), salary=(3500, 5000),
        duties="""
            负责公文起草、会议组织和文件流转
            管理办公用品、固定资产和档案资料
            协助开展招聘、入职和员工关系工作
            核算考勤和薪酬数据""",
        requirements="""
            熟练使用办公软件，文字表达通顺
            熟悉劳动法律法规者优先""",
        employers=(emp.GENERAL,),
    ),
    occupation(
        "logistics_clerk", OTHER,
        titles="物流专员,仓储主管,仓库管理员,物流调度员",
        skills="仓储管理,物流调度,Excel,Office办公",
        majors="物流管理,现代物流管理,交通运输,电子商务",
        education=(A, A, B), salary=(4000, 5500),
        duties="""
            负责货物出入库管理和库存盘点
            安排配送计划，跟踪运输时效
            维护仓储管理系统数据，保证账实相符""",
        requirements="""
            熟悉仓储物流作业流程
            会使用叉车者优先""",
        employers=(emp.LOGISTICS,),
    ),
    occupation(
        "sales_representative", OTHER,
        titles="销售代表,销售专员,外贸业务员,电商运营专员",
        skills="客户开发,市场调研,外贸单证,英语口语,Office办公,电商运营",
        majors="市场营销,国际经济与贸易,工商管理,电子商务",
        education=(A, A, B), salary=(4000, 6000),
        duties="""
            开发和维护区域客户，完成销售目标
            跟进订单、发货和回款
            处理外贸询盘、报价和单证
            运营线上店铺，策划促销活动""",
        requirements="""
            性格开朗，善于沟通
            有外贸或电商实习经历者优先""",
        employers=(emp.GENERAL,), extra_job_types=FLEX,
    ),
    occupation(
        "legal_assistant", OTHER,
        titles="法务专员,法务助理,合规专员",
        skills="法律事务,合同审核,法律职业资格",
        majors="法学",
        education=(B, B, B), salary=(4500, 7000),
        duties="""
            起草和审核各类合同，提示法律风险
            处理劳动争议、合同纠纷等法律事务
            协助建立合规制度并开展普法宣传""",
        requirements="""
            通过国家统一法律职业资格考试者优先
            逻辑严谨，文字功底好""",
        employers=(emp.GENERAL, emp.BANK),
    ),
    occupation(
        "preschool_teacher", OTHER,
        titles="幼儿教师,托育老师,保育员",
        skills="幼儿教师资格,普通话,手工制作,婴幼儿照护,美术教学",
        majors="学前教育,婴幼儿托育服务与管理",
        education=(A, A, B), salary=(3500, 5000),
        duties="""
            组织幼儿一日生活和教育教学活动
            观察记录幼儿发展情况，与家长保持沟通
            做好保育和卫生保健工作""",
        requirements="""
            持有幼儿园教师资格证者优先
            热爱幼教事业，有耐心""",
        employers=(emp.EDUCATION,),
    ),
    occupation(
        "construction_technician", OTHER,
        titles="施工员,土建技术员,造价员,BIM工程师",
        skills="CAD,工程测量,施工管理,BIM,工程计价,广联达",
        majors="土木工程,工程造价",
        education=(A, B, B), salary=(5000, 7000),
        duties="""
            负责施工现场技术管理和进度质量控制
            编制工程量清单和预结算文件
            建立BIM模型，辅助图纸会审和碰撞检查
            整理施工资料和验收记录""",
        requirements="""
            能识读施工图纸
            能够适应项目现场工作""",
        employers=(emp.CONSTRUCTION,),
    ),
)
