"""Shared wording around the occupation-specific sentences.

Real postings differ as much in framing (openings, headings, benefits, the
boilerplate each contract form carries) as in duties, so these pools are mixed
in to keep one layout or phrase from becoming a tell for an occupation.
"""
from __future__ import annotations

from app.domain.enums import Education, Industry, JobType

# Companies and public bodies open a posting differently; grassroots, public-welfare
# and research-assistant posts are offered by public bodies (see JobType notes below).
COMPANY_OPENINGS: tuple[str, ...] = (
    "因业务发展需要，现招聘{title}若干名。",
    "{employer}扎根{city}多年，现诚聘{title}。",
    "{city}本地企业，工作稳定，团队氛围融洽。",
    "欢迎2026届及往届高校毕业生投递简历。",
    "公司处于快速发展期，为储备人才，现开放以下岗位。",
)
PUBLIC_OPENINGS: tuple[str, ...] = (
    "我单位现有{title}岗位空缺，欢迎符合条件的高校毕业生报名。",
    "根据工作需要，{employer}现面向社会公开招聘{title}。",
    "欢迎2026届及往届高校毕业生报名，择优录用。",
)
PUBLIC_JOB_TYPES: frozenset[JobType] = frozenset(
    {JobType.GRASSROOTS, JobType.PUBLIC_WELFARE, JobType.RESEARCH_ASSISTANT})

# Company introductions, by the employer's industry; they lengthen a posting
# without adding occupation words (public bodies do not introduce themselves).
COMPANY_INTROS: dict[Industry, tuple[str, ...]] = {
    Industry.NEW_GEN_IT: ("公司专注于政务云和企业数字化服务，拥有二十余项软件著作权。",
                          "我们是一家成长中的软件企业，客户覆盖省内多个地市。"),
    Industry.HIGH_END_EQUIPMENT: ("公司是省级专精特新企业，产品远销东南亚和中东。",
                                  "企业深耕装备制造三十年，拥有完整的研发、生产和售后体系。"),
    Industry.NEW_ENERGY_MATERIALS: ("公司位于省级新材料产业园，近年产能持续扩张。",
                                    "企业聚焦新能源产业链，是当地重点招商引资项目。"),
    Industry.MODERN_MARINE: ("单位地处黄海之滨，是当地海洋经济的骨干企业。",
                             "公司深耕海洋产业二十余年，发展稳健。"),
    Industry.MEDICAL_HEALTH: ("单位是本地口碑良好的医疗健康机构，设有多个服务网点。",
                              "我们致力于为群众提供安全、便捷的健康服务。"),
    Industry.HIGH_END_CHEMICAL: ("公司位于省级化工园区，通过了ISO9001、ISO14001体系认证。",
                                 "企业主营精细化学品，是国家高新技术企业。"),
    Industry.MODERN_AGRICULTURE: ("公司是市级农业产业化重点龙头企业，带动周边农户两千余户。",
                                  "企业立足本地特色农产品，打造了多个区域品牌。"),
    Industry.CULTURAL_CREATIVE: ("我们是一支年轻的创意团队，服务过多个本地文旅和消费品牌。",
                                 "公司以齐鲁文化为题材，开发文创产品和数字内容。"),
    Industry.BOUTIQUE_TOURISM: ("企业是省级文明旅游示范单位，年接待游客数十万人次。",
                                "公司立足好客山东品牌，经营线路、酒店和景区服务。"),
    Industry.MODERN_FINANCE: ("单位深耕本地金融服务二十余年，客户基础稳固。",
                              "公司内控体系健全，培训机制完善，重视年轻人才培养。"),
    Industry.OTHER: ("单位成立于2008年，现有员工三百余人。",),
}

EDUCATION_PHRASES: dict[Education, tuple[str, ...]] = {
    Education.NONE: ("学历不限", "中专及以上学历", "高中及以上学历"),
    Education.ASSOCIATE: ("大专及以上学历", "专科及以上学历", "全日制大专以上学历"),
    Education.BACHELOR: ("本科及以上学历", "全日制本科及以上学历", "统招本科以上学历"),
    Education.MASTER: ("硕士研究生及以上学历", "硕士及以上学历"),
    Education.DOCTOR: ("博士研究生学历", "具有博士学位"),
}

MAJOR_SUFFIXES: tuple[str, ...] = ("等相关专业", "相关专业", "等专业优先")

