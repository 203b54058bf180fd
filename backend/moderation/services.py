"""Content checks other apps call (R-FLOW-2, R-OPS-1), and the writes that change the keyword list.

The contract: :func:`check_content`, :func:`ensure_not_blocked`, :func:`test_text` and the result types
:class:`KeywordHit`, :class:`ContactHit`, :class:`ModerationResult`.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from common import audit
from common.errors import AppError
from moderation import engine, readings
from moderation.contacts import find_contacts
from moderation.models import BannedKeyword, KeywordAction, KeywordCategory, KeywordListVersion
from moderation.normalise import normalise_keyword
from wechat.client import WeChatError, get_client

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

# msgSecCheck takes at most 2500 characters of text per call.
WECHAT_CHUNK_CHARS = 2500


@dataclass(frozen=True)
class KeywordHit:
    word: str
    action: str
    category: str
    field: str
    start: int
    end: int
    matched_text: str
    via: str = "exact"  # exact / gap / leet / homophone: how the keyword was written (engine.KeywordMatch.via)


@dataclass(frozen=True)
class ContactHit:
    kind: str  # phone / wechat / qq / url / email
    field: str
    start: int
    end: int
    matched_text: str


@dataclass(frozen=True)
class ModerationResult:
    blocked: list[KeywordHit] = field(default_factory=list)
    flagged: list[KeywordHit] = field(default_factory=list)
    contacts: list[ContactHit] = field(default_factory=list)
    wechat_risky: bool = False
    wechat_trace_ids: list[str] = field(default_factory=list)

    @property
    def is_blocked(self) -> bool:
        return bool(self.blocked)

    @property
    def needs_attention(self) -> bool:
        return bool(self.flagged or self.contacts or self.wechat_risky)

    @property
    def blocked_words(self) -> list[str]:
        return list(dict.fromkeys(hit.word for hit in self.blocked))

    @property
    def flagged_words(self) -> list[str]:
        return list(dict.fromkeys(hit.word for hit in self.flagged))

    def as_detail(self) -> dict[str, Any]:
        return {
            "blocked": [asdict(hit) for hit in self.blocked],
            "flagged": [asdict(hit) for hit in self.flagged],
            "contacts": [asdict(hit) for hit in self.contacts],
            "wechat_risky": self.wechat_risky,
        }


def _wechat_verdict(texts: Iterable[str], openid: str, scene: int = 1) -> tuple[bool, list[str]]:
    """WeChat's own text check. An outage must not stop users publishing: our review still runs."""
    joined = "\n".join(t for t in texts if t.strip())
    risky = False
    trace_ids: list[str] = []
    client = get_client()
    for offset in range(0, len(joined), WECHAT_CHUNK_CHARS):
        try:
            verdict = client.check_text(
                content=joined[offset : offset + WECHAT_CHUNK_CHARS], openid=openid, scene=scene
            )
        except WeChatError as exc:
            logger.warning(
                "moderation: WeChat msgSecCheck unavailable (errcode %s), continuing without it", exc.errcode
            )
            break
        risky = risky or verdict.is_risky
        if verdict.trace_id:
            trace_ids.append(verdict.trace_id)
    return risky, trace_ids


