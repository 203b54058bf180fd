"""Every public read endpoint hides every invisible post, factory and account (issue #10 item 3;
R-OPS-2, R-PLUS-2, R-APP-3, R-APP-5, R-APP-1).

The endpoints are read from the router (``config.api.api``'s OpenAPI document): a GET operation
missing from ``ENDPOINTS`` or ``NOTHING_PUBLIC`` fails the test with its path, so a new endpoint is
covered the day it is added.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import AccountStatus, User
from accounts.tests.factories import signed_in_client
from config.api import api as ninja_api
from discovery.models import Favourite, ViewEvent
from factories.models import FactoryProfile
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_post, make_publisher
from notifications.models import NotificationKind
from notifications.services import notify


@dataclass
class World:
    viewer: Any  # a signed-in trade company's client
    factory_viewer: Any  # a signed-in factory's client (for factory-only lists)
    visible_posts: list[Post] = field(default_factory=list)
    hidden_posts: dict[str, Post] = field(default_factory=dict)
    visible_factories: list[FactoryProfile] = field(default_factory=list)
    hidden_factories: dict[str, FactoryProfile] = field(default_factory=dict)


# Owner states that hide everything the account owns; ``lapsed`` (a disablement whose end has passed)
# is the control that must NOT hide.
OWNER_STATES: dict[str, Callable[[], dict[str, Any]]] = {
    "disabled": lambda: {"status": AccountStatus.DISABLED},
    "disabled_until_future": lambda: {
        "status": AccountStatus.DISABLED,
        "status_until": timezone.now() + timedelta(days=3),
    },
    "cancelled": lambda: {"deleted_at": timezone.now(), "is_active": False},
    "inactive": lambda: {"is_active": False},
    "lapsed": lambda: {"status": AccountStatus.DISABLED, "status_until": timezone.now() - timedelta(hours=1)},
}


def _owner(tag: str) -> User:
    return make_publisher("factory", display_name=f"可见性{tag}")


def _stock(owner: User, tag: str, **kw: Any) -> Post:
    return make_post(owner=owner, kind=PostKind.STOCK, title=f"保温杯库存{tag}", **kw)


def build_world() -> World:
    viewer_user = make_publisher("trade", display_name="查看者")
    world = World(
        viewer=signed_in_client(viewer_user),
        factory_viewer=signed_in_client(make_publisher("factory", display_name="查看工厂")),
    )
    control = _owner("正常")
    world.visible_posts.append(_stock(control, "正常"))
    world.visible_factories.append(control.factory)
    for state, fields in OWNER_STATES.items():
        owner = _owner(state)
        post = _stock(owner, state)
        User.objects.filter(pk=owner.pk).update(**fields())
        if state == "lapsed":
            world.visible_posts.append(post)
            world.visible_factories.append(owner.factory)
        else:
            world.hidden_posts[f"owner_{state}"] = post
            world.hidden_factories[f"owner_{state}"] = owner.factory
    post_owner = _owner("帖子状态")
    world.visible_factories.append(post_owner.factory)
    for status in (PostStatus.PENDING, PostStatus.TAKEN_DOWN, PostStatus.EXPIRED, PostStatus.REJECTED):
        world.hidden_posts[f"post_{status}"] = _stock(post_owner, status, status=status)
    past = _stock(post_owner, "过期日")
    Post.objects.filter(pk=past.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    world.hidden_posts["post_past_valid_until"] = past
    unverified = make_publisher("factory", verified=False, display_name="可见性未认证")
    world.hidden_factories["factory_unverified"] = unverified.factory
    # The viewer favourited and opened everything before it became invisible.
    for post in [*world.visible_posts, *world.hidden_posts.values()]:
        Favourite.objects.create(user=viewer_user, post=post)
        ViewEvent.objects.create(user=viewer_user, post=post, at=timezone.now())
    for factory in [*world.visible_factories, *world.hidden_factories.values()]:
        Favourite.objects.create(user=viewer_user, factory=factory)
        ViewEvent.objects.create(user=viewer_user, factory=factory, at=timezone.now())
    # ... and was notified about each (a match notice, a new contact).
    for target, name in [
        *((post, post.title) for post in [*world.visible_posts, *world.hidden_posts.values()]),
        *((factory, factory.name) for factory in [*world.visible_factories, *world.hidden_factories.values()]),
    ]:
        notify(
            recipient=viewer_user,
            kind=NotificationKind.NEW_MATCH,
            title="新的匹配",
            body=f"「{name}」",
            link=f"/pages/x?id={target.pk}",
            target=target,
        )
    return world


@dataclass(frozen=True)
class ListEndpoint:
    """A list: ``params`` to call it with; ``shows_visible`` when the visible control items must be
    on the page too (so the check cannot pass on an empty page)."""

    params: dict[str, Any]
    exposes: frozenset[str]
    shows_visible: bool = True
    as_factory: bool = False


@dataclass(frozen=True)
class DetailEndpoint:
    """One object by id: 404 for every invisible one, 200 for the visible control."""

    exposes: str  # "post" | "factory"


POSTS = frozenset({"post"})
FACTORIES = frozenset({"factory"})
BOTH = POSTS | FACTORIES

ENDPOINTS: dict[str, ListEndpoint | DetailEndpoint] = {
    "/api/factories/{factory_id}": DetailEndpoint("factory"),
    "/api/listings/posts/{post_id}": DetailEndpoint("post"),
    "/api/search": ListEndpoint({"q": "保温杯"}, BOTH),
    "/api/discovery/factories": ListEndpoint({}, FACTORIES),
    "/api/discovery/{kind}": ListEndpoint({"kind": "stock"}, POSTS),
    # Favourites and history keep the entry as 已失效 (``available: false``) without its content.
    "/api/me/history": ListEndpoint({"page_size": 50}, BOTH),
    "/api/favourites": ListEndpoint({"page_size": 50}, BOTH),
    "/api/home": ListEndpoint({}, BOTH, shows_visible=False),
    "/api/matching/for-me": ListEndpoint({}, POSTS, shows_visible=False, as_factory=True),
    # A notice about an invisible target keeps its place, reading 该信息已失效 without content or link.
    "/api/notifications": ListEndpoint({"page_size": 50}, BOTH),
}

# A disabled/cancelled other party reads 已停用用户 / 已注销用户 (accounts.visibility.card_label).
USER_CARD = "the other party as a user card (messaging/applications test_*visibility.py)"

# GET operations that expose no other account's post or factory, with the reason.
NOTHING_PUBLIC: dict[str, str] = {
    "/api/me": "the caller's own account",
    "/api/me/export/{export_id}": "the caller's own export job",
    "/api/me/export/{export_id}/file": "the caller's own archive",
    "/api/regions": "reference data",
    "/api/regions/{adcode}": "reference data",
    "/api/taxonomy": "reference data",
    "/api/boards": "reference data (board definitions from the registry)",
    "/api/legal/documents": "reference data (the legal documents in force)",
    "/api/legal/documents/{kind}": "reference data (a legal document's text)",
    "/api/legal/consents": "the caller's own acceptances",
    "/api/uploads": "the caller's own files",
    "/api/files/{file_id}": "private files, readers registered in uploads.access (own, chat parties, handlers)",
    "/api/files/{file_id}/thumbnail": "as /api/files/{file_id}",
    "/api/notifications/unread-count": "a number",
    "/api/notifications/subscriptions": "reference data",
    "/api/qualifications/mine": "the caller's own qualifications",
    "/api/me/publish-permission": "the caller's own permission",
    "/api/factories/mine": "the caller's own factory",
    "/api/listings/form-schema/{kind}": "reference data",
    "/api/listings/mine": "the caller's own posts (the owner sees them in every state)",
    "/api/listings/mine/counts": "the caller's own counts",
    "/api/listings/mine/{post_id}": "the caller's own post",
    "/api/matching/posts/{post_id}": "own post only; candidates are drawn from visible_posts()/visible_factories()",
    "/api/me/job-preferences": "the caller's own preferences",
    "/api/messaging/conversations": "participants only; " + USER_CARD,
    "/api/messaging/conversations/{conversation_id}": "participants only; " + USER_CARD,
    "/api/messaging/conversations/{conversation_id}/messages": "participants only",
    "/api/messaging/unread-count": "a number",
    "/api/messaging/connections": "the caller's own connections; " + USER_CARD,
    "/api/applications/mine": "the caller's own applications; " + USER_CARD,
    "/api/applications/for-post/{post_id}": "the post owner's applicants; " + USER_CARD,
    "/api/complaints/mine": "the caller's own complaints",
    "/api/complaints/{complaint_id}": "the complainant only",
    "/api/feedback/mine": "the caller's own feedback",
}


def get_operations() -> list[str]:
    schema = ninja_api.get_openapi_schema()
    return sorted(path for path, ops in schema["paths"].items() if "get" in ops)


def test_every_get_endpoint_is_in_the_visibility_table() -> None:
    """A new GET endpoint must say what public objects it can expose (issue #10 item 3)."""
    missing = [path for path in get_operations() if path not in ENDPOINTS and path not in NOTHING_PUBLIC]
    assert not missing, f"GET endpoints missing from the visibility table: {missing}"
    stale = [path for path in [*ENDPOINTS, *NOTHING_PUBLIC] if path not in get_operations()]
    assert not stale, f"visibility table names endpoints the router no longer has: {stale}"


def _url(path: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    query = dict(params)
    for name in list(query):
        if "{" + name + "}" in path:
            path = path.replace("{" + name + "}", str(query.pop(name)))
    return path, query


def _names(world: World, exposes: frozenset[str]) -> tuple[dict[str, str], list[str]]:
    hidden: dict[str, str] = {}
    visible: list[str] = []
    if "post" in exposes:
        hidden |= {f"post:{state}": post.title for state, post in world.hidden_posts.items()}
        visible += [post.title for post in world.visible_posts]
    if "factory" in exposes:
        hidden |= {f"factory:{state}": factory.name for state, factory in world.hidden_factories.items()}
        visible += [factory.name for factory in world.visible_factories]
    return hidden, visible


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_public_endpoint_hides_every_invisible_object_R_OPS_2(path: str) -> None:
    """Owner disabled (no end / future end), cancelled, inactive; post pending, rejected, taken down,
    expired, past valid_until; factory unverified: absent from the list, 404 on the detail page."""
    world = build_world()
    spec = ENDPOINTS[path]
    if isinstance(spec, DetailEndpoint):
        name = "factory_id" if spec.exposes == "factory" else "post_id"
        hidden = world.hidden_factories if spec.exposes == "factory" else world.hidden_posts
        visible = world.visible_factories if spec.exposes == "factory" else world.visible_posts
        for state, obj in hidden.items():
            response = world.viewer.get(_url(path, {name: obj.pk})[0])
            assert response.status_code == 404, f"{path} shows {spec.exposes} in state {state}"
        for obj in visible:
            assert world.viewer.get(_url(path, {name: obj.pk})[0]).status_code == 200
        return
    url, query = _url(path, spec.params)
    response = (world.factory_viewer if spec.as_factory else world.viewer).get(url, query)
    assert response.status_code == 200, response.json()
    body = json.dumps(response.json(), ensure_ascii=False)
    hidden_names, visible_names = _names(world, spec.exposes)
    leaked = [state for state, name in hidden_names.items() if name in body]
    assert not leaked, f"{path} shows invisible objects: {leaked}"
    if spec.shows_visible:
        absent = [name for name in visible_names if name not in body]
        assert not absent, f"{path} lost visible objects: {absent}"
