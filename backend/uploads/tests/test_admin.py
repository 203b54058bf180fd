"""The console's read-only file list with previews; private files need their own permission (R-OPS-3)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from accounts.tests.factories import make_staff, make_user
from uploads.tests.factories import make_stored_file

pytestmark = pytest.mark.django_db


def console(*, perms: tuple[str, ...] = (), superuser: bool = False) -> Client:
    staff = make_staff(superuser=superuser)
    for codename in perms:
        staff.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(staff)
    return client


def test_file_list_shows_previews_and_is_read_only_R_OPS_3() -> None:
    stored = make_stored_file(owner=make_user(), name="车间.jpg")
    client = console(superuser=True)
    page = client.get("/admin/uploads/storedfile/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"/admin/uploads/storedfile/{stored.pk}/thumbnail/" in html
    assert "车间.jpg" in html
    assert "/admin/uploads/storedfile/add/" not in html
    detail = client.get(f"/admin/uploads/storedfile/{stored.pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    thumb = client.get(f"/admin/uploads/storedfile/{stored.pk}/thumbnail/")
    assert thumb.status_code == 200
    assert thumb["Content-Type"] == "image/jpeg"


def test_private_file_preview_needs_the_private_files_permission_R_OPS_3() -> None:
    licence = make_stored_file(owner=make_user(), purpose="licence")
    public = make_stored_file(owner=make_user())
    viewer = console(perms=("view_storedfile",))
    assert viewer.get(f"/admin/uploads/storedfile/{public.pk}/content/").status_code == 200
    assert viewer.get(f"/admin/uploads/storedfile/{licence.pk}/content/").status_code == 404
    reviewer = console(perms=("view_storedfile", "view_private_files"))
    assert reviewer.get(f"/admin/uploads/storedfile/{licence.pk}/content/").status_code == 200
    nobody = console()
    assert nobody.get(f"/admin/uploads/storedfile/{public.pk}/content/").status_code == 404
