"""Demo complaint and feedback for the embedded run: ``load_demo_support()``.

The demo worker (手机号 13800000003) has sent a feedback, answered by the demo support operator
(``support`` / support12345), and filed one complaint about a demo labour post, waiting in the
console's 纠纷处理 queue. Running it again creates nothing new. Run ``load_demo_posts()`` first.
"""

from __future__ import annotations

from django.db import transaction

from accounts.models import AccountType, User
from listings.models import PostKind
from listings.selectors import visible_posts

DEMO_WORKER = "demo_13800000003"
DEMO_OPERATOR = "support"


@transaction.atomic
def load_demo_support() -> int:
    """Returns how many rows (feedback, complaint) were new."""
    from support import selectors, services
    from support.models import Complaint, ComplaintCategory, Feedback, FeedbackCategory, TargetType

    worker = User.objects.filter(username=DEMO_WORKER, account_type=AccountType.WORKER).first()
    if worker is None:
        return 0
    created = 0
    if not Feedback.objects.filter(user=worker).exists():
        feedback = services.submit_feedback(
            user=worker,
            category=FeedbackCategory.SUGGESTION,
            content="希望用工信息能按离我最近排序，再加上是否包吃住的筛选。",
            contact_ok=True,
        )
        operator = User.objects.filter(username=DEMO_OPERATOR, is_staff=True).first()
        if operator is not None and selectors.is_feedback_handler(operator):
            services.reply_feedback(
                operator=operator,
                feedback_id=feedback.pk,
                reply="感谢建议！用工板块已支持按距离排序，包吃住筛选会在下个版本上线。",
            )
        created += 1
    if not Complaint.objects.filter(complainant=worker).exists():
        post = visible_posts().filter(kind=PostKind.LABOUR).exclude(owner=worker).order_by("-id").first()
        if post is not None:
            services.file_complaint(
                complainant=worker,
                target_type=TargetType.POST,
                target_id=post.pk,
                category=ComplaintCategory.FEES_CHARGED,
                description="电话联系时对方要求先交 300 元服装押金才能上岗，与信息中写的不收费不符。",
            )
            created += 1
    return created
