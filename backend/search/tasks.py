"""Background effects of search: re-indexing a post or a factory after its change committed (R-APP-1)."""

from __future__ import annotations

from accounts.models import User
from common.tasks import effect
from factories.models import FactoryProfile
from listings.models import Post
from search.models import SearchDocument
from search.services import index_factory, index_owner, index_post


@effect("search.index_post")
def index_post_effect(*, post_id: int) -> None:
    post = Post.objects.filter(pk=post_id).first()
    if post is None:
        SearchDocument.objects.filter(post_id=post_id).delete()
        return
    index_post(post)


@effect("search.index_factory")
def index_factory_effect(*, factory_id: int) -> None:
    factory = FactoryProfile.objects.filter(pk=factory_id).first()
    if factory is None:
        SearchDocument.objects.filter(factory_id=factory_id).delete()
        return
    index_factory(factory)


@effect("search.index_owner")
def index_owner_effect(*, user_id: int) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is not None:
        index_owner(user)
