"""Human review of the queue: approve, reject, batches, an operator's take-down, the result notices and
WeChat's image-check verdicts (R-FLOW-2, R-ADM-1, R-OPS-2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from common import audit
from common.console_permissions import ConsolePermission, require_console_permission
from common.errors import Conflict, NotFound, PermissionDenied, field_error
from listings import kinds
from listings.models import (
    Decision,
    Post,
    PostRevision,
    PostStatus,
    ReasonCategory,
    RejectReasonTemplate,
    ReviewDecision,
    RevisionStatus,
)
from listings.services.content import _check_references, _parse, _write
from listings.services.lifecycle import _withdraw_pending_edit
from listings.signals import post_approved
from notifications.models import NotificationKind
from notifications.services import notify
from verification.workdays import review_due_at


@transaction.atomic
def on_risky_image(target_id: str, check: Any) -> None:
    """WeChat judged an image risky: flag the post for reviewers; a live post leaves the boards until a
    reviewer looks again."""
    post = Post.objects.select_for_update().filter(pk=int(target_id)).first()
    if post is None:
        return
    moderation = dict(post.moderation or {})
    moderation["wechat_media"] = [
        *moderation.get("wechat_media", []),
        {"file": str(check.file_id), "label": check.label},
    ]
    post.moderation = moderation
    post.is_flagged = True
    if post.status == PostStatus.PUBLISHED:
        now = timezone.now()
        post.status = PostStatus.PENDING
        post.submitted_at = now
        post.review_due_at = review_due_at(now)
    post.save(update_fields=["moderation", "is_flagged", "status", "submitted_at", "review_due_at"])
    audit.record(actor=None, action="listings.post.image_flagged", target=post, data={"trace_id": check.trace_id})


# --- Human review (R-FLOW-2, R-ADM-1) -------------------------------------------------------------


# Who may take a post down as the platform: a reviewer, or a support operator applying a complaint outcome.
TAKE_DOWN_PERMISSIONS = (ConsolePermission.REVIEW_POSTS, ConsolePermission.HANDLE_COMPLAINTS)


def _locked_review_item(post_id: int, revision_id: int | None) -> tuple[Post, PostRevision | None]:
    """The post (locked) and the edit under review, or Conflict when nothing awaits review any more,
    so of two reviewers acting at once, the second is told someone else decided."""
    post = Post.objects.select_for_update(of=("self",)).select_related("owner").filter(pk=post_id).first()
    if post is None:
        raise NotFound("信息不存在")
    if post.status == PostStatus.PENDING and revision_id is None:
        return post, None
    if post.pending_revision_id and (revision_id is None or revision_id == post.pending_revision_id):
        revision = PostRevision.objects.select_for_update().get(pk=post.pending_revision_id)
        if revision.status == RevisionStatus.PENDING:
            return post, revision
    raise Conflict(
        "already_reviewed",
        "该信息已被其他审核员处理或已被发布者撤回",
        detail={"post_id": post.pk, "status": post.status},
    )


def _notify_result(post: Post, *, approved: bool, reason: str, is_edit: bool, is_appeal: bool = False) -> None:
    what = "修改" if is_edit else "发布的信息"
    if is_appeal and is_edit:
        title = "您的申诉已通过" if approved else "您的申诉未通过"
        body = (
            f"「{post.title}」的修改经其他审核员复审已通过，修改后的内容已生效。"
            if approved
            else f"「{post.title}」的修改经其他审核员复审仍未通过，原因：{reason}。原内容仍在展示。"
        )
    elif is_appeal:
        title = "您的申诉已通过" if approved else "您的申诉未通过"
        body = (
            f"「{post.title}」经其他审核员复审已通过，现已展示。"
            if approved
            else f"「{post.title}」经其他审核员复审仍未通过，原因：{reason}。修改后可重新提交。"
        )
    elif approved:
        title = f"您{what}已通过审核"
        body = f"「{post.title}」已通过审核" + ("，修改后的内容已生效。" if is_edit else "，现已展示。")
    else:
        title = f"您{what}未通过审核"
        body = f"「{post.title}」未通过审核，原因：{reason}" + (
            "。原内容仍在展示。" if is_edit else "。修改后可重新提交。"
        )
    notify(
        recipient=post.owner,
        kind=NotificationKind.REVIEW_RESULT,
        title=title,
        body=body,
        link=f"/pages/posts/detail?id={post.pk}",
        target=post,
        wechat_purpose="review_result",
        wechat_data={
            "thing1": post.title[:20],
            "phrase2": "审核通过" if approved else "未通过",
            "thing3": (reason or "信息已展示")[:20],
        },
    )


def is_open_appeal(post: Post) -> bool:
    """The pending item is an appeal of its rejection that no one has decided yet (issue #14 item 7)."""
    return bool(
        post.appealed_at
        and post.status == PostStatus.PENDING
        and (post.reviewed_at is None or post.reviewed_at < post.appealed_at)
    )


def _refuse_own_appeal(reviewer: User, post: Post, revision: PostRevision | None) -> bool:
    """An appeal goes to a reviewer other than the one who rejected; answers whether this is an appeal."""
    if revision is not None:
        if revision.appealed_at is None:
            return False
        excluded = revision.appeal_excluded_reviewer_id
    elif is_open_appeal(post):
        excluded = post.appeal_excluded_reviewer_id
    else:
        return False
    if excluded == reviewer.pk:
        raise PermissionDenied(
            "申诉须由其他审核员复审，您是驳回该信息的审核员", code="appeal_same_reviewer", detail={"post_id": post.pk}
        )
    return True


def _queued_at(post: Post, revision: PostRevision | None) -> Any:
    return revision.submitted_at if revision is not None else post.submitted_at


def _approve_locked(*, reviewer: User, post: Post, revision: PostRevision | None) -> None:
    is_appeal = _refuse_own_appeal(reviewer, post, revision)
    submitted_at = _queued_at(post, revision)
    now = timezone.now()
    today = timezone.localdate()
    if revision is not None:
        typed = _parse(post.kind, revision.data)
        values = typed.model_dump(exclude={"kind"})
        resolved = _check_references(user=post.owner, kind=post.kind, values=values, current=None)
        _write(post, values=values, resolved=resolved)
        revision.status = RevisionStatus.APPROVED
        revision.reviewed_at = now
        revision.save(update_fields=["status", "reviewed_at"])
        post.pending_revision = None
        post.is_flagged = revision.is_flagged
        post.moderation = revision.moderation
    else:
        post.status = PostStatus.PUBLISHED
        post.published_at = post.published_at or now
        post.refreshed_at = now
        if post.valid_until is None or post.valid_until < today:
            post.valid_until = today + timedelta(days=kinds.DEFAULT_VALID_DAYS)
    post.reviewed_at = now
    post.last_approved_at = now
    post.reject_reason = ""
    post.save()
    ReviewDecision.objects.create(
        post=post,
        revision=revision,
        reviewer=reviewer,
        decision=Decision.APPROVED,
        owner_id=post.owner_id,
        submitted_at=submitted_at,
        is_appeal=is_appeal,
    )
    audit.record(
        actor=reviewer,
        action="listings.post.approve",
        target=post,
        data={"kind": post.kind, "revision_id": revision.pk if revision else None},
    )
    _notify_result(post, approved=True, reason="", is_edit=revision is not None, is_appeal=is_appeal)
    # Two-way matching (R-PLUS-1): matching hears of it and notifies the best-fitting counterparts.
    post_approved.send(sender=Post, post=post)


def _reject_locked(
    *,
    reviewer: User,
    post: Post,
    revision: PostRevision | None,
    reason: str,
    template: RejectReasonTemplate | None,
    category: str,
) -> None:
    is_appeal = _refuse_own_appeal(reviewer, post, revision)
    submitted_at = _queued_at(post, revision)
    now = timezone.now()
    if revision is not None:
        revision.status = RevisionStatus.REJECTED
        revision.reviewed_at = now
        revision.reason = reason
        revision.save(update_fields=["status", "reviewed_at", "reason"])
        post.pending_revision = None
    else:
        post.status = PostStatus.REJECTED
        post.reject_reason = reason
    post.reviewed_at = now
    post.save()
    ReviewDecision.objects.create(
        post=post,
        revision=revision,
        reviewer=reviewer,
        decision=Decision.REJECTED,
        reason=reason,
        template=template,
        category=category,
        owner_id=post.owner_id,
        submitted_at=submitted_at,
        is_appeal=is_appeal,
    )
    audit.record(
        actor=reviewer,
        action="listings.post.reject",
        target=post,
        reason=reason,
        data={"kind": post.kind, "revision_id": revision.pk if revision else None, "category": category},
    )
    _notify_result(post, approved=False, reason=reason, is_edit=revision is not None, is_appeal=is_appeal)


def _reject_reason(
    reason: str, template_id: int | None, category: str | None
) -> tuple[str, RejectReasonTemplate | None, str]:
    template = None
    if template_id is not None:
        template = RejectReasonTemplate.objects.filter(pk=template_id, is_active=True).first()
        if template is None:
            raise field_error("template_id", "invalid_choice", "驳回原因模板不存在或已停用")
    reason = (reason or "").strip()
    full = "；".join(part for part in (template.text if template else "", reason) if part)
    if not full:
        raise field_error("reason", "required", "驳回必须填写原因（可选择原因模板或直接填写）")
    if category is not None and category not in ReasonCategory.values:
        raise field_error("category", "invalid_choice", "违规类别无效")
    chosen = category or (template.category if template else ReasonCategory.OTHER)
    return full[:1000], template, chosen


@transaction.atomic
def approve(*, reviewer: User, post_id: int, revision_id: int | None = None) -> Post:
    """Publishes a pending post, or applies a pending edit of a published one."""
    require_console_permission(reviewer, ConsolePermission.REVIEW_POSTS)
    post, revision = _locked_review_item(post_id, revision_id)
    _approve_locked(reviewer=reviewer, post=post, revision=revision)
    return post


@transaction.atomic
def reject(
    *,
    reviewer: User,
    post_id: int,
    reason: str = "",
    template_id: int | None = None,
    category: str | None = None,
    revision_id: int | None = None,
) -> Post:
    """Rejects with a reason (a template, free text, or both), which the owner is told (R-ADM-1)."""
    require_console_permission(reviewer, ConsolePermission.REVIEW_POSTS)
    full, template, chosen = _reject_reason(reason, template_id, category)
    post, revision = _locked_review_item(post_id, revision_id)
    _reject_locked(reviewer=reviewer, post=post, revision=revision, reason=full, template=template, category=chosen)
    return post


@dataclass
class BatchResult:
    done: list[int] = field(default_factory=list)
    conflicts: list[int] = field(default_factory=list)


def batch_approve(*, reviewer: User, post_ids: list[int]) -> BatchResult:
    """Each post is decided on its own; ones another reviewer already decided are reported, not redone."""
    require_console_permission(reviewer, ConsolePermission.REVIEW_POSTS)
    result = BatchResult()
    for post_id in dict.fromkeys(post_ids):
        try:
            approve(reviewer=reviewer, post_id=post_id)
        except (Conflict, NotFound):
            result.conflicts.append(post_id)
        except PermissionDenied as exc:
            if exc.code != "appeal_same_reviewer":
                raise
            result.conflicts.append(post_id)
        else:
            result.done.append(post_id)
    return result


def batch_reject(
    *,
    reviewer: User,
    post_ids: list[int],
    reason: str = "",
    template_id: int | None = None,
    category: str | None = None,
) -> BatchResult:
    require_console_permission(reviewer, ConsolePermission.REVIEW_POSTS)
    _reject_reason(reason, template_id, category)  # refuse a missing reason before touching any post
    result = BatchResult()
    for post_id in dict.fromkeys(post_ids):
        try:
            reject(reviewer=reviewer, post_id=post_id, reason=reason, template_id=template_id, category=category)
        except (Conflict, NotFound):
            result.conflicts.append(post_id)
        except PermissionDenied as exc:
            if exc.code != "appeal_same_reviewer":
                raise
            result.conflicts.append(post_id)
        else:
            result.done.append(post_id)
    return result


# --- Operators' own maintenance ------------------------------------------------------------------


@transaction.atomic
def take_down_by_operator(
    *,
    operator: User,
    post_id: int,
    reason: str,
    permission: ConsolePermission = ConsolePermission.REVIEW_POSTS,
) -> Post:
    """An operator removes a published post; the owner is told why. A reviewer acts under
    ``REVIEW_POSTS``; support applying a complaint outcome passes ``HANDLE_COMPLAINTS``."""
    if permission not in TAKE_DOWN_PERMISSIONS:
        raise PermissionDenied("该权限不能用于下架信息", code="permission_denied")
    require_console_permission(operator, permission)
    if not (reason or "").strip():
        raise field_error("reason", "required", "下架必须填写原因")
    post = Post.objects.select_for_update(of=("self",)).select_related("owner").filter(pk=post_id).first()
    if post is None:
        raise NotFound("信息不存在")
    if post.status != PostStatus.PUBLISHED:
        raise Conflict("not_published", "该信息当前未在展示")
    post.status = PostStatus.TAKEN_DOWN
    post.reject_reason = reason.strip()
    _withdraw_pending_edit(post)
    post.save()
    audit.record(actor=operator, action="listings.post.take_down", target=post, reason=reason)
    notify(
        recipient=post.owner,
        kind=NotificationKind.REVIEW_RESULT,
        title="您发布的信息已被平台下架",
        body=f"「{post.title}」已被下架，原因：{post.reject_reason}",
        link=f"/pages/posts/detail?id={post.pk}",
        target=post,
    )
    return post
