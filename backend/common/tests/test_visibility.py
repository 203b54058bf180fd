"""The visibility policies' queryset filter and their one-object predicate are the same rule
(issue #10 item 3; R-OPS-2, R-PLUS-2): for every combination of states, the object is in
``Model.objects.filter(q)`` exactly when the predicate says it is visible."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import AccountStatus, User
from accounts.visibility import card_label, is_account_visible, visible_account_q
from factories.models import FactoryProfile
from factories.visibility import is_factory_visible, visible_factory_q
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_post, make_publisher
from listings.visibility import is_post_visible, visible_post_q
from search.models import SearchDocument

NOW = timezone.now
ACCOUNT_STATES = [
    {"status": status, "status_until": until, "deleted_at": deleted, "is_active": active}
    for status, until, deleted, active in itertools.product(
        AccountStatus.values,
        [None, "past", "future"],
        [None, "past"],
        [True, False],
    )
]


def _apply(user: User, state: dict[str, object]) -> None:
    offsets = {"past": -timedelta(hours=1), "future": timedelta(days=2)}
    fields = {
        key: (NOW() + offsets[value] if value in offsets else value)  # type: ignore[index]
        for key, value in state.items()
    }
    User.objects.filter(pk=user.pk).update(**fields)


@pytest.mark.django_db
def test_account_filter_and_predicate_agree_over_every_state_R_OPS_2():
    users = []
    for state in ACCOUNT_STATES:
        user = make_publisher("trade")
        _apply(user, state)
        users.append(user)
    in_sql = set(User.objects.filter(visible_account_q(), pk__in=[u.pk for u in users]).values_list("pk", flat=True))
    loaded = User.objects.filter(pk__in=[u.pk for u in users])
    assert {u.pk for u in loaded if is_account_visible(u)} == in_sql
    # The rule itself: only a normal/restricted, active, uncancelled account, or one whose
    # disablement has ended, is visible; an invisible account's face reads 已注销 / 已停用.
    for user in loaded:
        expected = (
            user.is_active
            and user.deleted_at is None
            and (user.status != AccountStatus.DISABLED or (user.status_until is not None and user.status_until < NOW()))
        )
        assert is_account_visible(user) is expected, (user.status, user.status_until, user.deleted_at, user.is_active)
        assert card_label(user) == ("" if expected else ("已注销用户" if user.deleted_at else "已停用用户"))


@pytest.mark.django_db
def test_post_filter_and_predicate_agree_over_every_state_R_PLUS_2():
    owner_states = [
        {"status": AccountStatus.NORMAL},
        {"status": AccountStatus.DISABLED},
        {"status": AccountStatus.DISABLED, "status_until": "past"},
        {"status": AccountStatus.DISABLED, "status_until": "future"},
        {"deleted_at": "past", "is_active": False},
        {"is_active": False},
    ]
    posts = []
    for owner_state in owner_states:
        owner = make_publisher("factory")
        for status in PostStatus.values:
            for days in (-1, 0, 30):
                post = make_post(owner=owner, kind=PostKind.STOCK, status=status)
                Post.objects.filter(pk=post.pk).update(valid_until=timezone.localdate() + timedelta(days=days))
                posts.append(post.pk)
        _apply(owner, owner_state)
    in_sql = set(Post.objects.filter(visible_post_q(), pk__in=posts).values_list("pk", flat=True))
    loaded = list(Post.objects.select_related("owner").filter(pk__in=posts))
    assert {p.pk for p in loaded if is_post_visible(p)} == in_sql
    assert in_sql, "some state must be visible, or the comparison proves nothing"
    assert len(in_sql) < len(posts)
    # Joined through a prefix, the same rule.
    docs = SearchDocument.objects.filter(visible_post_q(prefix="post__"), post_id__in=posts)
    assert set(docs.values_list("post_id", flat=True)) <= in_sql


@pytest.mark.django_db
def test_factory_filter_and_predicate_agree_over_every_state_R_APP_3():
    ids = []
    for verified, state in itertools.product([True, False], ACCOUNT_STATES[::3]):
        owner = make_publisher("factory", verified=verified)
        _apply(owner, state)
        ids.append(owner.factory.pk)
    in_sql = set(FactoryProfile.objects.filter(visible_factory_q(), pk__in=ids).values_list("pk", flat=True))
    loaded = list(FactoryProfile.objects.select_related("owner").filter(pk__in=ids))
    assert {f.pk for f in loaded if is_factory_visible(f)} == in_sql
    assert in_sql and len(in_sql) < len(ids)
