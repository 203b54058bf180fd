"""`make run` loads the demo with `manage.py seed_demo`: it must succeed on an empty database, twice, and give a
newcomer something to see on every board (R-OPS-4; pictures and the recruitment licence of issues #15/#16)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from common.testing import ApiClient
from factories.models import FactoryProfile
from listings.models import Post, PostStatus

pytestmark = pytest.mark.django_db


def test_seed_demo_runs_twice_and_every_board_has_posts_with_pictures_where_required() -> None:
    call_command("seed_demo", stdout=StringIO())
    counts = (Post.objects.count(), FactoryProfile.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Post.objects.count(), FactoryProfile.objects.count()) == counts  # idempotent

    demo_factory = FactoryProfile.objects.get(owner__username="demo_13800000002")
    assert demo_factory.photos.exists(), "a factory profile needs a workshop photo"
    api = ApiClient()
    boards = {b["kind"]: b for b in api.get("boards").json()}
    assert boards["labour"]["available"] is True  # the demo licence keeps the labour board open
    for kind in boards:
        page = api.get(f"discovery/{kind}").json()
        assert page["count"] > 0, kind
    stock = Post.objects.filter(kind="stock", status=PostStatus.PUBLISHED)
    assert stock.exists() and all(p.media_links.exists() for p in stock)
