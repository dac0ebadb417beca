"""Occupations of 文化创意 and 精品旅游."""
from __future__ import annotations

from .types import (ASSOC, BACH, CULTURE, FLEX, FT, INTERN, IT, NONE, PW, TOUR, Employer,
                    Occupation)

_JINAN_DESIGN = Employer("济南墨白文化创意设计有限公司", "济南", CULTURE)
_QINGDAO_STUDIO = Employer("青岛浪花影视传媒有限公司", "青岛", CULTURE)
_ZIBO_GAME = Employer("淄博像素方块网络科技有限公司", "淄博", IT)
_LINYI_MEDIA = Employer("临沂沂州融媒文化传播有限公司", "临沂", CULTURE)
_WEIFANG_KITE = Employer("潍坊风筝都文创产品有限公司", "潍坊", CULTURE)
_JINING_CULTURE = Employer("曲阜尼山文化传播有限公司", "济宁", CULTURE)
_TAIAN_TRAVEL = Employer("泰安岱宗国际旅行社有限公司", "泰安", TOUR)
_QINGDAO_TRAVEL = Employer("青岛海岸线旅行社有限公司", "青岛", TOUR)
_JINING_TRAVEL = Employer("济宁孔孟之乡研学旅行服务有限公司", "济宁", TOUR)
_WEIHAI_HOTEL = Employer("威海金海湾度假酒店有限公司", "威海", TOUR)
_JINAN_HOTEL = Employer("济南大明湖畔精品酒店管理有限公司", "济南", TOUR)
_RIZHAO_HOTEL = Employer("日照万平口海景酒店有限公司", "日照", TOUR)
_LIAOCHENG_TOUR = Employer("聊城水城文旅发展有限公司", "聊城", TOUR)

UI_DESIGNER = Occupation(
    code="ui_designer",
    name="UI/视觉设计师",
    titles=("UI设计师", "视觉设计师", "平面设计师", "交互设计师"),
    duties=(
        "负责App和小程序的界面视觉设计与切图标注",
        "设计活动海报、运营Banner和品牌物料",
        "参与产品交互流程梳理，输出原型和设计稿",
        "维护设计规范和组件库，保证视觉风格统一",
        "为文创产品设计包装和周边图案",
        "配合开发走查页面还原度",
    ),
    requirements=(
        "熟练使用Figma、Photoshop、Illustrator等设计软件",
        "有良好的审美和色彩、排版功底",
        "投递时请附作品集",
        "了解基础的前端实现方式者优先",
        "会C4D或AE动效者优先",
    ),
    skills=("Figma", "Photoshop", "Illustrator", "UI设计", "交互设计", "平面设计", "C4D", "品牌设计"),
    majors=("视觉传达设计", "数字媒体艺术", "产品设计", "艺术设计", "工业设计"),
    employers=(_JINAN_DESIGN, _ZIBO_GAME, _WEIFANG_KITE, _JINING_CULTURE),
    education=(BACH, ASSOC, BACH, ASSOC),
    salary=(5500, 11000),
    job_types=(FT, FT, INTERN, FLEX, FT, INTERN, FLEX, FT),
    related=("frontend_dev", "video_editor", "new_media_ops"),
    why_related="UI要与前端共同完成页面；视觉设计师常兼做视频包装；新媒体运营需要海报和配图能力。",
    type_titles={FLEX: ("兼职平面设计（按稿计费）", "自由职业UI设计（远程）")},
)

VIDEO_EDITOR = Occupation(
    code="video_editor",
    name="视频剪辑/后期",
    titles=("视频剪辑师", "短视频后期剪辑", "影视后期制作", "摄像剪辑"),
    duties=(
        "负责短视频的剪辑、调色、字幕和音效制作",
        "参与宣传片和纪录片的拍摄与后期包装",
        "根据脚本完成分镜拍摄和素材整理",
        "制作片头片尾和动态图形",
        "管理素材库，按时交付成片",
        "跟踪平台热点，提出选题创意",
    ),
    requirements=(
        "熟练使用Premiere、Final Cut或剪映",
        "会After Effects或达芬奇调色者优先",
        "有镜头语言基础和节奏感",
        "能配合外出拍摄",
    ),
    skills=("Premiere", "After Effects", "剪映", "达芬奇", "视频拍摄", "短视频", "调色", "字幕"),
    majors=("数字媒体艺术", "广播电视编导", "戏剧影视美术设计", "摄影", "影视多媒体技术"),
    employers=(_QINGDAO_STUDIO, _LINYI_MEDIA, _JINING_CULTURE),
    education=(ASSOC, NONE, BACH),
    salary=(5000, 10000),
    job_types=(FT, FLEX, FLEX, FT, INTERN, FLEX, FT),
    related=("new_media_ops", "ui_designer", "livestream_host"),
    why_related="短视频生产和账号运营密不可分；包装设计与视觉设计共用软件；直播间需要拍摄和切片剪辑。",
    type_titles={FLEX: ("短视频剪辑（兼职按条结算）", "自由剪辑师（远程接单）")},
)

