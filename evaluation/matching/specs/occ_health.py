"""Occupations of 医养健康 (hospitals, elderly care, pharmacy, life-science labs)."""
from __future__ import annotations

from .types import (ASSOC, BACH, DOCTOR, FLEX, FT, GRASS, HEALTH, INTERN, MASTER, NONE, OTHER, PW,
                    RA, Employer, Occupation)

_JINAN_HOSP = Employer("济南泉康医院", "济南", HEALTH)
_LINYI_HOSP = Employer("临沂沂河新区人民医院", "临沂", HEALTH)
_TAIAN_HOSP = Employer("泰安岱岳康复医院", "泰安", HEALTH)
_JINING_HOSP = Employer("济宁运河中医医院", "济宁", HEALTH)
_WEIFANG_CLINIC = Employer("潍坊仁和健康管理有限公司", "潍坊", HEALTH)
_QINGDAO_CARE = Employer("青岛颐和康养服务中心", "青岛", HEALTH)
_YANTAI_CARE = Employer("烟台福寿园养老服务有限公司", "烟台", HEALTH)
_BINZHOU_PHARMACY = Employer("滨州百草堂大药房连锁有限公司", "滨州", HEALTH)
_LINYI_PHARM = Employer("临沂沂蒙制药有限公司", "临沂", HEALTH)
_ZIBO_LAB = Employer("淄博康检医学检验实验室有限公司", "淄博", HEALTH)
_TOWNSHIP_CLINICS = (Employer("莒县洛河镇卫生院", "日照", HEALTH),
                     Employer("郓城县张营街道社区卫生服务中心", "菏泽", HEALTH),
                     Employer("平邑县地方镇卫生院", "临沂", HEALTH))

NURSE = Occupation(
    code="nurse",
    licensed=True,
    name="护士",
    titles=("护士", "临床护士", "病区护士", "注册护士"),
    duties=(
        "负责病区患者的基础护理和专科护理",
        "遵医嘱执行输液、注射、采血等治疗操作",
        "观察患者病情变化并及时报告医生",
        "做好护理文书书写和交接班记录",
        "开展健康宣教和出院随访",
        "协助医生完成门诊分诊和治疗室工作",
        "参与危重患者抢救配合",
    ),
    requirements=(
        "已取得护士执业资格证或通过护士资格考试",
        "能适应倒夜班",
        "有三级医院实习经历者优先",
        "有爱心和耐心，沟通能力好",
    ),
    skills=("护士执业资格", "静脉输液", "基础护理", "急救技能", "护理文书", "心肺复苏", "无菌操作"),
    majors=("护理学", "护理", "助产"),
    employers=(_JINAN_HOSP, _LINYI_HOSP, _TAIAN_HOSP, _JINING_HOSP),
    education=(ASSOC, BACH, ASSOC, ASSOC, BACH),
    salary=(4500, 8000),
    job_types=(FT, FT, INTERN, GRASS, FT, FT, INTERN, GRASS, FT, FT),
    related=("elderly_care", "rehab_therapist", "medical_lab"),
    why_related="养老机构的医护型岗位需要护理技能；康复护理与康复治疗交叉；检验科采血和标本处理是护理日常。",
    type_employers={GRASS: _TOWNSHIP_CLINICS},
    type_titles={GRASS: ("乡镇卫生院护士", "社区卫生服务中心护理岗")},
)

CLINICAL_DOCTOR = Occupation(
    code="clinical_doctor",
    licensed=True,
    name="临床医师",
    titles=("临床医师", "住院医师", "全科医生", "内科医师"),
    duties=(
        "负责门诊和病房患者的诊疗工作",
        "书写病历，开具检查和处方",
        "参与科室值班和危重病人抢救",
        "开展慢病随访和家庭医生签约服务",
        "参与科室业务学习和病例讨论",
    ),
    requirements=(
        "取得执业医师资格证或已完成住院医师规范化培训者优先",
        "具备扎实的临床基本功",
        "服从科室排班，能值夜班",
        "医德良好，有责任心",
    ),
    skills=("执业医师资格", "规培", "病历书写", "全科诊疗", "急救", "慢病管理"),
    majors=("临床医学", "全科医学", "中医学", "中西医临床医学"),
    employers=(_JINAN_HOSP, _LINYI_HOSP, _JINING_HOSP),
    education=(BACH, MASTER, BACH),
    salary=(8000, 16000),
    job_types=(FT, FT, GRASS, FT, GRASS, FT),
    related=("medical_lab", "rehab_therapist"),
    why_related="临床医学毕业生可转入检验科和康复科的技术岗位。",
    type_employers={GRASS: _TOWNSHIP_CLINICS},
    type_titles={GRASS: ("乡镇卫生院全科医生", "基层医疗卫生机构临床医生")},
)

