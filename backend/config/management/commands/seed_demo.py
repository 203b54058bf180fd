"""Loads the demo data of the embedded run. Safe to run again: every loader is idempotent.

It lives in ``config`` (the top layer) because it calls every domain's ``demo.py`` loader."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import AccountType, User
from accounts.roles import Role, sync_roles
from accounts.services import set_phone, set_verified_name
from applications.demo import load_demo_applications
from dashboard.services import rebuild_rollups
from factories.demo import demo_credit_code, load_demo_factories, workshop_photo
from factories.models import FactoryProfile
from factories.services import save_factory_profile
from listings.demo import load_demo_posts
from moderation.demo import load_default_keywords
from support.demo import load_demo_support
from taxonomy.models import AttributeTag, CategoryTag, Industry
from verification.models import Qualification, QualificationKind, QualificationStatus
from verification.policy import current_licence

STAFF = (
    ("admin", "admin12345", "平台管理员", None, True),
    ("reviewer", "review12345", "审核员小王", Role.REVIEWER, False),
    ("support", "support12345", "客服小李", Role.SUPPORT, False),
    ("operations", "ops12345", "运营主管", Role.ADMIN, False),
)

APP_USERS = (
    ("13800000001", AccountType.TRADE, "宁波海纳国际贸易有限公司"),
    ("13800000002", AccountType.FACTORY, "义乌市佳宝日用品厂"),
    ("13800000003", AccountType.WORKER, "张师傅"),
)


class Command(BaseCommand):
    help = "加载演示数据（账号、工厂、各板块信息）；可重复执行"

    def handle(self, *args: object, **options: object) -> None:
        sync_roles()
        with transaction.atomic():
            for username, password, name, role, superuser in STAFF:
                if User.objects.filter(username=username).exists():
                    continue
                user = User.objects.create_user(
                    username=username,
                    password=password,
                    display_name=name,
                    is_staff=True,
                    is_superuser=superuser,
                )
                if role:
                    user.groups.add(Group.objects.get(name=role.value))
            for phone, account_type, name in APP_USERS:
                if User.objects.filter(username=f"demo_{phone}").exists():
                    continue
                user = User.objects.create_user(username=f"demo_{phone}", display_name=name, account_type=account_type)
                set_phone(user=user, phone=phone)
        self.load_domains()
        self.stdout.write(self.style.SUCCESS("演示数据已就绪。演示账号："))
        for username, password, name, _role, _su in STAFF:
            self.stdout.write(f"  运营后台 /admin/  {name}: {username} / {password}")
        for phone, account_type, name in APP_USERS:
            self.stdout.write(f"  H5 应用 /  {account_type.label} {name}: 手机号 {phone}（验证码见服务器日志）")

    def load_domains(self) -> None:
        """Each domain's demo loader, in dependency order."""
        load_default_keywords()
        load_demo_factories()
        self.verify_demo_accounts()
        load_demo_posts()
        self.name_verified_accounts()
        load_demo_applications()
        load_demo_support()
        self.spread_history()
        # Demo loaders write some rows in bulk (no save signals): index everything once at the end.
        call_command("rebuild_search_index", verbosity=0)

    def name_verified_accounts(self) -> None:
        """Demo licences are written directly, not through a review: each verified account takes its
        licence's company name, as ``verification.services.approve`` does (issue #15 item 4)."""
        for user in User.objects.filter(account_type__in=[AccountType.TRADE, AccountType.FACTORY]):
            licence = current_licence(user)
            set_verified_name(user=user, name=licence.company_name if licence else "")

    def spread_history(self) -> None:
        """Demo factories joined over the past weeks, so the dashboard shows a history on day one."""
        today = timezone.localdate()
        for n, user in enumerate(User.objects.filter(username__startswith="demo_factory_").order_by("pk")):
            User.objects.filter(pk=user.pk, date_joined__date__gte=today - timedelta(days=1)).update(
                date_joined=timezone.now() - timedelta(days=2 * n + 1, hours=n)
            )
        rebuild_rollups(start=today - timedelta(days=90), end=today)

    @transaction.atomic
    def verify_demo_accounts(self) -> None:
        """The demo trade company and factory arrive verified, so a newcomer can publish at once."""
        now = timezone.now()
        for n, (phone, account_type, name) in enumerate(APP_USERS, start=90):
            user = User.objects.get(username=f"demo_{phone}")
            if account_type == AccountType.WORKER or Qualification.objects.filter(user=user).exists():
                continue
            Qualification.objects.create(
                user=user,
                kind=QualificationKind.BUSINESS_LICENCE,
                status=QualificationStatus.APPROVED,
                company_name=name,
                credit_code=demo_credit_code(n, "330782"),
                legal_representative="陈建国",
                registered_address="浙江省金华市义乌市稠城街道工人北路 88 号",
                is_long_term=True,
                review_due_at=now,
                reviewed_at=now,
            )
            if account_type == AccountType.FACTORY and not FactoryProfile.objects.filter(owner=user).exists():
                industry = Industry.objects.get(code="daily_goods")
                save_factory_profile(
                    owner=user,
                    name=name,
                    industry_id=industry.pk,
                    category_ids=list(
                        CategoryTag.objects.filter(industry=industry, name__in=["保温杯", "收纳用品"]).values_list(
                            "pk", flat=True
                        )
                    ),
                    attribute_ids=list(
                        AttributeTag.objects.filter(
                            code__in=["production", "small_batch", "urgent_orders", "free_sample"]
                        ).values_list("pk", flat=True)
                    ),
                    region_adcode="330782",
                    address="稠城街道工人北路 88 号",
                    latitude=None,
                    longitude=None,
                    main_products="不锈钢保温杯、塑料收纳盒",
                    equipment_summary="注塑机 12 台，抛光线 2 条，激光打标机 3 台",
                    capacity_summary="保温杯日产 8000 只",
                    employee_count=85,
                    description="义乌本地保温杯与收纳用品工厂，支持来图来样定制，可接急单。",
                    photo_ids=[workshop_photo(user, name, n)],
                    contact_name="陈建国",
                    contact_phone=phone,
                )
