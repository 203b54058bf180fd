"""Writes of the boards: drafts, submission with the automatic check, human review, the owner's
lifecycle actions and expiry (R-BOARD-1..4, R-APP-2, R-APP-4, R-FLOW-2, R-OPS-1, R-OPS-2, R-PLUS-2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from common import audit
from common.errors import Conflict, NotFound, PermissionDenied, field_error, field_errors
from listings import kinds
from listings.models import (
    CapacityPeriod,
    Decision,
    Post,
    PostKind,
    PostMedia,
    PostRevision,
    PostStatus,
    ReasonCategory,
    RejectReasonTemplate,
    ReviewDecision,
    RevisionStatus,
    WageUnit,
)
from listings.schemas import INPUT_BY_KIND, PostBaseIn

if TYPE_CHECKING:
    from accounts.models import User

# Fields whose empty value is "" (text columns) or False (flags), not NULL.
_TEXT_COLUMNS = {"title", "product_name", "description", "address", "quantity_unit", "wage_unit", "grade"}
_FLAG_COLUMNS = {"meals_provided", "housing_provided"}
_FK_COLUMNS = {"industry_id", "category_id", "job_type_id", "region_id"}
# Once a published post's owner refreshes it, it stays on top; limit how often, so refreshing cannot
# be used to sit at the head of a board.
REFRESH_INTERVAL = timedelta(hours=24)


# --- Reading and writing the content of a post --------------------------------------------------


def _parse(kind: str, values: dict[str, Any]) -> PostBaseIn:
    """Values in the input format (JSON) → the kind's typed input."""
    return INPUT_BY_KIND[kind].model_validate({**values, "kind": kind})


def _sent(payload: PostBaseIn) -> dict[str, Any]:
    """The fields the client actually sent (typed), except ``kind``."""
    return {name: getattr(payload, name) for name in payload.model_fields_set if name != "kind"}


def _check_references(*, user: User, kind: str, values: dict[str, Any], current: Post | None) -> dict[str, Any]:
    """Resolves ids to rows, refusing unknown or inactive choices; returns what ``_write`` needs."""
    from regions.models import Region
    from taxonomy.models import CategoryTag, Industry
    from taxonomy.selectors import active_job_type, active_process_types
    from uploads.models import FilePurpose
    from uploads.selectors import files_owned_by

    resolved: dict[str, Any] = {}
    if "industry_id" in values or "category_id" in values:
        industry_id = values.get("industry_id", current.industry_id if current else None)
        category_id = values.get("category_id", current.category_id if current else None)
        if industry_id is not None and not Industry.objects.filter(pk=industry_id, is_active=True).exists():
            raise field_error("industry_id", "invalid_choice", "请选择有效的一级行业")
        if category_id is not None:
            if industry_id is None:
                raise field_error("industry_id", "required", "请先选择一级行业")
            if not CategoryTag.objects.filter(pk=category_id, industry_id=industry_id, is_active=True).exists():
                raise field_error("category_id", "invalid_choice", "所选品类不属于该行业或已停用，请重新选择")
    if values.get("job_type_id") is not None:
        active_job_type(values["job_type_id"], field="job_type_id")
    if "process_type_ids" in values:
        resolved["process_types"] = active_process_types(values["process_type_ids"] or [], field="process_type_ids")
    if values.get("region_id") is not None:
        region = Region.objects.filter(pk=values["region_id"]).first()
        if region is None:
            raise field_error("region_id", "invalid_choice", "请选择有效的地区")
        resolved["region"] = region
    if "media_ids" in values:
        files = files_owned_by(
            user=user, ids=values["media_ids"] or [], purposes=[FilePurpose.POST_MEDIA], field="media_ids"
        )
        accept = set(kinds.MEDIA_ACCEPT.get(kind, ["image", "video"]))
        for stored in files:
            if stored.kind not in accept:
                raise field_error("media_ids", "file_kind_not_allowed", "此类信息不支持上传该类型的文件")
        resolved["media"] = files
    return resolved


def _json_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "value"):  # enums
        return value.value
    return kinds._json(value)


