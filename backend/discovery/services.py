"""Writes of discovery: browsing history and favourites (R-APP-4, R-APP-5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from common.crypto import blind_index
from common.errors import NotFound, field_error
from discovery.models import DailyView, Favourite, ViewEvent
from factories.models import FactoryProfile
from factories.selectors import visible_factories
from listings.models import Post
from listings.selectors import visible_posts
from listings.services import record_view as count_post_view

# --- Browsing history and favourites (R-APP-4, R-APP-5) -------------------------------------------

# Re-opening the same page within this window refreshes the history entry instead of adding one.
VIEW_MERGE_WINDOW = timedelta(minutes=30)
HISTORY_KEEP_DAYS = 180


def _target(
    post_id: int | None, factory_id: int | None, *, user: User | None
) -> tuple[Post | None, FactoryProfile | None]:
    """The visible post or factory a request names (exactly one), else a field error or 404."""
    if (post_id is None) == (factory_id is None):
        raise field_error("post_id", "one_of", "请指定一条信息或一家工厂")
    if post_id is not None:
        post = visible_posts().filter(pk=int(post_id)).first()
        if post is None and user is not None:
            # The owner may look at (and keep) their own post while it is not public.
            post = Post.objects.filter(pk=post_id, owner_id=user.pk).first()
        if post is None:
            raise NotFound("信息不存在或已下架")
        return post, None
    assert factory_id is not None
    factory = visible_factories().filter(pk=factory_id).first()
    if factory is None and user is not None:
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


def _viewer_key(*, user: User | None, ip: str | None) -> str | None:
    """Who is viewing, as a keyed hash: the account, else the anonymous reader's address."""
    if user is not None and getattr(user, "pk", None):
        return blind_index(str(user.pk), context="daily_view_user")
    return blind_index(ip, context="daily_view_ip") if ip else None


def _count_once_today(*, viewer: str | None, post: Post | None, factory: FactoryProfile | None) -> bool:
    """True the first time ``viewer`` opens the page today (then the view counts), else False."""
    if viewer is None:
        return False
    target = {"post": post} if post is not None else {"factory": factory}
    try:
        with transaction.atomic():
            DailyView.objects.create(day=timezone.localdate(), viewer=viewer, **target)
    except IntegrityError:
        return False
    return True


@dataclass(frozen=True)
class ViewRecorded:
    recorded: bool  # a browsing-history entry was added or refreshed
    counted: bool  # the page's view count went up (once per viewer per day)


@transaction.atomic
def record_view_by_id(
    *, user: User | None, post_id: int | None = None, factory_id: int | None = None, ip: str | None = None
) -> ViewRecorded:
    """A reader opened a detail page (issue #15 item 8: the GET of the page writes nothing; the page
    posts this once it is shown). The view counts once per viewer per day and never for the owner;
    signed-in readers also get the page in their browsing history."""
    post, factory = _target(post_id, factory_id, user=user)
    owner_id = post.owner_id if post is not None else factory.owner_id  # type: ignore[union-attr]
    counted = False
    if user is None or owner_id != user.pk:
        counted = _count_once_today(viewer=_viewer_key(user=user, ip=ip), post=post, factory=factory)
        if counted and post is not None:
            count_post_view(post=post, viewer=user)
    event = record_view(user=user, post=post, factory=factory)
    return ViewRecorded(recorded=event is not None, counted=counted)


@transaction.atomic
def clear_history(*, user: User) -> int:
    deleted, _ = ViewEvent.objects.filter(user=user).delete()
    return deleted


def prune_history(*, now: datetime | None = None) -> int:
    """Scheduled: history older than HISTORY_KEEP_DAYS is deleted (PIPL: keep no longer than needed)."""
    cutoff = (now or timezone.now()) - timedelta(days=HISTORY_KEEP_DAYS)
    deleted, _ = ViewEvent.objects.filter(at__lt=cutoff).delete()
    # Yesterday's rows still answer "already counted" around midnight; older ones serve nothing.
    DailyView.objects.filter(day__lt=timezone.localdate(now) - timedelta(days=1)).delete()
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
