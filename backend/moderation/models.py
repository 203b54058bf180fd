"""Banned keywords (R-OPS-1, R-FLOW-2) and the list's version token.

``normalised`` is the keyword after the same normalisation the text goes through, so the automaton
matches evasive spellings; it is unique, which makes 賭博 and 赌博 one entry and imports idempotent.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from moderation.normalise import normalise_keyword


class KeywordAction(models.TextChoices):
    BLOCK = "block", "拦截"
    FLAG = "flag", "送审标记"


class KeywordCategory(models.TextChoices):
    ILLEGAL = "illegal", "违法违禁"
    FRAUD = "fraud", "诈骗"
    VULGAR = "vulgar", "色情低俗"
    ADVERTISING = "advertising", "广告引流"
    POLITICAL = "political", "政治敏感"
    OTHER = "other", "其他"


class BannedKeyword(models.Model):
    word = models.CharField("违禁词", max_length=64)
    # NFKC can expand a character (㈱ → (株)), so the normalised form gets more room than the word.
    normalised = models.CharField("归一化形式", max_length=255, unique=True, editable=False)
    action = models.CharField("处理方式", max_length=8, choices=KeywordAction.choices, default=KeywordAction.BLOCK)
    category = models.CharField(
        "分类", max_length=16, choices=KeywordCategory.choices, default=KeywordCategory.OTHER, db_index=True
    )
    is_active = models.BooleanField("启用", default=True, db_index=True)
    match_homophones = models.BooleanField(
        "匹配谐音",
        default=False,
        help_text="同时拦截读音相同的写法：拼音（dai kai fa piao）和同音字（代开发漂）。只对容易被谐音规避的词开启。",
    )
    note = models.CharField("备注", max_length=200, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "违禁词"
        verbose_name_plural = "违禁词"
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return self.word

    def save(self, *args: object, **kwargs: object) -> None:
        self.word = (self.word or "").strip()
        self.normalised = normalise_keyword(self.word)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        self.word = (self.word or "").strip()
        normalised = normalise_keyword(self.word)
        if not normalised:
            raise ValidationError({"word": "违禁词不能只包含空格或符号"})
        duplicate = BannedKeyword.objects.filter(normalised=normalised).exclude(pk=self.pk).first()
        if duplicate is not None:
            raise ValidationError(
                {"word": f"与已有违禁词「{duplicate.word}」重复（忽略繁简、全半角、大小写和符号后相同）"}
            )


class KeywordListVersion(models.Model):
    """One row. ``token`` changes on every change of the list; each process compares it with the token
    its automaton was built from. A random token (not only a counter) stays correct when a change is
    rolled back: the counter could come back to a value an automaton was already built for."""

    counter = models.PositiveBigIntegerField("版本号", default=0)
    token = models.CharField("版本标记", max_length=32, default="")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "违禁词版本"
        verbose_name_plural = "违禁词版本"

    def __str__(self) -> str:
        return f"v{self.counter}"


class MediaCheckStatus(models.TextChoices):
    PENDING = "pending", "检测中"
    PASS = "pass", "通过"
    REVIEW = "review", "疑似"
    RISKY = "risky", "违规"


class MediaCheck(models.Model):
    """One image sent to WeChat's asynchronous media check (mediaCheckAsync v2); the verdict arrives
    later as a push event carrying the same trace id."""

    file = models.ForeignKey("uploads.StoredFile", verbose_name="图片", on_delete=models.CASCADE, related_name="+")
    target_type = models.CharField("关联对象类型", max_length=64)
    target_id = models.CharField("关联对象ID", max_length=64)
    trace_id = models.CharField("微信 trace_id", max_length=64, unique=True)
    status = models.CharField(
        "结果", max_length=16, choices=MediaCheckStatus.choices, default=MediaCheckStatus.PENDING, db_index=True
    )
    label = models.PositiveIntegerField("命中标签", null=True, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    resolved_at = models.DateTimeField("结果时间", null=True, blank=True)

    class Meta:
        verbose_name = "图片内容安全检测"
        verbose_name_plural = "图片内容安全检测"
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.trace_id}: {self.get_status_display()}"
