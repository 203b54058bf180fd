from __future__ import annotations

from django.db import models


class RegionLevel(models.IntegerChoices):
    PROVINCE = 1, "省"
    CITY = 2, "市"
    DISTRICT = 3, "区县"


class Region(models.Model):
    """China's administrative divisions, keyed by adcode, with a representative coordinate."""

    adcode = models.CharField("行政区划代码", max_length=12, primary_key=True)
    name = models.CharField("名称", max_length=64)
    level = models.PositiveSmallIntegerField("级别", choices=RegionLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    province_name = models.CharField("省", max_length=64, blank=True)
    city_name = models.CharField("市", max_length=64, blank=True)
    latitude = models.FloatField("纬度", null=True, blank=True)
    longitude = models.FloatField("经度", null=True, blank=True)

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["adcode"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        parts = [self.province_name, self.city_name, self.name]
        seen: list[str] = []
        for part in parts:
            if part and part not in seen:
                seen.append(part)
        return "".join(seen)
