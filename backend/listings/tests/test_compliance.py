"""Recruitment compliance (issue #16 item 4): the platform's 人力资源服务许可证 is a console setting shown on the
labour board and on each job page; without a valid one the labour board and its publishing are off for the
app (403 ``recruitment_licence_missing``) while every other board works; a job post states what the rules
require (employer, headcount, requirements, work content, workplace, basic pay, validity period)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import make_staff, signed_in_client
from listings.models import Post, PostKind, PostStatus, RecruitmentLicence
from listings.tests.factories import make_post, make_publisher, make_recruitment_licence, valid_payload

LICENCE_ADD = "admin:listings_recruitmentlicence_add"


def console(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def board(kind: str) -> dict[str, Any]:
    return next(b for b in signed_in_client().get("boards").json() if b["kind"] == kind)


def refused_for_licence(response: Any) -> bool:
    return bool(response.status_code == 403 and response.json()["code"] == "recruitment_licence_missing")


def licence_payload(**overrides: Any) -> dict[str, Any]:
    return {
        "number": "（粤）人服证字〔2026〕第 0300000002 号",
        "issuer": "深圳市人力资源和社会保障局",
        "valid_from": "",
        "valid_until": (timezone.localdate() + timedelta(days=700)).isoformat(),
        "is_active": "on",
        "note": "",
        **overrides,
    }


@pytest.mark.django_db
def test_licence_is_shown_on_the_labour_board_and_on_each_job_page_issue16() -> None:
    labour = board(PostKind.LABOUR)
    assert labour["available"] is True and labour["unavailable_message"] == ""
    assert "人力资源服务许可证" in labour["licence"]["text"] and labour["licence"]["issuer"]
    assert board(PostKind.STOCK)["licence"] is None

    job = make_post(kind=PostKind.LABOUR)
    detail = signed_in_client().get(f"listings/posts/{job.pk}").json()
    assert detail["recruitment_licence"]["number"] == labour["licence"]["number"]
    assert detail["details"]["employer_name"] and detail["details"]["work_content"]
    stock = make_post(kind=PostKind.STOCK)
    assert signed_in_client().get(f"listings/posts/{stock.pk}").json()["recruitment_licence"] is None


@pytest.mark.django_db
@pytest.mark.no_recruitment_licence
def test_without_a_licence_the_labour_board_is_off_and_everything_else_works_issue16() -> None:
    job = make_recruitment_licence_then_post()  # a job published while the platform still had a licence
    RecruitmentLicence.objects.all().delete()
    reader = signed_in_client()

    labour = board(PostKind.LABOUR)
    assert labour["available"] is False and labour["licence"] is None
    assert "人力资源服务许可证" in labour["unavailable_message"]
    assert refused_for_licence(reader.get("discovery/labour"))
    assert refused_for_licence(reader.get(f"listings/posts/{job.pk}"))
    assert refused_for_licence(reader.get("listings/form-schema/labour"))
    publisher = signed_in_client(make_publisher("factory"))
    refused = publisher.post("listings/posts", valid_payload(PostKind.LABOUR))
    assert refused_for_licence(refused) and "暂停服务" in refused.json()["message"]
    assert job.pk not in [hit["id"] for hit in reader.get("search", {"q": "缝纫工"}).json()["items"]]

    # Everything else works: other boards list, show and publish.
    stock = make_post(kind=PostKind.STOCK)
    assert reader.get("discovery/stock").status_code == 200
    assert reader.get(f"listings/posts/{stock.pk}").status_code == 200
    assert publisher.post("listings/posts", valid_payload(PostKind.PROCESSING_DEMAND)).status_code == 201

    # An operator enters the licence in the console: the board is back at once.
    admin = console(make_staff(groups=(Role.ADMIN.value,)))
    assert admin.post(reverse(LICENCE_ADD), licence_payload()).status_code == 302
    assert board(PostKind.LABOUR)["available"] is True
    assert reader.get("discovery/labour").status_code == 200
    shown = reader.get(f"listings/posts/{job.pk}").json()["recruitment_licence"]
    assert shown["issuer"] == "深圳市人力资源和社会保障局"


def make_recruitment_licence_then_post() -> Post:
    make_recruitment_licence()
    return make_post(kind=PostKind.LABOUR)


@pytest.mark.django_db
@pytest.mark.no_recruitment_licence
def test_an_expired_or_disabled_licence_switches_the_labour_board_off_issue16() -> None:
    make_recruitment_licence(days=-1)
    make_recruitment_licence(active=False)
    assert board(PostKind.LABOUR)["available"] is False
    assert refused_for_licence(signed_in_client().get("discovery/labour"))


@pytest.mark.django_db
@pytest.mark.no_recruitment_licence
def test_only_the_operations_admin_may_set_the_licence_issue16() -> None:
    reviewer = console(make_staff(groups=(Role.REVIEWER.value,)))
    assert reviewer.post(reverse(LICENCE_ADD), licence_payload()).status_code == 403
    support = console(make_staff(groups=(Role.SUPPORT.value,)))
    assert support.post(reverse(LICENCE_ADD), licence_payload()).status_code == 403
    assert not RecruitmentLicence.objects.exists()
    assert board(PostKind.LABOUR)["available"] is False


@pytest.mark.django_db
def test_a_job_post_must_state_what_the_recruitment_rules_require_issue16() -> None:
    client = signed_in_client(make_publisher("factory"))
    payload = valid_payload(PostKind.LABOUR)
    for name in ("employer_name", "work_content", "requirements", "valid_until"):
        payload.pop(name)
    draft = client.post("listings/posts", payload)
    assert draft.status_code == 201  # a draft may be incomplete
    submitted = client.post(f"listings/posts/{draft.json()['id']}/submit")
    assert submitted.status_code == 422
    fields = {d["field"]: d["message"] for d in submitted.json()["detail"]}
    assert set(fields) == {"employer_name", "work_content", "requirements", "valid_until"}
    assert fields["employer_name"] == "请填写用人单位" and fields["valid_until"] == "请填写招聘有效期至"

    form = client.get("listings/form-schema/labour").json()
    required = {f["name"] for step in form["steps"] for f in step["fields"] if f["required"]}
    assert {"employer_name", "headcount", "requirements", "work_content", "region_id", "address"} <= required
    assert {"wage_amount", "wage_unit", "valid_until"} <= required


@pytest.mark.django_db
def test_a_job_post_valid_beyond_90_days_is_refused_and_an_expired_one_stops_showing_issue16() -> None:
    client = signed_in_client(make_publisher("factory"))
    far = (timezone.localdate() + timedelta(days=91)).isoformat()
    draft = client.post("listings/posts", valid_payload(PostKind.LABOUR, valid_until=far))
    submitted = client.post(f"listings/posts/{draft.json()['id']}/submit")
    assert submitted.status_code == 422 and submitted.json()["detail"][0]["field"] == "valid_until"

    job = make_post(kind=PostKind.LABOUR)
    reader = signed_in_client()
    assert job.pk in [p["id"] for p in reader.get("discovery/labour").json()["items"]]
    Post.objects.filter(pk=job.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    assert job.pk not in [p["id"] for p in reader.get("discovery/labour").json()["items"]]
    assert reader.get(f"listings/posts/{job.pk}").status_code == 404


@pytest.mark.django_db
def test_a_job_post_asking_workers_for_money_is_not_published_issue16() -> None:
    """The anti-scam rule (moderation.rules, issue #12 item 3) on the labour board: held for review, not shown."""
    client = signed_in_client(make_publisher("factory"))
    draft = client.post("listings/posts", valid_payload(PostKind.LABOUR, work_content="入职先交押金 300 元，干满退还"))
    assert client.post(f"listings/posts/{draft.json()['id']}/submit").status_code == 200
    post = Post.objects.get(pk=draft.json()["id"])
    assert post.status == PostStatus.PENDING and post.moderation["fee_requests"][0]["field"] == "work_content"
    assert post.pk not in [p["id"] for p in signed_in_client().get("discovery/labour").json()["items"]]
