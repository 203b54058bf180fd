"""Qualification certification: business licences of companies and factories, real names of workers."""

from __future__ import annotations

from django.db import models

from common.fields import EncryptedTextField


class QualificationKind(models.TextChoices):
    BUSINESS_LICENCE = "business_licence", "营业执照"
    PERSONAL_ID = "personal_id", "实名认证"


class QualificationStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已通过"
    REJECTED = "rejected", "已驳回"
    EXPIRED = "expired", "已过期"


class Qualification(models.Model):
    """One submission. A resubmission is a new row, so the review history stays intact."""

    user = models.ForeignKey(
        "accounts.User", verbose_name="申请人", on_delete=models.CASCADE, related_name="qualifications"
    )
    kind = models.CharField("类型", max_length=32, choices=QualificationKind.choices)
    status = models.CharField(
        "状态", max_length=16, choices=QualificationStatus.choices, default=QualificationStatus.PENDING, db_index=True
    )
    company_name = models.CharField("企业名称", max_length=100, blank=True)
    credit_code = EncryptedTextField("统一社会信用代码", blank=True, default="")
    legal_representative = EncryptedTextField("法定代表人", blank=True, default="")
    registered_address = models.CharField("注册地址", max_length=200, blank=True)
    real_name = EncryptedTextField("真实姓名", blank=True, default="")
    id_number = EncryptedTextField("身份证号", blank=True, default="")
    valid_until = models.DateField("有效期至", null=True, blank=True, help_text="留空表示长期有效")
    is_long_term = models.BooleanField("长期有效", default=False)
    files = models.ManyToManyField("uploads.StoredFile", verbose_name="证照文件", blank=True, related_name="+")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True, db_index=True)
    review_due_at = models.DateTimeField("审核截止", db_index=True)
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reviewer = models.ForeignKey(
        "accounts.User", verbose_name="审核人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reject_reason = models.CharField("驳回原因", max_length=500, blank=True)
    # Appeal (issue #14 item 7): once per submission, after a rejection; another reviewer decides it.
    appealed_at = models.DateTimeField("申诉时间", null=True, blank=True)
    appeal_note = models.CharField("申诉说明", max_length=500, blank=True)
    appeal_excluded_reviewer = models.ForeignKey(
        "accounts.User", verbose_name="原驳回审核员", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "资质认证"
        verbose_name_plural = "资质认证"
        ordering = ["submitted_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}·{self.company_name or self.user}"


class ReviewClaim(models.Model):
    """A reviewer's short hold on one queue item (issue #14): while it lasts, no other reviewer is given
    the item. ``key`` names the item (``post:12``, ``qualification:3``)."""

    key = models.CharField("审核对象", max_length=64, unique=True)
    holder = models.ForeignKey("accounts.User", verbose_name="审核员", on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField("到期时间", db_index=True)

    class Meta:
        verbose_name = "审核认领"
        verbose_name_plural = "审核认领"

    def __str__(self) -> str:
        return f"{self.key} · {self.holder_id}"
