"""What the review workbench shows of a post, in human terms (issue #14 item 1): field values as names
(industry, category, region, job type, units and choices as their labels; never ids, coordinates or field
codes), text with the machine checks' hits marked in place and the rule that hit, WeChat's verdicts, and
for an edit the changed fields beside the published ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from listings import kinds
from listings.hits_display import KEYWORD_CATEGORY_LABELS
from listings.models import Post
from listings.selectors import FIXED_OPTIONS
from moderation.models import MediaCheck, MediaCheckStatus
from regions.models import Region
from taxonomy.models import CategoryTag, Industry, JobType, ProcessType

# Shown through the value they qualify ("5000 件", "220 元/天"), never on their own row.
UNIT_OF = {
    "quantity": "quantity_unit",
    "min_order": "quantity_unit",
    "capacity_amount": "quantity_unit",
    "wage_amount": "wage_unit",
    "unit_price": "currency",
}
HIDDEN = {"latitude", "longitude", "media_ids", "quantity_unit", "wage_unit", "currency", "capacity_period", "title"}
VIA_LABELS = {"exact": "", "gap": "（夹杂符号）", "leet": "（字符变形）", "homophone": "（谐音）"}
ACTION_LABELS = {"flag": "送审", "block": "拦截"}


def _labels(name: str) -> dict[str, str]:
    return {str(o["value"]): str(o["label"]) for o in FIXED_OPTIONS.get(name, [])}


@dataclass
class Hit:
    start: int
    end: int
    rule: str
    severity: str  # "warn" (send to review) or "danger" (contact, fee, block)


@dataclass
class Row:
    label: str
    html: SafeString
    changed: bool = False
    before: SafeString | None = None


@dataclass
class Findings:
    """The machine checks of one version, per field, plus what no field can show."""

    per_field: dict[str, list[Hit]] = field(default_factory=dict)
    summary: list[tuple[str, str]] = field(default_factory=list)  # (rule, where)
    wechat_text: str = ""
    wechat_images: list[str] = field(default_factory=list)


def findings(post: Post, moderation: dict[str, Any] | None, texts: dict[str, str]) -> Findings:
    moderation = moderation or {}
    result = Findings()

    def add(field_name: str, hit: Hit, matched: str) -> None:
        text = texts.get(field_name) or ""
        if text[hit.start : hit.end] != matched:  # offsets of another version: find the words instead
            found = text.find(matched) if matched else -1
            if found < 0:
                result.summary.append((hit.rule, kinds.label_for(post.kind, field_name)))
                return
            hit.start, hit.end = found, found + len(matched)
        result.per_field.setdefault(field_name, []).append(hit)
        result.summary.append((hit.rule, kinds.label_for(post.kind, field_name)))

    for key in ("blocked", "flagged"):
        for h in moderation.get(key) or []:
            how = ACTION_LABELS.get(h.get("action", ""), "") + VIA_LABELS.get(h.get("via", ""), "")
            rule = f"敏感词「{h.get('word')}」{how}"
            severity = "danger" if key == "blocked" else "warn"
            add(h.get("field", ""), Hit(h.get("start", 0), h.get("end", 0), rule, severity), h.get("matched_text", ""))
    for h in moderation.get("contacts") or []:
        rule = f"联系方式：{KEYWORD_CATEGORY_LABELS.get(h.get('kind', ''), '联系方式')}"
        add(h.get("field", ""), Hit(h.get("start", 0), h.get("end", 0), rule, "danger"), h.get("matched_text", ""))
    for h in moderation.get("fee_requests") or []:
        clause = h.get("clause") or ""
        add(h.get("field", ""), Hit(-1, -1, f"疑似向对方收费：「{h.get('fee')}」", "danger"), clause)
    if moderation.get("wechat_risky"):
        result.wechat_text = "微信文本检测：疑似违规"
    elif moderation.get("wechat_trace_ids"):
        result.wechat_text = "微信文本检测：通过"
    else:
        result.wechat_text = "微信文本检测：未检测（发布者未通过微信登录）"
    checks = MediaCheck.objects.filter(target_type="listings.post", target_id=str(post.pk)).order_by("created_at")
    verdicts = {MediaCheckStatus.PENDING: "检测中", MediaCheckStatus.PASS: "通过", MediaCheckStatus.REVIEW: "疑似"}
    for n, check in enumerate(checks, start=1):
        result.wechat_images.append(f"图片 {n}：{verdicts.get(check.status, '违规')}")  # type: ignore[call-overload]
    if moderation.get("wechat_media") and not result.wechat_images:
        result.wechat_images.append(f"微信图片检测：{len(moderation['wechat_media'])} 张疑似违规")
    return result


def marked(text: str, hits: list[Hit]) -> SafeString:
    """``text`` escaped, each hit wrapped in ``<mark>`` whose title and label name the rule."""
    out: list[str] = []
    pos = 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < pos:
            continue
        out.append(escape(text[pos : hit.start]))
        out.append(
            format_html(
                '<mark class="hit hit-{}" title="{}">{}<sup class="hit-rule">{}</sup></mark>',
                hit.severity,
                hit.rule,
                text[hit.start : hit.end],
                hit.rule,
            )
        )
        pos = hit.end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out).replace("\n", "<br>"))


class Names:
    """Names of the taxonomy tags and regions a set of form values refers to, loaded once."""

    industries: dict[Any, str]
    categories: dict[Any, str]
    job_types: dict[Any, str]
    processes: dict[Any, str]

    def __init__(self, *value_sets: dict[str, Any]) -> None:
        def ids(name: str) -> set[Any]:
            found: set[Any] = set()
            for values in value_sets:
                value = values.get(name)
                if isinstance(value, list):
                    found.update(value)
                elif value not in (None, ""):
                    found.add(value)
            return found

        self.industries = dict(Industry.objects.filter(pk__in=ids("industry_id")).values_list("pk", "name"))
        self.categories = dict(CategoryTag.objects.filter(pk__in=ids("category_id")).values_list("pk", "name"))
        self.job_types = dict(JobType.objects.filter(pk__in=ids("job_type_id")).values_list("pk", "name"))
        self.processes = dict(ProcessType.objects.filter(pk__in=ids("process_type_ids")).values_list("pk", "name"))
        self.regions = {r.adcode: r.full_name for r in Region.objects.filter(adcode__in=ids("region_id"))}


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def human(kind: str, name: str, values: dict[str, Any], names: Names) -> str:
    """One field's value as a reader would say it."""
    value: Any = values.get(name)
    if name == "industry_id":
        return names.industries.get(value, "（已删除的行业）")
    if name == "category_id":
        return names.categories.get(value, "（已删除的品类）")
    if name == "job_type_id":
        return names.job_types.get(value, "（已删除的工种）")
    if name == "process_type_ids":
        return "、".join(names.processes.get(v, "（已删除）") for v in value)
    if name == "region_id":
        return names.regions.get(str(value), "（未知地区）")
    if name in UNIT_OF:
        unit_field = UNIT_OF[name]
        unit = values.get(unit_field) or ""
        if name == "unit_price":
            per = values.get("quantity_unit") or ""
            return f"{_number(value)}（{_labels('currency').get(unit, '人民币')}）" + (f" / {per}" if per else "")
        if name == "capacity_amount":
            period = _labels("capacity_period").get(values.get("capacity_period") or "", "")
            return f"{period}{_number(value)} {unit}".strip()
        return f"{_number(value)} {_labels(unit_field).get(unit, unit)}".strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if name == "equipment":
        return "；".join(f"{e.get('name')} {e.get('model') or ''} ×{e.get('count')}".replace("  ", " ") for e in value)
    if isinstance(value, list):
        options = _labels(name)
        return "、".join(options.get(str(v), str(v)) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and name not in kinds.text_fields(kind):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.year} 年 {day.month} 月 {day.day} 日"
    options = _labels(name)
    if options:
        return options.get(str(value), str(value))
    return _number(value)


