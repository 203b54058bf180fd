"""Connections (对接), the two-party conversations they open, messages, contact sharing and blocks.

R-FLOW-3, R-APP-5, R-APP-6, R-APP-4, R-OPS-3, R-PLUS-3, R-PLUS-4.

A conversation belongs to exactly one pair of accounts, stored as (``user_low``, ``user_high``) with
``user_low_id < user_high_id`` so the pair has one row whoever starts it. Per-participant state
(unread count, last read, a pending new-message notification) sits in ``low_*`` / ``high_*`` columns
so listing a user's conversations needs no join to a membership table.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from common.fields import EncryptedTextField


class ConnectionStatus(models.TextChoices):
    CONTACTED = "contacted", "已联系"
    REPLIED = "replied", "已回复"
    NEGOTIATING = "negotiating", "洽谈中"
    DEAL = "deal", "已成交"
    NO_DEAL = "no_deal", "未成交"


class Conversation(models.Model):
    user_low = models.ForeignKey(
        "accounts.User", verbose_name="参与者 A", on_delete=models.CASCADE, related_name="conversations_as_low"
    )
    user_high = models.ForeignKey(
        "accounts.User", verbose_name="参与者 B", on_delete=models.CASCADE, related_name="conversations_as_high"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_message = models.ForeignKey(
        "Message", verbose_name="最新消息", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_message_at = models.DateTimeField("最新消息时间", null=True, blank=True, db_index=True)
    low_unread = models.PositiveIntegerField("A 未读数", default=0)
    high_unread = models.PositiveIntegerField("B 未读数", default=0)
    low_last_read_at = models.DateTimeField("A 最近已读", null=True, blank=True)
    high_last_read_at = models.DateTimeField("B 最近已读", null=True, blank=True)
    # True while a new-message notification is out and the participant has not read since, so a
    # burst of messages notifies once.
    low_notify_pending = models.BooleanField(default=False)
    high_notify_pending = models.BooleanField(default=False)

    class Meta:
        verbose_name = "会话"
        verbose_name_plural = "会话"
        ordering = ["-last_message_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user_low", "user_high"], name="uniq_conversation_pair"),
            models.CheckConstraint(
                condition=models.Q(user_low__lt=models.F("user_high")), name="conversation_pair_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"会话 #{self.pk}"

    def side(self, user_id: int) -> str:
        """ "low" or "high": which set of per-participant columns belongs to ``user_id``."""
        if user_id == self.user_low_id:
            return "low"
        if user_id == self.user_high_id:
            return "high"
        raise ValueError("not a participant")

    def other_id(self, user_id: int) -> int:
        return self.user_high_id if user_id == self.user_low_id else self.user_low_id

    def has_participant(self, user_id: Any) -> bool:
        return user_id in (self.user_low_id, self.user_high_id)


class Connection(models.Model):
    """One 联系对方: who contacted whom about which post or factory, and how far it got."""

    initiator = models.ForeignKey(
        "accounts.User", verbose_name="发起方", on_delete=models.CASCADE, related_name="connections_initiated"
    )
    counterpart = models.ForeignKey(
        "accounts.User", verbose_name="对方", on_delete=models.CASCADE, related_name="connections_received"
    )
    post = models.ForeignKey(
        "listings.Post",
        verbose_name="关于信息",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="connections",
    )
    factory = models.ForeignKey(
        "factories.FactoryProfile",
        verbose_name="关于工厂",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="connections",
    )
    # "post:12" / "factory:3": unique with the pair, so a repeated 联系对方 finds the same row (a unique
    # constraint over the nullable FKs would treat NULLs as distinct) and survives the item's deletion.
    subject_key = models.CharField("对接对象", max_length=40, editable=False)
    conversation = models.ForeignKey(
        Conversation, verbose_name="会话", on_delete=models.CASCADE, related_name="connections"
    )
    status = models.CharField(
        "进度", max_length=16, choices=ConnectionStatus.choices, default=ConnectionStatus.CONTACTED, db_index=True
    )
    created_at = models.DateTimeField("联系时间", auto_now_add=True, db_index=True)
    first_reply_at = models.DateTimeField("首次回复时间", null=True, blank=True)
    status_changed_at = models.DateTimeField("进度更新时间", null=True, blank=True)
    deal_at = models.DateTimeField("成交时间", null=True, blank=True)
    # The factory whose 接单量 this deal counted for, so leaving "deal" takes back exactly that count.
    credited_factory = models.ForeignKey(
        "factories.FactoryProfile",
        verbose_name="计入接单量的工厂",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = "对接记录"
        verbose_name_plural = "对接记录"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiator", "counterpart", "subject_key"], name="uniq_connection_per_subject"
            ),
        ]
        indexes = [
            models.Index(fields=["counterpart", "created_at"], name="connection_received_idx"),
            models.Index(fields=["initiator", "created_at"], name="connection_initiated_idx"),
        ]

    def __str__(self) -> str:
        return f"对接 #{self.pk}（{self.get_status_display()}）"


class ConnectionEvent(models.Model):
    """History of a connection's progress: who moved it, from what, to what, when."""

    connection = models.ForeignKey(Connection, verbose_name="对接", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        "accounts.User", verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField("原进度", max_length=16, choices=ConnectionStatus.choices, blank=True)
    to_status = models.CharField("新进度", max_length=16, choices=ConnectionStatus.choices)
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "对接进度记录"
        verbose_name_plural = "对接进度记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"


class MessageKind(models.TextChoices):
    TEXT = "text", "文字"
    IMAGE = "image", "图片"
    FILE = "file", "文件"
    CONTACT_SHARE = "contact_share", "交换联系方式"


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, verbose_name="会话", on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        "accounts.User", verbose_name="发送人", on_delete=models.CASCADE, related_name="messages_sent"
    )
    kind = models.CharField("类型", max_length=16, choices=MessageKind.choices, default=MessageKind.TEXT)
    # The original text, encrypted at rest: chat carries phone numbers and addresses.
    text = EncryptedTextField("内容", blank=True, default="")
    # What the recipient sees until the sender shares contact details: the text with phone numbers,
    # WeChat IDs and links masked. Empty when the text holds no contact details.
    masked_text = models.TextField("打码内容", blank=True, default="")
    file = models.ForeignKey(
        "uploads.StoredFile", verbose_name="附件", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("发送时间", auto_now_add=True)
    is_flagged = models.BooleanField("机审标记", default=False, db_index=True)
    moderation = models.JSONField("机审结果", default=dict, blank=True)

    class Meta:
        verbose_name = "消息"
        verbose_name_plural = "消息"
        ordering = ["id"]
        indexes = [models.Index(fields=["conversation", "id"], name="message_history_idx")]
        # Codename starts with "view" so the support role (view on messaging) holds it; there is no console page.
        permissions = [("view_conversation_for_complaint", "处理投诉时可查看相关会话")]

    def __str__(self) -> str:
        return f"消息 #{self.pk}"


class ContactShare(models.Model):
    """``user`` shared their phone in ``conversation``; from then on their contact details in that
    conversation are shown unmasked to the other party (R-PLUS-3)."""

    conversation = models.ForeignKey(
        Conversation, verbose_name="会话", on_delete=models.CASCADE, related_name="contact_shares"
    )
    user = models.ForeignKey("accounts.User", verbose_name="分享人", on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(
        Message, verbose_name="分享消息", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("分享时间", auto_now_add=True)

    class Meta:
        verbose_name = "联系方式分享"
        verbose_name_plural = "联系方式分享"
        constraints = [models.UniqueConstraint(fields=["conversation", "user"], name="uniq_contact_share")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.conversation_id}"


class Block(models.Model):
    blocker = models.ForeignKey("accounts.User", verbose_name="屏蔽人", on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey("accounts.User", verbose_name="被屏蔽人", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField("屏蔽时间", auto_now_add=True)

    class Meta:
        verbose_name = "屏蔽"
        verbose_name_plural = "屏蔽"
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="uniq_block")]

    def __str__(self) -> str:
        return f"{self.blocker_id} ⊘ {self.blocked_id}"


class HeldMessage(Message):
    """Console view of the chat messages the moderation pipeline held (fee asking, flagged words from an
    author without openid, an image WeChat judged risky): 审核中心 → 待审聊天消息 (issue #12)."""

    class Meta:
        proxy = True
        verbose_name = "待审聊天消息"
        verbose_name_plural = "待审聊天消息"
