"""Builders for application tests: a verified factory's published labour post (through the listings
services), workers with a job preference, and applications made through the API."""

from __future__ import annotations

import itertools
from typing import Any

from accounts.models import AccountType
from accounts.tests.factories import make_user, signed_in_client
from common.testing import notifications_of  # noqa: F401  (shared helper)
from listings.models import Post, PostKind
from listings.tests.factories import SHENZHEN_BAOAN, make_post, make_publisher


def labour_post(*, owner: Any = None, headcount: int = 20, **overrides: Any) -> Post:
    return make_post(owner=owner or make_publisher("factory"), kind=PostKind.LABOUR, headcount=headcount, **overrides)


def factory_client(post: Post) -> Any:
    return signed_in_client(post.owner)


_phones = itertools.count(1)


def worker_client(*, name: str = "张师傅", phone: str | None = None, with_preference: bool = True) -> Any:
    """A signed-in worker with a phone (unique unless given) and, by default, a job preference."""
    phone = phone or f"1390000{next(_phones):04d}"
    client = signed_in_client(make_user(account_type=AccountType.WORKER, display_name=name, phone=phone))
    if with_preference:
        from taxonomy.models import JobType

        response = client.put(
            "me/job-preferences",
            {"job_type_ids": [JobType.objects.get(name="缝纫工").pk], "region_adcode": SHENZHEN_BAOAN},
        )
        assert response.status_code == 200, response
    return client


def apply(worker: Any, post: Post, **body: Any) -> Any:
    return worker.post("applications", {"post_id": post.pk, **body})


def applied(worker: Any, post: Post, **body: Any) -> dict[str, Any]:
    response = apply(worker, post, **body)
    assert response.status_code == 201, response
    return dict(response.json())