NEW_MEDIA_OPS = Occupation(
    code="new_media_ops",
    name="新媒体运营/文案",
    titles=("新媒体运营", "文案策划", "公众号编辑", "内容运营专员"),
    duties=(
        "负责公众号、视频号和小红书账号的日常内容更新",
        "撰写推文、活动文案和品牌故事",
        "策划线上话题活动，提升粉丝互动",
        "分析阅读量和转化数据，复盘调整内容方向",
        "对接设计和剪辑同事完成图文及视频内容",
        "维护粉丝社群，回复留言和私信",
        "采访撰写本地文化旅游类稿件",
    ),
    requirements=(
        "文字功底扎实，能快速产出不同风格的文案",
        "熟悉主流新媒体平台的玩法",
        "会用秀米、135编辑器等排版工具",
        "有个人账号运营经历者优先",
    ),
    skills=("文案写作", "公众号运营", "小红书", "内容策划", "秀米", "社群运营", "活动策划", "数据复盘"),
    majors=("汉语言文学", "新闻学", "网络与新媒体", "广告学", "传播学"),
    employers=(_LINYI_MEDIA, _JINAN_DESIGN, _LIAOCHENG_TOUR, _QINGDAO_STUDIO),
    education=(BACH, ASSOC, BACH, ASSOC),
    salary=(4500, 9000),
    job_types=(FT, FT, INTERN, FLEX, FT, INTERN, FLEX, FT),
    related=("video_editor", "agri_ecommerce", "travel_planner", "livestream_host", "hr_admin"),
    why_related="内容运营要懂剪辑；电商运营和旅游策划都以内容和活动为核心；直播需要脚本；文字功底强的可做行政文秘。",
    type_titles={FLEX: ("兼职文案写手（按篇结算）", "新媒体运营（远程兼职）")},
)

LIVESTREAM_HOST = Occupation(
    code="livestream_host",
    name="主播/直播带货",
    titles=("带货主播", "直播运营主播", "文旅推介主播"),
    duties=(
        "在抖音、快手直播间讲解产品，完成销售目标",
        "参与直播脚本策划和选品",
        "直播后复盘数据，优化话术",
        "配合拍摄短视频为直播间引流",
        "介绍本地景区和特产，带动文旅消费",
    ),
    requirements=(
        "普通话标准，镜头表现力好",
        "性格开朗，抗压能力强",
        "有直播经验或播音主持背景者优先",
        "能接受晚间直播",
    ),
    skills=("直播带货", "抖音", "快手", "话术", "普通话", "镜头表现", "短视频"),
    majors=("播音与主持艺术", "电子商务", "市场营销", "网络与新媒体"),
    employers=(_LINYI_MEDIA, _QINGDAO_STUDIO, _LIAOCHENG_TOUR),
    education=(NONE, ASSOC, NONE),
    salary=(4000, 12000),
    job_types=(FLEX, FT, FLEX, FLEX, FT),
    related=("agri_ecommerce", "new_media_ops", "tour_guide"),
    why_related="带货离不开电商运营和内容策划；讲解景点的主播与导游的讲解能力相同。",
    type_titles={FLEX: ("兼职带货主播（时薪加提成）", "助播（灵活排班）")},
)

