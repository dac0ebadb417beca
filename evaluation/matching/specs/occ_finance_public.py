"""Occupations of 现代金融, plus public-sector and general office work (``other``)."""
from __future__ import annotations

from .types import (AGRI, ASSOC, BACH, CHEM, EQUIP, FIN, FLEX, FT, GRASS, INTERN, MASTER, NONE,
                    OTHER, PW, Employer, Occupation)

_LUBANK = Employer("鲁通农村商业银行股份有限公司", "潍坊", FIN)
_QILU_BANK = Employer("齐鲁海岱村镇银行股份有限公司", "聊城", FIN)
_YANTAI_BANK = Employer("烟台港城商业银行股份有限公司", "烟台", FIN)
_JINAN_SEC = Employer("泉城证券投资咨询有限公司", "济南", FIN)
_QINGDAO_LEASE = Employer("青岛蓝海融资租赁有限公司", "青岛", FIN)
_JINAN_CPA = Employer("山东正衡会计师事务所有限公司", "济南", FIN)
_ZIBO_CHEM = Employer("淄博齐信精细化工股份有限公司", "淄博", CHEM)
_LINYI_LOGI = Employer("临沂商城通达物流有限公司", "临沂", OTHER)
_TAIAN_AGENCY = Employer("泰安汇账财税代理有限公司", "泰安", OTHER)
_DEZHOU_SEED = Employer("德州禹城丰源种业有限公司", "德州", AGRI)
_HR_FIRMS = (Employer("济南鲁才人力资源服务有限公司", "济南", OTHER),
             Employer("枣庄鑫源机械集团有限公司", "枣庄", EQUIP),
             Employer("东营黄河口商贸集团有限公司", "东营", OTHER))
_STREET_OFFICES = (Employer("济南市历下区泉城路街道办事处", "济南", OTHER),
                   Employer("淄博市张店区和平街道办事处", "淄博", OTHER),
                   Employer("济宁市任城区南苑街道办事处", "济宁", OTHER),
                   Employer("滨州市滨城区市中街道办事处", "滨州", OTHER))
_TOWNSHIPS = (Employer("沂源县鲁村镇人民政府", "淄博", OTHER),
              Employer("阳谷县阿城镇人民政府", "聊城", OTHER),
              Employer("五莲县许孟镇人民政府", "日照", OTHER),
              Employer("鄄城县旧城镇人民政府", "菏泽", OTHER))

ACCOUNTANT = Occupation(
    code="accountant",
    name="会计",
    titles=("会计", "主办会计", "总账会计", "会计专员", "财务会计"),
    duties=(
        "负责审核原始凭证，编制记账凭证并登记账簿",
        "按月完成增值税和企业所得税的纳税申报",
        "编制资产负债表、利润表等月度财务报表",
        "负责银行收付款和日记账，定期对账",
        "核算生产成本，分析成本差异",
        "协助年度审计和汇算清缴",
        "管理发票开具和费用报销审核",
    ),
    requirements=(
        "持有初级会计职称者优先",
        "熟练使用用友、金蝶等财务软件",
        "熟悉会计准则和税收法规",
        "细心严谨，保密意识强",
    ),
    skills=("会计核算", "纳税申报", "用友", "金蝶", "Excel", "财务报表", "初级会计职称", "成本核算"),
    majors=("会计学", "财务管理", "大数据与会计", "审计学", "会计信息管理"),
    employers=(_ZIBO_CHEM, _LINYI_LOGI, _TAIAN_AGENCY, _DEZHOU_SEED, _JINAN_CPA),
    education=(ASSOC, BACH, ASSOC, NONE, BACH),
    salary=(4500, 9000),
    job_types=(FT, FT, INTERN, FT, FLEX, FT, INTERN, GRASS, FT, FT),
    related=("auditor", "bank_clerk", "credit_risk"),
    why_related="审计与会计知识同源；银行柜面和信贷审查都要读懂财务报表。",
    type_employers={GRASS: (Employer("阳谷县阿城镇财经服务中心", "聊城", OTHER),)},
    type_titles={GRASS: ("镇财经服务中心会计", "村级财务委托代理会计"),
                 FLEX: ("兼职代理记账会计",)},
)

BANK_CLERK = Occupation(
    code="bank_clerk",
    name="银行柜员/客户经理",
    titles=("综合柜员", "银行客户经理", "大堂经理", "理财经理助理"),
    duties=(
        "办理存取款、转账、开销户等柜面业务",
        "为客户介绍存款、理财和保险产品",
        "拓展和维护个人及小微企业客户",
        "做好反洗钱客户身份识别",
        "引导客户使用自助设备和手机银行",
        "配合完成网点营销任务和客户回访",
    ),
    requirements=(
        "形象端正，沟通表达能力强",
        "持有银行从业资格证者优先",
        "能接受网点轮岗",
        "有营销意识和团队精神",
    ),
    skills=("柜面业务", "客户维护", "理财产品", "反洗钱", "银行从业资格", "营销", "沟通能力"),
    majors=("金融学", "金融科技", "经济学", "会计学", "金融服务与管理"),
    employers=(_LUBANK, _QILU_BANK, _YANTAI_BANK),
    education=(BACH, ASSOC, BACH),
    salary=(5000, 10000),
    job_types=(FT, FT, INTERN, FT, FT, FT, FT),
    related=("credit_risk", "accountant"),
    why_related="客户经理要做贷前调查，是进入信贷风控的通道；柜面业务基础是会计核算。",
)

