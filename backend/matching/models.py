"""Matching data: what work a temporary worker wants, so labour posts can be matched to them."""

from __future__ import annotations

from django.db import models


class WorkerPreference(models.Model):
    """What work a temporary worker wants and where, so labour posts can be matched to them (R-BOARD-4)."""

    user = models.OneToOneField(
        "accounts.User", verbose_name="工人", on_delete=models.CASCADE, related_name="job_preference"
    )
    job_types = models.ManyToManyField("taxonomy.JobType", verbose_name="意向工种", blank=True, related_name="+")
    region = models.ForeignKey(
        "regions.Region", verbose_name="意向地区", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    available_from = models.DateField("可到岗日期", null=True, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "求职意向"
        verbose_name_plural = "求职意向"

    def __str__(self) -> str:
        return f"求职意向 #{self.user_id}"