TOUR_GUIDE = Occupation(
    code="tour_guide",
    name="导游/研学导师",
    titles=("导游", "研学导师", "景区讲解员", "地接导游"),
    duties=(
        "带领旅游团完成行程，讲解景点历史文化",
        "为中小学生研学团设计和讲授研学课程",
        "做好团队安全管理和突发情况处置",
        "协调酒店、餐饮和交通等地接资源",
        "在景区为游客提供定时讲解",
        "收集游客反馈，完善讲解词",
    ),
    requirements=(
        "持有导游证者优先，无证可培训考取",
        "普通话标准，表达生动",
        "熟悉齐鲁文化和本地旅游资源",
        "能适应旺季加班和外出带团",
    ),
    skills=("导游证", "讲解", "研学课程", "普通话", "团队管理", "齐鲁文化", "应急处置"),
    majors=("旅游管理", "导游", "历史学", "旅游管理与服务教育", "英语"),
    employers=(_TAIAN_TRAVEL, _QINGDAO_TRAVEL, _JINING_TRAVEL, _LIAOCHENG_TOUR),
    education=(ASSOC, NONE, BACH, ASSOC),
    salary=(4000, 8000),
    job_types=(FT, FLEX, INTERN, FLEX, FT, FLEX, FT, PW),
    related=("travel_planner", "hotel_ops", "livestream_host", "school_teacher"),
    why_related="带团经验是策划线路的基础；同属旅游接待；讲解能力可转文旅直播；研学导师与教师工作接近。",
    type_employers={PW: (Employer("曲阜市文化和旅游服务中心", "济宁", TOUR),)},
    type_titles={FLEX: ("兼职导游（旺季按团结算）", "景区讲解员（周末兼职）"),
                 PW: ("公益性岗位（文化场馆讲解员）",)},
)

HOTEL_OPS = Occupation(
    code="hotel_ops",
    name="酒店前厅/运营",
    titles=("酒店前台接待", "前厅主管", "酒店运营管培生", "宾客关系专员"),
    duties=(
        "负责宾客入住、退房和预订处理",
        "维护OTA平台的房价房态和点评回复",
        "处理宾客投诉，提升满意度",
        "协调客房、餐饮部门完成接待任务",
        "参与会议和婚宴接待方案执行",
        "统计出租率和平均房价等经营数据",
    ),
    requirements=(
        "形象气质佳，服务意识强",
        "会基本英语口语者优先",
        "熟悉Opera等酒店管理系统者优先",
        "能接受倒班",
    ),
    skills=("前台接待", "OTA运营", "Opera系统", "客户服务", "英语口语", "收益管理"),
    majors=("酒店管理", "旅游管理", "酒店管理与数字化运营", "会展经济与管理"),
    employers=(_WEIHAI_HOTEL, _JINAN_HOTEL, _RIZHAO_HOTEL),
    education=(ASSOC, NONE, BACH),
    salary=(4000, 7500),
    job_types=(FT, FT, INTERN, FT, FT, INTERN, FT),
    related=("tour_guide", "travel_planner"),
    why_related="同属旅游接待服务；酒店运营与旅游产品运营共享OTA和收益管理知识。",
)

TRAVEL_PLANNER = Occupation(
    code="travel_planner",
    name="旅游产品策划",
    titles=("旅游产品策划", "文旅活动策划", "旅游线路设计专员", "研学产品经理"),
    duties=(
        "设计周边游、亲子游和研学旅行线路",
        "策划景区节庆活动并跟进落地执行",
        "核算线路成本并制定报价",
        "撰写产品介绍和推广文案",
        "对接景区、酒店和交通供应商谈合作",
        "跟踪同行产品和游客需求变化",
    ),
    requirements=(
        "熟悉山东省内旅游资源",
        "有活动策划或旅行社工作经历者优先",
        "文字表达和沟通能力强",
        "会用Excel做成本核算",
    ),
    skills=("线路设计", "活动策划", "成本核算", "文案写作", "供应商管理", "研学旅行"),
    majors=("旅游管理", "会展经济与管理", "文化产业管理", "市场营销"),
    employers=(_QINGDAO_TRAVEL, _LIAOCHENG_TOUR, _JINING_TRAVEL),
    education=(BACH, ASSOC, BACH),
    salary=(4500, 9000),
    job_types=(FT, FT, INTERN, FT, FLEX, FT),
    related=("tour_guide", "new_media_ops", "hotel_ops"),
    why_related="策划要懂带团实际；推广靠内容运营；产品与酒店资源打包。",
    type_titles={FLEX: ("文旅活动策划（项目制）",)},
)

OCCUPATIONS = (UI_DESIGNER, VIDEO_EDITOR, NEW_MEDIA_OPS, LIVESTREAM_HOST, TOUR_GUIDE,
               HOTEL_OPS, TRAVEL_PLANNER)