def _auto_title(post: Post, process_names: list[str]) -> str:
    qty = ""
    # A product name that already states the amount ("保温杯 5000 个") is not repeated.
    if post.quantity is not None and str(kinds._json(post.quantity)) not in (post.product_name or ""):
        qty = f" {kinds._json(post.quantity)}{post.quantity_unit}"
    if post.kind == PostKind.PROCUREMENT:
        return f"求购{post.product_name}{qty}".strip()
    if post.kind == PostKind.STOCK:
        return f"库存{post.product_name}{qty}".strip()
    if post.kind == PostKind.LABOUR:
        job = post.job_type.name if post.job_type_id and post.job_type else "工人"
        count = f" {post.headcount}人" if post.headcount else ""
        return f"招{job}{count}"
    processes = "/".join(process_names[:3])
    if post.kind == PostKind.PROCESSING_DEMAND:
        subject = post.product_name or (post.details.get("specification") or "")[:16]
        return f"{processes}代加工需求 {subject}".strip()
    return f"承接{processes}加工".strip()


def _derive(post: Post) -> None:
    """Columns computed from the content, so boards sort and filter on one indexed value."""
    per_day: Decimal | None = None
    if post.wage_amount is not None:
        if post.wage_unit == WageUnit.DAY:
            per_day = post.wage_amount
        elif post.wage_unit == WageUnit.HOUR:
            per_day = post.wage_amount * 8
        elif post.wage_unit == WageUnit.MONTH:
            per_day = (post.wage_amount / kinds.WORK_DAYS_PER_MONTH).quantize(Decimal("0.01"))
    post.wage_per_day = per_day
    amount = post.details.get("capacity_amount")
    capacity: Decimal | None = None
    if amount is not None:
        capacity = Decimal(str(amount))
        if post.details.get("capacity_period") == CapacityPeriod.MONTH:
            capacity = (capacity / 30).quantize(Decimal("0.01"))
    post.capacity_per_day = capacity
    post.certification_codes = (" " + " ".join(post.certifications) + " ") if post.certifications else ""
    post.is_full = bool(post.headcount) and post.hired_count >= (post.headcount or 0)


def _search_text(post: Post) -> str:
    parts: list[str] = [post.title, post.product_name, post.description]
    for related in (post.industry, post.category, post.job_type):
        if related is not None:
            parts.append(related.name)
    parts.extend(p.name for p in post.process_types.all())
    parts.extend(post.certifications or [])
    for name in ("quality_requirements", "lot_condition", "requirements", "specification", "material"):
        parts.append(str(post.details.get(name) or ""))
    parts.extend(str(item.get("name", "")) for item in post.details.get("equipment") or [])
    if post.region is not None:
        parts.append(post.region.full_name)
    return " ".join(p for p in parts if p)


def _write(post: Post, *, values: dict[str, Any], resolved: dict[str, Any]) -> None:
    """Stores typed ``values`` (only the keys present) on the post, then the derived columns, the
    M2M relations and the search text."""
    details = dict(post.details)
    for name, value in values.items():
        if name in {"media_ids", "process_type_ids"}:
            continue
        if name in kinds.DETAIL_FIELDS:
            if value is None or value == "" or value == []:
                details.pop(name, None)
            else:
                details[name] = _json_value(value)
        elif name == "title":
            details["_title_auto"] = not value
            post.title = value or ""
        elif name in _FK_COLUMNS:
            setattr(post, name, value)
        elif name == "currency":
            post.currency = _json_value(value) or "CNY"
        elif name == "certifications":
            post.certifications = _json_value(value) or []
        elif name in _TEXT_COLUMNS:
            setattr(post, name, _json_value(value) or "")
        elif name in _FLAG_COLUMNS:
            setattr(post, name, bool(value))
        else:
            setattr(post, name, value)
    post.details = details
    if "region" in resolved:
        post.region = resolved["region"]
        if values.get("latitude") is None and post.region.latitude is not None:
            # Without a pin, the district's centre still lets distance sorting place the post.
            post.latitude, post.longitude = post.region.latitude, post.region.longitude
    _derive(post)
    post.save()
    if "process_types" in resolved:
        post.process_types.set(resolved["process_types"])
    if "media" in resolved:
        PostMedia.objects.filter(post=post).delete()
        PostMedia.objects.bulk_create(
            [PostMedia(post=post, file=stored, order=i) for i, stored in enumerate(resolved["media"])]
        )
    if post.details.get("_title_auto", True) or not post.title:
        post.details["_title_auto"] = True
        post.title = _auto_title(post, [p.name for p in post.process_types.all()])[:60]
    post.search_text = _search_text(post)
    post.save(update_fields=["title", "details", "search_text"])


# --- Who may publish what -------------------------------------------------------------------------


