"""The starter keyword list (R-OPS-1): loads once, blocks and flags what it should."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from moderation.demo import DEFAULT_KEYWORDS, load_default_keywords
from moderation.models import BannedKeyword
from moderation.services import test_text

pytestmark = pytest.mark.django_db


def test_default_keywords_load_idempotently_R_OPS_1() -> None:
    assert load_default_keywords() == len(DEFAULT_KEYWORDS)
    assert load_default_keywords() == 0
    out = io.StringIO()
    call_command("load_default_keywords", stdout=out)
    assert "已添加 0 个违禁词" in out.getvalue()
    assert BannedKeyword.objects.count() == len(DEFAULT_KEYWORDS)


def test_default_keywords_keep_operator_changes_R_OPS_1() -> None:
    load_default_keywords()
    BannedKeyword.objects.filter(word="押金").update(is_active=False)
    load_default_keywords()
    assert not BannedKeyword.objects.get(word="押金").is_active


def test_default_keywords_block_fraud_and_flag_labour_fees_R_OPS_1() -> None:
    load_default_keywords()
    result = test_text("高薪招工，先交介绍费和押金；另代开發票、网上賭博，加 微 信详谈")
    assert {h.word for h in result.blocked} == {"代开发票", "赌博"}
    assert {h.word for h in result.flagged} == {"介绍费", "押金", "加微信"}