def _present(value: Any) -> bool:
    return value not in (None, "", [])


def _cell(kind: str, name: str, values: dict[str, Any], names: Names, hits: Findings | None) -> SafeString:
    if name in kinds.text_fields(kind) and isinstance(values.get(name), str):
        return marked(values[name], hits.per_field.get(name, []) if hits else [])
    return format_html("{}", human(kind, name, values, names))


def content_rows(
    post: Post,
    values: dict[str, Any],
    hits: Findings | None,
    *,
    before: dict[str, Any] | None = None,
    before_hits: Findings | None = None,
) -> list[Row]:
    """The rows of one version. With ``before`` (the published version of an edit) each row says
    whether it changed and carries the published value beside the new one."""
    names = Names(values, before or {})
    rows: list[Row] = []
    for name in kinds.accepted_fields(post.kind):
        if name in HIDDEN:
            continue
        now_present = _present(values.get(name))
        was_present = before is not None and _present(before.get(name))
        if not now_present and not was_present:
            continue
        label = kinds.label_for(post.kind, name)
        html = (
            _cell(post.kind, name, values, names, hits)
            if now_present
            else mark_safe('<span class="muted">（删除）</span>')
        )
        row = Row(label=label, html=html)
        if before is not None:
            unit_changed = name in UNIT_OF and before.get(UNIT_OF[name]) != values.get(UNIT_OF[name])
            row.changed = before.get(name) != values.get(name) or unit_changed
            if row.changed:
                row.before = _cell(post.kind, name, before, names, before_hits) if was_present else mark_safe("（无）")
        rows.append(row)
    return rows


def text_values(kind: str, values: dict[str, Any]) -> dict[str, str]:
    """The texts the checks saw, keyed as the hits name them."""
    texts = {name: str(values[name]) for name in kinds.text_fields(kind) if values.get(name)}
    equipment = values.get("equipment") or []
    if equipment:
        texts["equipment"] = "；".join(f"{e['name']} {e.get('model') or ''}".strip() for e in equipment)
    return texts


def summary_html(found: Findings) -> SafeString:
    if not found.summary:
        return mark_safe('<span class="muted">未命中敏感词或联系方式</span>')
    return format_html_join(
        "", '<li><span class="rule">{}</span> · {}</li>', ((rule, where) for rule, where in found.summary)
    )
