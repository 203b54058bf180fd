from __future__ import annotations

from django.db import models


class NotificationKind(models.TextChoices):
    REVIEW_RESULT = "review_result", "审核结果"
    QUALIFICATION = "qualification", "资质认证"
    NEW_MESSAGE = "new_message", "新消息"
    NEW_CONTACT = "new_contact", "新的对接"
    NEW_MATCH = "new_match", "新的匹配"
    APPLICATION = "application", "应聘进度"
    COMPLAINT = "complaint", "投诉处理"
    ACCOUNT = "account", "账号通知"
    SYSTEM = "system", "系统通知"


class Notification(models.Model):
    recipient = models.ForeignKey(
        "accounts.User", verbose_name="接收人", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField("类型", max_length=32, choices=NotificationKind.choices)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("内容", blank=True)
    # Where the app should go when tapped, e.g. "/pages/posts/detail?id=12".
    link = models.CharField("跳转", max_length=300, blank=True)
    target_type = models.CharField("关联对象类型", max_length=64, blank=True)
    target_id = models.CharField("关联对象ID", max_length=64, blank=True)
    # Groups notifications so the same event is not sent twice (reminders run repeatedly).
    dedupe_key = models.CharField("去重键", max_length=128, null=True, blank=True, unique=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "站内通知"
        verbose_name_plural = "站内通知"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.title


class SubscriptionGrant(models.Model):
    """A one-time WeChat subscription the user accepted (wx.requestSubscribeMessage): one send each."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="subscription_grants")
    purpose = models.CharField("用途", max_length=32)
    remaining = models.PositiveIntegerField("剩余次数", default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "订阅消息授权"
        verbose_name_plural = "订阅消息授权"
        constraints = [models.UniqueConstraint(fields=["user", "purpose"], name="uniq_grant_per_purpose")]

    def __str__(self) -> str:
        return f"{self.purpose} ×{self.remaining}"
