"""Writes of discovery: the search index, browsing history, favourites, job preferences and the
notices of new matches (R-APP-1, R-APP-4, R-APP-5, R-PLUS-1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from common.errors import NotFound, field_error
from matching import text
from matching.models import Board, Favourite, SearchDocument, ViewEvent, WorkerPreference

if TYPE_CHECKING:
    from accounts.models import User
    from factories.models import FactoryProfile
    from listings.models import Post


# --- The search index -----------------------------------------------------------------------------


def _number(value: Any) -> str:
    if value is None:
        return ""
    normalised = value.normalize()
    return f"{normalised:f}" if normalised != normalised.to_integral() else str(int(normalised))


def _post_summary(post: Post, process_names: list[str]) -> str:
    from listings.models import PostKind

    parts: list[str] = []
    quantity = f"{_number(post.quantity)} {post.quantity_unit}".strip() if post.quantity is not None else ""
    if post.kind == PostKind.PROCUREMENT:
        parts = [
            f"采购 {quantity}" if quantity else "",
            f"交期 {post.delivery_date:%Y-%m-%d}" if post.delivery_date else "",
        ]
    elif post.kind == PostKind.STOCK:
        price = f"¥{_number(post.unit_price)}/{post.quantity_unit}" if post.unit_price is not None else ""
        parts = [price, f"库存 {quantity}" if quantity else "", f"{post.grade} 级" if post.grade else ""]
    elif post.kind == PostKind.LABOUR:
        wage = f"{_number(post.wage_amount)} {post.get_wage_unit_display()}" if post.wage_amount is not None else ""
        parts = [post.job_type.name if post.job_type else "", wage, f"招 {post.headcount} 人" if post.headcount else ""]
    elif post.kind == PostKind.PROCESSING_DEMAND:
        parts = [
            "、".join(process_names[:3]),
            quantity,
            f"交期 {post.delivery_date:%Y-%m-%d}" if post.delivery_date else "",
        ]
    else:
        capacity = f"日产能 {_number(post.capacity_per_day)} {post.quantity_unit}" if post.capacity_per_day else ""
        parts = ["、".join(process_names[:3]), capacity]
    return " · ".join(p for p in parts if p)[:200]


def _post_text(post: Post) -> str:
    details = post.details or {}
    parts = [post.description]
    for name in ("specification", "quality_requirements", "requirements", "lot_condition", "material"):
        if details.get(name):
            parts.append(str(details[name]))
    return "\n".join(p for p in parts if p)


def post_document(post: Post) -> SearchDocument:
    """An unsaved document for a post (uses prefetched ``process_types`` when present)."""
    process_names = [p.name for p in post.process_types.all()]
    title = post.title or post.product_name or str(post)
    title_source = " ".join(
        [
            title,
            post.product_name,
            post.category.name if post.category else "",
            post.job_type.name if post.job_type else "",
            *process_names,
        ]
    )
    body_source = " ".join(
        [
            post.search_text or _post_text(post),
            post.industry.name if post.industry else "",
            post.region.full_name if post.region else "",
        ]
    )
    return SearchDocument(
        board=post.kind,
        post=post,
        title=title[:120],
        text=_post_text(post),
        summary=_post_summary(post, process_names),
        region_name=(post.region.full_name if post.region else "")[:100],
        title_tokens=text.index_string(title_source),
        body_tokens=text.index_string(body_source),
        published_at=post.refreshed_at or post.published_at,
        owner_id=post.owner_id,
        valid_until=post.valid_until,
    )


def factory_document(factory: FactoryProfile) -> SearchDocument:
    categories = [c.name for c in factory.categories.all()]
    attributes = [a.name for a in factory.attributes.all()]
    body = "\n".join(p for p in [factory.description, factory.equipment_summary, factory.capacity_summary] if p)
    return SearchDocument(
        board=Board.FACTORY,
        factory=factory,
        title=factory.name[:120],
        text="\n".join(p for p in [factory.main_products, body] if p),
        summary=" · ".join(p for p in [factory.industry.name, "、".join(categories[:4])] if p)[:200],
        region_name=factory.region.full_name[:100],
        title_tokens=text.index_string(factory.name, factory.main_products, *categories),
        body_tokens=text.index_string(body, factory.industry.name, *attributes, factory.region.full_name),
        published_at=factory.verified_at,
        owner_id=factory.owner_id,
    )


def _upsert(document: SearchDocument, **target: Any) -> None:
    fields = [
        "board",
        "title",
        "text",
        "summary",
        "region_name",
        "title_tokens",
        "body_tokens",
        "published_at",
        "owner_id",
        "valid_until",
    ]
    values = {name: getattr(document, name) for name in fields}
    updated = SearchDocument.objects.filter(**target).update(**values, updated_at=timezone.now())
    if not updated:
        try:
            with transaction.atomic():
                SearchDocument.objects.create(**target, **values)
        except IntegrityError:  # a concurrent save indexed it first
            SearchDocument.objects.filter(**target).update(**values, updated_at=timezone.now())


def index_post(post: Post) -> None:
    """Keeps the post's search document current: present while published, gone otherwise.

    Called on every save of a post (signal) and by the approve flow. The document carries copies of
    the owner and the validity for the search's one-query filter; the owner's status is read live,
    and each returned page is re-checked against ``visible_posts()``.
    """
    from listings.models import PostStatus

    if post.pk is None:
        return
    if post.status != PostStatus.PUBLISHED:
        SearchDocument.objects.filter(post_id=post.pk).delete()
        return
    _upsert(post_document(post), post_id=post.pk)


def index_factory(factory: FactoryProfile) -> None:
    if factory.pk is None:
        return
    if not factory.is_verified:
        SearchDocument.objects.filter(factory_id=factory.pk).delete()
        return
    _upsert(factory_document(factory), factory_id=factory.pk)


@dataclass
class RebuildResult:
    posts: int = 0
    factories: int = 0


def rebuild_search_index(*, batch_size: int = 2000, progress: Any = None) -> RebuildResult:
    """Rebuilds every document from the source rows (after bulk loads, or to pick up new dictionary
    words). Batched bulk inserts; safe to rerun."""
    from django.db.models import Prefetch

    from factories.models import FactoryProfile
    from listings.models import Post, PostStatus
    from matching.search_backend import rebuild_engine_index
    from taxonomy.models import AttributeTag, CategoryTag, ProcessType

    result = RebuildResult()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
    posts = (
        Post.objects.filter(status=PostStatus.PUBLISHED)
        .select_related("industry", "category", "region", "job_type")
        .prefetch_related(Prefetch("process_types", queryset=ProcessType.objects.only("id", "name")))
        .order_by("pk")
    )
    last = 0
    while True:
        chunk = list(posts.filter(pk__gt=last)[:batch_size])
        if not chunk:
            break
        SearchDocument.objects.bulk_create([post_document(p) for p in chunk], batch_size=500)
        last = chunk[-1].pk
        result.posts += len(chunk)
        if progress:
            progress(f"posts {result.posts}")
    factories = (
        FactoryProfile.objects.filter(is_verified=True)
        .select_related("industry", "region")
        .prefetch_related(
            Prefetch("categories", queryset=CategoryTag.objects.only("id", "name")),
            Prefetch("attributes", queryset=AttributeTag.objects.only("id", "name")),
        )
        .order_by("pk")
    )
    last = 0
    while True:
        fchunk = list(factories.filter(pk__gt=last)[:batch_size])
        if not fchunk:
            break
        SearchDocument.objects.bulk_create([factory_document(f) for f in fchunk], batch_size=500)
        last = fchunk[-1].pk
        result.factories += len(fchunk)
        if progress:
            progress(f"factories {result.factories}")
    rebuild_engine_index()
    return result


# --- Browsing history and favourites (R-APP-4, R-APP-5) -------------------------------------------

# Re-opening the same page within this window refreshes the history entry instead of adding one.
VIEW_MERGE_WINDOW = timedelta(minutes=30)
HISTORY_KEEP_DAYS = 180


def _target(post_id: int | None, factory_id: int | None, *, user: Any) -> tuple[Post | None, FactoryProfile | None]:
    """The visible post or factory a request names (exactly one), else a field error or 404."""
    from matching import selectors

    if (post_id is None) == (factory_id is None):
        raise field_error("post_id", "one_of", "请指定一条信息或一家工厂")
    if post_id is not None:
        post = selectors.visible_posts().filter(pk=int(post_id)).first()
        if post is None and user is not None:
            # The owner may look at (and keep) their own post while it is not public.
            from listings.models import Post

            post = Post.objects.filter(pk=post_id, owner_id=user.pk).first()
        if post is None:
            raise NotFound("信息不存在或已下架")
        return post, None
    assert factory_id is not None
    factory = selectors.visible_factories().filter(pk=factory_id).first()
    if factory is None and user is not None:
        from factories.models import FactoryProfile

        factory = FactoryProfile.objects.filter(pk=factory_id, owner_id=user.pk).first()
    if factory is None:
        raise NotFound("工厂不存在或未通过认证")
    return None, factory


@transaction.atomic
def record_view(
    *, user: User | None, post: Post | None = None, factory: FactoryProfile | None = None
) -> ViewEvent | None:
    """Adds the page to the user's browsing history (anonymous readers and owners leave none).

    Counting views is ``listings.services.record_view``'s job; this keeps only the history.
    """
    if user is None or not getattr(user, "pk", None) or (post is None) == (factory is None):
        return None
    owner_id = post.owner_id if post is not None else factory.owner_id  # type: ignore[union-attr]
    if owner_id == user.pk:
        return None
    now = timezone.now()
    target = {"post": post} if post is not None else {"factory": factory}
    recent = (
        ViewEvent.objects.select_for_update()
        .filter(user=user, at__gte=now - VIEW_MERGE_WINDOW, **target)
        .order_by("-at")
        .first()
    )
    if recent is not None:
        recent.at = now
        recent.save(update_fields=["at"])
        return recent
    return ViewEvent.objects.create(user=user, at=now, **target)


@transaction.atomic
def record_view_by_id(*, user: User, post_id: int | None = None, factory_id: int | None = None) -> ViewEvent | None:
    post, factory = _target(post_id, factory_id, user=user)
    return record_view(user=user, post=post, factory=factory)


@transaction.atomic
def clear_history(*, user: User) -> int:
    deleted, _ = ViewEvent.objects.filter(user=user).delete()
    return deleted


def prune_history(*, now: datetime | None = None) -> int:
    """Scheduled: history older than HISTORY_KEEP_DAYS is deleted (PIPL: keep no longer than needed)."""
    cutoff = (now or timezone.now()) - timedelta(days=HISTORY_KEEP_DAYS)
    deleted, _ = ViewEvent.objects.filter(at__lt=cutoff).delete()
    return deleted


@transaction.atomic
def add_favourite(*, user: User, post_id: int | None = None, factory_id: int | None = None) -> tuple[Favourite, bool]:
    """Saves a post or factory to the user's favourites; adding it again is harmless (created=False)."""
    post, factory = _target(post_id, factory_id, user=user)
    target = {"post": post} if post is not None else {"factory": factory}
    existing = Favourite.objects.filter(user=user, **target).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Favourite.objects.create(user=user, **target), True
    except IntegrityError:
        return Favourite.objects.get(user=user, **target), False


