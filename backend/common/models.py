from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField("创建时间", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """Who did what to which object, and why. Operator actions and sign-ins land here.

    Holds no personal data: targets are referenced by type and id, never by phone or name.
    """

    actor = models.ForeignKey(
        "accounts.User", verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField("操作", max_length=64, db_index=True)
    target_type = models.CharField("对象类型", max_length=64, blank=True)
    target_id = models.CharField("对象ID", max_length=64, blank=True)
    reason = models.TextField("原因", blank=True)
    data = models.JSONField("详情", default=dict, blank=True)
    ip_address = models.GenericIPAddressField("IP", null=True, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "操作日志"
        verbose_name_plural = "操作日志"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.target_type}#{self.target_id}"
