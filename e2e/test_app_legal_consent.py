"""The legal pages in H5 and the consent flow: sign-in records the versions accepted, and a new version of
the privacy policy is asked for again before the user can continue (issue #16 item 2). Phone-sized
screenshots (390×844) of each document, the sign-in consent and the re-consent page in test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import goto, phones, shot, sign_in, tid
from playwright.sync_api import expect

from accounts.models import User
from legal.models import Consent
from legal.tests.factories import write_version

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["phones"]  # the fixture, imported so that pytest finds it here

PHONE = "13800001601"


def test_legal_pages_and_consent_with_re_consent_on_a_new_version_issue_16(
    live_server: Any, phones: Any, artifacts: Path, settings: Any, tmp_path: Path
) -> None:
    base = live_server.url
    app = phones()

    # Signed out, from 我的: the three documents, each with its version and effective date.
    goto(app, base, "pages/me/index")
    tid(app, "me-user-agreement").click()
    agreement = tid(app, "legal-document-user_agreement")
    expect(agreement).to_contain_text("厂贸通用户协议")
    expect(agreement.locator('[data-testid="legal-version"]')).to_contain_text("版本 1.0")
    expect(agreement).to_contain_text("不得向工人收取任何费用")
    shot(app, artifacts, "legal-user-agreement")
    app.go_back()
    tid(app, "me-publishing-rules").click()
    rules = tid(app, "legal-document-publishing_rules")
    expect(rules).to_contain_text("严禁向工人收取任何费用")
    expect(rules).to_contain_text("申诉")
    shot(app, artifacts, "legal-publishing-rules")
    app.go_back()
    tid(app, "me-privacy").click()
    privacy = tid(app, "legal-document-privacy_policy")
    expect(privacy).to_contain_text("设备权限")
    expect(privacy).to_contain_text("大致位置")
    expect(privacy).to_contain_text("保存期限")
    expect(privacy).to_contain_text(settings.LEGAL_OPERATOR["contact_email"])
    expect(privacy).not_to_contain_text("JSON")
    shot(app, artifacts, "legal-privacy-policy")

    # Sign-in names all three; signing in records the versions shown.
    goto(app, base, "pages/auth/sign-in")
    expect(tid(app, "sign-in-consent")).to_contain_text("《用户协议》《信息发布规则》和《隐私政策》")
    shot(app, artifacts, "legal-sign-in-consent")
    sign_in(app, base, PHONE)
    user = User.objects.filter(phone_index__isnull=False).latest("date_joined")  # the one phone that signed in
    accepted = set(Consent.objects.filter(user=user).values_list("kind", "version"))
    assert accepted == {("user_agreement", "1.0"), ("privacy_policy", "1.0"), ("publishing_rules", "1.0")}

    # The app keeps going without asking again ...
    goto(app, base, "pages/me/index")
    expect(tid(app, "me-privacy")).to_be_visible()
    expect(tid(app, "legal-consent")).to_have_count(0)

    # ... until a new privacy policy takes effect: the next launch opens the consent page first.
    settings.LEGAL_DOCUMENT_DIRS = [*settings.LEGAL_DOCUMENT_DIRS, tmp_path]
    write_version(tmp_path, kind="privacy_policy", version="1.1", summary="新增：聊天文件的保存期限说明")
    app.reload()  # the user opens the app again
    consent = tid(app, "legal-consent")
    expect(consent).to_be_visible()
    expect(consent).to_contain_text("协议与政策已更新")
    expect(tid(app, "consent-doc-privacy_policy")).to_contain_text("版本 1.1")
    expect(tid(app, "consent-doc-privacy_policy")).to_contain_text("新增：聊天文件的保存期限说明")
    expect(tid(app, "consent-doc-user_agreement")).to_have_count(0)
    shot(app, artifacts, "legal-re-consent")

    # The full text of the new version opens from there.
    tid(app, "consent-open-privacy_policy").click()
    expect(tid(app, "legal-document-privacy_policy").locator('[data-testid="legal-version"]')).to_contain_text(
        "版本 1.1"
    )
    app.go_back()
    tid(app, "consent-agree").click()
    expect(tid(app, "legal-consent")).to_have_count(0)
    assert Consent.objects.filter(user=user, kind="privacy_policy", version="1.1").count() == 1

    goto(app, base, "pages/me/index")
    app.reload()
    expect(tid(app, "me-privacy")).to_be_visible()
    expect(tid(app, "legal-consent")).to_have_count(0)
