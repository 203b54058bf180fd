"""系统设置 → 违禁词 in the console (R-OPS-1): import, export, enable / disable, the 测试文本 page."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accounts.roles import Role
from accounts.tests.factories import make_staff
from common.models import AuditEntry
from moderation.models import BannedKeyword, KeywordAction, KeywordCategory
from moderation.services import test_text
from moderation.tests.factories import make_keyword

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:moderation_bannedkeyword_changelist"
IMPORT = "admin:moderation_bannedkeyword_import_page"
TEST_TEXT = "admin:moderation_bannedkeyword_test_text_page"


@pytest.fixture
def admin_browser() -> Client:
    client = Client()
    client.force_login(make_staff(superuser=True))
    return client


def upload(name: str, content: bytes) -> io.BytesIO:
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_import_txt_adds_keywords_that_take_effect_R_OPS_1(admin_browser: Client) -> None:
    content = "# 注释行\n赌博\n刷单,送审标记,诈骗\n高利贷，拦截，诈骗\n\n 代 开 发 票 \n*-*\n".encode()
    response = admin_browser.post(
        reverse(IMPORT),
        {"file": upload("list.txt", content), "default_action": "block", "default_category": "illegal"},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "导入完成：新增 4 个" in page
    assert "第 7 行" in page  # the symbols-only line is reported, not silently dropped
    rows = {k.word: (k.action, k.category) for k in BannedKeyword.objects.all()}
    assert rows == {
        "赌博": ("block", "illegal"),
        "刷单": ("flag", "fraud"),
        "高利贷": ("block", "fraud"),
        "代 开 发 票": ("block", "illegal"),
    }
    assert test_text("网上賭博").is_blocked
    assert [h.word for h in test_text("兼职刷 单").flagged] == ["刷单"]
    assert AuditEntry.objects.filter(action="moderation.keywords_imported").count() == 1


def test_import_is_idempotent_and_updates_by_normalised_form_R_OPS_1(admin_browser: Client) -> None:
    make_keyword("賭博", action=KeywordAction.FLAG, category=KeywordCategory.OTHER)
    data = {"default_action": "block", "default_category": "illegal"}
    admin_browser.post(reverse(IMPORT), {"file": upload("a.txt", "赌博,拦截,违法违禁\n博彩\n".encode()), **data})
    admin_browser.post(reverse(IMPORT), {"file": upload("a.txt", "赌博,拦截,违法违禁\n博彩\n".encode()), **data})
    assert BannedKeyword.objects.count() == 2
    assert BannedKeyword.objects.get(normalised="赌博").action == "block"


def test_import_xlsx_with_header_R_OPS_1(admin_browser: Client) -> None:
    content = xlsx_bytes(
        [
            ["分类", "词", "动作", "备注"],
            ["违法违禁", "枪支", "拦截", "管制物品"],
            ["诈骗", "介绍费", "送审标记", ""],
            ["", "假证", "", ""],
            ["未知分类", "坏行", "拦截", ""],
        ]
    )
    response = admin_browser.post(
        reverse(IMPORT),
        {"file": upload("list.xlsx", content), "default_action": "flag", "default_category": "other"},
        follow=True,
    )
    page = response.content.decode()
    assert "新增 3 个" in page
    assert "分类「未知分类」无效" in page
    rows = {k.word: (k.action, k.category, k.note) for k in BannedKeyword.objects.all()}
    assert rows == {
        "枪支": ("block", "illegal", "管制物品"),
        "介绍费": ("flag", "fraud", ""),
        "假证": ("flag", "other", ""),
    }
    assert test_text("卖枪 支").is_blocked


def test_import_rejects_a_broken_file_R_OPS_1(admin_browser: Client) -> None:
    response = admin_browser.post(
        reverse(IMPORT),
        {"file": upload("list.xlsx", b"not a workbook"), "default_action": "block", "default_category": "other"},
    )
    assert response.status_code == 200
    assert "无法读取 Excel 文件" in response.content.decode()
    response = admin_browser.post(
        reverse(IMPORT),
        {"file": upload("list.doc", b"a,b"), "default_action": "block", "default_category": "other"},
    )
    assert "只支持 .txt、.csv 或 .xlsx 文件" in response.content.decode()
    assert BannedKeyword.objects.count() == 0


def test_export_xlsx_and_txt_round_trip_R_OPS_1(admin_browser: Client) -> None:
    make_keyword("赌博")
    make_keyword("押金", action=KeywordAction.FLAG, category=KeywordCategory.FRAUD, is_active=False)
    response = admin_browser.get(reverse("admin:moderation_bannedkeyword_export_xlsx"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["词", "动作", "分类", "启用", "匹配谐音", "备注"]
    assert ["押金", "送审标记", "诈骗", "否", "否", None] in values
    assert ["赌博", "拦截", "违法违禁", "是", "否", None] in values

    txt = admin_browser.get(reverse("admin:moderation_bannedkeyword_export_txt")).content.decode()
    assert "赌博,拦截,违法违禁,否" in txt and "押金,送审标记,诈骗,否" in txt

    # Re-importing the export changes nothing (and keeps the disabled keyword disabled).
    BannedKeyword.objects.all().delete()
    make_keyword("押金", action=KeywordAction.FLAG, category=KeywordCategory.FRAUD, is_active=False)
    admin_browser.post(
        reverse(IMPORT), {"file": upload("x.txt", txt.encode()), "default_action": "block", "default_category": "other"}
    )
    assert BannedKeyword.objects.count() == 2
    assert not BannedKeyword.objects.get(word="押金").is_active


def test_test_text_page_highlights_hits_R_OPS_1(admin_browser: Client) -> None:
    make_keyword("代开发票")
    make_keyword("押金", action=KeywordAction.FLAG, category=KeywordCategory.FRAUD)
    assert admin_browser.get(reverse(TEST_TEXT)).status_code == 200
    response = admin_browser.post(reverse(TEST_TEXT), {"text": "可代 开-发*票，收押金，电话 138 1234 5678 <b>"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "提交会被拦截" in page
    assert '<mark class="moderation-block" title="拦截：代开发票"' in page
    assert ">代 开-发*票</mark>" in page
    assert '<mark class="moderation-flag" title="送审：押金"' in page
    assert ">138 1234 5678</mark>" in page
    assert "&lt;b&gt;" in page and "<b>" not in page.split('id="moderation-highlight"')[1].split("</div>")[0]


def test_test_text_page_reports_clean_text_R_OPS_1(admin_browser: Client) -> None:
    response = admin_browser.post(reverse(TEST_TEXT), {"text": "保温杯 500 个"})
    assert "未发现问题" in response.content.decode()


def test_enable_disable_actions_take_effect_R_OPS_1(admin_browser: Client) -> None:
    keyword = make_keyword("赌博")
    assert test_text("赌博").is_blocked
    url = reverse(CHANGELIST)
    admin_browser.post(url, {"action": "disable_keywords", "_selected_action": [keyword.pk]})
    assert not test_text("赌博").is_blocked
    admin_browser.post(url, {"action": "enable_keywords", "_selected_action": [keyword.pk]})
    assert test_text("赌博").is_blocked
    assert (
        AuditEntry.objects.filter(action__in=["moderation.keywords_disabled", "moderation.keywords_enabled"]).count()
        == 2
    )


def test_add_form_refuses_duplicates_and_symbol_only_words_R_OPS_1(admin_browser: Client) -> None:
    make_keyword("赌博")
    url = reverse("admin:moderation_bannedkeyword_add")
    form = {"action": "block", "category": "illegal", "is_active": "on", "note": ""}
    response = admin_browser.post(url, {**form, "word": "賭 博"})
    assert "重复" in response.content.decode()
    response = admin_browser.post(url, {**form, "word": "*-*"})
    assert "不能只包含空格或符号" in response.content.decode()
    response = admin_browser.post(url, {**form, "word": "博彩"})
    assert response.status_code == 302
    created = BannedKeyword.objects.get(word="博彩")
    assert created.created_by is not None
    assert test_text("博 彩").is_blocked


def test_list_search_and_filter_R_OPS_1(admin_browser: Client) -> None:
    make_keyword("赌博")
    make_keyword("押金", action=KeywordAction.FLAG, category=KeywordCategory.FRAUD)
    url = reverse(CHANGELIST)
    page = admin_browser.get(url, {"action__exact": "flag"}).content.decode()
    assert "押金" in page and "赌博" not in page
    page = admin_browser.get(url, {"q": "赌"}).content.decode()
    assert "赌博" in page and "押金" not in page


def test_list_query_count_does_not_grow_with_rows_R_OPS_1(admin_browser: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for i in range(30):
        make_keyword(f"词{i}")
    with django_assert_max_num_queries(15):
        assert admin_browser.get(reverse(CHANGELIST)).status_code == 200


def test_reviewer_may_test_text_but_not_import_R_OPS_1() -> None:
    from accounts.roles import sync_roles

    sync_roles()
    client = Client()
    client.force_login(make_staff(groups=(Role.REVIEWER.value,)))
    assert client.post(reverse(TEST_TEXT), {"text": "赌博"}).status_code == 200
    assert client.get(reverse(IMPORT)).status_code == 403


def test_operator_marks_a_keyword_match_homophones_in_the_console_R_OPS_1(admin_browser: Client) -> None:
    """The add form has 匹配谐音; once ticked, pinyin and homophone spellings are caught too."""
    form = admin_browser.get(reverse("admin:moderation_bannedkeyword_add")).content.decode()
    assert 'name="match_homophones"' in form and "匹配谐音" in form
    response = admin_browser.post(
        reverse("admin:moderation_bannedkeyword_add"),
        {"word": "代开发票", "action": "block", "category": "illegal", "is_active": "on", "match_homophones": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert BannedKeyword.objects.get(word="代开发票").match_homophones is True
    assert test_text("dai kai fa piao").blocked_words == ["代开发票"]
    page = admin_browser.post(reverse(TEST_TEXT), {"text": "可代开发漂"}).content.decode()
    assert "拦截（谐音）" in page
    assert ">代开发漂</mark>" in page


EXPORTS = {
    "xlsx": "admin:moderation_bannedkeyword_export_xlsx",
    "csv": "admin:moderation_bannedkeyword_export_csv",
    "txt": "admin:moderation_bannedkeyword_export_txt",
}


@pytest.mark.parametrize("ext", ["xlsx", "csv", "txt"])
def test_match_homophones_survives_export_and_import_issue12(admin_browser: Client, ext: str) -> None:
    """Issue #12 item 4: the 匹配谐音 column is exported and imported back (xlsx, csv, txt), and the
    re-imported keyword still catches the pinyin spelling."""
    make_keyword("代开发票", match_homophones=True)
    make_keyword("赌博")
    exported = admin_browser.get(reverse(EXPORTS[ext]))
    assert exported.status_code == 200 and "attachment" in exported["Content-Disposition"]
    if ext == "csv":
        text = exported.content.decode("utf-8-sig")
        assert text.splitlines()[0] == "词,动作,分类,启用,匹配谐音,备注"
        assert "代开发票,拦截,违法违禁,是,是," in text and "赌博,拦截,违法违禁,是,否," in text

    BannedKeyword.objects.all().delete()
    make_keyword("赌博", match_homophones=True)  # an existing keyword takes the file's 否
    response = admin_browser.post(
        reverse(IMPORT),
        {"file": upload(f"x.{ext}", exported.content), "default_action": "block", "default_category": "other"},
    )
    assert response.status_code == 302
    flags = dict(BannedKeyword.objects.values_list("word", "match_homophones"))
    assert flags == {"代开发票": True, "赌博": False}
    assert test_text("可以 dai kai fa piao").blocked_words == ["代开发票"]


def test_csv_import_with_homophones_column_from_a_spreadsheet_issue12(admin_browser: Client) -> None:
    """Issue #12 item 4: a CSV saved by Excel in GB18030, columns in another order, 匹配谐音 read."""
    content = "匹配谐音,违禁词,处理方式\n是,套现,拦截\n否,刷单,送审标记\n".encode("gb18030")
    response = admin_browser.post(
        reverse(IMPORT), {"file": upload("k.csv", content), "default_action": "block", "default_category": "other"}
    )
    assert response.status_code == 302
    rows = {kw.word: (kw.action, kw.match_homophones) for kw in BannedKeyword.objects.all()}
    assert rows == {"套现": ("block", True), "刷单": ("flag", False)}
