"""Builders for moderation tests: real keyword rows, saved the way the console saves them."""

from __future__ import annotations

from moderation.models import BannedKeyword, KeywordAction, KeywordCategory


def make_keyword(
    word: str,
    *,
    action: str = KeywordAction.BLOCK,
    category: str = KeywordCategory.ILLEGAL,
    is_active: bool = True,
    note: str = "",
    match_homophones: bool = False,
) -> BannedKeyword:
    return BannedKeyword.objects.create(
        word=word,
        action=action,
        category=category,
        is_active=is_active,
        note=note,
        match_homophones=match_homophones,
    )
