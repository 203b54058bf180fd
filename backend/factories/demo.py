"""Demo factories for the embedded run and for trying the directory: ``load_demo_factories()``.

Each one is a factory account (phone 1390000xxxx) with an approved business licence whose credit code
passes the GB 32100 checksum, a completed profile in a real manufacturing town, tags and coordinates.
Running it again creates nothing new.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import AccountType, User
from accounts.services import set_phone
from factories.demo_data import DEMO_FACTORIES
from factories.models import FactoryProfile
from regions.models import Region
from taxonomy.models import AttributeTag, CategoryTag, Industry
from uploads.demo_images import draw_workshop, store_demo_image
from uploads.models import FilePurpose
from verification.models import Qualification, QualificationKind, QualificationStatus
from verification.validators import uscc_check_char

DEMO_USERNAME = "demo_factory_{:02d}"
DEMO_PHONE = "1390000{:04d}"


def workshop_photo(owner: User, name: str, n: int) -> str:
    """A workshop picture drawn for demo factory ``n`` (``uploads.demo_images``), as an upload id."""
    content = draw_workshop(f"{name[:8]}车间", seed=f"workshop-{n}")
    return str(store_demo_image(owner=owner, purpose=FilePurpose.FACTORY_PHOTO, content=content, name="车间.png").pk)


def demo_credit_code(n: int, adcode: str) -> str:
    """9 (工商) 1 (企业) + the registering region + a made-up organisation code + its check character."""
    body = f"91{adcode[:6]}MA2{n:06d}"
    return body + uscc_check_char(body)


@transaction.atomic
def load_demo_factories(count: int = 30) -> int:
    """Creates up to ``count`` demo factories; returns how many were new."""
    from factories.services import save_factory_profile

    created = 0
    now = timezone.now()
    for n, spec in enumerate(DEMO_FACTORIES[:count], start=1):
        username = DEMO_USERNAME.format(n)
        if FactoryProfile.objects.filter(owner__username=username).exists():
            continue
        region = Region.objects.filter(adcode=spec.adcode).first()
        industry = Industry.objects.filter(code=spec.industry).first()
        if region is None or industry is None:
            continue
        owner = User.objects.filter(username=username).first()
        if owner is None:
            owner = User.objects.create_user(
                username=username, account_type=AccountType.FACTORY, display_name=spec.name[:32]
            )
            set_phone(user=owner, phone=DEMO_PHONE.format(n))
        if not Qualification.objects.filter(
            user=owner, kind=QualificationKind.BUSINESS_LICENCE, status=QualificationStatus.APPROVED
        ).exists():
            valid_until: date | None = None if spec.long_term else timezone.localdate() + timedelta(days=365 * 3 + n)
            Qualification.objects.create(
                user=owner,
                kind=QualificationKind.BUSINESS_LICENCE,
                status=QualificationStatus.APPROVED,
                company_name=spec.name,
                credit_code=demo_credit_code(n, spec.adcode),
                legal_representative=spec.contact,
                registered_address=f"{region.full_name}{spec.address}",
                is_long_term=spec.long_term,
                valid_until=valid_until,
                review_due_at=now,
                reviewed_at=now - timedelta(days=n),
            )
        categories = list(
            CategoryTag.objects.filter(industry=industry, name__in=spec.categories, is_active=True).values_list(
                "pk", flat=True
            )
        ) or list(CategoryTag.objects.filter(industry=industry, is_active=True).values_list("pk", flat=True)[:2])
        attributes = list(
            AttributeTag.objects.filter(code__in=spec.attributes, is_active=True).values_list("pk", flat=True)
        )
        # Spread factories of one district a little so distance sorting has something to sort.
        jitter = ((n * 37) % 21 - 10) / 500
        profile = save_factory_profile(
            owner=owner,
            name=spec.name,
            industry_id=industry.pk,
            category_ids=categories,
            attribute_ids=attributes,
            region_adcode=region.adcode,
            address=spec.address,
            latitude=round(region.latitude + jitter, 6) if region.latitude is not None else None,
            longitude=round(region.longitude - jitter, 6) if region.longitude is not None else None,
            main_products=spec.main_products,
            equipment_summary="",
            capacity_summary="",
            employee_count=spec.employees,
            description=f"{spec.name}专业生产{spec.main_products}，欢迎来厂考察、打样合作。",
            photo_ids=[workshop_photo(owner, spec.name, n)],
            contact_name=spec.contact,
            contact_phone=DEMO_PHONE.format(n),
        )
        FactoryProfile.objects.filter(pk=profile.pk).update(completed_deals=spec.deals)
        created += 1
    return created
