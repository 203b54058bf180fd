"""The document files parse and the version in force is chosen by effective date (issue #16 item 2)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured

from legal import documents


def test_every_shipped_document_parses_with_headings() -> None:
    """issue #16: each shipped document has a title, an effective date and headed sections."""
    for kind in ("user_agreement", "privacy_policy", "publishing_rules"):
        doc = documents.current(kind)
        assert doc.title and doc.effective_date <= date.today()
        assert len(doc.sections) >= 5
        assert all(s.heading and s.paragraphs for s in doc.sections)
        assert "{{" not in "".join(p for s in doc.sections for p in s.paragraphs)


def test_a_file_without_header_is_refused() -> None:
    """issue #16: a malformed document fails loudly rather than showing an undated text."""
    with pytest.raises(ImproperlyConfigured):
        documents.parse("privacy_policy", "3.0", "## 标题\n正文\n")
    with pytest.raises(ImproperlyConfigured):
        documents.parse("privacy_policy", "3.0", "---\ntitle: 无日期\n---\n## 标题\n正文\n")


def test_deploy_check_refuses_an_unnamed_operator(monkeypatch: pytest.MonkeyPatch) -> None:
    """issue #16: the privacy policy must name the operator and a contact before going live."""
    from legal.checks import OPERATOR_VARIABLES, operator_configured

    for name in OPERATOR_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert [e.id for e in operator_configured()] == ["legal.E001"]
    for name in OPERATOR_VARIABLES:
        monkeypatch.setenv(name, "已配置")
    assert operator_configured() == []
