"""The review workbench for posts and edits (issue #14 item 1): one screen per item, decided by keyboard.

``workbench/`` opens the next item for this reviewer — overdue first, then the oldest submission — skipping
items another reviewer holds (``verification.claims``) and appeals this reviewer rejected in the first
place. ``workbench/<post>/`` shows one item and claims it; a POST decides it through ``listings.services``
(the same approve / reject as everywhere) and answers with a redirect to the next item, so a decision
costs one page load. Keys: A 通过, R 驳回 (reason), 1–9 a reason template, J / K next / previous.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from common.console_permissions import ConsolePermission, has_console_permission
from common.errors import AppError, Conflict
from listings import kinds, review_display, selectors, services
from listings.models import Post, PostStatus, ReviewQueueItem
from listings.publisher_card import card_for
from listings.services.review import is_open_appeal
from uploads.links import file_url
from uploads.models import StoredFile
from verification import claims

QUEUE = "post"


def ordered_queue(reviewer: Any) -> QuerySet[Any]:
    """The queue in the order a reviewer should work it: overdue first, then oldest submission."""
    now = timezone.now()
    return (
        selectors.review_queue(base=ReviewQueueItem.objects.all())
        .exclude(
            Q(status=PostStatus.PENDING, appealed_at__isnull=False, appeal_excluded_reviewer=reviewer)
            & (Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=F("appealed_at")))
        )
        .exclude(
            status=PostStatus.PUBLISHED,
            pending_revision__appealed_at__isnull=False,
            pending_revision__appeal_excluded_reviewer=reviewer,
        )
        .annotate(
            overdue=Case(When(queue_due_at__lt=now, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("overdue", "queue_submitted_at", "id")
    )


def next_item_id(reviewer: Any, *, after: int | None = None, before: int | None = None) -> int | None:
    """The first item nobody else holds; with ``after`` / ``before`` the one following / preceding it."""
    ids = list(ordered_queue(reviewer).values_list("pk", flat=True)[:2000])
    taken = claims.claimed_by_others(reviewer=reviewer, queue=QUEUE)
    free = [pk for pk in ids if pk not in taken]
    if before is not None and before in ids:
        earlier = [pk for pk in ids[: ids.index(before)] if pk not in taken]
        return earlier[-1] if earlier else None
    if after is not None and after in ids:
        later = [pk for pk in ids[ids.index(after) + 1 :] if pk not in taken]
        return later[0] if later else (free[0] if free and free[0] != after else None)
    return free[0] if free else None


class WorkbenchMixin:
    admin_site: Any
    model: Any
    message_user: Any

    def workbench_urls(self) -> list[Any]:
        view = self.admin_site.admin_view
        return [
            path("workbench/", view(self.workbench_next), name="listings_reviewqueueitem_workbench_next"),
            path("workbench/<int:post_id>/", view(self.workbench_view), name="listings_reviewqueueitem_workbench"),
            path(
                "workbench/<int:post_id>/release/",
                view(self.workbench_release),
                name="listings_reviewqueueitem_workbench_release",
            ),
        ]

    def workbench_release(self, request: HttpRequest, post_id: int) -> HttpResponse:
        """The reviewer left the item without deciding (the page's ``pagehide`` beacon): the claim ends now
        instead of after its five minutes. Only one's own claim; POST with the CSRF token."""
        self._require_reviewer(request)
        if request.method != "POST":
            return HttpResponse(status=405)
        claims.release(reviewer=request.user, queue=QUEUE, item_id=post_id)  # type: ignore[arg-type]
        return HttpResponse(status=204)

    def _require_reviewer(self, request: HttpRequest) -> None:
        if not has_console_permission(request.user, ConsolePermission.REVIEW_POSTS):  # type: ignore[arg-type]
            raise DjangoPermissionDenied

    def _go(self, post_id: int | None) -> HttpResponse:
        if post_id is None:
            return HttpResponseRedirect(reverse("admin:listings_reviewqueueitem_workbench_next") + "?empty=1")
        return HttpResponseRedirect(reverse("admin:listings_reviewqueueitem_workbench", args=[post_id]))

    def workbench_next(self, request: HttpRequest) -> HttpResponse:
        self._require_reviewer(request)
        post_id = None if request.GET.get("empty") else next_item_id(request.user)
        if post_id is not None:
            return self._go(post_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "审核工作台",
            "empty": True,
        }
        return TemplateResponse(request, "admin/listings/workbench.html", context)

    def workbench_view(self, request: HttpRequest, post_id: int) -> HttpResponse:
        self._require_reviewer(request)
        reviewer: Any = request.user
        if request.method == "POST":
            return self._decide(request, reviewer, post_id)
        post = ordered_queue(reviewer).filter(pk=post_id).prefetch_related("media_links__file", "process_types").first()
        if post is None:
            self.message_user(request, "该信息已被处理或不在待审核队列中，已为您打开下一条", messages.INFO)
            return self._go(next_item_id(reviewer))
        claim = claims.claim(reviewer=reviewer, queue=QUEUE, item_id=post.pk)
        return TemplateResponse(request, "admin/listings/workbench.html", self._context(request, post, claim))

    def _decide(self, request: HttpRequest, reviewer: Any, post_id: int) -> HttpResponse:
        if not ordered_queue(reviewer).filter(pk=post_id).exists():
            self.message_user(request, "该信息已被处理，或是您驳回后的申诉（须由其他审核员复审）", messages.WARNING)
            return self._go(next_item_id(reviewer))
        claim = claims.claim(reviewer=reviewer, queue=QUEUE, item_id=post_id)
        if not claim.mine:
            self.message_user(request, f"该信息正由 {claim.holder_name} 审核，未作处理", messages.WARNING)
            return self._go(next_item_id(reviewer, after=post_id))
        revision = request.POST.get("revision") or None
        revision_id = int(revision) if revision and revision.isdigit() else None
        title = request.POST.get("title_seen", "")
        try:
            if request.POST.get("decision") == "approve":
                services.approve(reviewer=reviewer, post_id=post_id, revision_id=revision_id)
                self.message_user(request, f"已通过「{title}」，已通知发布者", messages.SUCCESS)
            else:
                template = request.POST.get("template") or ""
                services.reject(
                    reviewer=reviewer,
                    post_id=post_id,
                    revision_id=revision_id,
                    reason=request.POST.get("reason", ""),
                    template_id=int(template) if template.isdigit() else None,
                )
                self.message_user(request, f"已驳回「{title}」，原因已推送给发布者", messages.SUCCESS)
        except Conflict as exc:
            self.message_user(request, exc.message, messages.WARNING)
        except AppError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return self._go(post_id)
        claims.release(reviewer=reviewer, queue=QUEUE, item_id=post_id)
        return self._go(next_item_id(reviewer, after=post_id))

    def _context(self, request: HttpRequest, post: Any, claim: claims.ClaimResult) -> dict[str, Any]:
        revision = post.pending_revision if post.status != PostStatus.PENDING else None
        published = kinds.form_values(post)
        if revision is not None:
            values = {**published, **revision.data}
            found = review_display.findings(post, revision.moderation, review_display.text_values(post.kind, values))
            before_found = review_display.findings(
                post, post.moderation, review_display.text_values(post.kind, published)
            )
            rows = review_display.content_rows(post, values, found, before=published, before_hits=before_found)
            title = values.get("title") or post.title
        else:
            values = published
            found = review_display.findings(post, post.moderation, review_display.text_values(post.kind, values))
            rows = review_display.content_rows(post, values, found)
            title = post.title
        media = self._media(post, revision)
        queue_ids = list(ordered_queue(request.user).values_list("pk", flat=True)[:2000])
        position = queue_ids.index(post.pk) + 1 if post.pk in queue_ids else None
        due = post.queue_due_at
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "审核工作台",
            "post": post,
            "post_title": title,
            "kind_label": post.get_kind_display(),
            "is_edit": revision is not None,
            "revision": revision,
            "is_appeal": bool(revision.appealed_at) if revision is not None else is_open_appeal(post),
            "appeal_note": revision.appeal_note if revision is not None else post.appeal_note,
            "appeal_reason": revision.reason if revision is not None else post.reject_reason,
            "rows": rows,
            "findings": found,
            "summary_html": review_display.summary_html(found),
            "media": media,
            "card": card_for(post.owner),
            "claim": claim,
            "templates": [{"value": t.pk, "title": t.title} for t in selectors.reason_templates()[:9]],
            "position": position,
            "queue_size": len(queue_ids),
            "due": due,
            "overdue": bool(due and due < timezone.now()),
            "decide_url": reverse("admin:listings_reviewqueueitem_workbench", args=[post.pk]),
            "release_url": reverse("admin:listings_reviewqueueitem_workbench_release", args=[post.pk]),
            "next_url": self._url(next_item_id(request.user, after=post.pk)),
            "prev_url": self._url(next_item_id(request.user, before=post.pk)),
            "queue_url": reverse("admin:listings_reviewqueueitem_changelist"),
        }

    @staticmethod
    def _url(post_id: int | None) -> str:
        return reverse("admin:listings_reviewqueueitem_workbench", args=[post_id]) if post_id else ""

    @staticmethod
    def _media(post: Post, revision: Any) -> list[dict[str, str]]:
        if revision is not None and "media_ids" in revision.data:
            by_id = {str(f.pk): f for f in StoredFile.objects.filter(pk__in=revision.data.get("media_ids") or [])}
            files = [by_id[i] for i in revision.data.get("media_ids") or [] if i in by_id]
        else:
            files = [link.file for link in post.media_links.all()]
        shown = []
        for f in files:
            kind = (
                "image"
                if f.kind == "image"
                else "video"
                if f.kind == "video"
                else ("pdf" if f.content_type == "application/pdf" else "file")
            )
            shown.append({"kind": kind, "url": file_url(f), "name": f.original_name or f.get_kind_display()})
        return shown
