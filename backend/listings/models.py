"""Posts on the four boards (R-BOARD-1..4), their review (R-FLOW-2, R-OPS-1) and freshness (R-PLUS-2).

One ``Post`` table for every kind: a common part, the structured fields the boards filter and sort on
promoted to indexed columns, and ``details`` (JSON) for the rest of each kind's fields. The live columns
always hold the approved version of a published post; an edit of a published post waits in a
``PostRevision`` until a reviewer approves it.
"""

from __future__ import annotations

from django.db import models

from listings import registry


class PostKind(models.TextChoices):
    """Names of the five built-in kinds (for their board specs, demo data and tests). Which kinds exist, and
    everything about them, is the registry's (``listings.registry``); ``Post.kind`` reads its choices
    from there."""

    PROCUREMENT = "procurement", "采购需求"
    STOCK = "stock", "库存"
    LABOUR = "labour", "用工"
    PROCESSING_DEMAND = "processing_demand", "代加工需求"
    PROCESSING_SERVICE = "processing_service", "代加工服务"


class PostStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PENDING = "pending", "待审核"
    PUBLISHED = "published", "已发布"
    REJECTED = "rejected", "已驳回"
    TAKEN_DOWN = "taken_down", "已下架"
    EXPIRED = "expired", "已过期"


class QuantityUnit(models.TextChoices):
    PIECE = "个", "个"
    ITEM = "件", "件"
    SET = "套", "套"
    BOX = "箱", "箱"
    PAIR = "双", "双"
    DOZEN = "打", "打"
    ROLL = "卷", "卷"
    SHEET = "张", "张"
    BAG = "包", "包"
    TONNE = "吨", "吨"
    KILOGRAM = "千克", "千克"
    METRE = "米", "米"
    SQUARE_METRE = "平方米", "平方米"
    MACHINE = "台", "台"


class Currency(models.TextChoices):
    CNY = "CNY", "人民币"
    USD = "USD", "美元"
    EUR = "EUR", "欧元"


class WageUnit(models.TextChoices):
    HOUR = "hour", "元/小时"
    DAY = "day", "元/天"
    PIECE = "piece", "元/件"
    MONTH = "month", "元/月"


class CapacityPeriod(models.TextChoices):
    DAY = "day", "每天"
    MONTH = "month", "每月"


class StockGrade(models.TextChoices):
    A = "A", "A 级（全新正品）"
    B = "B", "B 级（轻微瑕疵）"
    C = "C", "C 级（瑕疵/残次）"


