"""The judge's occupation table: a posting's occupation from its TITLE, and which occupations are related.

Hand-written for the real-postings set; independent of any ``app/`` code, and no ranker may
import it (the labels would then share the ranker's knowledge). Rules, in order:

1. The title is NFKC-normalised and lower-cased, and "某某公司招聘服务员" keeps only "服务员"; bracketed asides that carry no occupation
   ("(急招)", "【直接谈】", "（双休+五险一金）") stay in, because they never contain the keywords below
   in a misleading way often enough to matter, and stripping them would drop "（校招）"-style cues.
2. ``OCCUPATIONS`` is scanned top to bottom; the first row with a keyword found in the title wins.
   Rows are ordered from specific to generic (口腔护士 before 护士 before 护理; 医药代表 before 销售;
   硬件测试 before 测试), so the order is part of the table.
3. No keyword found → no occupation: the posting is grade 0 for every profile (counted by
   ``grade.py``).

``RELATED`` says which other occupations a person trained for the row's occupation could take
after a short ramp-up and a placement officer would show them. It is not symmetric by design.
"""
from __future__ import annotations

import unicodedata

# (code, Chinese name, title keywords) — order matters, see rule 2.
OCCUPATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # --- health: specific before generic
    ("dental_nurse", "口腔护士", ("口腔护士", "正畸护士", "口腔护理", "牙科护士")),
    ("elderly_care", "养老护理员", ("养老护理", "护理员", "护工", "养老院护", "康养护理")),
    ("nurse", "护士", ("护士", "护理师", "护理", "助产")),
    ("dentist", "口腔医生", ("口腔医", "牙医", "口腔执业", "口腔全科", "正畸医", "种植医", "洁牙师", "口腔助理")),
    ("medical_imaging", "医学影像/超声医师", ("b超", "超声", "放射", "影像")),
    ("tcm_doctor", "中医/针灸推拿医师", ("中医", "针灸", "推拿")),
    ("rehab_therapist", "康复治疗师", ("康复", "理疗师", "治疗师")),
    ("medical_lab", "医学检验技师", ("检验科", "检验士", "检验师", "医学检验", "病理", "微生物检验", "化验,检验",
                                  "采样")),
    ("pharmacist", "药师/药房", ("药师", "药剂", "药房", "药士", "药工", "调剂")),
    ("pharma_sales", "医药代表/医药器械销售", ("医药代表", "医学信息", "医药销售", "医疗器械销售", "医药招商",
                                         "医药信息", "药品招商", "医药商品购销", "器械推广", "医疗器械推广")),
    ("clinical_research", "临床研究/试验", ("临床试验", "临床项目", "临床质量", "cra", "crc", "临床研究")),
    ("clinical_doctor", "临床医师", ("医生", "医师", "内科", "外科", "儿科", "全科", "妇科", "住院医", "主诊")),
    # --- education
    ("preschool_teacher", "幼儿教师", ("幼儿园", "幼师", "早教", "托管老师", "托育")),
    ("edu_sales", "课程顾问/招生", ("招生", "课程顾问", "学业规划", "学业 规划", "升学规划", "留学顾问")),
    ("teaching_support", "助教/学管/班主任", ("助教", "学管", "班主任", "教务")),
    ("trainer", "培训讲师/教练", ("讲师", "培训师", "教练", "训练师")),
    ("school_teacher", "学科教师", ("教师", "老师", "教研")),
    # --- a title that says 销售/招商 is a sales job whatever it sells (after the health and education
    # rows, which keep 医药销售 and 课程顾问 apart; the generic sales row is the last one)
    ("sales", "销售/业务", ("销售", "招商")),
    # --- IT
    ("hardware_eng", "硬件/芯片工程师", ("硬件", "芯片", "集成电路", "ic设计", "数字后端", "模拟前端", "版图", "fpga")),
    ("embedded_dev", "嵌入式/单片机开发", ("嵌入式", "单片机", "固件", "驱动开发")),
    ("ai_algorithm", "算法/人工智能工程师", ("算法", "人工智能工程师", "机器学习", "深度学习", "计算机视觉", "大模型", "nlp",
                                     "ai工程师")),
    ("data_analyst", "数据分析", ("数据分析", "数据运营", "bi工程师", "统计分析")),
    ("software_test", "软件测试", ("软件测试", "测试开发", "测试工程师", "测试经理", "qa工程师", "test engineer", "测试")),
    ("frontend_dev", "前端/移动端开发", ("前端", "vue", "react", "h5", "小程序", "android", "安卓", "ios",
                                    "flutter", "uniapp")),
    ("software_dev", "软件/后端开发", ("java", "后端", "全栈", "软件开发", "软件工程师", ".net", "c++", "c#", "python",
                                   "golang", "go开发", "php", "服务端", "开发工程师", "程序员", "架构师", "大数据开发",
                                   "unity", "鸿蒙", "研发工程师(软件", "paas", "full-stack", "developer", "c/c++")),
    ("it_ops", "运维/网络/实施/IT支持", ("运维", "网络工程", "网络安全", "信息安全", "网管", "系统工程师", "it工程师",
                                     "实施工程师", "实施", "信息化工程师", "it支持", "桌面支持", "技术支持", "售前")),
    ("product_manager", "产品经理", ("产品经理", "产品专员", "产品助理")),
    # --- design and media
    ("ui_designer", "UI/交互设计", ("ui", "交互设计", "用户体验设计")),
    ("graphic_designer", "平面/视觉设计/美工", ("平面设计", "美工", "视觉设计", "电商设计", "广告设计", "海报", "品牌设计",
                                        "3d美术", "插画", "原画")),
    ("garment", "服装设计/制版/缝制", ("服装", "版师", "样衣", "打样", "车位", "针车", "毛衣设计", "男装设计", "女装设计",
                                      "内衣设计", "内裤设计")),
    ("industrial_designer", "工业/产品外观设计", ("工业设计", "外观设计", "产品设计师", "产品设计工程师")),
    ("arch_designer", "建筑/室内设计", ("室内设计", "家装", "全屋定制", "建筑设计", "方案设计", "景观设计", "装饰设计",
                                    "软装", "建筑方案")),
    ("video_editor", "视频拍摄剪辑", ("剪辑", "后期", "摄影", "摄像", "拍摄", "视频制作")),
    ("livestream_host", "主播", ("主播", "带货", "直播")),
    ("new_media_ops", "新媒体/内容运营", ("新媒体", "小红书", "抖音", "短视频", "内容运营", "社群", "文案", "编辑",
                                      "记者", "自媒体", "tiktok", "社媒", "公众号")),
    ("ecommerce_ops", "电商运营", ("电商", "淘宝", "天猫", "京东运营", "拼多多", "亚马逊", "temu", "阿里巴巴", "店铺运营",
                                 "跨境", "国际站", "shopee", "速卖通")),
    ("operations", "运营专员", ("运营",)),
    # --- finance and law
    ("auditor", "审计", ("审计",)),
    ("cost_estimator", "造价/预算员", ("造价", "预算", "预结算", "招标")),
    ("accountant", "会计/出纳/财务", ("会计", "出纳", "财务", "核算", "税务", "账务", "cfo", "成本控制")),
    ("credit_risk", "信贷/风控", ("信贷", "贷款", "风控", "催收", "车贷", "分期")),
    ("insurance", "保险业务", ("保险", "车险", "续保", "精算")),
    ("investment", "投资/证券/理财", ("投资", "证券", "基金", "理财", "投顾", "资产管理", "资产评估", "金融工程")),
    ("bank_staff", "银行职员", ("银行", "柜员", "大堂")),
    ("legal", "法务/律师", ("法务", "律师", "法律")),
    # --- engineering and manufacturing
    ("new_energy_eng", "新能源(光伏/储能/电池)工程师", ("光伏", "储能", "风电", "电池", "电芯", "锂电", "充电桩")),
    ("hse", "安全环保", ("安全员", "安全工程师", "安全评价", "安全技术", "环保", "ehs", "hse", "环境影响评价",
                         "环评", "安全主管", "生产安全", "环境主管", "职业健康", "安全管理")),
    ("lab_technician", "实验员/化验员/检测员", ("实验员", "化验", "检测", "分析员", "理化", "测序",
                                         "生物分析", "检测技术")),
    ("chemical_eng", "化工/化学工程师", ("化工", "化学", "涂料", "乳化", "高分子", "化妆品研发", "配方")),
    ("materials_rd", "材料研发", ("材料研发", "材料工程师", "材料研究", "复合材料", "材料信息学", "材料化学")),
    ("quality_inspector", "质检/品质", ("质检", "品质", "质量", "qc", "qe", "sqe", "检验员", "检验", "品管", "尾查",
                                      "验货", "qa")),
    ("cnc_operator", "数控/CNC", ("数控", "cnc", "车工", "铣工", "磨工", "无心磨", "模具编程", "加工中心")),
    ("mech_designer", "机械/结构设计", ("机械", "结构工程师", "结构设计", "结构研发", "模具设计", "钣金设计", "产品结构",
                                     "工装", "非标", "模具", "3d/钣金", "cae", "模流", "线束", "绘图")),
    ("electrical_eng", "电气/自动化工程师", ("电气", "自动化", "plc", "机电工程师", "电子工程师", "电力", "机器人工程师")),
    ("process_engineer", "工艺/制程工程师", ("工艺", "制程", "工程师助理", "生产技术", "技术员")),
    ("auto_tech", "汽车维修/钣喷", ("汽车维修", "汽修", "钣金", "喷漆", "车板", "喷粉", "焊")),
    ("maintenance_tech", "设备维修/电工", ("维修", "电工", "设备", "机电", "弱电", "暖通", "水电", "家电", "售后工程师",
                                       "现场服务工程师", "巡检", "万能工")),
    ("production_mgmt", "生产管理", ("生产经理", "生产主管", "生产管理", "车间主任", "厂长", "生产部", "工段长",
                                    "班组长", "物料计划", "生产计划", "pmc")),
    ("warehouse", "仓管/库管", ("仓管", "仓库", "库管", "仓储", "分拣", "理货", "库房", "搬运")),
    ("production_worker", "普工/操作工", ("普工", "操作工", "包装", "装配", "组装", "流水线", "生产操作", "车间",
                                        "技工", "学徒", "打包", "生产工", "正式工")),
    # --- construction
    ("civil_engineer", "土建/施工/监理", ("施工", "土建", "监理", "钢结构", "建筑工程", "项目工程师", "市政", "路桥",
                                      "测绘", "资料员", "工程主管", "进度工程师", "装修", "基建", "幕墙",
                                      "模板工程", "结构")),
    # --- marine, agriculture
    ("marine", "船舶/轮机/海洋", ("船舶", "轮机", "海员", "船员", "港口", "海洋", "航海", "海事")),
    ("animal_husbandry", "养殖/畜牧兽医", ("养殖", "畜牧", "兽医", "饲料", "水产", "猪", "动物")),
    ("agronomist", "农业技术/园林", ("农业", "农艺", "种植", "植保", "农技", "园林", "园艺", "绿化", "农产品", "茶园")),
    # --- logistics and driving
    ("driver", "司机", ("司机", "驾驶员", "驾驶", "网约车", "货运", "叉车")),
    ("courier", "配送员/快递/骑手", ("配送", "快递", "骑手", "外卖", "送餐", "送货", "益力多")),
    ("purchasing", "采购/供应链", ("采购", "采销", "供应链", "跟单", "物控", "买手", "计划员", "计划专员")),
    ("logistics", "物流/调度/货代", ("物流", "调度", "货代", "报关", "单证", "运力", "海运", "空运")),
    # --- sales, service, admin
    ("foreign_trade", "外贸业务", ("外贸", "国际业务", "海外销售", "海外业务")),
    ("customer_service", "客服", ("客服", "话务", "回访", "售后专员", "售后文员", "售后协助", "售后")),
    ("marketing", "市场/推广/策划", ("市场", "推广", "营销策划", "品牌", "策划", "投放", "优化师", "seo", "sem",
                                   "信息流", "公关", "活动执行", "会展", "营销")),
    ("hr", "人事/招聘", ("人事", "人力", "招聘", "hr", "薪酬", "绩效", "员工关系")),
    ("admin_clerk", "行政/文员/前台/助理", ("行政", "文员", "前台", "秘书", "助理", "录入", "内勤", "统计员",
                                        "档案", "综合岗", "办公室", "文秘")),
    ("security_guard", "保安/安检", ("保安", "安检", "安保", "秩序", "中控", "防损", "门卫", "巡逻", "消防控制")),
    ("cleaner_property", "保洁/物业/家政", ("保洁", "物业", "家政", "清洁", "打扫", "客房服务")),
    ("hotel_staff", "酒店前厅/客房", ("酒店", "客房", "民宿", "前厅接待")),
    ("tourism", "导游/旅游", ("导游", "领队", "旅游", "旅行", "景区", "研学")),
    ("cook", "厨师/后厨", ("厨师", "后厨", "面点", "烘焙", "面包", "切配", "帮厨", "厨房", "甜品", "茶饮研发")),
    ("food_service", "餐饮服务员/咖啡茶饮", ("服务员", "传菜", "迎宾", "咖啡", "奶茶", "茶艺", "餐饮", "餐厅", "海底捞",
                                        "必胜客", "饮品", "前厅")),
    ("beauty", "美容美发", ("美容", "美发", "化妆", "美甲", "采耳", "医美咨询")),
    ("retail_clerk", "店员/营业员/收银", ("店员", "营业员", "导购", "收银", "店长", "门店", "超市", "专柜", "店铺")),
    ("sales", "销售/业务", ("销售", "业务员", "业务代表", "业务经理", "客户经理", "置业顾问", "招商", "渠道", "商务",
                            "bd", "大客户", "电销", "顾问", "业务", "拓展", "零售代表", "口腔咨询", "口腔宣传")),
)

