"""Ranking rows of factories (issue #13), filled here from the profiles, tags and locations; capacity and
responsiveness follow with the first run of the hourly job ``refresh_factory_ranks`` (exact scoring of
the ranked factories reads them live meanwhile)."""

import django.db.models.deletion
from django.db import migrations, models

BITS = {"small_batch": 1, "large_batch": 2, "urgent_orders": 4, "free_sample": 8}


def fill(apps, schema_editor):
    FactoryProfile = apps.get_model("factories", "FactoryProfile")
    FactoryRank = apps.get_model("matching", "FactoryRank")
    rows = []
    for f in FactoryProfile.objects.select_related("region").prefetch_related("categories", "attributes").iterator(
        chunk_size=2000
    ):
        common = {
            "factory_id": f.pk,
            "industry_id": f.industry_id,
            "owner_id": f.owner_id,
            "is_verified": f.is_verified,
            "attributes": sum(BITS.get(a.code, 0) for a in f.attributes.all()),
            "latitude": f.latitude if f.latitude is not None else f.region.latitude,
            "longitude": f.longitude if f.longitude is not None else f.region.longitude,
        }
        rows.append(FactoryRank(category_id=None, **common))
        rows += [FactoryRank(category_id=c.pk, **common) for c in f.categories.all()]
        if len(rows) >= 2000:
            FactoryRank.objects.bulk_create(rows)
            rows = []
    FactoryRank.objects.bulk_create(rows)


class Migration(migrations.Migration):

    dependencies = [
        ('factories', '0003_directory_name'),
        ('matching', '0004_move_models_to_search_and_discovery'),
        ('taxonomy', '0002_seed_taxonomy'),
    ]

    operations = [
        migrations.CreateModel(
            name='FactoryRank',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('owner_id', models.BigIntegerField(verbose_name='工厂账号')),
                ('is_verified', models.BooleanField(default=False, verbose_name='已认证')),
                ('attributes', models.PositiveSmallIntegerField(default=0, verbose_name='属性标签位')),
                ('capacity_per_day', models.FloatField(blank=True, null=True, verbose_name='日产能')),
                ('responsive_points', models.FloatField(default=0, verbose_name='响应得分')),
                ('latitude', models.FloatField(blank=True, null=True, verbose_name='纬度')),
                ('longitude', models.FloatField(blank=True, null=True, verbose_name='经度')),
                ('refreshed_at', models.DateTimeField(auto_now=True, verbose_name='刷新时间')),
                ('category', models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='taxonomy.categorytag', verbose_name='品类')),
                ('factory', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='factories.factoryprofile', verbose_name='工厂')),
                ('industry', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='taxonomy.industry', verbose_name='行业')),
            ],
            options={
                'verbose_name': '工厂匹配排序',
                'verbose_name_plural': '工厂匹配排序',
                'indexes': [models.Index(condition=models.Q(('category__isnull', False), ('is_verified', True)), fields=['category'], include=('industry', 'owner_id', 'attributes', 'capacity_per_day', 'responsive_points', 'latitude', 'longitude', 'factory'), name='factory_rank_category_idx'), models.Index(condition=models.Q(('category__isnull', True), ('is_verified', True)), fields=['industry'], include=('owner_id', 'attributes', 'capacity_per_day', 'responsive_points', 'latitude', 'longitude', 'factory'), name='factory_rank_industry_idx')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