@transaction.atomic
def remove_favourite(*, user: User, favourite_id: int) -> None:
    deleted, _ = Favourite.objects.filter(pk=favourite_id, user=user).delete()
    if not deleted:
        raise NotFound("收藏不存在")


# --- Job preferences of workers ------------------------------------------------------------------


@transaction.atomic
def save_job_preference(
    *, user: User, job_type_ids: list[int], region_adcode: str | None, available_from: date | None
) -> WorkerPreference:
    from regions.selectors import valid_region
    from taxonomy.models import JobType

    ids = list(dict.fromkeys(job_type_ids))
    if len(ids) > 10:
        raise field_error("job_type_ids", "max_items", "意向工种最多选择 10 个")
    job_types = list(JobType.objects.filter(pk__in=ids, is_active=True))
    if len(job_types) != len(ids):
        raise field_error("job_type_ids", "invalid_choice", "请选择有效的工种")
    region = valid_region(region_adcode, field="region_adcode") if region_adcode else None
    preference, _ = WorkerPreference.objects.get_or_create(user=user)
    preference.region = region
    preference.available_from = available_from
    preference.save()
    preference.job_types.set(job_types)
    return preference


# --- Notices of new matches (R-PLUS-1) -----------------------------------------------------------

MATCH_NOTICES_PER_DAY = 5
MATCH_NOTICE_RECIPIENTS = 10
MATCH_NOTICE_MIN_SCORE = 40


