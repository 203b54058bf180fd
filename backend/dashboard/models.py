"""Daily roll-ups behind the dashboard (R-ADM-3): one row per day, metric and dimension.

Figures are read from here, so the dashboard stays fast with years of data; the roll-up job rebuilds
any range idempotently (late data is picked up by rebuilding its days).
"""

from __future__ import annotations

from django.db import models


class DailyMetric(models.Model):
    day = models.DateField("日期", db_index=True)
    metric = models.CharField("指标", max_length=48)
    dimension = models.CharField("维度", max_length=32, blank=True, default="")
    value = models.BigIntegerField("数值", default=0)
    computed_at = models.DateTimeField("计算时间", auto_now=True)

    class Meta:
        verbose_name = "数据看板"
        verbose_name_plural = "数据看板"
        constraints = [models.UniqueConstraint(fields=["day", "metric", "dimension"], name="uniq_daily_metric")]
        indexes = [models.Index(fields=["metric", "day"])]

    def __str__(self) -> str:
        return f"{self.day} {self.metric}[{self.dimension}]={self.value}"
