"""Reads of complaints and feedback. A complaint is visible to its complainant only (404 for everyone
else, including the party complained about, who learns the outcome by notification)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.models import User
from applications.models import Application
from common.console_permissions import ConsolePermission, has_console_permission
from common.errors import NotFound
from listings.models import Post
from listings.selectors import visible_posts
from messaging.models import Connection, Conversation
from support.models import (
    OPEN_STATUSES,
    UPHELD_OUTCOMES,
    Complaint,
    ComplaintStatus,
    Feedback,
)
from uploads.models import StoredFile

# --- complainant's side --------------------------------------------------------------------------


def _complaints() -> QuerySet[Complaint]:
    return Complaint.objects.select_related("target_user", "target_user__factory", "post").prefetch_related(
        Prefetch("evidence", queryset=StoredFile.objects.order_by("created_at", "pk"))
    )


def my_complaints(*, user: User, status: str | None = None) -> QuerySet[Complaint]:
    qs = _complaints().filter(complainant_id=user.pk)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-id")


def get_complaint_for(*, user: User, complaint_id: int) -> Complaint:
    complaint = _complaints().filter(pk=complaint_id, complainant_id=user.pk).first()
    if complaint is None:
        raise NotFound("投诉不存在或无权查看")
    return complaint


def my_feedback(*, user: User) -> QuerySet[Feedback]:
    return (
        Feedback.objects.filter(user_id=user.pk)
        .prefetch_related(Prefetch("images", queryset=StoredFile.objects.order_by("created_at", "pk")))
        .order_by("-created_at", "-id")
    )


# --- who may complain about what -----------------------------------------------------------------


def has_dealings(a_id: int, b_id: int) -> bool:
    """Whether two accounts have dealt with each other: a conversation, a connection, or a job
    application between them. A complaint about a user needs this, so accounts cannot be reported
    by strangers who only know an id."""
    low, high = sorted((a_id, b_id))
    if Conversation.objects.filter(user_low_id=low, user_high_id=high).exists():
        return True
    if Connection.objects.filter(
        Q(initiator_id=a_id, counterpart_id=b_id) | Q(initiator_id=b_id, counterpart_id=a_id)
    ).exists():
        return True
    return Application.objects.filter(
        Q(worker_id=a_id, post__owner_id=b_id) | Q(worker_id=b_id, post__owner_id=a_id)
    ).exists()


def post_for_complaint(*, user: User, post_id: int) -> Post:
    """A post ``user`` may complain about: one they can see on the boards, or one they dealt with
    (applied to, or contacted its owner about) even if it has since left the boards."""
    post = Post.objects.select_related("owner").filter(pk=post_id).first()
    if post is None:
        raise NotFound("信息不存在或已下架")
    if post.owner_id == user.pk or visible_posts().filter(pk=post.pk).exists():
        return post
    if Application.objects.filter(post_id=post.pk, worker_id=user.pk).exists():
        return post
    if Connection.objects.filter(Q(initiator_id=user.pk) | Q(counterpart_id=user.pk), post_id=post.pk).exists():
        return post
    raise NotFound("信息不存在或已下架")


def has_open_duplicate(
    *, complainant: User, target_user_id: int, category: str, post_id: Any, connection_id: Any
) -> bool:
    return Complaint.objects.filter(
        complainant_id=complainant.pk,
        target_user_id=target_user_id,
        category=category,
        post_id=post_id,
        connection_id=connection_id,
        status__in=OPEN_STATUSES,
    ).exists()


# --- trust signals (R-PLUS-4) --------------------------------------------------------------------


def upheld_complaints_count(user_ids: Iterable[int]) -> dict[int, int]:
    """For each account, how many complaints about it were upheld (resolved with a warning, a post
    removal, a restriction or a disablement). One query for any number of accounts; 0 when none."""
    ids = sorted({int(uid) for uid in user_ids if uid})
    if not ids:
        return {}
    counts = dict.fromkeys(ids, 0)
    rows = (
        Complaint.objects.filter(target_user_id__in=ids, status=ComplaintStatus.RESOLVED, outcome__in=UPHELD_OUTCOMES)
        .values("target_user_id")
        .annotate(n=Count("id"))
        .values_list("target_user_id", "n")
    )
    for uid, n in rows:
        counts[uid] = n
    return counts


# --- console -------------------------------------------------------------------------------------


def is_complaint_handler(user: User) -> bool:
    return has_console_permission(user, ConsolePermission.HANDLE_COMPLAINTS)


def is_feedback_handler(user: User) -> bool:
    return has_console_permission(user, ConsolePermission.REPLY_FEEDBACK)


def complaint_queue(base: QuerySet[Complaint] | None = None) -> QuerySet[Complaint]:
    """Unresolved complaints first, oldest first; then closed ones, most recent first."""
    from django.db.models import Case, IntegerField, Value, When

    qs = base if base is not None else Complaint.objects.all()
    return qs.select_related("complainant", "target_user", "assignee", "post").annotate(
        is_closed=Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField())
    )


def can_read_attached_file(user: User, stored_file: StoredFile) -> bool:
    """Uploads' reader rule for complaint evidence and feedback images: the operators handling them
    (besides the uploader, whom uploads always allows)."""
    if is_complaint_handler(user) and Complaint.objects.filter(evidence=stored_file).exists():
        return True
    return is_feedback_handler(user) and Feedback.objects.filter(images=stored_file).exists()


def user_for_target(*, user_id: int) -> User:
    target = User.objects.filter(pk=user_id, is_staff=False).first()
    if target is None:
        raise NotFound("用户不存在")
    return target


def complaints_about(user_id: int) -> tuple[int, int]:
    """How many complaints name the account, and how many of them were upheld (the review workbench's
    publisher card, issue #14)."""
    about = Complaint.objects.filter(target_user_id=user_id)
    upheld = about.filter(status=ComplaintStatus.RESOLVED, outcome__in=UPHELD_OUTCOMES).count()
    return about.count(), upheld