# Practical lines that real postings add at the end, one optional line per kind
# (two different working hours in one posting would read as a mistake).
# {city} is the employer's city. Probation only makes sense for full-time posts.
LOCATION_LINES: tuple[str, ...] = ("工作地点：{city}", "面试及工作地点均在{city}", "工作地点：{city}，具体见单位地址")
HOURS_LINES: tuple[str, ...] = ("工作时间：周一至周五 8:30-17:30", "工作时间：做六休一，8小时工作制")
PROBATION_LINE = "试用期3个月，转正后按公司薪酬制度定级"
RESUME_LINE = "简历请注明可到岗时间，合适者将电话通知面试"

BENEFITS: tuple[str, ...] = (
    "五险一金", "周末双休", "带薪年假", "节日福利", "免费工作餐", "员工宿舍", "年终奖",
    "定期体检", "交通补贴", "专业技能培训", "高温补贴", "通讯补贴",
)
BENEFIT_LEADS: tuple[str, ...] = ("福利待遇：", "我们提供：", "薪酬福利：")

# Each contract form is advertised with its own boilerplate; {n} is drawn from NOTE_NUMBERS.
JOB_TYPE_NOTES: dict[JobType, tuple[str, ...]] = {
    JobType.INTERNSHIP: (
        "本岗位为就业见习岗位，见习期{n}个月，面向离校3年内未就业高校毕业生和16至24岁失业青年，"
        "见习期间按月发放见习补贴并购买人身意外伤害保险。",
        "见习基地岗位：见习期满考核合格者优先留用，见习期间享受政府见习补贴，欢迎离校未就业毕业生报名。",
        "就业见习，见习期{n}个月，安排带教老师指导，提供工作餐，表现优秀可签订正式劳动合同。",
    ),
    JobType.GRASSROOTS: (
        "基层岗位，服务期{n}年，期满考核合格可按规定享受基层服务项目相关政策。",
        "岗位在基层一线，需常驻服务单位，提供周转宿舍。",
        "面向高校毕业生招聘，纳入基层服务人员管理，工资待遇按当地同类人员标准执行。",
    ),
    JobType.RESEARCH_ASSISTANT: (
        "科研助理岗位，签订劳动合同，聘期{n}年，可根据考核续聘，缴纳五险一金。",
        "本岗位为科研助理岗位，工作期间可参与课题研究，对后续读研深造有帮助。",
        "科研助理聘用期间计入工作经历，薪酬从科研项目经费中列支，优先考虑应届毕业生。",
    ),
    JobType.PUBLIC_WELFARE: (
        "公益性岗位：由人社部门开发，优先安置就业困难人员和离校未就业高校毕业生，"
        "签订劳动合同，按规定享受岗位补贴和社会保险补贴。",
        "本岗位属政府开发的公益性岗位，岗位期限一般不超过3年，工资不低于当地最低工资标准。",
        "公益性岗位，面向登记失业的就业困难人员和困难家庭高校毕业生，工作时间固定，就近安排。",
    ),
    JobType.FLEXIBLE: (
        "灵活用工，时间相对自由，按完成量结算。",
        "可兼职，不坐班，报酬按单结算，适合自由职业者。",
        "灵活就业岗位，工作时段可协商，按周结算。",
    ),
    JobType.FULL_TIME: (),
}
NOTE_NUMBERS: dict[JobType, tuple[int, ...]] = {
    JobType.INTERNSHIP: (3, 6, 12),  # months
    JobType.GRASSROOTS: (2, 3),  # years
    JobType.RESEARCH_ASSISTANT: (1, 2),  # years
}

INTERN_TITLE_FORMS: tuple[str, ...] = ("{title}（就业见习）", "见习{title}", "{title}见习生")
FLEX_TITLE_FORMS: tuple[str, ...] = ("{title}（兼职）", "{title}（灵活用工）")

# Layouts: (duties heading, requirements heading, item format). ``None`` headings
# mean the prose layout, which runs the items together in sentences.
LAYOUTS: tuple[tuple[str | None, str | None, str], ...] = (
    ("岗位职责：", "任职要求：", "{i}、{text}；"),
    ("工作内容：", "岗位要求：", "{i}. {text}"),
    ("【岗位职责】", "【任职资格】", "inline"),
    ("职位描述", "职位要求", "- {text}"),
    (None, None, "prose"),
)
PROSE_LEADS: tuple[tuple[str, str], ...] = (
    ("主要工作：", "我们希望你："),
    ("入职后你将参与以下工作：", "对你的期待："),
    ("岗位内容包括：", "应聘条件："),
)
