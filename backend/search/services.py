"""Writes of the search index: one document per published post and verified factory (R-APP-1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone

from accounts.models import User
from accounts.visibility import hidden_until
from factories.models import FactoryProfile
from listings import registry
from listings.models import Post, PostStatus
from search import text
from search.models import FACTORY_BOARD, SearchDocument
from search.search_backend import rebuild_engine_index
from taxonomy.models import AttributeTag, CategoryTag, ProcessType


def _post_summary(post: Post, process_names: list[str]) -> str:
    parts = registry.get(post.kind).summary(post, process_names)
    return " · ".join(p for p in parts if p)[:200]


def _post_text(post: Post) -> str:
    details = post.details or {}
    parts = [post.description]
    for name in registry.get(post.kind).search_text_fields:
        if details.get(name):
            parts.append(str(details[name]))
    return "\n".join(p for p in parts if p)


def post_document(post: Post) -> SearchDocument:
    """An unsaved document for a post (uses prefetched ``process_types`` when present)."""
    process_names = [p.name for p in post.process_types.all()]
    title = post.title or post.product_name or str(post)
    title_source = " ".join(
        [
            title,
            post.product_name,
            post.category.name if post.category else "",
            post.job_type.name if post.job_type else "",
            *process_names,
        ]
    )
    body_source = " ".join(
        [
            post.search_text or _post_text(post),
            post.industry.name if post.industry else "",
            post.region.full_name if post.region else "",
        ]
    )
    return SearchDocument(
        board=post.kind,
        post=post,
        title=title[:120],
        text=_post_text(post),
        summary=_post_summary(post, process_names),
        region_name=(post.region.full_name if post.region else "")[:100],
        title_tokens=text.index_string(title_source),
        body_tokens=text.index_string(body_source),
        published_at=post.refreshed_at or post.published_at or post.created_at or timezone.now(),
        owner_id=post.owner_id,
        valid_until=post.valid_until,
        owner_hidden_until=hidden_until(post.owner),
    )


def factory_document(factory: FactoryProfile) -> SearchDocument:
    categories = [c.name for c in factory.categories.all()]
    attributes = [a.name for a in factory.attributes.all()]
    body = "\n".join(p for p in [factory.description, factory.equipment_summary, factory.capacity_summary] if p)
    return SearchDocument(
        board=FACTORY_BOARD,
        factory=factory,
        title=factory.name[:120],
        text="\n".join(p for p in [factory.main_products, body] if p),
        summary=" · ".join(p for p in [factory.industry.name, "、".join(categories[:4])] if p)[:200],
        region_name=factory.region.full_name[:100],
        title_tokens=text.index_string(factory.name, factory.main_products, *categories),
        body_tokens=text.index_string(body, factory.industry.name, *attributes, factory.region.full_name),
        published_at=factory.verified_at or factory.created_at or timezone.now(),
        owner_id=factory.owner_id,
        owner_hidden_until=hidden_until(factory.owner),
    )


def _upsert(document: SearchDocument, **target: Any) -> None:
    fields = [
        "board",
        "title",
        "text",
        "summary",
        "region_name",
        "title_tokens",
        "body_tokens",
        "published_at",
        "owner_id",
        "valid_until",
        "owner_hidden_until",
    ]
    values = {name: getattr(document, name) for name in fields}
    updated = SearchDocument.objects.filter(**target).update(**values, updated_at=timezone.now())
    if not updated:
        try:
            with transaction.atomic():
                SearchDocument.objects.create(**target, **values)
        except IntegrityError:  # a concurrent save indexed it first
            SearchDocument.objects.filter(**target).update(**values, updated_at=timezone.now())


GENERATION_KEY = "search:generation"


def generation() -> int:
    """A number every index change moves on: cached facet counts name it, so none outlives a change."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY) or 1
    return int(value)


def mark_changed() -> None:
    """The index changed: cached facet counts are stale from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value differs from what was cached under
        cache.set(GENERATION_KEY, int(timezone.now().timestamp() * 1000), None)


def index_post(post: Post) -> None:
    """Keeps the post's search document current: present while published, gone otherwise.

    Called on every save of a post (signal) and by the approve flow. The document carries the
    validity and the owner's ``hidden_until`` for the search's one-table filter; each returned page
    is re-checked against the posts' own rule.
    """
    if post.pk is None:
        return
    if post.status != PostStatus.PUBLISHED:
        SearchDocument.objects.filter(post_id=post.pk).delete()
    else:
        _upsert(post_document(post), post_id=post.pk)
    mark_changed()


def index_factory(factory: FactoryProfile) -> None:
    if factory.pk is None:
        return
    if not factory.is_verified:
        SearchDocument.objects.filter(factory_id=factory.pk).delete()
    else:
        _upsert(factory_document(factory), factory_id=factory.pk)
    mark_changed()


def index_owner(user: User) -> int:
    """The owner's account changed (disabled, lifted, cancelled): their documents carry the new
    ``hidden_until``, so their posts and factory leave or rejoin search at once. Returns the rows."""
    until = hidden_until(user)
    changed = (
        SearchDocument.objects.filter(owner_id=user.pk)
        .exclude(owner_hidden_until=until)  # NULLs included either way, as Django's exclude() means it
        .update(owner_hidden_until=until, updated_at=timezone.now())
    )
    if changed:
        mark_changed()
    return changed


@dataclass
class RebuildResult:
    posts: int = 0
    factories: int = 0


def rebuild_search_index(*, batch_size: int = 2000, progress: Any = None) -> RebuildResult:
    """Rebuilds every document from the source rows (after bulk loads, or to pick up new dictionary
    words). Batched bulk inserts; safe to rerun."""
    result = RebuildResult()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
    posts = (
        Post.objects.filter(status=PostStatus.PUBLISHED)
        .select_related("owner", "industry", "category", "region", "job_type")
        .prefetch_related(Prefetch("process_types", queryset=ProcessType.objects.only("id", "name")))
        .order_by("pk")
    )
    last = 0
    while True:
        chunk = list(posts.filter(pk__gt=last)[:batch_size])
        if not chunk:
            break
        SearchDocument.objects.bulk_create([post_document(p) for p in chunk], batch_size=500)
        last = chunk[-1].pk
        result.posts += len(chunk)
        if progress:
            progress(f"posts {result.posts}")
    factories = (
        FactoryProfile.objects.filter(is_verified=True)
        .select_related("owner", "industry", "region")
        .prefetch_related(
            Prefetch("categories", queryset=CategoryTag.objects.only("id", "name")),
            Prefetch("attributes", queryset=AttributeTag.objects.only("id", "name")),
        )
        .order_by("pk")
    )
    last = 0
    while True:
        fchunk = list(factories.filter(pk__gt=last)[:batch_size])
        if not fchunk:
            break
        SearchDocument.objects.bulk_create([factory_document(f) for f in fchunk], batch_size=500)
        last = fchunk[-1].pk
        result.factories += len(fchunk)
        if progress:
            progress(f"factories {result.factories}")
    rebuild_engine_index()
    mark_changed()
    return result
