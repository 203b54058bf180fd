"""Posts in the personal-data registry (R-PLUS-5).

Export: every post of the user, in its labels, with its images (the files themselves are in the
archive's folder). On 注销, a labour (用工) post is kept for at least 3 years, as the online-recruitment
rules (《网络招聘服务管理规定》) require of recruitment information, and so is a post a complaint is about
(the mediation record). A kept post is taken down and anonymised: its address, coordinates, images and
pending edits are deleted and its owner is the anonymised account. Every other post is deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from accounts.personal_data import Retention, register
from listings import registry
from listings.models import Post, PostMedia, PostRevision, PostStatus, ReviewDecision
from uploads.personal_data import archive_path

if TYPE_CHECKING:
    from accounts.models import User


def kept() -> Q:
    """Posts that must outlive the account: kinds the law makes us keep (recruitment information,
    ``BoardSpec.retained``), and posts a complaint is about."""
    return Q(kind__in=[spec.kind for spec in registry.all() if spec.retained]) | Q(complaints__isnull=False)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _number(value: Any) -> str | None:
    return None if value is None else str(value)


def export_posts(user: User) -> list[dict[str, Any]]:
    rows = (
        Post.objects.filter(owner=user)
        .select_related("industry", "category", "region", "job_type")
        .prefetch_related("process_types", "media_links__file")
        .order_by("created_at", "id")
    )
    return [
        {
            "编号": p.pk,
            "类型": p.get_kind_display(),
            "状态": p.get_status_display(),
            "标题": p.title,
            "产品名称": p.product_name,
            "详细说明": p.description,
            "一级行业": p.industry.name if p.industry else None,
            "二级品类": p.category.name if p.category else None,
            "地区": p.region.full_name if p.region else None,
            "详细地址": p.address,
            "数量": _number(p.quantity),
            "数量单位": p.quantity_unit,
            "单价": _number(p.unit_price),
            "币种": p.get_currency_display(),
            "起订量": _number(p.min_order),
            "交货日期": _iso(p.delivery_date),
            "认证要求": p.certifications,
            "需要打样": p.sample_required,
            "货品等级": p.get_grade_display() if p.grade else None,
            "工种": p.job_type.name if p.job_type else None,
            "工资": _number(p.wage_amount),
            "工资单位": p.get_wage_unit_display() if p.wage_unit else None,
            "招聘人数": p.headcount,
            "用工开始": _iso(p.period_start),
            "用工结束": _iso(p.period_end),
            "包吃": p.meals_provided,
            "包住": p.housing_provided,
            "加工工艺": [t.name for t in p.process_types.all()],
            "来料加工": p.material_supplied,
            "其他字段": p.details,
            "图片/视频/图纸": [archive_path(m.file) for m in p.media_links.all()],
            "有效期至": _iso(p.valid_until),
            "发布时间": _iso(p.published_at),
            "驳回原因": p.reject_reason,
            "浏览量": p.view_count,
            "联系次数": p.contact_count,
            "创建时间": _iso(p.created_at),
        }
        for p in rows
    ]


def erase_posts(user: User) -> None:
    mine = Post.objects.filter(owner=user)
    kept_ids = list(mine.filter(kept()).values_list("pk", flat=True).distinct())
    mine.exclude(pk__in=kept_ids).delete()
    PostMedia.objects.filter(post_id__in=kept_ids).delete()
    PostRevision.objects.filter(post_id__in=kept_ids).delete()
    Post.objects.filter(pk__in=kept_ids).exclude(status__in=(PostStatus.DRAFT, PostStatus.EXPIRED)).update(
        status=PostStatus.TAKEN_DOWN
    )
    Post.objects.filter(pk__in=kept_ids).update(
        address="", latitude=None, longitude=None, pending_revision=None, moderation={}
    )


def register_all() -> None:
    register(
        Post,
        section="发布的信息",
        exporter=export_posts,
        eraser=erase_posts,
        retention=Retention(
            reason="用工（招聘）信息依《网络招聘服务管理规定》保存；被投诉的信息作为纠纷处理记录保存",
            period="自注销之日起不少于 3 年",
            anonymised="信息下架；详细地址、坐标、图片和待审核的修改删除，发布者显示为“已注销用户”；其他信息直接删除",
        ),
    )
    register(PostMedia, part_of="listings.Post")
    register(PostRevision, part_of="listings.Post")
    register(
        ReviewDecision,
        retention=Retention(
            reason="人工审核记录（谁在何时以何理由通过或驳回）是平台内容管理的依据",
            period="3 年",
            anonymised="只含信息编号、账号编号和审核意见",
        ),
    )
