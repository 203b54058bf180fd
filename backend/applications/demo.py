"""Demo applications for the embedded run: ``load_demo_applications()``.

The demo worker (手机号 13800000003, made by ``seed_demo``) applies to the first two demo labour posts;
the factory has already contacted them about the first. Running it again creates nothing new. Run
``load_demo_posts()`` first.
"""

from __future__ import annotations

from django.db import transaction

from accounts.models import AccountType, User
from listings.models import PostKind
from listings.selectors import visible_posts

DEMO_WORKER = "demo_13800000003"


@transaction.atomic
def load_demo_applications() -> int:
    """Returns how many applications were new."""
    from applications import services
    from applications.models import Application, ApplicationStatus

    worker = User.objects.filter(username=DEMO_WORKER, account_type=AccountType.WORKER).first()
    if worker is None:
        return 0
    created = 0
    posts = visible_posts().filter(kind=PostKind.LABOUR, is_full=False).select_related("owner").order_by("id")[:2]
    for index, post in enumerate(posts):
        if Application.objects.filter(post=post, worker=worker).exists():
            continue
        application = services.apply(
            worker=worker, post_id=post.pk, note="做过三年流水线，可以长期干", experience_years=3
        )
        if index == 0:
            services.set_status(
                factory_user=post.owner, application_id=application.pk, status=ApplicationStatus.CONTACTED
            )
        created += 1
    return created
