"""Personal-data registry (R-PLUS-5, PIPL 第四十五条/第四十七条): export and account cancellation (注销).

Every model that holds data about a user is registered here, from its own app (a ``personal_data.py``
module connected in the app's ``AppConfig.ready``), so accounts never imports the other domains:

- an exporter (the section of the user's archive it fills, under a Chinese heading) and an eraser
  (what is deleted or anonymised on 注销), or
- a documented ``Retention`` rule: why the law or the other party needs the record, for how long, and
  what is anonymised meanwhile. A kept model may still export and anonymise (job applications do), or
- ``part_of`` another registered model: exported and erased with it (a post's revisions, a
  connection's progress events).

``accounts.tests.test_personal_data`` walks every installed model: one with a relation to the user
model or an encrypted field that is not registered fails the suite, naming the model.
Erasers run in reverse registration order — the highest layer first — so records that point at
files or posts are anonymised before the uploads eraser deletes the files nobody keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.admin.models import LogEntry
from django.db import models

from accounts.models import AccountStatusChange, ActiveDay, AuthToken, DataExport, SmsCode, User
from common.models import AuditEntry

Exporter = Callable[[User], Any]
Eraser = Callable[[User], None]
# Ids of the user's uploaded files a kept record still needs (complaint evidence), so erasure spares them.
KeptFiles = Callable[[User], Iterable[Any]]
# The user's own files for the archive: (path inside the archive, bytes).
ArchiveFiles = Callable[[User], Iterable[tuple[str, bytes]]]

# The order of the archive's sections (people read it top to bottom); unknown sections follow.
SECTION_ORDER = (
    "账号",
    "账号状态记录",
    "工厂资料",
    "发布的信息",
    "资质",
    "求职意向",
    "收藏",
    "浏览记录",
    "对接记录",
    "聊天",
    "屏蔽",
    "报名",
    "投诉",
    "反馈",
    "通知",
    "上传的文件",
)


@dataclass(frozen=True)
class Retention:
    """Why a record outlives 注销, for how long, and what is removed from it meanwhile."""

    reason: str
    period: str
    anonymised: str


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    section: str = ""
    exporter: Exporter | None = None
    eraser: Eraser | None = None
    retention: Retention | None = None
    part_of: str = ""
    kept_files: KeptFiles | None = None
    files: ArchiveFiles | None = None


_registry: dict[str, Registration] = {}


def register(
    model: type[models.Model],
    *,
    section: str = "",
    exporter: Exporter | None = None,
    eraser: Eraser | None = None,
    retention: Retention | None = None,
    part_of: str = "",
    kept_files: KeptFiles | None = None,
    files: ArchiveFiles | None = None,
) -> None:
    """Declares how ``model``'s personal data is exported and erased (see the module docstring)."""
    if bool(section) != bool(exporter):
        raise ValueError(f"{model._meta.label}: an exporter needs a section heading and vice versa")
    if not ((exporter and eraser) or retention or part_of):
        raise ValueError(f"{model._meta.label}: register an exporter and an eraser, a retention rule, or part_of")
    _registry[model._meta.label] = Registration(
        model=model,
        section=section,
        exporter=exporter,
        eraser=eraser,
        retention=retention,
        part_of=part_of,
        kept_files=kept_files,
        files=files,
    )


def registrations() -> dict[str, Registration]:
    return dict(_registry)


def is_registered(model: type[models.Model]) -> bool:
    return model._meta.label in _registry


def exporters() -> list[tuple[str, Exporter]]:
    """(section, exporter) in reading order."""
    found = [(r.section, r.exporter) for r in _registry.values() if r.exporter]
    rank = {name: i for i, name in enumerate(SECTION_ORDER)}
    found.sort(key=lambda pair: rank.get(pair[0], len(rank)))
    return found


def erasers() -> list[Eraser]:
    """Highest layer first (reverse of the apps' ready order)."""
    return [r.eraser for r in reversed(_registry.values()) if r.eraser]


