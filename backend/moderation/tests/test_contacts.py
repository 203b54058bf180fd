"""Contact details typed into posts and chat (R-OPS-1; chat masks them until shared)."""

from __future__ import annotations

import random
import re

import pytest

from moderation import contacts
from moderation.contacts import find_contacts, mask_contacts


def kinds(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.matched_text) for hit in find_contacts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电话13812345678", [("phone", "13812345678")]),
        ("电话 1 3 8 1 2 3 4 5 6 7 8 谢谢", [("phone", "1 3 8 1 2 3 4 5 6 7 8")]),
        ("手机：138-1234-5678", [("phone", "138-1234-5678")]),
        ("手机：１３８－１２３４－５６７８", [("phone", "１３８－１２３４－５６７８")]),
        ("打一三八一二三四五六七八找我", [("phone", "一三八一二三四五六七八")]),
        ("壹叁捌壹贰叁肆伍陆柒捌", [("phone", "壹叁捌壹贰叁肆伍陆柒捌")]),
        ("1\u200b3\u200b8\u200b1234\u200b5678", [("phone", "1\u200b3\u200b8\u200b1234\u200b5678")]),
        ("+86 138 1234 5678", [("phone", "86 138 1234 5678")]),
        ("座机 0755-12345678", [("phone", "0755-12345678")]),
        ("北京 010 12345678", [("phone", "010 12345678")]),
        ("热线 400-800-1234", [("phone", "400-800-1234")]),
        ("两个号 13812345678 13987654321", [("phone", "13812345678"), ("phone", "13987654321")]),
    ],
)
def test_phone_numbers_detected_in_evasive_forms_R_OPS_1(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单号 2024138123456789",  # 11 phone-like digits inside a longer number
        "数量 100, 200, 300 件",
        "尺寸 13x80x12 厘米，单价 12.5 元",
        "2024-10-13 18:12:34 发货",
    ],
)
def test_ordinary_numbers_are_not_phones_R_OPS_1(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加我VX：abc_12345", [("wechat", "abc_12345")]),
        ("vx abc_12345", [("wechat", "abc_12345")]),
        ("微信号: wxid_888888", [("wechat", "wxid_888888")]),
        ("薇信 zhangsan88", [("wechat", "zhangsan88")]),
        ("加V：Factory_2024", [("wechat", "Factory_2024")]),
        ("ｗｘ：ｈｅｌｌｏ１２３", [("wechat", "ｈｅｌｌｏ１２３")]),
        ("微信 13812345678", [("wechat", "13812345678")]),
        ("QQ 123456789", [("qq", "123456789")]),
        ("扣扣：98765432", [("qq", "98765432")]),
        ("企鹅号 1234567", [("qq", "1234567")]),
    ],
)
def test_wechat_and_qq_ids_after_a_cue_R_OPS_1(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_wechat_cue_inside_a_word_is_not_a_cue_R_OPS_1() -> None:
    assert kinds("型号 abcwx123456 的配件") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("官网 https://example.com/shop?id=1，欢迎", [("url", "https://example.com/shop?id=1")]),
        ("访问 www.example.cn/abc。", [("url", "www.example.cn/abc")]),
        ("店铺 shop.1688.com 下单", [("url", "shop.1688.com")]),
        ("邮箱 Foo.Bar@Example.COM 联系", [("email", "Foo.Bar@Example.COM")]),
        ("邮箱 13812345678@qq.com", [("email", "13812345678@qq.com")]),
    ],
)
def test_urls_and_emails_R_OPS_1(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_hits_carry_spans_of_the_original_text_R_OPS_1() -> None:
    text = "联系：1 3 8 1 2 3 4 5 6 7 8，或加VX abc_12345"
    for hit in find_contacts(text):
        assert text[hit.start : hit.end] == hit.matched_text
    assert [h.kind for h in find_contacts(text)] == ["phone", "wechat"]


def test_mask_contacts_hides_every_contact_R_OPS_1() -> None:
    text = "电话 1 3 8 1 2 3 4 5 6 7 8，微信 abc_12345，QQ 987654321，邮箱 boss@factory.cn，网站 www.factory.cn"
    masked = mask_contacts(text)
    assert masked == "电话 138****5678，微信 ab****，QQ 98****，邮箱 b***@factory.cn，网站 [链接已隐藏]"
    assert find_contacts(masked) == []  # nothing left to recover a contact from


def test_mask_contacts_leaves_text_without_contacts_alone_R_OPS_1() -> None:
    text = "保温杯 500 个，交期 15 天，单价 12.5 元"
    assert mask_contacts(text) == text


def _folded_samples() -> list[str]:
    rng = random.Random(17)
    pieces = ["微", "信", "芯", "x", "v", "w", "q", "Q", "加", "我", "薇", "威", "卫", "维", "徽", "绿泡泡", "扣", "抠"]
    pieces += ["企鹅", "球", "秋", "+", " ", ":", "-", "号", "是", "abc123", "abcdef7", "1", "38", "12345678", "一"]
    pieces += ["再加", "然后", "接着", "后面是", "工", "厂", "。", "__", "😀", "\u200b"]
    return [contacts._fold("".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))) for _ in range(4000)]


def test_every_place_a_cue_matches_is_tried_R_OPS_1() -> None:
    """The cue scan tries the places where a cue may start (by its first character); no place where a
    WeChat or QQ cue with its ID matches is ever passed over."""
    for folded in _folded_samples():
        starts = {match.start() for match in contacts._CUE_START_RE.finditer(folded)}
        for position in range(len(folded)):
            if contacts._WECHAT_RE.match(folded, position) or contacts._QQ_RE.match(folded, position):
                assert position in starts, (folded, position)


def test_digit_runs_are_those_of_the_plain_expression_R_OPS_1() -> None:
    """The run expression's look-ahead on its first digit only skips places where no run can start."""
    plain = re.compile(contacts._RUN_RE.pattern.replace(contacts._DIGIT_CLASS, "[0-9]"))
    for folded in _folded_samples():
        assert [m.span() for m in contacts._ASCII_RUN_RE.finditer(folded)] == [m.span() for m in plain.finditer(folded)]