def _check_kind_fits(user: User, kind: str) -> None:
    if user.account_type == "worker":
        raise PermissionDenied("临时工人账号不能发布信息", code="worker_cannot_publish")
    publisher = kinds.PUBLISHER[kind]
    if user.account_type != publisher:
        from accounts.models import AccountType

        raise PermissionDenied(
            f"{PostKind(kind).label}只能由{AccountType(publisher).label}账号发布", code="wrong_account_type"
        )


def _check_can_publish(user: User, kind: str) -> None:
    from verification.policy import publish_refusal

    _check_kind_fits(user, kind)
    refusal = publish_refusal(user)
    if refusal is not None:
        raise refusal


# --- Submission checks ----------------------------------------------------------------------------


@dataclass
class CheckResult:
    is_flagged: bool
    moderation: dict[str, Any]
    valid_until: date


def _validate_complete(kind: str, typed: PostBaseIn) -> date:
    """Required fields and cross-field rules; returns the validity end date to use."""
    values = typed.model_dump()
    missing = kinds.missing_required(kind, values)
    if missing:
        raise field_errors(
            [{"field": name, "rule": "required", "message": f"请填写{kinds.label_for(kind, name)}"} for name in missing]
        )
    today = timezone.localdate()
    errors: list[dict[str, str]] = []
    delivery = values.get("delivery_date")
    if delivery is not None and delivery < today:
        errors.append({"field": "delivery_date", "rule": "not_past", "message": "交货日期不能早于今天"})
    start, end = values.get("period_start"), values.get("period_end")
    if start and end and end < start:
        errors.append({"field": "period_end", "rule": "after_start", "message": "结束日期不能早于开始日期"})
    if end and end < today:
        errors.append({"field": "period_end", "rule": "not_past", "message": "用工结束日期已过，请修改工期"})
    age_min, age_max = values.get("age_min"), values.get("age_max")
    if age_min and age_max and age_min > age_max:
        errors.append({"field": "age_max", "rule": "range", "message": "最大年龄不能小于最小年龄"})
    valid_until = values.get("valid_until")
    if valid_until is not None and not today <= valid_until <= today + timedelta(days=kinds.MAX_VALID_DAYS):
        errors.append(
            {
                "field": "valid_until",
                "rule": "range",
                "message": f"有效期须在今天到 {kinds.MAX_VALID_DAYS} 天以内",
            }
        )
    if errors:
        raise field_errors(errors)
    if valid_until is None:
        valid_until = today + timedelta(days=kinds.DEFAULT_VALID_DAYS)
        if end is not None:
            valid_until = min(valid_until, end)
    return valid_until


def _texts(typed: PostBaseIn) -> dict[str, str]:
    values = typed.model_dump()
    texts = {name: str(values[name]) for name in kinds.TEXT_FIELDS if values.get(name)}
    equipment = values.get("equipment") or []
    if equipment:
        texts["equipment"] = "；".join(f"{e['name']} {e.get('model') or ''}".strip() for e in equipment)
    return texts


def _run_checks(*, user: User, kind: str, typed: PostBaseIn) -> CheckResult:
    """Everything a submission must pass before a human sees it: completeness, publishing rights and
    the keyword / contact / WeChat check. Blocked words refuse the submission and are named."""
    from moderation.services import ensure_not_blocked

    valid_until = _validate_complete(kind, typed)
    _check_can_publish(user, kind)
    result = ensure_not_blocked(texts=_texts(typed), author=user)
    return CheckResult(is_flagged=bool(result.needs_attention), moderation=result.as_detail(), valid_until=valid_until)


def _send_to_review(post: Post, check: CheckResult) -> None:
    from verification.workdays import review_due_at

    now = timezone.now()
    post.status = PostStatus.PENDING
    post.is_flagged = check.is_flagged
    post.moderation = check.moderation
    post.valid_until = check.valid_until
    post.submitted_at = now
    post.review_due_at = review_due_at(now)
    post.reject_reason = ""
    post.save()
    post_id, owner_id = post.pk, post.owner_id
    transaction.on_commit(lambda: request_image_checks(post_id=post_id, owner_id=owner_id))


