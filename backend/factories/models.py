"""A factory's onboarding profile (R-FLOW-1): industry, tags, location, capacity, photos."""

from __future__ import annotations

from django.db import models

from common.fields import EncryptedTextField


class FactoryProfile(models.Model):
    owner = models.OneToOneField(
        "accounts.User", verbose_name="工厂账号", on_delete=models.CASCADE, related_name="factory"
    )
    name = models.CharField("工厂名称", max_length=100)
    industry = models.ForeignKey(
        "taxonomy.Industry", verbose_name="一级行业", on_delete=models.PROTECT, related_name="+"
    )
    categories = models.ManyToManyField("taxonomy.CategoryTag", verbose_name="二级品类", related_name="factories")
    attributes = models.ManyToManyField(
        "taxonomy.AttributeTag", verbose_name="属性标签", blank=True, related_name="factories"
    )
    region = models.ForeignKey("regions.Region", verbose_name="所在地区", on_delete=models.PROTECT, related_name="+")
    address = models.CharField("详细地址", max_length=200)
    latitude = models.FloatField("纬度", null=True, blank=True)
    longitude = models.FloatField("经度", null=True, blank=True)
    main_products = models.CharField("主营产品", max_length=300)
    equipment_summary = models.TextField("设备情况", blank=True)
    capacity_summary = models.CharField("产能说明", max_length=300, blank=True)
    employee_count = models.PositiveIntegerField("员工人数", null=True, blank=True)
    description = models.TextField("工厂介绍", blank=True)
    photos = models.ManyToManyField("uploads.StoredFile", verbose_name="工厂照片", blank=True, related_name="+")
    contact_name = models.CharField("联系人", max_length=32)
    contact_phone = EncryptedTextField("联系电话", blank=True, default="")
    # Denormalised from the approved qualification so the directory filters with one index.
    is_verified = models.BooleanField("已认证", default=False, db_index=True)
    verified_at = models.DateTimeField("认证时间", null=True, blank=True)
    completed_deals = models.PositiveIntegerField("接单量", default=0, db_index=True)
    created_at = models.DateTimeField("入驻时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "工厂"
        verbose_name_plural = "工厂"
        ordering = ["-completed_deals", "-id"]

    def __str__(self) -> str:
        return self.name
