"""Complaints with operator mediation, and feedback to the platform (R-OPS-4, R-APP-4, R-PLUS-4).

A complaint always names the account it is about (``target_user``), whatever was complained about
(a user, a post or a connection), so upheld complaints can be counted per account for trust signals.
"""

from __future__ import annotations

from django.db import models


class TargetType(models.TextChoices):
    USER = "user", "用户"
    POST = "post", "信息"
    CONNECTION = "connection", "对接"


class ComplaintCategory(models.TextChoices):
    FAKE_INFO = "fake_info", "虚假信息"
    FEES_CHARGED = "fees_charged", "收取费用"
    WAGE_MISMATCH = "wage_mismatch", "工资不符"
    HARASSMENT = "harassment", "骚扰"
    FRAUD = "fraud", "诈骗"
    OTHER = "other", "其他"


class ComplaintStatus(models.TextChoices):
    SUBMITTED = "submitted", "已提交"
    PROCESSING = "processing", "处理中"
    RESOLVED = "resolved", "已处理"
    DISMISSED = "dismissed", "不予受理"


OPEN_STATUSES = (ComplaintStatus.SUBMITTED, ComplaintStatus.PROCESSING)


class Outcome(models.TextChoices):
    NO_ACTION = "no_action", "不处理"
    WARNING = "warning", "警告"
    POST_REMOVED = "post_removed", "下架信息"
    ACCOUNT_RESTRICTED = "account_restricted", "限制发布"
    ACCOUNT_DISABLED = "account_disabled", "禁用账号"


# Outcomes that mean the complaint was upheld: they count against the target's trust signals.
UPHELD_OUTCOMES = (
    Outcome.WARNING,
    Outcome.POST_REMOVED,
    Outcome.ACCOUNT_RESTRICTED,
    Outcome.ACCOUNT_DISABLED,
)


class Complaint(models.Model):
    complainant = models.ForeignKey(
        "accounts.User", verbose_name="投诉人", on_delete=models.CASCADE, related_name="complaints_filed"
    )
    target_type = models.CharField("投诉对象类型", max_length=16, choices=TargetType.choices)
    target_user = models.ForeignKey(
        "accounts.User", verbose_name="被投诉方", on_delete=models.CASCADE, related_name="complaints_received"
    )
    post = models.ForeignKey(
        "listings.Post",
        verbose_name="相关信息",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    connection = models.ForeignKey(
        "messaging.Connection",
        verbose_name="相关对接",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    category = models.CharField("投诉类别", max_length=16, choices=ComplaintCategory.choices, db_index=True)
    description = models.TextField("投诉内容")
    evidence = models.ManyToManyField("uploads.StoredFile", verbose_name="证据", blank=True, related_name="+")
    status = models.CharField(
        "状态", max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.SUBMITTED, db_index=True
    )
    assignee = models.ForeignKey(
        "accounts.User",
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints_assigned",
    )
    outcome = models.CharField("处理结果", max_length=24, choices=Outcome.choices, blank=True, db_index=True)
    outcome_note = models.TextField("处理说明", blank=True)
    resolved_at = models.DateTimeField("处理时间", null=True, blank=True)
    created_at = models.DateTimeField("投诉时间", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "投诉"
        verbose_name_plural = "纠纷处理"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["target_user", "status", "outcome"], name="complaint_upheld_idx"),
            models.Index(fields=["complainant", "created_at"], name="complaint_mine_idx"),
        ]

    def __str__(self) -> str:
        return f"投诉 #{self.pk}（{self.get_category_display()}）"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_upheld(self) -> bool:
        return self.status == ComplaintStatus.RESOLVED and self.outcome in UPHELD_OUTCOMES


class NoteKind(models.TextChoices):
    NOTE = "note", "备注"
    CONTACT_COMPLAINANT = "contact_complainant", "联系投诉人"
    CONTACT_TARGET = "contact_target", "联系被投诉方"
    SYSTEM = "system", "系统记录"


class ComplaintNote(models.Model):
    """The operator's working record: notes and contact logs ("已电话联系工厂，对方承认…")."""

    complaint = models.ForeignKey(Complaint, verbose_name="投诉", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        "accounts.User", verbose_name="记录人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField("类型", max_length=24, choices=NoteKind.choices, default=NoteKind.NOTE)
    text = models.TextField("内容")
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "处理记录"
        verbose_name_plural = "处理记录"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class FeedbackCategory(models.TextChoices):
    SUGGESTION = "suggestion", "功能建议"
    PROBLEM = "problem", "问题反馈"
    OTHER = "other", "其他"


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", "待回复"
    REPLIED = "replied", "已回复"


class Feedback(models.Model):
    user = models.ForeignKey("accounts.User", verbose_name="用户", on_delete=models.CASCADE, related_name="feedback")
    category = models.CharField("类别", max_length=16, choices=FeedbackCategory.choices, db_index=True)
    content = models.TextField("内容")
    images = models.ManyToManyField("uploads.StoredFile", verbose_name="图片", blank=True, related_name="+")
    contact_ok = models.BooleanField("同意客服联系", default=False)
    status = models.CharField(
        "状态", max_length=16, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING, db_index=True
    )
    reply = models.TextField("回复", blank=True)
    replied_by = models.ForeignKey(
        "accounts.User", verbose_name="回复人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replied_at = models.DateTimeField("回复时间", null=True, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "意见反馈"
        verbose_name_plural = "意见反馈"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"反馈 #{self.pk}（{self.get_category_display()}）"
