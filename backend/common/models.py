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


class EffectStatus(models.TextChoices):
    PENDING = "pending", "等待执行"
    RUNNING = "running", "执行中"
    RETRYING = "retrying", "等待重试"
    DONE = "done", "已完成"
    FAILED = "failed", "已失败"


class Effect(models.Model):
    """One side effect that runs after its transaction commits, on a worker (``common.tasks``).

    The unique ``key`` makes it idempotent: enqueued twice or delivered twice, it is done once. Effects
    whose retries ran out stay ``failed`` for the operators (console: 后台任务). Arguments hold ids, never
    personal data; secrets a task needs (an SMS code) are sealed with the field key and erased when done.
    """

    key = models.CharField("幂等键", max_length=200, unique=True)
    task = models.CharField("任务", max_length=100, db_index=True)
    args = models.JSONField("参数", default=dict, blank=True)
    sealed = models.TextField("加密参数", blank=True, editable=False)
    state = models.JSONField("进度", default=dict, blank=True)
    target_type = models.CharField("对象类型", max_length=64, blank=True)
    target_id = models.CharField("对象ID", max_length=64, blank=True)
    status = models.CharField(
        "状态", max_length=16, choices=EffectStatus.choices, default=EffectStatus.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField("尝试次数", default=0)
    last_error = models.TextField("最后错误", blank=True)
    lease_until = models.DateTimeField("执行租约至", null=True, blank=True)
    next_attempt_at = models.DateTimeField("下次尝试", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    done_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.task} {self.key}"


class JobLock(models.Model):
    """A named lock with a timeout, so two runs of one scheduled job never overlap (``common.locks``)."""

    name = models.CharField("名称", max_length=100, primary_key=True)
    holder = models.CharField("持有者", max_length=100)
    expires_at = models.DateTimeField("到期时间")

    class Meta:
        verbose_name = "任务锁"
        verbose_name_plural = "任务锁"

    def __str__(self) -> str:
        return self.name