PHARMACIST = Occupation(
    code="pharmacist",
    licensed=True,
    name="药师",
    titles=("药剂师", "执业药师", "药房药师", "驻店药师"),
    duties=(
        "负责门急诊处方审核和药品调配",
        "为顾客提供用药咨询和合理用药指导",
        "管理药品的验收、养护和效期",
        "落实GSP规范，做好药品质量记录",
        "参与临床药学服务和不良反应监测",
        "协助药品质量部门完成批记录审核",
    ),
    requirements=(
        "持有执业药师证或药学专业技术资格者优先",
        "熟悉常用药品的适应证和禁忌",
        "了解GSP和GMP相关要求",
        "服务意识强，表达清楚",
    ),
    skills=("执业药师", "处方审核", "GSP", "药品管理", "用药咨询", "GMP", "药学服务"),
    majors=("药学", "临床药学", "中药学", "药品经营与管理"),
    employers=(_BINZHOU_PHARMACY, _JINAN_HOSP, _LINYI_PHARM, _JINING_HOSP),
    education=(ASSOC, BACH, BACH, ASSOC),
    salary=(4500, 9000),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT),
    related=("chem_analyst", "medical_lab"),
    why_related="药品检验与化学分析使用同类色谱方法；检验科与药学同属医技科室，实验室基础相通。",
)

ELDERLY_CARE = Occupation(
    code="elderly_care",
    name="养老护理/康养服务",
    titles=("养老护理员", "康养服务专员", "养老院生活照护员", "居家养老服务员"),
    duties=(
        "为入住老人提供助餐、助浴、助行等生活照料",
        "协助老人按时服药，观察身体和情绪变化",
        "组织老人开展康乐活动和健康讲座",
        "上门为居家老人提供照护和探访服务",
        "建立老人健康档案，做好服务记录",
        "配合医护人员开展基础护理",
    ),
    requirements=(
        "持有养老护理员职业技能等级证书者优先",
        "有耐心、爱心，尊重老人",
        "身体健康，能适应轮班",
        "护理、康复、老年服务相关专业优先",
    ),
    skills=("养老护理", "生活照料", "健康档案", "老年服务", "沟通能力", "急救常识"),
    majors=("养老服务管理", "智慧健康养老服务与管理", "护理", "健康服务与管理", "社会工作"),
    employers=(_QINGDAO_CARE, _YANTAI_CARE, _WEIFANG_CLINIC),
    education=(NONE, ASSOC, NONE),
    salary=(3800, 6500),
    job_types=(FT, PW, PW, FT, FLEX, INTERN, PW, FT, PW),
    related=("nurse", "community_worker", "rehab_therapist"),
    why_related="康养机构常有护理岗；居家养老服务由社区组织，与社区工作交叉；老人功能训练属于康复内容。",
    type_employers={PW: (Employer("聊城市东昌府区古楼街道办事处", "聊城", OTHER),
                         Employer("德州市德城区新湖街道综合服务中心", "德州", OTHER))},
    type_titles={PW: ("公益性岗位（居家养老服务）", "公益性岗位（社区助老员）"),
                 FLEX: ("居家养老上门服务员（按单结算）",)},
)

REHAB_THERAPIST = Occupation(
    code="rehab_therapist",
    licensed=True,
    name="康复治疗师",
    titles=("康复治疗师", "康复治疗技师", "康复理疗师"),
    duties=(
        "对脑卒中、骨科术后患者进行功能评定",
        "制定个体化康复训练计划并组织实施",
        "开展运动疗法、手法治疗和理疗",
        "指导患者和家属进行居家康复训练",
        "参与儿童康复和言语吞咽治疗",
        "记录治疗过程，定期复评",
    ),
    requirements=(
        "持有康复医学治疗技术士（师）证者优先",
        "熟悉常见疾病的康复评定方法",
        "有良好的沟通能力和亲和力",
        "能适应一定的体力工作",
    ),
    skills=("运动疗法", "康复评定", "手法治疗", "理疗", "作业治疗", "儿童康复"),
    majors=("康复治疗学", "康复治疗技术", "运动康复", "中医康复技术"),
    employers=(_TAIAN_HOSP, _QINGDAO_CARE, _JINAN_HOSP),
    education=(BACH, ASSOC, BACH),
    salary=(5000, 9000),
    job_types=(FT, FT, INTERN, GRASS, FT, FT),
    related=("elderly_care", "nurse"),
    why_related="康养机构需要功能训练；康复护理与临床护理交叉。",
    type_employers={GRASS: _TOWNSHIP_CLINICS},
    type_titles={GRASS: ("基层医疗机构康复治疗士",)},
)