OCCUPATION_NAMES: dict[str, str] = {code: name for code, name, _ in OCCUPATIONS}

# What a person trained for the key occupation could also be shown (grade 1). Not symmetric.
RELATED: dict[str, tuple[str, ...]] = {
    "nurse": ("dental_nurse", "elderly_care", "rehab_therapist", "medical_lab"),
    "dental_nurse": ("nurse", "dentist"),
    "elderly_care": ("nurse", "rehab_therapist", "cleaner_property"),
    "dentist": ("dental_nurse", "clinical_doctor"),
    "medical_imaging": ("clinical_doctor", "medical_lab"),
    "tcm_doctor": ("rehab_therapist", "clinical_doctor", "pharmacist"),
    "rehab_therapist": ("tcm_doctor", "elderly_care", "nurse", "trainer"),
    "medical_lab": ("lab_technician", "clinical_research", "pharmacist"),
    "pharmacist": ("pharma_sales", "medical_lab", "lab_technician", "retail_clerk"),
    "pharma_sales": ("sales", "pharmacist", "clinical_research"),
    "clinical_research": ("medical_lab", "pharma_sales", "clinical_doctor"),
    "clinical_doctor": ("medical_imaging", "clinical_research", "medical_lab"),
    "preschool_teacher": ("teaching_support", "school_teacher"),
    "edu_sales": ("sales", "teaching_support", "customer_service"),
    "teaching_support": ("school_teacher", "edu_sales", "admin_clerk"),
    "trainer": ("school_teacher", "teaching_support"),
    "school_teacher": ("teaching_support", "trainer", "preschool_teacher", "edu_sales"),
    "hardware_eng": ("embedded_dev", "electrical_eng", "software_test"),
    "embedded_dev": ("hardware_eng", "software_dev", "electrical_eng"),
    "ai_algorithm": ("software_dev", "data_analyst"),
    "data_analyst": ("software_dev", "operations", "ai_algorithm", "marketing"),
    "software_test": ("software_dev", "frontend_dev", "it_ops", "quality_inspector"),
    "frontend_dev": ("software_dev", "software_test", "ui_designer"),
    "software_dev": ("frontend_dev", "software_test", "it_ops", "data_analyst", "embedded_dev"),
    "it_ops": ("software_dev", "software_test", "maintenance_tech"),
    "product_manager": ("operations", "ui_designer", "data_analyst"),
    "ui_designer": ("graphic_designer", "frontend_dev"),
    "graphic_designer": ("ui_designer", "video_editor", "new_media_ops", "arch_designer"),
    "garment": ("graphic_designer", "production_worker"),
    "industrial_designer": ("mech_designer", "graphic_designer", "ui_designer"),
    "arch_designer": ("civil_engineer", "graphic_designer", "cost_estimator"),
    "video_editor": ("new_media_ops", "graphic_designer", "livestream_host"),
    "livestream_host": ("new_media_ops", "ecommerce_ops", "sales"),
    "new_media_ops": ("operations", "video_editor", "marketing", "ecommerce_ops", "livestream_host"),
    "ecommerce_ops": ("operations", "new_media_ops", "customer_service", "marketing"),
    "operations": ("new_media_ops", "ecommerce_ops", "marketing", "data_analyst"),
    "auditor": ("accountant", "investment"),
    "cost_estimator": ("civil_engineer", "accountant"),
    "accountant": ("auditor", "bank_staff", "admin_clerk"),
    "credit_risk": ("bank_staff", "investment", "insurance", "sales"),
    "insurance": ("sales", "bank_staff", "credit_risk", "customer_service"),
    "investment": ("bank_staff", "credit_risk", "auditor"),
    "bank_staff": ("credit_risk", "insurance", "investment", "accountant", "customer_service"),
    "legal": ("admin_clerk", "hr"),
    "new_energy_eng": ("electrical_eng", "process_engineer", "materials_rd", "chemical_eng"),
    "chemical_eng": ("lab_technician", "process_engineer", "materials_rd", "hse", "quality_inspector"),
    "materials_rd": ("chemical_eng", "lab_technician", "new_energy_eng", "process_engineer"),
    "lab_technician": ("quality_inspector", "chemical_eng", "medical_lab"),
    "hse": ("chemical_eng", "civil_engineer", "quality_inspector"),
    "quality_inspector": ("lab_technician", "process_engineer", "production_worker"),
    "cnc_operator": ("mech_designer", "maintenance_tech", "quality_inspector", "production_worker"),
    "mech_designer": ("cnc_operator", "process_engineer", "electrical_eng", "quality_inspector"),
    "electrical_eng": ("maintenance_tech", "embedded_dev", "new_energy_eng", "mech_designer"),
    "process_engineer": ("quality_inspector", "production_mgmt", "mech_designer"),
    "maintenance_tech": ("electrical_eng", "auto_tech", "cnc_operator"),
    "auto_tech": ("maintenance_tech", "production_worker"),
    "production_mgmt": ("process_engineer", "quality_inspector", "production_worker"),
    "production_worker": ("warehouse", "quality_inspector"),
    "civil_engineer": ("cost_estimator", "hse", "arch_designer"),
    "marine": ("logistics", "maintenance_tech", "animal_husbandry"),
    "animal_husbandry": ("agronomist", "marine"),
    "agronomist": ("animal_husbandry", "sales"),
    "driver": ("courier", "logistics"),
    "courier": ("driver", "warehouse"),
    "warehouse": ("logistics", "purchasing", "courier"),
    "purchasing": ("logistics", "warehouse", "foreign_trade"),
    "logistics": ("purchasing", "warehouse", "foreign_trade", "driver"),
    "foreign_trade": ("sales", "purchasing", "logistics", "ecommerce_ops"),
    "customer_service": ("sales", "admin_clerk", "ecommerce_ops"),
    "marketing": ("sales", "new_media_ops", "operations"),
    "hr": ("admin_clerk",),
    "admin_clerk": ("hr", "customer_service", "accountant"),
    "security_guard": ("cleaner_property",),
    "cleaner_property": ("security_guard", "hotel_staff"),
    "hotel_staff": ("tourism", "food_service", "customer_service"),
    "tourism": ("hotel_staff", "sales", "new_media_ops"),
    "cook": ("food_service",),
    "food_service": ("cook", "hotel_staff", "retail_clerk"),
    "beauty": ("retail_clerk", "sales"),
    "retail_clerk": ("sales", "food_service", "customer_service"),
    "sales": ("customer_service", "marketing", "retail_clerk"),
}