CREDIT_RISK = Occupation(
    code="credit_risk",
    name="信贷风控专员",
    titles=("风控专员", "信贷审批岗", "风险管理分析师", "贷后管理专员"),
    duties=(
        "对小微企业贷款申请进行贷前调查和授信审查",
        "分析企业财务报表和现金流，出具审查意见",
        "搭建和监控风险预警指标",
        "开展贷后检查，跟踪逾期资产处置",
        "参与风险评分模型的数据分析和效果监测",
        "撰写行业风险分析报告",
    ),
    requirements=(
        "熟悉财务分析和信贷业务流程",
        "会用SQL或Python做数据分析者优先",
        "逻辑清晰，报告写作能力强",
        "持有CPA、FRM或CFA证书者优先",
    ),
    skills=("信贷审批", "风险管理", "财务分析", "SQL", "Python", "贷后管理", "风险模型", "征信"),
    majors=("金融学", "金融工程", "会计学", "统计学", "经济统计学"),
    employers=(_LUBANK, _QINGDAO_LEASE, _JINAN_SEC, _YANTAI_BANK),
    education=(BACH, MASTER, BACH, BACH),
    salary=(7000, 14000),
    job_types=(FT, FT, INTERN, FT, FT, FT),
    related=("data_analyst", "auditor", "bank_clerk"),
    why_related="风险模型的数据工作与数据分析相同；审计与风控都查错防弊；客户经理是风控的前台。",
)

AUDITOR = Occupation(
    code="auditor",
    name="审计助理",
    titles=("审计助理", "审计专员", "内审专员"),
    duties=(
        "参与企业年报审计的现场工作，执行实质性程序",
        "编制审计工作底稿，整理审计证据",
        "开展函证、盘点和凭证抽查",
        "协助出具审计报告和管理建议书",
        "开展内部控制检查和专项审计",
    ),
    requirements=(
        "正在备考或已通过CPA部分科目者优先",
        "熟悉会计准则和审计准则",
        "能接受出差",
        "熟练使用Excel",
    ),
    skills=("审计底稿", "CPA", "函证", "内部控制", "Excel", "会计准则", "内审"),
    majors=("审计学", "会计学", "财务管理", "大数据与审计"),
    employers=(_JINAN_CPA, Employer("青岛信衡会计师事务所有限公司", "青岛", FIN), _ZIBO_CHEM),
    education=(BACH, ASSOC, BACH),
    salary=(5000, 10000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN),
    related=("accountant", "credit_risk"),
    why_related="审计助理熟悉账务处理，可做会计；查证和风险识别与风控相通。",
)

SCHOOL_TEACHER = Occupation(
    code="school_teacher",
    licensed=True,
    name="中小学教师",
    titles=("中小学教师", "小学教师", "初中教师", "学科教师"),
    duties=(
        "承担所任学科的课堂教学，认真备课、上课和批改作业",
        "参与教研活动和公开课展示",
        "担任班主任，做好家校沟通和学生管理",
        "组织学生开展课外阅读和兴趣小组",
        "关注留守儿童学习生活，开展家访",
        "辅导学生课后作业，进行个性化答疑",
    ),
    requirements=(
        "持有相应学段学科的教师资格证",
        "普通话二级甲等及以上",
        "热爱教育事业，有耐心",
        "有支教或实习教学经历者优先",
    ),
    skills=("教师资格证", "普通话二甲", "课堂教学", "班主任工作", "教学设计", "家校沟通"),
    majors=("汉语言文学", "数学与应用数学", "英语", "小学教育", "学科教学（语文）"),
    employers=(Employer("青岛西海岸新区博雅学校", "青岛", OTHER),
               Employer("潍坊高新区明德实验学校", "潍坊", OTHER)),
    education=(BACH, BACH, BACH, MASTER),
    salary=(4500, 8000),
    job_types=(GRASS, GRASS, FT, GRASS, FT, FLEX, GRASS, INTERN, PW),
    related=("tour_guide", "new_media_ops", "community_worker"),
    why_related="研学导师与教学工作接近；文字类学科教师可做内容运营；社区青少年服务与教育相通。",
    type_employers={GRASS: (Employer("临沭县曹庄镇中心小学", "临沂", OTHER),
                            Employer("冠县店子镇中学", "聊城", OTHER),
                            Employer("宁阳县东疏镇中心学校", "泰安", OTHER)),
                    FLEX: (Employer("济南启明家庭教育服务有限公司", "济南", OTHER),),
                    PW: (Employer("济宁市任城区南苑街道办事处", "济宁", OTHER),)},
    type_titles={GRASS: ("特岗教师", "农村义务教育学校教师", "乡村学校教师"),
                 FLEX: ("课后辅导老师（兼职）",), PW: ("公益性岗位（社区课后服务辅导员）",)},
)

