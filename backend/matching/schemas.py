from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from discovery.schemas import DiscoveryFactoryOut, DiscoveryPostOut
from listings.schemas import NamedOut, RegionOut


class WorkerOut(Schema):
    id: int
    display_name: str
    region: RegionOut | None
    job_types: list[NamedOut]
    available_from: date | None


class MatchOut(Schema):
    type: Literal["post", "factory", "worker"]
    score: int = Field(..., description="匹配度 0-100")
    reasons: list[str] = Field(..., description="匹配理由，如 同品类：保温杯、距离 12 公里、可接急单")
    distance_km: float | None
    post: DiscoveryPostOut | None = None
    factory: DiscoveryFactoryOut | None = None
    worker: WorkerOut | None = None

    @staticmethod
    def resolve_distance_km(obj: Any) -> float | None:
        return round(obj.distance_km, 1) if obj.distance_km is not None else None

    @staticmethod
    def resolve_worker(obj: Any) -> dict[str, Any] | None:
        if obj.worker is None:
            return None
        preference = obj.preference
        return {
            "id": obj.worker.pk,
            "display_name": obj.worker.display_name,
            "region": preference.region if preference else None,
            "job_types": list(preference.job_types.all()) if preference else [],
            "available_from": preference.available_from if preference else None,
        }


class JobPreferenceIn(Schema):
    job_type_ids: list[int] = Field(default_factory=list, description="意向工种 id（最多 10 个）")
    region_adcode: str | None = Field(None, description="意向地区（省 / 市 / 区县）")
    available_from: date | None = Field(None, description="可到岗日期")


class JobPreferenceOut(Schema):
    job_types: list[NamedOut]
    region: RegionOut | None
    available_from: date | None
    updated_at: datetime | None

    @staticmethod
    def resolve_job_types(obj: Any) -> list[Any]:
        return list(obj.job_types.all()) if obj.pk else []
