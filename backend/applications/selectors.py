"""Reads of job applications. A worker sees their own applications; a post's owner sees the
applicants to their post; everyone else gets 404."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from applications.models import Application
from common.errors import NotFound
from listings.models import Post

if TYPE_CHECKING:
    from accounts.models import User


def my_applications(*, worker: User, status: str | None = None, post_id: int | None = None) -> QuerySet[Application]:
    qs = Application.objects.filter(worker_id=worker.pk).select_related(
        "post", "post__owner", "post__owner__factory", "post__job_type", "post__region"
    )
    if status:
        qs = qs.filter(status=status)
    if post_id is not None:
        qs = qs.filter(post_id=post_id)
    return qs.order_by("-updated_at", "-id")


def applicants_for_post(*, user: User, post_id: int, status: str | None = None) -> QuerySet[Application]:
    """The applicants to ``user``'s own post, newest first (404 for anyone else's post)."""
    if not Post.objects.filter(pk=post_id, owner_id=user.pk).exists():
        raise NotFound("信息不存在或无权查看")
    qs = Application.objects.filter(post_id=post_id).select_related("worker")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-id")


def get_application_for_worker(*, worker: User, application_id: int) -> Application:
    application = my_applications(worker=worker).filter(pk=application_id).first()
    if application is None:
        raise NotFound("申请不存在或无权查看")
    return application


def get_application_for_owner(*, user: User, application_id: int) -> Application:
    application = (
        Application.objects.select_related("worker", "post").filter(pk=application_id, post__owner_id=user.pk).first()
    )
    if application is None:
        raise NotFound("申请不存在或无权查看")
    return application


def applied_post_ids(*, worker: User | None, post_ids: Iterable[int]) -> set[int]:
    """Which of ``post_ids`` the worker has a live application to (for an "已申请" mark on cards)."""
    from applications.models import ApplicationStatus

    if worker is None or not getattr(worker, "pk", None):
        return set()
    return set(
        Application.objects.filter(worker_id=worker.pk, post_id__in=list(post_ids))
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .values_list("post_id", flat=True)
    )


def viewer_application(post: Post, *, user: User) -> dict[str, Any]:
    """The viewer block's application (``listings.selectors.register_viewer_part``, issue #15 item 8):
    the reader's own application to this post, so a worker who applied sees 已报名 and its state."""
    application = Application.objects.filter(post_id=post.pk, worker_id=user.pk).first()
    if application is None:
        return {"application": None}
    return {
        "application": {
            "id": application.pk,
            "status": application.status,
            "status_label": application.get_status_display(),
        }
    }
