from typing import Any

from django.http import HttpRequest
from ninja import Router

from accounts.models import AccountType
from accounts.permissions import WORKER_ONLY, AccountTypeIn
from common.auth import bearer, signed_in_user
from common.permissions import require
from matching import selectors, services
from matching.models import WorkerPreference
from matching.schemas import JobPreferenceIn, JobPreferenceOut, MatchOut

router = Router(tags=["匹配与求职意向"])


@router.get("/matching/posts/{post_id}", response=list[MatchOut], auth=bearer, summary="我发布的信息的匹配结果")
def matches_of_my_post(request: HttpRequest, post_id: int) -> Any:
    return selectors.matches_of_my_post(user=signed_in_user(request), post_id=post_id)


@router.get("/matching/for-me", response=list[MatchOut], auth=bearer, summary="适合我的需求 / 岗位")
@require(AccountTypeIn(AccountType.FACTORY, AccountType.WORKER))
def matches_for_me(request: HttpRequest) -> Any:
    return selectors.matches_for_me(user=signed_in_user(request))


@router.get("/me/job-preferences", response=JobPreferenceOut, auth=bearer, summary="我的求职意向")
@require(WORKER_ONLY)
def my_job_preference(request: HttpRequest) -> Any:
    user = signed_in_user(request)
    return selectors.get_job_preference(user=user) or WorkerPreference(user=user)


@router.put("/me/job-preferences", response=JobPreferenceOut, auth=bearer, summary="填写求职意向")
@require(WORKER_ONLY)
def save_job_preference(request: HttpRequest, payload: JobPreferenceIn) -> Any:
    user = signed_in_user(request)
    services.save_job_preference(user=user, **payload.dict())
    return selectors.get_job_preference(user=user)
