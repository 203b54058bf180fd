"""The fixed tag taxonomy (R-TAX) and the maintained lists the publish forms draw from.

Operators edit it in the console; every change bumps ``TaxonomyVersion`` so clients see it at once
(ETag on ``GET /api/taxonomy``).
"""

from __future__ import annotations

from django.db import models


class OrderedTag(models.Model):
    name = models.CharField("名称", max_length=32)
    sort_order = models.PositiveIntegerField("排序", default=0, db_index=True)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        abstract = True
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.name


class Industry(OrderedTag):
    """一级行业（单选）."""

    code = models.SlugField("代码", max_length=32, unique=True)

    class Meta(OrderedTag.Meta):
        verbose_name = "一级行业"
        verbose_name_plural = "一级行业"


class CategoryTag(OrderedTag):
    """二级品类标签，属于一个行业（多选）."""

    industry = models.ForeignKey(Industry, verbose_name="所属行业", on_delete=models.PROTECT, related_name="categories")

    class Meta(OrderedTag.Meta):
        verbose_name = "二级品类标签"
        verbose_name_plural = "二级品类标签"
        constraints = [models.UniqueConstraint(fields=["industry", "name"], name="uniq_category_per_industry")]


class AttributeGroup(OrderedTag):
    """属性标签组：业务类型 / 产能 / 服务."""

    code = models.SlugField("代码", max_length=32, unique=True)

    class Meta(OrderedTag.Meta):
        verbose_name = "属性标签组"
        verbose_name_plural = "属性标签组"


class AttributeTag(OrderedTag):
    group = models.ForeignKey(AttributeGroup, verbose_name="标签组", on_delete=models.PROTECT, related_name="tags")
    code = models.SlugField("代码", max_length=32, unique=True, help_text="匹配规则按代码识别，如 urgent_orders")

    class Meta(OrderedTag.Meta):
        verbose_name = "属性标签"
        verbose_name_plural = "属性标签"


class JobType(OrderedTag):
    """用工工种（缝纫工、普工…）."""

    class Meta(OrderedTag.Meta):
        verbose_name = "工种"
        verbose_name_plural = "工种"


class ProcessType(OrderedTag):
    """代加工工艺（注塑、冲压、CNC…）, optionally tied to an industry for matching."""

    industry = models.ForeignKey(
        Industry, verbose_name="相关行业", null=True, blank=True, on_delete=models.SET_NULL, related_name="processes"
    )

    class Meta(OrderedTag.Meta):
        verbose_name = "加工工艺"
        verbose_name_plural = "加工工艺"


class TaxonomyVersion(models.Model):
    """One row; its counter changes whenever any taxonomy table changes."""

    version = models.PositiveBigIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "标签体系版本"
        verbose_name_plural = "标签体系版本"

    def __str__(self) -> str:
        return f"v{self.version}"