def request_image_checks(*, post_id: int, owner_id: int) -> None:
    """Sends the post's images to WeChat's asynchronous check, after the submission has committed."""
    from accounts.models import User
    from moderation.media import request_media_checks

    post = Post.objects.filter(pk=post_id).first()
    if post is None:
        return
    files = [link.file for link in post.media_links.select_related("file").order_by("order")]
    request_media_checks(files=files, author=User.objects.get(pk=owner_id), target=post)


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
        from verification.workdays import review_due_at

        now = timezone.now()
        post.status = PostStatus.PENDING
        post.submitted_at = now
        post.review_due_at = review_due_at(now)
    post.save(update_fields=["moderation", "is_flagged", "status", "submitted_at", "review_due_at"])
    audit.record(actor=None, action="listings.post.image_flagged", target=post, data={"trace_id": check.trace_id})


# --- Owner: drafts and submission -----------------------------------------------------------------


def _own_post_for_update(*, user: User, post_id: int) -> Post:
    post = Post.objects.select_for_update().filter(pk=post_id, owner=user).first()
    if post is None:
        raise NotFound("信息不存在或无权操作")
    return post


@transaction.atomic
def create_post(*, user: User, payload: PostBaseIn) -> Post:
    """Saves a draft; anything may be missing, but what is given must be valid (R-APP-2)."""
    kind = str(payload.kind)  # type: ignore[attr-defined]
    _check_kind_fits(user, kind)
    values = _sent(payload)
    resolved = _check_references(user=user, kind=kind, values=values, current=None)
    post = Post(owner=user, kind=kind, status=PostStatus.DRAFT, content_changed_at=timezone.now())
    _write(post, values=values, resolved=resolved)
    return post


@transaction.atomic
def update_post(*, user: User, post_id: int, payload: PostBaseIn) -> Post:
    """Edits a post. A published post keeps showing its approved version; the edit waits for review
    (R-APP-4). A post under review goes back to draft, to be submitted again."""
    post = _own_post_for_update(user=user, post_id=post_id)
    kind = str(payload.kind)  # type: ignore[attr-defined]
    if kind != post.kind:
        raise field_error("kind", "kind_mismatch", "不能修改信息类型，请重新发布")
    values = _sent(payload)
    if post.status == PostStatus.PUBLISHED:
        _submit_edit(post=post, user=user, sent={name: _json_value(value) for name, value in values.items()})
        return post
    resolved = _check_references(user=user, kind=kind, values=values, current=post)
    if post.status == PostStatus.PENDING:
        post.status = PostStatus.DRAFT
        post.submitted_at = None
        post.review_due_at = None
    post.content_changed_at = timezone.now()
    _write(post, values=values, resolved=resolved)
    return post


def _submit_edit(*, post: Post, user: User, sent: dict[str, Any]) -> PostRevision:
    from verification.workdays import review_due_at

    merged = {**kinds.form_values(post), **sent}
    typed = _parse(post.kind, merged)
    _check_references(user=user, kind=post.kind, values=_sent(typed), current=None)
    check = _run_checks(user=user, kind=post.kind, typed=typed)
    if post.pending_revision_id:
        PostRevision.objects.filter(pk=post.pending_revision_id).update(status=RevisionStatus.WITHDRAWN)
    merged.pop("kind", None)
    merged["valid_until"] = check.valid_until.isoformat()
    now = timezone.now()
    revision = PostRevision.objects.create(
        post=post,
        data=merged,
        is_flagged=check.is_flagged,
        moderation=check.moderation,
        review_due_at=review_due_at(now),
    )
    post.pending_revision = revision
    post.save(update_fields=["pending_revision", "updated_at"])
    return revision


@transaction.atomic
def submit_post(*, user: User, post_id: int) -> Post:
    """Draft or rejected → pending review, after every check passes (R-FLOW-2, R-OPS-1)."""
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status not in {PostStatus.DRAFT, PostStatus.REJECTED}:
        raise Conflict("not_submittable", f"当前状态（{post.get_status_display()}）不能提交审核")
    typed = _parse(post.kind, kinds.form_values(post))
    _send_to_review(post, _run_checks(user=user, kind=post.kind, typed=typed))
    return post


@transaction.atomic
def take_down(*, user: User, post_id: int) -> Post:
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status != PostStatus.PUBLISHED:
        raise Conflict("not_published", "只有已发布的信息可以下架")
    post.status = PostStatus.TAKEN_DOWN
    _withdraw_pending_edit(post)
    post.save()
    return post


def _withdraw_pending_edit(post: Post) -> None:
    if post.pending_revision_id:
        PostRevision.objects.filter(pk=post.pending_revision_id).update(status=RevisionStatus.WITHDRAWN)
        post.pending_revision = None


