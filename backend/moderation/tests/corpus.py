"""The evasion corpus and the benign corpus (R-OPS-1, issue #12).

``EVASIONS[category]`` holds (text, expected) pairs: ``expected`` is the keyword the text spells, or a
contact kind (``phone`` / ``wechat`` / ``qq``) for the contact categories. ``BENIGN`` is ordinary
business text that must pass: no keyword, no contact. ``KEYWORDS`` is the list both are checked
against: (word, action, category, match homophones).
"""

from __future__ import annotations

KEYWORDS: list[tuple[str, str, str, bool]] = [
    ("代开发票", "block", "illegal", True),
    ("刷单", "block", "fraud", True),
    ("赌博", "block", "illegal", True),
    ("高利贷", "block", "fraud", True),
    ("套现", "block", "fraud", False),
    ("办证", "block", "illegal", False),
    ("裸聊", "block", "vulgar", False),
    ("porn", "block", "vulgar", False),
    ("viagra", "block", "advertising", False),
    ("casino", "block", "illegal", False),
    ("sex", "block", "vulgar", False),
    ("私下交易", "flag", "fraud", False),
]

ZW = "\u200b"
RLO, PDF = "\u202e", "\u202c"

EVASIONS: dict[str, list[tuple[str, str]]] = {
    "interleaved Latin": [
        ("本店代x开y发z票", "代开发票"),
        ("代a开b发c票，税点低", "代开发票"),
        ("代AB开CD发EF票", "代开发票"),
        ("代 x 开 y 发 z 票", "代开发票"),
        ("代1开2发3票", "代开发票"),
        ("招聘刷x单员", "刷单"),
        ("网上赌z博平台", "赌博"),
        ("急用钱？高a利b贷", "高利贷"),
        ("信用卡套xx现", "套现"),
        ("专业办a证", "办证"),
        ("寂寞裸q聊", "裸聊"),
    ],
    "RLO reversal": [
        (f"{RLO}票发开代{PDF}", "代开发票"),
        (f"联系我{RLO}票发开代{PDF}，价格好", "代开发票"),
        (f"{RLO}单刷{PDF}员招聘", "刷单"),
        (f"{RLO}博赌{PDF}", "赌博"),
        (f"{RLO}贷利高", "高利贷"),
        (f"{RLO}现套{PDF} 秒到", "套现"),
        (f"{RLO}证办{PDF}", "办证"),
        (f"{RLO}聊裸{PDF}", "裸聊"),
        (f"see {RLO}nrop{PDF}", "porn"),
        (f"{RLO}onisac{PDF} online", "casino"),
        (f"{RLO}票 发 开 代{PDF}", "代开发票"),
    ],
    "pinyin": [
        ("dai kai fa piao", "代开发票"),
        ("daikaifapiao 找我", "代开发票"),
        ("DAI KAI FA PIAO", "代开发票"),
        ("dai4 kai1 fa1 piao4", "代开发票"),
        ("dai-kai-fa-piao", "代开发票"),
        ("代kai发piao", "代开发票"),
        ("招 shua dan 兼职", "刷单"),
        ("shuadan 日结", "刷单"),
        ("网上 du bo", "赌博"),
        ("gao li dai 秒批", "高利贷"),
    ],
    "homophones": [
        ("代开发漂", "代开发票"),
        ("带开发票", "代开发票"),
        ("代凯发票", "代开发票"),
        ("岱开发飘", "代开发票"),
        ("代开发瞟，量大优惠", "代开发票"),
        ("招聘刷蛋员", "刷单"),
        ("耍单日结", "刷单"),
        ("线上睹博", "赌博"),
        ("网络赌搏", "赌博"),
        ("高利袋急放", "高利贷"),
        ("膏利贷", "高利贷"),
    ],
    "leetspeak": [
        ("free p0rn here", "porn"),
        ("P0RN 视频", "porn"),
        ("v1agra 特价", "viagra"),
        ("vi4gra", "viagra"),
        ("v14gr4 包邮", "viagra"),
        ("c4sino 注册送", "casino"),
        ("cas1no", "casino"),
        ("casin0 vip", "casino"),
        ("s3x 服务", "sex"),
        ("5ex 视频", "sex"),
    ],
    "Cyrillic/Greek look-alikes": [
        ("\u0440\u043erno", "porn"),  # Cyrillic р, о
        ("\u0455\u0435\u0445", "sex"),  # Cyrillic ѕ, е, х
        ("vi\u0430gr\u0430", "viagra"),  # Cyrillic а
        ("\u0441\u0430sin\u043e", "casino"),  # Cyrillic с, а, о
        ("\u03a1\u039fRN", "porn"),  # Greek Ρ, Ο
        ("\u03bdiagra", "viagra"),  # Greek ν
        ("VI\u0391GR\u0391", "viagra"),  # Greek Α
        ("\u0421\u0410SINO", "casino"),  # Cyrillic С, А
        ("\U0001d429\U0001d428\U0001d42b\U0001d427", "porn"),  # mathematical bold
        ("\uff50\uff4f\uff52\uff4e", "porn"),  # full-width
        ("ca\u0455\u0456no", "casino"),  # Cyrillic ѕ, і
    ],
    "HTML entities": [
        ("代&#24320;发票", "代开发票"),
        ("&#20195;&#24320;&#21457;&#31080;", "代开发票"),
        ("代开&#x53d1;票", "代开发票"),
        ("代开&#X53D1;票", "代开发票"),
        ("&amp;#20195;开发票", "代开发票"),
        ("刷&#21333;", "刷单"),
        ("赌&#x535a;", "赌博"),
        ("高利&#36151;", "高利贷"),
        ("p&#111;rn", "porn"),
        ("&#112;&#111;&#114;&#110;", "porn"),
        ("&#x202e;票发开代", "代开发票"),
    ],
    "zero-width": [
        (f"代{ZW}开{ZW}发{ZW}票", "代开发票"),
        ("代\u200c开\u200d发\u2060票", "代开发票"),
        ("刷\ufeff单", "刷单"),
        (f"赌{ZW}博", "赌博"),
        ("代\u200e开\u200f发票", "代开发票"),
        ("代\u202a开\u202c发票", "代开发票"),
        ("高\u2061利\u2062贷", "高利贷"),
        ("套\u180e现", "套现"),
        (f"p{ZW}o{ZW}r{ZW}n", "porn"),
        ("代\u00ad开发票", "代开发票"),
    ],
    "split phones": [
        ("138 加 1234 再加 5678", "phone"),
        ("电话138加1234加5678", "phone"),
        ("一三八 加 一二三四 再加 五六七八", "phone"),
        ("139 接 8765 接 4321", "phone"),
        ("手机 158 再 1234 再 5678", "phone"),
        ("135-加-1234-加-5678", "phone"),
        ("188 然后 1234 然后 5678", "phone"),
        ("137 后面 2345 后面 6789", "phone"),
        ("186 加上 0000 再加上 1111", "phone"),
        ("150 加 12 加 34 加 5678", "phone"),
    ],
    "Chinese-numeral phones": [
        ("打一三八一二三四五六七八", "phone"),
        ("壹叁捌壹贰叁肆伍陆柒捌", "phone"),
        ("幺三八幺二三四五六七八", "phone"),
        ("一三九 零零零零 一二三四", "phone"),
        ("壹伍零 贰贰贰贰 叁叁叁叁", "phone"),
        ("一八六〇〇〇〇一一一一", "phone"),
        ("\u2460\u2462\u2467\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467", "phone"),  # ①③⑧…
        ("１３８一二三四５６７８", "phone"),
        ("一 三 八 一 二 三 四 五 六 七 八", "phone"),
        ("壹捌捌-陆陆陆陆-捌捌捌捌", "phone"),
    ],
    "WeChat/QQ aliases": [
        ("加薇 abc123", "wechat"),
        ("V❤ abc12345", "wechat"),
        ("威信 hello_88", "wechat"),
        ("vx：trade2024", "wechat"),
        ("加v zhang_san", "wechat"),
        ("微❤信 abcdef1", "wechat"),
        ("wei xin factory88", "wechat"),
        ("薇：boss_666", "wechat"),
        ("q q 12345678", "qq"),
        ("扣扣 87654321", "qq"),
        ("企鹅 5566778899", "qq"),
        ("QQ号 一二三四五六七八", "qq"),
        ("抠抠 123456789", "qq"),
    ],
}