def check_content(
    *, texts: dict[str, str], author: User | None = None, use_wechat: bool = True, scene: int = 1
) -> ModerationResult:
    """Checks every field of a submission: banned keywords, contact details, and WeChat's verdict
    (msgSecCheck v2 with ``scene``: 1 资料, 2 评论, 3 论坛, 4 社交日志)."""
    matcher = engine.get_matcher()
    blocked: list[KeywordHit] = []
    flagged: list[KeywordHit] = []
    contacts: list[ContactHit] = []
    for field_name, text in texts.items():
        if not text:
            continue
        text_readings = readings.read(text)  # one pass for the keyword and the contact check
        for match in matcher.find_normalised(text_readings):
            hit = KeywordHit(
                word=match.word,
                action=match.action,
                category=match.category,
                field=field_name,
                start=match.start,
                end=match.end,
                matched_text=match.matched_text,
                via=match.via,
            )
            (blocked if match.action == KeywordAction.BLOCK else flagged).append(hit)
        contacts.extend(
            ContactHit(kind=c.kind, field=field_name, start=c.start, end=c.end, matched_text=c.matched_text)
            for c in find_contacts(text, folded=text_readings.contact_fold)
        )

    wechat_risky = False
    trace_ids: list[str] = []
    openid = getattr(author, "wechat_openid", None) if author is not None else None
    if use_wechat and openid:
        wechat_risky, trace_ids = _wechat_verdict(texts.values(), openid, scene)

    return ModerationResult(
        blocked=blocked, flagged=flagged, contacts=contacts, wechat_risky=wechat_risky, wechat_trace_ids=trace_ids
    )


def ensure_not_blocked(
    *, texts: dict[str, str], author: User | None = None, use_wechat: bool = True
) -> ModerationResult:
    """Refuses a submission holding a blocking keyword, naming the words; otherwise returns the result
    so the caller can send flagged content to review."""
    result = check_content(texts=texts, author=author, use_wechat=use_wechat)
    if result.is_blocked:
        words = "、".join(result.blocked_words)
        raise AppError(
            "content_blocked", f"内容包含违禁词：{words}，请修改后再提交", detail=result.as_detail(), status=422
        )
    return result


def test_text(text: str) -> ModerationResult:
    """The console's "测试文本" box: our own checks only, no WeChat call."""
    return check_content(texts={"text": text}, use_wechat=False)


# The name is part of the contract; tell pytest it is not a test when a test module imports it.
test_text.__test__ = False  # type: ignore[attr-defined]


# --- changes to the keyword list -------------------------------------------------------------------


def bump_keyword_version() -> None:
    """Every change of the list goes through here so every process rebuilds its automaton."""
    token = uuid.uuid4().hex
    updated = KeywordListVersion.objects.filter(pk=1).update(counter=F("counter") + 1, token=token)
    if not updated:
        KeywordListVersion.objects.update_or_create(pk=1, defaults={"counter": 1, "token": token})
    engine.mark_changed()
    transaction.on_commit(engine.mark_committed)


@dataclass(frozen=True)
class KeywordRow:
    """One keyword read from an import file; ``action``/``category`` may be blank (defaults apply)."""

    line: int
    word: str
    action: str = ""
    category: str = ""
    note: str = ""
    is_active: bool | None = None
    match_homophones: bool | None = None  # None: the file has no 匹配谐音 column (keep what is set)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _choice(value: str, choices: type[KeywordAction] | type[KeywordCategory], aliases: dict[str, str]) -> str | None:
    value = value.strip()
    if not value:
        return None
    lowered = value.lower()
    for member in choices:
        if lowered == member.value or value == member.label:
            return str(member.value)
    return aliases.get(lowered)


_ACTION_ALIASES = {"拦截": "block", "屏蔽": "block", "禁止": "block", "送审": "flag", "标记": "flag", "审核": "flag"}
_CATEGORY_ALIASES = {"违法": "illegal", "违禁": "illegal", "色情": "vulgar", "低俗": "vulgar", "广告": "advertising"}


