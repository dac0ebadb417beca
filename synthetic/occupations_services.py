"""Occupations of the service industries that need licences: medical/elderly care and finance."""
from __future__ import annotations

from synthetic import employers as emp
from synthetic.occupation import ANY, FLEX, A, B, M, Occupation, occupation
from app.domain.enums import Industry

HEALTH = Industry.MEDICAL_HEALTH
FINANCE = Industry.MODERN_FINANCE

SERVICE_OCCUPATIONS: tuple[Occupation, ...] = (
    occupation(
        "nurse", HEALTH,
        titles="护士,临床护士,病房护士,急诊科护士,社区护士",
        skills="护士执业资格,静脉输液,护理评估,急救技能,健康宣教",
        majors="护理学,护理,助产学,助产",
        education=(A, A, B), salary=(4500, 6500),
        duties="""
            按照护理规范完成病人的基础护理和专科护理
            执行医嘱，规范完成静脉输液、采血等护理操作
            密切观察病情变化，准确书写护理记录
            开展入院宣教和出院指导，做好健康教育
            配合医生完成危重病人的抢救工作
            参与科室护理质量持续改进""",
        requirements="""
            持有护士执业资格证书或已通过护士执业资格考试
            具有良好的服务意识和沟通能力
            能够适应临床倒班工作
            有三级医院实习经历者优先""",
        employers=(emp.HOSPITAL, emp.ELDERLY_CARE), headcount=(3, 20),
    ),
    occupation(
        "midwife", HEALTH,
        titles="助产士,产房助产士,母婴护理师",
        skills="护士执业资格,母婴护理,急救技能,健康宣教",
        majors="助产学,助产,护理学,护理",
        education=(A, A, B), salary=(4500, 6500),
        duties="""
            负责产妇分娩过程的观察和助产工作
            做好新生儿护理和母婴同室指导
            开展孕期保健和产后康复宣教
            配合医生处理产科急症""",
        requirements="""
            持有护士执业资格证书，有助产实习经历
            能够适应夜班工作""",
        employers=(emp.HOSPITAL,),
    ),
    occupation(
        "rehab_therapist", HEALTH,
        titles="康复治疗师,康复技师,运动康复师,针灸推拿师",
        skills="康复评定,运动疗法,作业治疗,针灸推拿",
        majors="康复治疗学,康复治疗技术,针灸推拿学,中医学",
        education=(A, B, B), salary=(4500, 7000),
        duties="""
            对患者进行功能评定，制定个体化康复治疗方案
            实施运动疗法、作业治疗或传统康复治疗
            记录治疗过程，定期评估康复效果
            指导患者及家属开展居家康复训练""",
        requirements="""
            持有康复医学治疗技术资格证书者优先
            有耐心和同理心，善于与患者沟通""",
        employers=(emp.HOSPITAL, emp.ELDERLY_CARE),
    ),
    occupation(
        "pharmacist", HEALTH,
        titles="药剂师,药师,执业药师,药房调剂员",
        skills="药学专业知识,处方审核,药品管理,执业药师资格,中药鉴定",
        majors="药学,中药学,药品经营与管理,药物制剂",
        education=(A, B, B), salary=(4500, 6500),
        duties="""
            负责处方审核和药品调剂，保证用药安全
            为患者和顾客提供用药咨询与合理用药指导
            做好药品验收、养护和效期管理
            按规定登记特殊药品和处方台账
            配合开展药学服务和药品不良反应监测""",
        requirements="""
            熟悉常用药品的适应症和用法用量
            持有执业药师资格证书者优先
            服务热情，表达清晰""",
        employers=(emp.PHARMACY, emp.HOSPITAL),
    ),
    occupation(
        "elderly_caregiver", HEALTH,
        titles="养老护理员,护理员,康养照护师,健康照护师",
        skills="养老护理,健康评估,健康宣教,急救技能,社区服务",
        majors="智慧健康养老服务与管理,护理,养老服务管理,健康服务与管理,社会工作",
        education=(ANY, A, A), salary=(4000, 5500),
        duties="""
            为入住老人提供生活照料和基础护理服务
            观察老人身体和情绪变化，及时向医护人员反馈
            协助开展康复训练和文娱活动
            做好照护记录和房间环境整理
            为居家老人提供上门照护服务""",
        requirements="""
            有爱心、耐心，尊重老年人
            持有养老护理员职业技能等级证书者优先
            机构提供免费技能培训""",
        employers=(emp.ELDERLY_CARE,), extra_job_types=FLEX, headcount=(2, 20),
    ),
    occupation(
        "lab_technician", HEALTH,
        titles="医学检验技师,检验科技师,临床检验技术员,影像技师",
        skills="临床检验,生化检验,实验室管理,PCR,医学影像,放射防护",
        majors="医学检验技术,医学影像技术,生物技术",
        education=(A, B, B), salary=(4500, 6500),
        duties="""
            负责临床标本的接收、检测和结果审核
            操作维护生化、免疫或影像设备，做好质控记录
            发现危急值及时报告临床科室
            遵守生物安全和辐射防护管理规定""",
        requirements="""
            熟悉检验或影像技术操作规范
            取得相应专业技术资格者优先""",
        employers=(emp.HOSPITAL,),
    ),
    occupation(
        "physician", HEALTH,
        titles="临床医师,全科医生,住院医师,口腔医生,中医医师",
        skills="执业医师资格,临床诊疗,病历书写,急救技能,中医诊疗,口腔诊疗",
        majors="临床医学,中医学,口腔医学,预防医学,针灸推拿学",
        education=(B, M, M), salary=(7000, 11000),
        duties="""
            负责门诊和病房患者的诊疗工作
            规范书写病历，落实三级查房等核心制度
            参与疑难病例讨论和危重患者抢救
            开展健康教育和慢性病随访管理""",
        requirements="""
            持有执业医师资格证书或完成住院医师规范化培训者优先
            具有良好的医德医风""",
        employers=(emp.HOSPITAL,),
    ),
    occupation(
        "pharma_production", HEALTH,
        titles="药品生产技术员,QA专员,制剂工艺员",
        skills="GMP,药物制剂,液相色谱,发酵工艺,化学分析",
        majors="制药工程,药物制剂,生物工程,药学,生物技术",
        education=(A, B, B), salary=(5000, 7000),
        duties="""
            按照GMP要求执行生产操作和批记录填写
            监控关键工艺参数，处理生产偏差
            参与工艺验证和清洁验证
            配合质量部门完成现场检查和审计""",
        requirements="""
            熟悉药品生产质量管理规范
            工作严谨，执行力强""",
        employers=(emp.PHARMACY,), headcount=(2, 10),
    ),
    occupation(
        "health_manager", HEALTH,
        titles="健康管理师,慢病管理专员,公共卫生专员,医疗器械注册专员",
        skills="健康评估,健康宣教,流行病学调查,SPSS,Excel,医疗器械注册",
        majors="健康服务与管理,预防医学,护理学,生物医学工程",
        education=(B, A, B), salary=(4500, 6500),
        duties="""
            为服务对象建立健康档案，开展健康评估
            制定个性化健康管理方案并随访跟踪
            组织健康讲座和义诊等健康促进活动
            整理健康数据，撰写分析报告""",
        requirements="""
            熟悉慢性病防控和健康管理知识
            持有健康管理师证书者优先""",
        employers=(emp.HOSPITAL, emp.MEDICAL_DEVICE),
    ),
    occupation(
        "medical_equipment_engineer", HEALTH,
        titles="医疗设备工程师,医疗器械研发工程师,医疗设备维修工程师",
        skills="医疗器械注册,设备维护,电路设计,质量管理体系",
        majors="生物医学工程,电子信息工程,机械电子工程",
        education=(B, B, A), salary=(6000, 8500),
        duties="""
            负责医疗设备的安装调试、巡检和维修
            参与医疗器械产品的研发测试和注册资料编写
            为医院用户提供操作培训和技术支持""",
        requirements="""
            具备电子电路或机械基础
            能够适应省内出差""",
        employers=(emp.MEDICAL_DEVICE,),
    ),
    occupation(
        "account_manager", FINANCE,
        titles="客户经理,对公客户经理,零售客户经理,理财经理",
        skills="金融产品销售,客户开发,银行从业资格,风险评估,财务报表",
        majors="金融学,经济学,市场营销,金融服务与管理,工商管理,保险学",
        education=(B, B, A), salary=(5000, 8000),
        duties="""
            负责辖区个人或小微企业客户的营销与维护
            了解客户需求，配置存款、理财和信贷产品
            开展贷前调查，收集整理授信资料
            做好客户回访和售后服务，提升客户满意度""",
        requirements="""
            具备较强的沟通能力和市场开拓意识
            持有银行从业资格证书者优先
            熟悉当地经济情况者优先""",
        employers=(emp.BANK,),
    ),
    occupation(
        "risk_officer", FINANCE,
        titles="风控专员,信贷审批专员,风险管理专员,贷后管理专员",
        skills="风险评估,征信分析,财务报表,信贷审批,SQL,Python,数据分析",
        majors="金融学,金融工程,统计学,金融科技,法学,会计学",
        education=(B, B, M), salary=(5500, 8500),
        duties="""
            审核授信申请资料，独立撰写风险审查报告
            分析借款人财务状况和征信记录，评估风险
            开展贷后检查，跟踪预警信号并提出处置建议
            参与风控模型和风控规则的优化""",
        requirements="""
            具备财务分析能力，能读懂企业财务报表
            原则性强，严谨细致""",
        employers=(emp.BANK,),
    ),
    occupation(
        "accountant", FINANCE,
        titles="会计,出纳,总账会计,财务专员,税务会计",
        skills="会计核算,财务报表,初级会计职称,税务申报,用友,金蝶,Excel",
        majors="会计学,财务管理,审计学,税收学,大数据与会计,会计信息管理",
        education=(A, A, B), salary=(4000, 6000),
        duties="""
            负责日常账务处理，审核原始凭证并编制记账凭证
            编制月度、年度财务报表
            办理增值税、企业所得税等纳税申报
            管理银行账户，做好资金收付和对账
            协助完成审计和财务分析工作""",
        requirements="""
            熟悉企业会计准则和税收政策
            持有初级会计职称者优先
            能够熟练使用财务软件""",
        employers=(emp.ACCOUNTING,),
    ),
    occupation(
        "auditor", FINANCE,
        titles="审计助理,审计专员,财务咨询助理",
        skills="审计实务,财务报表,会计核算,Excel,税务申报",
        majors="审计学,会计学,财务管理,税收学",
        education=(B, B, A), salary=(4500, 7000),
        duties="""
            参与年度财务报表审计和专项审计项目
            执行函证、盘点、凭证抽查等审计程序
            整理审计底稿，起草审计报告
            为中小企业客户提供财税咨询""",
        requirements="""
            具备扎实的会计和审计专业知识
            能够适应项目出差""",
        employers=(emp.ACCOUNTING,),
    ),
    occupation(
        "insurance_advisor", FINANCE,
        titles="保险理赔专员,保险顾问,保险客服专员",
        skills="保险业务,客户开发,客户服务",
        majors="保险学,金融学,市场营销,金融服务与管理",
        education=(A, A, B), salary=(4000, 6000),
        duties="""
            为客户讲解保险产品条款，提供保障规划
            受理报案，审核理赔材料并跟进结案
            做好客户回访和续期服务""",
        requirements="""
            表达清晰，乐于与人沟通
            合规意识强""",
        employers=(emp.INSURANCE,), extra_job_types=FLEX,
    ),
    occupation(
        "investment_analyst", FINANCE,
        titles="证券投资顾问,投资分析助理,量化研究助理,金融科技开发工程师",
        skills="证券从业资格,基金从业资格,财务报表,Python,数据分析,Java,SQL",
        majors="投资学,金融工程,金融学,经济学,数学与应用数学,金融科技",
        education=(B, B, M), salary=(6500, 9500),
        duties="""
            跟踪宏观经济和行业动态，撰写研究报告
            建立财务模型，对上市公司进行估值分析
            开发和维护量化分析工具与数据系统
            为客户提供投资咨询服务""",
        requirements="""
            具备扎实的金融理论基础和数据处理能力
            持有证券或基金从业资格者优先""",
        employers=(emp.SECURITIES,),
    ),
)
