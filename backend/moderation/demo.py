"""A starter list of banned keywords for the embedded run and new installs (operators extend it in
系统设置 → 违禁词)."""

from __future__ import annotations

from django.db import transaction

from moderation.models import BannedKeyword, KeywordAction, KeywordCategory
from moderation.normalise import normalise_keyword

B, F = KeywordAction.BLOCK, KeywordAction.FLAG
C = KeywordCategory

DEFAULT_KEYWORDS: tuple[tuple[str, str, str, str], ...] = (
    # word, action, category, note
    ("代开发票", B, C.ILLEGAL, "虚开发票"),
    ("发票代开", B, C.ILLEGAL, "虚开发票"),
    ("虚开发票", B, C.ILLEGAL, ""),
    ("赌博", B, C.ILLEGAL, ""),
    ("博彩", B, C.ILLEGAL, ""),
    ("网赌", B, C.ILLEGAL, ""),
    ("六合彩", B, C.ILLEGAL, ""),
    ("枪支", B, C.ILLEGAL, ""),
    ("仿真枪", B, C.ILLEGAL, ""),
    ("弹药", B, C.ILLEGAL, ""),
    ("管制刀具", B, C.ILLEGAL, ""),
    ("假证", B, C.ILLEGAL, ""),
    ("办假证", B, C.ILLEGAL, ""),
    ("毒品", B, C.ILLEGAL, ""),
    ("冰毒", B, C.ILLEGAL, ""),
    ("迷药", B, C.ILLEGAL, ""),
    ("窃听器", B, C.ILLEGAL, ""),
    ("出售身份证", B, C.ILLEGAL, ""),
    ("买卖银行卡", B, C.ILLEGAL, ""),
    ("洗钱", B, C.ILLEGAL, ""),
    ("走私", B, C.ILLEGAL, ""),
    ("高利贷", B, C.FRAUD, ""),
    ("套路贷", B, C.FRAUD, ""),
    ("裸贷", B, C.FRAUD, ""),
    ("刷单", B, C.FRAUD, "刷单诈骗"),
    ("兼职刷单", B, C.FRAUD, ""),
    ("色情", B, C.VULGAR, ""),
    ("裸聊", B, C.VULGAR, ""),
    ("约炮", B, C.VULGAR, ""),
    ("援交", B, C.VULGAR, ""),
    # Labour fraud patterns: legitimate posts may mention them, so a reviewer looks rather than a block.
    ("招工收费", F, C.FRAUD, "招工不得向工人收费"),
    ("押金", F, C.FRAUD, "招工收押金需人工核实"),
    ("介绍费", F, C.FRAUD, "招工收介绍费需人工核实"),
    ("报名费", F, C.FRAUD, ""),
    ("培训费", F, C.FRAUD, ""),
    ("保证金", F, C.FRAUD, ""),
    ("先交钱", F, C.FRAUD, ""),
    ("垫付", F, C.FRAUD, ""),
    # Moving the conversation off the platform.
    ("加微信", F, C.ADVERTISING, "站外引流"),
    ("加我微信", F, C.ADVERTISING, "站外引流"),
    ("加qq", F, C.ADVERTISING, "站外引流"),
    ("扫码进群", F, C.ADVERTISING, "站外引流"),
    ("私下交易", F, C.ADVERTISING, "绕开平台"),
)


@transaction.atomic
def load_default_keywords() -> int:
    """Adds the starter keywords that are missing; keywords operators already changed stay as they are.
    Returns how many were added."""
    known = set(BannedKeyword.objects.values_list("normalised", flat=True))
    created = 0
    for word, action, category, note in DEFAULT_KEYWORDS:
        normalised = normalise_keyword(word)
        if normalised in known:
            continue
        # save() (not bulk_create) so the version signal fires, as for any console change.
        BannedKeyword.objects.create(word=word, action=action, category=category, note=note)
        known.add(normalised)
        created += 1
    return created
