"""`manage.py check --deploy` refuses a deployment whose legal documents name no operator (issue #16 item 2)."""

from __future__ import annotations

import os
from typing import Any

from django.core.checks import Error, register

OPERATOR_VARIABLES = ("CMT_OPERATOR_NAME", "CMT_OPERATOR_ADDRESS", "CMT_CONTACT_EMAIL", "CMT_CONTACT_PHONE")


@register(deploy=True)
def operator_configured(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    missing = [name for name in OPERATOR_VARIABLES if not os.environ.get(name, "").strip()]
    if not missing:
        return []
    return [
        Error(
            f"用户协议和隐私政策中的运营方信息未配置：{', '.join(missing)}",
            hint="设置这些环境变量（公司全称、注册地址、个人信息保护联系邮箱和电话）后再上线",
            id="legal.E001",
        )
    ]
