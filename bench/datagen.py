"""Generates realistic Chinese posts and factories for benchmarks, with bulk inserts.

    uv run python bench/datagen.py                                             # 100k posts, 10k factories
    uv run python bench/datagen.py --reset --posts 10000 --factories 1000      # starts over
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cmt_bench uv run python bench/datagen.py \
        --migrate --reset --posts 1000000 --factories 100000                   # the 1M set (issue #13)

Rows it creates belong to accounts named ``bench_*`` (``--reset`` deletes exactly those). On PostgreSQL
posts, their process links and their search documents are written with ``COPY`` as they are generated
(the documents built by ``search.services.post_document``, the same function the save signal uses;
segmentation memoised, since generated texts repeat); factories with bulk inserts and indexed by
``search.services.factory_document``. A load at least as big as the posts already there drops the
tables' secondary indexes first and rebuilds them at the end (``bench/bulkload.py``). On SQLite everything
is bulk inserts and the search index is rebuilt at the end (``--no-index`` skips that). Either way the
planner's statistics are refreshed last (``manage.py refresh_statistics``).
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

PRODUCTS: dict[str, list[str]] = {
    "保温杯": ["不锈钢真空保温杯", "儿童保温杯", "车载保温杯", "316 保温杯", "大容量保温壶", "便携保温杯"],
    "餐具": ["陶瓷餐具套装", "不锈钢餐具", "竹木筷子", "密胺餐盘", "骨瓷碗碟"],
    "厨具": ["不粘锅", "铸铁锅", "不锈钢汤锅", "菜刀套装", "硅胶铲"],
    "收纳用品": ["PP 收纳箱", "衣物收纳袋", "桌面收纳盒", "真空压缩袋"],
    "清洁用品": ["超细纤维抹布", "拖把", "清洁刷", "垃圾袋"],
    "手机配件": ["手机壳", "钢化膜", "手机支架", "磁吸充电宝"],
    "数据线/充电器": ["Type-C 数据线", "快充充电器", "氮化镓充电头"],
    "蓝牙耳机": ["TWS 蓝牙耳机", "头戴式耳机", "骨传导耳机"],
    "T恤/卫衣": ["纯棉 T 恤", "连帽卫衣", "POLO 衫", "文化衫"],
    "羽绒服": ["白鸭绒羽绒服", "轻薄羽绒服", "儿童羽绒服"],
    "注塑模具": ["注塑模具", "双色注塑模", "热流道模具"],
    "彩盒": ["彩盒包装", "礼品盒", "天地盖盒"],
    "纸箱": ["五层瓦楞纸箱", "快递纸箱", "飞机盒"],
}
# One generated post in RARE_EVERY names this product whatever its category (about 0.05% of posts, 450 at 1M),
# so the rare-word search figure (bench/http_bench.py) times a word that is found, not an empty answer.
RARE_WORD, RARE_PRODUCTS, RARE_EVERY = "加湿器", ["超声波加湿器", "桌面加湿器", "香薰加湿器"], 2000
ADJECTIVES = ["外贸出口", "工厂直供", "现货", "加急", "长期合作", "品质稳定", "可定制 logo", "欧美标准"]
MARKETS = ["欧洲", "北美", "东南亚", "中东", "日韩", "国内电商"]
UNITS = ["个", "件", "套", "箱"]
CERTS = ["CE", "FDA", "LFGB", "ROHS", "BSCI", "ISO9001"]
FACTORY_PREFIX = ["永康", "宁波", "义乌", "东莞", "深圳", "佛山", "温州", "台州", "潮州", "揭阳", "苏州", "泉州"]
FACTORY_WORDS = ["精工", "恒达", "华美", "金鼎", "利达", "鑫源", "宏发", "嘉联", "巨星", "新科"]


def setup() -> None:
    import django

    django.setup()


def _chunks(items: list[Any], size: int) -> Any:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _memoise_segmentation() -> None:
    """Generated texts repeat their pieces (templates, products, places): segment each piece once.

    jieba cuts a text block by block (runs of ``jieba.re_han_default``), each independently, so the
    tokens of a text are the tokens of its blocks in turn: the same ``search.text.index_string``
    result, with the blocks' segmentation memoised."""
    import jieba

    from search import text

    if getattr(text.index_string, "memoised", False):
        return
    split = jieba.re_han_default.split
    tokens = text.index_tokens

    @functools.lru_cache(maxsize=1_000_000)
    def block_tokens(block: str) -> tuple[str, ...]:
        return tuple(tokens(block))

    normalise = functools.lru_cache(maxsize=1_000_000)(text.normalise)

    def index_string(*texts: str) -> str:
        # Normalising (NFKC, traditional → simplified) keeps ASCII spaces where they are.
        whole = " ".join(normalise(part) for t in texts if t for part in t.split(" "))
        return " ".join(t for block in split(whole) if block for t in block_tokens(block))

    index_string.memoised = True  # type: ignore[attr-defined]
    text.index_string = index_string


