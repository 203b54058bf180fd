from __future__ import annotations

import hashlib
from typing import ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from common.fields import EncryptedTextField


class AccountType(models.TextChoices):
    TRADE = "trade", "外贸公司"
    FACTORY = "factory", "工厂"
    WORKER = "worker", "临时工人"


class AccountStatus(models.TextChoices):
    NORMAL = "normal", "正常"
    RESTRICTED = "restricted", "限制发布"
    DISABLED = "disabled", "禁用"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, username: str, password: str | None = None, **extra: object) -> User:
        user = self.model(username=username, **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, username: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(username, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """An account of the app (one account type) or an operator of the console (is_staff).

    App users sign in by WeChat or phone + SMS code and have no password; their ``username`` is
    generated. Operators sign in to the console with username and password.
    """

    username = models.CharField("用户名", max_length=64, unique=True)
    display_name = models.CharField("昵称", max_length=64, blank=True)
    # Trade companies and factories: the company name given at onboarding, and the name on the approved
    # business licence (set by verification). ``accounts.identity.public_name`` picks what others see.
    organisation_name = models.CharField("企业名称", max_length=100, blank=True, default="")
    verified_name = models.CharField("认证企业名称", max_length=100, blank=True, default="", editable=False)
    account_type = models.CharField("账号类型", max_length=16, choices=AccountType.choices, blank=True, db_index=True)
    phone = EncryptedTextField("手机号", blank=True, default="")
    phone_index = models.CharField("手机号索引", max_length=64, unique=True, null=True, blank=True, editable=False)
    wechat_openid = models.CharField("微信 openid", max_length=64, unique=True, null=True, blank=True)
    wechat_unionid = models.CharField("微信 unionid", max_length=64, blank=True, default="")
    avatar_url = models.CharField("头像", max_length=500, blank=True, default="")
    status = models.CharField(
        "账号状态", max_length=16, choices=AccountStatus.choices, default=AccountStatus.NORMAL, db_index=True
    )
    status_reason = models.CharField("状态原因", max_length=500, blank=True, default="")
    status_until = models.DateTimeField("状态截止", null=True, blank=True)
    privacy_consented_at = models.DateTimeField("同意隐私政策时间", null=True, blank=True)
    is_staff = models.BooleanField("运营人员", default=False)
    is_active = models.BooleanField("有效", default=True)
    date_joined = models.DateTimeField("注册时间", default=timezone.now, db_index=True)
    last_active_at = models.DateTimeField("最近活跃", null=True, blank=True, db_index=True)
    deleted_at = models.DateTimeField("注销时间", null=True, blank=True)

    objects = UserManager()  # type: ignore[misc]

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        ordering = ["-date_joined"]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def effective_status(self) -> str:
        """A restriction or disablement with an end time lifts by itself once that time passes."""
        if self.status != AccountStatus.NORMAL and self.status_until and self.status_until <= timezone.now():
            return AccountStatus.NORMAL
        return self.status

    @property
    def is_disabled(self) -> bool:
        return self.effective_status == AccountStatus.DISABLED or self.deleted_at is not None

    @property
    def is_restricted(self) -> bool:
        return self.effective_status == AccountStatus.RESTRICTED


class AccountStatusChange(models.Model):
    """History of every status change: what, why, who, when, until when."""

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField("原状态", max_length=16, choices=AccountStatus.choices)
    to_status = models.CharField("新状态", max_length=16, choices=AccountStatus.choices)
    reason = models.CharField("原因", max_length=500)
    until = models.DateTimeField("截止时间", null=True, blank=True)
    operator = models.ForeignKey(
        User, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "账号状态记录"
        verbose_name_plural = "账号状态记录"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class AuthToken(models.Model):
    """A bearer token. Only its SHA-256 is stored, so a database dump holds no usable token."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="auth_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    client = models.CharField(max_length=16, blank=True, default="")

    class Meta:
        verbose_name = "登录令牌"
        verbose_name_plural = "登录令牌"

    def __str__(self) -> str:
        return f"令牌 #{self.pk}"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()


class SmsCode(models.Model):
    """A one-time sign-in code. Code and phone are stored hashed (blind index), never in clear."""

    phone_index = models.CharField(max_length=64, db_index=True)
    code_hash = models.CharField(max_length=64)
    requested_ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "短信验证码"
        verbose_name_plural = "短信验证码"
        indexes = [models.Index(fields=["requested_ip", "created_at"])]

    def __str__(self) -> str:
        return f"验证码 #{self.pk}"


class DataExportStatus(models.TextChoices):
    PENDING = "pending", "生成中"
    READY = "ready", "已生成"
    FAILED = "failed", "生成失败"


class DataExport(models.Model):
    """A requested archive of the user's personal data (R-PLUS-5), built by a worker; kept a few days."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=16, choices=DataExportStatus.choices, default=DataExportStatus.PENDING)
    content = models.BinaryField(blank=True, default=b"", editable=False)
    file_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "数据导出"
        verbose_name_plural = "数据导出"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"数据导出 #{self.pk}"


class TradeCompanyAccount(User):
    class Meta:
        proxy = True
        verbose_name = "外贸公司"
        verbose_name_plural = "外贸公司"


class FactoryAccount(User):
    class Meta:
        proxy = True
        verbose_name = "工厂账号"
        verbose_name_plural = "工厂账号"


class WorkerAccount(User):
    class Meta:
        proxy = True
        verbose_name = "临时工人"
        verbose_name_plural = "临时工人"


class OperatorAccount(User):
    class Meta:
        proxy = True
        verbose_name = "运营人员"
        verbose_name_plural = "运营人员"


class ActiveDay(models.Model):
    """One row per user per day they used the app: the dashboard's active-user figures."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(db_index=True)
    account_type = models.CharField(max_length=16, blank=True)

    class Meta:
        verbose_name = "活跃记录"
        verbose_name_plural = "活跃记录"
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="uniq_active_day")]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.day}"
