"""Matching data: what work a temporary worker wants, so labour posts can be matched to them."""

from __future__ import annotations

from django.db import models


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


# The attribute codes a demand can reward (``matchers.score``), as bits of ``FactoryRank.attributes``.
ATTRIBUTE_BITS = {"small_batch": 1, "large_batch": 2, "urgent_orders": 4, "free_sample": 8}


class FactoryRank(models.Model):
    """What ranking a factory for a demand reads (issue #13), one narrow row per category the factory
    offers and one (``category`` empty) for its industry, so a demand's candidates are one index range of
    this table instead of joins over factories, tags, regions and posts. Written only by
    ``matching.services.refresh_factory_ranks`` (on profile, tag, licence and supply-post changes, and
    hourly for what changes with time: post expiry, responsiveness); the rows rank, ``matchers.score``
    on the live rows decides."""

    factory = models.ForeignKey(
        "factories.FactoryProfile", verbose_name="工厂", on_delete=models.CASCADE, related_name="+"
    )
    category = models.ForeignKey(
        "taxonomy.CategoryTag",
        verbose_name="品类",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # the partial indexes below lead with it
    )
    industry = models.ForeignKey(
        "taxonomy.Industry", verbose_name="行业", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    owner_id = models.BigIntegerField("工厂账号")
    is_verified = models.BooleanField("已认证", default=False)
    attributes = models.PositiveSmallIntegerField("属性标签位", default=0)
    capacity_per_day = models.FloatField("日产能", null=True, blank=True)
    responsive_points = models.FloatField("响应得分", default=0)
    latitude = models.FloatField("纬度", null=True, blank=True)
    longitude = models.FloatField("经度", null=True, blank=True)
    refreshed_at = models.DateTimeField("刷新时间", auto_now=True)

    class Meta:
        verbose_name = "工厂匹配排序"
        verbose_name_plural = "工厂匹配排序"
        indexes = [
            # A demand's category: an index-only range of the verified rows carrying every ranked feature.
            models.Index(
                fields=["category"],
                name="factory_rank_category_idx",
                condition=models.Q(is_verified=True, category__isnull=False),
                include=[
                    "industry",
                    "owner_id",
                    "attributes",
                    "capacity_per_day",
                    "responsive_points",
                    "latitude",
                    "longitude",
                    "factory",
                ],
            ),
            models.Index(
                fields=["industry"],
                name="factory_rank_industry_idx",
                condition=models.Q(is_verified=True, category__isnull=True),
                include=[
                    "owner_id",
                    "attributes",
                    "capacity_per_day",
                    "responsive_points",
                    "latitude",
                    "longitude",
                    "factory",
                ],
            ),
        ]

    def __str__(self) -> str:
        return f"工厂 #{self.factory_id} 匹配排序"
