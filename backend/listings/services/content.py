"""Content of a post: drafts (create, update), validation, references, derived columns, automatic
titles and the checks a submission must pass (R-BOARD-1..4, R-APP-2, R-APP-4, R-OPS-1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import AccountType, User
from common.errors import NotFound, PermissionDenied, field_error, field_errors
from listings import kinds, registry
from listings.models import (
    CapacityPeriod,
    Post,
    PostMedia,
    PostRevision,
    PostStatus,
    RevisionStatus,
    WageUnit,
)
from listings.schemas import PostBaseIn
from moderation import pipeline
from regions.models import Region
from taxonomy.models import CategoryTag, Industry
from taxonomy.selectors import active_job_type, active_process_types
from uploads.models import FilePurpose
from uploads.selectors import files_owned_by
from verification.policy import publish_refusal
from verification.workdays import review_due_at

# Fields whose empty value is "" (text columns) or False (flags), not NULL.
_TEXT_COLUMNS = {"title", "product_name", "description", "address", "quantity_unit", "wage_unit", "grade"}
_FLAG_COLUMNS = {"meals_provided", "housing_provided"}
_FK_COLUMNS = {"industry_id", "category_id", "job_type_id", "region_id"}


# --- Reading and writing the content of a post --------------------------------------------------


def _parse(kind: str, values: dict[str, Any]) -> PostBaseIn:
    """Values in the input format (JSON) → the kind's typed input."""
    return registry.get(kind).input_schema.model_validate({**values, "kind": kind})


def _sent(payload: PostBaseIn) -> dict[str, Any]:
    """The fields the client actually sent (typed), except ``kind``."""
    return {name: getattr(payload, name) for name in payload.model_fields_set if name != "kind"}


def _check_references(*, user: User, kind: str, values: dict[str, Any], current: Post | None) -> dict[str, Any]:
    """Resolves ids to rows, refusing unknown or inactive choices; returns what ``_write`` needs."""
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
        accept = set(registry.get(kind).media_accept)
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
    return registry.get(post.kind).title(post, process_names)


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
    derive = registry.get(post.kind).derive
    if derive is not None:
        derive(post)


def _search_text(post: Post) -> str:
    parts: list[str] = [post.title, post.product_name, post.description]
    for related in (post.industry, post.category, post.job_type):
        if related is not None:
            parts.append(related.name)
    parts.extend(p.name for p in post.process_types.all())
    parts.extend(post.certifications or [])
    for name in registry.get(post.kind).search_text_fields:
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
        if kinds.is_detail(post.kind, name):
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
    if user.account_type == AccountType.WORKER:
        raise PermissionDenied("临时工人账号不能发布信息", code="worker_cannot_publish")
    spec = registry.get(kind)
    if user.account_type != spec.publisher:
        raise PermissionDenied(f"{spec.label}只能由{spec.publisher.label}账号发布", code="wrong_account_type")


def _check_can_publish(user: User, kind: str) -> None:
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
    texts = {name: str(values[name]) for name in kinds.text_fields(str(typed.kind)) if values.get(name)}  # type: ignore[attr-defined]
    equipment = values.get("equipment") or []
    if equipment:
        texts["equipment"] = "；".join(f"{e['name']} {e.get('model') or ''}".strip() for e in equipment)
    return texts


def _run_checks(*, user: User, kind: str, typed: PostBaseIn) -> CheckResult:
    """Everything a submission must pass before a human sees it: completeness, publishing rights and
    the keyword / contact / WeChat check. Blocked words refuse the submission and are named."""
    valid_until = _validate_complete(kind, typed)
    _check_can_publish(user, kind)
    # The labour and processing boards also hold a post that asks workers / processors for money.
    place = "post_fee_checked" if registry.get(kind).screen_fee_requests else "post"
    screened = pipeline.screen(place=place, texts=_texts(typed), author=user)
    return CheckResult(is_flagged=screened.needs_attention, moderation=screened.as_detail(), valid_until=valid_until)


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
