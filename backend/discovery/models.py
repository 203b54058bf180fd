"""Discovery data: browsing history, favourites and the home page's announcements."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


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


class DailyView(models.Model):
    """One counted view of a page per viewer per day (issue #15 item 8): ``POST /api/discovery/views``
    adds the page's view count only when it creates this row. ``viewer`` is a keyed hash (the account,
    or the address of an anonymous reader), never the id or address itself; rows older than yesterday
    are pruned with the browsing history."""

    day = models.DateField("日期", db_index=True)
    viewer = models.CharField("浏览者（哈希）", max_length=64)
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

    class Meta:
        verbose_name = "每日浏览计数"
        verbose_name_plural = "每日浏览计数"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "viewer", "post"], condition=Q(post__isnull=False), name="daily_view_post_once"
            ),
            models.UniqueConstraint(
                fields=["day", "viewer", "factory"], condition=Q(factory__isnull=False), name="daily_view_factory_once"
            ),
            models.CheckConstraint(
                condition=Q(post__isnull=False, factory__isnull=True) | Q(post__isnull=True, factory__isnull=False),
                name="daily_view_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.post_id or self.factory_id}"