def normalise_title(title: str) -> str:
    """NFKC, lower case, and only what follows "招聘" when an employer name precedes it.

    Portal titles read "某某餐饮管理...招聘服务员": the employer part must not be matched (its "招聘"
    would make every such posting an HR job). A title that starts with 招聘 ("招聘专员") is kept.
    """
    text = unicodedata.normalize("NFKC", title or "").lower()
    # Keywords must not straddle two words: "推广优化工程师" is not 化工, "必胜客服务员" is not 客服.
    text = text.replace("优化工", "优化 工").replace("必胜客", "必胜客 ")
    head, found, tail = text.partition("招聘")
    return tail if found and head.strip() and len(tail.strip(" )）]】")) >= 2 else text


def occupation_of(title: str) -> str | None:
    """The first row of ``OCCUPATIONS`` whose keyword occurs in the title; None if none does."""
    text = normalise_title(title)
    for code, _, keywords in OCCUPATIONS:
        if any(keyword in text for keyword in keywords):
            return code
    return None


def _check() -> None:
    codes = [code for code, _, _ in OCCUPATIONS]
    names: dict[str, str] = {}
    for code, name, _ in OCCUPATIONS:
        assert names.setdefault(code, name) == name, f"{code} named twice differently"
    for code, related in RELATED.items():
        assert code in OCCUPATION_NAMES, code
        assert code not in related, f"{code} related to itself"
        assert all(r in OCCUPATION_NAMES for r in related), (code, related)
    assert set(RELATED) == set(codes), set(codes) ^ set(RELATED)


_check()