def kept_file_ids(user: User) -> set[Any]:
    """Files of ``user`` a kept record needs; the uploads eraser spares them."""
    kept: set[Any] = set()
    for registration in _registry.values():
        if registration.kept_files:
            kept.update(registration.kept_files(user))
    return kept


def archive_files(user: User) -> list[tuple[str, bytes]]:
    return [item for r in _registry.values() if r.files for item in r.files(user)]


def retention_rules() -> list[Registration]:
    """For the privacy policy and the archive's 说明.txt."""
    return [r for r in _registry.values() if r.retention]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _export_account(user: User) -> dict[str, Any]:
    return {
        "编号": user.pk,
        "昵称": user.display_name,
        "企业名称": user.organisation_name,
        "认证企业名称": user.verified_name,
        "账号类型": user.get_account_type_display() if user.account_type else "",
        "手机号": user.phone,
        "已绑定微信": bool(user.wechat_openid),
        "头像": user.avatar_url,
        "账号状态": user.get_status_display(),
        "注册时间": _iso(user.date_joined),
        "最近活跃": _iso(user.last_active_at),
        "同意隐私政策时间": _iso(user.privacy_consented_at),
    }


def _erase_account(user: User) -> None:
    """The row stays (anonymised) so the other party's conversations and the audit trail keep their shape.
    Sign-in codes sent to the phone (stored as a keyed hash) go too."""
    if user.phone_index:
        SmsCode.objects.filter(phone_index=user.phone_index).delete()
    user.phone = ""
    user.phone_index = None
    user.wechat_openid = None
    user.wechat_unionid = ""
    user.avatar_url = ""
    user.display_name = "已注销用户"
    user.organisation_name = ""
    user.verified_name = ""
    user.status_reason = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


def _export_status_history(user: User) -> list[dict[str, Any]]:
    return [
        {
            "原状态": c.get_from_status_display(),
            "新状态": c.get_to_status_display(),
            "原因": c.reason,
            "截止时间": _iso(c.until),
            "时间": _iso(c.created_at),
        }
        for c in user.status_changes.all()
    ]


def _erase_tokens(user: User) -> None:
    user.auth_tokens.all().delete()


def _erase_exports(user: User) -> None:
    user.data_exports.all().delete()


def register_account_models() -> None:
    """accounts' own models, and the lower layers' models that cannot import this registry (common,
    django.contrib.admin)."""
    register(User, section="账号", exporter=_export_account, eraser=_erase_account)
    register(
        AccountStatusChange,
        section="账号状态记录",
        exporter=_export_status_history,
        retention=Retention(
            reason="处置违规的记录（限制发布、禁用）是平台履行信息内容管理义务的依据",
            period="自处置之日起 3 年",
            anonymised="账号本身匿名化；记录只含状态、原因和时间",
        ),
    )
    # Tokens are stored as hashes only: nothing a person would read; deleted on 注销.
    register(AuthToken, eraser=_erase_tokens, part_of="accounts.User")
    # Archives the user asked for are copies of the data above, deleted on 注销 (and after a few days).
    register(DataExport, eraser=_erase_exports, part_of="accounts.User")
    register(
        ActiveDay,
        retention=Retention(
            reason="活跃用户统计（运营数据看板）",
            period="3 年",
            anonymised="只含账号编号、日期和账号类型，账号本身已匿名化",
        ),
    )
    register(
        AuditEntry,
        retention=Retention(
            reason="操作日志（《网络安全法》第二十一条：留存网络日志不少于六个月）",
            period="3 年",
            anonymised="日志只记录对象类型和编号，从不记录手机号、姓名等个人信息",
        ),
    )
    register(
        LogEntry,
        retention=Retention(
            reason="运营后台的操作记录（只涉及运营人员账号）",
            period="3 年",
            anonymised="只含对象编号和后台显示的名称",
        ),
    )
