"""The content-screening hook for apps below moderation (accounts, factories).

``moderation.pipeline`` is the one moderation pipeline for user content; apps above moderation import it.
Apps that sit below it (accounts for display names and avatars) or beside it (factories | moderation are
independent siblings) call :func:`screen` here, which moderation fills in its ``AppConfig.ready``
(``register_screen``). Same arguments, same result, same errors as ``moderation.pipeline.screen``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accounts.models import User

ScreenFn = Callable[..., Any]
_screen: ScreenFn | None = None


def register_screen(fn: ScreenFn) -> None:
    global _screen
    _screen = fn


def screen(
    *,
    place: str,
    texts: dict[str, str],
    author: User | None,
    files: Iterable[Any] = (),
    target: Any = None,
) -> Any:
    """Runs the moderation pipeline for ``place`` (see ``moderation.pipeline.PLACES``)."""
    if _screen is None:  # pragma: no cover - moderation is always installed
        raise RuntimeError("moderation pipeline not registered")
    return _screen(place=place, texts=texts, author=author, files=files, target=target)
