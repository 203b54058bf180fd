"""Personal-data rights (R-PLUS-5, PIPL): export and account cancellation.

Each domain that keeps personal data registers an exporter (what to include in the user's export)
and, where needed, an eraser (what to delete or anonymise on cancellation), from its AppConfig.ready,
so accounts never imports the other domains.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accounts.models import User

Exporter = Callable[["User"], Any]
Eraser = Callable[["User"], None]

_exporters: dict[str, Exporter] = {}
_erasers: dict[str, Eraser] = {}


def register_exporter(section: str, exporter: Exporter) -> None:
    _exporters[section] = exporter


def register_eraser(name: str, eraser: Eraser) -> None:
    _erasers[name] = eraser


def exporters() -> dict[str, Exporter]:
    return dict(_exporters)


def erasers() -> dict[str, Eraser]:
    return dict(_erasers)
