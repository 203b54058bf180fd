"""The search index (R-APP-1).

``SearchDocument`` is the one table the keyword search reads. Its text columns hold jieba-segmented
tokens separated by spaces; the database's own full-text engine indexes them: an FTS5 table kept in step
by triggers on SQLite, a generated ``tsvector`` column with a GIN index on PostgreSQL (both created by
the former ``matching`` migration 0002, per database vendor). The table keeps its original name
``matching_searchdocument``: the FTS5 external-content table, its triggers and the GIN index name it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from listings import registry

# A document's board: a post kind (from the board registry) or the factory directory.
FACTORY_BOARD = "factory"
FACTORY_LABEL = "工厂"


def board_choices() -> list[tuple[str, str]]:
    """Read lazily, so a new kind needs no migration."""
    return [*registry.choices(), (FACTORY_BOARD, FACTORY_LABEL)]


def board_names() -> list[str]:
    return [name for name, _label in board_choices()]


def board_label(board: str) -> str:
    return FACTORY_LABEL if board == FACTORY_BOARD else registry.label(board)


class SearchDocument(models.Model):
    """One searchable item: a published post or a verified factory.

    The document carries what the posts' and factories' one policy (``listings.visibility`` /
    ``factories.visibility``) asks, so a search reads this table alone (issue #13): it exists only while
    its post is published or its factory verified; ``valid_until`` is the post's validity;
    ``owner_hidden_until`` is ``accounts.visibility.hidden_until(owner)``, kept by the owner's saves
    (``search.signals``); a board switched off (``listings.compliance.closed_kinds``) is filtered by
    ``board``. ``published_at`` (never empty) is the freshness the results are ordered by.
    """

    board = models.CharField("板块", max_length=32, choices=board_choices, db_index=True)
    post = models.OneToOneField(
        "listings.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="search_document"
    )
    factory = models.OneToOneField(
        "factories.FactoryProfile", null=True, blank=True, on_delete=models.CASCADE, related_name="search_document"
    )
    title = models.CharField("标题", max_length=120)
    text = models.TextField("正文（摘要用）", blank=True)
    summary = models.CharField("要点", max_length=200, blank=True)
    region_name = models.CharField("地区", max_length=100, blank=True)
    title_tokens = models.TextField("标题分词", blank=True)
    body_tokens = models.TextField("正文分词", blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    owner = models.ForeignKey(
        "accounts.User", verbose_name="发布者", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    valid_until = models.DateField("有效期至", null=True, blank=True, help_text="信息的有效期；工厂为空")
    owner_hidden_until = models.DateTimeField(
        "发布者隐藏至",
        null=True,
        blank=True,
        help_text="发布者账号不可见时到何时为止（accounts.visibility.hidden_until）；为空表示可见",
    )
    updated_at = models.DateTimeField("索引时间", auto_now=True)

    class Meta:
        db_table = "matching_searchdocument"
        verbose_name = "搜索索引"
        verbose_name_plural = "搜索索引"
        # The page walks the freshest documents first (per board with ``kind``) and stops after the page.
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="search_doc_fresh"),
            models.Index(fields=["board", "-published_at", "-id"], name="search_doc_board_fresh"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, factory__isnull=True) | Q(post__isnull=True, factory__isnull=False),
                name="search_doc_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.title