@transaction.atomic
def relist(*, user: User, post_id: int) -> Post:
    """Back on the board at once when nothing changed and it is still valid; otherwise through review."""
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status not in {PostStatus.TAKEN_DOWN, PostStatus.EXPIRED}:
        raise Conflict("not_relistable", "只有已下架或已过期的信息可以重新上架")
    typed = _parse(post.kind, kinds.form_values(post))
    today = timezone.localdate()
    edited = post.last_approved_at is None or (
        post.content_changed_at is not None and post.content_changed_at > post.last_approved_at
    )
    still_valid = post.valid_until is not None and post.valid_until >= today
    if not edited and still_valid and post.status == PostStatus.TAKEN_DOWN:
        _validate_complete(post.kind, typed)
        _check_can_publish(user, post.kind)
        post.status = PostStatus.PUBLISHED
        post.refreshed_at = timezone.now()
        post.save()
        return post
    if not still_valid:
        typed = _parse(post.kind, {**kinds.form_values(post), "valid_until": None})
    _send_to_review(post, _run_checks(user=user, kind=post.kind, typed=typed))
    return post


@transaction.atomic
def refresh(*, user: User, post_id: int) -> Post:
    """Extends the validity and re-runs the checks (R-PLUS-2).

    A published post that still passes stays on the board with a new validity and moves up; one the
    checks now flag, or an expired one, goes through review again.
    """
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status not in {PostStatus.PUBLISHED, PostStatus.EXPIRED}:
        raise Conflict("not_refreshable", "只有已发布或已过期的信息可以刷新")
    now = timezone.now()
    if post.status == PostStatus.PUBLISHED and post.refreshed_at and now - post.refreshed_at < REFRESH_INTERVAL:
        raise Conflict("refresh_too_soon", "每条信息 24 小时内只能刷新一次")
    typed = _parse(post.kind, {**kinds.form_values(post), "valid_until": None})
    check = _run_checks(user=user, kind=post.kind, typed=typed)
    if post.status == PostStatus.PUBLISHED and not check.is_flagged:
        post.valid_until = check.valid_until
        post.refreshed_at = now
        post.moderation = check.moderation
        post.save()
        return post
    _withdraw_pending_edit(post)
    _send_to_review(post, check)
    return post


@transaction.atomic
def delete_draft(*, user: User, post_id: int) -> None:
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status != PostStatus.DRAFT:
        raise Conflict("not_deletable", "只能删除草稿；已发布的信息请先下架")
    post.delete()


def record_view(*, post: Post, viewer: Any) -> None:
    if viewer is not None and viewer.pk == post.owner_id:
        return
    Post.objects.filter(pk=post.pk).update(view_count=F("view_count") + 1)
    post.view_count += 1


def record_contact(*, post_id: int) -> None:
    """Called by messaging when someone taps 联系对方 on a post (a counter on the detail page)."""
    Post.objects.filter(pk=post_id).update(contact_count=F("contact_count") + 1)


@transaction.atomic
def set_hired_count(*, post_id: int, hired_count: int) -> Post:
    """Called by applications when hires change; a labour post that reaches its headcount is 已招满."""
    post = Post.objects.select_for_update().filter(pk=post_id, kind=PostKind.LABOUR).first()
    if post is None:
        raise NotFound("用工信息不存在")
    post.hired_count = max(0, hired_count)
    post.is_full = bool(post.headcount) and post.hired_count >= (post.headcount or 0)
    post.save(update_fields=["hired_count", "is_full", "updated_at"])
    return post


# --- Human review (R-FLOW-2, R-ADM-1) -------------------------------------------------------------


def _check_reviewer(reviewer: User) -> None:
    if not (reviewer.is_staff and reviewer.is_active):
        raise PermissionDenied("仅审核人员可以审核信息", code="reviewer_only")


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


def _notify_result(post: Post, *, approved: bool, reason: str, is_edit: bool) -> None:
    from notifications.models import NotificationKind
    from notifications.services import notify

    what = "修改" if is_edit else "发布的信息"
    if approved:
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


def _approve_locked(*, reviewer: User, post: Post, revision: PostRevision | None) -> None:
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
        post=post, revision=revision, reviewer=reviewer, decision=Decision.APPROVED, owner_id=post.owner_id
    )
    audit.record(
        actor=reviewer,
        action="listings.post.approve",
        target=post,
        data={"kind": post.kind, "revision_id": revision.pk if revision else None},
    )
    _notify_result(post, approved=True, reason="", is_edit=revision is not None)
    # Two-way matching (R-PLUS-1): the best-fitting counterparts hear of a newly approved post.
    from matching.services import notify_matches_for_post

    notify_matches_for_post(post)