def reset() -> None:
    from accounts.models import User

    started = time.monotonic()
    deleted, _ = User.objects.filter(username__startswith="bench_").delete()
    print(f"removed {deleted} bench rows in {time.monotonic() - started:.1f}s")


def ensure_recruitment_licence() -> None:
    """The labour board is off without the platform's recruitment licence (issue #16): bench data has one."""
    from datetime import date

    from listings import compliance
    from listings.models import RecruitmentLicence

    if not compliance.current_licence():
        RecruitmentLicence.objects.create(number="BENCH-0001", issuer="基准测试", valid_until=date(2099, 12, 31))
        compliance.forget_licence()


# Posts generated one by one (Python); a bigger load copies them in SQL (bench/bulkload.py).
GENERATED = 100_000


def generate(*, posts: int, factories: int, seed: int, batch: int = 5000, generated: int | None = None) -> None:
    """``posts`` posts and ``factories`` factories. On PostgreSQL at most ``generated`` (default
    ``GENERATED``) posts are generated here; the rest are copies of them made in the database
    (``bulkload.replicate_posts``)."""
    import bulkload
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import User
    from factories.models import FactoryProfile
    from listings.models import Post, PostKind, PostStatus
    from regions.models import Region
    from search.models import SearchDocument
    from search.services import factory_document, post_document
    from taxonomy.models import AttributeTag, CategoryTag, JobType, ProcessType

    rng = random.Random(seed)
    tag = f"{int(time.time())}_{seed}"
    districts = list(
        Region.objects.filter(level=3, latitude__isnull=False).values_list("adcode", "latitude", "longitude")
    )
    # Posts cluster where manufacturing is (浙江, 广东, 江苏, 福建), with a long tail elsewhere.
    hubs = [d for d in districts if d[0][:2] in {"33", "44", "32", "35"}]
    categories = {c.name: c for c in CategoryTag.objects.select_related("industry")}
    known = [c for name, c in categories.items() if name in PRODUCTS]
    attributes = list(AttributeTag.objects.all())
    job_types = list(JobType.objects.all())
    processes = list(ProcessType.objects.all())
    processes_by_id = {p.pk: p for p in processes}
    process_order = [p.pk for p in processes]  # as a prefetch returns them (the models' ordering)
    category_order = list(CategoryTag.objects.all())
    now = timezone.now()
    today = timezone.localdate()

    def place() -> tuple[str, float, float]:
        adcode, lat, lng = rng.choice(hubs if rng.random() < 0.8 else districts)
        return adcode, lat + rng.uniform(-0.05, 0.05), lng + rng.uniform(-0.05, 0.05)

    started = time.monotonic()
    with transaction.atomic():
        bulk = connection.vendor == "postgresql" and posts >= Post.objects.count()
        if bulk:
            bulkload.bulk_load_mode(
                [
                    model._meta.db_table
                    for model in (
                        User,
                        FactoryProfile,
                        FactoryProfile.categories.through,
                        FactoryProfile.attributes.through,
                        Post,
                        Post.process_types.through,
                        SearchDocument,
                    )
                ]
            )
        owner_count = max(1, factories) + max(1, posts // 50)
        users = [
            User(
                username=f"bench_{tag}_{i}",
                display_name=f"测试{i}",
                account_type="factory" if i < max(1, factories) else "trade",
                password="!",
            )
            for i in range(owner_count)
        ]
        use_copy = connection.vendor == "postgresql"
        regions = {r.adcode: r for r in Region.objects.filter(adcode__in={d[0] for d in districts})}

        def save(model: Any, objs: list[Any]) -> None:
            """COPY on PostgreSQL (ids reserved from the table's sequence), bulk inserts elsewhere."""
            for chunk in _chunks(objs, batch):
                if use_copy:
                    for obj, pk in zip(chunk, bulkload.reserve_ids(model._meta.db_table, len(chunk)), strict=True):
                        obj.pk = pk
                    bulkload.copy_objects(model, chunk)
                else:
                    model.objects.bulk_create(chunk)

        save(User, users)
        if not use_copy:
            users = list(User.objects.filter(username__startswith=f"bench_{tag}_").order_by("pk"))
        factory_users = [u for u in users if u.account_type == "factory"]
        trade_users = [u for u in users if u.account_type == "trade"] or factory_users

        profiles = []
        for user in factory_users[:factories]:
            category = rng.choice(known)
            adcode, lat, lng = place()
            products = "、".join(rng.sample(PRODUCTS[category.name], k=min(3, len(PRODUCTS[category.name]))))
            profiles.append(
                FactoryProfile(
                    owner=user,
                    name=f"{rng.choice(FACTORY_PREFIX)}{rng.choice(FACTORY_WORDS)}{category.name.split('/')[0]}厂",
                    industry=category.industry,
                    region=regions[adcode],
                    address=f"工业园区 {rng.randint(1, 200)} 号",
                    latitude=lat,
                    longitude=lng,
                    main_products=products,
                    description=f"专业生产{products}，{rng.choice(ADJECTIVES)}，员工 {rng.randint(20, 800)} 人。",
                    contact_name="联系人",
                    is_verified=rng.random() < 0.85,
                    verified_at=now - timedelta(days=rng.randint(1, 400)),
                    completed_deals=rng.randint(0, 60),
                )
            )
        save(FactoryProfile, profiles)
        saved = (
            profiles
            if use_copy
            else list(
                FactoryProfile.objects.filter(owner__username__startswith=f"bench_{tag}_").select_related("industry")
            )
        )
        by_industry: dict[int, list[Any]] = {}
        for c in categories.values():
            by_industry.setdefault(c.industry_id, []).append(c)
        links: dict[str, list[tuple[int, int]]] = {"categories": [], "attributes": []}
        chosen_for: dict[int, tuple[list[Any], list[Any]]] = {}
        for profile in saved:
            cats = rng.sample(by_industry[profile.industry_id], k=min(2, len(by_industry[profile.industry_id])))
            attrs = sorted(rng.sample(attributes, k=3), key=attributes.index)  # the models' own ordering
            cats.sort(key=category_order.index)
            chosen_for[profile.pk] = (cats, attrs)
            links["categories"] += [(profile.pk, c.pk) for c in cats]
            links["attributes"] += [(profile.pk, a.pk) for a in attrs]
        for name, column in (("categories", "categorytag_id"), ("attributes", "attributetag_id")):
            link_model = getattr(FactoryProfile, name).through
            if use_copy:
                bulkload.copy_rows(link_model._meta.db_table, ["factoryprofile_id", column], links[name])
            else:
                rows_ = [link_model(factoryprofile_id=f, **{column: t}) for f, t in links[name]]
                link_model.objects.bulk_create(rows_, batch_size=batch, ignore_conflicts=True)
        if use_copy:
            docs = []
            for profile in saved:
                if profile.is_verified:
                    cats, attrs = chosen_for[profile.pk]
                    profile._prefetched_objects_cache = {"categories": cats, "attributes": attrs}
                    docs.append(factory_document(profile))
            save(SearchDocument, docs)
        print(f"{len(saved)} factories in {time.monotonic() - started:.1f}s")

        started = time.monotonic()
        kinds = [
            (PostKind.PROCUREMENT, 0.3),
            (PostKind.STOCK, 0.25),
            (PostKind.LABOUR, 0.25),
            (PostKind.PROCESSING_DEMAND, 0.1),
            (PostKind.PROCESSING_SERVICE, 0.1),
        ]
        rows: list[Post] = []
        process_links: list[tuple[int, list[int]]] = []
        created = 0

        through = Post.process_types.through

        def flush() -> None:
            nonlocal created
            if use_copy:
                # Posts, their process links and their search documents, all by COPY (issue #13).
                for post, pk in zip(rows, bulkload.reserve_ids(Post._meta.db_table, len(rows)), strict=True):
                    post.pk = pk
                ids.extend((rows[0].pk, rows[-1].pk))
                bulkload.copy_objects(Post, rows)
                bulkload.copy_rows(
                    through._meta.db_table,
                    ["post_id", "processtype_id"],
                    [(post.pk, pid) for post, (_, pids) in zip(rows, process_links, strict=True) for pid in pids],
                )
                docs = []
                for post, (_, pids) in zip(rows, process_links, strict=True):
                    if post.status != PostStatus.PUBLISHED:
                        continue
                    post._prefetched_objects_cache = {
                        "process_types": [processes_by_id[p] for p in sorted(pids, key=process_order.index)]
                    }
                    docs.append(post_document(post))
                for doc, pk in zip(docs, bulkload.reserve_ids(SearchDocument._meta.db_table, len(docs)), strict=True):
                    doc.pk = pk
                bulkload.copy_objects(SearchDocument, docs)
            else:
                Post.objects.bulk_create(rows, batch_size=1000)
                links = [
                    through(post_id=post.pk, processtype_id=pid)
                    for post, pids in zip(rows, [p for _, p in process_links], strict=True)
                    for pid in pids
                ]
                through.objects.bulk_create(links, batch_size=2000)
            created += len(rows)
            rows.clear()
            process_links.clear()

        to_generate = min(posts, generated or GENERATED) if use_copy else posts
        ids: list[int] = []
        for i in range(to_generate):
            kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
            category = rng.choice(known)
            product = rng.choice(PRODUCTS[category.name])
            if i % RARE_EVERY == RARE_EVERY // 2:  # after the draw, so the other posts stay as they were
                product = RARE_PRODUCTS[i // RARE_EVERY % len(RARE_PRODUCTS)]
            adcode, lat, lng = place()
            qty = Decimal(rng.choice([200, 500, 1000, 3000, 5000, 10000, 30000, 50000, 100000]))
            unit = rng.choice(UNITS)
            published = now - timedelta(minutes=rng.randint(0, 60 * 24 * 60))
            post = Post(
                owner=rng.choice(trade_users if kind == PostKind.PROCUREMENT else factory_users),
                kind=kind,
                status=PostStatus.PUBLISHED if rng.random() < 0.9 else PostStatus.EXPIRED,
                region=regions[adcode],
                latitude=lat,
                longitude=lng,
                valid_until=today + timedelta(days=rng.randint(1, 60)),
                published_at=published,
                refreshed_at=published,
            )
            pids: list[int] = []
            if kind == PostKind.LABOUR:
                job = rng.choice(job_types)
                wage = rng.choice(
                    [(Decimal(rng.randint(18, 35)), "hour", 8), (Decimal(rng.randint(150, 350)), "day", 1)]
                )
                post.job_type = job
                post.wage_amount, post.wage_unit = wage[0], wage[1]
                post.wage_per_day = wage[0] * wage[2]
                post.headcount = rng.randint(1, 80)
                post.period_start = today + timedelta(days=rng.randint(0, 20))
                post.period_end = post.period_start + timedelta(days=rng.randint(7, 90))
                post.meals_provided = rng.random() < 0.7
                post.housing_provided = rng.random() < 0.5
                post.title = f"招{job.name} {post.headcount}人 {wage[0]}{'元/小时' if wage[1] == 'hour' else '元/天'}"
                perks = ("包吃" if post.meals_provided else "") + ("包住" if post.housing_provided else "")
                post.description = f"{rng.choice(['长期', '短期', '暑假工'])}，{perks}，工资日结，不收任何费用。"
            else:
                post.industry = category.industry
                post.category = category
                post.product_name = product
                post.quantity, post.quantity_unit = qty, unit
                if kind in (PostKind.PROCESSING_DEMAND, PostKind.PROCESSING_SERVICE):
                    chosen = rng.sample(processes, k=rng.randint(1, 2))
                    pids = [p.pk for p in chosen]
                    names = "/".join(p.name for p in chosen)
                    if kind == PostKind.PROCESSING_SERVICE:
                        post.capacity_per_day = Decimal(rng.choice([500, 1000, 2000, 5000, 10000]))
                        post.title = f"承接{names}加工 日产能 {post.capacity_per_day}{unit}"
                    else:
                        post.delivery_date = today + timedelta(days=rng.randint(5, 90))
                        post.title = f"{names}代加工需求 {product} {qty}{unit}"
                    post.description = f"{product}，{rng.choice(ADJECTIVES)}，{rng.choice(['来料加工', '包工包料'])}。"
                elif kind == PostKind.PROCUREMENT:
                    post.delivery_date = today + timedelta(days=rng.randint(5, 90))
                    post.unit_price = Decimal(rng.randint(200, 8000)) / 100
                    certs = rng.sample(CERTS, k=rng.randint(0, 2))
                    post.certifications = certs
                    post.certification_codes = (" " + " ".join(certs) + " ") if certs else ""
                    post.sample_required = rng.random() < 0.5
                    post.title = f"求购{product} {qty}{unit}"
                    post.description = (
                        f"{rng.choice(ADJECTIVES)}，出口{rng.choice(MARKETS)}，需{'、'.join(certs) or '常规'}认证，"
                        f"交期 {post.delivery_date:%m月%d日}。"
                    )
                else:
                    post.unit_price = Decimal(rng.randint(100, 5000)) / 100
                    post.grade = rng.choice(["A", "B", "C"])
                    post.title = f"库存{product} {qty}{unit} {post.grade}级"
                    source = rng.choice(["外贸尾单", "工厂清仓", "品牌余货"])
                    post.description = f"{source}，原箱包装，可验货，{rng.choice(ADJECTIVES)}。"
            post.search_text = " ".join(x for x in [post.title, post.product_name, post.description] if x)
            rows.append(post)
            process_links.append((i, pids))
            if len(rows) >= batch:
                flush()
                print(f"  posts {created}", end="\r")
        if rows:
            flush()
        print(f"{created} posts in {time.monotonic() - started:.1f}s")
        if created < posts and ids:
            started = time.monotonic()
            copied = bulkload.replicate_posts(first_id=min(ids), last_id=max(ids), total=posts - created)
            print(f"{copied} copies of them in {time.monotonic() - started:.1f}s")
        if bulk:
            bulkload.rebuild_indexes()


def finish(*, index: bool = True) -> None:
    """After a load: what the bulk paths skipped (the search index on SQLite; matching's ranking rows,
    which signals keep and COPY bypasses), then the planner's statistics."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql" and index:
        call_command("rebuild_search_index")
    started = time.monotonic()
    call_command("refresh_factory_ranks")
    print(f"factory ranks in {time.monotonic() - started:.1f}s")
    call_command("refresh_statistics")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--factories", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--generated", type=int, default=GENERATED, help="posts generated one by one; the rest are copies (PostgreSQL)"
    )
    parser.add_argument("--reset", action="store_true", help="delete earlier bench_* rows first")
    parser.add_argument("--migrate", action="store_true", help="run migrations first (fresh database)")
    parser.add_argument("--no-index", action="store_true", help="skip rebuilding the search index")
    args = parser.parse_args()
    setup()
    from django.core.management import call_command

    if args.migrate:
        call_command("migrate", verbosity=0)
    if args.reset:
        reset()

    started = time.monotonic()
    _memoise_segmentation()
    generate(posts=args.posts, factories=args.factories, seed=args.seed, generated=args.generated)
    finish(index=not args.no_index)
    print(f"total {time.monotonic() - started:.1f}s")


if __name__ == "__main__":
    main()