COMMUNITY_WORKER = Occupation(
    code="community_worker",
    name="社区工作者/网格员",
    titles=("社区工作者", "网格员", "社区专职工作人员"),
    duties=(
        "负责网格内人口、房屋等基础信息采集和更新",
        "走访辖区困难群众和独居老人，及时反映诉求",
        "协助开展社保、医保和就业政策宣传",
        "组织社区志愿服务和文体活动",
        "参与矛盾纠纷排查调解",
        "办理居民来访和各类证明事项",
        "协助做好防汛、消防等安全巡查",
    ),
    requirements=(
        "热心公益，善于和群众打交道",
        "会使用Word、Excel等办公软件",
        "持有社会工作者职业资格证者优先",
        "能适应走访和应急值守",
    ),
    skills=("社区服务", "网格化管理", "社会工作", "政策宣传", "办公软件", "群众工作", "志愿服务"),
    majors=("社会工作", "行政管理", "公共事业管理", "社会学"),
    employers=_STREET_OFFICES,
    education=(ASSOC, NONE, BACH),
    salary=(3500, 5500),
    job_types=(PW, GRASS, PW, GRASS, PW, FT, GRASS, PW, GRASS, PW, PW),
    related=("village_assistant", "elderly_care", "hr_admin"),
    why_related="社区和村级事务工作内容几乎相同；养老服务多由社区组织；办事窗口与行政人事工作相近。",
    type_employers={PW: _STREET_OFFICES, GRASS: _STREET_OFFICES},
    type_titles={PW: ("公益性岗位（社区网格员）", "公益性岗位（社区服务协理员）"),
                 GRASS: ("城市社区工作者", "街道社区专职网格员")},
)

VILLAGE_ASSISTANT = Occupation(
    code="village_assistant",
    name="村务/乡村振兴协理员",
    titles=("乡村振兴协理员", "村务助理", "三支一扶（支农）"),
    duties=(
        "协助村两委处理村务，整理会议记录和档案",
        "参与乡村振兴项目申报和台账管理",
        "帮助村集体发展特色产业，联系销售渠道",
        "开展防止返贫监测和政策落实情况走访",
        "协助人居环境整治和基础设施项目推进",
        "运营村级公众号，宣传村里的好人好事",
    ),
    requirements=(
        "愿意扎根农村基层，服务期不少于两年",
        "有学生干部经历者优先",
        "会使用常用办公软件",
        "能讲当地方言者优先",
    ),
    skills=("村务管理", "乡村振兴", "台账管理", "公文写作", "群众工作", "办公软件"),
    majors=("农村区域发展", "行政管理", "农林经济管理", "公共事业管理", "法学", "思想政治教育"),
    employers=_TOWNSHIPS,
    education=(BACH, ASSOC, BACH),
    salary=(3000, 5000),
    job_types=(GRASS, GRASS, GRASS, PW, GRASS, GRASS, PW),
    related=("community_worker", "agri_ecommerce", "agronomist"),
    why_related="村务工作与社区工作同构；发展村级产业需要电商和种植知识。",
    type_employers={GRASS: _TOWNSHIPS, PW: _TOWNSHIPS},
    type_titles={PW: ("公益性岗位（村级公共服务协理）",)},
)

HR_ADMIN = Occupation(
    code="hr_admin",
    name="人事行政专员",
    titles=("人事专员", "行政专员", "招聘专员", "人事行政助理"),
    duties=(
        "负责招聘渠道维护、简历筛选和面试安排",
        "办理员工入职、转正、离职手续",
        "核算考勤和社保公积金，协助薪酬发放",
        "组织新员工培训和企业文化活动",
        "负责办公用品采购、会议接待和后勤保障",
        "起草公司通知和管理制度",
        "整理人事档案和劳动合同",
    ),
    requirements=(
        "熟悉劳动法和社保政策",
        "熟练使用Office办公软件",
        "有较强的沟通协调和文字能力",
        "持有人力资源管理师证书者优先",
    ),
    skills=("招聘", "员工关系", "社保公积金", "考勤薪酬", "公文写作", "Office", "培训组织", "劳动法"),
    majors=("人力资源管理", "行政管理", "工商管理", "劳动与社会保障", "汉语言文学"),
    employers=_HR_FIRMS,
    education=(ASSOC, BACH, ASSOC),
    salary=(4000, 7500),
    job_types=(FT, FT, INTERN, FT, PW, FT, INTERN, FT, PW),
    related=("community_worker", "accountant"),
    why_related="街道劳动保障工作与人事事务相同；薪酬社保核算与财务衔接紧密。",
    type_employers={PW: _STREET_OFFICES},
    type_titles={PW: ("公益性岗位（劳动保障协理员）",)},
)

OCCUPATIONS = (ACCOUNTANT, BANK_CLERK, CREDIT_RISK, AUDITOR, SCHOOL_TEACHER, COMMUNITY_WORKER,
               VILLAGE_ASSISTANT, HR_ADMIN)
