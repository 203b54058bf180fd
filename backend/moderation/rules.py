"""Rules of our own besides the keyword list: fee-asking (anti-scam) and impersonating names.

* :func:`find_fee_requests` — a labour or processing post or a chat message asking workers or processors
  for money before they are paid (押金, 保证金, 培训费 …) in asking phrasing (需交, 先交, 收取, an amount);
  a clause that denies it (不收取任何费用, 无需缴纳押金, 谨防收取押金的骗子) passes.
* :func:`impersonation` — a display or factory name that claims to be the platform or its staff
  (厂贸通, 官方, 客服, 管理员 …), checked on the normalised name so spaces and symbols don't evade it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from moderation.normalise import normalise_keyword

FEE_WORDS = (
    "押金",
    "保证金",
    "培训费",
    "体检费",
    "服装费",
    "工服费",
    "材料费",
    "中介费",
    "介绍费",
    "报名费",
    "入职费",
    "建档费",
    "资料费",
    "工本费",
    "手续费",
    "加盟费",
    "押证",
    "押身份证",
)
# Fee words that are a demand by themselves (holding a worker's ID card), whatever the phrasing.
SELF_ASKING = frozenset({"押证", "押身份证"})
# Asking phrasing: someone has to pay. An amount next to the fee ("押金500元") asks too.
_ASKING = re.compile(
    r"需交|需要交|须交|必须交|要交|先交|预交|交纳|缴纳|需缴|先缴|缴|收取|收|支付|先付|预付|付款|转账|自理|自付|扣|"
    r"\d+\s*(?:元|块|圆)|[一二三四五六七八九十百千万两]+\s*(?:元|块)"
)
# A clause that denies or warns against the fee.
_DENIAL = re.compile(
    r"不收|不押|免收|免费|无需|不需|不用|不要|无任何|没有任何|不交|不缴|不扣|杜绝|谨防|警惕|严禁|禁止|绝不|拒绝|退还|全额退"
)
_CLAUSES = re.compile(r"[，。；！？!?;,.\n\r、]+")


@dataclass(frozen=True)
class FeeRequest:
    field: str
    fee: str
    clause: str

    @property
    def reason(self) -> str:
        return f"疑似向求职者/加工方收取费用（{self.fee}）：「{self.clause[:40]}」"


def find_fee_requests(texts: dict[str, str]) -> list[FeeRequest]:
    hits: list[FeeRequest] = []
    for field_name, text in texts.items():
        for clause in _CLAUSES.split(text or ""):
            compact = re.sub(r"\s+", "", clause)
            fee = next((word for word in FEE_WORDS if word in compact), None)
            if fee is None or _DENIAL.search(compact):
                continue
            if fee in SELF_ASKING or _ASKING.search(compact):
                hits.append(FeeRequest(field=field_name, fee=fee, clause=clause.strip()))
    return hits


# Names only the platform itself may carry (normalised: no spaces or symbols, simplified, lower case).
IMPERSONATION_WORDS = (
    "厂贸通",
    "官方",
    "客服",
    "平台",
    "管理员",
    "管理组",
    "审核员",
    "系统消息",
    "系统通知",
    "administrator",
    "official",
)


def impersonation(name: str) -> str | None:
    """The platform word a name carries, or None."""
    folded = normalise_keyword(name or "")
    return next((word for word in IMPERSONATION_WORDS if normalise_keyword(word) in folded), None)
