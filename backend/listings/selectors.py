"""Reads of the boards. Every public list starts from ``visible_posts()`` and ``get_post_for`` asks
``listings.visibility.can_view_post``: one rule, in ``listings/visibility.py``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar

from django.db.models import Case, Count, F, Max, Prefetch, Q, QuerySet, When
from django.utils import timezone

from accounts.models import User
from common.errors import NotFound
from common.presentation import Decorated
from listings import compliance, kinds, registry
from listings.models import CapacityPeriod as _CapacityPeriod
from listings.models import (
    Currency,
    Decision,
    Post,
    PostMedia,
    PostStatus,
    QuantityUnit,
    ReasonCategory,
    RejectReasonTemplate,
    ReviewDecision,
    StockGrade,
    WageUnit,
)
from listings.schemas import CERTIFICATIONS, EXPERIENCE, MARKETS
from listings.visibility import can_view_post, visible_post_q
from regions.selectors import regions_by_adcode
from taxonomy.models import CategoryTag, Industry, JobType
from taxonomy.selectors import tags_by_id, taxonomy_tree


def visible_posts() -> QuerySet[Post]:
    """Posts anyone may see: the one rule of ``listings.visibility`` (R-OPS-2, R-PLUS-2)."""
    return Post.objects.filter(visible_post_q())


def recommendable_posts() -> QuerySet[Post]:
    """Posts that may be recommended or put in a home feed (issue #15 item 1): visible (so never
    expired: ``valid_until`` before today is out) and not full (a labour post whose headcount is
    reached). The one rule every recommendation asks, anonymous readers included."""
    return visible_posts().filter(is_full=False)


def _card_prefetches() -> tuple[Any, ...]:
    return (
        "process_types",
        Prefetch("media_links", queryset=PostMedia.objects.select_related("file").order_by("order", "id")),
    )


def with_card_relations(qs: QuerySet[Post]) -> QuerySet[Post]:
    """What ``PostCardOut``/``PostOut`` read, fetched in a fixed number of queries."""
    return qs.select_related("owner", "owner__factory", "industry", "category", "region", "job_type").prefetch_related(
        *_card_prefetches()
    )


_CARD_TAGS = (("industry", Industry), ("category", CategoryTag), ("job_type", JobType))


def card_posts(qs: QuerySet[Post], ids: list[int]) -> list[Post]:
    """The posts ``ids``, in that order, with what ``PostCardOut`` reads, for a list whose own query already
    chose them (visible, filtered, sorted) and read only their ids (issue #13). ``qs`` holds the list's
    annotations, not its filters: the rows are read by primary key with the owner and factory joined, their
    process types and media prefetched, and industry, category, job type and region attached from the
    process's lookups (``taxonomy.selectors.tags_by_id``, ``regions.selectors.regions_by_adcode``) instead
    of four more joins, which made the page's load the largest part of an uncached board answer."""
    if not ids:
        return []
    loaded = qs.filter(pk__in=ids).select_related("owner", "owner__factory").prefetch_related(*_card_prefetches())
    by_id = {post.pk: post for post in loaded}
    posts = [by_id[pk] for pk in ids if pk in by_id]
    tags = tags_by_id({model: [getattr(post, f"{name}_id") for post in posts] for name, model in _CARD_TAGS})
    regions = regions_by_adcode(post.region_id for post in posts)
    fields = {name: Post._meta.get_field(name) for name, _ in (*_CARD_TAGS, ("region", None))}
    for post in posts:
        for name, model in _CARD_TAGS:
            fields[name].set_cached_value(post, tags[model].get(getattr(post, f"{name}_id")))  # type: ignore[union-attr]
        fields["region"].set_cached_value(post, regions.get(post.region_id) if post.region_id else None)  # type: ignore[union-attr]
    return posts


def get_post_for(*, user: User | None, post_id: int) -> Post:
    """The owner sees their own post in any status; everyone else only visible ones (else 404)."""
    post = with_card_relations(Post.objects.select_related("pending_revision")).filter(pk=post_id).first()
    if post is None:
        raise NotFound("信息不存在或已下架")
    if not can_view_post(post, user=user):
        if not compliance.is_open(post.kind):
            raise compliance.licence_missing()  # say why, rather than "not found"
        raise NotFound("信息不存在或已下架")
    return post


# Hook (docs/architecture.md, Cross-app hooks): what the page says about its reader beyond "own post"
# (the reader's favourite: discovery; their application: applications), filled in their AppConfig.ready.
ViewerPart = Callable[..., dict[str, Any]]
_viewer_parts: list[ViewerPart] = []


def register_viewer_part(part: ViewerPart) -> None:
    """``part(post, user=...)`` answers some keys of the reader's ``viewer`` block (signed-in readers only)."""
    if part not in _viewer_parts:
        _viewer_parts.append(part)


@dataclass(frozen=True, eq=False)
class PostPage(Decorated):
    """A post's detail page as one reader sees it (issue #15 item 8): the post plus its ``viewer`` block,
    so the page needs no further request to light its star or its 已报名 button."""

    wraps: ClassVar[str] = "post"

    post: Post
    viewer: dict[str, Any]


def post_page(*, user: User | None, post_id: int) -> PostPage:
    """The detail of ``post_id`` for ``user`` (404 as ``get_post_for``). Reads only: opening a page
    writes nothing; the view is recorded by ``POST /api/discovery/views``."""
    post = get_post_for(user=user, post_id=post_id)
    viewer: dict[str, Any] = {"is_own": user is not None and post.owner_id == user.pk, "favourite_id": None}
    if user is not None:
        for part in _viewer_parts:
            viewer.update(part(post, user=user))
    return PostPage(post=post, viewer=viewer)


def get_own_post(*, user: User, post_id: int) -> Post:
    post = with_card_relations(Post.objects.select_related("pending_revision")).filter(pk=post_id, owner=user).first()
    if post is None:
        raise NotFound("信息不存在或无权查看")
    return post


def my_posts(*, user: User, status: str | None = None, kind: str | None = None) -> QuerySet[Post]:
    qs = Post.objects.filter(owner=user).select_related("pending_revision")
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    return with_card_relations(qs).order_by("-updated_at", "-id")


def my_post_counts(*, user: User) -> dict[str, int]:
    rows = Post.objects.filter(owner=user).values("status").annotate(n=Count("id"))
    counts = dict.fromkeys(PostStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


# --- Review (console) -----------------------------------------------------------------------------


def review_queue(
    *, kind: str | None = None, flagged: bool | None = None, base: QuerySet[Any] | None = None
) -> QuerySet[Any]:
    """New posts and edits of published posts awaiting a reviewer, oldest first, each annotated with
    ``queue_submitted_at``, ``queue_due_at`` (1 working day), ``queue_flagged`` and ``is_edit``."""
    pending_edit = Q(pending_revision__isnull=False)
    qs = (
        (base if base is not None else Post.objects.all())
        .filter(Q(status=PostStatus.PENDING) | pending_edit)
        .select_related("owner", "owner__factory", "industry", "category", "region", "job_type", "pending_revision")
        .annotate(
            is_edit=Case(When(status=PostStatus.PENDING, then=False), default=True),
            queue_submitted_at=Case(
                When(status=PostStatus.PENDING, then=F("submitted_at")), default=F("pending_revision__submitted_at")
            ),
            queue_due_at=Case(
                When(status=PostStatus.PENDING, then=F("review_due_at")), default=F("pending_revision__review_due_at")
            ),
            queue_flagged=Case(
                When(status=PostStatus.PENDING, then=F("is_flagged")), default=F("pending_revision__is_flagged")
            ),
        )
    )
    if kind:
        qs = qs.filter(kind=kind)
    if flagged is not None:
        qs = qs.filter(queue_flagged=flagged)
    return qs.order_by("queue_submitted_at", "id")


def review_history(*, decision: str | None = None) -> QuerySet[ReviewDecision]:
    """Approved / rejected lists of the review center, newest first."""
    qs = ReviewDecision.objects.select_related("post", "reviewer", "owner", "template")
    if decision:
        qs = qs.filter(decision=decision)
    return qs.order_by("-at", "-id")


def reason_templates() -> QuerySet[RejectReasonTemplate]:
    return RejectReasonTemplate.objects.filter(is_active=True).order_by("sort_order", "id")


@dataclass(frozen=True)
class Offender:
    user: User
    rejections: int
    last_at: datetime


def repeat_offenders(*, min_rejections: int = 3, days: int = 30) -> list[Offender]:
    """Accounts with repeated rejections for prohibited content, not yet restricted or disabled: the
    console suggests restricting them (R-OPS-2)."""
    rows = list(
        ReviewDecision.objects.filter(
            decision=Decision.REJECTED,
            category=ReasonCategory.PROHIBITED,
            at__gte=timezone.now() - timedelta(days=days),
            owner__isnull=False,
        )
        .values("owner")
        .annotate(rejections=Count("id"), last_at=Max("at"))
        .filter(rejections__gte=min_rejections)
        .order_by("-rejections", "-last_at")
    )
    users = User.objects.in_bulk([row["owner"] for row in rows])
    result = []
    for row in rows:
        user = users.get(row["owner"])
        if user is None or user.is_restricted or user.is_disabled:
            continue
        result.append(Offender(user=user, rejections=row["rejections"], last_at=row["last_at"]))
    return result


def median_review_minutes(*, days: int = 30, now: Any = None) -> int | None:
    """The median time from entering the queue to a reviewer's decision, over the last ``days`` of
    decisions (issue #14 item 7); None while there are none."""
    since = (now or timezone.now()) - timedelta(days=days)
    rows = (
        ReviewDecision.objects.filter(at__gte=since, submitted_at__isnull=False)
        .order_by("-at")
        .values_list("at", "submitted_at")[:1000]
    )
    waits = sorted(max((at - submitted).total_seconds(), 0) for at, submitted in rows if submitted is not None)
    if not waits:
        return None
    middle = len(waits) // 2
    median = waits[middle] if len(waits) % 2 else (waits[middle - 1] + waits[middle]) / 2
    return max(1, round(median / 60))


# --- Form schema (R-APP-2, R-ADM-4) ---------------------------------------------------------------


def _choices(choices: Any) -> list[dict[str, str]]:
    return [{"value": value, "label": str(label)} for value, label in choices]


FIXED_OPTIONS: dict[str, list[dict[str, str]]] = {
    "quantity_unit": _choices(QuantityUnit.choices),
    "currency": _choices(Currency.choices),
    "wage_unit": _choices(WageUnit.choices),
    "grade": _choices(StockGrade.choices),
    "capacity_period": _choices(_CapacityPeriod.choices),
    "experience": [{"value": k, "label": v} for k, v in EXPERIENCE.items()],
    "destination_market": [{"value": k, "label": v} for k, v in MARKETS.items()],
    "certifications": [{"value": c, "label": c} for c in CERTIFICATIONS],
}


def form_schema(*, kind: str) -> dict[str, Any]:
    """The step-by-step publish form of ``kind``, with options read live from the taxonomy, so a tag
    an operator adds shows in the form at once."""
    spec = registry.require_kind(kind)
    compliance.require_open(kind)
    tree = taxonomy_tree()
    dynamic: dict[str, list[dict[str, Any]]] = {
        "industry_id": [{"value": i["id"], "label": i["name"]} for i in tree["industries"]],
        "category_id": [
            {"value": c["id"], "label": c["name"], "industry_id": i["id"]}
            for i in tree["industries"]
            for c in i["categories"]
        ],
        "job_type_id": [{"value": j["id"], "label": j["name"]} for j in tree["job_types"]],
        "process_type_ids": [
            {"value": p["id"], "label": p["name"], "industry_id": p["industry_id"]} for p in tree["process_types"]
        ],
    }
    required = set(spec.required)
    steps = []
    for step in spec.steps:
        fields = []
        for name in step.fields:
            meta = kinds.meta_for(kind, name)
            item: dict[str, Any] = {
                "name": name,
                "label": kinds.label_for(kind, name),
                "type": meta.type,
                "required": name in required,
                "help": meta.help,
                **meta.extra,
            }
            if name == "media_ids":
                item["accept"] = list(spec.media_accept)
                item["min_images"] = spec.min_images
                item["required"] = item["required"] or spec.min_images > 0
            if name in dynamic:
                item["options"] = dynamic[name]
            elif name in FIXED_OPTIONS:
                item["options"] = FIXED_OPTIONS[name]
            if name == "currency":
                item["default"] = "CNY"
            fields.append(item)
        steps.append({"key": step.key, "title": step.title, "fields": fields})
    return {
        "kind": kind,
        "label": spec.label,
        "publisher_account_type": spec.publisher.value,
        "taxonomy_version": tree["version"],
        "steps": steps,
        "notice": spec.notice,
        "median_review_minutes": median_review_minutes(),
    }


# --- Board definitions (GET /api/boards) ----------------------------------------------------------


def board_definitions() -> list[dict[str, Any]]:
    """What the client needs to show every board, from the registry, in registry order."""
    return [
        {
            "kind": spec.kind,
            "label": spec.label,
            "short_name": spec.short_name,
            "board_name": spec.board_name,
            "icon": spec.icon,
            "hint": spec.hint,
            "publisher_account_type": spec.publisher.value,
            "group": spec.group,
            "group_label": spec.group_label,
            "on_home": spec.on_home,
            "accepts_applications": spec.accepts_applications,
            "recommended_to": [t.value for t in spec.recommended_to],
            "notice": spec.notice,
            "available": compliance.is_open(spec.kind),
            "unavailable_message": "" if compliance.is_open(spec.kind) else compliance.LICENCE_MISSING_MESSAGE,
            "licence": compliance.licence_for(spec.kind),
            "sorts": [{"key": s.key, "label": s.label, "needs_location": s.needs_location} for s in spec.sorts],
            "filters": [
                {
                    "name": f.name,
                    "label": f.label,
                    "type": f.type,
                    "options": [{"value": value, "label": text} for value, text in f.options],
                }
                for f in spec.filters
            ],
        }
        for spec in registry.all()
    ]


def boards_etag(definitions: list[dict[str, Any]]) -> str:
    digest = hashlib.sha256(json.dumps(definitions, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return f'W/"boards-{digest[:16]}"'
