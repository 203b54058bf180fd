"""Discovery data: the search index, browsing history, favourites, announcements and workers' wishes.

``SearchDocument`` is the one table the keyword search reads (R-APP-1). Its text columns hold
jieba-segmented tokens separated by spaces; the database's own full-text engine indexes them:
an FTS5 table kept in step by triggers on SQLite, a generated ``tsvector`` column with a GIN index on
PostgreSQL (both created by migration 0002, per database vendor).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class Board(models.TextChoices):
    PROCUREMENT = "procurement", "采购需求"
    STOCK = "stock", "库存"
    LABOUR = "labour", "用工"
    PROCESSING_DEMAND = "processing_demand", "代加工需求"
    PROCESSING_SERVICE = "processing_service", "代加工服务"
    FACTORY = "factory", "工厂"


class SearchDocument(models.Model):
    """One searchable item: a published post or a verified factory.

    ``owner`` and ``valid_until`` are copies of the source row's (kept by the save signals and
    ``rebuild_search_index``) so that the full-text match, the visibility filter and the board facets
    run as one query over this table joined to the owner's account: the owner's status is read live
    through that join (account changes fire no post signals), and the validity against today's date.
    The rows of the returned page are then checked again against ``visible_posts()`` / the factory
    directory, so a stale copy (a status changed by a queryset ``update()``) can never show a hidden item.
    """

    board = models.CharField("板块", max_length=32, choices=Board.choices, db_index=True)
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
    updated_at = models.DateTimeField("索引时间", auto_now=True)

    class Meta:
        verbose_name = "搜索索引"
        verbose_name_plural = "搜索索引"
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, factory__isnull=True) | Q(post__isnull=True, factory__isnull=False),
                name="search_doc_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ViewEvent(models.Model):
    """Browsing history (R-APP-5): who opened which post or factory page, and when."""

    user = models.ForeignKey("accounts.User", verbose_name="用户", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(
        "listings.Post", verbose_name="信息", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    factory = models.ForeignKey(
        "factories.FactoryProfile",
        verbose_name="工厂",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    at = models.DateTimeField("浏览时间", db_index=True)

    class Meta:
        verbose_name = "浏览记录"
        verbose_name_plural = "浏览记录"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"], name="view_user_at_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, factory__isnull=True) | Q(post__isnull=True, factory__isnull=False),
                name="view_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.post_id or self.factory_id}"


class Favourite(models.Model):
    user = models.ForeignKey("accounts.User", verbose_name="用户", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(
        "listings.Post", verbose_name="信息", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    factory = models.ForeignKey(
        "factories.FactoryProfile",
        verbose_name="工厂",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField("收藏时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "收藏"
        verbose_name_plural = "收藏"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, factory__isnull=True) | Q(post__isnull=True, factory__isnull=False),
                name="favourite_one_target",
            ),
            models.UniqueConstraint(fields=["user", "post"], condition=Q(post__isnull=False), name="uniq_fav_post"),
            models.UniqueConstraint(
                fields=["user", "factory"], condition=Q(factory__isnull=False), name="uniq_fav_factory"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ★ {self.post_id or self.factory_id}"


class Announcement(models.Model):
    """平台公告 on the home page (R-APP-1), maintained in the console's settings (R-ADM-4)."""

    title = models.CharField("标题", max_length=60)
    body = models.TextField("内容", blank=True)
    link = models.CharField("跳转链接", max_length=300, blank=True, help_text="可选，点击公告后打开的页面")
    starts_at = models.DateTimeField("开始展示", null=True, blank=True, help_text="留空表示立即展示")
    ends_at = models.DateTimeField("结束展示", null=True, blank=True, help_text="留空表示一直展示")
    pinned = models.BooleanField("置顶", default=False)
    is_active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "公告"
        verbose_name_plural = "公告"
        ordering = ["-pinned", "-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title


class WorkerPreference(models.Model):
    """What work a temporary worker wants and where, so labour posts can be matched to them (R-BOARD-4)."""

    user = models.OneToOneField(
        "accounts.User", verbose_name="工人", on_delete=models.CASCADE, related_name="job_preference"
    )
    job_types = models.ManyToManyField("taxonomy.JobType", verbose_name="意向工种", blank=True, related_name="+")
    region = models.ForeignKey(
        "regions.Region", verbose_name="意向地区", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    available_from = models.DateField("可到岗日期", null=True, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "求职意向"
        verbose_name_plural = "求职意向"

    def __str__(self) -> str:
        return f"求职意向 #{self.user_id}"
