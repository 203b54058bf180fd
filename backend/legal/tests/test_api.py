"""Versioned legal documents and per-user consent through the API (issue #16 item 2; R-PLUS-5)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.tests.factories import make_user, signed_in_client
from legal.models import Consent
from legal.tests.factories import write_version

pytestmark = pytest.mark.django_db

KINDS = {"user_agreement", "privacy_policy", "publishing_rules"}


@pytest.fixture
def extra_dir(tmp_path: Path, settings: Any) -> Path:
    settings.LEGAL_DOCUMENT_DIRS = [*settings.LEGAL_DOCUMENT_DIRS, tmp_path]
    return tmp_path


def accept_all(client: Any) -> Any:
    docs = client.get("/api/legal/documents").json()
    return client.post(
        "/api/legal/consents", {"documents": [{"kind": d["kind"], "version": d["version"]} for d in docs]}
    )


def test_the_three_documents_are_served_with_version_and_effective_date(api: Any) -> None:
    """issue #16: user agreement, publishing rules and privacy policy, each versioned with an effective date."""
    docs = api.get("/api/legal/documents").json()
    assert {d["kind"] for d in docs} == KINDS
    for d in docs:
        assert d["version"] and d["effective_date"] and d["title"]
    privacy = api.get("/api/legal/documents/privacy_policy").json()
    text = "\n".join([s["heading"] + "\n" + "\n".join(s["paragraphs"]) for s in privacy["sections"]])
    # The complete policy: operator and contact, purposes, each device permission, retention, sharing, rights.
    for phrase in (
        "运营",
        "联系方式",
        "模糊位置",
        "相册",
        "相机",
        "聊天记录中的文件",
        "剪贴板",
        "打开文件",
        "保存期限",
        "3 年",
        "共享",
        "导出",
        "注销",
        "撤回同意",
    ):
        assert phrase in text, phrase
    assert "JSON" not in text  # the export is described in plain words
    assert settings.LEGAL_OPERATOR["contact_email"] in text  # placeholders are filled
    rules = api.get("/api/legal/documents/publishing_rules").json()
    rules_text = "\n".join(p for s in rules["sections"] for p in s["paragraphs"])
    assert "押金" in rules_text and "申诉" in rules_text and "审核" in rules_text


def test_unknown_kind_and_version_are_404(api: Any) -> None:
    """issue #16: only published documents are served."""
    assert api.get("/api/legal/documents/cookie_policy").status_code == 404
    assert api.get("/api/legal/documents/privacy_policy", {"version": "9.9"}).status_code == 404


def test_a_future_version_is_not_in_force_yet(api: Any, extra_dir: Path) -> None:
    """issue #16: a version takes effect on its effective date, not before."""
    write_version(
        extra_dir, kind="privacy_policy", version="2.0", effective_date=timezone.localdate() + timedelta(days=3)
    )
    assert api.get("/api/legal/documents/privacy_policy").json()["version"] == "1.0"
    assert api.get("/api/legal/documents/privacy_policy", {"version": "2.0"}).status_code == 404


def test_consent_is_needed_after_sign_in_and_recorded_per_version(api: Any) -> None:
    """issue #16: sign-in records which versions the user accepted."""
    client = signed_in_client(make_user(account_type="worker"))
    state = client.get("/api/legal/consents").json()
    assert {d["kind"] for d in state["outstanding"]} == KINDS
    response = accept_all(client)
    assert response.status_code == 200, response.json()
    assert response.json()["outstanding"] == []
    assert {(c.kind, c.version) for c in Consent.objects.filter(user=client.user)} == {(k, "1.0") for k in KINDS}
    assert client.get("/api/me").json()["privacy_consented"] is True
    # Accepting again does not duplicate the record.
    accept_all(client)
    assert Consent.objects.filter(user=client.user).count() == 3


def test_a_new_version_asks_again_and_only_it_can_be_accepted(api: Any, extra_dir: Path) -> None:
    """issue #16: when a new version is published the app asks again; an outdated version is refused."""
    client = signed_in_client(make_user(account_type="factory"))
    accept_all(client)
    write_version(extra_dir, kind="privacy_policy", version="1.1")
    state = client.get("/api/legal/consents").json()
    assert [d["kind"] for d in state["outstanding"]] == ["privacy_policy"]
    assert state["outstanding"][0]["version"] == "1.1"
    assert state["outstanding"][0]["summary"].startswith("新增第十条")
    privacy = next(d for d in state["documents"] if d["document"]["kind"] == "privacy_policy")
    assert privacy["accepted_version"] == "1.0" and privacy["up_to_date"] is False

    stale = client.post("/api/legal/consents", {"documents": [{"kind": "privacy_policy", "version": "1.0"}]})
    assert stale.status_code == 409
    assert stale.json()["code"] == "legal_version_outdated"
    assert stale.json()["detail"]["current_version"] == "1.1"

    ok = client.post("/api/legal/consents", {"documents": [{"kind": "privacy_policy", "version": "1.1"}]})
    assert ok.json()["outstanding"] == []
    # Older versions stay readable for reference.
    assert api.get("/api/legal/documents/privacy_policy", {"version": "1.0"}).json()["version"] == "1.0"


def test_consents_belong_to_the_caller(api: Any) -> None:
    """issue #16: one user's acceptances never answer for another; anonymous callers are refused."""
    first = signed_in_client(make_user(account_type="trade"))
    second = signed_in_client(make_user(account_type="trade"))
    accept_all(first)
    assert len(second.get("/api/legal/consents").json()["outstanding"]) == 3
    assert api.get("/api/legal/consents").status_code == 401
    assert (
        api.post("/api/legal/consents", {"documents": [{"kind": "privacy_policy", "version": "1.0"}]}).status_code
        == 401
    )


def test_bad_consent_payloads_are_422(api: Any) -> None:
    """issue #16: an empty list or an unknown document is a validation error naming the field."""
    client = signed_in_client()
    assert client.post("/api/legal/consents", {"documents": []}).status_code == 422
    bad = client.post("/api/legal/consents", {"documents": [{"kind": "cookies", "version": "1.0"}]})
    assert bad.status_code == 422 and bad.json()["code"] == "validation_error"


def test_consents_are_in_the_export_and_kept_after_cancellation(api: Any) -> None:
    """issue #16 / R-PLUS-5: consent records are personal data (exported; kept as proof after 注销)."""
    from accounts.personal_data import exporters, registrations

    client = signed_in_client(make_user(account_type="worker"))
    accept_all(client)
    section = dict(exporters())["同意的协议"](client.user)
    assert {row["文件"] for row in section} == {"用户协议", "隐私政策", "信息发布规则"}
    assert registrations()["legal.Consent"].retention is not None
