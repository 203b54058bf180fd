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
        verbose_name_plural = "工厂名录"
        ordering = ["-completed_deals", "-id"]

    def __str__(self) -> str:
        return self.name


class EditStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已通过"
    REJECTED = "rejected", "已驳回"
    WITHDRAWN = "withdrawn", "已撤回"


class FactoryProfileEdit(models.Model):
    """An edit of a verified factory's public profile, waiting for review (issue #12): the approved
    version stays on the factory's page until a reviewer approves this one. ``values`` holds the validated
    form (ids for the industry, tags, region and photos); the phone is encrypted apart."""

    profile = models.ForeignKey(FactoryProfile, verbose_name="工厂", on_delete=models.CASCADE, related_name="edits")
    values = models.JSONField("修改内容", default=dict)
    contact_phone = EncryptedTextField("联系电话", blank=True, default="")
    status = models.CharField(
        "状态", max_length=16, choices=EditStatus.choices, default=EditStatus.PENDING, db_index=True
    )
    moderation = models.JSONField("机审结果", default=dict, blank=True)
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    reviewer = models.ForeignKey(
        "accounts.User", verbose_name="审核员", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reject_reason = models.CharField("驳回原因", max_length=200, blank=True, default="")

    class Meta:
        verbose_name = "工厂资料修改审核"
        verbose_name_plural = "工厂资料修改审核"
        ordering = ["submitted_at", "id"]

    def __str__(self) -> str:
        return f"{self.profile.name} 的资料修改 #{self.pk}"