MEDICAL_LAB = Occupation(
    code="medical_lab",
    licensed=True,
    name="医学检验技师",
    titles=("医学检验技师", "检验科技师", "临床检验员", "PCR实验室检验员"),
    duties=(
        "负责血常规、生化、免疫等项目的检测",
        "做好标本接收、前处理和保存",
        "开展室内质控，分析失控原因",
        "维护全自动生化分析仪等检验设备",
        "审核检验报告，处理危急值",
        "在PCR实验室开展核酸检测",
    ),
    requirements=(
        "持有临床医学检验技士（师）资格证者优先",
        "熟悉检验科生物安全要求",
        "操作规范，细心严谨",
        "能适应值班",
    ),
    skills=("临床检验", "生化分析", "室内质控", "PCR", "免疫检测", "生物安全", "标本处理"),
    majors=("医学检验技术", "医学实验技术", "卫生检验与检疫"),
    employers=(_ZIBO_LAB, _LINYI_HOSP, _JINING_HOSP),
    education=(ASSOC, BACH, ASSOC),
    salary=(4500, 8500),
    job_types=(FT, FT, INTERN, GRASS, FT, FT),
    related=("research_assistant_bio", "chem_analyst", "food_quality"),
    why_related="分子检测技术与生物科研实验相同；理化检验与化学分析、食品检测方法相通。",
    type_employers={GRASS: _TOWNSHIP_CLINICS},
    type_titles={GRASS: ("乡镇卫生院检验士",)},
)

RESEARCH_ASSISTANT_BIO = Occupation(
    code="research_assistant_bio",
    name="科研助理（生物医学方向）",
    titles=("科研助理（分子生物学）", "课题组科研助理（细胞实验）", "实验室科研助理（生物医药）"),
    duties=(
        "协助开展细胞培养、PCR、Western blot等分子生物学实验",
        "负责实验动物的饲养管理和实验操作配合",
        "整理实验数据和原始记录，绘制图表",
        "管理实验室试剂耗材和仪器预约",
        "协助撰写项目申报材料和论文初稿",
        "负责课题组样本库的登记和保存",
    ),
    requirements=(
        "熟悉分子生物学或细胞生物学基本实验技术",
        "有独立完成毕业课题的实验经历",
        "能阅读英文文献",
        "工作细致，能遵守实验室生物安全规定",
    ),
    skills=("细胞培养", "PCR", "Western blot", "分子生物学", "动物实验", "GraphPad", "文献检索"),
    majors=("生物技术", "生物科学", "生物工程", "基础医学", "生物医学工程"),
    employers=(Employer("泉城医学科学院转化医学中心", "济南", HEALTH),),
    education=(BACH, MASTER, BACH, MASTER, DOCTOR, BACH),
    salary=(4500, 8000),
    job_types=(RA, RA, RA, RA, RA, RA, RA),
    related=("medical_lab", "research_assistant_materials", "food_quality"),
    why_related="分子检测与检验科PCR实验室工作相同；同为科研实验支撑岗；食品微生物检测使用相近的实验技能。",
    type_employers={RA: (Employer("泉城医学科学院转化医学中心", "济南", HEALTH),
                         Employer("青岛滨海大学生命科学学院", "青岛", HEALTH),
                         Employer("烟台海洋生物医药研究院", "烟台", HEALTH),
                         Employer("潍坊鸢都医学研究所", "潍坊", HEALTH))},
)

OCCUPATIONS = (NURSE, CLINICAL_DOCTOR, PHARMACIST, ELDERLY_CARE, REHAB_THERAPIST, MEDICAL_LAB,
               RESEARCH_ASSISTANT_BIO)