class Post(models.Model):
    owner = models.ForeignKey("accounts.User", verbose_name="发布者", on_delete=models.CASCADE, related_name="posts")
    kind = models.CharField("类型", max_length=32, choices=registry.choices, db_index=True)
    title = models.CharField("标题", max_length=60, blank=True)
    status = models.CharField(
        "状态", max_length=16, choices=PostStatus.choices, default=PostStatus.DRAFT, db_index=True
    )

    # Common structured part.
    product_name = models.CharField("产品名称", max_length=60, blank=True)
    description = models.TextField("详细说明", blank=True)
    industry = models.ForeignKey(
        "taxonomy.Industry",
        verbose_name="一级行业",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="posts",
    )
    category = models.ForeignKey(
        "taxonomy.CategoryTag",
        verbose_name="二级品类",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="posts",
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name="地区", null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    address = models.CharField("详细地址", max_length=200, blank=True)
    latitude = models.FloatField("纬度", null=True, blank=True, db_index=True)
    longitude = models.FloatField("经度", null=True, blank=True, db_index=True)

    # Quantities and money (procurement, stock, processing).
    quantity = models.DecimalField("数量", max_digits=14, decimal_places=2, null=True, blank=True, db_index=True)
    quantity_unit = models.CharField("数量单位", max_length=8, choices=QuantityUnit.choices, blank=True)
    unit_price = models.DecimalField("单价", max_digits=12, decimal_places=2, null=True, blank=True, db_index=True)
    currency = models.CharField("币种", max_length=3, choices=Currency.choices, default=Currency.CNY)
    min_order = models.DecimalField("起订量", max_digits=14, decimal_places=2, null=True, blank=True)
    delivery_date = models.DateField("交货日期", null=True, blank=True, db_index=True)
    certifications = models.JSONField("认证要求", default=list, blank=True)
    # " CE FDA " — lets a list filter on one certification with ``certification_codes__contains=" CE "``.
    certification_codes = models.CharField("认证代码（检索用）", max_length=200, blank=True, editable=False)
    sample_required = models.BooleanField("需要打样", null=True, blank=True)
    grade = models.CharField("货品等级", max_length=1, choices=StockGrade.choices, blank=True, db_index=True)

    # Labour.
    job_type = models.ForeignKey(
        "taxonomy.JobType", verbose_name="工种", null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    wage_amount = models.DecimalField("工资", max_digits=10, decimal_places=2, null=True, blank=True)
    wage_unit = models.CharField("工资单位", max_length=8, choices=WageUnit.choices, blank=True)
    # Wage per 8-hour day (hour×8, month÷26) so the board sorts different units together; null for piece rates.
    wage_per_day = models.DecimalField(
        "折合日薪", max_digits=10, decimal_places=2, null=True, blank=True, db_index=True, editable=False
    )
    headcount = models.PositiveIntegerField("招聘人数", null=True, blank=True)
    hired_count = models.PositiveIntegerField("已录用人数", default=0)
    is_full = models.BooleanField("已招满", default=False, db_index=True)
    period_start = models.DateField("用工开始", null=True, blank=True, db_index=True)
    period_end = models.DateField("用工结束", null=True, blank=True)
    meals_provided = models.BooleanField("包吃", default=False)
    housing_provided = models.BooleanField("包住", default=False)

    # Contract processing.
    process_types = models.ManyToManyField(
        "taxonomy.ProcessType", verbose_name="加工工艺", blank=True, related_name="posts"
    )
    material_supplied = models.BooleanField("来料加工", null=True, blank=True)
    # Capacity per day (month ÷ 30) so services compare with a demand's quantity and delivery date.
    capacity_per_day = models.DecimalField(
        "折合日产能", max_digits=14, decimal_places=2, null=True, blank=True, db_index=True, editable=False
    )

    # The rest of each kind's structured fields (see ``listings.kinds``).
    details = models.JSONField("其他字段", default=dict, blank=True)
    media = models.ManyToManyField(
        "uploads.StoredFile", verbose_name="图片/视频/图纸", through="PostMedia", blank=True, related_name="+"
    )

    # Lifecycle.
    valid_until = models.DateField("有效期至", null=True, blank=True, db_index=True)
    submitted_at = models.DateTimeField("提交审核时间", null=True, blank=True, db_index=True)
    review_due_at = models.DateTimeField("审核截止", null=True, blank=True, db_index=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True, db_index=True)
    refreshed_at = models.DateTimeField("刷新时间", null=True, blank=True, db_index=True)
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reject_reason = models.TextField("驳回原因", blank=True)
    # Set when the owner edits content, so relisting knows whether the post must be reviewed again.
    content_changed_at = models.DateTimeField("内容修改时间", null=True, blank=True)
    last_approved_at = models.DateTimeField("最近通过审核", null=True, blank=True)
    pending_revision = models.OneToOneField(
        "PostRevision",
        verbose_name="待审核的修改",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Appeal of a rejection (issue #14 item 7): once per post; a reviewer other than the one who rejected
    # decides it.
    appealed_at = models.DateTimeField("申诉时间", null=True, blank=True)
    appeal_note = models.CharField("申诉说明", max_length=500, blank=True)
    appeal_excluded_reviewer = models.ForeignKey(
        "accounts.User", verbose_name="原驳回审核员", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Counters.
    view_count = models.PositiveIntegerField("浏览量", default=0)
    contact_count = models.PositiveIntegerField("联系次数", default=0)

    # Automatic check (keywords, contact details, WeChat content security) for the reviewer.
    is_flagged = models.BooleanField("机审标记", default=False, db_index=True)
    moderation = models.JSONField("机审结果", default=dict, blank=True)

    search_text = models.TextField("检索文本", blank=True, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "发布信息"
        verbose_name_plural = "发布信息"
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["kind", "status", "valid_until"], name="post_board_idx"),
            models.Index(fields=["status", "submitted_at"], name="post_queue_idx"),
            models.Index(fields=["owner", "status"], name="post_owner_status_idx"),
            # "nearest" (issue #13): the box of each widening circle of ``discovery.selectors.NearestPage``.
            models.Index(
                fields=["kind", "latitude", "longitude"],
                name="post_near_idx",
                condition=models.Q(status="published"),
            ),
            # Matching's capacity of each candidate factory (``matching.matchers._service_capacity``): at 1M
            # posts the planner otherwise ANDs the owners' index with the capacity sort's (90k rows, 15 ms).
            models.Index(
                fields=["owner", "capacity_per_day"],
                name="post_owner_capacity_idx",
                condition=models.Q(status="published", capacity_per_day__isnull=False),
            ),
            # The partial indexes per board sort (issue #13) are in migration 0004: SQLite cannot say
            # NULLS LAST in an index, so they are written per database there.
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} #{self.pk}"


class PostMedia(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="media_links")
    file = models.ForeignKey("uploads.StoredFile", verbose_name="文件", on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["post", "file"], name="uniq_post_media")]

    def __str__(self) -> str:
        return f"{self.post_id}:{self.file_id}"


class RevisionStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已通过"
    REJECTED = "rejected", "已驳回"
    WITHDRAWN = "withdrawn", "已撤回"


class PostRevision(models.Model):
    """An edit of a published post, waiting for review; the approved version stays visible meanwhile.

    ``data`` holds the edited fields in the kind's input form (JSON), applied to the post on approval.
    """

    post = models.ForeignKey(Post, verbose_name="信息", on_delete=models.CASCADE, related_name="revisions")
    data = models.JSONField("修改内容")
    status = models.CharField(
        "状态", max_length=16, choices=RevisionStatus.choices, default=RevisionStatus.PENDING, db_index=True
    )
    is_flagged = models.BooleanField("机审标记", default=False)
    moderation = models.JSONField("机审结果", default=dict, blank=True)
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    review_due_at = models.DateTimeField("审核截止")
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reason = models.TextField("驳回原因", blank=True)
    # Appeal of a rejected edit (issue #14): once per edit, decided by another reviewer; the approved
    # version of the post stays visible meanwhile.
    appealed_at = models.DateTimeField("申诉时间", null=True, blank=True)
    appeal_note = models.CharField("申诉说明", max_length=500, blank=True)
    appeal_excluded_reviewer = models.ForeignKey(
        "accounts.User", verbose_name="原驳回审核员", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "信息修改"
        verbose_name_plural = "信息修改"
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"修改 #{self.pk}（{self.get_status_display()}）"


class ReasonCategory(models.TextChoices):
    PROHIBITED = "prohibited", "违禁/违规内容"
    FALSE_INFO = "false_info", "虚假信息"
    INCOMPLETE = "incomplete", "信息不完整"
    CONTACT = "contact", "含私下联系方式"
    OTHER = "other", "其他"


class RejectReasonTemplate(models.Model):
    """A reason a reviewer can pick instead of typing it (operator-managed)."""

    title = models.CharField("名称", max_length=40)
    text = models.CharField("驳回原因（发给用户）", max_length=300)
    category = models.CharField(
        "违规类别", max_length=16, choices=ReasonCategory.choices, default=ReasonCategory.OTHER, db_index=True
    )
    sort_order = models.PositiveIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "驳回原因模板"
        verbose_name_plural = "驳回原因模板"
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.title


class Decision(models.TextChoices):
    APPROVED = "approved", "通过"
    REJECTED = "rejected", "驳回"


class ReviewDecision(models.Model):
    """Audit trail of human review: who decided what about which post (or edit), when and why."""

    # Kept when a post is deleted: the trail (and the owner's violation count) outlives it.
    post = models.ForeignKey(
        Post, verbose_name="信息", null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    revision = models.ForeignKey(
        PostRevision, verbose_name="修改", null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    reviewer = models.ForeignKey(
        "accounts.User", verbose_name="审核员", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField("结果", max_length=16, choices=Decision.choices, db_index=True)
    reason = models.TextField("原因", blank=True)
    template = models.ForeignKey(
        RejectReasonTemplate,
        verbose_name="原因模板",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.CharField("违规类别", max_length=16, choices=ReasonCategory.choices, blank=True, db_index=True)
    owner = models.ForeignKey(
        "accounts.User", verbose_name="发布者", null=True, on_delete=models.CASCADE, related_name="+"
    )
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    # When the decided item entered the queue: ``at - submitted_at`` is the review time (issue #14 item 7).
    submitted_at = models.DateTimeField("提交审核时间", null=True, blank=True)
    is_appeal = models.BooleanField("申诉复审", default=False)

    class Meta:
        verbose_name = "审核记录"
        verbose_name_plural = "审核记录"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} #{self.post_id}"


class ReviewQueueItem(Post):
    """The console's 审核中心: the same rows, shown as a queue (pending posts and pending edits)."""

    class Meta:
        proxy = True
        verbose_name = "待审核信息"
        verbose_name_plural = "审核中心"


class RecruitmentLicence(models.Model):
    """The platform's 人力资源服务许可证 (issue #16 item 4). Online recruitment needs it: while no row is
    active and unexpired, the boards whose ``BoardSpec.needs_recruitment_licence`` (用工) are switched off
    (``listings.compliance``). Kept as rows so a renewal leaves the old licence on record."""

    number = models.CharField("许可证编号", max_length=64)
    issuer = models.CharField("发证机关", max_length=100)
    valid_from = models.DateField("有效期起", null=True, blank=True)
    valid_until = models.DateField("有效期至")
    is_active = models.BooleanField("启用", default=True)
    note = models.CharField("备注", max_length=200, blank=True, default="")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "人力资源服务许可证"
        verbose_name_plural = "人力资源服务许可证"
        ordering = ["-valid_until", "-id"]

    def __str__(self) -> str:
        return f"{self.number}（{self.issuer}，有效期至 {self.valid_until:%Y-%m-%d}）"