@transaction.atomic
def import_keywords(
    *,
    rows: Iterable[KeywordRow],
    actor: User | None,
    default_action: str = KeywordAction.BLOCK,
    default_category: str = KeywordCategory.OTHER,
) -> ImportReport:
    """Adds or updates keywords by their normalised form; importing the same file twice changes nothing."""
    report = ImportReport()
    wanted: dict[str, tuple[KeywordRow, str, str]] = {}
    for row in rows:
        word = row.word.strip()
        if not word:
            continue
        normalised = normalise_keyword(word)
        if not normalised:
            report.errors.append(f"第 {row.line} 行：「{word}」只包含空格或符号，已跳过")
            continue
        if len(word) > 64:
            report.errors.append(f"第 {row.line} 行：「{word[:20]}…」超过 64 个字符，已跳过")
            continue
        action = _choice(row.action, KeywordAction, _ACTION_ALIASES) if row.action.strip() else default_action
        category = (
            _choice(row.category, KeywordCategory, _CATEGORY_ALIASES) if row.category.strip() else default_category
        )
        if action is None:
            report.errors.append(f"第 {row.line} 行：处理方式「{row.action}」无效（应为 拦截 或 送审标记）")
            continue
        if category is None:
            report.errors.append(f"第 {row.line} 行：分类「{row.category}」无效")
            continue
        wanted[normalised] = (row, action, category)

    existing = {kw.normalised: kw for kw in BannedKeyword.objects.filter(normalised__in=list(wanted))}
    to_create: list[BannedKeyword] = []
    to_update: list[BannedKeyword] = []
    for normalised, (row, action, category) in wanted.items():
        keyword = existing.get(normalised)
        if keyword is None:
            to_create.append(
                BannedKeyword(
                    word=row.word.strip(),
                    normalised=normalised,
                    action=action,
                    category=category,
                    is_active=True if row.is_active is None else row.is_active,
                    match_homophones=bool(row.match_homophones),
                    note=row.note[:200],
                    created_by=actor if getattr(actor, "pk", None) else None,
                )
            )
            continue
        changes: dict[str, Any] = {"action": action, "category": category}
        # A file without an 启用 column (every .txt) leaves a disabled keyword disabled.
        if row.is_active is not None:
            changes["is_active"] = row.is_active
        if row.match_homophones is not None:
            changes["match_homophones"] = row.match_homophones
        if row.note:
            changes["note"] = row.note[:200]
        if all(getattr(keyword, name) == value for name, value in changes.items()):
            report.unchanged += 1
            continue
        for name, value in changes.items():
            setattr(keyword, name, value)
        keyword.updated_at = timezone.now()  # bulk_update does not apply auto_now
        to_update.append(keyword)

    BannedKeyword.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        BannedKeyword.objects.bulk_update(
            to_update, ["action", "category", "is_active", "match_homophones", "note", "updated_at"], batch_size=500
        )
    report.created, report.updated = len(to_create), len(to_update)
    if to_create or to_update:
        bump_keyword_version()
        audit.record(
            actor=actor,
            action="moderation.keywords_imported",
            data={"created": report.created, "updated": report.updated, "errors": len(report.errors)},
        )
    return report


@transaction.atomic
def set_keywords_active(*, keyword_ids: Iterable[int], active: bool, actor: User | None) -> int:
    ids = list(keyword_ids)
    changed = BannedKeyword.objects.filter(pk__in=ids).exclude(is_active=active).update(is_active=active)
    if changed:
        bump_keyword_version()
        audit.record(
            actor=actor,
            action="moderation.keywords_enabled" if active else "moderation.keywords_disabled",
            data={"keyword_ids": ids[:500], "count": changed},
        )
    return changed


@transaction.atomic
def save_keyword(*, keyword: BannedKeyword, actor: User | None, created: bool) -> BannedKeyword:
    """The console's add / edit form. The save signal bumps the version."""
    if created and getattr(actor, "pk", None):
        keyword.created_by = actor
    keyword.save()
    audit.record(
        actor=actor,
        action="moderation.keyword_created" if created else "moderation.keyword_changed",
        target=keyword,
        data={
            "action": keyword.action,
            "category": keyword.category,
            "is_active": keyword.is_active,
            "match_homophones": keyword.match_homophones,
        },
    )
    return keyword


@transaction.atomic
def delete_keywords(*, keywords: Iterable[BannedKeyword], actor: User | None) -> int:
    items = list(keywords)
    for keyword in items:
        audit.record(actor=actor, action="moderation.keyword_deleted", target=keyword, data={"word": keyword.word})
    BannedKeyword.objects.filter(pk__in=[k.pk for k in items]).delete()
    bump_keyword_version()
    return len(items)
