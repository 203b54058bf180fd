import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from common.auth import bearer, current_user, optional_bearer, signed_in_user
from common.pagination import PageNumber
from common.ratelimits import rate_limit
from uploads import links, selectors, services
from uploads.models import FilePurpose
from uploads.schemas import StoredFileOut
from uploads.serving import file_response

# No `from __future__ import annotations` here: @paginate wraps the view, and Ninja then resolves
# string annotations against ninja.pagination, where Query and our schemas do not exist.
router = Router(tags=["文件上传"])


@router.post("/uploads", response={201: StoredFileOut}, auth=bearer, summary="上传文件（图片/视频/图纸）")
@rate_limit("upload")
def upload(request: HttpRequest, file: File[UploadedFile], purpose: Form[FilePurpose]) -> Status[Any]:
    """文件类型按内容识别；图片会重新编码并去除 EXIF（含 GPS）。"""
    stored = services.store_upload(owner=signed_in_user(request), uploaded_file=file, purpose=purpose)
    return Status(201, stored)


class MyFilesFilter(Schema):
    purpose: FilePurpose | None = None


@router.get("/uploads", response=list[StoredFileOut], auth=bearer, summary="我上传的文件")
@paginate(PageNumber)
def my_files(request: HttpRequest, filters: Query[MyFilesFilter]) -> Any:
    return selectors.files_of(user=signed_in_user(request), purpose=filters.purpose)


@router.get("/files/{file_id}", auth=optional_bearer, summary="读取文件", response={200: None})
def read_file(request: HttpRequest, file_id: uuid.UUID, sig: str | None = None) -> HttpResponse:
    """公开文件任何人可读；私有文件需登录（Bearer）或使用接口返回的带签名链接。"""
    stored = selectors.get_file_by_link(user=current_user(request), file_id=file_id, variant=links.FILE, sig=sig)
    return file_response(request, stored, links.FILE)


@router.get("/files/{file_id}/thumbnail", auth=optional_bearer, summary="读取缩略图", response={200: None})
def read_thumbnail(request: HttpRequest, file_id: uuid.UUID, sig: str | None = None) -> HttpResponse:
    stored = selectors.get_file_by_link(user=current_user(request), file_id=file_id, variant=links.THUMBNAIL, sig=sig)
    return file_response(request, stored, links.THUMBNAIL)
