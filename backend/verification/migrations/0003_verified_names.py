"""Existing approved business licences name their accounts (issue #15 item 4)."""

from django.db import migrations


def fill_verified_names(apps, schema_editor):
    Qualification = apps.get_model("verification", "Qualification")
    User = apps.get_model("accounts", "User")
    latest: dict[int, str] = {}
    for user_id, name in (
        Qualification.objects.filter(kind="business_licence", status="approved")
        .order_by("reviewed_at", "id")
        .values_list("user_id", "company_name")
    ):
        latest[user_id] = name
    for user_id, name in latest.items():
        User.objects.filter(pk=user_id).update(verified_name=(name or "")[:100])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_organisation_names"),
        ("verification", "0002_review_workbench"),
    ]

    operations = [migrations.RunPython(fill_verified_names, migrations.RunPython.noop)]