def _today_start() -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


@transaction.atomic
def notify_matches_for_post(post: Post) -> int:
    """Tells the best-fitting users about a newly approved post, with the reasons it fits them.

    At most MATCH_NOTICE_RECIPIENTS users per post, each at most MATCH_NOTICES_PER_DAY such notices a
    day (so a busy category cannot flood a factory), once per post (dedupe key). Returns how many were
    notified. The listings approve flow calls this after the post is published.
    """
    from django.db.models import Count

    from matching import matchers
    from notifications.models import Notification, NotificationKind
    from notifications.services import notify

    index_post(post)
    candidates = [
        m
        for m in matchers.matches_for_post(post, limit=MATCH_NOTICE_RECIPIENTS * 2)
        if m.score >= MATCH_NOTICE_MIN_SCORE
    ]
    by_user: dict[int, matchers.Match] = {}
    for match in candidates:
        user = match.recipient
        if user is None or user.pk == post.owner_id or user.pk in by_user:
            continue
        by_user[user.pk] = match
        if len(by_user) >= MATCH_NOTICE_RECIPIENTS:
            break
    if not by_user:
        return 0
    sent_today = dict(
        Notification.objects.filter(
            recipient_id__in=list(by_user), kind=NotificationKind.NEW_MATCH, created_at__gte=_today_start()
        )
        .values_list("recipient_id")
        .annotate(n=Count("id"))
    )
    title, link = matchers.notice_for(post)
    sent = 0
    for user_id, match in by_user.items():
        if sent_today.get(user_id, 0) >= MATCH_NOTICES_PER_DAY:
            continue
        reasons = "；".join(match.reasons[:3])
        created = notify(
            recipient=match.recipient,
            kind=NotificationKind.NEW_MATCH,
            title=title,
            body=f"「{post.title}」{('：' + reasons) if reasons else ''}",
            link=link,
            target=post,
            dedupe_key=f"match:{post.pk}:{user_id}",
            wechat_purpose="new_match",
            wechat_data={"thing1": post.title[:20], "thing2": (match.reasons[0] if match.reasons else title)[:20]},
        )
        if created is not None:
            sent += 1
    return sent