CONTACT_CATEGORIES = frozenset({"split phones", "Chinese-numeral phones", "WeChat/QQ aliases"})

# Ordinary texts of the four boards and of chat: none may be refused, flagged or masked.
BENIGN: list[str] = [
    "可开增值税发票",
    "本厂可开增值税专用发票，含税价另计",
    "可开专票和普票，发票随货寄出",
    "开发票需另加 6% 税点",
    "304不锈钢 1.5mm 板材，现货供应",
    "型号 SUS304-2B，厚度 2.0mm",
    "单价 12.5 元/件，起订量 500 件",
    "交期 15 天，2024年10月13日前发货",
    "加工费另议",
    "来料加工，价格面议",
    "CNC 加工中心 3 台，精度 0.01mm",
    "招聘普工 20 名，月薪 5000-8000 元",
    "包吃包住，每月 26 号发工资",
    "规格 1220×2440mm",
    "M8×30 螺丝 10000 个",
    "电机功率 2.2kW 380V 50Hz",
    "模具开发周期 30 天",
    "代工代料，OEM/ODM 均可",
    "代加工各类五金件",
    "长期合作，量大从优",
    "样品免费，运费到付",
    "订单号 2024101312345678",
    "ISO9001 认证工厂",
    "年产能 100 万件",
    "厂房面积 3000 平方米",
    "日产 5000 件，良品率 99.5%",
    "注塑机 120T 8 台",
    "PP、ABS、PC 材料均可加工",
    "欢迎来厂参观考察",
    "夜班补贴 50 元/晚",
    "工作时间 8:00-17:30，周末双休",
    "需要熟练缝纫工 10 名",
    "表面处理：镀锌、喷涂、阳极氧化",
    "公差 ±0.05mm",
    "货期 7-10 个工作日",
    "支持月结 30 天",
    "包装：纸箱 + 托盘",
    "第一批 3000 件，第二批 5000 件",
    "尺寸 13x80x12 厘米",
    "V 型皮带 A-1200",
    "铝型材 6063-T5",
    "价格 1380 元/吨 含运费",
    "联系人：王经理（站内私信）",
    "电压 220v，功率 1500w",
    "广东省东莞市长安镇",
    "产品通过 RoHS、REACH 检测",
    "招刷漆工 2 名",
    "代理商招募中",
    "开模费 5000 元，返单退还",
    "整套线路板加工",
    "一二三号车间全部开工",
    "Q235 钢板 10 吨",
    "大小 5m×3m，高 2.5m",
    "温度 -20℃ 至 60℃",
    "A3 纸 500 张，B5 笔记本 200 本",
]
