"""Workers' job applications to labour posts (R-ROLE-3) and their wage-mismatch reports.

An application keeps a snapshot of the worker's profile as it was when they applied (name, region,
job types, experience, note), so the factory sees what the worker sent even if the profile changes.
"""

from __future__ import annotations

from django.db import models


class ApplicationStatus(models.TextChoices):
    NEW = "new", "新申请"
    CONTACTED = "contacted", "已联系"
    HIRED = "hired", "已录用"
    DECLINED = "declined", "未录用"
    WITHDRAWN = "withdrawn", "已撤回"


class Application(models.Model):
    post = models.ForeignKey(
        "listings.Post", verbose_name="用工信息", on_delete=models.CASCADE, related_name="applications"
    )
    worker = models.ForeignKey(
        "accounts.User", verbose_name="工人", on_delete=models.CASCADE, related_name="job_applications"
    )
    status = models.CharField(
        "状态", max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.NEW, db_index=True
    )
    snapshot = models.JSONField("申请资料", default=dict, blank=True)
    created_at = models.DateTimeField("申请时间", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "应聘申请"
        verbose_name_plural = "应聘申请"
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["post", "worker"], name="uniq_application_per_post")]
        indexes = [models.Index(fields=["post", "status"], name="application_post_status_idx")]

    def __str__(self) -> str:
        return f"应聘 #{self.pk}（{self.get_status_display()}）"


class ApplicationEvent(models.Model):
    """History of an application: who moved it from what to what, when."""

    application = models.ForeignKey(Application, verbose_name="申请", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        "accounts.User", verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField("原状态", max_length=16, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField("新状态", max_length=16, choices=ApplicationStatus.choices)
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "申请进度记录"
        verbose_name_plural = "申请进度记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"


class WageReport(models.Model):
    """A hired worker says the wage paid differs from the post's; it is filed as a complaint too."""

    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="wage_reports"
    )
    posted_wage = models.DecimalField("信息所写工资", max_digits=10, decimal_places=2, null=True, blank=True)
    wage_unit = models.CharField("工资单位", max_length=8, blank=True)
    actual_wage = models.DecimalField("实际工资", max_digits=10, decimal_places=2)
    description = models.TextField("情况说明")
    complaint = models.ForeignKey(
        "support.Complaint",
        verbose_name="对应投诉",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("提交时间", auto_now_add=True)

    class Meta:
        verbose_name = "工资不符举报"
        verbose_name_plural = "工资不符举报"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"工资不符 #{self.pk}"