def _reject_locked(
    *,
    reviewer: User,
    post: Post,
    revision: PostRevision | None,
    reason: str,
    template: RejectReasonTemplate | None,
    category: str,
) -> None:
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
    )
    audit.record(
        actor=reviewer,
        action="listings.post.reject",
        target=post,
        reason=reason,
        data={"kind": post.kind, "revision_id": revision.pk if revision else None, "category": category},
    )
    _notify_result(post, approved=False, reason=reason, is_edit=revision is not None)


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
    _check_reviewer(reviewer)
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
    _check_reviewer(reviewer)
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
    _check_reviewer(reviewer)
    result = BatchResult()
    for post_id in dict.fromkeys(post_ids):
        try:
            approve(reviewer=reviewer, post_id=post_id)
        except (Conflict, NotFound):
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
    _check_reviewer(reviewer)
    _reject_reason(reason, template_id, category)  # refuse a missing reason before touching any post
    result = BatchResult()
    for post_id in dict.fromkeys(post_ids):
        try:
            reject(reviewer=reviewer, post_id=post_id, reason=reason, template_id=template_id, category=category)
        except (Conflict, NotFound):
            result.conflicts.append(post_id)
        else:
            result.done.append(post_id)
    return result


# --- Operators' own maintenance ------------------------------------------------------------------


@transaction.atomic
def take_down_by_operator(*, operator: User, post_id: int, reason: str) -> Post:
    """An operator removes a published post (e.g. after a complaint); the owner is told why."""
    _check_reviewer(operator)
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
    from notifications.models import NotificationKind
    from notifications.services import notify

    notify(
        recipient=post.owner,
        kind=NotificationKind.REVIEW_RESULT,
        title="您发布的信息已被平台下架",
        body=f"「{post.title}」已被下架，原因：{post.reject_reason}",
        link=f"/pages/posts/detail?id={post.pk}",
        target=post,
    )
    return post


# --- Expiry (R-PLUS-2) ----------------------------------------------------------------------------


@dataclass
class ExpiryResult:
    expired: int = 0
    reminded: int = 0


REMIND_DAYS_BEFORE = (3, 1)


def expire_posts(*, today: date | None = None) -> ExpiryResult:
    """Marks published posts past their validity expired and reminds owners 3 and 1 days before.

    Idempotent: each reminder and each expiry notice carries a dedupe key, and expired posts are no
    longer selected."""
    from notifications.models import NotificationKind
    from notifications.services import notify

    today = today or timezone.localdate()
    result = ExpiryResult()
    overdue = Post.objects.select_related("owner").filter(status=PostStatus.PUBLISHED, valid_until__lt=today)
    for post in overdue:
        with transaction.atomic():
            changed = Post.objects.filter(pk=post.pk, status=PostStatus.PUBLISHED).update(
                status=PostStatus.EXPIRED, updated_at=timezone.now()
            )
            if not changed:
                continue
            result.expired += 1
            notify(
                recipient=post.owner,
                kind=NotificationKind.SYSTEM,
                title="您发布的信息已过期",
                body=f"「{post.title}」已过有效期，已从列表中隐藏。刷新后可重新展示。",
                link=f"/pages/posts/detail?id={post.pk}",
                target=post,
                dedupe_key=f"post-expired:{post.pk}:{post.valid_until}",
            )
    days_by_date = {today + timedelta(days=d): d for d in REMIND_DAYS_BEFORE}
    soon = Post.objects.select_related("owner").filter(status=PostStatus.PUBLISHED, valid_until__in=list(days_by_date))
    for post in soon:
        assert post.valid_until is not None
        days = days_by_date[post.valid_until]
        sent = notify(
            recipient=post.owner,
            kind=NotificationKind.SYSTEM,
            title=f"您发布的信息将在 {days} 天后过期",
            body=f"「{post.title}」有效期至 {post.valid_until:%Y-%m-%d}，到期后将从列表中隐藏，可提前刷新延长有效期。",
            link=f"/pages/posts/detail?id={post.pk}",
            target=post,
            dedupe_key=f"post-expiry-reminder:{post.pk}:{post.valid_until}:{days}",
        )
        if sent is not None:
            result.reminded += 1
    return result
