"""The 审核中心 console pages: queue with due time and keyword hits, batch approve / reject with one
reason, history, repeat offenders (R-ADM-1, R-FLOW-2, R-OPS-1, R-OPS-2)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time

from listings import services
from listings.models import Post, PostKind, PostStatus, RejectReasonTemplate
from listings.tests.factories import make_post, make_publisher, make_reviewer
from moderation.models import KeywordAction
from moderation.tests.factories import make_keyword
from notifications.models import Notification

pytestmark = pytest.mark.django_db

QUEUE = "admin:listings_reviewqueueitem_changelist"


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def test_queue_lists_pending_oldest_first_with_overdue_and_hits_R_ADM_1() -> None:
    make_keyword("全网最低价", action=KeywordAction.FLAG)
    with freeze_time("2026-11-02 09:00:00+08:00"):
        late = make_post(status=PostStatus.PENDING, description="全网最低价清仓", title="迟到的库存")
    fresh = make_post(kind=PostKind.LABOUR, status=PostStatus.PENDING, title="新来的招工")
    make_post(title="早已发布的库存")
    html = console(make_reviewer()).get(reverse(QUEUE)).content.decode()
    assert "迟到的库存" in html and "新来的招工" in html
    assert "早已发布的库存" not in html
    assert html.index("迟到的库存") < html.index("新来的招工")
    assert "已超时" in html
    assert "全网最低价" in html
    flagged_only = console(make_reviewer()).get(reverse(QUEUE), {"flagged": "yes"}).content.decode()
    assert "迟到的库存" in flagged_only and "新来的招工" not in flagged_only
    assert late.pk and fresh.pk


def test_detail_page_shows_content_and_pending_edit_R_ADM_1() -> None:
    post = make_post(kind=PostKind.STOCK)
    from accounts.tests.factories import signed_in_client

    signed_in_client(post.owner).put(f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 6.5})
    html = console(make_reviewer()).get(reverse("admin:listings_reviewqueueitem_change", args=[post.pk]), follow=True)
    text = html.content.decode()
    assert "儿童保温杯尾货" in text and "6.5" in text and "已发布信息的修改" in text


def test_batch_approve_from_the_queue_R_ADM_1() -> None:
    posts = [make_post(status=PostStatus.PENDING) for _ in range(2)]
    response = console(make_reviewer()).post(
        reverse(QUEUE), {"action": "approve_selected", "_selected_action": [p.pk for p in posts]}
    )
    assert response.status_code == 302
    assert set(Post.objects.filter(pk__in=[p.pk for p in posts]).values_list("status", flat=True)) == {
        PostStatus.PUBLISHED
    }


def test_batch_reject_with_one_reason_through_the_intermediate_form_R_ADM_1() -> None:
    posts = [make_post(status=PostStatus.PENDING) for _ in range(2)]
    client = console(make_reviewer())
    chosen = client.post(reverse(QUEUE), {"action": "reject_selected", "_selected_action": [p.pk for p in posts]})
    assert chosen.status_code == 302
    form_page = client.get(chosen["Location"])
    assert form_page.status_code == 200
    assert "驳回原因模板" in form_page.content.decode()
    ids = ",".join(str(p.pk) for p in posts)
    missing = client.post(reverse("admin:listings_reviewqueueitem_reject"), {"ids": ids})
    assert missing.status_code == 200 and "驳回必须选择原因模板或填写原因" in missing.content.decode()
    template = RejectReasonTemplate.objects.get(title="含联系方式")
    done = client.post(
        reverse("admin:listings_reviewqueueitem_reject"),
        {"ids": ids, "template": template.pk, "reason": "电话请在会话中提供"},
    )
    assert done.status_code == 302
    for post in posts:
        post.refresh_from_db()
        assert post.status == PostStatus.REJECTED
        assert template.text in post.reject_reason and "电话请在会话中提供" in post.reject_reason
        assert Notification.objects.filter(recipient=post.owner, body__contains="电话请在会话中提供").exists()


def test_users_without_the_reviewer_role_cannot_review() -> None:
    from accounts.tests.factories import make_staff

    post = make_post(status=PostStatus.PENDING)
    client = console(make_staff())
    assert client.get(reverse(QUEUE)).status_code == 403
    client.post(reverse("admin:listings_reviewqueueitem_reject"), {"ids": str(post.pk), "reason": "x"})
    assert Post.objects.get(pk=post.pk).status == PostStatus.PENDING


def test_history_and_repeat_offenders_page_R_OPS_2() -> None:
    reviewer = make_reviewer()
    offender = make_publisher("factory", display_name="屡犯工厂")
    prohibited = RejectReasonTemplate.objects.get(title="含违禁内容")
    for _ in range(3):
        post = make_post(owner=offender, status=PostStatus.PENDING)
        services.reject(reviewer=reviewer, post_id=post.pk, template_id=prohibited.pk)
    client = console(reviewer)
    history = client.get(reverse("admin:listings_reviewdecision_changelist"))
    assert history.status_code == 200
    assert "查看并建议限制发布" in history.content.decode()
    page = client.get(reverse("admin:listings_reviewdecision_offenders")).content.decode()
    assert "屡犯" in page and 'class="offender"' in page


def test_reason_templates_are_managed_in_the_console() -> None:
    from accounts.tests.factories import make_staff

    admin = make_staff(superuser=True)
    page = console(admin).get(reverse("admin:listings_rejectreasontemplate_changelist"))
    assert page.status_code == 200 and "含违禁内容" in page.content.decode()
