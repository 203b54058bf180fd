"""Which version of which legal document each user accepted (issue #16 item 2).

The documents themselves are versioned text files (``legal/documents.py``); only acceptances are rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DocumentKind(models.TextChoices):
    USER_AGREEMENT = "user_agreement", "用户协议"
    PRIVACY_POLICY = "privacy_policy", "隐私政策"
    PUBLISHING_RULES = "publishing_rules", "信息发布规则"


class Consent(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="legal_consents")
    kind = models.CharField("文件", max_length=32, choices=DocumentKind.choices)
    version = models.CharField("版本", max_length=32)
    accepted_at = models.DateTimeField("同意时间", auto_now_add=True)

    class Meta:
        verbose_name = "协议同意记录"
        verbose_name_plural = "协议同意记录"
        constraints = [models.UniqueConstraint(fields=["user", "kind", "version"], name="legal_consent_once")]
        indexes = [models.Index(fields=["user", "kind"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.version}"
