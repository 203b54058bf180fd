"""The console forms of mediation and feedback: resolve, dismiss, note, reply (R-OPS-4)."""

from __future__ import annotations

from django import forms
from unfold.widgets import UnfoldAdminSelectWidget, UnfoldAdminSplitDateTimeWidget, UnfoldAdminTextareaWidget

from support.models import NoteKind, Outcome


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(label="处理结果", choices=Outcome.choices, widget=UnfoldAdminSelectWidget)
    note = forms.CharField(
        label="处理说明（会通知投诉双方）",
        max_length=2000,
        widget=UnfoldAdminTextareaWidget(
            attrs={"rows": 4, "placeholder": "如：经核实，该岗位确向工人收取押金，予以限制发布"}
        ),
    )
    until = forms.SplitDateTimeField(
        label="限制/禁用截止时间（可选，不填为长期）", required=False, widget=UnfoldAdminSplitDateTimeWidget
    )


class DismissForm(forms.Form):
    note = forms.CharField(
        label="不予受理的原因（会通知投诉人）",
        max_length=2000,
        widget=UnfoldAdminTextareaWidget(attrs={"rows": 3, "placeholder": "如：投诉内容与平台信息无关"}),
    )


class NoteForm(forms.Form):
    kind = forms.ChoiceField(
        label="记录类型",
        choices=[
            (NoteKind.NOTE, NoteKind.NOTE.label),
            (NoteKind.CONTACT_COMPLAINANT, NoteKind.CONTACT_COMPLAINANT.label),
            (NoteKind.CONTACT_TARGET, NoteKind.CONTACT_TARGET.label),
        ],
        widget=UnfoldAdminSelectWidget,
    )
    text = forms.CharField(
        label="内容",
        max_length=2000,
        widget=UnfoldAdminTextareaWidget(
            attrs={"rows": 4, "placeholder": "如：已电话联系工厂负责人，对方称工资按件计算"}
        ),
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label="回复内容（用户在「意见反馈」中可见，并会收到通知）",
        max_length=2000,
        widget=UnfoldAdminTextareaWidget(attrs={"rows": 5}),
    )
