from __future__ import annotations

import uuid

from django.db import models


class FileKind(models.TextChoices):
    IMAGE = "image", "图片"
    VIDEO = "video", "视频"
    DRAWING = "drawing", "图纸"


class FilePurpose(models.TextChoices):
    """What a file is for decides who may read it."""

    LICENCE = "licence", "营业执照（私有）"
    ID_DOCUMENT = "id_document", "身份证明（私有）"
    CERTIFICATE = "certificate", "技能证书（私有）"
    POST_MEDIA = "post_media", "发布信息图片/视频/图纸（公开）"
    FACTORY_PHOTO = "factory_photo", "工厂照片（公开）"
    CHAT_ATTACHMENT = "chat_attachment", "聊天附件（仅会话双方）"
    COMPLAINT_EVIDENCE = "complaint_evidence", "投诉证据（私有）"
    AVATAR = "avatar", "头像（公开）"


PRIVATE_PURPOSES = {
    FilePurpose.LICENCE,
    FilePurpose.ID_DOCUMENT,
    FilePurpose.CERTIFICATE,
    FilePurpose.CHAT_ATTACHMENT,
    FilePurpose.COMPLAINT_EVIDENCE,
}


class StoredFile(models.Model):
    """An upload after validation: type decided by content, server-chosen name, images re-encoded."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey("accounts.User", verbose_name="上传者", on_delete=models.CASCADE, related_name="files")
    kind = models.CharField("类型", max_length=16, choices=FileKind.choices)
    purpose = models.CharField("用途", max_length=32, choices=FilePurpose.choices)
    content_type = models.CharField("MIME 类型", max_length=100)
    extension = models.CharField("扩展名", max_length=10)
    original_name = models.CharField("原文件名", max_length=200, blank=True)
    file = models.FileField("文件", upload_to="uploads/%Y/%m/", max_length=300)
    thumbnail = models.FileField("缩略图", upload_to="thumbs/%Y/%m/", max_length=300, blank=True)
    size = models.PositiveBigIntegerField("大小（字节）")
    width = models.PositiveIntegerField("宽", null=True, blank=True)
    height = models.PositiveIntegerField("高", null=True, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "上传文件"
        verbose_name_plural = "上传文件"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "created_at"])]
        # Console staff need this to open private files (licences, ID documents, chat attachments).
        permissions = [("view_private_files", "可查看私有文件（营业执照、身份证明、聊天附件等）")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.id}"

    @property
    def is_private(self) -> bool:
        return self.purpose in PRIVATE_PURPOSES
